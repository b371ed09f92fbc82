//! What a client's scheduler has done: for tests, benchmarks and dashboards.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use super::PortalLimits;

/// Counters of a client's scheduler since it was built.
///
/// ```
/// let client = docspace_api::Client::builder("http://127.0.0.1:8092").build()?;
/// let m = client.metrics();
/// assert_eq!(m.requests_sent, 0);
/// # Ok::<(), docspace_api::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Metrics {
    /// HTTP exchanges started (retries included).
    pub requests_sent: u64,
    /// 429 answers received.
    pub rate_limited: u64,
    /// Retries made (after 429s and transient failures).
    pub retries: u64,
    /// Times the client paused for the portal's limits.
    pub pauses: u64,
    /// Most GETs in flight at once.
    pub peak_concurrent_get: usize,
    /// Most other requests in flight at once.
    pub peak_concurrent_other: usize,
    /// Slots of the per-minute window in use now.
    pub window_used: usize,
    /// What the portal said with its last 429. DocSpace sends its `X-RateLimit-*` headers only
    /// with a refusal, so this is where a dashboard reads the portal's own limits.
    pub last_refusal: Option<PortalLimits>,
}

#[derive(Debug, Default)]
pub(super) struct Counters {
    sent: AtomicU64,
    rate_limited: AtomicU64,
    retries: AtomicU64,
    pauses: AtomicU64,
    get_now: AtomicUsize,
    other_now: AtomicUsize,
    get_peak: AtomicUsize,
    other_peak: AtomicUsize,
    last_refusal: Mutex<Option<PortalLimits>>,
}

/// Marks one request in flight until dropped.
#[derive(Debug)]
pub(super) struct InFlight {
    counters: Arc<Counters>,
    is_get: bool,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let now = if self.is_get {
            &self.counters.get_now
        } else {
            &self.counters.other_now
        };
        now.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Counters {
    pub(super) fn enter(self: &Arc<Self>, is_get: bool) -> InFlight {
        self.sent.fetch_add(1, Ordering::Relaxed);
        let (now, peak) = if is_get {
            (&self.get_now, &self.get_peak)
        } else {
            (&self.other_now, &self.other_peak)
        };
        let n = now.fetch_add(1, Ordering::Relaxed) + 1;
        peak.fetch_max(n, Ordering::Relaxed);
        InFlight {
            counters: self.clone(),
            is_get,
        }
    }

    pub(super) fn rate_limited(&self, said: Option<PortalLimits>) {
        self.rate_limited.fetch_add(1, Ordering::Relaxed);
        if let (Some(said), Ok(mut last)) = (said, self.last_refusal.lock()) {
            *last = Some(said);
        }
    }

    pub(super) fn retried(&self) {
        self.retries.fetch_add(1, Ordering::Relaxed);
    }

    pub(super) fn paused(&self) {
        self.pauses.fetch_add(1, Ordering::Relaxed);
    }

    pub(super) fn snapshot(&self, window_used: usize) -> Metrics {
        Metrics {
            requests_sent: self.sent.load(Ordering::Relaxed),
            rate_limited: self.rate_limited.load(Ordering::Relaxed),
            retries: self.retries.load(Ordering::Relaxed),
            pauses: self.pauses.load(Ordering::Relaxed),
            peak_concurrent_get: self.get_peak.load(Ordering::Relaxed),
            peak_concurrent_other: self.other_peak.load(Ordering::Relaxed),
            window_used,
            last_refusal: self.last_refusal.lock().ok().and_then(|l| *l),
        }
    }
}
