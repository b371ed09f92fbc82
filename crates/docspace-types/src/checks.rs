//! E-mail and colour checks, the same in the app, the client and the local portal.

use crate::limits::{TEXT_MAX, dotnet_len};

/// Characters in a room colour: six hexadecimal digits, no leading `#`.
///
/// DocSpace caps `Color` at 6 characters (ONLYOFFICE/DocSpace-server
/// `products/ASC.Files/Server/ApiModels/RequestDto/CreateRoomRequestDto.cs`, `[StringLength(6)]`),
/// so `#FF0000` is refused, and documents the value as "six hexadecimal digits with no leading
/// number sign", pattern `^[A-Fa-f0-9]{6}$`
/// (<https://api.onlyoffice.com/docspace/api-backend/usage-api/models/cover-request-dto>).
pub const HEX_COLOR_LEN: usize = 6;

/// Whether `s` is a room colour DocSpace accepts: exactly six hex digits, no `#`, no colour name.
///
/// ```
/// use docspace_types::is_hex_color;
/// assert!(is_hex_color("FF0000") && is_hex_color("5299e0"));
/// assert!(!is_hex_color("#FF0000") && !is_hex_color("red") && !is_hex_color("FFF"));
/// ```
pub fn is_hex_color(s: &str) -> bool {
    s.len() == HEX_COLOR_LEN && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Whether `s` has the shape of an e-mail address: one `@` with text on both sides, a dot inside
/// the domain, no white space or control characters, at most 255 UTF-16 units.
///
/// ```
/// use docspace_types::is_email;
/// assert!(is_email("ann@example.com"));
/// assert!(!is_email("ann@example") && !is_email("a b@example.com"));
/// ```
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    dotnet_len(s) <= TEXT_MAX
        && !local.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A plain decimal number: digits with an optional sign and fraction (`30`, `-3`, `1.5`, ` 2 `);
/// no exponent, `inf` or `NaN`. For rate-limit headers and form fields that hold such numbers;
/// by hand because `str::parse::<f64>` brings core's 10 KB table of powers of five into the wasm.
///
/// ```
/// assert_eq!(docspace_types::parse_decimal("1.5"), Some(1.5));
/// assert_eq!(docspace_types::parse_decimal("1e3"), None);
/// ```
pub fn parse_decimal(v: &str) -> Option<f64> {
    let v = v.trim();
    let (negative, digits) = match v.as_bytes().first()? {
        b'-' => (true, &v[1..]),
        b'+' => (false, &v[1..]),
        _ => (false, v),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let mut value = 0.0;
    for b in whole.bytes() {
        value = value * 10.0 + f64::from(b - b'0');
    }
    let mut scale = 0.1;
    for b in fraction.bytes() {
        value += f64::from(b - b'0') * scale;
        scale /= 10.0;
    }
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_what_std_reads() {
        for v in [
            "0",
            "30",
            "-3",
            "+7",
            "1.5",
            "0.25",
            ".5",
            "5.",
            "1750000060",
            " 12 ",
        ] {
            let std: f64 = v.trim().parse().unwrap();
            let ours = parse_decimal(v).unwrap();
            assert!((ours - std).abs() < 1e-9, "{v}: {ours} vs {std}");
        }
        for v in [
            "", "-", ".", "1e3", "inf", "NaN", "1.2.3", "12s", "0x10", "--1",
        ] {
            assert_eq!(parse_decimal(v), None, "{v}");
        }
    }

    #[test]
    fn colours_are_exactly_six_hex_digits() {
        for good in ["FF0000", "5299E0", "a1a8b3", "000000"] {
            assert!(is_hex_color(good), "{good}");
        }
        for bad in [
            "#FF0000", "red", "FFF", "", "12345", "1234567", "GGGGGG", "12 456", "ＦＦ00",
        ] {
            assert!(!is_hex_color(bad), "{bad}");
        }
    }

    #[test]
    fn emails() {
        assert!(is_email("ann@example.com"));
        for bad in [
            "",
            "ann",
            "@x.com",
            "ann@",
            "a@b@c.com",
            "a b@c.com",
            "a@com",
            "a@.com",
            "a@c.com.",
            "a\u{7}@c.com",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        let long = format!("{}@example.com", "a".repeat(243));
        assert_eq!(long.len(), 255);
        assert!(is_email(&long));
        assert!(!is_email(&format!("a{long}")));
    }
}
