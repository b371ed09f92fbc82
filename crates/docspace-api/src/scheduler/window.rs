//! The sliding-window request limit.
//!
//! The portal counts requests by arrival in any 60-second window. A request arrives somewhere
//! between the moment it is sent and the moment its answer is read, so the client holds a slot
//! from sending until `period` after the answer: then, at any instant, the slots held are at least
//! the requests the portal can be counting, whatever the network delay.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use event_listener::Event;
use futures::future::select;

use crate::rt::{Instant, sleep};

/// At most `limit` requests per `period`, counted as described in the module docs.
#[derive(Debug)]
pub struct SlidingWindow {
    limit: usize,
    period: Duration,
    state: Mutex<State>,
    freed: Event,
}

#[derive(Debug, Default)]
struct State {
    in_flight: usize,
    /// When the slots of finished requests free up, oldest first.
    expiries: VecDeque<Instant>,
}

impl State {
    fn prune(&mut self, now: Instant) {
        while self.expiries.front().is_some_and(|t| *t <= now) {
            self.expiries.pop_front();
        }
    }
}

/// A held slot; frees `period` after it is dropped.
#[derive(Debug)]
pub struct Slot {
    window: Arc<SlidingWindow>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let expiry = Instant::now() + self.window.period;
        if let Ok(mut s) = self.window.state.lock() {
            s.in_flight = s.in_flight.saturating_sub(1);
            s.expiries.push_back(expiry);
        }
        // Waiters with no deadline now have one.
        self.window.freed.notify(usize::MAX);
    }
}

impl SlidingWindow {
    /// A window of `limit` requests per `period` (`limit` ≥ 1).
    pub fn new(limit: usize, period: Duration) -> SlidingWindow {
        SlidingWindow {
            limit: limit.max(1),
            period,
            state: Mutex::new(State::default()),
            freed: Event::new(),
        }
    }

    /// Waits for a slot.
    pub async fn acquire(self: &Arc<Self>) -> Slot {
        loop {
            let (listener, deadline) = {
                let Ok(mut s) = self.state.lock() else {
                    // A poisoned lock means a panic elsewhere; fail open rather than hang.
                    return Slot {
                        window: self.clone(),
                    };
                };
                let now = Instant::now();
                s.prune(now);
                if s.in_flight + s.expiries.len() < self.limit {
                    s.in_flight += 1;
                    return Slot {
                        window: self.clone(),
                    };
                }
                // Listen before unlocking so no release is missed.
                (
                    self.freed.listen(),
                    s.expiries.front().map(|t| t.saturating_duration_since(now)),
                )
            };
            match deadline {
                Some(wait) => {
                    let _ = select(listener, Box::pin(sleep(wait))).await;
                }
                None => listener.await,
            }
        }
    }

    /// Slots in use (in flight or cooling down), for metrics and tests.
    pub fn used(&self) -> usize {
        self.state
            .lock()
            .map(|mut s| {
                s.prune(Instant::now());
                s.in_flight + s.expiries.len()
            })
            .unwrap_or(0)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    // Only lower bounds on time: a slow machine can delay an admission, never speed one up.

    #[tokio::test]
    async fn the_window_admits_limit_then_waits_a_period() {
        let period = Duration::from_millis(300);
        let w = Arc::new(SlidingWindow::new(3, period));
        let start = Instant::now();
        for _ in 0..3 {
            drop(w.acquire().await);
        }
        assert_eq!(w.used(), 3);
        drop(w.acquire().await);
        assert!(start.elapsed() >= period, "{:?}", start.elapsed());
    }

    #[tokio::test]
    async fn an_in_flight_slot_blocks_until_a_period_after_it_is_dropped() {
        let period = Duration::from_millis(200);
        let w = Arc::new(SlidingWindow::new(1, period));
        let held = w.acquire().await;
        let w2 = w.clone();
        let waiter = tokio::spawn(async move {
            drop(w2.acquire().await);
            Instant::now()
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        let released = Instant::now();
        drop(held);
        let admitted = waiter.await.unwrap();
        assert!(admitted.duration_since(released) >= period);
    }

    #[tokio::test]
    async fn slots_free_up_in_order() {
        let period = Duration::from_millis(100);
        let w = Arc::new(SlidingWindow::new(2, period));
        drop(w.acquire().await);
        drop(w.acquire().await);
        assert_eq!(w.used(), 2);
        tokio::time::sleep(period + Duration::from_millis(20)).await;
        assert_eq!(w.used(), 0);
    }
}
