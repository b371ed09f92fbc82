//! Shared steps of the OAuth tests: sign in, register a client, drive `/oauth2/authorize` and the
//! consent form over real HTTP on loopback, exchange codes.

#![allow(dead_code)] // Each test file uses a different subset.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use docspace_devportal::RunningPortal;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// The redirect URI the test clients register.
pub const REDIRECT: &str = "http://127.0.0.1:9/callback";

pub use docspace_testkit::oauth::LOGO;
/// An HTTP client that does not follow redirects.
pub use docspace_testkit::oauth::no_redirects as http;

/// Signs `email` in with the demo password; returns the login token (also the cookie value).
pub async fn sign_in(p: &RunningPortal, email: &str) -> String {
    docspace_testkit::oauth::PortalUser::sign_in(&p.base_url(), email, &p.owner.password)
        .await
        .session()
        .to_string()
}

/// A valid `CreateClientRequest` body.
pub fn client_body(allow_pkce: bool, scopes: &[&str]) -> Value {
    json!({
        "name": "Test app",
        "description": "for tests",
        "logo": LOGO,
        "allow_pkce": allow_pkce,
        "is_public": false,
        "website_url": "https://example.com",
        "terms_url": "https://example.com/terms",
        "policy_url": "https://example.com/policy",
        "redirect_uris": [REDIRECT],
        "allowed_origins": ["https://example.com"],
        "logout_redirect_uri": "https://example.com/logout",
        "scopes": scopes,
    })
}

/// Registers a client as the signed-in `token`'s user; returns the `ClientResponse`.
pub async fn register(p: &RunningPortal, token: &str, allow_pkce: bool, scopes: &[&str]) -> Value {
    let resp = http()
        .post(format!("{}/api/2.0/clients", p.base_url()))
        .header("Authorization", token)
        .json(&client_body(allow_pkce, scopes))
        .send()
        .await
        .expect("sent");
    assert_eq!(resp.status(), 201);
    resp.json().await.expect("json")
}

/// A PKCE pair `(verifier, S256 challenge)`.
pub fn pkce() -> (String, String) {
    let verifier = format!("v{}", uuid::Uuid::new_v4().simple()).repeat(2);
    let challenge = B64.encode(Sha256::digest(verifier.as_bytes()));
    (verifier, challenge)
}

/// `GET /oauth2/authorize?{query}` with the session cookie (if any).
pub async fn authorize(
    p: &RunningPortal,
    cookie: Option<&str>,
    query: &[(&str, &str)],
) -> reqwest::Response {
    let mut req = http()
        .get(format!("{}/oauth2/authorize", p.base_url()))
        .query(query);
    if let Some(c) = cookie {
        req = req.header("Cookie", format!("asc_auth_key={c}"));
    }
    req.send().await.expect("sent")
}

/// The standard query of a code request with PKCE.
pub fn code_query<'a>(
    client_id: &'a str,
    scope: &'a str,
    challenge: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("response_type", "code"),
        ("client_id", client_id),
        ("redirect_uri", REDIRECT),
        ("scope", scope),
        ("state", "xyz"),
        ("code_challenge", challenge),
        ("code_challenge_method", "S256"),
    ]
}

/// The consent form's server `state` in a consent page.
pub fn form_state(page: &str) -> String {
    let at = page.find("name=state value=\"").expect("a consent form") + 18;
    page[at..].split('"').next().expect("value").to_string()
}

/// Posts the consent form as the browser would (multipart, same origin).
pub async fn post_consent(
    p: &RunningPortal,
    cookie: &str,
    client_id: &str,
    state: &str,
    scopes: &[&str],
    origin: Option<&str>,
) -> reqwest::Response {
    let b = "consent-boundary-1";
    let mut body = String::new();
    let mut field = |k: &str, v: &str| {
        body.push_str(&format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
        ))
    };
    field("client_id", client_id);
    field("state", state);
    for s in scopes {
        field("scope", s);
    }
    body.push_str(&format!("--{b}--\r\n"));
    let own = p.base_url();
    http()
        .post(format!("{}/oauth2/authorize", p.base_url()))
        .header("Cookie", format!("asc_auth_key={cookie}"))
        .header("Origin", origin.unwrap_or(&own))
        .header("Content-Type", format!("multipart/form-data; boundary={b}"))
        .body(body)
        .send()
        .await
        .expect("sent")
}

/// A query parameter of a `Location` header.
pub fn location_param(resp: &reqwest::Response, name: &str) -> Option<String> {
    let loc = resp.headers().get("location")?.to_str().ok()?;
    let url = reqwest::Url::parse(loc).ok()?;
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// Runs authorize + consent (approving `scope`) and returns the code.
pub async fn code_for(
    p: &RunningPortal,
    cookie: &str,
    client_id: &str,
    scope: &str,
    challenge: &str,
) -> String {
    let resp = authorize(p, Some(cookie), &code_query(client_id, scope, challenge)).await;
    let resp = if resp.status() == 200 {
        let page = resp.text().await.expect("page");
        let scopes: Vec<&str> = scope.split(' ').collect();
        post_consent(p, cookie, client_id, &form_state(&page), &scopes, None).await
    } else {
        resp
    };
    assert_eq!(resp.status(), 302);
    assert_eq!(location_param(&resp, "state").as_deref(), Some("xyz"));
    location_param(&resp, "code").expect("a code")
}

/// `POST /oauth2/token` with form `fields`; returns status and JSON.
pub async fn token(p: &RunningPortal, fields: &[(&str, &str)]) -> (u16, Value) {
    let resp = http()
        .post(format!("{}/oauth2/token", p.base_url()))
        .form(fields)
        .send()
        .await
        .expect("sent");
    let status = resp.status().as_u16();
    (status, resp.json().await.expect("json"))
}

/// An authorization-code exchange at `POST /oauth2/token` as a client sends it: the code, the
/// registered redirect and the client id, then what the test adds or changes.
pub struct Exchange<'a> {
    fields: Vec<(&'a str, &'a str)>,
}

impl<'a> Exchange<'a> {
    pub fn code(code: &'a str, client_id: &'a str) -> Self {
        let fields = vec![
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", REDIRECT),
            ("client_id", client_id),
        ];
        Exchange { fields }
    }

    /// With the client's secret in the form (`client_secret_post`).
    pub fn secret(mut self, secret: &'a str) -> Self {
        self.fields.push(("client_secret", secret));
        self
    }

    /// With the PKCE verifier.
    pub fn verifier(mut self, verifier: &'a str) -> Self {
        self.fields.push(("code_verifier", verifier));
        self
    }

    /// With another redirect than the registered one.
    pub fn redirect(mut self, uri: &'a str) -> Self {
        for field in &mut self.fields {
            if field.0 == "redirect_uri" {
                field.1 = uri;
            }
        }
        self
    }

    pub async fn send(&self, p: &RunningPortal) -> (u16, Value) {
        token(p, &self.fields).await
    }
}

/// POST a form to an `/oauth2/...` endpoint; returns the status and body.
pub async fn post_form(p: &RunningPortal, path: &str, fields: &[(&str, &str)]) -> (u16, String) {
    let resp = http()
        .post(format!("{}{path}", p.base_url()))
        .form(fields)
        .send()
        .await
        .expect("sent");
    (resp.status().as_u16(), resp.text().await.expect("body"))
}

/// GET `path` with `Authorization: Bearer {access}`; returns the status.
pub async fn bearer_get(p: &RunningPortal, path: &str, access: &str) -> u16 {
    http()
        .get(format!("{}{path}", p.base_url()))
        .header("Authorization", format!("Bearer {access}"))
        .send()
        .await
        .expect("sent")
        .status()
        .as_u16()
}

/// The claims of a JWT (not verified: the test reads what the server put in).
pub fn claims(jwt: &str) -> Value {
    let payload = jwt.split('.').nth(1).expect("payload");
    serde_json::from_slice(&B64.decode(payload).expect("base64url")).expect("json")
}

/// Runs Python from the venv with Authlib in it (`DOCSPACE_OAUTH_PYTHON` may name another) with
/// `args` and `envs`, and returns what it did. Bounded, so a hung client fails the test.
pub async fn run_authlib(args: &[&str], envs: &[(&str, &str)]) -> std::process::Output {
    let run = tokio::process::Command::new(authlib_python())
        .args(args)
        .envs(envs.iter().copied())
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true)
        .output();
    // A bound on a hung client, not a timing assertion.
    tokio::time::timeout(std::time::Duration::from_secs(300), run)
        .await
        .expect("Python with Authlib did not finish")
        .expect("Python with Authlib could not start")
}

/// `oauth-venv/bin/python` in the target directory this test binary was built into
/// (`target/debug/deps/<test>`), which `cargo xtask test` creates.
fn authlib_python() -> std::path::PathBuf {
    if let Some(p) = std::env::var_os("DOCSPACE_OAUTH_PYTHON") {
        return p.into();
    }
    let exe = std::env::current_exe().expect("test binary path");
    let target = exe
        .ancestors()
        .nth(3)
        .expect("the test binary lives in <target>/debug/deps");
    let python = target.join("oauth-venv/bin/python");
    assert!(
        python.exists(),
        "Authlib is not installed: {} is missing.\n`cargo xtask test` creates it; by hand:\n  \
         python3 -m venv {venv} && {venv}/bin/pip install 'authlib==1.9.10' 'requests==2.34.2'",
        python.display(),
        venv = target.join("oauth-venv").display(),
    );
    python
}
