//! A forward HTTP proxy on loopback that demands credentials, as a company's proxy does: a
//! request without the right `Proxy-Authorization: Basic …` gets `407 Proxy Authentication
//! Required` with a `Proxy-Authenticate` challenge (RFC 9110 §11.7.1, §15.5.8). It forwards plain
//! HTTP requests (absolute-form targets) and refuses every `CONNECT` tunnel without credentials;
//! it opens no tunnel even with them, which the tests do not need.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use tokio::sync::oneshot;

/// The largest request or answer body the proxy carries (the tests send small JSON).
const BODY_LIMIT: usize = 16 * 1024 * 1024;

/// Headers that belong to one hop and are not forwarded (RFC 9110 §7.6.1).
const HOP_BY_HOP: [&str; 8] = [
    "connection",
    "keep-alive",
    "proxy-authorization",
    "proxy-authenticate",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
];

struct Shared {
    expected: String,
    forwarded: AtomicU64,
    refused: AtomicU64,
    http: reqwest::Client,
}

/// A credential-demanding forward proxy on a free loopback port; stops on drop.
pub struct AuthProxy {
    addr: SocketAddr,
    user: String,
    password: String,
    shared: Arc<Shared>,
    _stop: oneshot::Sender<()>,
}

impl AuthProxy {
    /// Starts a proxy that lets through requests carrying `user` and `password`.
    pub async fn start(user: &str, password: &str) -> AuthProxy {
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        let http = reqwest::Client::builder()
            .no_proxy()
            .build()
            .unwrap_or_else(|e| panic!("proxy client: {e}"));
        let shared = Arc::new(Shared {
            expected: format!("Basic {token}"),
            forwarded: AtomicU64::new(0),
            refused: AtomicU64::new(0),
            http,
        });
        let app = Router::new().fallback(handle).with_state(shared.clone());
        let (addr, tx) = crate::serve_on_loopback(0, app, "proxy").await;
        AuthProxy {
            addr,
            user: user.to_string(),
            password: password.to_string(),
            shared,
            _stop: tx,
        }
    }

    /// The proxy's URL without credentials, `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The proxy's URL with its credentials, `http://user:password@127.0.0.1:PORT`.
    pub fn url_with_credentials(&self) -> String {
        format!("http://{}:{}@{}", self.user, self.password, self.addr)
    }

    /// Requests forwarded so far.
    pub fn forwarded(&self) -> u64 {
        self.shared.forwarded.load(Ordering::Relaxed)
    }

    /// Requests refused with 407 so far.
    pub fn refused(&self) -> u64 {
        self.shared.refused.load(Ordering::Relaxed)
    }
}

async fn handle(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let authorized = req
        .headers()
        .get(header::PROXY_AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == shared.expected);
    if !authorized {
        shared.refused.fetch_add(1, Ordering::Relaxed);
        return (
            StatusCode::PROXY_AUTHENTICATION_REQUIRED,
            [(header::PROXY_AUTHENTICATE, "Basic realm=\"loopback proxy\"")],
            "proxy authentication required",
        )
            .into_response();
    }
    if req.method() == Method::CONNECT {
        return (StatusCode::NOT_IMPLEMENTED, "no tunnels here").into_response();
    }
    match forward(&shared, req).await {
        Ok(resp) => {
            shared.forwarded.fetch_add(1, Ordering::Relaxed);
            resp
        }
        Err(e) => (StatusCode::BAD_GATEWAY, e).into_response(),
    }
}

async fn forward(shared: &Shared, req: Request) -> Result<Response, String> {
    let (parts, body) = req.into_parts();
    // A client talking to a proxy names the whole target (absolute form).
    let target = parts.uri.to_string();
    if !target.starts_with("http://") {
        return Err(format!("not an absolute http URL: {target}"));
    }
    let body = to_bytes(body, BODY_LIMIT)
        .await
        .map_err(|e| format!("request body: {e}"))?;
    let answer = shared
        .http
        .request(parts.method, &target)
        .headers(end_to_end(&parts.headers))
        .body(body)
        .send()
        .await
        .map_err(|e| format!("upstream: {e}"))?;
    let status = answer.status();
    let headers = end_to_end(answer.headers());
    let bytes = answer
        .bytes()
        .await
        .map_err(|e| format!("upstream body: {e}"))?;
    let mut resp = Response::new(Body::from(bytes));
    *resp.status_mut() = status;
    *resp.headers_mut() = headers;
    Ok(resp)
}

fn end_to_end(headers: &HeaderMap) -> HeaderMap {
    let mut out = headers.clone();
    for name in HOP_BY_HOP {
        out.remove(name);
    }
    out.remove(header::HOST);
    out.remove(header::CONTENT_LENGTH);
    out
}
