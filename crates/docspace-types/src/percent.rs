//! Percent-encoding (RFC 3986) of URL parts, and decoding.
//!
//! One encoder with the set of bytes to keep: [`UNRESERVED`] for query values and path segments,
//! [`URI_COMPONENT`] for what a browser's `encodeURIComponent` leaves alone (DocSpace's pages
//! build their `returnUrl` with it).

/// RFC 3986 unreserved punctuation (with ASCII letters and digits, which are always kept).
pub const UNRESERVED: &[u8] = b"-._~";

/// What `encodeURIComponent` keeps besides letters and digits.
pub const URI_COMPONENT: &[u8] = b"-_.!~*'()";

/// Encodes every byte of `s`'s UTF-8 but ASCII letters, digits and `keep` as `%XX` (upper case).
///
/// ```
/// use docspace_types::percent::{URI_COMPONENT, UNRESERVED, encode};
/// assert_eq!(encode("a b/ü", UNRESERVED), "a%20b%2F%C3%BC");
/// assert_eq!(encode("(x)!", URI_COMPONENT), "(x)!");
/// ```
pub fn encode(s: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || keep.contains(&b) {
            out.push(b as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xF)] as char);
        }
    }
    out
}

/// Decodes `%XX` escapes (and nothing else); malformed escapes are kept as written, bytes that
/// are not UTF-8 become U+FFFD.
///
/// ```
/// assert_eq!(docspace_types::percent::decode("a%20b+%zz"), "a b+%zz");
/// ```
pub fn decode(s: &str) -> String {
    decode_bytes(s, false)
}

/// Decodes an `application/x-www-form-urlencoded` value: `+` is a space, then as [`decode`].
///
/// ```
/// assert_eq!(docspace_types::percent::decode_form("a+b%2B"), "a b+");
/// ```
pub fn decode_form(s: &str) -> String {
    decode_bytes(s, true)
}

fn decode_bytes(s: &str, plus_is_space: bool) -> String {
    let hex = |b: Option<&u8>| b.and_then(|b| (*b as char).to_digit(16));
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                if let (Some(h), Some(l)) = (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                    // Two hex digits are below 256.
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            b'+' if plus_is_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_anything() {
        for s in [
            "plain",
            "a b&c=d/e?f#g",
            "sbox-1|/docs/ü",
            "<img src=x>",
            "100%",
            "+",
        ] {
            assert_eq!(decode(&encode(s, UNRESERVED)), s);
            assert_eq!(decode(&encode(s, URI_COMPONENT)), s);
            assert_eq!(decode_form(&encode(s, UNRESERVED)), s);
        }
    }

    #[test]
    fn encodes_like_encode_uri_component() {
        assert_eq!(
            encode("/rooms/shared/filter?count=100&search=a b", URI_COMPONENT),
            "%2Frooms%2Fshared%2Ffilter%3Fcount%3D100%26search%3Da%20b"
        );
        assert_eq!(encode("é", URI_COMPONENT), "%C3%A9");
        assert_eq!(encode("*'()", UNRESERVED), "%2A%27%28%29");
    }

    #[test]
    fn decoding_survives_garbage() {
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        // A sign is not a hex digit, though `from_str_radix` would take it.
        assert_eq!(decode("%+1"), "%+1");
        assert_eq!(decode_form("a%20b+c"), "a b c");
        assert_eq!(decode("%e2%82%ac"), "€");
        assert_eq!(decode("%ff"), "\u{FFFD}");
    }
}
