//! The client, its builder, and how requests are authenticated.

use std::fmt;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use serde::de::DeserializeOwned;

use crate::api::{
    AuthHandler, FilesHandler, FoldersHandler, KeysHandler, OperationsHandler, PeopleHandler,
    RoomsHandler, SecurityHandler, TagsHandler, UploadsHandler,
};
use crate::envelope::{self, Decoded};
use crate::error::Error;
use crate::paging::Page;
use crate::request::Request;
use crate::scheduler::{Admission, Metrics, RateLimits, RetryPolicy, Scheduler};
#[cfg(not(target_arch = "wasm32"))]
use crate::transport::ProxyChoice;
use crate::transport::{BodyReader, RawRequest, RawResponse, Transport};
use crate::validate;

/// How the client proves who it is. Secrets never show in `Debug` output.
///
/// ```
/// use docspace_api::Auth;
/// let auth = Auth::ApiKey("sk-secret".into());
/// assert_eq!(format!("{auth:?}"), "Auth::ApiKey(<redacted>)");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub enum Auth {
    /// No credentials: anonymous endpoints only.
    None,
    /// An API key, sent as `Authorization: Bearer sk-…`.
    ApiKey(String),
    /// A login token from `POST /api/2.0/authentication`, sent as `Authorization`.
    Token(String),
    /// An OAuth access token (JWT) obtained by the caller, sent as `Authorization: Bearer …`.
    OAuth(String),
    /// The `asc_auth_key` session cookie, sent by the HTTP stack itself: in a browser on the
    /// portal's own origin (fetch sends same-origin cookies; DocSpace's CORS allows none
    /// cross-origin), natively from the client's cookie store after a login.
    Cookie,
    /// A server in front of the portal holds the credential (the `docspace-host` proxy with its
    /// API key). Requests carry [`HOST_KEY_HEADER`]`: 1` instead of a secret: a header that only
    /// a same-origin script can add without a CORS preflight, which the host grants to nobody,
    /// so the host adds its key to its own app's requests and no other page's.
    HostProxy,
}

/// The header that carries an external link's key (`HttpRequestExtensions.RequestTokenHeader`
/// in DocSpace's server).
pub const LINK_KEY_HEADER: &str = "request-token";

/// The header by which an app asks the `docspace-host` proxy to add the key it holds
/// (see [`Auth::HostProxy`]).
pub const HOST_KEY_HEADER: &str = "x-docspace-host-key";

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Auth::None => "Auth::None",
            Auth::ApiKey(_) => "Auth::ApiKey(<redacted>)",
            Auth::Token(_) => "Auth::Token(<redacted>)",
            Auth::OAuth(_) => "Auth::OAuth(<redacted>)",
            Auth::Cookie => "Auth::Cookie",
            Auth::HostProxy => "Auth::HostProxy",
        })
    }
}

impl Auth {
    /// The header that carries this credential, if the client sends one.
    pub fn header(&self) -> Option<(&'static str, String)> {
        match self {
            Auth::None | Auth::Cookie => None,
            Auth::ApiKey(k) | Auth::OAuth(k) => Some(("authorization", format!("Bearer {k}"))),
            Auth::Token(t) => Some(("authorization", t.clone())),
            Auth::HostProxy => Some((HOST_KEY_HEADER, "1".to_string())),
        }
    }
}

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

#[derive(Debug)]
struct Inner {
    base_url: String,
    auth: RwLock<Auth>,
    /// The external link the client acts through, if any.
    link_key: Option<String>,
    timeout: Duration,
    transport: Transport,
    scheduler: Scheduler,
}

/// A DocSpace REST client. Cheap to clone; clones share connections, credentials and the
/// rate-limit budget.
///
/// Each API area has a handler (`client.rooms()`, `client.files()`…) whose methods return a
/// builder per endpoint; `send()` checks the input, then sends it through the client's scheduler.
///
/// ```no_run
/// # async fn demo() -> Result<(), docspace_api::Error> {
/// use docspace_api::Client;
/// use docspace_api::models::{Color, RoomType};
///
/// let client = Client::builder("http://127.0.0.1:8092").api_key("sk-…").build()?;
/// let room = client
///     .rooms()
///     .create("Contracts", RoomType::Custom)
///     .color(Color::from_hex("5299E0")?)
///     .tags(["legal"])
///     .send()
///     .await?;
/// println!("room {} created", room.id);
/// # Ok(()) }
/// ```
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
            limits: RateLimits::default(),
            retry: RetryPolicy::default(),
            link_key: None,
            #[cfg(not(target_arch = "wasm32"))]
            proxy: ProxyChoice::default(),
        }
    }

    /// The portal's base URL, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// Replaces the credentials of this client and its clones.
    pub fn set_credentials(&self, auth: Auth) {
        if let Ok(mut a) = self.inner.auth.write() {
            *a = auth;
        }
    }

    /// The credentials in use (secrets redacted in `Debug`).
    pub fn credentials(&self) -> Auth {
        self.inner
            .auth
            .read()
            .map(|a| a.clone())
            .unwrap_or(Auth::None)
    }

    /// The limits the scheduler keeps.
    pub fn rate_limits(&self) -> &RateLimits {
        self.inner.scheduler.limits()
    }

    /// What the scheduler has done so far.
    pub fn metrics(&self) -> Metrics {
        self.inner.scheduler.metrics()
    }

    /// Sign-in, sign-out and the portal's public settings.
    pub fn auth(&self) -> AuthHandler<'_> {
        AuthHandler::new(self)
    }

    /// OAuth apps registered with the portal's identity service.
    pub fn oauth_apps(&self) -> crate::api::OAuthAppsHandler<'_> {
        crate::api::OAuthAppsHandler::new(self)
    }

    /// API keys.
    pub fn keys(&self) -> KeysHandler<'_> {
        KeysHandler::new(self)
    }

    /// People: the current user and the portal's users.
    pub fn people(&self) -> PeopleHandler<'_> {
        PeopleHandler::new(self)
    }

    /// Rooms, their members, links and tags.
    pub fn rooms(&self) -> RoomsHandler<'_> {
        RoomsHandler::new(self)
    }

    /// Folders and folder contents.
    pub fn folders(&self) -> FoldersHandler<'_> {
        FoldersHandler::new(self)
    }

    /// Files: create, read, rename, delete, download, upload.
    pub fn files(&self) -> FilesHandler<'_> {
        FilesHandler::new(self)
    }

    /// AI: the access switch, providers, agents and chats.
    pub fn ai(&self) -> crate::api::AiHandler<'_> {
        crate::api::AiHandler::new(self)
    }

    /// MCP servers: the portal's list, each agent room's servers and tool switches.
    pub fn mcp(&self) -> crate::api::McpHandler<'_> {
        crate::api::McpHandler::new(self)
    }

    /// Web plugins: upload, list, enable with settings, delete.
    pub fn plugins(&self) -> crate::api::PluginsHandler<'_> {
        crate::api::PluginsHandler::new(self)
    }

    /// The portal's tag list.
    pub fn tags(&self) -> TagsHandler<'_> {
        TagsHandler::new(self)
    }

    /// Embedding settings: the CSP list.
    pub fn security(&self) -> SecurityHandler<'_> {
        SecurityHandler::new(self)
    }

    /// Room templates: save a room as one, list them, create rooms from them.
    pub fn templates(&self) -> crate::api::TemplatesHandler<'_> {
        crate::api::TemplatesHandler::new(self)
    }

    /// File operations: copy, move, delete, and waiting for them.
    pub fn operations(&self) -> OperationsHandler<'_> {
        OperationsHandler::new(self)
    }

    /// External links: what a key opens, and the password of a protected link.
    pub fn links(&self) -> crate::api::LinksHandler<'_> {
        crate::api::LinksHandler::new(self)
    }

    /// Chunked uploads.
    pub fn uploads(&self) -> UploadsHandler<'_> {
        UploadsHandler::new(self)
    }

    /// Sends `req` with credentials through the scheduler; a non-2xx answer becomes its error.
    ///
    /// Not `async`: returning `execute_as`'s own future keeps one copy of its state machine in
    /// the wasm (an `async` wrapper inlined a second one).
    pub(crate) fn execute(
        &self,
        req: Request,
    ) -> impl Future<Output = Result<RawResponse, Error>> + '_ {
        self.execute_as(req, true)
    }

    /// Like [`Client::execute`], without credentials (sign-in and public settings).
    pub(crate) fn execute_anonymous(
        &self,
        req: Request,
    ) -> impl Future<Output = Result<RawResponse, Error>> + '_ {
        self.execute_as(req, false)
    }

    async fn execute_as(&self, req: Request, with_auth: bool) -> Result<RawResponse, Error> {
        let idempotent = req.idempotent;
        let raw = self.raw_request(req, with_auth);
        let resp = self
            .inner
            .scheduler
            .send(&self.inner.transport, raw, idempotent)
            .await?;
        if (200..300).contains(&resp.status) {
            Ok(resp)
        } else {
            Err(envelope::error_of(&resp))
        }
    }

    /// Sends `req` with credentials through the scheduler and returns, for a 2xx answer, its
    /// status and headers as soon as they arrive, with its unread body and the scheduler's
    /// admission (held until both are dropped); a non-2xx answer becomes its error.
    pub(crate) async fn open(
        &self,
        req: Request,
    ) -> Result<(RawResponse, BodyReader, Admission), Error> {
        let idempotent = req.idempotent;
        let raw = self.raw_request(req, true);
        let opened = self
            .inner
            .scheduler
            .open(&self.inner.transport, raw, idempotent)
            .await?;
        match opened.body {
            Some((body, admission)) => Ok((opened.head, body, admission)),
            None => Err(envelope::error_of(&opened.head)),
        }
    }

    /// The request as the transport sends it: the portal's URL, credentials, the link key.
    fn raw_request(&self, req: Request, with_auth: bool) -> RawRequest {
        let mut headers = vec![("accept".to_string(), "application/json".to_string())];
        let credentials = self.credentials();
        // The host-proxy marker is no credential: it tells `docspace-host` that the request is
        // its own app's, which is what lets the host keep the session a sign-in opens.
        let sends_header = with_auth || matches!(credentials, Auth::HostProxy);
        if sends_header && let Some((name, value)) = credentials.header() {
            headers.push((name.to_string(), value));
        }
        if let Some(key) = &self.inner.link_key {
            headers.push((LINK_KEY_HEADER.to_string(), key.clone()));
        }
        RawRequest {
            method: req.method,
            url: format!("{}/{}", self.inner.base_url, req.path_and_query()),
            headers,
            body: req.body,
            timeout: self.inner.timeout,
            progress: req.progress,
        }
    }

    /// Sends `req` and decodes the envelope's `response`.
    pub(crate) async fn call<T: DeserializeOwned>(&self, req: Request) -> Result<T, Error> {
        envelope::decode(&self.execute(req).await?)
    }

    /// Sends `req` and decodes a body that is not an envelope (the identity service's answers).
    pub(crate) async fn call_plain<T: DeserializeOwned>(&self, req: Request) -> Result<T, Error> {
        let resp = self.execute(req).await?;
        let text = std::str::from_utf8(&resp.body).unwrap_or("");
        envelope::from_payload(
            if text.trim().is_empty() { "null" } else { text },
            &resp.body,
        )
    }

    /// Sends `req` and reads a page of a listing: the envelope's `response` list and its `total`.
    pub(crate) async fn call_page<T: DeserializeOwned>(
        &self,
        req: Request,
    ) -> Result<Page<T>, Error> {
        let d: Decoded<Vec<T>> = envelope::decode_with_total(&self.execute(req).await?)?;
        Ok(Page {
            items: d.response,
            total: d.total,
        })
    }
}
