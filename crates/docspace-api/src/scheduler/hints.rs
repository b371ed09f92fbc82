//! What the portal says about its limits on an answer: `Retry-After` and the `X-RateLimit-*`
//! headers, in every form DocSpace and its documentation use.
//!
//! - DocSpace's server (`ONLYOFFICE/DocSpace-server: common/ASC.Api.Core/Core/BaseStartup.cs`,
//!   with the `RedisRateLimiting` limiters) sends them only with a 429: `X-RateLimit-Limit` as a
//!   plain number, `X-RateLimit-Reset` as Unix seconds (fixed window), `Retry-After` in seconds.
//! - The public docs (<https://api.onlyoffice.com/docspace/backend/>, "Rate limiting")
//!   show the per-endpoint form: `X-Ratelimit-Limit: 100/30m` (requests per window) and
//!   `X-Ratelimit-Reset` as seconds left in the window.

use std::time::Duration;

use crate::rt::unix_now;
use crate::transport::RawResponse;

/// Below this, `X-RateLimit-Reset` is a number of seconds to wait, above it a Unix time
/// (2001-09-09): no window is that long, and no portal's clock is that early.
const UNIX_TIME_FLOOR: f64 = 1_000_000_000.0;

/// The longest wait the client believes from a header: a day (a wrong clock or a typo must not
/// stall a client for years).
const LONGEST_WAIT: f64 = 86_400.0;

/// What one answer's rate-limit headers said, read into one shape whatever their form.
///
/// ```
/// use std::time::Duration;
/// use docspace_api::PortalLimits;
///
/// let headers = [("x-ratelimit-limit", "100/30m"), ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "90")];
/// let header = |name: &str| headers.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string());
/// let limits = PortalLimits::from_headers(header, 1_700_000_000.0).expect("headers were sent");
/// assert_eq!(limits.limit, Some(100));
/// assert_eq!(limits.window, Some(Duration::from_secs(30 * 60)));
/// assert_eq!(limits.reset_in, Some(Duration::from_secs(90)));
/// assert!(limits.exhausted());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PortalLimits {
    /// `X-RateLimit-Limit`: how many requests the window allows.
    pub limit: Option<u64>,
    /// The window the limit counts over, when the header names one (`100/30m`).
    pub window: Option<Duration>,
    /// `X-RateLimit-Remaining`: how many are left in the window.
    pub remaining: Option<u64>,
    /// `X-RateLimit-Reset`, as the wait from when the answer was read.
    pub reset_in: Option<Duration>,
    /// `Retry-After`, as the wait from when the answer was read.
    pub retry_after: Option<Duration>,
}

impl PortalLimits {
    /// Reads the headers through `header` (a lookup by lower-case name), with the time now in
    /// Unix seconds; `None` when the answer carried none of them.
    pub fn from_headers(header: impl Fn(&str) -> Option<String>, now_unix: f64) -> Option<Self> {
        let read = |name: &str| header(name).map(|v| v.trim().to_string());
        let limit = read("x-ratelimit-limit");
        let remaining = read("x-ratelimit-remaining");
        let reset = read("x-ratelimit-reset");
        let retry_after = read("retry-after");
        if limit.is_none() && remaining.is_none() && reset.is_none() && retry_after.is_none() {
            return None;
        }
        let (limit, window) = limit
            .as_deref()
            .and_then(parse_limit)
            .map_or((None, None), |(n, w)| (Some(n), w));
        Some(PortalLimits {
            limit,
            window,
            remaining: remaining.and_then(|v| v.parse().ok()),
            reset_in: reset.and_then(|v| parse_reset(&v, now_unix)),
            retry_after: retry_after.and_then(|v| parse_retry_after(&v, now_unix)),
        })
    }

    /// Reads a client answer's headers.
    pub(crate) fn of(resp: &RawResponse) -> Option<Self> {
        PortalLimits::from_headers(|name| resp.header(name).map(str::to_string), unix_now())
    }

    /// How long the portal asked to wait: `Retry-After`, else `X-RateLimit-Reset`.
    pub fn wait(&self) -> Option<Duration> {
        self.retry_after.or(self.reset_in)
    }

    /// Reads an `X-RateLimit-Limit` value: the number of requests, and the window when named.
    ///
    /// ```
    /// use std::time::Duration;
    /// use docspace_api::PortalLimits;
    ///
    /// assert_eq!(PortalLimits::parse_limit("1500"), Some((1500, None)));
    /// assert_eq!(PortalLimits::parse_limit("5/15m"), Some((5, Some(Duration::from_secs(900)))));
    /// assert_eq!(PortalLimits::parse_limit("many"), None);
    /// ```
    pub fn parse_limit(value: &str) -> Option<(u64, Option<Duration>)> {
        parse_limit(value)
    }

    /// Whether the window has no request left.
    pub fn exhausted(&self) -> bool {
        self.remaining == Some(0)
    }

    /// Whether less than a tenth of the window is left.
    pub fn low(&self) -> bool {
        match (self.limit, self.remaining) {
            (Some(l), Some(r)) => r.saturating_mul(10) < l,
            _ => false,
        }
    }
}

/// `X-RateLimit-Limit`: `1500` (the server), `100/30m` (the docs: requests per window, the window
/// in `s`, `m`, `h` or `d`, its count optional: `5/m`), or `100;w=1800` (the IETF draft's policy
/// form, window in seconds).
fn parse_limit(v: &str) -> Option<(u64, Option<Duration>)> {
    let v = v.trim();
    if let Some((n, window)) = v.split_once('/') {
        return Some((n.trim().parse().ok()?, Some(parse_window(window.trim())?)));
    }
    if let Some((n, params)) = v.split_once(';') {
        let secs = params
            .split(';')
            .filter_map(|p| p.trim().strip_prefix("w="))
            .find_map(|w| w.trim().parse::<u64>().ok());
        return Some((n.trim().parse().ok()?, secs.map(Duration::from_secs)));
    }
    Some((v.parse().ok()?, None))
}

/// `30m`, `1s`, `m`, `24h`, `1d`.
fn parse_window(w: &str) -> Option<Duration> {
    let unit_at = w.find(|c: char| !c.is_ascii_digit())?;
    let (count, unit) = w.split_at(unit_at);
    let count: u64 = if count.is_empty() {
        1
    } else {
        count.parse().ok()?
    };
    let unit_secs = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3_600,
        "d" => 86_400,
        _ => return None,
    };
    (count > 0).then(|| Duration::from_secs(count.saturating_mul(unit_secs)))
}

/// `X-RateLimit-Reset`: Unix seconds (the server's fixed window), or seconds left (the docs).
fn parse_reset(v: &str, now_unix: f64) -> Option<Duration> {
    let secs = docspace_types::parse_decimal(v)?;
    if secs > UNIX_TIME_FLOOR {
        wait_of(secs - now_unix)
    } else {
        wait_of(secs)
    }
}

/// `Retry-After`: seconds, or an HTTP date.
fn parse_retry_after(v: &str, now_unix: f64) -> Option<Duration> {
    if let Some(secs) = docspace_types::parse_decimal(v) {
        return wait_of(secs);
    }
    wait_of(http_date(v)? as f64 - now_unix)
}

/// An HTTP date in its preferred form, IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110
/// section 5.6.7), as Unix seconds. The obsolete RFC 850 and asctime forms are not read: a
/// `Retry-After` in them is ignored and the other hints decide the wait. Written by hand because
/// chrono's RFC 2822 parser brought its whole format machinery into the wasm.
fn http_date(v: &str) -> Option<i64> {
    let mut parts = v.trim().split(' ');
    let weekday = parts.next()?;
    let day: u32 = parts.next()?.parse().ok()?;
    let month_name = parts.next()?;
    let month = MONTHS.iter().position(|m| *m == month_name)? as u32 + 1;
    let year: i32 = parts.next()?.parse().ok()?;
    let mut hms = parts.next()?.split(':').map(|p| p.parse::<u32>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if !weekday.ends_with(',') || parts.next()? != "GMT" || parts.next().is_some() {
        return None;
    }
    let t = chrono::NaiveDate::from_ymd_opt(year, month, day)?.and_hms_opt(h, m, s)?;
    Some(t.and_utc().timestamp())
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn wait_of(secs: f64) -> Option<Duration> {
    secs.is_finite()
        .then(|| Duration::from_secs_f64(secs.clamp(0.0, LONGEST_WAIT)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: f64 = 1_750_000_000.0;

    fn read(headers: &[(&str, &str)]) -> Option<PortalLimits> {
        PortalLimits::from_headers(
            |name| {
                headers
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            },
            NOW,
        )
    }

    fn secs(s: u64) -> Option<Duration> {
        Some(Duration::from_secs(s))
    }

    #[test]
    fn an_answer_without_headers_says_nothing() {
        assert_eq!(read(&[]), None);
    }

    #[test]
    fn the_servers_form_a_number_and_unix_seconds() {
        // ONLYOFFICE/DocSpace-server: common/ASC.Api.Core/Core/BaseStartup.cs (fixed window).
        let l = read(&[
            ("x-ratelimit-limit", "1500"),
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", "1750000020"),
        ])
        .unwrap();
        assert_eq!((l.limit, l.window), (Some(1500), None));
        assert_eq!(l.reset_in, secs(20));
        assert!(l.exhausted() && l.low());
    }

    #[test]
    fn the_docs_form_requests_per_window_and_seconds_left() {
        // https://api.onlyoffice.com/docspace/backend/ ("Rate limiting")
        let l = read(&[
            ("x-ratelimit-limit", "100/30m"),
            ("x-ratelimit-remaining", "99"),
            ("x-ratelimit-reset", "1799"),
        ])
        .unwrap();
        assert_eq!(l.limit, Some(100));
        assert_eq!(l.window, secs(1800));
        assert_eq!(l.reset_in, secs(1799));
        assert!(!l.exhausted() && !l.low());
    }

    #[test]
    fn every_window_unit_and_the_policy_form_parse() {
        assert_eq!(parse_limit("5/1m"), Some((5, secs(60))));
        assert_eq!(parse_limit("5/m"), Some((5, secs(60))));
        assert_eq!(parse_limit("20/1s"), Some((20, secs(1))));
        assert_eq!(parse_limit("10/24h"), Some((10, secs(86_400))));
        assert_eq!(parse_limit("10000/1d"), Some((10_000, secs(86_400))));
        assert_eq!(parse_limit(" 100 / 15m "), Some((100, secs(900))));
        assert_eq!(parse_limit("100;w=60"), Some((100, secs(60))));
        assert_eq!(parse_limit("100;q=1"), Some((100, None)));
        for bad in ["", "x", "100/", "100/0m", "100/30y", "-1", "1.5/m", "/30m"] {
            assert_eq!(parse_limit(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(
            read(&[("retry-after", "30")]).unwrap().retry_after,
            secs(30)
        );
        assert_eq!(read(&[("retry-after", "-3")]).unwrap().retry_after, secs(0));
        let in_a_minute = chrono::DateTime::from_timestamp(NOW as i64 + 60, 0)
            .unwrap()
            .format("%a, %d %b %Y %H:%M:%S GMT")
            .to_string();
        assert_eq!(
            read(&[("retry-after", &in_a_minute)]).unwrap().retry_after,
            secs(60)
        );
        assert_eq!(read(&[("retry-after", "soon")]).unwrap().retry_after, None);
    }

    #[test]
    fn http_dates_are_read_in_imf_fixdate_only() {
        assert_eq!(http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(784111777));
        assert_eq!(http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        for bad in [
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 31 Feb 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:49:37 GMT",
            "Sun 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun, 06 Nov 1994 08:49:37 GMT extra",
            "Sun, 06 Nov 1994 08:49 GMT",
            "",
        ] {
            assert_eq!(http_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn retry_after_comes_before_the_reset_and_waits_are_bounded() {
        let l = read(&[("x-ratelimit-reset", "5"), ("retry-after", "2")]).unwrap();
        assert_eq!(l.wait(), secs(2));
        let l = read(&[("x-ratelimit-reset", "5")]).unwrap();
        assert_eq!(l.wait(), secs(5));
        let far = format!("{}", NOW as i64 + 10 * 86_400);
        assert_eq!(
            read(&[("x-ratelimit-reset", &far)]).unwrap().reset_in,
            secs(86_400)
        );
        assert_eq!(
            read(&[("x-ratelimit-reset", "NaN")]).unwrap().reset_in,
            None
        );
        assert_eq!(
            read(&[("x-ratelimit-remaining", "x")]).unwrap().remaining,
            None
        );
    }
}
