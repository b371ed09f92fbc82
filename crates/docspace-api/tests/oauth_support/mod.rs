//! What the OAuth tests do as the signed-in user's browser would: sign in, register an app, and
//! answer the consent page. The client under test does the rest.

#![allow(dead_code)] // Each test binary uses a different part.

use docspace_devportal::RunningPortal;
use serde_json::{Value, json};

/// A one-pixel PNG: the registration API requires a logo.
const LOGO: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

/// A browser that does not follow redirects, so that a test can read where it is sent.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// Signs the owner in with a password; returns the session token.
pub async fn sign_in(p: &RunningPortal) -> String {
    let v = json_answer(
        browser()
            .post(format!("{}/api/2.0/authentication", p.base_url()))
            .json(&json!({"userName": p.owner.email, "password": p.owner.password})),
    )
    .await;
    v["response"]["token"].as_str().expect("token").to_string()
}

/// Registers a confidential app that also allows PKCE, named `name`, for `redirect`, with the
/// scopes `accounts.self:read` and `rooms:read`; returns its id and secret.
pub async fn register(
    p: &RunningPortal,
    session: &str,
    name: &str,
    redirect: &str,
) -> (String, String) {
    let c = json_answer(
        browser()
            .post(format!("{}/api/2.0/clients", p.base_url()))
            .header("Authorization", session)
            .json(&json!({
                "name": name, "logo": LOGO, "allow_pkce": true, "is_public": false,
                "website_url": "https://example.com", "terms_url": "https://example.com/t",
                "policy_url": "https://example.com/p", "redirect_uris": [redirect],
                "allowed_origins": ["https://example.com"], "logout_redirect_uri": "https://example.com/l",
                "scopes": ["accounts.self:read", "rooms:read"],
            })),
    )
    .await;
    (
        c["client_id"].as_str().expect("id").into(),
        c["client_secret"].as_str().expect("secret").into(),
    )
}

/// Which scopes the user allows on the consent page.
pub enum Allow<'a> {
    /// Every scope the page shows.
    All,
    /// These (none: the user denies).
    Only(&'a [&'a str]),
}

/// The signed-in browser opens the authorize URL and, on the consent page, allows what `allow`
/// says. Returns where the portal sends the browser (straight away where consent was given
/// before).
pub async fn consent(
    p: &RunningPortal,
    session: &str,
    url: &str,
    client_id: &str,
    allow: Allow<'_>,
) -> String {
    let cookie = format!("asc_auth_key={session}");
    let page = browser()
        .get(url)
        .header("Cookie", &cookie)
        .send()
        .await
        .expect("sent");
    if page.status() == 302 {
        return location(&page);
    }
    let page = page.text().await.expect("page");
    let at = page.find("name=state value=\"").expect("consent form") + 18;
    let state = page[at..].split('"').next().expect("state");
    let shown: Vec<&str> = page
        .split("name=scope value=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    let allowed = match allow {
        Allow::All => &shown[..],
        Allow::Only(these) => these,
    };
    let mut form: Vec<(&str, &str)> = vec![("client_id", client_id), ("state", state)];
    form.extend(allowed.iter().map(|s| ("scope", *s)));
    let answer = browser()
        .post(format!("{}/oauth2/authorize", p.base_url()))
        .header("Cookie", &cookie)
        .header("Origin", p.base_url())
        .form(&form)
        .send()
        .await
        .expect("sent");
    assert_eq!(answer.status(), 302);
    location(&answer)
}

/// Sends `request` and reads the answer as JSON.
async fn json_answer(request: reqwest::RequestBuilder) -> Value {
    let answer = request.send().await.expect("sent");
    answer.json().await.expect("json")
}

fn location(r: &reqwest::Response) -> String {
    r.headers()["location"]
        .to_str()
        .expect("location")
        .to_string()
}
