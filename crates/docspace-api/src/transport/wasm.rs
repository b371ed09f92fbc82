//! Browser transport: `fetch` through gloo-net, with an `AbortController` for timeouts and for
//! streamed answers given up.

use std::time::Duration;

use gloo_net::http::{Request, RequestBuilder, Response};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, ReadableStreamDefaultReader};

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
        let timeout = req.timeout;
        let (controller, signal, request) = build(req)?;
        let _timer = crate::rt::Timeout::new(timeout, move || controller.abort());
        let resp = fetch(request, &signal, timeout).await?;
        let mut head = head_of(&resp);
        head.body = match resp.binary().await {
            Ok(b) => b,
            Err(_) if signal.aborted() => return Err(Failure::Timeout(timeout)),
            Err(e) => return Err(Failure::Unknown(e.to_string())),
        };
        Ok(head)
    }

    /// Sends one request and returns the answer's status and headers as soon as they arrive,
    /// with a reader of its body (`Response.body`, a `ReadableStream`). The timeout applies to
    /// the wait for the headers and then to each wait for the next chunk.
    pub async fn open(&self, req: RawRequest) -> Result<(RawResponse, BodyReader), Failure> {
        let timeout = req.timeout;
        let (controller, signal, request) = build(req)?;
        let resp = {
            let c = controller.clone();
            let _timer = crate::rt::Timeout::new(timeout, move || c.abort());
            fetch(request, &signal, timeout).await?
        };
        let head = head_of(&resp);
        let reader = resp.body().map(|b| {
            b.get_reader()
                .unchecked_into::<ReadableStreamDefaultReader>()
        });
        Ok((
            head,
            BodyReader {
                reader,
                controller,
                idle: timeout,
            },
        ))
    }
}

/// The fetch request with an abort signal.
fn build(req: RawRequest) -> Result<(AbortController, AbortSignal, Request), Failure> {
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
    Ok((controller, signal, request))
}

/// Fetch rejects with a TypeError for every network failure and says no more, so the request
/// may or may not have reached the portal.
async fn fetch(
    request: Request,
    signal: &AbortSignal,
    timeout: Duration,
) -> Result<Response, Failure> {
    match request.send().await {
        Ok(r) => Ok(r),
        Err(_) if signal.aborted() => Err(Failure::Timeout(timeout)),
        Err(e) => Err(Failure::Unknown(e.to_string())),
    }
}

/// Status and headers, with an empty body.
fn head_of(resp: &Response) -> RawResponse {
    RawResponse {
        status: resp.status(),
        headers: resp
            .headers()
            .entries()
            .map(|(k, v)| (k.to_ascii_lowercase(), v))
            .collect(),
        body: Vec::new(),
    }
}

/// The body of an answer opened with [`Transport::open`], read chunk by chunk from its
/// `ReadableStream`. Dropping it aborts the fetch, which closes the connection: the server sees
/// the request aborted.
#[derive(Debug)]
pub struct BodyReader {
    /// `None` for an answer without a body (a 204).
    reader: Option<ReadableStreamDefaultReader>,
    controller: AbortController,
    idle: Duration,
}

impl Drop for BodyReader {
    fn drop(&mut self) {
        // A no-op once the body has been read to its end.
        self.controller.abort();
    }
}

impl BodyReader {
    /// The next chunk as it arrives; `None` at the body's end.
    pub async fn chunk(&mut self) -> Result<Option<bytes::Bytes>, Failure> {
        let Some(reader) = &self.reader else {
            return Ok(None);
        };
        // No chunk within the idle timeout aborts the fetch, which rejects the read. The timer
        // is cleared as soon as the chunk arrives (one pending timer, not one per chunk).
        let c = self.controller.clone();
        let timer = crate::rt::Timeout::new(self.idle, move || c.abort());
        let result = JsFuture::from(reader.read()).await;
        drop(timer);
        // `{done, value}`: `value` is a `Uint8Array` until `done`.
        let result = match result {
            Ok(r) => r,
            Err(_) if self.controller.signal().aborted() => {
                return Err(Failure::Timeout(self.idle));
            }
            Err(e) => return Err(Failure::Unknown(js_text(&e))),
        };
        let done = js_sys::Reflect::get(&result, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(None);
        }
        let value = js_sys::Reflect::get(&result, &JsValue::from_str("value"))
            .map_err(|e| Failure::Unknown(js_text(&e)))?;
        let bytes = value
            .dyn_into::<js_sys::Uint8Array>()
            .map_err(|_| Failure::Unknown("a body chunk that is not bytes".into()))?;
        Ok(Some(bytes::Bytes::from(bytes.to_vec())))
    }
}

/// A rejection's message (a `TypeError: network error`, an `AbortError`).
fn js_text(v: &JsValue) -> String {
    v.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| v.as_string())
        .unwrap_or_else(|| format!("{v:?}"))
}
