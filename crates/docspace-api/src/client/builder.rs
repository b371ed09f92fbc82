//! Building a client: the portal, credentials, limits, retries and proxy, checked once.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use super::{Auth, Client, Inner};
use crate::error::Error;
use crate::scheduler::{RateLimits, RetryPolicy, Scheduler};
#[cfg(not(target_arch = "wasm32"))]
use crate::transport::ProxyChoice;
use crate::transport::Transport;
use crate::validate;

/// Builds a [`Client`].
///
/// ```
/// use std::time::Duration;
/// use docspace_api::{Client, RateLimits, RetryPolicy};
///
/// let client = Client::builder("https://portal.example.com")
///     .api_key("sk-…")
///     .timeout(Duration::from_secs(10))
///     .rate_limits(RateLimits::default().per_minute(600))
///     .retry_policy(RetryPolicy::default().max_retries(2))
///     .build()?;
/// assert_eq!(client.base_url(), "https://portal.example.com");
/// # Ok::<(), docspace_api::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    base_url: String,
    auth: Auth,
    timeout: Duration,
    limits: RateLimits,
    retry: RetryPolicy,
    link_key: Option<String>,
    #[cfg(not(target_arch = "wasm32"))]
    proxy: ProxyChoice,
}

impl ClientBuilder {
    /// Acts through an external link: every request carries the link's key (its
    /// `requestToken`) in the `Request-Token` header, as DocSpace's own pages do, so a visitor
    /// who is not signed in reaches what the link opens. Combine with credentials or not.
    pub fn link_key(mut self, key: impl Into<String>) -> Self {
        self.link_key = Some(key.into()).filter(|k: &String| !k.trim().is_empty());
        self
    }

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

    /// Authenticates with an OAuth access token the caller obtained.
    pub fn oauth_token(mut self, token: impl Into<String>) -> Self {
        self.auth = Auth::OAuth(token.into());
        self
    }

    /// Relies on the session cookie (a browser page on the portal's origin).
    pub fn cookie_session(mut self) -> Self {
        self.auth = Auth::Cookie;
        self
    }

    /// Relies on the credential a proxy in front of the portal holds ([`Auth::HostProxy`]).
    pub fn host_proxy(mut self) -> Self {
        self.auth = Auth::HostProxy;
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

    /// The limits the client keeps (default: DocSpace's).
    pub fn rate_limits(mut self, limits: RateLimits) -> Self {
        self.limits = limits;
        self
    }

    /// How the client retries (default: [`RetryPolicy::default`]).
    pub fn retry_policy(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Sends every request through this proxy, its credentials in the URL
    /// (`http://user:password@proxy:3128`). Without it the client follows `HTTPS_PROXY`,
    /// `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY`. Native only: in a browser the browser's own
    /// proxy settings apply.
    ///
    /// ```
    /// let client = docspace_api::Client::builder("https://portal.example.com")
    ///     .proxy("http://me:secret@127.0.0.1:3128")
    ///     .build()?;
    /// # Ok::<(), docspace_api::Error>(())
    /// ```
    #[cfg(not(target_arch = "wasm32"))]
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = ProxyChoice::Url(url.into());
        self
    }

    /// Goes straight to the portal whatever the proxy variables say. Native only.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn no_proxy(mut self) -> Self {
        self.proxy = ProxyChoice::Direct;
        self
    }

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let base = self.base_url.trim().trim_end_matches('/').to_string();
        let absolute = base.starts_with("http://") || base.starts_with("https://");
        // A browser page may talk to its own origin (a proxy or the portal itself).
        let relative_ok = cfg!(target_arch = "wasm32") && base.is_empty();
        if !(absolute || relative_ok) {
            return Err(Error::invalid(
                "base_url",
                format!(
                    "`{base}` is not an http(s) URL (in a browser, \"\" means the page's origin)"
                ),
            ));
        }
        if absolute && !validate::parses_as_url(&base) {
            return Err(Error::invalid(
                "base_url",
                format!("`{base}` is not a valid URL"),
            ));
        }
        if self.timeout.is_zero() {
            return Err(Error::invalid("timeout", "must be longer than 0"));
        }
        self.limits.validate()?;
        Ok(Client {
            inner: Arc::new(Inner {
                base_url: base,
                auth: RwLock::new(self.auth),
                link_key: self.link_key,
                timeout: self.timeout,
                #[cfg(not(target_arch = "wasm32"))]
                transport: Transport::new(&self.proxy)?,
                #[cfg(target_arch = "wasm32")]
                transport: Transport::new()?,
                scheduler: Scheduler::new(self.limits, self.retry),
            }),
        })
    }
}

impl Client {
    /// Starts building a client for the portal at `base_url` (`https://x.onlyoffice.com`, or `""`
    /// in a browser for the page's own origin).
    pub fn builder(base_url: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            base_url: base_url.into(),
            auth: Auth::None,
            timeout: Duration::from_secs(30),
            limits: RateLimits::default(),
            retry: RetryPolicy::default(),
            link_key: None,
            #[cfg(not(target_arch = "wasm32"))]
            proxy: ProxyChoice::default(),
        }
    }
}
