//! Browser transport: `fetch` through gloo-net, with an `AbortController` for timeouts.

use gloo_net::http::{Request, RequestBuilder};
use web_sys::AbortController;

use super::{Body, Failure, Method, RawRequest, RawResponse};
use crate::error::Error;

/// Stateless: the browser pools connections and keeps cookies.
#[derive(Clone, Debug)]
pub struct Transport;

impl Transport {
    /// The browser's fetch.
    pub fn new() -> Result<Transport, Error> {
        Ok(Transport)
    }

    /// Sends one request and reads the whole answer; aborts it after the timeout.
    ///
    /// Fetch uses its default `credentials: same-origin`, so a same-origin page's session cookie
    /// goes along and cross-origin calls carry no cookies (DocSpace's CORS allows none).
    pub async fn send(&self, req: RawRequest) -> Result<RawResponse, Failure> {
        let controller = AbortController::new().map_err(|e| Failure::NotSent(format!("{e:?}")))?;
        let signal = controller.signal();
        let mut b: RequestBuilder = match req.method {
            Method::Get => Request::get(&req.url),
            Method::Post => Request::post(&req.url),
            Method::Put => Request::put(&req.url),
            Method::Delete => Request::delete(&req.url),
        };
        for (k, v) in &req.headers {
            b = b.header(k, v);
        }
        b = b.abort_signal(Some(&signal));
        let request = match req.body {
            Body::Empty => b.build(),
            Body::Json(json) => b.header("content-type", "application/json").body(json),
            Body::Bytes { content_type, data } => b
                .header("content-type", &content_type)
                .body(js_sys::Uint8Array::from(&data[..])),
        }
        .map_err(|e| Failure::NotSent(e.to_string()))?;

        let _timer = crate::rt::Timeout::new(req.timeout, move || controller.abort());
        // Fetch rejects with a TypeError for every network failure and says no more, so the
        // request may or may not have reached the portal.
        let resp = match request.send().await {
            Ok(r) => r,
            Err(_) if signal.aborted() => return Err(Failure::Timeout(req.timeout)),
            Err(e) => return Err(Failure::Unknown(e.to_string())),
        };
        let status = resp.status();
        let headers = resp
            .headers()
            .entries()
            .map(|(k, v)| (k.to_ascii_lowercase(), v))
            .collect();
        let body = match resp.binary().await {
            Ok(b) => b,
            Err(_) if signal.aborted() => return Err(Failure::Timeout(req.timeout)),
            Err(e) => return Err(Failure::Unknown(e.to_string())),
        };
        Ok(RawResponse {
            status,
            headers,
            body,
        })
    }
}
