//! How many upload bytes the portal holds in memory at once.
//!
//! An upload body (a simple upload's files, or one chunk) is read into memory before it is written
//! to SQLite. Each request reserves its bytes here as they arrive (up front when it announces a
//! `Content-Length`), and gives them back when it is answered. When the portal-wide budget is
//! spent, the request is refused with a 429 and `Retry-After`, the answer DocSpace's own
//! concurrency limiter gives (an empty body; see `envelope.rs`), instead of growing memory: twenty
//! concurrent 60 MiB uploads no longer take 1.3 GiB.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::http::{HeaderMap, HeaderValue, header};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::envelope::ApiError;

/// Default portal-wide budget: 256 MiB of upload bodies in memory.
pub const DEFAULT_BUDGET: usize = 256 * 1024 * 1024;

/// The portal-wide pool of upload bytes.
#[derive(Debug)]
pub struct UploadBudget {
    sem: Arc<Semaphore>,
    capacity: usize,
    peak: AtomicUsize,
}

impl UploadBudget {
    /// A pool of `capacity` bytes.
    pub fn new(capacity: usize) -> Arc<UploadBudget> {
        Arc::new(UploadBudget {
            sem: Arc::new(Semaphore::new(capacity)),
            capacity,
            peak: AtomicUsize::new(0),
        })
    }

    /// The pool's size.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Bytes reserved right now.
    pub fn in_flight(&self) -> usize {
        self.capacity - self.sem.available_permits()
    }

    /// The most bytes ever reserved at once.
    pub fn peak(&self) -> usize {
        self.peak.load(Ordering::Relaxed)
    }

    /// An empty reservation for one request.
    pub fn reservation(self: &Arc<Self>) -> Reservation {
        Reservation {
            budget: self.clone(),
            permit: None,
            held: 0,
        }
    }
}

/// One request's bytes; returned to the pool when dropped.
#[derive(Debug)]
pub struct Reservation {
    budget: Arc<UploadBudget>,
    permit: Option<OwnedSemaphorePermit>,
    held: usize,
}

impl Reservation {
    /// Bytes held.
    pub fn held(&self) -> usize {
        self.held
    }

    /// Holds at least `total` bytes, or answers 429 without waiting.
    pub fn grow_to(&mut self, total: usize) -> Result<(), ApiError> {
        if total <= self.held {
            return Ok(());
        }
        let more = total - self.held;
        let busy = || {
            let mut h = HeaderMap::new();
            h.insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            ApiError::RateLimited(h)
        };
        let n = u32::try_from(more).map_err(|_| busy())?;
        let got = self
            .budget
            .sem
            .clone()
            .try_acquire_many_owned(n)
            .map_err(|_| busy())?;
        match &mut self.permit {
            Some(p) => p.merge(got),
            None => self.permit = Some(got),
        }
        self.held = total;
        self.budget
            .peak
            .fetch_max(self.budget.in_flight(), Ordering::Relaxed);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reservations_share_the_pool_and_give_it_back() {
        let b = UploadBudget::new(100);
        let mut a = b.reservation();
        a.grow_to(60).expect("fits");
        let mut c = b.reservation();
        assert!(c.grow_to(50).is_err(), "over the pool");
        c.grow_to(40).expect("fits");
        assert_eq!(b.in_flight(), 100);
        drop(a);
        assert_eq!(b.in_flight(), 40);
        assert_eq!(b.peak(), 100);
    }
}
