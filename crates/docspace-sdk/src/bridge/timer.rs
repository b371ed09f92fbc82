//! Timers on the browser's event loop: sleeping, deadlines, and racing a future against time.

use std::future::Future;
use std::pin::Pin;
use std::task::Poll;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Milliseconds since the epoch.
pub(crate) fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Resolves after `ms` milliseconds (at once when there is no window).
pub(crate) async fn sleep(ms: u32) {
    let _ = delay(ms).await;
}

/// The promise of [`sleep`], started now. Not generic, so every [`timeout`] shares it.
fn delay(ms: u32) -> JsFuture {
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
    JsFuture::from(promise)
}

/// `fut`'s output, or `None` when `ms` milliseconds pass first (`fut` is polled first, so an
/// output that is ready wins). Polled by hand over a non-generic timer rather than with
/// `select`: each caller's future type made a copy of the whole race in the wasm.
pub(crate) async fn timeout<F: Future>(ms: u32, fut: F) -> Option<F::Output> {
    let mut fut = std::pin::pin!(fut);
    let mut timer = delay(ms);
    std::future::poll_fn(move |cx| {
        if let Poll::Ready(out) = fut.as_mut().poll(cx) {
            return Poll::Ready(Some(out));
        }
        if Pin::new(&mut timer).poll(cx).is_ready() {
            return Poll::Ready(None);
        }
        Poll::Pending
    })
    .await
}

/// A call's time limit: the milliseconds the caller asked for, and the moment they run out.
///
/// The two travel together because a call spends part of its limit waiting for the frame before
/// it reaches the instance: the wait uses the deadline, and a timeout reports the limit the caller
/// set, not what happened to be left of it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CallLimit {
    pub(crate) millis: u32,
    pub(crate) deadline: f64,
}

impl CallLimit {
    /// A limit of `millis` that starts now.
    pub(crate) fn starting_now(millis: u32) -> Self {
        Self {
            millis,
            deadline: now_ms() + f64::from(millis),
        }
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
