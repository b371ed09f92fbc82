//! Timers on the browser's event loop: sleeping, deadlines, and racing a future against time.

use std::future::Future;

use futures::FutureExt;
use futures::future::{Either, select};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Milliseconds since the epoch.
pub(crate) fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Resolves after `ms` milliseconds (at once when there is no window).
pub(crate) async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let set = web_sys::window().map(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                i32::try_from(ms).unwrap_or(i32::MAX),
            )
        });
        if !matches!(set, Some(Ok(_))) {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// `fut`'s output, or `None` when `ms` milliseconds pass first.
pub(crate) async fn timeout<F: Future>(ms: u32, fut: F) -> Option<F::Output> {
    let fut = Box::pin(fut);
    let timer = Box::pin(sleep(ms).fuse());
    match select(fut, timer).await {
        Either::Left((out, _)) => Some(out),
        Either::Right(((), _)) => None,
    }
}

/// Milliseconds left until `deadline` (from [`now_ms`]), at least 0.
pub(crate) fn remaining(deadline: f64) -> u32 {
    let left = (deadline - now_ms()).max(0.0);
    if left >= f64::from(u32::MAX) {
        u32::MAX
    } else {
        left as u32
    }
}

/// Resolves at the next animation frame (at once when there is no window).
pub(crate) async fn animation_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let requested = web_sys::window().map(|w| w.request_animation_frame(&resolve));
        if !matches!(requested, Some(Ok(_))) {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(promise).await;
}
