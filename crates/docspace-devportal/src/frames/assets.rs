//! The frame pages' modules, stylesheet and images, embedded in the binary so that the devportal
//! stays a single standalone file.

use std::sync::OnceLock;

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// One embedded file: its path under `assets/` and its bytes.
type Asset = (&'static str, &'static [u8]);

macro_rules! assets {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("assets/", $path)) as &[u8])),*]
    };
}

/// Served at `/static/devportal/frames/{path}`.
static FRAME_ASSETS: &[Asset] = assets![
    "frames.css",
    "css/widgets.css",
    "css/pages.css",
    "js/protocol.js",
    "js/rest.js",
    "js/dom.js",
    "js/theme.js",
    "js/hash.js",
    "js/items.js",
    "js/listbox.js",
    "js/tree.js",
    "js/dialog.js",
    "js/breadcrumbs.js",
    "js/frame-page.js",
    "js/folder-view.js",
    "js/account.js",
    "js/menu.js",
    "js/share.js",
    "js/selector.js",
    "js/manager/chrome.js",
    "js/manager/dialogs.js",
    "js/manager/filter-bar.js",
    "js/manager/location.js",
    "js/manager/methods.js",
    "js/manager/queries.js",
    "js/pages/manager.js",
    "js/pages/room-selector.js",
    "js/pages/file-selector.js",
    "js/pages/public-room.js",
    "js/pages/system.js",
    "js/pages/editor.js",
    "js/pages/sign-in.js",
];

/// Served at `/static/images/{path}`, where DocSpace keeps the images its SDK and payloads name
/// (room-type icons in `onSelectCallback`, the logo and error picture of the SDK's CSP page).
static IMAGES: &[Asset] = assets![
    "images/logo/lightsmall.svg",
    "images/logo/favicon.svg",
    "images/frame-error.svg",
    "images/icons/32/rooms/formRoom.svg",
    "images/icons/32/rooms/editingRoom.svg",
    "images/icons/32/rooms/customRoom.svg",
    "images/icons/32/rooms/publicRoom.svg",
    "images/icons/32/rooms/virtualRoom.svg",
    "images/icons/32/rooms/aiRoom.svg",
    "images/icons/32/rooms/archiveRoom.svg",
    "images/icons/32/folder.svg",
    "images/icons/32/file.svg",
];

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// Strong validators, computed once: the pages are revalidated on every load (`no-cache`), so a
/// rebuilt devportal never serves stale modules, and an unchanged one answers 304.
fn etag(
    table: &'static [Asset],
    idx: usize,
    cache: &'static OnceLock<Vec<String>>,
) -> &'static str {
    let tags = cache.get_or_init(|| {
        table
            .iter()
            .map(|(_, bytes)| format!("\"{}\"", &hex::encode(Sha256::digest(bytes))[..20]))
            .collect()
    });
    tags.get(idx).map(String::as_str).unwrap_or("\"\"")
}

fn serve(
    table: &'static [Asset],
    cache: &'static OnceLock<Vec<String>>,
    path: &str,
    headers: &HeaderMap,
) -> Response {
    let Some(idx) = table.iter().position(|(p, _)| *p == path) else {
        return (StatusCode::NOT_FOUND, "no such asset").into_response();
    };
    let tag = etag(table, idx, cache);
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag));
    let mut resp = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        table[idx].1.into_response()
    };
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(path)),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Ok(v) = HeaderValue::from_str(tag) {
        h.insert(header::ETAG, v);
    }
    resp
}

/// `GET /static/devportal/frames/{path}`
pub async fn serve_frame_asset(Path(path): Path<String>, headers: HeaderMap) -> Response {
    static TAGS: OnceLock<Vec<String>> = OnceLock::new();
    serve(FRAME_ASSETS, &TAGS, &path, &headers)
}

/// `GET /static/images/{path}`
pub async fn serve_image(Path(path): Path<String>, headers: HeaderMap) -> Response {
    static TAGS: OnceLock<Vec<String>> = OnceLock::new();
    serve(IMAGES, &TAGS, &format!("images/{path}"), &headers)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The relative module paths a JS file imports (`from "./x.js"`, `import("../y.js")`).
    fn imports(src: &str) -> Vec<String> {
        let mut out = Vec::new();
        for quote in ['"', '\''] {
            for pat in [format!("from {quote}"), format!("import({quote}")] {
                let mut rest = src;
                while let Some(i) = rest.find(&pat) {
                    rest = &rest[i + pat.len()..];
                    if let Some(end) = rest.find(quote) {
                        out.push(rest[..end].to_string());
                    }
                }
            }
        }
        out
    }

    fn resolve(from: &str, rel: &str) -> String {
        let mut parts: Vec<&str> = from.split('/').collect();
        parts.pop();
        for seg in rel.split('/') {
            match seg {
                "." => {}
                ".." => {
                    parts.pop();
                }
                s => parts.push(s),
            }
        }
        parts.join("/")
    }

    #[test]
    fn every_module_import_is_embedded() {
        for (path, bytes) in FRAME_ASSETS.iter().filter(|(p, _)| p.ends_with(".js")) {
            let src = std::str::from_utf8(bytes).expect("JS is UTF-8");
            for rel in imports(src) {
                assert!(
                    rel.starts_with('.'),
                    "{path} imports a bare specifier {rel}"
                );
                let target = resolve(path, &rel);
                assert!(
                    FRAME_ASSETS.iter().any(|(p, _)| *p == target),
                    "{path} imports {rel} ({target}), which is not embedded"
                );
            }
        }
    }

    #[test]
    fn every_page_module_is_embedded() {
        for page in super::super::FramePage::ALL {
            let path = format!("js/pages/{}.js", page.module());
            assert!(FRAME_ASSETS.iter().any(|(p, _)| *p == path), "{path}");
        }
    }

    #[test]
    fn no_asset_writes_html_from_strings() {
        // Server data goes into the DOM as text only.
        for (path, bytes) in FRAME_ASSETS.iter().filter(|(p, _)| p.ends_with(".js")) {
            let src = std::str::from_utf8(bytes).expect("UTF-8");
            for sink in [
                "innerHTML",
                "outerHTML",
                "insertAdjacentHTML",
                "document.write",
            ] {
                assert!(!src.contains(sink), "{path} uses {sink}");
            }
        }
    }
}
