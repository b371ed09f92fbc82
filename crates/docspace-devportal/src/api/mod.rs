//! The REST subset under `/api/2.0`, with DocSpace's CORS and per-request bookkeeping.

mod people;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::auth::{self, Caller};
use crate::envelope::{RequestLink, with_request_link};
use crate::state::AppState;

/// Headers a browser page on another origin may read (rate-limit state).
pub const EXPOSED_HEADERS: &str =
    "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After";

/// All `/api/2.0` routes.
pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/api/2.0/people/@self", get(people::get_self))
        .layer(middleware::from_fn_with_state(state, api_middleware))
}

/// Absolute base URL of the portal as the client addressed it (`http://host:port`).
pub fn portal_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    format!("http://{host}")
}

/// Per request: CORS as DocSpace (`*`, no credentials), preflight answers, the envelope's self
/// link, request counters and the per-user in-flight gauges.
async fn api_middleware(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() == Method::OPTIONS {
        return preflight(req.headers());
    }
    let method = req.method().clone();
    state.stats.count_request(method.as_str());
    let link = RequestLink {
        href: format!(
            "{}{}",
            portal_url(req.headers()),
            req.uri()
                .path_and_query()
                .map(|p| p.as_str())
                .unwrap_or("/")
        ),
        action: method.to_string(),
    };

    let (mut parts, body) = req.into_parts();
    let caller = match auth::credential_of(&parts) {
        Some(cred) => state
            .db
            .read(move |c| auth::resolve(c, &cred))
            .await
            .ok()
            .flatten(),
        None => None,
    };
    let partition = caller.as_ref().map(|c: &Caller| c.user.id.clone());
    if let Some(c) = caller {
        parts.extensions.insert(c);
    }
    let req = Request::from_parts(parts, body);

    let _in_flight = partition
        .as_deref()
        .map(|user| state.stats.enter(user, method == Method::GET).0);
    let mut resp = with_request_link(link, next.run(req)).await;
    add_cors(resp.headers_mut());
    resp
}

fn add_cors(h: &mut HeaderMap) {
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    h.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static(EXPOSED_HEADERS),
    );
}

fn preflight(req: &HeaderMap) -> Response {
    let mut resp = StatusCode::NO_CONTENT.into_response();
    let h = resp.headers_mut();
    add_cors(h);
    h.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, POST, PUT, DELETE, PATCH, OPTIONS"),
    );
    // `*` does not cover `Authorization` in the Fetch standard, so echo what the browser asks for.
    let asked = req
        .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
        .cloned()
        .unwrap_or_else(|| HeaderValue::from_static("*"));
    h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, asked);
    h.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("600"),
    );
    resp
}
