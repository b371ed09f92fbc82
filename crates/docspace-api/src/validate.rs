//! Input checks that run before anything is sent; each error names the field.

use crate::error::Error;

/// A title: not blank, at most `max` UTF-16 units (as DocSpace's .NET counts), no control
/// characters ([`docspace_types::check_title`]).
pub fn title(field: &'static str, s: &str, max: usize) -> Result<(), Error> {
    docspace_types::check_title(s, max).map_err(|e| Error::invalid(field, e.to_string()))
}

/// At most `max` UTF-16 units.
pub fn max_len(field: &'static str, s: &str, max: usize) -> Result<(), Error> {
    docspace_types::check_len(s, max).map_err(|e| Error::invalid(field, e.to_string()))
}

/// A value of a DocSpace enum that this client knows: `name` is the value's DocSpace name, which
/// its `Unknown` (a number read from a newer portal) lacks. Sending such a number back could mean
/// something else to the portal it goes to.
pub(crate) fn known(
    field: &'static str,
    value: impl std::fmt::Display,
    name: Option<&str>,
    what: &str,
) -> Result<(), Error> {
    match name {
        Some(_) => Ok(()),
        None => Err(Error::invalid(field, format!("{value} is not {what}"))),
    }
}

/// A link's expiry date: at most [`docspace_types::LINK_LIFETIME_MAX_YEARS`] ahead (counted
/// with their leap days, so that the client never refuses what the portal takes), and with
/// `future_only` not in the past either (room links refuse a past date; a file link reads it as
/// "never expires").
pub(crate) fn link_expiry(
    field: &'static str,
    at: &crate::models::ApiDateTime,
    future_only: bool,
) -> Result<(), Error> {
    let years = i64::from(docspace_types::LINK_LIFETIME_MAX_YEARS);
    let latest_secs = (years * 365 + (years + 3) / 4) * 86_400;
    let now = crate::rt::unix_now() as i64;
    let t = at.timestamp();
    if t > now + latest_secs {
        return Err(Error::invalid(
            field,
            format!("{at} is more than {years} years ahead"),
        ));
    }
    if future_only && t <= now {
        return Err(Error::invalid(field, format!("{at} is in the past")));
    }
    Ok(())
}

/// Not blank.
pub fn non_empty(field: &'static str, s: &str) -> Result<(), Error> {
    if s.trim().is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    Ok(())
}

/// `lo ≤ n ≤ hi`.
pub fn range<T: PartialOrd + std::fmt::Display>(
    field: &'static str,
    n: T,
    lo: T,
    hi: T,
) -> Result<(), Error> {
    if n < lo || n > hi {
        return Err(Error::invalid(field, format!("{n} is outside {lo}..={hi}")));
    }
    Ok(())
}

/// A page size DocSpace accepts (1..=100).
pub fn count(n: u32) -> Result<(), Error> {
    range("count", n, 1, 100)
}

/// An e-mail address ([`docspace_types::is_email`]).
pub fn email(field: &'static str, s: &str) -> Result<(), Error> {
    max_len(field, s, docspace_types::TEXT_MAX)?;
    if !docspace_types::is_email(s) {
        return Err(Error::invalid(
            field,
            format!("`{s}` is not an e-mail address"),
        ));
    }
    Ok(())
}

/// A GUID (`8-4-4-4-12` hex digits).
pub fn guid(field: &'static str, s: &str) -> Result<(), Error> {
    if !crate::models::is_guid(s) {
        return Err(Error::invalid(field, format!("`{s}` is not a GUID")));
    }
    Ok(())
}

/// Tag names: each not blank and at most 255 UTF-16 units.
pub fn tags(field: &'static str, tags: &[String]) -> Result<(), Error> {
    for t in tags {
        title(field, t, docspace_types::TEXT_MAX)?;
    }
    Ok(())
}

/// Tag names to add, remove or delete: at least one, each a tag DocSpace takes ([`tags`]).
pub(crate) fn tag_names<I, S>(field: &'static str, names: I) -> Result<Vec<String>, Error>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    let names: Vec<String> = names.into_iter().map(Into::into).collect();
    if names.is_empty() {
        return Err(Error::invalid(field, "give at least one tag"));
    }
    tags(field, &names)?;
    Ok(names)
}

/// Whether the WHATWG URL parser accepts `s`. In a browser the page's own `URL` parses it, so the
/// wasm does not carry the `url` crate's IDNA tables; native builds use `url`, which implements
/// the same standard.
pub fn parses_as_url(s: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::Url::new(s).is_ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        url::Url::parse(s).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // In wasm the page's `URL` parses: the same answers are required of it (and the rest is
    // plain Rust, the same on both targets).
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn field_of(e: Error) -> &'static str {
        match e {
            Error::InvalidInput { field, .. } => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn titles() {
        assert!(title("title", "Contracts", 170).is_ok());
        assert_eq!(field_of(title("title", "  ", 170).unwrap_err()), "title");
        assert!(title("title", &"a".repeat(170), 170).is_ok());
        assert!(title("title", &"a".repeat(171), 170).is_err());
        // An emoji is two UTF-16 units, as .NET counts.
        assert!(title("title", &"😀".repeat(85), 170).is_ok());
        assert!(title("title", &"😀".repeat(86), 170).is_err());
        assert!(title("title", "a\u{0007}b", 170).is_err());
        assert!(title("title", "Ünïcødé ✓", 170).is_ok());
    }

    #[test]
    fn unknown_enum_values_are_refused_with_their_number() {
        use crate::models::FileShare;
        let read = FileShare::Read;
        assert!(known("access", read, read.name(), "an access level").is_ok());
        let newer = FileShare::Unknown(77);
        match known("access", newer, newer.name(), "an access level") {
            Err(Error::InvalidInput { field, message }) => {
                assert_eq!(
                    (field, message.as_str()),
                    ("access", "77 is not an access level")
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn ranges_and_counts() {
        assert!(count(1).is_ok() && count(100).is_ok());
        assert_eq!(field_of(count(0).unwrap_err()), "count");
        assert!(count(101).is_err());
        assert!(range("quota", -3i64, -2, i64::MAX).is_err());
    }

    #[test]
    fn emails_and_guids() {
        // Which addresses pass is docspace-types' `is_email`, tested there; here, that a refusal
        // names the field.
        assert!(email("email", "ann@example.com").is_ok());
        assert_eq!(field_of(email("email", "a@com").unwrap_err()), "email");
        assert!(guid("id", "66faa6e4-f133-11ea-b126-00ffeec8b4ef").is_ok());
        assert_eq!(field_of(guid("user_id", "x").unwrap_err()), "user_id");
        assert!(tags("tags", &["a".into(), " ".into()]).is_err());
        assert!(non_empty("name", "").is_err());
    }

    #[test]
    fn urls_parse_as_a_browser_would() {
        for good in [
            "https://portal.example.com",
            "http://127.0.0.1:8092",
            "https://[::1]:8443",
            "https://bücher.example",
        ] {
            assert!(parses_as_url(good), "{good}");
        }
        for bad in [
            "http://",
            "https://exa mple.com",
            "http://a:99999",
            "http://[::1",
        ] {
            assert!(!parses_as_url(bad), "{bad}");
        }
    }

    #[test]
    fn link_expiry_allows_ten_years_and_past_only_where_asked() {
        let day = 86_400;
        let now = crate::rt::unix_now() as i64;
        let at = |secs| crate::models::ApiDateTime::from_timestamp(secs).expect("in range");
        // Ten years from now, leap days included, is still within DocSpace's limit.
        assert!(link_expiry("e", &at(now + 3_650 * day), true).is_ok());
        assert_eq!(
            field_of(link_expiry("e", &at(now + 3_660 * day), false).unwrap_err()),
            "e"
        );
        // Yesterday: refused for a room link, "never expires" for a file link.
        assert!(link_expiry("e", &at(now - day), true).is_err());
        assert!(link_expiry("e", &at(now - day), false).is_ok());
    }
}
