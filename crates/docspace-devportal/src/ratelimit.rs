//! DocSpace's rate limits, per user (or client IP when anonymous), as set up in
//! `ONLYOFFICE/DocSpace-server: common/ASC.Api.Core/Core/BaseStartup.cs` (`AddRateLimiter`) with
//! the defaults of `common/ASC.Common/Utils/RateLimiterSettings.cs`:
//!
//! 1. a sliding window of `per_minute` requests in any 60 seconds;
//! 2. at most `concurrent_get` GETs and `concurrent_other` other requests in flight, refused at
//!    once (no queue);
//! 3. a fixed window of `daily_writes` POST and PUT requests a day;
//! 4. the per-endpoint `sensitive_api` policy: `sensitive_per_15min` requests per 15 minutes per
//!    user and path. Of the endpoints served here, `POST /api/2.0/keys` and the password reminder
//!    `POST /api/2.0/people/password` carry `[EnableRateLimiting(RateLimiterPolicy.SensitiveApi)]`
//!    (`products/ASC.People/Server/Api/ApiKeysController.cs`, `UserController.cs`). Sign-in is not
//!    in it but behind DocSpace's brute-force guard, [`crate::login_guard`].
//!
//! Only a refusal carries rate-limit headers: a 429 with an empty body. DocSpace sets them in the
//! limiter's `OnRejected` (`RedisRateLimiting.AspNetCore`'s `RateLimitMetadata.OnRejected`) and
//! nowhere on admitted requests, although its OpenAPI spec lists them on 200s. The global limiters
//! answer as the server's: the sliding window with `X-RateLimit-Limit` (a number),
//! `X-RateLimit-Remaining` and `Retry-After`; the concurrency caps with Limit and Remaining only;
//! the daily fixed window adds `X-RateLimit-Reset` in unix seconds. The per-endpoint policies
//! answer in the form DocSpace's API documentation gives
//! (<https://api.onlyoffice.com/docspace/api-backend/get-started/basic-concepts/>, "Rate
//! limiting"): `X-RateLimit-Limit: 5/15m` (requests per timespan), `X-RateLimit-Remaining`,
//! `X-RateLimit-Reset` as the seconds left in the window, and `Retry-After`.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::http::{HeaderMap, HeaderValue, Method};

use crate::config::RateLimits;

const WINDOW: Duration = Duration::from_secs(60);
const SENSITIVE_WINDOW: Duration = Duration::from_secs(15 * 60);
const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// Whether `method path` is in DocSpace's `sensitive_api` policy (of the endpoints served here).
pub fn is_sensitive(method: &Method, path: &str) -> bool {
    let p = path.trim_end_matches('/').to_ascii_lowercase();
    method == Method::POST && (p == "/api/2.0/keys" || p == "/api/2.0/people/password")
}

#[derive(Default)]
struct Partition {
    window: VecDeque<Instant>,
    get_in_flight: u32,
    other_in_flight: u32,
    /// The daily POST/PUT window: when it opened and how many it counted.
    writes: Option<(Instant, u32)>,
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

/// Whole seconds, rounded up: retrying after a truncated number of seconds would be refused again.
fn secs_up(d: Duration) -> u64 {
    (d.as_secs() + u64::from(d.subsec_nanos() > 0)).max(1)
}

/// `5/15m`: DocSpace's documented "request limit per timespan".
fn per_timespan(limit: u32, window: Duration) -> String {
    let s = window.as_secs();
    let span = if s.is_multiple_of(3600) {
        format!("{}h", s / 3600)
    } else if s.is_multiple_of(60) {
        format!("{}m", s / 60)
    } else {
        format!("{s}s")
    };
    format!("{limit}/{span}")
}

/// The headers of one refusal.
enum Refusal {
    /// The global sliding window: Limit, Remaining, Retry-After.
    Sliding { limit: u32, retry: Duration },
    /// A concurrency cap: Limit and Remaining only.
    Concurrency { limit: u32 },
    /// The daily fixed window: Limit, Remaining, Retry-After, Reset (unix seconds).
    Fixed { limit: u32, retry: Duration },
    /// A per-endpoint policy, in the documented form.
    Policy {
        limit: u32,
        window: Duration,
        retry: Duration,
    },
}

impl Refusal {
    fn headers(self) -> HeaderMap {
        let mut h = HeaderMap::new();
        let num = |n: u64| HeaderValue::from(n);
        h.insert("x-ratelimit-remaining", num(0));
        match self {
            Refusal::Sliding { limit, retry } => {
                h.insert("x-ratelimit-limit", num(limit.into()));
                h.insert("retry-after", num(secs_up(retry)));
            }
            Refusal::Concurrency { limit } => {
                h.insert("x-ratelimit-limit", num(limit.into()));
            }
            Refusal::Fixed { limit, retry } => {
                h.insert("x-ratelimit-limit", num(limit.into()));
                h.insert("retry-after", num(secs_up(retry)));
                h.insert("x-ratelimit-reset", num(unix_after(retry)));
            }
            Refusal::Policy {
                limit,
                window,
                retry,
            } => {
                if let Ok(v) = HeaderValue::from_str(&per_timespan(limit, window)) {
                    h.insert("x-ratelimit-limit", v);
                }
                h.insert("x-ratelimit-reset", num(secs_up(retry)));
                h.insert("retry-after", num(secs_up(retry)));
            }
        }
        h
    }
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

    /// Admits a request of `partition` or refuses it with the 429 headers. As DocSpace's chained
    /// limiters, the global ones run first, then the endpoint's policy.
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
        let admitted = self.admit_global(partition, method, now)?;
        if is_sensitive(method, path) {
            // A refusal here drops `admitted`, which frees its concurrency slot.
            self.check_sensitive(&format!("{partition} {}", path.to_ascii_lowercase()), now)?;
        }
        Ok(Some(admitted))
    }

    fn admit_global(
        self: &Arc<Self>,
        partition: &str,
        method: &Method,
        now: Instant,
    ) -> Result<Admitted, HeaderMap> {
        let is_get = method == Method::GET || method == Method::HEAD;
        let is_write = method == Method::POST || method == Method::PUT;
        let limit = self.limits.per_minute;
        let mut parts = self.partitions.lock().map_err(|_| {
            Refusal::Sliding {
                limit,
                retry: WINDOW,
            }
            .headers()
        })?;
        if parts.len() > 10_000 {
            parts.retain(|_, p| {
                p.get_in_flight + p.other_in_flight > 0
                    || p.window
                        .back()
                        .is_some_and(|t| now.duration_since(*t) < WINDOW)
                    || p.writes.is_some_and(|(t, _)| now.duration_since(t) < DAY)
            });
        }
        let p = parts.entry(partition.to_string()).or_default();
        let reset_in = slide(&mut p.window, now, WINDOW);
        if p.window.len() as u32 >= limit {
            return Err(Refusal::Sliding {
                limit,
                retry: reset_in,
            }
            .headers());
        }
        let (in_flight, cap) = if is_get {
            (p.get_in_flight, self.limits.concurrent_get)
        } else {
            (p.other_in_flight, self.limits.concurrent_other)
        };
        if in_flight >= cap {
            return Err(Refusal::Concurrency { limit: cap }.headers());
        }
        if is_write {
            let daily = self.limits.daily_writes;
            let (opened, count) = match p.writes {
                Some((t, n)) if now.duration_since(t) < DAY => (t, n),
                _ => (now, 0),
            };
            if count >= daily {
                return Err(Refusal::Fixed {
                    limit: daily,
                    retry: DAY.saturating_sub(now.duration_since(opened)),
                }
                .headers());
            }
            p.writes = Some((opened, count + 1));
        }
        p.window.push_back(now);
        if is_get {
            p.get_in_flight += 1;
        } else {
            p.other_in_flight += 1;
        }
        Ok(Admitted {
            limiter: self.clone(),
            key: partition.to_string(),
            is_get,
        })
    }

    fn check_sensitive(&self, key: &str, now: Instant) -> Result<(), HeaderMap> {
        let limit = self.limits.sensitive_per_15min;
        let refusal = |retry| {
            Refusal::Policy {
                limit,
                window: SENSITIVE_WINDOW,
                retry,
            }
            .headers()
        };
        let mut map = self
            .sensitive
            .lock()
            .map_err(|_| refusal(SENSITIVE_WINDOW))?;
        let log = map.entry(key.to_string()).or_default();
        let reset_in = slide(log, now, SENSITIVE_WINDOW);
        if log.len() as u32 >= limit {
            return Err(refusal(reset_in));
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
            daily_writes: 10_000,
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
    fn policies_name_their_limit_per_timespan() {
        assert_eq!(per_timespan(5, SENSITIVE_WINDOW), "5/15m");
        assert_eq!(per_timespan(100, Duration::from_secs(1800)), "100/30m");
        assert_eq!(per_timespan(10_000, DAY), "10000/24h");
    }

    #[test]
    fn disabled_limits_admit_everything() {
        let l = RateLimiter::new(RateLimits::off());
        for _ in 0..5000 {
            assert!(l.admit("u", &Method::GET, "/p").is_ok());
        }
    }
}
