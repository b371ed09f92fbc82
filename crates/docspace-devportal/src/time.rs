//! DocSpace's `ApiDateTime` wire format: 7 fractional digits and the offset, `Z` for UTC.

use chrono::{DateTime, SecondsFormat, Utc};

/// Now, as stored in the database (RFC 3339, UTC).
pub fn now() -> DateTime<Utc> {
    Utc::now()
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
    fn db_time_round_trips() {
        let t = now();
        assert_eq!(parse_db_time(&db_time(t)), t);
    }
}
