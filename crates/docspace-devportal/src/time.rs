//! DocSpace's `ApiDateTime` wire format: 7 fractional digits and the offset, `Z` for UTC.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, SecondsFormat, Utc};

/// Now, as stored in the database (RFC 3339, UTC).
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// The portal's clock for what happens on a schedule of hours (the rotation of the OAuth signing
/// keys): the system time plus an offset that only tests move, so they need not wait for hours.
/// Clones share the offset.
#[derive(Clone, Default, Debug)]
pub struct Clock {
    offset_ms: Arc<AtomicI64>,
}

impl Clock {
    /// Now, by this clock.
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + chrono::Duration::milliseconds(self.offset_ms.load(Ordering::Relaxed))
    }

    /// Moves the clock forward by `by` (for tests).
    pub fn advance(&self, by: chrono::Duration) {
        self.offset_ms
            .fetch_add(by.num_milliseconds(), Ordering::Relaxed);
    }
}

/// Formats `t` as DocSpace does: `2024-01-01T03:00:00.0000000Z`.
pub fn api_datetime(t: DateTime<Utc>) -> String {
    // chrono prints 9 digits for nanoseconds; .NET ticks have 7.
    let s = t.to_rfc3339_opts(SecondsFormat::Nanos, true);
    match s.find('.') {
        Some(dot) => format!("{}{}", &s[..dot + 8], &s[dot + 10..]),
        None => s,
    }
}

/// Parses a timestamp stored by [`db_time`].
pub fn parse_db_time(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

/// How timestamps are stored in the database.
pub fn db_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Nanos, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn formats_like_dotnet_with_seven_digits() {
        let t = Utc
            .with_ymd_and_hms(2024, 1, 1, 3, 0, 0)
            .single()
            .expect("valid date");
        assert_eq!(api_datetime(t), "2024-01-01T03:00:00.0000000Z");
        let t = t + chrono::Duration::nanoseconds(123_456_789);
        assert_eq!(api_datetime(t), "2024-01-01T03:00:00.1234567Z");
    }

    #[test]
    fn an_advanced_clock_is_ahead_by_that_much_in_every_clone() {
        let clock = Clock::default();
        let copy = clock.clone();
        let before = now();
        clock.advance(chrono::Duration::hours(5));
        let ahead = copy.now() - before;
        assert!(ahead >= chrono::Duration::hours(5), "{ahead}");
        assert!(ahead < chrono::Duration::hours(6), "{ahead}");
    }

    #[test]
    fn db_time_round_trips() {
        let t = now();
        assert_eq!(parse_db_time(&db_time(t)), t);
    }
}
