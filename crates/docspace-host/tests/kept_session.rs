//! The app's sign-in kept by the host: it lasts across page loads and tabs (the cookie), the token
//! never reaches script, and no other site can use it. Over real HTTP against a devportal.

use docspace_api::HOST_KEY_HEADER;
mod support;

use docspace_devportal::RunningPortal;
use docspace_host::RunningHost;
use reqwest::header::{COOKIE, ORIGIN, SET_COOKIE};

struct Setup {
    portal: RunningPortal,
    host: RunningHost,
    _dist: tempfile::TempDir,
}

/// A host holding the owner's key, so that every test also shows the user's own session winning
/// over the held key.
async fn setup() -> Setup {
    let (portal, host, dist) = support::portal_and_host("<!doctype html>", true).await;
    Setup {
        portal,
        host,
        _dist: dist,
    }
}

impl Setup {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.host.base_url())
    }

    /// The app signing in as `email` (`session`: a browser-session login).
    async fn sign_in(&self, email: &str, session: bool) -> reqwest::Response {
        reqwest::Client::new()
            .post(self.url("/api/2.0/authentication"))
            .header(HOST_KEY_HEADER, "1")
            .header(ORIGIN, self.host.base_url())
            .json(&serde_json::json!({
                "userName": email,
                "password": self.portal.owner.password,
                "session": session,
            }))
            .send()
            .await
            .expect("sign-in")
    }

    /// `GET people/@self` as the app, with `cookie`; the status and the e-mail answered.
    async fn me(&self, cookie: &str) -> (u16, Option<String>, Vec<String>) {
        let resp = reqwest::Client::new()
            .get(self.url("/api/2.0/people/@self"))
            .header(HOST_KEY_HEADER, "1")
            .header(COOKIE, cookie)
            .send()
            .await
            .expect("@self");
        let status = resp.status().as_u16();
        let cookies = set_cookies(&resp);
        let email = resp
            .json::<serde_json::Value>()
            .await
            .ok()
            .and_then(|v| v["response"]["email"].as_str().map(str::to_string));
        (status, email, cookies)
    }
}

fn set_cookies(resp: &reqwest::Response) -> Vec<String> {
    resp.headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_string))
        .collect()
}

/// `name=value` of the session cookie, as a browser would send it back.
fn session_cookie(cookies: &[String]) -> String {
    cookies
        .iter()
        .find(|c| c.starts_with("docspace-embed-session="))
        .and_then(|c| c.split(';').next())
        .expect("the session cookie")
        .to_string()
}

#[tokio::test]
async fn the_sign_in_is_kept_in_an_http_only_cookie_and_the_token_never_reaches_script() {
    let s = setup().await;
    let resp = s.sign_in("user@example.com", true).await;
    assert_eq!(resp.status().as_u16(), 200);
    let cookies = set_cookies(&resp);
    let body: serde_json::Value = resp.json().await.expect("json");
    assert!(
        body["response"].get("token").is_none(),
        "the token stays with the host: {body}"
    );
    let kept = cookies
        .iter()
        .find(|c| c.starts_with("docspace-embed-session="))
        .expect("kept");
    assert!(kept.contains("HttpOnly") && kept.contains("SameSite=Strict"));
    assert!(
        !kept.contains("Max-Age"),
        "a browser-session login keeps a browser-session cookie: {kept}"
    );
    let marker = cookies
        .iter()
        .find(|c| c.starts_with("docspace-embed-signed-in=1"))
        .expect("the marker script reads");
    assert!(!marker.contains("HttpOnly"));

    // A reload or a second tab: only the cookie, and the user is still the user (not the
    // owner whose key the host holds).
    let (status, email, _) = s.me(&session_cookie(&cookies)).await;
    assert_eq!((status, email.as_deref()), (200, Some("user@example.com")));
}

#[tokio::test]
async fn a_lasting_sign_in_keeps_the_cookie_as_long_as_the_token() {
    let s = setup().await;
    let resp = s.sign_in("user@example.com", false).await;
    let cookies = set_cookies(&resp);
    let kept = cookies
        .iter()
        .find(|c| c.starts_with("docspace-embed-session="))
        .expect("kept");
    let max_age: i64 = kept
        .split("Max-Age=")
        .nth(1)
        .and_then(|rest| rest.split(';').next())
        .and_then(|n| n.parse().ok())
        .expect("a lifetime");
    // The devportal's lasting logins end after DocSpace's default (days, not seconds).
    assert!(max_age > 86_400, "{kept}");
}

#[tokio::test]
async fn another_site_cannot_use_the_kept_session() {
    let s = setup().await;
    let cookie = session_cookie(&set_cookies(&s.sign_in("user@example.com", true).await));
    // A cross-site request cannot add the app's header; with the cookie alone it is anonymous.
    let resp = reqwest::Client::new()
        .get(s.url("/api/2.0/people/@self"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .expect("get");
    assert_eq!(resp.status().as_u16(), 401);
    // Nor from another origin, header or not.
    let resp = reqwest::Client::new()
        .get(s.url("/api/2.0/people/@self"))
        .header(HOST_KEY_HEADER, "1")
        .header(ORIGIN, "http://evil.example")
        .header("sec-fetch-site", "cross-site")
        .header(COOKIE, &cookie)
        .send()
        .await
        .expect("get");
    assert_eq!(resp.status().as_u16(), 401);
    // And another origin's sign-in is not kept for the app.
    let resp = reqwest::Client::new()
        .post(s.url("/api/2.0/authentication"))
        .header(ORIGIN, "http://evil.example")
        .json(&serde_json::json!({
            "userName": "user@example.com",
            "password": s.portal.owner.password,
        }))
        .send()
        .await
        .expect("sign-in");
    assert!(set_cookies(&resp).is_empty());
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_portal_and_clears_the_cookies() {
    let s = setup().await;
    let cookie = session_cookie(&set_cookies(&s.sign_in("user@example.com", true).await));
    let resp = reqwest::Client::new()
        .post(s.url("/api/2.0/authentication/logout"))
        .header(HOST_KEY_HEADER, "1")
        .header(ORIGIN, s.host.base_url())
        .header(COOKIE, &cookie)
        .json(&serde_json::json!({}))
        .send()
        .await
        .expect("logout");
    assert!(resp.status().is_success());
    let cleared = set_cookies(&resp);
    assert!(
        cleared
            .iter()
            .any(|c| c.starts_with("docspace-embed-session=;") && c.contains("Max-Age=0")),
        "{cleared:?}"
    );
    // The old cookie (a stale tab) is refused by the portal, and the host clears it there too.
    let (status, _, cookies) = s.me(&cookie).await;
    assert_eq!(status, 401);
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with("docspace-embed-signed-in=;") && c.contains("Max-Age=0")),
        "{cookies:?}"
    );
    // With no session, the held key acts again.
    let (status, email, _) = s.me("").await;
    assert_eq!((status, email.as_deref()), (200, Some("owner@example.com")));
}
