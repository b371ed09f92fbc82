//! The few runtime services the client needs, on both targets: sleeping, a monotonic clock, the
//! wall clock, and cheap randomness for jitter. Tokio on native; `setTimeout` on wasm (no threads,
//! no tokio).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

pub use web_time::{Instant, SystemTime, UNIX_EPOCH};

/// Waits for `d`.
#[cfg(not(target_arch = "wasm32"))]
pub async fn sleep(d: Duration) {
    tokio::time::sleep(d).await;
}

/// Waits for `d`.
#[cfg(target_arch = "wasm32")]
pub async fn sleep(d: Duration) {
    let ms = millis(d);
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        // `setTimeout` is a global in windows and workers alike.
        let _ = set_timeout(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(target_arch = "wasm32")]
fn millis(d: Duration) -> i32 {
    d.as_millis().min(i32::MAX as u128) as i32
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, ms: i32) -> i32;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: i32);
}

/// Runs a callback after a delay unless dropped first (wasm: request timeouts).
#[cfg(target_arch = "wasm32")]
pub struct Timeout {
    id: i32,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

#[cfg(target_arch = "wasm32")]
impl Timeout {
    /// Schedules `f` after `d`.
    pub fn new(d: Duration, f: impl FnOnce() + 'static) -> Timeout {
        use wasm_bindgen::JsCast;
        let callback = wasm_bindgen::closure::Closure::once(f);
        let id = set_timeout(callback.as_ref().unchecked_ref(), millis(d));
        Timeout {
            id,
            _callback: callback,
        }
    }
}

#[cfg(target_arch = "wasm32")]
impl Drop for Timeout {
    fn drop(&mut self) {
        clear_timeout(self.id);
    }
}

/// Seconds since the Unix epoch by the local wall clock.
pub fn unix_now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

static RNG: AtomicU64 = AtomicU64::new(0);

/// A pseudo-random `u64` (splitmix64), seeded from the clock: for jitter and multipart
/// boundaries, never for secrets.
pub fn random_u64() -> u64 {
    let mut state = RNG.load(Ordering::Relaxed);
    if state == 0 {
        let seed = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0x9E37_79B9_7F4A_7C15);
        let _ = RNG.compare_exchange(0, seed | 1, Ordering::Relaxed, Ordering::Relaxed);
    }
    state = RNG.fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed);
    let mut z = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A uniformly random duration in `[0, max]` ("full jitter").
pub fn jitter(max: Duration) -> Duration {
    let nanos = max.as_nanos().min(u64::MAX as u128) as u64;
    if nanos == 0 {
        return Duration::ZERO;
    }
    Duration::from_nanos(random_u64() % (nanos + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jitter_stays_in_range_and_varies() {
        let max = Duration::from_millis(100);
        let samples: Vec<Duration> = (0..200).map(|_| jitter(max)).collect();
        assert!(samples.iter().all(|d| *d <= max));
        let distinct: std::collections::HashSet<_> = samples.iter().collect();
        assert!(distinct.len() > 100, "{} distinct", distinct.len());
        assert_eq!(jitter(Duration::ZERO), Duration::ZERO);
    }

    #[test]
    fn the_wall_clock_is_after_2020() {
        assert!(unix_now() > 1_577_836_800.0);
    }
}
