//! The client, its builder, and how requests are authenticated.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use serde::de::DeserializeOwned;

use crate::envelope;
use crate::error::Error;
use crate::people::PeopleHandler;
use crate::transport::{Method, RawRequest, Transport};

/// How the client proves who it is.
#[derive(Clone, PartialEq, Eq)]
pub enum Auth {
    /// No credentials (anonymous endpoints, or a browser cookie session on the same origin).
    None,
    /// `Authorization: Bearer sk-…`.
    ApiKey(String),
    /// A login token from `POST /api/2.0/authentication`, sent as `Authorization`.
    Token(String),
    /// An OAuth access token supplied by the caller, sent as `Authorization: Bearer …`.
    OAuth(String),
}

impl fmt::Debug for Auth {
    // Secrets never reach logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Auth::None => "Auth::None",
            Auth::ApiKey(_) => "Auth::ApiKey(<redacted>)",
            Auth::Token(_) => "Auth::Token(<redacted>)",
            Auth::OAuth(_) => "Auth::OAuth(<redacted>)",
        })
    }
}

impl Auth {
    fn header(&self) -> Option<String> {
        match self {
            Auth::None => None,
            Auth::ApiKey(k) | Auth::OAuth(k) => Some(format!("Bearer {k}")),
            Auth::Token(t) => Some(t.clone()),
        }
    }
}

/// Builds a [`Client`].
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    base_url: String,
    auth: Auth,
    timeout: Duration,
}

impl ClientBuilder {
    /// Authenticates with an API key (`sk-…`).
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.auth = Auth::ApiKey(key.into());
        self
    }

    /// Authenticates with a login token.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.auth = Auth::Token(token.into());
        self
    }

    /// Authenticates with any [`Auth`].
    pub fn auth(mut self, auth: Auth) -> Self {
        self.auth = auth;
        self
    }

    /// Per-request timeout (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let base = self.base_url.trim_end_matches('/').to_string();
        if !(base.is_empty() || base.starts_with("http://") || base.starts_with("https://")) {
            return Err(Error::invalid(
                "base_url",
                format!("`{base}` is not an http(s) URL (use \"\" for the page's own origin)"),
            ));
        }
        Ok(Client {
            inner: Arc::new(Inner {
                base_url: base,
                auth: self.auth,
                timeout: self.timeout,
                transport: Transport::new()?,
            }),
        })
    }
}

#[derive(Debug)]
struct Inner {
    base_url: String,
    auth: Auth,
    timeout: Duration,
    transport: Transport,
}

/// A DocSpace REST client. Cheap to clone; clones share connections.
#[derive(Debug, Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

impl Client {
    /// Starts building a client for the portal at `base_url` (`https://x.onlyoffice.com`, or `""`
    /// in a browser for the page's own origin).
    pub fn builder(base_url: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            base_url: base_url.into(),
            auth: Auth::None,
            timeout: Duration::from_secs(30),
        }
    }

    /// The portal's base URL, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// People: the current user and the portal's users.
    pub fn people(&self) -> PeopleHandler<'_> {
        PeopleHandler::new(self)
    }

    /// Sends a GET to `path` (below `/api/2.0`) and decodes the envelope's `response`.
    pub(crate) async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, Error> {
        self.send(Method::Get, path).await
    }

    async fn send<T: DeserializeOwned>(&self, method: Method, path: &str) -> Result<T, Error> {
        let mut headers = Vec::new();
        if let Some(h) = self.inner.auth.header() {
            headers.push(("authorization".to_string(), h));
        }
        let req = RawRequest {
            method,
            url: format!(
                "{}/api/2.0/{}",
                self.inner.base_url,
                path.trim_start_matches('/')
            ),
            headers,
            json: None,
            timeout: self.inner.timeout,
        };
        let resp = self.inner.transport.send(req).await?;
        envelope::decode(&resp)
    }
}
