//! OAuth2 with DocSpace's identity service: scopes as types, PKCE (RFC 7636, `S256`), the
//! authorization URL, reading the redirect back, and the token endpoint (code exchange, refresh,
//! revocation) with its errors typed (RFC 6749 §5.2).
//!
//! DocSpace serves `/oauth2/authorize`, `/oauth2/token` and `/oauth2/revoke` next to the API
//! (`ONLYOFFICE/DocSpace-server: common/ASC.Identity/authorization/.../
//! AuthorizationServerConfiguration.java`); clients authenticate with `client_secret_post`, or
//! with PKCE alone (`none`) when registered with `allow_pkce`, and then get no refresh token.
//! Use the access token with [`crate::ClientBuilder::oauth_token`].
//!
//! [`AuthorizationFlow`] runs the whole flow: the pending request kept between leaving for the
//! portal and coming back (in a browser, `sessionStorage`: `browser`), the check of the
//! redirect, the exchange, and when to refresh or authorize again ([`HeldTokens`]). Command-line
//! tools take the redirect on `127.0.0.1` (`loopback`).
//!
//! ```no_run
//! # async fn f() -> Result<(), docspace_api::oauth::OAuthError> {
//! use docspace_api::oauth::{AuthorizeRequest, OAuthClient, Pkce, Scope, random_state};
//! let pkce = Pkce::generate()?;
//! let state = random_state()?;
//! let url = AuthorizeRequest::new("client-id", "https://app.example.com/cb")
//!     .scopes([Scope::RoomsRead, Scope::FilesRead])
//!     .state(&state)
//!     .pkce(&pkce)
//!     .url("https://portal.example.com");
//! // ... the user signs in and consents; the browser comes back to the redirect URI:
//! # let redirected = String::new();
//! let code = docspace_api::oauth::code_from_redirect(&redirected, &state)?;
//! let oauth = OAuthClient::new("https://portal.example.com", "client-id", None)?;
//! let tokens = oauth.exchange_code(&code, "https://app.example.com/cb", &pkce).await?;
//! # Ok(()) }
//! ```

use std::fmt;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::transport::{Body, Method, RawRequest, Transport};

#[cfg(target_arch = "wasm32")]
pub mod browser;
mod error;
mod flow;
#[cfg(not(target_arch = "wasm32"))]
pub mod loopback;
mod scope;

pub use error::{ErrorCode, OAuthError};
pub use flow::{
    AuthorizationFlow, Finished, FlowStorage, HeldTokens, MemoryStorage, PENDING_KEY, RENEW_MARGIN,
    Renewal, is_denied, is_redirect_back,
};
pub use scope::{MissingScope, Scope, UnknownScope};

/// `n` bytes from the platform's secure random source.
fn random_bytes(n: usize) -> Result<Vec<u8>, OAuthError> {
    let mut buf = vec![0u8; n];
    #[cfg(not(target_arch = "wasm32"))]
    {
        use rand::RngCore;
        rand::rng().fill_bytes(&mut buf);
    }
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::{JsCast, JsValue};
        let crypto = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::Crypto>().ok())
            .ok_or_else(|| OAuthError::NoRandomness("no crypto".into()))?;
        crypto
            .get_random_values_with_u8_array(&mut buf)
            .map_err(|e| OAuthError::NoRandomness(format!("{e:?}")))?;
    }
    Ok(buf)
}

/// A fresh `state` for one authorization request: 32 random bytes, base64url.
pub fn random_state() -> Result<String, OAuthError> {
    Ok(B64.encode(random_bytes(32)?))
}

/// A PKCE pair: the secret verifier and its `S256` challenge.
#[derive(Clone, PartialEq, Eq)]
pub struct Pkce {
    verifier: String,
    challenge: String,
}

// The verifier is a secret until the exchange: never in logs.
impl fmt::Debug for Pkce {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pkce")
            .field("challenge", &self.challenge)
            .finish_non_exhaustive()
    }
}

impl Pkce {
    /// A new verifier from 32 random bytes (43 base64url characters, RFC 7636 §4.1).
    pub fn generate() -> Result<Pkce, OAuthError> {
        Pkce::from_verifier(&B64.encode(random_bytes(32)?))
    }

    /// The pair for a given verifier.
    pub fn from_verifier(verifier: &str) -> Result<Pkce, OAuthError> {
        let ok = (43..=128).contains(&verifier.len())
            && verifier
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b));
        if !ok {
            return Err(OAuthError::BadVerifier);
        }
        Ok(Pkce {
            verifier: verifier.to_string(),
            challenge: B64.encode(Sha256::digest(verifier.as_bytes())),
        })
    }

    /// The verifier (sent to the token endpoint only).
    pub fn verifier(&self) -> &str {
        &self.verifier
    }

    /// `BASE64URL(SHA256(verifier))`.
    pub fn challenge(&self) -> &str {
        &self.challenge
    }

    /// Always `S256`: DocSpace's server supports no other method.
    pub fn method(&self) -> &'static str {
        "S256"
    }
}

/// The authorization request a browser is sent to.
#[derive(Debug, Clone)]
pub struct AuthorizeRequest {
    client_id: String,
    redirect_uri: String,
    scopes: Vec<Scope>,
    state: Option<String>,
    challenge: Option<String>,
}

impl AuthorizeRequest {
    /// For a client and one of its registered redirect URIs (matched exactly by the server).
    pub fn new(client_id: impl Into<String>, redirect_uri: impl Into<String>) -> Self {
        AuthorizeRequest {
            client_id: client_id.into(),
            redirect_uri: redirect_uri.into(),
            scopes: Vec::new(),
            state: None,
            challenge: None,
        }
    }

    /// The scopes asked for (a subset of the client's).
    pub fn scopes(mut self, scopes: impl IntoIterator<Item = Scope>) -> Self {
        self.scopes = scopes.into_iter().collect();
        self
    }

    /// The `state` to get back (see [`random_state`], [`code_from_redirect`]).
    pub fn state(mut self, state: &str) -> Self {
        self.state = Some(state.to_string());
        self
    }

    /// PKCE: sends the pair's challenge.
    pub fn pkce(mut self, pkce: &Pkce) -> Self {
        self.challenge = Some(pkce.challenge.clone());
        self
    }

    /// `{portal}/oauth2/authorize?response_type=code&...`.
    pub fn url(&self, portal: &str) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        q.append_pair("response_type", "code")
            .append_pair("client_id", &self.client_id)
            .append_pair("redirect_uri", &self.redirect_uri);
        let scope: Vec<&str> = self.scopes.iter().map(|s| s.as_str()).collect();
        q.append_pair("scope", &scope.join(" "));
        if let Some(s) = &self.state {
            q.append_pair("state", s);
        }
        if let Some(c) = &self.challenge {
            q.append_pair("code_challenge", c)
                .append_pair("code_challenge_method", "S256");
        }
        format!(
            "{}/oauth2/authorize?{}",
            portal.trim_end_matches('/'),
            q.finish()
        )
    }
}

/// The code of the redirect the browser came back with (`?code=...&state=...`), after checking
/// its `state`; an `?error=...` redirect (a denial: `access_denied`) is [`OAuthError::Refused`].
pub fn code_from_redirect(redirected: &str, expected_state: &str) -> Result<String, OAuthError> {
    let query = redirected
        .split_once('?')
        .map(|(_, q)| q.split('#').next().unwrap_or(""))
        .unwrap_or("");
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    if get("state").as_deref() != Some(expected_state) {
        return Err(OAuthError::StateMismatch);
    }
    if let Some(e) = get("error") {
        return Err(OAuthError::Refused {
            code: ErrorCode::parse(&e),
            description: get("error_description").unwrap_or_default(),
            status: 0,
        });
    }
    get("code").ok_or(OAuthError::NoCode)
}

/// A token response (RFC 6749 §5.1).
#[derive(Clone, Deserialize)]
pub struct TokenSet {
    /// The access token (a JWT): use it with [`crate::ClientBuilder::oauth_token`].
    pub access_token: String,
    /// `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires (DocSpace: about an hour).
    #[serde(default)]
    pub expires_in: Option<u64>,
    /// Absent for a client that authenticated with PKCE alone.
    #[serde(default)]
    pub refresh_token: Option<String>,
    /// Space-separated granted scopes.
    #[serde(default)]
    pub scope: String,
    /// OpenID Connect ID token, with the `openid` scope.
    #[serde(default)]
    pub id_token: Option<String>,
}

impl TokenSet {
    /// The granted scopes that DocSpace defines (others are skipped).
    pub fn scopes(&self) -> Vec<Scope> {
        self.scope
            .split_whitespace()
            .filter_map(|s| s.parse().ok())
            .collect()
    }
}

// Tokens are secrets: never in logs.
impl fmt::Debug for TokenSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenSet")
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .field("has_refresh_token", &self.refresh_token.is_some())
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

/// The token endpoint of one portal for one client.
pub struct OAuthClient {
    portal: String,
    client_id: String,
    secret: Option<String>,
    transport: Transport,
}

impl fmt::Debug for OAuthClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthClient")
            .field("portal", &self.portal)
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}

impl OAuthClient {
    /// A client; without a secret it authenticates by PKCE alone (DocSpace's `allow_pkce`).
    pub fn new(
        portal: impl Into<String>,
        client_id: impl Into<String>,
        secret: Option<String>,
    ) -> Result<OAuthClient, OAuthError> {
        #[cfg(not(target_arch = "wasm32"))]
        let transport = Transport::new(&crate::transport::ProxyChoice::default());
        #[cfg(target_arch = "wasm32")]
        let transport = Transport::new();
        Ok(OAuthClient {
            portal: portal.into().trim_end_matches('/').to_string(),
            client_id: client_id.into(),
            secret,
            transport: transport.map_err(|e| OAuthError::Transport(e.to_string()))?,
        })
    }

    fn credentials(&self, form: &mut form_urlencoded::Serializer<'_, String>) {
        // `client_secret_post`, the one method DocSpace registers for a secret.
        form.append_pair("client_id", &self.client_id);
        if let Some(s) = &self.secret {
            form.append_pair("client_secret", s);
        }
    }

    async fn post(&self, path: &str, body: String) -> Result<(u16, Vec<u8>), OAuthError> {
        let raw = RawRequest {
            method: Method::Post,
            url: format!("{}{path}", self.portal),
            headers: vec![("accept".into(), "application/json".into())],
            body: Body::Bytes {
                content_type: "application/x-www-form-urlencoded".into(),
                data: body.into_bytes().into(),
            },
            timeout: Duration::from_secs(30),
            progress: None,
        };
        let resp = self
            .transport
            .send(raw)
            .await
            .map_err(|f| OAuthError::Transport(format!("{f:?}")))?;
        Ok((resp.status, resp.body))
    }

    async fn token(
        &self,
        mut form: form_urlencoded::Serializer<'_, String>,
    ) -> Result<TokenSet, OAuthError> {
        self.credentials(&mut form);
        let (status, body) = self.post("/oauth2/token", form.finish()).await?;
        if status == 200 {
            return serde_json::from_slice(&body)
                .map_err(|e| OAuthError::Transport(format!("not a token response: {e}")));
        }
        Err(refusal(status, &body))
    }

    /// Exchanges a code for tokens (`authorization_code` grant with the PKCE verifier).
    pub async fn exchange_code(
        &self,
        code: &str,
        redirect_uri: &str,
        pkce: &Pkce,
    ) -> Result<TokenSet, OAuthError> {
        let mut f = form_urlencoded::Serializer::new(String::new());
        f.append_pair("grant_type", "authorization_code")
            .append_pair("code", code)
            .append_pair("redirect_uri", redirect_uri)
            .append_pair("code_verifier", pkce.verifier());
        self.token(f).await
    }

    /// A new token pair from a refresh token; the old refresh token stops working (rotation).
    pub async fn refresh(&self, refresh_token: &str) -> Result<TokenSet, OAuthError> {
        let mut f = form_urlencoded::Serializer::new(String::new());
        f.append_pair("grant_type", "refresh_token")
            .append_pair("refresh_token", refresh_token);
        self.token(f).await
    }

    /// Revokes an access or refresh token (RFC 7009; needs the client's secret).
    pub async fn revoke(&self, token: &str) -> Result<(), OAuthError> {
        let mut f = form_urlencoded::Serializer::new(String::new());
        f.append_pair("token", token);
        self.credentials(&mut f);
        let (status, body) = self.post("/oauth2/revoke", f.finish()).await?;
        if status == 200 {
            Ok(())
        } else {
            Err(refusal(status, &body))
        }
    }
}

fn refusal(status: u16, body: &[u8]) -> OAuthError {
    #[derive(Deserialize)]
    struct Wire {
        error: String,
        #[serde(default)]
        error_description: Option<String>,
    }
    match serde_json::from_slice::<Wire>(body) {
        Ok(w) => OAuthError::Refused {
            code: ErrorCode::parse(&w.error),
            description: w.error_description.unwrap_or_default(),
            status,
        },
        Err(_) => OAuthError::Transport(format!("HTTP {status} without an OAuth error")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_matches_the_rfc_7636_example() {
        // RFC 7636 Appendix B.
        let p = Pkce::from_verifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").expect("valid");
        assert_eq!(p.challenge(), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assert_eq!(Pkce::from_verifier("short"), Err(OAuthError::BadVerifier));
        let g = Pkce::generate().expect("random");
        assert_eq!(g.verifier().len(), 43);
        assert_ne!(g, Pkce::generate().expect("random"));
        assert!(!format!("{g:?}").contains(g.verifier()));
    }

    #[test]
    fn the_authorize_url_and_redirects_round_trip() {
        let p = Pkce::from_verifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").expect("valid");
        let url = AuthorizeRequest::new("cid", "https://app.test/cb?x=1")
            .scopes([Scope::RoomsRead, Scope::AccountsSelfRead])
            .state("st")
            .pkce(&p)
            .url("https://portal.test/");
        assert_eq!(
            url,
            "https://portal.test/oauth2/authorize?response_type=code&client_id=cid&redirect_uri=https%3A%2F%2Fapp.test%2Fcb%3Fx%3D1&scope=rooms%3Aread+accounts.self%3Aread&state=st&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
        );
        assert_eq!(
            code_from_redirect("https://app.test/cb?x=1&code=abc&state=st", "st"),
            Ok("abc".into())
        );
        assert_eq!(
            code_from_redirect("https://app.test/cb?code=abc&state=other", "st"),
            Err(OAuthError::StateMismatch)
        );
        assert!(matches!(
            code_from_redirect("https://app.test/cb?error=access_denied&state=st", "st"),
            Err(OAuthError::Refused {
                code: ErrorCode::AccessDenied,
                ..
            })
        ));
    }
}
