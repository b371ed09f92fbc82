//! DocSpace's rate limits (`reference/rest-api.md` §7), per user (or client IP when anonymous):
//!
//! 1. a sliding window of `per_minute` requests in any 60 seconds;
//! 2. at most `concurrent_get` GETs and `concurrent_other` other requests in flight, refused at
//!    once (no queue);
//! 3. `sensitive_per_15min` requests per 15 minutes per user and path on sensitive endpoints
//!    (of those served here, `POST /api/2.0/keys`; sign-in is not in DocSpace's `sensitive_api`
//!    policy but behind its brute-force guard, [`crate::login_guard`]).
//!
//! A refusal is a 429 with an empty body and `X-RateLimit-Limit`, `X-RateLimit-Remaining`,
//! `X-RateLimit-Reset` (unix seconds) and `Retry-After` (seconds). Admitted requests carry the
//! window's `X-RateLimit-*` headers, as the spec documents them.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::http::{HeaderMap, HeaderValue, Method};

use crate::config::RateLimits;

const WINDOW: Duration = Duration::from_secs(60);
const SENSITIVE_WINDOW: Duration = Duration::from_secs(15 * 60);

/// Whether `method path` is in DocSpace's `sensitive_api` policy (of the endpoints served here).
pub fn is_sensitive(method: &Method, path: &str) -> bool {
    let p = path.trim_end_matches('/').to_ascii_lowercase();
    method == Method::POST && p == "/api/2.0/keys"
}

#[derive(Default)]
struct Partition {
    window: VecDeque<Instant>,
    get_in_flight: u32,
    other_in_flight: u32,
}

/// The limiter shared by every request of a portal.
pub struct RateLimiter {
    limits: RateLimits,
    partitions: Mutex<HashMap<String, Partition>>,
    sensitive: Mutex<HashMap<String, VecDeque<Instant>>>,
}

/// An admitted request; frees its concurrency slot when dropped.
pub struct Admitted {
    limiter: Arc<RateLimiter>,
    key: String,
    is_get: bool,
    /// Headers for the response (`X-RateLimit-*`).
    pub headers: HeaderMap,
}

impl Drop for Admitted {
    fn drop(&mut self) {
        if let Ok(mut parts) = self.limiter.partitions.lock()
            && let Some(p) = parts.get_mut(&self.key)
        {
            if self.is_get {
                p.get_in_flight = p.get_in_flight.saturating_sub(1);
            } else {
                p.other_in_flight = p.other_in_flight.saturating_sub(1);
            }
        }
    }
}

fn unix_after(d: Duration) -> u64 {
    (SystemTime::now() + d)
        .duration_since(UNIX_EPOCH)
        .map(|t| t.as_secs())
        .unwrap_or(0)
}

fn headers(limit: u32, remaining: u32, reset_in: Duration, retry: bool) -> HeaderMap {
    let mut h = HeaderMap::new();
    let num = |n: u64| HeaderValue::from(n);
    h.insert("x-ratelimit-limit", num(limit.into()));
    h.insert("x-ratelimit-remaining", num(remaining.into()));
    h.insert("x-ratelimit-reset", num(unix_after(reset_in)));
    if retry {
        // Round up: retrying after a truncated number of seconds would be refused again.
        let secs = reset_in.as_secs() + u64::from(reset_in.subsec_nanos() > 0);
        h.insert("retry-after", num(secs.max(1)));
    }
    h
}

/// Drops the entries of `log` older than `window`; returns how long until the oldest left expires.
fn slide(log: &mut VecDeque<Instant>, now: Instant, window: Duration) -> Duration {
    while log
        .front()
        .is_some_and(|t| now.duration_since(*t) >= window)
    {
        log.pop_front();
    }
    log.front()
        .map(|t| window.saturating_sub(now.duration_since(*t)))
        .unwrap_or(window)
}

impl RateLimiter {
    /// A limiter enforcing `limits` (nothing when `limits.enabled` is false).
    pub fn new(limits: RateLimits) -> Arc<RateLimiter> {
        Arc::new(RateLimiter {
            limits,
            partitions: Mutex::new(HashMap::new()),
            sensitive: Mutex::new(HashMap::new()),
        })
    }

    /// Whether limits are enforced.
    pub fn enabled(&self) -> bool {
        self.limits.enabled
    }

    /// Admits a request of `partition` or refuses it with the 429 headers.
    pub fn admit(
        self: &Arc<Self>,
        partition: &str,
        method: &Method,
        path: &str,
    ) -> Result<Option<Admitted>, HeaderMap> {
        if !self.limits.enabled {
            return Ok(None);
        }
        let now = Instant::now();
        if is_sensitive(method, path) {
            self.check_sensitive(&format!("{partition} {}", path.to_ascii_lowercase()), now)?;
        }
        let is_get = method == Method::GET || method == Method::HEAD;
        let mut parts = self
            .partitions
            .lock()
            .map_err(|_| headers(self.limits.per_minute, 0, WINDOW, true))?;
        if parts.len() > 10_000 {
            parts.retain(|_, p| {
                p.get_in_flight + p.other_in_flight > 0
                    || p.window
                        .back()
                        .is_some_and(|t| now.duration_since(*t) < WINDOW)
            });
        }
        let p = parts.entry(partition.to_string()).or_default();
        let reset_in = slide(&mut p.window, now, WINDOW);
        let limit = self.limits.per_minute;
        let used = p.window.len() as u32;
        if used >= limit {
            return Err(headers(limit, 0, reset_in, true));
        }
        let (in_flight, cap) = if is_get {
            (p.get_in_flight, self.limits.concurrent_get)
        } else {
            (p.other_in_flight, self.limits.concurrent_other)
        };
        if in_flight >= cap {
            return Err(headers(cap, 0, Duration::from_secs(1), true));
        }
        p.window.push_back(now);
        if is_get {
            p.get_in_flight += 1;
        } else {
            p.other_in_flight += 1;
        }
        let reset_in = p
            .window
            .front()
            .map(|t| WINDOW.saturating_sub(now.duration_since(*t)))
            .unwrap_or(WINDOW);
        Ok(Some(Admitted {
            limiter: self.clone(),
            key: partition.to_string(),
            is_get,
            headers: headers(limit, limit - used - 1, reset_in, false),
        }))
    }

    fn check_sensitive(&self, key: &str, now: Instant) -> Result<(), HeaderMap> {
        let limit = self.limits.sensitive_per_15min;
        let mut map = self
            .sensitive
            .lock()
            .map_err(|_| headers(limit, 0, SENSITIVE_WINDOW, true))?;
        let log = map.entry(key.to_string()).or_default();
        let reset_in = slide(log, now, SENSITIVE_WINDOW);
        if log.len() as u32 >= limit {
            return Err(headers(limit, 0, reset_in, true));
        }
        log.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(per_minute: u32, get: u32, other: u32, sensitive: u32) -> RateLimits {
        RateLimits {
            enabled: true,
            per_minute,
            concurrent_get: get,
            concurrent_other: other,
            sensitive_per_15min: sensitive,
        }
    }

    #[test]
    fn the_window_refuses_the_request_over_the_limit_with_headers() {
        let l = RateLimiter::new(limits(3, 10, 10, 5));
        for _ in 0..3 {
            drop(l.admit("u", &Method::GET, "/api/2.0/x").expect("admitted"));
        }
        let h = l
            .admit("u", &Method::GET, "/api/2.0/x")
            .err()
            .expect("refused");
        assert_eq!(h["x-ratelimit-limit"], "3");
        assert_eq!(h["x-ratelimit-remaining"], "0");
        let retry: u64 = h["retry-after"].to_str().unwrap().parse().unwrap();
        assert!((1..=60).contains(&retry), "{retry}");
        // Another user has a window of their own.
        assert!(l.admit("v", &Method::GET, "/api/2.0/x").is_ok());
    }

    #[test]
    fn concurrency_caps_count_in_flight_requests_by_kind() {
        let l = RateLimiter::new(limits(100, 2, 1, 5));
        let a = l.admit("u", &Method::GET, "/p").expect("1");
        let _b = l.admit("u", &Method::GET, "/p").expect("2");
        assert!(l.admit("u", &Method::GET, "/p").is_err());
        let _c = l.admit("u", &Method::PUT, "/p").expect("other kind");
        assert!(l.admit("u", &Method::POST, "/p").is_err());
        drop(a);
        assert!(l.admit("u", &Method::GET, "/p").is_ok());
    }

    #[test]
    fn sensitive_endpoints_have_their_own_small_budget_per_path() {
        let l = RateLimiter::new(limits(100, 10, 10, 2));
        for _ in 0..2 {
            drop(l.admit("u", &Method::POST, "/api/2.0/keys").expect("ok"));
        }
        assert!(l.admit("u", &Method::POST, "/api/2.0/keys").is_err());
        assert!(l.admit("u", &Method::GET, "/api/2.0/keys").is_ok());
        // Sign-in is not in the policy (DocSpace guards it per login instead).
        for _ in 0..5 {
            drop(
                l.admit("ip", &Method::POST, "/api/2.0/authentication")
                    .expect("not sensitive"),
            );
        }
    }

    #[test]
    fn disabled_limits_admit_everything() {
        let l = RateLimiter::new(RateLimits::off());
        for _ in 0..5000 {
            assert!(l.admit("u", &Method::GET, "/p").is_ok());
        }
    }
}
