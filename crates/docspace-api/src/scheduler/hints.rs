//! What the portal says about its limits: `Retry-After`, `X-RateLimit-Remaining`,
//! `X-RateLimit-Reset` (`reference/rest-api.md` §7).

use std::time::Duration;

use crate::rt::unix_now;
use crate::transport::RawResponse;

/// `Retry-After`: delta seconds or an HTTP date.
pub fn retry_after(resp: &RawResponse) -> Option<Duration> {
    let v = resp.header("retry-after")?.trim();
    if let Ok(secs) = v.parse::<f64>() {
        return secs_to_duration(secs);
    }
    let date = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    secs_to_duration(date.timestamp() as f64 - unix_now())
}

/// `X-RateLimit-Reset` as a wait: Unix seconds (RedisRateLimiting's fixed window), or delta
/// seconds when the number is too small to be a date.
pub fn reset_in(resp: &RawResponse) -> Option<Duration> {
    let v: f64 = resp.header("x-ratelimit-reset")?.trim().parse().ok()?;
    if v > 1_000_000_000.0 {
        secs_to_duration(v - unix_now())
    } else {
        secs_to_duration(v)
    }
}

/// `X-RateLimit-Remaining`.
pub fn remaining(resp: &RawResponse) -> Option<u64> {
    resp.header("x-ratelimit-remaining")?.trim().parse().ok()
}

/// How long the portal asked to wait: `Retry-After`, else `X-RateLimit-Reset`.
pub fn retry_wait(resp: &RawResponse) -> Option<Duration> {
    retry_after(resp).or_else(|| reset_in(resp))
}

fn secs_to_duration(secs: f64) -> Option<Duration> {
    if secs.is_finite() {
        Some(Duration::from_secs_f64(secs.clamp(0.0, 86_400.0)))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(headers: &[(&str, &str)]) -> RawResponse {
        RawResponse {
            status: 429,
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: vec![],
        }
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(
            retry_after(&with(&[("retry-after", "30")])),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            retry_after(&with(&[("retry-after", "-3")])),
            Some(Duration::ZERO)
        );
        let in_a_minute = chrono::DateTime::from_timestamp(unix_now() as i64 + 60, 0)
            .unwrap()
            .to_rfc2822();
        let d = retry_after(&with(&[("retry-after", &in_a_minute)])).unwrap();
        assert!(
            d > Duration::from_secs(55) && d <= Duration::from_secs(61),
            "{d:?}"
        );
        assert_eq!(retry_after(&with(&[("retry-after", "soon")])), None);
        assert_eq!(retry_after(&with(&[])), None);
    }

    #[test]
    fn reset_reads_unix_time_and_deltas() {
        let at = format!("{}", unix_now() as i64 + 20);
        let d = reset_in(&with(&[("x-ratelimit-reset", &at)])).unwrap();
        assert!(
            d > Duration::from_secs(15) && d <= Duration::from_secs(21),
            "{d:?}"
        );
        assert_eq!(
            reset_in(&with(&[("x-ratelimit-reset", "12")])),
            Some(Duration::from_secs(12))
        );
        assert_eq!(
            retry_wait(&with(&[("x-ratelimit-reset", "5"), ("retry-after", "2")])),
            Some(Duration::from_secs(2))
        );
        assert_eq!(remaining(&with(&[("x-ratelimit-remaining", "0")])), Some(0));
        assert_eq!(remaining(&with(&[("x-ratelimit-remaining", "x")])), None);
    }
}
