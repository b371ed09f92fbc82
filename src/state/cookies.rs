//! Preference cookies: choices the host must know before the app runs (the theme and the
//! language of the file page's frame, `docspace-host/src/frame_boot.rs`). Not secrets, and never
//! used for authentication; `SameSite=Lax` and the whole site's path so every page sees them.

use leptos::prelude::document;

/// Sets cookie `name` to `value` for a year, or removes it when `value` is `None`.
pub(crate) fn remember(name: &str, value: Option<&str>) {
    let cookie = match value {
        None => format!("{name}=; Path=/; Max-Age=0; SameSite=Lax"),
        Some(v) => format!("{name}={v}; Path=/; Max-Age=31536000; SameSite=Lax"),
    };
    // Through Reflect: web-sys' `HtmlDocument` would be a feature for one property.
    let _ = js_sys::Reflect::set(&document(), &"cookie".into(), &cookie.into());
}

/// The value of cookie `name`, if the page has it.
pub(crate) fn read(name: &str) -> Option<String> {
    let all = js_sys::Reflect::get(&document(), &"cookie".into())
        .ok()?
        .as_string()?;
    find(&all, name).map(str::to_string)
}

/// Cookie `name`'s value in a `Cookie`-style list (`a=1; b=2`).
fn find<'a>(all: &'a str, name: &str) -> Option<&'a str> {
    all.split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn a_cookie_is_found_among_others_by_its_whole_name() {
        let all = "a=1; docspace-embed-locale=de; xdocspace-embed-locale=fr";
        assert_eq!(find(all, "docspace-embed-locale"), Some("de"));
        assert_eq!(find(all, "a"), Some("1"));
        assert_eq!(find(all, "locale"), None);
        assert_eq!(find("", "a"), None);
    }
}
