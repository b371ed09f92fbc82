//! Serving the built app: hashed assets cached for a year and precompressed (brotli, gzip);
//! `index.html` and unhashed files revalidated on every use; every unknown path answered with
//! `index.html` for the router; the app's Content-Security-Policy on its pages.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use tower_http::services::{ServeDir, ServeFile};

use crate::csp;
use crate::state::HostState;

/// What the header middleware needs.
struct Pages {
    index: PathBuf,
    portal_origin: String,
}

/// The app's static files with SPA fallback and response headers; `pages` are the app's pages
/// the host renders itself (they get the same headers).
pub fn router(
    dist: &Path,
    portal_origin: String,
    pages_it_renders: Router<HostState>,
) -> Router<HostState> {
    let index = dist.join("index.html");
    let assets = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(
            ServeFile::new(&index)
                .precompressed_br()
                .precompressed_gzip(),
        );
    let pages = Arc::new(Pages {
        index,
        portal_origin,
    });
    pages_it_renders
        .fallback_service(assets)
        .layer(middleware::from_fn_with_state(pages, headers))
}

async fn headers(State(pages): State<Arc<Pages>>, req: Request, next: Next) -> Response {
    let hashed = is_hashed_asset(req.uri().path());
    let mut resp = next.run(req).await;
    let is_html = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html"));
    let h = resp.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(if hashed && !is_html {
                // The name changes whenever the content does.
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            }),
        );
    }
    if is_html {
        // A page another site opens keeps no handle on the app's window, and the app's URLs
        // (room and file ids) do not leak to the sites it links to. No popup of the app needs its
        // opener: frames are iframes, which the opener policy does not touch.
        h.insert(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        );
        h.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        );
        // Read per page load (a few hundred bytes) so a rebuilt app never meets a stale hash.
        let index = tokio::fs::read_to_string(&pages.index)
            .await
            .unwrap_or_default();
        if let Ok(v) = HeaderValue::from_str(&csp::app_policy(&index, &pages.portal_origin)) {
            h.insert(header::CONTENT_SECURITY_POLICY, v);
        }
    }
    resp
}

/// Whether the last segment of `path` carries Trunk's content hash: `name-<hash>[_bg].ext`, the
/// hash a u64 in hex without leading zeros (so 12 to 16 digits but for one build in 65,536, whose
/// file is then merely revalidated).
fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (12..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

#[cfg(test)]
mod tests {
    use super::is_hashed_asset;

    #[test]
    fn recognizes_trunk_hashes() {
        assert!(is_hashed_asset("/docspace-embed-0123456789abcdef_bg.wasm"));
        assert!(is_hashed_asset("/docspace-embed-0123456789abcdef.js"));
        assert!(is_hashed_asset("/main-fedcba9876543210.css"));
        assert!(
            is_hashed_asset("/app-2528e7b6db1e5c24.css"),
            "the one bundled stylesheet"
        );
        assert!(
            is_hashed_asset("/dialog-53c401256720945.css"),
            "leading zero dropped"
        );
        assert!(!is_hashed_asset("/robots.txt"));
        assert!(!is_hashed_asset("/rooms/42"));
        assert!(!is_hashed_asset("/docspace-config.json"));
        assert!(!is_hashed_asset("/app-0123abcd.js"));
    }
}
