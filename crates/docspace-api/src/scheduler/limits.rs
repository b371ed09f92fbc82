//! The limits a client keeps and how it retries: options structs with builders.

use std::time::Duration;

use crate::error::Error;

/// The request limits a client keeps, so that it never trips the portal's own.
///
/// The defaults are DocSpace's per-user limits (ONLYOFFICE/DocSpace-server: `common/ASC.Api.Core/Core/BaseStartup.cs`, `AddRateLimiter`; <https://api.onlyoffice.com/docspace/api-backend/get-started/basic-concepts/request-limits/>): 50 simultaneous GETs,
/// 15 simultaneous other requests, 1500 requests in any sliding minute. Set them to match a portal
/// configured otherwise. All clones of a client share one budget; separate clients for the same
/// user do not, so give each a share.
///
/// ```
/// use docspace_api::{Client, RateLimits};
///
/// let client = Client::builder("http://127.0.0.1:8092")
///     .rate_limits(RateLimits::default().per_minute(120).concurrent_other(4))
///     .build()?;
/// assert_eq!(client.rate_limits().per_minute, 120);
/// # Ok::<(), docspace_api::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimits {
    /// Simultaneous GET requests.
    pub concurrent_get: usize,
    /// Simultaneous POST, PUT and DELETE requests.
    pub concurrent_other: usize,
    /// Requests in any sliding window of `window`.
    pub per_minute: usize,
    /// The window's length (60 s).
    pub window: Duration,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            concurrent_get: 50,
            concurrent_other: 15,
            per_minute: 1500,
            window: Duration::from_secs(60),
        }
    }
}

impl RateLimits {
    /// Sets the simultaneous GET limit.
    pub fn concurrent_get(mut self, n: usize) -> Self {
        self.concurrent_get = n;
        self
    }

    /// Sets the simultaneous non-GET limit.
    pub fn concurrent_other(mut self, n: usize) -> Self {
        self.concurrent_other = n;
        self
    }

    /// Sets the number of requests per window.
    pub fn per_minute(mut self, n: usize) -> Self {
        self.per_minute = n;
        self
    }

    /// Sets the window's length.
    pub fn window(mut self, window: Duration) -> Self {
        self.window = window;
        self
    }

    pub(crate) fn validate(&self) -> Result<(), Error> {
        for (field, n) in [
            ("rate_limits.concurrent_get", self.concurrent_get),
            ("rate_limits.concurrent_other", self.concurrent_other),
            ("rate_limits.per_minute", self.per_minute),
        ] {
            if n == 0 {
                return Err(Error::invalid(field, "must be at least 1"));
            }
        }
        if self.window.is_zero() {
            return Err(Error::invalid(
                "rate_limits.window",
                "must be longer than 0",
            ));
        }
        Ok(())
    }
}

/// When and how often the client retries.
///
/// - A **429** is always retried (the portal refused the request before acting on it), after the
///   wait the portal names (`Retry-After`, `X-RateLimit-Reset`) or an exponential backoff, up to
///   `max_rate_limited_retries` times and never for a wait longer than `max_rate_limit_wait`;
///   then the call fails with [`Error::RateLimited`]. While waiting, the whole client pauses.
/// - **Transient failures** (connection errors, timeouts, 408, 502, 503, 504) are retried with
///   jittered exponential backoff, up to `max_retries` times — but only for idempotent requests,
///   or when the connection never opened. A create, copy or upload whose outcome is unknown is
///   never sent twice.
///
/// ```
/// use std::time::Duration;
/// use docspace_api::RetryPolicy;
///
/// let p = RetryPolicy::default().max_retries(5).max_rate_limit_wait(Duration::from_secs(30));
/// assert_eq!(p.max_retries, 5);
/// let none = RetryPolicy::never();
/// assert_eq!(none.max_rate_limited_retries, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries of a transient failure.
    pub max_retries: u32,
    /// First backoff delay; it doubles each retry.
    pub base_delay: Duration,
    /// Longest backoff delay.
    pub max_delay: Duration,
    /// Retries after 429 answers.
    pub max_rate_limited_retries: u32,
    /// The longest wait a 429 may impose before the call gives up with [`Error::RateLimited`].
    pub max_rate_limit_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            base_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(10),
            max_rate_limited_retries: 10,
            max_rate_limit_wait: Duration::from_secs(90),
        }
    }
}

impl RetryPolicy {
    /// No retries at all: every failure and every 429 reaches the caller.
    pub fn never() -> Self {
        RetryPolicy {
            max_retries: 0,
            max_rate_limited_retries: 0,
            ..RetryPolicy::default()
        }
    }

    /// Sets the retries of transient failures.
    pub fn max_retries(mut self, n: u32) -> Self {
        self.max_retries = n;
        self
    }

    /// Sets the first backoff delay.
    pub fn base_delay(mut self, d: Duration) -> Self {
        self.base_delay = d;
        self
    }

    /// Sets the longest backoff delay.
    pub fn max_delay(mut self, d: Duration) -> Self {
        self.max_delay = d;
        self
    }

    /// Sets the retries after 429 answers.
    pub fn max_rate_limited_retries(mut self, n: u32) -> Self {
        self.max_rate_limited_retries = n;
        self
    }

    /// Sets the longest wait a 429 may impose.
    pub fn max_rate_limit_wait(mut self, d: Duration) -> Self {
        self.max_rate_limit_wait = d;
        self
    }

    /// The jittered delay before retry number `attempt` (0-based): uniform in
    /// `[0, min(max_delay, base_delay · 2^attempt)]`.
    pub(crate) fn backoff(&self, attempt: u32) -> Duration {
        crate::rt::jitter(self.ceiling(attempt))
    }

    /// The upper bound of [`RetryPolicy::backoff`].
    pub(crate) fn ceiling(&self, attempt: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempt.min(20));
        self.base_delay.saturating_mul(factor).min(self.max_delay)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_docspace_limits() {
        let l = RateLimits::default();
        assert_eq!(
            (l.concurrent_get, l.concurrent_other, l.per_minute),
            (50, 15, 1500)
        );
        assert!(l.validate().is_ok());
    }

    #[test]
    fn zero_limits_are_rejected_naming_the_field() {
        let e = RateLimits::default().per_minute(0).validate().unwrap_err();
        assert!(matches!(
            e,
            Error::InvalidInput {
                field: "rate_limits.per_minute",
                ..
            }
        ));
        let e = RateLimits::default()
            .window(Duration::ZERO)
            .validate()
            .unwrap_err();
        assert!(matches!(
            e,
            Error::InvalidInput {
                field: "rate_limits.window",
                ..
            }
        ));
        assert!(RateLimits::default().concurrent_get(0).validate().is_err());
        assert!(
            RateLimits::default()
                .concurrent_other(0)
                .validate()
                .is_err()
        );
    }

    #[test]
    fn backoff_doubles_up_to_the_cap_with_jitter() {
        let p = RetryPolicy::default()
            .base_delay(Duration::from_millis(100))
            .max_delay(Duration::from_secs(1));
        assert_eq!(p.ceiling(0), Duration::from_millis(100));
        assert_eq!(p.ceiling(2), Duration::from_millis(400));
        assert_eq!(p.ceiling(10), Duration::from_secs(1));
        assert_eq!(p.ceiling(u32::MAX), Duration::from_secs(1));
        for attempt in 0..6 {
            assert!(p.backoff(attempt) <= p.ceiling(attempt));
        }
    }
}
