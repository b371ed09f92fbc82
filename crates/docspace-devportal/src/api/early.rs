//! Answers sent before the handler read the request body (rate limits, refused credentials,
//! cross-site writes).
//!
//! A server that answers and closes while the client is still sending a body makes the kernel
//! reset the connection, and the client sees a broken pipe instead of the status. So the unread
//! body is read and dropped first, up to a bound in bytes and time; past it the answer says
//! `Connection: close`, so at least a client that reads while it writes sees the status.

use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use futures::StreamExt;

/// The most of an unread body drained before an early answer (larger bodies close the connection).
pub const DRAIN_LIMIT: usize = 8 * 1024 * 1024;

/// How long the drain may take (a slow sender is not waited for).
const DRAIN_TIME: Duration = Duration::from_secs(10);

/// Whether the request announces a body.
fn has_body(h: &HeaderMap) -> bool {
    h.contains_key(header::TRANSFER_ENCODING)
        || h.get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .is_some_and(|n| n > 0)
}

/// Reads and drops `body` (bounded), then returns `resp`, marked `Connection: close` when the
/// body could not be read to its end.
pub async fn after_draining(
    request_headers: &HeaderMap,
    body: Body,
    mut resp: Response,
) -> Response {
    if !has_body(request_headers) {
        return resp;
    }
    let drained = tokio::time::timeout(DRAIN_TIME, async move {
        let mut stream = body.into_data_stream();
        let mut seen = 0usize;
        while let Some(chunk) = stream.next().await {
            match chunk {
                Ok(c) => {
                    seen += c.len();
                    if seen > DRAIN_LIMIT {
                        return false;
                    }
                }
                Err(_) => return false,
            }
        }
        true
    })
    .await
    .unwrap_or(false);
    if !drained {
        resp.headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    resp
}
