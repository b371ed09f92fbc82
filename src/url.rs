//! Percent-encoding for values the app puts in its own URLs (query values, path segments).

/// Encodes `s` so it survives as one URL query value or path segment: everything but RFC 3986's
/// unreserved characters becomes `%XX` (UTF-8 bytes).
pub fn encode(s: &str) -> String {
    docspace_types::percent::encode(s, docspace_types::percent::UNRESERVED)
}

/// Decodes `%XX` sequences (and nothing else); malformed escapes are kept as written.
pub use docspace_types::percent::decode;

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
        ] {
            assert_eq!(decode(&encode(s)), s);
        }
        assert_eq!(encode("a b/ü"), "a%20b%2F%C3%BC");
        assert_eq!(decode("%zz%4"), "%zz%4");
    }
}
