//! The app's Content-Security-Policy.
//!
//! Scripts run only from the host itself, the inline bootstrap Trunk writes into `index.html`
//! (allowed by its SHA-256 hash, computed from the built file at start), the frame bootstrap of
//! `docspace-sdk` (by its hash), the WebAssembly module
//! (`'wasm-unsafe-eval'`), and the portal's `api.js`. The app may connect to itself and the
//! portal, and frame only the portal. Nothing may frame the app; plugins, `<base>` and foreign
//! form targets are off.
//!
//! `style-src` allows inline styles because the official `api.js` inserts a `<style>` element for
//! its loader; styles cannot run code, and all server text is rendered as text.

use base64::Engine;
use sha2::{Digest, Sha256};

/// The policy for the app's pages, given the built `index.html` and the portal's origin.
pub fn app_policy(index_html: &str, portal_origin: &str) -> String {
    // The frame bootstrap the host writes into the file page (`frame_boot`) is one script for
    // every frame, so one hash allows it; its settings are a JSON block, which is no script.
    let hashes: String = inline_scripts(index_html)
        .chain([docspace_sdk::BOOTSTRAP_JS])
        .map(|s| format!(" 'sha256-{}'", sha256_base64(s)))
        .collect();
    let portal = portal_origin;
    [
        "default-src 'none'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval'{hashes} {portal}"),
        "style-src 'self' 'unsafe-inline'".to_string(),
        format!("img-src 'self' data: blob: {portal}"),
        "font-src 'self'".to_string(),
        format!("connect-src 'self' {portal}"),
        format!("frame-src {portal}"),
        "manifest-src 'self'".to_string(),
        "base-uri 'none'".to_string(),
        "form-action 'self'".to_string(),
        "object-src 'none'".to_string(),
        "frame-ancestors 'none'".to_string(),
    ]
    .join("; ")
}

/// The scheme, host and port of `url` (what CSP source expressions want), or `None` when it is
/// not an absolute http(s) URL.
pub fn origin_of(url: &str) -> Option<String> {
    let u = url::Url::parse(url).ok()?;
    if !matches!(u.scheme(), "http" | "https") {
        return None;
    }
    Some(u.origin().ascii_serialization())
}

/// The bodies of `<script>` elements without a `src` attribute.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    let mut rest = html;
    std::iter::from_fn(move || {
        loop {
            let open = rest.find("<script")?;
            let after_open = &rest[open..];
            let tag_end = after_open.find('>')?;
            let tag = &after_open[..tag_end];
            let body_start = open + tag_end + 1;
            let close = rest[body_start..].find("</script>")?;
            let body = &rest[body_start..body_start + close];
            rest = &rest[body_start + close + "</script>".len()..];
            if !tag.contains(" src=") && !tag.contains(" src =") {
                return Some(body);
            }
        }
    })
}

fn sha256_base64(s: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_each_inline_script_and_skips_external_ones() {
        let html = r#"<script src="/a.js"></script><script type="module">boot()</script><script>x</script>"#;
        let bodies: Vec<_> = inline_scripts(html).collect();
        assert_eq!(bodies, ["boot()", "x"]);
        let p = app_policy(html, "http://127.0.0.1:8092");
        assert!(p.contains(&format!("'sha256-{}'", sha256_base64("boot()"))));
        assert!(p.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
        assert!(p.contains("frame-src http://127.0.0.1:8092"));
        assert!(p.contains("connect-src 'self' http://127.0.0.1:8092"));
        assert!(p.contains("frame-ancestors 'none'"));
        let script_src = p
            .split("; ")
            .find(|d| d.starts_with("script-src"))
            .expect("script-src");
        assert!(!script_src.contains("'unsafe-inline'") && !script_src.contains(" 'unsafe-eval'"));
    }

    #[test]
    fn origins_drop_paths_and_keep_ports() {
        assert_eq!(
            origin_of("https://x.onlyoffice.com/some/path").as_deref(),
            Some("https://x.onlyoffice.com")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:8092").as_deref(),
            Some("http://127.0.0.1:8092")
        );
        assert_eq!(origin_of("ftp://x"), None);
        assert_eq!(origin_of("not a url"), None);
    }

    #[test]
    fn a_known_hash_matches() {
        // Known value: SHA-256 of the empty string.
        assert_eq!(
            sha256_base64(""),
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
    }
}
