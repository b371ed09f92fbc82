//! The `/api/2.0/*` reverse proxy.
//!
//! Requests and answers stream through unchanged (429s and `X-RateLimit-*` included), except for
//! hop-by-hop headers, the API key the host may add, and cookies. A portal that cannot be reached
//! gets a 502 in DocSpace's error shape so the app can show what is wrong.
//!
//! Cookies stay out in both directions. The app authenticates with a token it sends in a header;
//! if the portal's session cookie were set on the host's origin and forwarded, any site could make
//! the browser send authenticated requests through the proxy (cross-site request forgery). Frames
//! get their own session on the portal's origin through the SDK's system frame.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures::TryStreamExt;
use serde_json::json;

use crate::server::HostState;

const HOP_BY_HOP: [&str; 8] = [
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

fn is_hop_by_hop(name: &HeaderName) -> bool {
    HOP_BY_HOP.contains(&name.as_str())
}

/// Forwards the request to the portal.
pub async fn forward(State(state): State<HostState>, req: Request) -> Response {
    let path_and_query = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    let url = format!("{}{}", state.portal_url, path_and_query);
    let method = req.method().clone();
    let mut headers = HeaderMap::new();
    for (k, v) in req.headers() {
        if !is_hop_by_hop(k)
            && k != header::HOST
            && k != header::CONTENT_LENGTH
            && k != header::COOKIE
        {
            headers.append(k.clone(), v.clone());
        }
    }
    if let Some(key) = &state.api_key
        && !headers.contains_key(header::AUTHORIZATION)
        && let Ok(v) = HeaderValue::from_str(&format!("Bearer {key}"))
    {
        headers.insert(header::AUTHORIZATION, v);
    }
    let body = reqwest::Body::wrap_stream(req.into_body().into_data_stream());
    let upstream = state
        .http
        .request(method, &url)
        .headers(headers)
        .body(body)
        .send()
        .await;
    match upstream {
        Ok(resp) => {
            let status = resp.status();
            let mut out = HeaderMap::new();
            for (k, v) in resp.headers() {
                if !is_hop_by_hop(k) && k != header::SET_COOKIE {
                    out.append(k.clone(), v.clone());
                }
            }
            let stream = resp.bytes_stream().map_err(std::io::Error::other);
            let mut response = Response::new(Body::from_stream(stream));
            *response.status_mut() = status;
            *response.headers_mut() = out;
            response
        }
        Err(e) => {
            tracing::warn!("portal unreachable at {}: {e}", state.portal_url);
            let body = json!({
                "error": {
                    "message": format!("The portal at {} cannot be reached.", state.portal_url),
                    "type": null, "stack": null, "hresult": 0
                },
                "status": 1,
                "statusCode": 502,
            });
            (
                StatusCode::BAD_GATEWAY,
                [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
                body.to_string(),
            )
                .into_response()
        }
    }
}
