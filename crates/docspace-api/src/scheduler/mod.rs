//! The scheduler inside every client: it admits each request within the concurrency and
//! per-minute limits, pauses the client when the portal says so, and retries what may safely be
//! retried. It runs on one thread (wasm) or many (native): everything is executor-agnostic
//! (`async-lock`, `event-listener`, the [`crate::rt`] timer shim).

mod hints;
mod limits;
mod metrics;
mod window;

use std::sync::Mutex;
use std::time::Duration;

use async_lock::Semaphore;

pub use hints::PortalLimits;
pub use limits::{RateLimits, RetryPolicy};
pub use metrics::Metrics;

use crate::error::Error;
use crate::rt::{Instant, jitter, sleep};
use crate::transport::{Failure, Method, RawRequest, RawResponse, Transport};
use metrics::Counters;
use window::SlidingWindow;

/// Statuses that mean "try again later" without the portal having acted.
fn is_transient(status: u16) -> bool {
    matches!(status, 408 | 502 | 503 | 504)
}

/// Admission control and retries for one client (shared by its clones).
#[derive(Debug)]
pub struct Scheduler {
    limits: RateLimits,
    retry: RetryPolicy,
    gets: Semaphore,
    others: Semaphore,
    window: SlidingWindow,
    paused_until: Mutex<Option<Instant>>,
    counters: Counters,
}

impl Scheduler {
    /// A scheduler keeping `limits` and retrying by `retry`.
    pub fn new(limits: RateLimits, retry: RetryPolicy) -> Scheduler {
        Scheduler {
            gets: Semaphore::new(limits.concurrent_get),
            others: Semaphore::new(limits.concurrent_other),
            window: SlidingWindow::new(limits.per_minute, limits.window),
            paused_until: Mutex::new(None),
            counters: Counters::default(),
            limits,
            retry,
        }
    }

    /// The limits it keeps.
    pub fn limits(&self) -> &RateLimits {
        &self.limits
    }

    /// What it has done so far.
    pub fn metrics(&self) -> Metrics {
        self.counters.snapshot(self.window.used())
    }

    /// Sends `req` within the limits, retrying as [`RetryPolicy`] allows. Returns the last
    /// answer whatever its status (the caller maps non-2xx to errors), or the transport failure.
    pub async fn send(
        &self,
        transport: &Transport,
        req: RawRequest,
        idempotent: bool,
    ) -> Result<RawResponse, Error> {
        let mut transient_retries = 0;
        let mut limited_retries = 0;
        loop {
            let result = self.send_once(transport, req.clone()).await;
            let delay = match &result {
                Ok(resp) if resp.status == 429 => {
                    let said = PortalLimits::of(resp);
                    self.counters.rate_limited(said);
                    let wait = said
                        .and_then(|l| l.wait())
                        .unwrap_or_else(|| self.retry.ceiling(limited_retries + 2));
                    if limited_retries >= self.retry.max_rate_limited_retries
                        || wait > self.retry.max_rate_limit_wait
                    {
                        return result.map_err(Error::from);
                    }
                    limited_retries += 1;
                    // Everyone waits: the limit is per user, so the next request would fail too.
                    // A little jitter spreads the restart.
                    self.pause_for(wait + jitter(Duration::from_millis(250)));
                    Duration::ZERO
                }
                Ok(resp) if idempotent && is_transient(resp.status) => {
                    if transient_retries >= self.retry.max_retries {
                        return result.map_err(Error::from);
                    }
                    let named = PortalLimits::of(resp)
                        .and_then(|l| l.retry_after)
                        .filter(|d| *d <= self.retry.max_rate_limit_wait);
                    let d = named.unwrap_or_else(|| self.retry.backoff(transient_retries));
                    transient_retries += 1;
                    d
                }
                Ok(resp) => {
                    self.observe(resp);
                    return result.map_err(Error::from);
                }
                Err(failure) => {
                    // Outcome unknown: resend only what is safe to do twice.
                    let safe = idempotent || failure.never_sent();
                    if !safe
                        || !failure.may_pass_later()
                        || transient_retries >= self.retry.max_retries
                    {
                        return result.map_err(Error::from);
                    }
                    let d = self.retry.backoff(transient_retries);
                    transient_retries += 1;
                    d
                }
            };
            self.counters.retried();
            if !delay.is_zero() {
                sleep(delay).await;
            }
        }
    }

    /// One attempt: admission, the exchange, release.
    async fn send_once(
        &self,
        transport: &Transport,
        req: RawRequest,
    ) -> Result<RawResponse, Failure> {
        let is_get = req.method == Method::Get;
        let _concurrency = if is_get {
            self.gets.acquire().await
        } else {
            self.others.acquire().await
        };
        let _slot = self.window.acquire().await;
        self.wait_out_pause().await;
        let _in_flight = self.counters.enter(is_get);
        transport.send(req).await
    }

    /// Waits while the client is paused (a pause may be extended while waiting).
    async fn wait_out_pause(&self) {
        loop {
            let until = self.paused_until.lock().ok().and_then(|p| *p);
            match until {
                Some(t) if t > Instant::now() => sleep(t - Instant::now()).await,
                _ => return,
            }
        }
    }

    /// Pauses every request of the client for `d` (extends, never shortens, a pause).
    fn pause_for(&self, d: Duration) {
        let until = Instant::now() + d;
        if let Ok(mut p) = self.paused_until.lock() {
            *p = Some(p.map_or(until, |cur| cur.max(until)));
        }
        self.counters.paused();
    }

    /// Honours limit hints on answers that were let through: with no requests remaining in the
    /// portal's window, pause until it resets (at most one window, in case clocks disagree).
    fn observe(&self, resp: &RawResponse) {
        if let Some(limits) = PortalLimits::of(resp)
            && limits.exhausted()
            && let Some(reset) = limits.reset_in
        {
            self.pause_for(reset.min(self.limits.window));
        }
    }
}
