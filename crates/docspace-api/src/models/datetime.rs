//! `ApiDateTime`: DocSpace's dates, read and written by hand rather than through chrono's
//! format strings.
//!
//! chrono keeps its types here (they are the public API), but its parser and `strftime`
//! machinery were the largest part of chrono in the app's wasm (about 23 KB before wasm-opt in
//! the first module a browser fetches). DocSpace sends a handful of fixed layouts, so a parser for
//! exactly those is a few dozen lines. Native tests check it against chrono's own parser.

use std::fmt;

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc,
};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date and time as DocSpace sends it (`ApiDateTime`): the portal's local time with its offset,
/// 7 fractional digits, `Z` for offset zero (`2024-01-01T03:00:00.0000000+03:00`).
///
/// DocSpace prints "no date" as `0001-01-01T00:00:00.0000000Z`; [`ApiDateTime::is_unset`] tells.
/// Plain .NET `DateTime` strings without an offset (upload sessions) are read as UTC.
///
/// ```
/// use docspace_api::models::ApiDateTime;
/// let t: ApiDateTime = "2024-01-01T03:00:00.0000000+03:00".parse()?;
/// assert_eq!(t.timestamp(), 1704067200);
/// assert_eq!(t.to_string(), "2024-01-01T03:00:00.0000000+03:00");
/// assert_eq!(t.date_and_minutes(), "2024-01-01 03:00");
/// assert_eq!(t.in_utc().calendar_date(), "2024-01-01");
/// # Ok::<(), docspace_api::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ApiDateTime(pub DateTime<FixedOffset>);

impl ApiDateTime {
    /// The instant with the offset the portal gave.
    pub fn as_datetime(&self) -> DateTime<FixedOffset> {
        self.0
    }

    /// The instant in UTC.
    pub fn to_utc(&self) -> DateTime<Utc> {
        self.0.with_timezone(&Utc)
    }

    /// The same instant with offset zero (for dates a form sends back in UTC).
    pub fn in_utc(&self) -> ApiDateTime {
        ApiDateTime(self.to_utc().fixed_offset())
    }

    /// Seconds since the Unix epoch.
    pub fn timestamp(&self) -> i64 {
        self.0.timestamp()
    }

    /// DocSpace's "no date" (`0001-01-01T00:00:00Z`).
    pub fn is_unset(&self) -> bool {
        self.0.timestamp() == UNSET_TIMESTAMP
    }

    /// `secs` seconds after the Unix epoch, in UTC.
    pub fn from_timestamp(secs: i64) -> Option<ApiDateTime> {
        let utc = Utc.timestamp_opt(secs, 0).single()?;
        Some(ApiDateTime(utc.fixed_offset()))
    }

    /// Parses DocSpace's formats: RFC 3339 with any number of fractional digits, or an ISO
    /// date-time without offset (read as UTC), or a bare `yyyy-MM-dd`.
    pub fn parse(s: &str) -> Result<ApiDateTime, crate::Error> {
        let s = s.trim();
        parse_iso(s).map(ApiDateTime).ok_or_else(|| {
            crate::Error::invalid("date", format!("`{s}` is not an ISO 8601 date-time"))
        })
    }

    /// The date in the portal's offset, `yyyy-MM-dd` (also what an HTML date input holds).
    pub fn calendar_date(&self) -> String {
        let d = self.0.naive_local();
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    }

    /// The date and time to the minute in the portal's offset, `yyyy-MM-dd HH:mm`.
    pub fn date_and_minutes(&self) -> String {
        let t = self.0.naive_local();
        format!("{} {:02}:{:02}", self.calendar_date(), t.hour(), t.minute())
    }
}

/// `0001-01-01T00:00:00Z` as a Unix timestamp.
const UNSET_TIMESTAMP: i64 = -62_135_596_800;

/// `yyyy-MM-dd`, then optionally `T` (or `t` or a space), `HH:mm:ss`, a fraction of any length
/// (digits past nanoseconds are dropped, as chrono does), and `Z` or `±HH:mm` (none: UTC).
fn parse_iso(s: &str) -> Option<DateTime<FixedOffset>> {
    let mut r = Reader(s.as_bytes());
    let (year, month, day) = (r.digits(4)?, r.after(b'-')?, r.after(b'-')?);
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
    if r.0.is_empty() {
        return Some(date.and_time(NaiveTime::MIN).and_utc().fixed_offset());
    }
    match r.byte()? {
        b'T' | b't' | b' ' => {}
        _ => return None,
    }
    let (hour, minute, second) = (r.digits(2)?, r.after(b':')?, r.after(b':')?);
    let mut nanos = 0;
    if r.0.first() == Some(&b'.') {
        r.byte();
        let len = r.0.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 {
            return None;
        }
        for (i, b) in r.0[..len].iter().enumerate().take(9) {
            nanos += u32::from(b - b'0') * 10u32.pow(8 - i as u32);
        }
        r.0 = &r.0[len..];
    }
    // A leap second, as RFC 3339 allows and chrono represents it.
    let (second, nanos) = if second == 60 {
        (59, nanos + 1_000_000_000)
    } else {
        (second, nanos)
    };
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    let local = NaiveDateTime::new(date, time);
    let offset = match r.0 {
        [] => 0,
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), ..] => {
            let sign = if *sign == b'-' { -1 } else { 1 };
            r.byte();
            let (h, m) = (r.digits(2)?, r.after(b':')?);
            if !r.0.is_empty() || h > 23 || m > 59 {
                return None;
            }
            sign * (h * 3600 + m * 60) as i32
        }
        _ => return None,
    };
    FixedOffset::east_opt(offset)?
        .from_local_datetime(&local)
        .single()
}

/// A cursor over ASCII bytes.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    /// Exactly `n` decimal digits.
    fn digits(&mut self, n: usize) -> Option<u32> {
        let head = self.0.get(..n)?;
        if !head.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.0 = &self.0[n..];
        Some(head.iter().fold(0, |v, b| v * 10 + u32::from(b - b'0')))
    }

    /// `sep` then two digits.
    fn after(&mut self, sep: u8) -> Option<u32> {
        (self.byte()? == sep).then_some(())?;
        self.digits(2)
    }
}

impl std::str::FromStr for ApiDateTime {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ApiDateTime::parse(s)
    }
}

impl From<DateTime<FixedOffset>> for ApiDateTime {
    fn from(t: DateTime<FixedOffset>) -> Self {
        ApiDateTime(t)
    }
}

impl From<DateTime<Utc>> for ApiDateTime {
    fn from(t: DateTime<Utc>) -> Self {
        ApiDateTime(t.fixed_offset())
    }
}

impl fmt::Display for ApiDateTime {
    /// .NET's round-trip ("o") layout: 7 fractional digits, `Z` for offset zero.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.0.naive_local();
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:07}",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
            // A leap second's nanoseconds run past 1e9; .NET has no leap seconds.
            (t.nanosecond() % 1_000_000_000) / 100,
        )?;
        let offset = self.0.offset().local_minus_utc();
        if offset == 0 {
            return f.write_str("Z");
        }
        let sign = if offset < 0 { '-' } else { '+' };
        let minutes = offset.unsigned_abs() / 60;
        write!(f, "{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    }
}

impl Serialize for ApiDateTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ApiDateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ApiDateTime::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_every_docspace_form() {
        let z: ApiDateTime = "2024-01-01T00:00:00.0000000Z".parse().unwrap();
        let off: ApiDateTime = "2024-01-01T03:00:00.0000000+03:00".parse().unwrap();
        assert_eq!(z.timestamp(), off.timestamp());
        assert_eq!(off.as_datetime().offset().local_minus_utc(), 3 * 3600);
        let plain: ApiDateTime = "2024-01-01T00:00:00.1234567".parse().unwrap();
        assert_eq!(plain.timestamp(), z.timestamp());
        assert_eq!(plain.as_datetime().timestamp_subsec_nanos(), 123_456_700);
        let day: ApiDateTime = "2024-01-01".parse().unwrap();
        assert_eq!(day.timestamp(), z.timestamp());
        assert!(ApiDateTime::parse("yesterday").is_err());
    }

    #[test]
    fn dates_print_like_dotnet() {
        let t: ApiDateTime = "2024-05-02T10:11:12.5Z".parse().unwrap();
        assert_eq!(t.to_string(), "2024-05-02T10:11:12.5000000Z");
        let t: ApiDateTime = "2024-05-02T10:11:12.0000001-05:30".parse().unwrap();
        assert_eq!(t.to_string(), "2024-05-02T10:11:12.0000001-05:30");
        let json = serde_json::to_string(&t).unwrap();
        let back: ApiDateTime = serde_json::from_str(&json).unwrap();
        assert_eq!(back, t);
    }

    #[test]
    fn the_zero_date_is_unset() {
        let t: ApiDateTime = "0001-01-01T00:00:00.0000000Z".parse().unwrap();
        assert!(t.is_unset());
        let t: ApiDateTime = "2001-01-01T00:00:00.0000000Z".parse().unwrap();
        assert!(!t.is_unset());
        assert_eq!(
            ApiDateTime::from_timestamp(0).unwrap().to_string(),
            "1970-01-01T00:00:00.0000000Z"
        );
    }

    /// What chrono's own parsers make of `s` (the behaviour before the hand-written parser).
    fn chrono_reads(s: &str) -> Option<DateTime<FixedOffset>> {
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Some(t);
        }
        if let Ok(t) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
            return Some(t.and_utc().fixed_offset());
        }
        let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
        Some(d.and_hms_opt(0, 0, 0)?.and_utc().fixed_offset())
    }

    #[test]
    fn the_parser_agrees_with_chrono_on_well_formed_and_broken_input() {
        let samples = [
            "2024-01-01",
            "2024-02-29",
            "2023-02-29",
            "2024-13-01",
            "2024-01-01T00:00:00Z",
            "2024-01-01t00:00:00z",
            "2024-01-01 10:00:00+01:00",
            "2024-01-01T10:00:00.1Z",
            "2024-01-01T10:00:00.123456789123-11:45",
            "2024-01-01T10:00:00.0000000",
            "2024-01-01T10:00:00.0000000+14:00",
            "2024-01-01T23:59:60Z",
            "2024-01-01T24:00:00Z",
            "2024-01-01T10:60:00Z",
            "2024-01-01T10:00:00.Z",
            "2024-01-01T10:00Z",
            "2024-01-01T10:00:00+0100",
            "2024-01-01T10:00:00+01",
            "2024-01-01T10:00:00+24:00",
            "2024-01-01T10:00:00 Z",
            "0001-01-01T00:00:00.0000000Z",
            "9999-12-31T23:59:59.9999999+00:00",
            "",
            "T",
            "2024-01-01T",
            "2024-01-01X10:00:00Z",
            "２０２４-01-01",
        ];
        let differ: Vec<_> = samples
            .iter()
            .filter(|s| parse_iso(s) != chrono_reads(s))
            .map(|s| (s, parse_iso(s), chrono_reads(s)))
            .collect();
        assert!(differ.is_empty(), "{differ:#?}");
        // Stricter than chrono where DocSpace never writes the looser form: two-digit fields.
        assert_eq!(
            chrono_reads("2024-1-01").map(|t| t.timestamp()),
            Some(1704067200)
        );
        assert_eq!(parse_iso("2024-1-01"), None);
    }

    #[test]
    fn printing_agrees_with_chrono() {
        for s in [
            "2024-05-02T10:11:12.1234567+05:45",
            "1999-12-31T23:59:59.0000000-09:30",
            "2024-05-02T00:00:00Z",
        ] {
            let t = ApiDateTime::parse(s).unwrap();
            let chrono_date = t.0.format("%Y-%m-%d").to_string();
            assert_eq!(t.calendar_date(), chrono_date);
            assert_eq!(
                t.date_and_minutes(),
                t.0.format("%Y-%m-%d %H:%M").to_string()
            );
            let base = t.0.format("%Y-%m-%dT%H:%M:%S").to_string();
            assert!(t.to_string().starts_with(&base), "{t} vs {base}");
            assert_eq!(ApiDateTime::parse(&t.to_string()).unwrap(), t);
        }
    }
}
