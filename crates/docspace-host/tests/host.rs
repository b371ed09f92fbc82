//! The host over real HTTP: static files, runtime config, and the proxy to a devportal.

use docspace_devportal::PortalConfig;
use docspace_host::{HostConfig, PortalTarget, RunningHost};

fn dist() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("index.html"),
        "<!doctype html><title>app</title>",
    )
    .expect("index");
    std::fs::write(dir.path().join("app-0123abcd.js"), "console.log(1)").expect("asset");
    dir
}

async fn host(
    dist: &std::path::Path,
    portal: PortalTarget,
    api_key: Option<String>,
) -> RunningHost {
    docspace_host::start(HostConfig {
        addr: "127.0.0.1:0".parse().expect("addr"),
        dist: dist.to_path_buf(),
        portal,
        api_key,
        ..HostConfig::default()
    })
    .await
    .expect("host starts")
}

#[tokio::test]
async fn proxies_the_api_adding_the_held_key() {
    let portal = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("portal");
    let d = dist();
    let h = host(
        d.path(),
        PortalTarget::Remote(portal.base_url()),
        Some(portal.owner.api_key.clone()),
    )
    .await;
    let resp = reqwest::get(format!("{}/api/2.0/people/@self", h.base_url()))
        .await
        .expect("get");
    assert_eq!(resp.status().as_u16(), 200);
    let v: serde_json::Value = resp.json().await.expect("json");
    assert_eq!(v["response"]["email"], "owner@example.com");
}

#[tokio::test]
async fn passes_the_callers_own_credentials_and_the_portals_refusal_through() {
    let portal = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("portal");
    let d = dist();
    let h = host(
        d.path(),
        PortalTarget::Remote(portal.base_url()),
        Some(portal.owner.api_key.clone()),
    )
    .await;
    let resp = reqwest::Client::new()
        .get(format!("{}/api/2.0/people/@self", h.base_url()))
        .header("Authorization", format!("Bearer sk-{}", "4".repeat(64)))
        .send()
        .await
        .expect("get");
    assert_eq!(
        resp.status().as_u16(),
        401,
        "the caller's own (wrong) key wins over the held one"
    );
    assert!(resp.text().await.expect("body").is_empty());
}

#[tokio::test]
async fn a_dead_portal_gets_a_502_in_docspace_shape() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let d = dist();
    let h = host(
        d.path(),
        PortalTarget::Remote(format!("http://127.0.0.1:{port}")),
        None,
    )
    .await;
    let resp = reqwest::get(format!("{}/api/2.0/people/@self", h.base_url()))
        .await
        .expect("get");
    assert_eq!(resp.status().as_u16(), 502);
    let v: serde_json::Value = resp.json().await.expect("json");
    assert_eq!(v["statusCode"], 502);
    assert!(
        v["error"]["message"]
            .as_str()
            .expect("message")
            .contains("cannot be reached")
    );
}

#[tokio::test]
async fn serves_the_app_with_spa_fallback_and_cache_policy() {
    let d = dist();
    let h = host(
        d.path(),
        PortalTarget::Remote("http://127.0.0.1:9".into()),
        None,
    )
    .await;
    let resp = reqwest::get(format!("{}/rooms/42", h.base_url()))
        .await
        .expect("get");
    assert_eq!(resp.status().as_u16(), 200);
    assert_eq!(resp.headers()["cache-control"], "no-cache");
    assert!(
        resp.text()
            .await
            .expect("body")
            .contains("<title>app</title>")
    );
    let resp = reqwest::get(format!("{}/app-0123abcd.js", h.base_url()))
        .await
        .expect("get");
    assert_eq!(
        resp.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    let cfg: serde_json::Value = reqwest::get(format!("{}/docspace-config.json", h.base_url()))
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(cfg["portalUrl"], "http://127.0.0.1:9");
}

#[tokio::test]
async fn starts_an_embedded_devportal_and_acts_as_its_owner() {
    let d = dist();
    let h = host(
        d.path(),
        PortalTarget::Embedded(PortalConfig::for_tests()),
        None,
    )
    .await;
    let embedded = h.embedded.as_ref().expect("embedded portal");
    assert_eq!(h.portal_url(), embedded.base_url());
    let v: serde_json::Value = reqwest::get(format!("{}/api/2.0/people/@self", h.base_url()))
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(
        v["response"]["displayName"],
        embedded.owner.display_name.as_str()
    );
}
