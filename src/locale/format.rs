//! Dates, sizes and counts written as the reader's language writes them, by the browser's own
//! `Intl` (no locale data in the wasm). Outside a browser (native unit tests) the same functions
//! fall back to a plain English form.

use docspace_api::models::ApiDateTime;

/// `bytes` in the largest unit that keeps the number at least 1, one decimal past bytes:
/// "512 bytes", "1.5 kB" in English, "512 Byte", "1,5 kB" in German. Units step by 1,024, as
/// DocSpace's own UI counts.
pub fn format_size(bytes: u64, locale: &str) -> String {
    const UNITS: [&str; 4] = ["byte", "kilobyte", "megabyte", "gigabyte"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    let digits: u32 = if unit == 0 { 0 } else { 1 };
    // Bytes spelled out ("512 byte" reads oddly); the larger units as symbols.
    let display = if unit == 0 { "long" } else { "short" };
    intl::unit(value, UNITS[unit], display, digits, locale).unwrap_or_else(|| {
        const SHORT: [&str; 4] = ["B", "KB", "MB", "GB"];
        format!("{value:.prec$} {}", SHORT[unit], prec = digits as usize)
    })
}

/// A whole number with the reader's digit grouping: "12,345", "12.345", "12 345".
pub fn format_count(n: u64, locale: &str) -> String {
    intl::number(n as f64, locale).unwrap_or_else(|| n.to_string())
}

/// A whole number of seconds in the largest unit that divides it, short: "15 s", "30 min",
/// "2 h", "1 d" without `Intl` ("15 sec", "30 min", "2 hr", "1 day" in an English browser).
pub fn format_duration(secs: u64, locale: &str) -> String {
    let (n, unit, symbol) = match secs {
        s if s >= 86_400 && s % 86_400 == 0 => (s / 86_400, "day", "d"),
        s if s >= 3_600 && s % 3_600 == 0 => (s / 3_600, "hour", "h"),
        s if s >= 60 && s % 60 == 0 => (s / 60, "minute", "min"),
        s => (s, "second", "s"),
    };
    intl::unit(n as f64, unit, "short", 0, locale).unwrap_or_else(|| format!("{n} {symbol}"))
}

/// A date and time, medium date and short time: "Dec 6, 2026, 1:05 PM", "06.12.2026, 13:05".
pub fn format_date_time(when: &ApiDateTime, locale: &str) -> String {
    // In the reader's time zone (the browser's), as DocSpace's web UI shows dates.
    intl::date_time(when.timestamp() as f64 * 1000.0, locale)
        .unwrap_or_else(|| when.date_and_minutes())
}

#[cfg(target_arch = "wasm32")]
mod intl {
    //! The browser's `Intl`. Each returns `None` if the browser refuses the options (very old
    //! engines), and the caller falls back to a plain form.

    use js_sys::{Array, Date, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;

    fn options(pairs: &[(&str, JsValue)]) -> Object {
        let o = Object::new();
        for (k, v) in pairs {
            let _ = Reflect::set(&o, &(*k).into(), v);
        }
        o
    }

    fn locales(tag: &str) -> Array {
        Array::of1(&tag.into())
    }

    pub(super) fn unit(
        value: f64,
        unit: &str,
        display: &str,
        digits: u32,
        tag: &str,
    ) -> Option<String> {
        let opts = options(&[
            ("style", "unit".into()),
            ("unit", unit.into()),
            ("unitDisplay", display.into()),
            ("maximumFractionDigits", digits.into()),
            ("minimumFractionDigits", digits.into()),
        ]);
        format_number(&locales(tag), &opts, value)
    }

    pub(super) fn number(value: f64, tag: &str) -> Option<String> {
        format_number(&locales(tag), &Object::new(), value)
    }

    fn format_number(locales: &Array, opts: &Object, value: f64) -> Option<String> {
        let f = Intl::NumberFormat::new(locales, opts).format();
        f.call1(&JsValue::UNDEFINED, &value.into())
            .ok()?
            .as_string()
    }

    pub(super) fn date_time(millis: f64, tag: &str) -> Option<String> {
        let opts = options(&[
            ("dateStyle", "medium".into()),
            ("timeStyle", "short".into()),
        ]);
        let f = Intl::DateTimeFormat::new(&locales(tag), &opts).format();
        f.call1(&JsValue::UNDEFINED, &Date::new(&millis.into()))
            .ok()?
            .as_string()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod intl {
    //! No `Intl` outside a browser: every caller uses its plain fallback.

    pub(super) fn unit(_: f64, _: &str, _: &str, _: u32, _: &str) -> Option<String> {
        None
    }

    pub(super) fn number(_: f64, _: &str) -> Option<String> {
        None
    }

    pub(super) fn date_time(_: f64, _: &str) -> Option<String> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_step_by_1024_with_one_decimal_past_bytes() {
        assert_eq!(format_size(512, "en"), "512 B");
        assert_eq!(format_size(1536, "en"), "1.5 KB");
        assert_eq!(format_size(5 << 20, "en"), "5.0 MB");
        assert_eq!(format_size(3 << 40, "en"), "3072.0 GB");
    }

    #[test]
    fn counts_without_intl_are_plain_digits() {
        assert_eq!(format_count(12_345, "de"), "12345");
    }
}
