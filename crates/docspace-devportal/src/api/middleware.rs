//! The one per-request middleware in front of every `/api/2.0` handler.

use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::caller::{client_ip, link_key, portal_url};
use super::{cors, early, extract, scopes};
use crate::auth::{self as credentials, AuthKind};
use crate::envelope::{ApiError, RequestLink, with_request_link};
use crate::state::AppState;

/// Per request: CORS, preflight answers, authentication, scopes, rate limits, counters, the
/// envelope's self link and `?fields=`.
pub(super) async fn api_middleware(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    if req.method() == Method::OPTIONS {
        return cors::preflight(req.headers());
    }
    let cors = cors::allowed_origin(&state, req.headers()).await;
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    state.stats.count_request(method.as_str());
    let query = extract::Query::parse(req.uri().query());
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
        fields: query.get("fields").map(|f| {
            f.split(',')
                .map(|s| s.trim().to_ascii_lowercase())
                .filter(|s| !s.is_empty())
                .collect()
        }),
    };

    let (mut parts, body) = req.into_parts();
    // Answers about requests that carried a credential are the caller's own data: never cached.
    let private = credentials::credential_of(&parts).is_some() || link_key(&parts).is_some();
    let now = state.clock.now();
    let caller = match credentials::credential_of(&parts) {
        Some(cred) => match state
            .db
            .read(move |c| credentials::resolve(c, &cred, now))
            .await
        {
            Ok(c) => c,
            Err(e) => return early(&parts, body, e.into_response(), private, &cors).await,
        },
        None => None,
    };
    // API-key permissions and OAuth token scopes follow the same map.
    if let Some(c) = &caller
        && let Some(p) = c.kind.scopes()
        && !scopes::allows(p, &method, &path)
    {
        return early(
            &parts,
            body,
            ApiError::ScopeForbidden.into_response(),
            private,
            &cors,
        )
        .await;
    }
    if caller.is_some()
        && let Err(e) = crate::csrf::check(&parts, credentials::credential_is_cookie(&parts))
    {
        return early(&parts, body, e.into_response(), private, &cors).await;
    }
    let partition = match &caller {
        Some(c) => c.user.id.clone(),
        None => client_ip(&parts, &state)
            .map(|ip| format!("ip:{ip}"))
            .unwrap_or_else(|| "ip:unknown".into()),
    };
    let (in_flight, _) = state.stats.enter(&partition, method == Method::GET);
    let admitted = match state.limiter.admit(&partition, &method, &path) {
        Ok(a) => a,
        Err(headers) => {
            state.stats.count_rate_limited();
            let resp = ApiError::RateLimited(headers).into_response();
            return early(&parts, body, resp, private, &cors).await;
        }
    };
    if let Some(c) = &caller {
        if let AuthKind::ApiKey {
            id,
            stale_use: true,
            ..
        } = &c.kind
        {
            let id = id.clone();
            // Best effort: a failed `lastUsed` update must not fail the request.
            let _ = state
                .db
                .write(move |tx| crate::db::keys::touch(tx, &id))
                .await;
        }
        parts.extensions.insert(c.clone());
    }
    let req = Request::from_parts(parts, body);
    let mut resp = with_request_link(link, next.run(req)).await;
    // No `X-RateLimit-*` on admitted requests: DocSpace sends them only with a 429.
    if private {
        no_store(resp.headers_mut());
    }
    with_cors(hold_until_sent(resp, (admitted, in_flight)), &cors)
}

/// An answer sent before the handler ran: the unread body drained, CORS and caching headers set.
async fn early(
    parts: &Parts,
    body: axum::body::Body,
    resp: Response,
    private: bool,
    cors: &cors::AllowOrigin,
) -> Response {
    let mut resp = early::after_draining(&parts.headers, body, resp).await;
    if private {
        no_store(resp.headers_mut());
    }
    with_cors(resp, cors)
}

fn no_store(h: &mut HeaderMap) {
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

/// Keeps `guards` (the concurrency slot and the in-flight gauge) alive until the response body has
/// been sent, as ASP.NET holds a concurrency lease until its pipeline has written the response.
fn hold_until_sent<G: Send + 'static>(resp: Response, guards: G) -> Response {
    use futures::StreamExt;
    let (mut parts, body) = resp.into_parts();
    let exact = axum::body::HttpBody::size_hint(&body).exact();
    let bodiless = matches!(
        parts.status,
        StatusCode::NO_CONTENT | StatusCode::NOT_MODIFIED
    );
    if let Some(n) = exact
        && !bodiless
        && !parts.headers.contains_key(header::CONTENT_LENGTH)
    {
        parts
            .headers
            .insert(header::CONTENT_LENGTH, HeaderValue::from(n));
    }
    let stream = body.into_data_stream().map(move |chunk| {
        let _held = &guards;
        chunk
    });
    Response::from_parts(parts, axum::body::Body::from_stream(stream))
}

fn with_cors(mut resp: Response, allow: &cors::AllowOrigin) -> Response {
    cors::apply(resp.headers_mut(), allow);
    resp
}
