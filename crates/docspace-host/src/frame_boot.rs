//! The editor and viewer page (`/files/:id`) with its frame bootstrapped in the HTML.
//!
//! A cold load of the app's file page would otherwise fetch, compile and run the app's wasm,
//! route, and only then load `api.js` and create the editor. The host knows everything the frame
//! needs from the request alone (the portal, the script version, the file from the path, editor or
//! viewer from `?mode=`, the theme from the app's `docspace-embed-theme` cookie), so it writes
//! `docspace_sdk::Bootstrap` into `index.html`: `api.js` and the editor start while the page is
//! parsed, and the app's `Editor`/`Viewer` component adopts the frame when it mounts
//! (`FrameOptions::boot_frame(FILE_FRAME_ID)`). If the app would want other settings (another
//! theme chosen meanwhile), the component replaces the frame: correct, only not faster.

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{Html, IntoResponse, Response};
use docspace_sdk::{
    BootHandler, Bootstrap, EditorConfig, FrameConfig, SdkVersion, Theme, ViewerConfig,
};

use crate::state::HostState;

/// The frame id the app's file page adopts (its `FrameOptions::boot_frame`).
pub const FILE_FRAME_ID: &str = "file-frame";

/// The cookie the app keeps the reader's explicit theme choice in (`light` or `dark`; absent:
/// follow the system, as DocSpace's `System` theme does inside the frame). Not a secret.
pub const THEME_COOKIE: &str = "docspace-embed-theme";

/// The cookie the app keeps the reader's choice of language in (`en`, `de`, `fr`, `es`, `ru`;
/// absent: no choice, and the frame speaks the DocSpace profile's language). Not a secret.
pub const LOCALE_COOKIE: &str = "docspace-embed-locale";

/// `GET /files/{file}`: `index.html` with the file's frame bootstrapped after `<body>`.
pub(crate) async fn file_page(
    State(state): State<HostState>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let index = match tokio::fs::read_to_string(&state.index_html).await {
        Ok(index) => index,
        Err(e) => {
            tracing::error!("reading {}: {e}", state.index_html.display());
            return (
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "The app is not built: run `cargo xtask run`.",
            )
                .into_response();
        }
    };
    let viewing = query.as_deref().is_some_and(|q| {
        url::form_urlencoded::parse(q.as_bytes()).any(|(k, v)| k == "mode" && v == "view")
    });
    let theme = theme_from_cookies(&headers);
    let locale = locale_from_cookies(&headers);
    let config: FrameConfig = match (viewing, locale) {
        (true, Some(l)) => ViewerConfig::new(file).theme(theme).locale(l).into(),
        (true, None) => ViewerConfig::new(file).theme(theme).into(),
        (false, Some(l)) => EditorConfig::new(file).theme(theme).locale(l).into(),
        (false, None) => EditorConfig::new(file).theme(theme).into(),
    };
    // The app falls back to the default for a name it does not know; so does its frame here.
    let version = SdkVersion::parse(&state.sdk_version).unwrap_or_default();
    let boot = Bootstrap::new(&state.portal_url, FILE_FRAME_ID, config)
        .version(version)
        .handles(BootHandler::EditorClose)
        // The app renders the layout: the frame waits over the window until the app moves it in.
        .parked();
    let page = match boot.write_into(&without_module_preloads(&index)) {
        Ok(page) => page,
        Err(e) => {
            // The page still works: the component creates the frame itself.
            tracing::warn!("no frame bootstrap for /files/…: {e}");
            index
        }
    };
    ([(header::CACHE_CONTROL, "no-cache")], Html(page)).into_response()
}

/// `page` without its `<link rel=modulepreload>` elements. The app's loader starts only once the
/// bootstrapped frame has shown its content, so preloading its JavaScript buys nothing here and
/// its download and compilation took the network and the main thread from api.js and the frame.
fn without_module_preloads(page: &str) -> String {
    // ASCII lowercasing keeps every byte offset, so positions found in `lower` cut `page`.
    let lower = page.to_ascii_lowercase();
    let mut out = String::with_capacity(page.len());
    let mut from = 0;
    while let Some(at) = lower[from..].find("<link").map(|i| from + i) {
        let Some(end) = lower[at..].find('>').map(|i| at + i + 1) else {
            break;
        };
        out.push_str(&page[from..at]);
        if !lower[at..end].contains("modulepreload") {
            out.push_str(&page[at..end]);
        }
        from = end;
    }
    out.push_str(&page[from..]);
    out
}

/// The value of cookie `name` among the request's cookies.
fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value)
}

/// The `locale` the app gives its frames (its `locale::frame_locale`): the DocSpace culture of
/// the reader's choice ([`docspace_sdk::culture_for_language`], as the app maps it), none
/// without one or for a language it does not map.
fn locale_from_cookies(headers: &HeaderMap) -> Option<&'static str> {
    docspace_sdk::culture_for_language(cookie(headers, LOCALE_COOKIE)?)
}

/// The theme the app gives its frames: the reader's explicit choice, else the system's.
fn theme_from_cookies(headers: &HeaderMap) -> Theme {
    match cookie(headers, THEME_COOKIE) {
        Some("dark") => Theme::Dark,
        Some("light") => Theme::Base,
        _ => Theme::System,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_cookie_names_a_docspace_culture_or_nothing() {
        let mut h = HeaderMap::new();
        assert_eq!(locale_from_cookies(&h), None);
        h.insert(
            header::COOKIE,
            "docspace-embed-theme=dark; docspace-embed-locale=de"
                .parse()
                .unwrap(),
        );
        assert_eq!(locale_from_cookies(&h), Some("de"));
        h.insert(header::COOKIE, "docspace-embed-locale=en".parse().unwrap());
        assert_eq!(locale_from_cookies(&h), Some("en-US"));
        h.insert(header::COOKIE, "docspace-embed-locale=<x>".parse().unwrap());
        assert_eq!(locale_from_cookies(&h), None);
    }

    #[test]
    fn module_preloads_are_dropped_and_the_rest_kept() {
        let page = r#"<title>t</title><link href=/app.css rel=stylesheet><link fetchpriority=low href=/app.js rel=modulepreload><LINK rel="modulepreload" href="/b.js"></head><body></body>"#;
        assert_eq!(
            without_module_preloads(page),
            r#"<title>t</title><link href=/app.css rel=stylesheet></head><body></body>"#
        );
        assert_eq!(
            without_module_preloads("<p>no links</p>"),
            "<p>no links</p>"
        );
        assert_eq!(without_module_preloads("<link unclosed"), "<link unclosed");
    }

    #[test]
    fn the_theme_cookie_is_read_among_others() {
        let mut h = HeaderMap::new();
        assert_eq!(theme_from_cookies(&h), Theme::System);
        h.insert(
            header::COOKIE,
            "a=1; docspace-embed-theme=dark; b=2".parse().unwrap(),
        );
        assert_eq!(theme_from_cookies(&h), Theme::Dark);
        h.insert(
            header::COOKIE,
            "docspace-embed-theme=light".parse().unwrap(),
        );
        assert_eq!(theme_from_cookies(&h), Theme::Base);
        h.insert(header::COOKIE, "docspace-embed-theme=<x>".parse().unwrap());
        assert_eq!(theme_from_cookies(&h), Theme::System);
    }
}
