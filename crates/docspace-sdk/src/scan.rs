//! Searching and splitting text without a path to a panic.
//!
//! A `&str` pattern (`find("://")`, `contains(&s)`) runs core's two-way searcher, and a range
//! index (`&s[..i]`) checks char boundaries; both keep core's slicing panic in the wasm, with
//! its message formatting, `char`'s `Debug` and Unicode's printable tables: 4.2 KB of the
//! one-frame page's brotli bytes, for the three places a frame used them. These do the same
//! without it.

/// The byte offset where `needle` first occurs in `haystack`.
pub(crate) fn find(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    if needle.is_empty() {
        return Some(0);
    }
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w == needle)
}

/// `haystack` before and after the first `needle`.
pub(crate) fn split_once<'a>(haystack: &'a str, needle: &str) -> Option<(&'a str, &'a str)> {
    let at = find(haystack, needle)?;
    let (before, rest) = haystack.split_at_checked(at)?;
    Some((before, rest.get(needle.len()..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_and_splits_as_str_does() {
        for (hay, needle) in [
            ("https://a.example", "://"),
            ("a.example", "://"),
            ("", "x"),
            ("abc", ""),
            ("[::1]:8080", "]:"),
            ("ééé://x", "://"),
            ("aaab", "aab"),
        ] {
            assert_eq!(find(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
            assert_eq!(
                split_once(hay, needle),
                hay.split_once(needle),
                "{hay:?} {needle:?}"
            );
        }
    }
}
