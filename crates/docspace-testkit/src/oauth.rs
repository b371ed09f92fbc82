//! A signed-in user's browser in DocSpace's OAuth2 flow, over HTTP: sign in with a password,
//! register an app as the user, and answer the devportal's consent page. The code under test
//! (an OAuth client, a CLI's loopback redirect, an app's sign-in) does the rest.
//!
//! ```no_run
//! # async fn demo(portal: &str, email: &str, password: &str) {
//! use docspace_testkit::oauth::{Allow, AppRegistration, PortalUser};
//!
//! let user = PortalUser::sign_in(portal, email, password).await;
//! let app = user
//!     .register(AppRegistration::new("My tool", "http://127.0.0.1:9/callback"))
//!     .await;
//! // `url` is the authorize URL the client under test built for `app.client_id`.
//! # let url = String::new();
//! let back = user.consent(&url, &app.client_id, Allow::All).await;
//! // `back` is where the portal sends the browser: the redirect URI with the code.
//! # let _ = back;
//! # }
//! ```
//!
//! Every step panics with what went wrong, as a test step should.

use serde_json::{Value, json};

/// A one-pixel PNG as a data URL: DocSpace's registration requires a logo.
pub const LOGO: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

/// An HTTP client that does not follow redirects, so that a test can read where it is sent.
pub fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| panic!("an HTTP client: {e}"))
}

/// A user signed in to a portal with a password, as their browser holds the session.
#[derive(Debug, Clone)]
pub struct PortalUser {
    portal: String,
    session: String,
}

/// Which scopes the user allows on the consent page.
#[derive(Debug, Clone, Copy)]
pub enum Allow<'a> {
    /// Every scope the page shows.
    All,
    /// These (none: the user denies).
    Only(&'a [&'a str]),
}

/// An app to register (`POST /api/2.0/clients`): confidential, allowing PKCE, with the scopes
/// `accounts.self:read` and `rooms:read` unless told otherwise.
#[derive(Debug, Clone)]
pub struct AppRegistration {
    name: String,
    redirect_uri: String,
    scopes: Vec<String>,
}

impl AppRegistration {
    /// An app named `name` that redirects to `redirect_uri`.
    pub fn new(name: impl Into<String>, redirect_uri: impl Into<String>) -> AppRegistration {
        AppRegistration {
            name: name.into(),
            redirect_uri: redirect_uri.into(),
            scopes: vec!["accounts.self:read".into(), "rooms:read".into()],
        }
    }

    /// The scopes the app may ask for, instead of the default two.
    pub fn scopes<I: IntoIterator<Item = S>, S: Into<String>>(mut self, scopes: I) -> Self {
        self.scopes = scopes.into_iter().map(Into::into).collect();
        self
    }
}

/// A registered app's credentials.
#[derive(Debug, Clone)]
pub struct RegisteredApp {
    /// `client_id`.
    pub client_id: String,
    /// `client_secret`.
    pub client_secret: String,
}

impl PortalUser {
    /// Signs `email` in at `portal` (`POST /api/2.0/authentication`).
    pub async fn sign_in(portal: &str, email: &str, password: &str) -> PortalUser {
        let portal = portal.trim_end_matches('/').to_string();
        let answer = json_answer(
            no_redirects()
                .post(format!("{portal}/api/2.0/authentication"))
                .json(&json!({"userName": email, "password": password})),
        )
        .await;
        let session = answer["response"]["token"]
            .as_str()
            .unwrap_or_else(|| panic!("signing {email} in gave no token: {answer}"))
            .to_string();
        PortalUser { portal, session }
    }

    /// The session token (the `asc_auth_key` cookie's value, and an `Authorization` value).
    pub fn session(&self) -> &str {
        &self.session
    }

    /// Registers `app` as this user; returns its credentials.
    pub async fn register(&self, app: AppRegistration) -> RegisteredApp {
        let answer = json_answer(
            no_redirects()
                .post(format!("{}/api/2.0/clients", self.portal))
                .header("Authorization", &self.session)
                .json(&json!({
                    "name": app.name, "logo": LOGO, "allow_pkce": true, "is_public": false,
                    "website_url": "https://example.com", "terms_url": "https://example.com/t",
                    "policy_url": "https://example.com/p", "redirect_uris": [app.redirect_uri],
                    "allowed_origins": ["https://example.com"],
                    "logout_redirect_uri": "https://example.com/l",
                    "scopes": app.scopes,
                })),
        )
        .await;
        let field = |k: &str| {
            answer[k]
                .as_str()
                .unwrap_or_else(|| panic!("the registration has no {k}: {answer}"))
                .to_string()
        };
        RegisteredApp {
            client_id: field("client_id"),
            client_secret: field("client_secret"),
        }
    }

    /// Opens the authorize URL `url` with this user's session and, on the consent page, allows
    /// what `allow` says. Returns where the portal sends the browser (straight away, with no page,
    /// where consent was given before).
    pub async fn consent(&self, url: &str, client_id: &str, allow: Allow<'_>) -> String {
        let cookie = format!("asc_auth_key={}", self.session);
        let page = no_redirects()
            .get(url)
            .header("Cookie", &cookie)
            .send()
            .await
            .unwrap_or_else(|e| panic!("opening {url}: {e}"));
        if page.status() == 302 {
            return location(&page);
        }
        let page = page
            .text()
            .await
            .unwrap_or_else(|e| panic!("the page: {e}"));
        let state = page
            .split_once("name=state value=\"")
            .and_then(|(_, rest)| rest.split('"').next())
            .unwrap_or_else(|| panic!("no consent form in {page}"));
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
        let answer = no_redirects()
            .post(format!("{}/oauth2/authorize", self.portal))
            .header("Cookie", &cookie)
            // The consent form is the portal's own page: the browser sends its origin.
            .header("Origin", &self.portal)
            .form(&form)
            .send()
            .await
            .unwrap_or_else(|e| panic!("posting the consent: {e}"));
        assert_eq!(answer.status(), 302, "the consent was not taken");
        location(&answer)
    }
}

/// Sends `request` and reads the answer as JSON.
async fn json_answer(request: reqwest::RequestBuilder) -> Value {
    let answer = request
        .send()
        .await
        .unwrap_or_else(|e| panic!("the request was not answered: {e}"));
    answer
        .json()
        .await
        .unwrap_or_else(|e| panic!("the answer is not JSON: {e}"))
}

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_else(|| panic!("a redirect without a location: {r:?}"))
        .to_string()
}
