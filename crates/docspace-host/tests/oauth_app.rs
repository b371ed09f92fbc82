//! "Sign in with DocSpace" as the host sets it up: the OAuth app's client id in the runtime
//! configuration (given, or registered with an embedded devportal for the host's own origin),
//! and the OAuth endpoints left to the portal's origin.

use docspace_api::oauth::Scope;
use docspace_devportal::PortalConfig;
use docspace_host::{HostConfig, PortalTarget};

fn dist() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("index.html"),
        "<!doctype html><title>app</title>",
    )
    .expect("index");
    dir
}

async fn config(base: &str) -> serde_json::Value {
    reqwest::get(format!("{base}/docspace-config.json"))
        .await
        .expect("get")
        .json()
        .await
        .expect("json")
}

#[tokio::test]
async fn an_embedded_devportal_gets_an_oauth_app_for_the_hosts_origin() {
    let d = dist();
    let h = docspace_host::start(HostConfig {
        addr: "127.0.0.1:0".parse().expect("addr"),
        dist: d.path().to_path_buf(),
        portal: PortalTarget::Embedded(PortalConfig::for_tests()),
        ..HostConfig::default()
    })
    .await
    .expect("host starts");
    let cfg = config(&h.base_url()).await;
    let id = cfg["oauthClientId"].as_str().expect("a client id");
    let portal = h.embedded.as_ref().expect("embedded");
    let owner = docspace_api::Client::builder(portal.base_url())
        .api_key(portal.owner.api_key.clone())
        .build()
        .expect("client");
    let apps = owner.oauth_apps().list().await.expect("apps");
    let app = apps.iter().find(|a| a.client_id == id).expect("registered");
    assert_eq!(
        app.redirect_uris,
        vec![format!("{}/sign-in/oauth", h.base_url())]
    );
    assert!(app.allows_pkce());
    assert_eq!(app.scopes.len(), Scope::FOR_APPS.len());
    // The same app read by its id, as Diagnostics reads it.
    let one = owner.oauth_apps().get(id).await.expect("the app by id");
    assert_eq!(&one, app);
    let unknown = owner
        .oauth_apps()
        .get("00000000-0000-0000-0000-000000000000")
        .await;
    assert!(
        matches!(unknown, Err(docspace_api::Error::NotFound { .. })),
        "{unknown:?}"
    );
    // The authorization server stays on the portal's origin: nothing under /oauth2 here.
    let r = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .get(format!("{}/oauth2/authorize?client_id={id}", h.base_url()))
        .send()
        .await
        .expect("get");
    let body = r.text().await.expect("text");
    assert!(
        !body.contains("wants access") && !body.contains("Authorization error"),
        "the host answers /oauth2 with the app itself, never the portal's page"
    );
    h.shutdown().await;
}

#[tokio::test]
async fn a_given_client_id_is_served_and_none_means_password_only() {
    let d = dist();
    let h = docspace_host::start(HostConfig {
        addr: "127.0.0.1:0".parse().expect("addr"),
        dist: d.path().to_path_buf(),
        portal: PortalTarget::Remote("http://127.0.0.1:9".into()),
        oauth_client_id: Some("c0ffee-app".into()),
        ..HostConfig::default()
    })
    .await
    .expect("host starts");
    assert_eq!(config(&h.base_url()).await["oauthClientId"], "c0ffee-app");
    let h2 = docspace_host::start(HostConfig {
        addr: "127.0.0.1:0".parse().expect("addr"),
        dist: d.path().to_path_buf(),
        portal: PortalTarget::Remote("http://127.0.0.1:9".into()),
        ..HostConfig::default()
    })
    .await
    .expect("host starts");
    assert_eq!(
        config(&h2.base_url()).await["oauthClientId"],
        serde_json::Value::Null
    );
}

#[tokio::test]
async fn a_restart_reuses_the_app_it_registered() {
    let p = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("devportal");
    let origins = vec!["http://127.0.0.1:8080".to_string()];
    let reg = docspace_host::oauth_app::register;
    let first = reg(&p.base_url(), &p.owner.api_key, &origins)
        .await
        .expect("registered");
    let again = reg(&p.base_url(), &p.owner.api_key, &origins)
        .await
        .expect("found");
    assert_eq!(first, again);
    let other = reg(
        &p.base_url(),
        &p.owner.api_key,
        &["http://127.0.0.1:8081".to_string()],
    )
    .await
    .expect("registered");
    assert_ne!(first, other, "another origin is another app");
}
