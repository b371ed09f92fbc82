//! End to end: "Sign in with DocSpace" (OAuth2 with PKCE) through the portal's sign-in and
//! consent pages, a denied consent, a scope left out, a token the portal stops accepting and one
//! that expired (the app authorizes again and comes back where it was), and the Apps and keys
//! page creating and revoking an API key with its secret shown once.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::oauth::Scope;
use docspace_devportal::{PortalConfig, RunningPortal};
use docspace_host::{HostConfig, PortalTarget, RunningHost};
use support::*;

/// A portal with the app's OAuth app registered (as an admin would), and the host naming it.
struct OAuthStack {
    portal: RunningPortal,
    host: RunningHost,
    client_id: String,
}

impl OAuthStack {
    async fn start() -> OAuthStack {
        // The app's origin is registered before the host serves it: the port is held meanwhile.
        let (listener, origin) = loopback_listener().await;
        let portal = docspace_devportal::start(PortalConfig {
            allow_origins: vec![origin.clone()],
            ..PortalConfig::for_tests()
        })
        .await
        .expect("devportal starts");
        let app = owner_api(&portal)
            .oauth_apps()
            .register("DocSpace Embed", format!("{origin}/sign-in/oauth"), &origin)
            .scopes(Scope::FOR_APPS)
            .allowed_origins([origin.clone()])
            .send()
            .await
            .expect("registered");
        let host = docspace_host::start_on(
            listener,
            HostConfig {
                dist: dist(),
                portal: PortalTarget::Remote(portal.base_url()),
                oauth_client_id: Some(app.client_id.clone()),
                ..HostConfig::default()
            },
        )
        .await
        .expect("host starts");
        OAuthStack {
            portal,
            host,
            client_id: app.client_id,
        }
    }

    fn url(&self) -> String {
        self.host.base_url()
    }
}

fn owner_api(p: &RunningPortal) -> docspace_api::Client {
    docspace_api::Client::builder(p.base_url())
        .api_key(p.owner.api_key.clone())
        .build()
        .expect("client")
}

/// From the app's sign-in page through the portal's sign-in page to its consent page.
async fn to_consent(driver: &WebDriver, app: &str, path: &str, p: &RunningPortal) {
    driver.goto(format!("{app}{path}")).await.expect("open app");
    click(driver, "[data-testid='oauth-sign-in'] button").await;
    fill(
        driver,
        "[data-testid='docspace-sign-in-email']",
        &p.owner.email,
    )
    .await;
    fill(
        driver,
        "[data-testid='docspace-sign-in-password']",
        &p.owner.password,
    )
    .await;
    click(driver, "[data-testid='docspace-sign-in-submit']").await;
    wait_for(driver, "form#allow").await;
}

/// The path and query the tab shows once it is back in the app, signed in.
async fn signed_in_at(driver: &WebDriver) -> String {
    wait_for(driver, "[data-testid='user-name']").await;
    // The name shows as the session starts, a moment before the tab leaves the callback page.
    eventually("the tab left the callback page", || {
        let driver = driver.clone();
        async move {
            let url = driver.current_url().await.ok()?;
            (url.path() != "/sign-in/oauth").then(|| {
                format!(
                    "{}{}",
                    url.path(),
                    url.query().map(|q| format!("?{q}")).unwrap_or_default()
                )
            })
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn signs_in_with_docspace_through_the_consent_page_back_where_it_was() {
    let s = OAuthStack::start().await;
    with_browser(|driver| async move {
        to_consent(&driver, &s.url(), "/people", &s.portal).await;
        click(&driver, "form#allow button").await;
        assert_eq!(signed_in_at(&driver).await, "/people");
        assert_eq!(
            text_of(&driver, "[data-testid='user-name']").await,
            s.portal.owner.display_name
        );
        // The code left the address bar; nothing secret is kept in web storage.
        let session = web_storage(&driver, "sessionStorage").await;
        assert_eq!(session, r#"{"docspace-embed.oauth":"1"}"#);
        let local = web_storage(&driver, "localStorage").await;
        assert!(
            !local.contains("oauth") && !local.contains("eyJ"),
            "{local}"
        );
        // The app's own REST calls work with the token (the People page lists the users).
        wait_for(&driver, "[data-testid='person-row'], .person-row").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_denied_consent_says_so_and_signs_nobody_in() {
    let s = OAuthStack::start().await;
    with_browser(|driver| async move {
        to_consent(&driver, &s.url(), "/rooms", &s.portal).await;
        click(&driver, "form#deny button").await;
        let msg = text_of(&driver, "[data-testid='oauth-error']").await;
        assert!(msg.contains("declined"), "{msg}");
        let url = driver.current_url().await.expect("url");
        assert_eq!((url.path(), url.query()), ("/sign-in/oauth", None));
        assert!(
            driver
                .find(By::Css("[data-testid='user-name']"))
                .await
                .is_err()
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_scope_left_out_is_named() {
    let s = OAuthStack::start().await;
    with_browser(|driver| async move {
        to_consent(&driver, &s.url(), "/rooms", &s.portal).await;
        click(&driver, "input[name=scope][value='accounts.self:read']").await;
        click(&driver, "form#allow button").await;
        let msg = text_of(&driver, "[data-testid='oauth-error']").await;
        assert!(msg.contains("accounts.self:read"), "{msg}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_token_the_portal_stops_accepting_leads_to_a_new_authorization_back_here() {
    let s = OAuthStack::start().await;
    with_browser(|driver| async move {
        to_consent(&driver, &s.url(), "/rooms", &s.portal).await;
        click(&driver, "form#allow button").await;
        assert_eq!(signed_in_at(&driver).await, "/rooms");
        // The user withdraws the consent on the portal: the app's token stops working.
        owner_api(&s.portal)
            .oauth_apps()
            .revoke_consent(&s.client_id)
            .await
            .expect("revoked");
        // The next request is refused; the app goes to authorize again and the portal, which
        // still knows the browser, asks for the consent it no longer has.
        click(&driver, "a[href='/people']").await;
        click(&driver, "form#allow button").await;
        assert_eq!(signed_in_at(&driver).await, "/people");
        // A reload drops the in-memory token; the tab authorizes again without a page to click.
        driver.refresh().await.expect("reload");
        assert_eq!(signed_in_at(&driver).await, "/people");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_expired_token_leads_to_a_new_authorization_without_a_page_to_click() {
    let s = OAuthStack::start().await;
    with_browser(|driver| async move {
        to_consent(&driver, &s.url(), "/rooms", &s.portal).await;
        click(&driver, "form#allow button").await;
        assert_eq!(signed_in_at(&driver).await, "/rooms");
        // An hour later by the portal's clock the access token has expired (DocSpace's tokens
        // live 60 minutes). An app that signs in with PKCE alone gets no refresh token from
        // DocSpace, so the app authorizes again; the consent stands and the portal still knows
        // the browser, so it comes straight back to where the user was going.
        // A mark in this document: only a full navigation (to the portal and back) drops it.
        driver
            .execute("window.beforeExpiry = true;", vec![])
            .await
            .expect("mark");
        s.portal.clock().advance(chrono::Duration::minutes(61));
        click(&driver, "a[href='/people']").await;
        // Until the refused call sends the tab away, it is still this document on the way to
        // /people: wait for the page after the round trip, where the mark is gone. A tab that
        // never authorized again keeps the mark, and this times out.
        eventually("the tab authorized again and came back to /people", || {
            let driver = driver.clone();
            async move {
                let url = driver.current_url().await.ok()?;
                let marked = driver
                    .execute("return window.beforeExpiry === true;", vec![])
                    .await
                    .ok()?;
                (url.path() == "/people" && marked.json() == &serde_json::json!(false))
                    .then_some(())
            }
        })
        .await;
        assert_eq!(signed_in_at(&driver).await, "/people");
        // The list needs an API call that the new token carries.
        wait_for(&driver, "[data-testid='people-list']").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn apps_and_keys_creates_a_key_shows_its_secret_once_and_revokes_it() {
    let s = OAuthStack::start().await;
    let owner = s.portal.owner.clone();
    with_browser(|driver| async move {
        sign_in(&driver, &s.url(), &owner.email, &owner.password, false).await;
        click(&driver, "a[href='/apps']").await;
        fill(
            &driver,
            "[data-testid='key-form'] input[type='text']",
            "e2e key",
        )
        .await;
        click(&driver, "[data-testid='key-form'] input[type='checkbox']").await;
        click(&driver, "[data-testid='key-form'] button[type='submit']").await;
        let secret = text_of(&driver, "[data-testid='secret-value']").await;
        assert!(secret.starts_with("sk-"), "{secret}");
        wait_for(&driver, "[data-testid='key-row']").await;
        let keys = owner_api(&s.portal).keys().list().await.expect("keys");
        let made = keys.iter().find(|k| k.name == "e2e key").expect("created");
        assert_eq!(made.permissions.as_ref().map(Vec::len), Some(1));
        // The secret goes once the user says it is saved.
        click(&driver, "[data-testid='secret-once'] button").await;
        click(
            &driver,
            "[data-testid='key-row'] button[aria-label='Revoke e2e key']",
        )
        .await;
        eventually("the key is revoked", || {
            let api = owner_api(&s.portal);
            async move {
                let keys = api.keys().list().await.ok()?;
                (!keys.iter().any(|k| k.name == "e2e key")).then_some(())
            }
        })
        .await;
        // The OAuth apps section shows the app's client id.
        let ids = driver
            .find_all(By::Css("[data-testid='app-client-id']"))
            .await
            .expect("find");
        let mut shown = Vec::new();
        for id in ids {
            shown.push(id.text().await.expect("text"));
        }
        assert!(shown.contains(&s.client_id), "{shown:?}");
    })
    .await;
}
