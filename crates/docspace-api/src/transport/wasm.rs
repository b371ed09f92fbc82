//! Browser transport: `fetch` through gloo-net, with an `AbortController` for timeouts.

use gloo_net::http::{Request, RequestBuilder};
use web_sys::AbortController;

use super::{Method, RawRequest, RawResponse};
use crate::error::Error;

/// Stateless: the browser pools connections.
#[derive(Clone, Debug)]
pub struct Transport;

impl Transport {
    /// The browser's fetch.
    pub fn new() -> Result<Transport, Error> {
        Ok(Transport)
    }

    /// Sends one request and reads the whole answer; aborts it after the timeout.
    pub async fn send(&self, req: RawRequest) -> Result<RawResponse, Error> {
        let controller = AbortController::new().map_err(|e| Error::Network(format!("{e:?}")))?;
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
        let request = match req.json {
            Some(json) => b
                .header("content-type", "application/json")
                .body(json)
                .map_err(|e| Error::Network(e.to_string()))?,
            None => b.build().map_err(|e| Error::Network(e.to_string()))?,
        };

        let timer = {
            let controller = controller.clone();
            gloo_timer(req.timeout, move || controller.abort())
        };
        let result = request.send().await;
        drop(timer);
        let resp = match result {
            Ok(r) => r,
            Err(e) if signal.aborted() => {
                let _ = e;
                return Err(Error::Timeout(req.timeout));
            }
            Err(e) => return Err(Error::Network(e.to_string())),
        };
        let status = resp.status();
        let headers = resp
            .headers()
            .entries()
            .map(|(k, v)| (k.to_ascii_lowercase(), v))
            .collect();
        let body = match resp.binary().await {
            Ok(b) => b,
            Err(_) if signal.aborted() => return Err(Error::Timeout(req.timeout)),
            Err(e) => return Err(Error::Network(e.to_string())),
        };
        Ok(RawResponse {
            status,
            headers,
            body,
        })
    }
}

/// Runs `f` after `d` unless the returned guard is dropped first.
fn gloo_timer(d: std::time::Duration, f: impl FnOnce() + 'static) -> TimerGuard {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let cb = Closure::once(f);
    let id = web_sys::window()
        .and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                cb.as_ref().unchecked_ref(),
                d.as_millis().min(i32::MAX as u128) as i32,
            )
            .ok()
        })
        .unwrap_or(-1);
    TimerGuard { id, _cb: cb }
}

struct TimerGuard {
    id: i32,
    _cb: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for TimerGuard {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(self.id);
        }
    }
}
