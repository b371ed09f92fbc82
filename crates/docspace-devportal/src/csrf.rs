//! What a write authenticated by the `asc_auth_key` cookie must carry to prove it comes from the
//! portal's own pages: the one place that decides it, called by the API middleware.
//!
//! A browser attaches the cookie by itself, so a page on another site can make it send a form
//! (`text/plain`, `application/x-www-form-urlencoded`, `multipart/form-data`) or a no-cors `fetch`
//! to the portal with the user's session. A write (any method but GET, HEAD and OPTIONS) whose
//! credential is that cookie must therefore:
//!
//! 1. if it has `Sec-Fetch-Site`, have `same-origin` (or `none`: typed by the user);
//! 2. if it has `Origin`, have the portal's own origin (the scheme of `X-Forwarded-Proto`, else
//!    `http`, and the `Host` the request was addressed to);
//! 3. with neither header (older browsers), have a `Referer` of the portal's own origin when it has
//!    one (a client that sends none of the three is not a browser and cannot be driven cross-site);
//! 4. if it has a `Content-Type`, have a JSON one, or `multipart/form-data` on the upload endpoints
//!    (which then rely on 1–3).
//!
//! Anything else is a 403 in DocSpace's no-stack error shape. Writes with an `Authorization`
//! header are not affected: a browser never adds that header by itself.
//!
//! How this compares with DocSpace: its server has no origin or anti-forgery check
//! (`ONLYOFFICE/DocSpace-server` has no `Antiforgery`, `Sec-Fetch` or CSRF code) and relies on the
//! cookie's `SameSite=Strict`, relaxed to `None` only over HTTPS when CSP domains are configured
//! (`web/ASC.Web.Core/CookiesManager.cs`, `SetCookiesAsync`), plus ASP.NET's JSON-only input
//! formatter (a form body is a 415). The devportal issues `SameSite=Lax` on plain http (so
//! same-site frames of a loopback portal keep the session) and `None` like DocSpace, so it checks
//! the origin itself: with `SameSite=None` that closes the hole DocSpace leaves to the browser,
//! and with `Lax` it refuses even same-site (another port of localhost) forgeries.

use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};

use crate::envelope::ApiError;

/// The message of every refusal, so a developer sees at once why a write from a page failed.
pub const REFUSED: &str = "Cross-site request refused: a request authenticated by the asc_auth_key cookie must come from the portal's own origin with a JSON body; other clients send an Authorization header";

/// Checks a request whose credential is known; `by_cookie` says whether it is the cookie.
pub fn check(parts: &Parts, by_cookie: bool) -> Result<(), ApiError> {
    if !by_cookie || is_safe(&parts.method) {
        return Ok(());
    }
    let refuse = |why: &str| {
        tracing::info!(
            "refused a cookie-authenticated {} {}: {why}",
            parts.method,
            parts.uri.path()
        );
        Err(ApiError::Refused(REFUSED.into()))
    };
    let h = &parts.headers;
    let own = own_origin(h);
    let fetch_site = text(h, "sec-fetch-site");
    if let Some(site) = fetch_site
        && !site.eq_ignore_ascii_case("same-origin")
        && !site.eq_ignore_ascii_case("none")
    {
        return refuse("Sec-Fetch-Site is not same-origin");
    }
    match text(h, header::ORIGIN.as_str()) {
        Some(origin) if !same_origin(origin, &own) => return refuse("foreign Origin"),
        Some(_) => {}
        None if fetch_site.is_none() => {
            if let Some(referer) = text(h, header::REFERER.as_str())
                && !referer_origin(referer).is_some_and(|o| same_origin(o, &own))
            {
                return refuse("foreign Referer");
            }
        }
        None => {}
    }
    if let Some(ct) = text(h, header::CONTENT_TYPE.as_str()) {
        let json = is_json(ct);
        let multipart = media_type(ct) == "multipart/form-data" && is_upload(parts.uri.path());
        if !json && !multipart {
            return refuse("body is not JSON");
        }
    }
    Ok(())
}

fn is_safe(m: &Method) -> bool {
    m == Method::GET || m == Method::HEAD || m == Method::OPTIONS
}

fn text<'a>(h: &'a HeaderMap, name: &str) -> Option<&'a str> {
    h.get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// `scheme://host[:port]` of the portal as this request addressed it.
pub fn own_origin(h: &HeaderMap) -> String {
    let scheme = text(h, "x-forwarded-proto")
        .and_then(|p| p.split(',').next())
        .map(|p| p.trim().to_ascii_lowercase())
        .filter(|p| p == "https" || p == "http")
        .unwrap_or_else(|| "http".into());
    let host = text(h, header::HOST.as_str()).unwrap_or("");
    format!("{scheme}://{host}")
}

/// Origins compared as browsers serialize them: case-insensitive, default ports dropped.
fn same_origin(a: &str, b: &str) -> bool {
    fn norm(o: &str) -> String {
        let o = o.trim().to_ascii_lowercase();
        for (scheme, port) in [("http://", ":80"), ("https://", ":443")] {
            if o.starts_with(scheme)
                && let Some(stripped) = o.strip_suffix(port)
            {
                return stripped.to_string();
            }
        }
        o
    }
    let a = norm(a);
    let has_host = a
        .split_once("://")
        .is_some_and(|(_, host)| !host.is_empty() && !host.contains('/'));
    has_host && a == norm(b)
}

/// The `scheme://host[:port]` part of a `Referer` URL.
fn referer_origin(url: &str) -> Option<&str> {
    let start = url.find("://")? + 3;
    let end = url[start..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| start + i);
    Some(&url[..end])
}

fn media_type(ct: &str) -> String {
    ct.split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The content types ASP.NET's JSON input formatter reads: `application/json`, `text/json`,
/// `application/*+json`.
pub fn is_json(content_type: &str) -> bool {
    let m = media_type(content_type);
    m == "application/json"
        || m == "text/json"
        || (m.starts_with("application/") && m.ends_with("+json"))
}

/// The endpoints that take `multipart/form-data`: uploads, upload-session chunks, the legacy
/// chunk handler and the editor's save.
fn is_upload(path: &str) -> bool {
    let p = path.trim_end_matches('/').to_ascii_lowercase();
    if p == "/chunkeduploader.ashx" {
        return true;
    }
    let segs: Vec<&str> = p.split('/').filter(|s| !s.is_empty()).collect();
    matches!(
        segs.as_slice(),
        ["api", "2.0", "files", _, "upload"]
            | ["api", "2.0", "files", _, "session", _]
            | ["api", "2.0", "files", _, "session", _, "upload"]
            | ["api", "2.0", "files", "file", _, "saveediting"]
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request;

    fn parts(method: &str, path: &str, headers: &[(&str, &str)]) -> Parts {
        let mut b = Request::builder()
            .method(method)
            .uri(path)
            .header("host", "127.0.0.1:8092");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(()).expect("request").into_parts().0
    }

    fn ok(method: &str, path: &str, headers: &[(&str, &str)]) -> bool {
        check(&parts(method, path, headers), true).is_ok()
    }

    #[test]
    fn the_portals_own_pages_pass() {
        let json = ("content-type", "application/json");
        assert!(ok(
            "POST",
            "/api/2.0/files/rooms",
            &[
                ("origin", "http://127.0.0.1:8092"),
                ("sec-fetch-site", "same-origin"),
                json
            ]
        ));
        assert!(ok(
            "POST",
            "/api/2.0/authentication/logout",
            &[("origin", "http://127.0.0.1:8092")]
        ));
        assert!(ok(
            "PUT",
            "/api/2.0/files/file/5/saveediting",
            &[
                ("origin", "http://127.0.0.1:8092"),
                ("content-type", "multipart/form-data; boundary=x")
            ]
        ));
        // Behind a TLS proxy the origin is https.
        assert!(ok(
            "POST",
            "/api/2.0/keys",
            &[
                ("origin", "https://127.0.0.1:8092"),
                ("x-forwarded-proto", "https"),
                json
            ]
        ));
        // A non-browser client with the cookie and none of the headers.
        assert!(ok("POST", "/api/2.0/keys", &[json]));
        // Reads are never checked.
        assert!(ok(
            "GET",
            "/api/2.0/keys",
            &[("origin", "https://evil.test")]
        ));
    }

    #[test]
    fn cross_site_writes_are_refused() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("/api/2.0/keys", &[("origin", "https://evil.test")]),
            ("/api/2.0/keys", &[("origin", "null")]),
            ("/api/2.0/keys", &[("sec-fetch-site", "cross-site")]),
            ("/api/2.0/keys", &[("sec-fetch-site", "same-site")]),
            ("/api/2.0/keys", &[("referer", "https://evil.test/page")]),
            (
                "/api/2.0/people/invite",
                &[
                    ("origin", "http://127.0.0.1:8092"),
                    ("content-type", "text/plain"),
                ],
            ),
            (
                "/api/2.0/files/rooms",
                &[
                    ("origin", "http://127.0.0.1:8092"),
                    ("content-type", "application/x-www-form-urlencoded"),
                ],
            ),
            (
                "/api/2.0/files/rooms",
                &[
                    ("origin", "http://127.0.0.1:8092"),
                    ("content-type", "multipart/form-data; boundary=x"),
                ],
            ),
            (
                "/api/2.0/files/1/upload",
                &[
                    ("origin", "http://evil.test"),
                    ("content-type", "multipart/form-data; boundary=x"),
                ],
            ),
        ];
        for (path, headers) in cases {
            let err = check(&parts("POST", path, headers), true).err();
            assert!(
                matches!(err, Some(ApiError::Refused(_))),
                "{path} {headers:?}"
            );
        }
        // The same requests with an Authorization header are not the browser's doing.
        assert!(check(&parts("POST", "/api/2.0/keys", cases[0].1), false).is_ok());
    }

    #[test]
    fn origins_compare_like_browsers_serialize_them() {
        assert!(same_origin("HTTP://Portal.test", "http://portal.test:80"));
        assert!(same_origin(
            "https://portal.test",
            "https://portal.test:443"
        ));
        assert!(!same_origin("https://portal.test", "http://portal.test"));
        assert!(!same_origin("http://", "http://"));
        assert_eq!(
            referer_origin("http://a.test:1/x?y"),
            Some("http://a.test:1")
        );
        assert_eq!(referer_origin("http://a.test"), Some("http://a.test"));
        assert!(is_json("application/json; charset=utf-8"));
        assert!(is_json("application/problem+json"));
        assert!(!is_json("text/plain"));
    }
}
