//! The scheduler inside every client: it admits each request within the concurrency and
//! per-minute limits, pauses the client when the portal says so, and retries what may safely be
//! retried. It runs on one thread (wasm) or many (native): everything is executor-agnostic
//! (`async-lock`, `event-listener`, the [`crate::rt`] timer shim).

mod hints;
mod limits;
mod metrics;
mod window;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_lock::{Semaphore, SemaphoreGuardArc};

pub use hints::PortalLimits;
pub use limits::{RateLimits, RetryPolicy};
pub use metrics::Metrics;

use crate::error::Error;
use crate::rt::{Instant, jitter, sleep};
use crate::transport::{BodyReader, Failure, Method, RawRequest, RawResponse, Transport};
use metrics::{Counters, InFlight};
use window::{SlidingWindow, Slot};

/// Statuses that mean "try again later" without the portal having acted.
fn is_transient(status: u16) -> bool {
    matches!(status, 408 | 502 | 503 | 504)
}

/// Admission control and retries for one client (shared by its clones).
#[derive(Debug)]
pub struct Scheduler {
    limits: RateLimits,
    retry: RetryPolicy,
    gets: Arc<Semaphore>,
    others: Arc<Semaphore>,
    window: Arc<SlidingWindow>,
    paused_until: Mutex<Option<Instant>>,
    counters: Arc<Counters>,
}

/// What lets one request through: a concurrency permit, a slot of the per-minute window and
/// an in-flight mark, held until dropped. Owned, so a streamed answer can keep it for as long as
/// its body is read.
#[derive(Debug)]
pub struct Admission {
    // Released in this order, as the locals of an exchange were.
    _in_flight: InFlight,
    _slot: Slot,
    _concurrency: SemaphoreGuardArc,
}

/// An opened answer: its status and headers, and for a 2xx answer its unread body with the
/// admission it holds.
#[derive(Debug)]
pub struct Opened {
    /// Status and headers (and the whole body of a non-2xx answer).
    pub head: RawResponse,
    /// The body of a 2xx answer, to read chunk by chunk, and its admission.
    pub body: Option<(BodyReader, Admission)>,
}

impl Scheduler {
    /// A scheduler keeping `limits` and retrying by `retry`.
    pub fn new(limits: RateLimits, retry: RetryPolicy) -> Scheduler {
        Scheduler {
            gets: Arc::new(Semaphore::new(limits.concurrent_get)),
            others: Arc::new(Semaphore::new(limits.concurrent_other)),
            window: Arc::new(SlidingWindow::new(limits.per_minute, limits.window)),
            paused_until: Mutex::new(None),
            counters: Arc::new(Counters::default()),
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
        let is_get = req.method == Method::Get;
        let (resp, _) = self
            .run(idempotent, || {
                let req = req.clone();
                async move {
                    let _admission = self.admit(is_get).await;
                    transport.send(req).await.map(|r| (r, None::<()>))
                }
            })
            .await?;
        Ok(resp)
    }

    /// Like [`Scheduler::send`], for an answer whose body is read as it arrives. A 2xx answer
    /// keeps its admission (concurrency permit and window slot) with its body: the request is
    /// in flight until the body is read to its end or dropped. Other answers are read whole (the
    /// 429s and transient errors retried as by `send`) and release it at once.
    pub async fn open(
        &self,
        transport: &Transport,
        req: RawRequest,
        idempotent: bool,
    ) -> Result<Opened, Error> {
        let is_get = req.method == Method::Get;
        let (head, body) = self
            .run(idempotent, || {
                let req = req.clone();
                async move {
                    let admission = self.admit(is_get).await;
                    let (mut head, reader) = transport.open(req).await?;
                    if (200..300).contains(&head.status) {
                        return Ok((head, Some((reader, admission))));
                    }
                    reader.read_into(&mut head).await?;
                    Ok((head, None))
                }
            })
            .await?;
        Ok(Opened { head, body })
    }

    /// The retry loop: `attempt` makes one exchange (admission included); its answer's status
    /// and headers decide whether to try again.
    async fn run<T, F, Fut>(
        &self,
        idempotent: bool,
        mut attempt: F,
    ) -> Result<(RawResponse, Option<T>), Error>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<(RawResponse, Option<T>), Failure>>,
    {
        let mut transient_retries = 0;
        let mut limited_retries = 0;
        loop {
            let result = attempt().await;
            let delay = match &result {
                Ok((resp, _)) if resp.status == 429 => {
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
                Ok((resp, _)) if idempotent && is_transient(resp.status) => {
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
                Ok((resp, _)) => {
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

    /// Waits for admission: a concurrency permit, a window slot, the end of any pause.
    async fn admit(&self, is_get: bool) -> Admission {
        let concurrency = if is_get {
            self.gets.acquire_arc().await
        } else {
            self.others.acquire_arc().await
        };
        let slot = self.window.acquire().await;
        self.wait_out_pause().await;
        Admission {
            _in_flight: self.counters.enter(is_get),
            _slot: slot,
            _concurrency: concurrency,
        }
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
