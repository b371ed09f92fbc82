//! Browser transport: `fetch` through gloo-net, with an `AbortController` for timeouts and for
//! streamed answers given up; an `XMLHttpRequest` for a body whose progress is asked for
//! (`fetch` reports none of an upload, XHR's `upload.onprogress` does).

use std::time::Duration;

use gloo_net::http::{Request, RequestBuilder, Response};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, ReadableStreamDefaultReader};

use super::{Body, BodyProgress, Failure, Method, RawRequest, RawResponse};
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
    pub async fn send(&self, mut req: RawRequest) -> Result<RawResponse, Failure> {
        if let Some(progress) = req.progress.take() {
            return send_xhr(req, progress).await;
        }
        let timeout = req.timeout;
        let early = match req.method {
            Method::Get => crate::early::take(&req.url, &req.headers),
            _ => None,
        };
        // The abort signal of a fetch sent here, and its timer; an early fetch has its own.
        let (resp, signal, _timer) = match early {
            Some(answer) => (early_response(answer, timeout).await?, None, None),
            None => {
                let (controller, signal, request) = build(req)?;
                let timer = crate::rt::Timeout::new(timeout, move || controller.abort());
                let resp = fetch(request, &signal, timeout).await?;
                (resp, Some(signal), Some(timer))
            }
        };
        let mut head = head_of(&resp);
        head.body = match resp.binary().await {
            Ok(b) => b,
            Err(_) if signal.is_some_and(|s| s.aborted()) => return Err(Failure::Timeout(timeout)),
            // An early fetch's own signal (`AbortSignal.timeout`) ends its body with this error.
            Err(gloo_net::Error::JsError(e)) if e.name == TIMEOUT_ERROR => {
                return Err(Failure::Timeout(timeout));
            }
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

/// The name of the error a fetch ends with when its `AbortSignal.timeout` fires.
const TIMEOUT_ERROR: &str = "TimeoutError";

/// The answer to a GET the page's script started early (`crate::early`). Its fetch carries the
/// client's timeout as its own abort signal; a failure is one whose outcome is unknown, as for
/// any GET (the scheduler may send it again, then to the network).
async fn early_response(answer: js_sys::Promise, timeout: Duration) -> Result<Response, Failure> {
    match JsFuture::from(answer).await {
        Ok(resp) => resp
            .dyn_into::<web_sys::Response>()
            .map(Response::from)
            .map_err(|_| Failure::Unknown("an early answer that is not a Response".into())),
        Err(e)
            if e.dyn_ref::<js_sys::Error>()
                .is_some_and(|e| e.name() == TIMEOUT_ERROR) =>
        {
            Err(Failure::Timeout(timeout))
        }
        Err(e) => Err(Failure::Unknown(js_text(&e))),
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

/// Sends `req` with an `XMLHttpRequest`, telling `progress` as the body goes out, and reads the
/// whole answer. Same cookies as `fetch` (`withCredentials` stays false: same-origin requests
/// carry the session, cross-origin ones none), same timeout (XHR's own `timeout`). Dropping the
/// future aborts the request.
async fn send_xhr(req: RawRequest, progress: BodyProgress) -> Result<RawResponse, Failure> {
    let not_sent = |e: JsValue| Failure::NotSent(js_text(&e));
    let timeout = req.timeout;
    let xhr = XMLHttpRequest::new().map_err(not_sent)?;
    let method = match req.method {
        Method::Get => "GET",
        Method::Post => "POST",
        Method::Put => "PUT",
        Method::Delete => "DELETE",
    };
    xhr.open(method, &req.url).map_err(not_sent)?;
    xhr.set_response_type("arraybuffer");
    xhr.set_timeout(u32::try_from(timeout.as_millis()).unwrap_or(u32::MAX));
    for (k, v) in &req.headers {
        xhr.set_request_header(k, v).map_err(not_sent)?;
    }
    let body = match req.body {
        Body::Empty => None,
        Body::Json(json) => {
            xhr.set_request_header("content-type", "application/json")
                .map_err(not_sent)?;
            Some(js_sys::Uint8Array::from(json.as_bytes()))
        }
        Body::Bytes { content_type, data } => {
            xhr.set_request_header("content-type", &content_type)
                .map_err(not_sent)?;
            Some(js_sys::Uint8Array::from(&data[..]))
        }
    };
    let total = body.as_ref().map_or(0, |b| u64::from(b.length()));
    // Listeners must be on `upload` before `send`, or the browser skips the upload events.
    let told = progress.clone();
    let on_progress = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
        // A `ProgressEvent`: `loaded` bytes sent of `total`, known for a body of known length.
        let number = |k: &str| {
            js_sys::Reflect::get(&e, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_f64())
                .filter(|n| n.is_finite() && *n >= 0.0)
        };
        let sent = number("loaded").unwrap_or(0.0) as u64;
        told.report(sent, number("total").map_or(total, |t| t as u64).max(sent));
    });
    let upload = xhr.upload();
    upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    // Settles on the first of load (an answer, whatever its status), error, timeout or abort.
    let mut settle = |resolve: js_sys::Function, reject: js_sys::Function| {
        xhr.set_onload(&resolve);
        xhr.set_onerror(&reject);
        xhr.set_ontimeout(&reject);
        xhr.set_onabort(&reject);
    };
    let settled = js_sys::Promise::new(&mut settle);
    let guard = AbortOnDrop(Some(xhr.clone()));
    xhr.send(body.as_ref()).map_err(not_sent)?;
    let outcome = JsFuture::from(settled).await;
    // Settled: nothing left to abort, and no more events wanted.
    guard.disarm();
    upload.set_onprogress(None);
    drop(on_progress);
    if let Err(event) = outcome {
        let kind = js_sys::Reflect::get(&event, &JsValue::from_str("type"))
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default();
        return Err(match kind.as_str() {
            "timeout" => Failure::Timeout(timeout),
            // XHR says no more than fetch: the body may have reached the portal.
            _ => Failure::Unknown(format!("the request failed ({kind})")),
        });
    }
    progress.report(total, total);
    let body = xhr
        .response()
        .dyn_into::<js_sys::ArrayBuffer>()
        .map(|b| js_sys::Uint8Array::new(&b).to_vec())
        .unwrap_or_default();
    Ok(RawResponse {
        status: xhr.status(),
        headers: parse_headers(&xhr.get_all_response_headers()),
        body,
    })
}

// The few parts of `XMLHttpRequest` used here, bound directly: web-sys has them behind features
// that would change (and rebuild) the web-sys every crate of the app shares.
#[wasm_bindgen]
extern "C" {
    #[derive(Clone)]
    type XMLHttpRequest;
    #[wasm_bindgen(constructor, catch)]
    fn new() -> Result<XMLHttpRequest, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn open(this: &XMLHttpRequest, method: &str, url: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(method, setter = responseType)]
    fn set_response_type(this: &XMLHttpRequest, kind: &str);
    #[wasm_bindgen(method, setter = timeout)]
    fn set_timeout(this: &XMLHttpRequest, ms: u32);
    #[wasm_bindgen(method, catch, js_name = setRequestHeader)]
    fn set_request_header(this: &XMLHttpRequest, name: &str, value: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(method, getter)]
    fn upload(this: &XMLHttpRequest) -> XMLHttpRequestUpload;
    #[wasm_bindgen(method, setter = onload)]
    fn set_onload(this: &XMLHttpRequest, f: &js_sys::Function);
    #[wasm_bindgen(method, setter = onerror)]
    fn set_onerror(this: &XMLHttpRequest, f: &js_sys::Function);
    #[wasm_bindgen(method, setter = ontimeout)]
    fn set_ontimeout(this: &XMLHttpRequest, f: &js_sys::Function);
    #[wasm_bindgen(method, setter = onabort)]
    fn set_onabort(this: &XMLHttpRequest, f: &js_sys::Function);
    #[wasm_bindgen(method, catch)]
    fn send(this: &XMLHttpRequest, body: Option<&js_sys::Uint8Array>) -> Result<(), JsValue>;
    #[wasm_bindgen(method)]
    fn abort(this: &XMLHttpRequest);
    #[wasm_bindgen(method, getter)]
    fn status(this: &XMLHttpRequest) -> u16;
    #[wasm_bindgen(method, getter)]
    fn response(this: &XMLHttpRequest) -> JsValue;
    #[wasm_bindgen(method, js_name = getAllResponseHeaders)]
    fn get_all_response_headers(this: &XMLHttpRequest) -> String;

    type XMLHttpRequestUpload;
    #[wasm_bindgen(method, setter = onprogress)]
    fn set_onprogress(this: &XMLHttpRequestUpload, f: Option<&js_sys::Function>);
}

/// Aborts an `XMLHttpRequest` still in flight when the future sending it is dropped.
struct AbortOnDrop(Option<XMLHttpRequest>);

impl AbortOnDrop {
    /// Lets the request be: it has settled.
    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(xhr) = self.0.take() {
            xhr.abort();
        }
    }
}

/// `getAllResponseHeaders()`: `name: value` lines joined by CRLF, names already lower-case in
/// current browsers (lowered again here).
fn parse_headers(raw: &str) -> Vec<(String, String)> {
    raw.split("\r\n")
        .filter_map(|line| {
            let (k, v) = line.split_once(':')?;
            Some((k.trim().to_ascii_lowercase(), v.trim().to_string()))
        })
        .collect()
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
