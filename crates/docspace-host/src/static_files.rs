//! Serving the built app: hashed assets cached for a year and precompressed (brotli, gzip),
//! `index.html` never cached, and every unknown path answered with `index.html` for the router.

use std::path::Path;

use axum::Router;
use axum::http::{HeaderValue, header};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::server::HostState;

/// The app's static files with SPA fallback.
pub fn router(dist: &Path) -> Router<HostState> {
    let index = dist.join("index.html");
    let assets = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(ServeFile::new(&index));
    Router::new()
        .fallback_service(assets)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            |resp: &axum::http::Response<_>| cache_policy(resp),
        ))
}

fn cache_policy<B>(resp: &axum::http::Response<B>) -> Option<HeaderValue> {
    let is_html = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html"));
    Some(if is_html {
        HeaderValue::from_static("no-cache")
    } else {
        // Trunk puts a content hash in every asset name, so assets never change under one URL.
        HeaderValue::from_static("public, max-age=31536000, immutable")
    })
}
