//! The HTML shell every frame page shares: the page's module, its stylesheet, the initial theme,
//! and the response headers (CSP with `frame-ancestors`, no caching, no sniffing).

use std::collections::HashMap;

use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use super::csp;
use crate::state::AppState;

/// The pages the devportal serves inside the SDK's iframes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FramePage {
    /// `/rooms/…`: rooms, folders and files.
    Manager,
    /// `/sdk/room-selector`.
    RoomSelector,
    /// `/sdk/file-selector`.
    FileSelector,
    /// `/sdk/public-room`: a room opened by its external link key.
    PublicRoom,
    /// `/old-sdk/system`: login and hashing helpers, no UI.
    System,
    /// `/doceditor`: the stand-in for ONLYOFFICE Docs (editor and viewer).
    Editor,
    /// `/login`.
    SignIn,
}

impl FramePage {
    /// Every frame page, for the tests that go through them all.
    #[cfg(test)]
    pub const ALL: [FramePage; 7] = [
        FramePage::Manager,
        FramePage::RoomSelector,
        FramePage::FileSelector,
        FramePage::PublicRoom,
        FramePage::System,
        FramePage::Editor,
        FramePage::SignIn,
    ];

    /// The page's module under `assets/js/pages/`, also its `data-page` name.
    pub fn module(self) -> &'static str {
        match self {
            FramePage::Manager => "manager",
            FramePage::RoomSelector => "room-selector",
            FramePage::FileSelector => "file-selector",
            FramePage::PublicRoom => "public-room",
            FramePage::System => "system",
            FramePage::Editor => "editor",
            FramePage::SignIn => "sign-in",
        }
    }

    /// The document title before the page sets a better one.
    pub fn title(self) -> &'static str {
        match self {
            FramePage::Manager => "Rooms",
            FramePage::RoomSelector => "Select room",
            FramePage::FileSelector => "Select file",
            FramePage::PublicRoom => "Public room",
            FramePage::System => "DocSpace",
            FramePage::Editor => "Document",
            FramePage::SignIn => "Sign in",
        }
    }

    /// Only the editor compiles code (the host's `executeInEditor` callback).
    pub fn allows_eval(self) -> bool {
        self == FramePage::Editor
    }
}

/// Whether `rest` (the path after `/rooms/`) is a manager route: a section, optionally a folder
/// id, optionally `filter`, as `getFramePath` builds them (`shared/`, `shared/filter`,
/// `shared/42/filter`, `personal/`, `archived/filter`, …), or `share` (a room by link key).
pub fn is_manager_path(rest: &str) -> bool {
    let mut segs = rest.trim_end_matches('/').split('/');
    let Some(section) = segs.next() else {
        return false;
    };
    if section == "share" {
        return segs.next().is_none();
    }
    if !matches!(section, "shared" | "personal" | "archived") {
        return false;
    }
    let rest: Vec<&str> = segs.collect();
    let is_id = |s: &str| !s.is_empty() && s.len() <= 18 && s.bytes().all(|b| b.is_ascii_digit());
    match rest.as_slice() {
        [] | ["filter"] => true,
        [id] | [id, "filter"] => is_id(id),
        _ => false,
    }
}

/// `Base`/`Dark`/`System` (any case, as DocSpace's proxy capitalizes it) → the CSS theme.
fn theme_of(params: &HashMap<String, String>) -> &'static str {
    match params
        .get("theme")
        .map(|t| t.to_ascii_lowercase())
        .as_deref()
    {
        Some("base") | Some("light") => "light",
        Some("dark") => "dark",
        _ => "system",
    }
}

/// A BCP 47-looking `locale` for `<html lang>`, else `en`.
fn lang_of(params: &HashMap<String, String>) -> String {
    params
        .get("locale")
        .filter(|l| {
            (2..=35).contains(&l.len())
                && l.split('-').all(|p| {
                    (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric())
                })
        })
        .cloned()
        .unwrap_or_else(|| "en".into())
}

/// The page's HTML. Only fixed strings and validated `lang`/`theme` values go into it; every
/// piece of portal data is inserted later, as text, by the page's module.
pub fn html(page: FramePage, params: &HashMap<String, String>) -> String {
    let module = page.module();
    format!(
        r#"<!doctype html>
<html lang="{lang}" data-theme="{theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{title} · DocSpace devportal</title>
<link rel="stylesheet" href="/static/devportal/frames/frames.css">
<link rel="stylesheet" href="/static/devportal/frames/css/widgets.css">
<link rel="stylesheet" href="/static/devportal/frames/css/pages.css">
<link rel="icon" href="/static/images/logo/favicon.svg" type="image/svg+xml">
<script type="module" src="/static/devportal/frames/js/pages/{module}.js"></script>
</head>
<body data-page="{module}">
<div id="app" class="app" aria-busy="true"><p class="page-status" role="status">Loading…</p></div>
<noscript><p class="page-status">This DocSpace devportal page needs JavaScript.</p></noscript>
</body>
</html>
"#,
        lang = lang_of(params),
        theme = theme_of(params),
        title = page.title(),
    )
}

/// The page as a response with the frame headers.
pub fn render(
    page: FramePage,
    params: &HashMap<String, String>,
    ancestors: &[String],
    status: StatusCode,
) -> Response {
    with_frame_headers(
        (status, html(page, params)).into_response(),
        ancestors,
        page.allows_eval(),
    )
}

/// A plain "not found" page for unknown frame routes (still only frameable by allowed origins).
pub async fn not_found(state: &AppState, uri: &Uri) -> Response {
    tracing::debug!("no frame page at {}", uri.path());
    let body = r#"<!doctype html>
<html lang="en" data-theme="system">
<head><meta charset="utf-8"><meta name="color-scheme" content="light dark">
<title>Not found · DocSpace devportal</title>
<link rel="stylesheet" href="/static/devportal/frames/frames.css"></head>
<body><main class="app"><div class="notice notice-error" role="alert">
<h1>Page not found</h1><p>The DocSpace devportal has no page at this address.</p></div></main></body>
</html>
"#;
    let ancestors = csp::domains(state).await;
    with_frame_headers(
        (StatusCode::NOT_FOUND, body).into_response(),
        &ancestors,
        false,
    )
}

fn with_frame_headers(mut resp: Response, ancestors: &[String], allow_eval: bool) -> Response {
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    // `frame_ancestors` admits only header-safe characters.
    match HeaderValue::from_str(&csp::page_policy(ancestors, allow_eval)) {
        Ok(v) => {
            h.insert(header::CONTENT_SECURITY_POLICY, v);
        }
        Err(e) => {
            tracing::error!("frame CSP header: {e}");
            h.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("frame-ancestors 'self'"),
            );
        }
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manager_paths_are_those_getframepath_builds() {
        for ok in [
            "shared/",
            "shared",
            "shared/filter",
            "shared/42/filter",
            "shared/42",
            "shared/42/",
            "personal/",
            "personal/filter",
            "archived/filter",
            "share",
        ] {
            assert!(is_manager_path(ok), "{ok}");
        }
        for bad in [
            "",
            "trash/",
            "shared/abc/filter",
            "shared/42/filter/x",
            "shared/-1/filter",
            "share/7",
        ] {
            assert!(!is_manager_path(bad), "{bad}");
        }
    }

    #[test]
    fn theme_and_locale_are_validated() {
        let p = |k: &str, v: &str| HashMap::from([(k.to_string(), v.to_string())]);
        assert_eq!(theme_of(&p("theme", "dark")), "dark");
        assert_eq!(theme_of(&p("theme", "Base")), "light");
        assert_eq!(theme_of(&p("theme", "whatever")), "system");
        assert_eq!(lang_of(&p("locale", "pt-BR")), "pt-BR");
        assert_eq!(lang_of(&p("locale", "\"><script>")), "en");
        let html = html(FramePage::Editor, &p("locale", "x\" onload=\"y"));
        assert!(html.contains(r#"<html lang="en" data-theme="system">"#));
    }
}
