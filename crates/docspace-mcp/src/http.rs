//! Streamable HTTP at `/mcp`: each request's `Authorization: Bearer …` is passed through to the
//! portal, requests without one get 401, and `Host`/`Origin` must name an allowed host
//! (DNS-rebinding protection, as the official server's `DOCSPACE_SERVER_ALLOWED_HOSTNAMES`,
//! `ONLYOFFICE/docspace-mcp: lib/util/express/allowed-hostnames.ts`).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use docspace_api::{Auth, Client};
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::streamable_http_server::{StreamableHttpServerConfig, StreamableHttpService};
use tokio_util::sync::CancellationToken;

use crate::server::{DocSpaceMcp, RequestClient};
use crate::toolsets::Toolset;

/// The hosts a request may name by default: loopback only, as the official server
/// (`DOCSPACE_SERVER_ALLOWED_HOSTNAMES` defaults to `localhost,127.0.0.1,[::1]`).
pub const DEFAULT_ALLOWED_HOSTS: &[&str] = &["localhost", "127.0.0.1", "[::1]"];

/// How many portal clients (one per distinct credential) are kept; the least recently used goes
/// first. Each client carries its user's rate-limit budget, so a credential keeps its client
/// while it is in use.
const MAX_CLIENTS: usize = 256;

/// Settings of the HTTP transport.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// The portal's base URL.
    pub portal: String,
    /// The toolsets to expose.
    pub toolsets: Vec<Toolset>,
    /// Host names (no port) that `Host` and `Origin` may carry; see [`DEFAULT_ALLOWED_HOSTS`].
    pub allowed_hosts: Vec<String>,
}

impl HttpConfig {
    /// Every toolset, loopback hosts only.
    pub fn new(portal: impl Into<String>) -> Self {
        HttpConfig {
            portal: portal.into(),
            toolsets: Toolset::ALL.to_vec(),
            allowed_hosts: DEFAULT_ALLOWED_HOSTS
                .iter()
                .map(|h| h.to_string())
                .collect(),
        }
    }
}

/// One [`docspace_api::Client`] per distinct credential, so each user's calls share that user's
/// rate-limit budget (DocSpace counts limits per user) and its connections.
#[derive(Debug)]
struct ClientPool {
    portal: String,
    clients: Mutex<PoolInner>,
}

#[derive(Debug, Default)]
struct PoolInner {
    by_token: HashMap<String, (Client, u64)>,
    tick: u64,
}

impl ClientPool {
    fn client_for(&self, token: &str) -> Result<Client, docspace_api::Error> {
        let mut inner = self
            .clients
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        inner.tick += 1;
        let tick = inner.tick;
        if let Some((client, used)) = inner.by_token.get_mut(token) {
            *used = tick;
            return Ok(client.clone());
        }
        if inner.by_token.len() >= MAX_CLIENTS {
            let oldest = inner
                .by_token
                .iter()
                .min_by_key(|(_, (_, used))| *used)
                .map(|(k, _)| k.clone());
            if let Some(k) = oldest {
                inner.by_token.remove(&k);
            }
        }
        // `OAuth` sends `Authorization: Bearer <token>`, the form DocSpace takes API keys, OAuth
        // access tokens and login tokens in alike.
        let client = Client::builder(&self.portal)
            .auth(Auth::OAuth(token.to_string()))
            .build()?;
        inner
            .by_token
            .insert(token.to_string(), (client.clone(), tick));
        Ok(client)
    }
}

#[derive(Debug)]
struct Guard {
    pool: ClientPool,
    allowed_hosts: Vec<String>,
}

/// A host name without IPv6 brackets, lower-cased, for comparing.
fn normal_host(h: &str) -> String {
    h.trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase()
}

impl Guard {
    fn allows_host(&self, host: &str) -> bool {
        let host = normal_host(host);
        self.allowed_hosts.iter().any(|a| normal_host(a) == host)
    }

    /// `Host` must be present and name an allowed host; `Origin`, when a browser sends one,
    /// too. A page on another site that got a loopback address for its own name (DNS
    /// rebinding) is refused here.
    fn check_host_and_origin(&self, headers: &HeaderMap) -> Result<(), String> {
        let host = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .ok_or("the Host header is missing")?;
        let parsed = url::Url::parse(&format!("http://{host}"))
            .map_err(|_| format!("the Host header `{host}` is not a host"))?;
        let name = parsed.host_str().unwrap_or_default();
        if !self.allows_host(name) {
            return Err(format!("host `{name}` is not allowed"));
        }
        if let Some(origin) = headers.get(header::ORIGIN) {
            let origin = origin.to_str().unwrap_or_default();
            let name = url::Url::parse(origin)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_default();
            if !self.allows_host(&name) {
                return Err(format!("origin `{origin}` is not allowed"));
            }
        }
        Ok(())
    }
}

/// The token of `Authorization: Bearer <token>`, if the request has a non-empty one.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

async fn guard(State(g): State<Arc<Guard>>, mut req: Request, next: Next) -> Response {
    if let Err(why) = g.check_host_and_origin(req.headers()) {
        return (StatusCode::FORBIDDEN, why).into_response();
    }
    let Some(token) = bearer(req.headers()) else {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            "send the DocSpace API key or access token as `Authorization: Bearer …`",
        )
            .into_response();
    };
    match g.pool.client_for(token) {
        Ok(client) => {
            let ending_session = req.method() == Method::DELETE;
            req.extensions_mut().insert(RequestClient(client));
            let mut resp = next.run(req).await;
            // rmcp answers a session's DELETE with 202; the official Python client takes 200 or
            // 204 as success and logs anything else as a failed termination.
            if ending_session && resp.status() == StatusCode::ACCEPTED {
                *resp.status_mut() = StatusCode::NO_CONTENT;
            }
            resp
        }
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

/// The HTTP app: streamable MCP at `/mcp` behind the host and credential checks, and an open
/// `GET /health`. `cancel` ends its sessions.
pub fn router(config: &HttpConfig, cancel: CancellationToken) -> anyhow::Result<Router> {
    // Fails early on a portal URL that no client could use.
    Client::builder(&config.portal).build()?;
    let guard_state = Arc::new(Guard {
        pool: ClientPool {
            portal: config.portal.clone(),
            clients: Mutex::default(),
        },
        allowed_hosts: config.allowed_hosts.clone(),
    });
    let toolsets = config.toolsets.clone();
    let mcp = StreamableHttpService::new(
        move || Ok(DocSpaceMcp::per_request(&toolsets)),
        Arc::new(LocalSessionManager::default()),
        StreamableHttpServerConfig::default()
            // `guard` checks Host and Origin against the configured list before anything else;
            // rmcp's own check knows only the default names and would refuse added ones.
            .disable_allowed_hosts()
            .with_cancellation_token(cancel),
    );
    Ok(Router::new()
        .nest_service("/mcp", mcp)
        .layer(middleware::from_fn_with_state(guard_state, guard))
        .route("/health", axum::routing::get(|| async { "ok" })))
}

/// A running HTTP server; dropping it stops it.
#[derive(Debug)]
pub struct HttpServer {
    addr: SocketAddr,
    cancel: CancellationToken,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl HttpServer {
    /// Binds `addr` (port 0 for any free port) and serves in the background.
    pub async fn start(addr: SocketAddr, config: &HttpConfig) -> anyhow::Result<HttpServer> {
        let cancel = CancellationToken::new();
        let app = router(config, cancel.clone())?;
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let stop = cancel.clone();
        let task = tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async move { stop.cancelled_owned().await })
                .await
        });
        Ok(HttpServer { addr, cancel, task })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The MCP endpoint, `http://ADDR/mcp`.
    pub fn url(&self) -> String {
        format!("http://{}/mcp", self.addr)
    }

    /// Serves until the server fails or is stopped.
    pub async fn wait(mut self) -> anyhow::Result<()> {
        (&mut self.task).await??;
        Ok(())
    }
}

impl Drop for HttpServer {
    fn drop(&mut self) {
        self.cancel.cancel();
        self.task.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard() -> Guard {
        let c = HttpConfig::new("http://127.0.0.1:1");
        Guard {
            pool: ClientPool {
                portal: c.portal,
                clients: Mutex::default(),
            },
            allowed_hosts: c.allowed_hosts,
        }
    }

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(k.clone(), v.parse().unwrap());
        }
        h
    }

    #[test]
    fn loopback_hosts_pass_others_do_not() {
        let g = guard();
        for ok in ["127.0.0.1:8093", "localhost", "LOCALHOST:1", "[::1]:8093"] {
            assert!(
                g.check_host_and_origin(&headers(&[(header::HOST, ok)]))
                    .is_ok(),
                "{ok}"
            );
        }
        for bad in [
            "evil.example",
            "evil.example:8093",
            "127.0.0.1.evil.example",
        ] {
            assert!(
                g.check_host_and_origin(&headers(&[(header::HOST, bad)]))
                    .is_err(),
                "{bad}"
            );
        }
        assert!(g.check_host_and_origin(&HeaderMap::new()).is_err());
    }

    #[test]
    fn a_foreign_origin_is_refused() {
        let g = guard();
        let ok = headers(&[
            (header::HOST, "127.0.0.1:8093"),
            (header::ORIGIN, "http://localhost:3000"),
        ]);
        assert!(g.check_host_and_origin(&ok).is_ok());
        for bad in ["https://evil.example", "null", "not a url"] {
            let h = headers(&[(header::HOST, "127.0.0.1:8093"), (header::ORIGIN, bad)]);
            assert!(g.check_host_and_origin(&h).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_a_non_empty_bearer_token_counts() {
        let h = |v: &str| headers(&[(header::AUTHORIZATION, v)]);
        assert_eq!(bearer(&h("Bearer sk-1")), Some("sk-1"));
        assert_eq!(bearer(&h("bearer  sk-1 ")), Some("sk-1"));
        assert_eq!(bearer(&h("Bearer ")), None);
        assert_eq!(bearer(&h("Basic dXNlcjpwdw==")), None);
        assert_eq!(bearer(&h("sk-1")), None);
        assert_eq!(bearer(&HeaderMap::new()), None);
    }

    #[test]
    fn one_client_per_credential_and_the_least_recently_used_goes_first() {
        let g = guard();
        let count = || g.pool.clients.lock().unwrap().by_token.len();
        g.pool.client_for("token-a").unwrap();
        g.pool.client_for("token-a").unwrap();
        assert_eq!(count(), 1);
        for i in 1..MAX_CLIENTS {
            g.pool.client_for(&format!("token-{i}")).unwrap();
        }
        assert_eq!(count(), MAX_CLIENTS);
        // `token-a` is used again, so `token-1` is now the least recently used.
        g.pool.client_for("token-a").unwrap();
        g.pool.client_for("token-new").unwrap();
        assert_eq!(count(), MAX_CLIENTS);
        let inner = g.pool.clients.lock().unwrap();
        assert!(inner.by_token.contains_key("token-a"));
        assert!(!inner.by_token.contains_key("token-1"));
    }
}
