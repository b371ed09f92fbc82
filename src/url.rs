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

    /// The encoding itself is docspace-types' `percent`, tested there: here, that the app keeps
    /// the unreserved characters and nothing else.
    #[test]
    fn keeps_only_unreserved_characters() {
        assert_eq!(encode("a b/ü-._~"), "a%20b%2F%C3%BC-._~");
        assert_eq!(decode(&encode("100% & more")), "100% & more");
    }
}
