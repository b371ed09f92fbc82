//! Whether a request comes from the host's own app, and so may carry the key the host holds.
//!
//! A held key must never lend its powers to another web page. A browser lets any page send
//! "simple" requests (a `text/plain` POST, a form, an image) to any address, and a DNS name an
//! attacker controls can be pointed at the host's address (DNS rebinding) to make their page
//! same-origin with it. So the key is added only when all of these hold:
//!
//! - the request carries [`HOST_KEY_HEADER`]: a custom header, which no other origin can add
//!   without a CORS preflight, and the host grants no preflight;
//! - `Sec-Fetch-Site`, when the browser sends it, says `same-origin`;
//! - `Origin`, when present, is one of the host's own origins;
//! - `Host` is one of the host's own hosts (the rebinding defence: a rebound name arrives with
//!   the attacker's host name).
//!
//! A request that fails is still forwarded, without the key, and gets the portal's own answer.

use std::net::SocketAddr;

use axum::http::{HeaderMap, header};

pub use docspace_api::HOST_KEY_HEADER;

/// The origins the host's app is served from.
#[derive(Debug, Clone)]
pub struct OwnOrigins {
    /// `scheme://host[:port]`, as browsers serialize an `Origin`.
    origins: Vec<String>,
    /// `host[:port]`, as browsers send `Host`.
    hosts: Vec<String>,
}

impl OwnOrigins {
    /// The listening address's origin (with `localhost` too when it is a loopback address),
    /// plus `public` origins (where a TLS proxy in front serves the app).
    pub fn new(addr: SocketAddr, public: &[String]) -> Result<OwnOrigins, String> {
        let mut origins = vec![format!("http://{addr}")];
        if addr.ip().is_loopback() {
            origins.push(format!("http://localhost:{}", addr.port()));
        }
        for p in public {
            origins.push(normalize_origin(p)?);
        }
        let hosts = origins
            .iter()
            .filter_map(|o| o.split_once("://").map(|(_, h)| h.to_string()))
            .collect();
        Ok(OwnOrigins { origins, hosts })
    }

    /// Whether the request is the host's own app asking for the held key.
    pub fn may_use_held_key(&self, headers: &HeaderMap) -> bool {
        let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        let asks = text(HOST_KEY_HEADER) == Some("1");
        let fetch_site_ok = text("sec-fetch-site").is_none_or(|s| s == "same-origin");
        let origin_ok = match headers.get(header::ORIGIN) {
            None => true,
            Some(v) => v
                .to_str()
                .is_ok_and(|o| self.origins.iter().any(|own| own.eq_ignore_ascii_case(o))),
        };
        let host_ok = text(header::HOST.as_str())
            .is_some_and(|h| self.hosts.iter().any(|own| own.eq_ignore_ascii_case(h)));
        asks && fetch_site_ok && origin_ok && host_ok
    }
}

impl OwnOrigins {
    /// Whether the request reached the host through one of its `https` origins (behind a TLS
    /// proxy), so that cookies set for it must be `Secure`.
    pub fn served_over_https(&self, headers: &HeaderMap) -> bool {
        let Some(host) = headers.get(header::HOST).and_then(|v| v.to_str().ok()) else {
            return false;
        };
        self.origins.iter().any(|o| {
            o.strip_prefix("https://")
                .is_some_and(|h| h.eq_ignore_ascii_case(host))
        })
    }
}

/// `scheme://host[:port]` of an http(s) URL, with the scheme's default port left out, as a
/// browser writes it in `Origin`.
fn normalize_origin(url: &str) -> Result<String, String> {
    let u = url::Url::parse(url.trim()).map_err(|e| format!("`{url}` is not a URL: {e}"))?;
    if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none() {
        return Err(format!("`{url}` is not an http(s) origin"));
    }
    Ok(u.origin().ascii_serialization())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn own() -> OwnOrigins {
        OwnOrigins::new(
            "127.0.0.1:8080".parse().expect("addr"),
            &["https://docs.example.com/".to_string()],
        )
        .expect("origins")
    }

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(
                axum::http::HeaderName::from_bytes(k.as_bytes()).expect("name"),
                HeaderValue::from_str(v).expect("value"),
            );
        }
        h
    }

    const APP: [(&str, &str); 3] = [
        (HOST_KEY_HEADER, "1"),
        ("host", "127.0.0.1:8080"),
        ("sec-fetch-site", "same-origin"),
    ];

    #[test]
    fn the_apps_own_requests_get_the_key() {
        let o = own();
        assert!(o.may_use_held_key(&headers(&APP)));
        let mut post = APP.to_vec();
        post.push(("origin", "http://127.0.0.1:8080"));
        assert!(o.may_use_held_key(&headers(&post)), "same-origin POST");
        assert!(
            o.may_use_held_key(&headers(&[
                (HOST_KEY_HEADER, "1"),
                ("host", "docs.example.com"),
                ("origin", "https://docs.example.com"),
            ])),
            "behind a TLS proxy, from a browser without Sec-Fetch-*"
        );
        assert!(o.may_use_held_key(&headers(&[
            (HOST_KEY_HEADER, "1"),
            ("host", "localhost:8080")
        ])));
    }

    #[test]
    fn other_pages_never_get_it() {
        let o = own();
        let cases: [(&str, Vec<(&str, &str)>); 6] = [
            ("no marker header", APP[1..].to_vec()),
            ("a cross-site fetch", {
                let mut h = APP.to_vec();
                h[2] = ("sec-fetch-site", "cross-site");
                h
            }),
            ("a same-site page on another port", {
                let mut h = APP.to_vec();
                h[2] = ("sec-fetch-site", "same-site");
                h
            }),
            ("a foreign origin", {
                let mut h = APP[..2].to_vec();
                h.push(("origin", "http://evil.example"));
                h
            }),
            ("a rebound host name", {
                let mut h = APP.to_vec();
                h[1] = ("host", "evil.example:8080");
                h
            }),
            ("no Host at all", vec![(HOST_KEY_HEADER, "1")]),
        ];
        for (what, h) in cases {
            assert!(!o.may_use_held_key(&headers(&h)), "{what}");
        }
    }

    #[test]
    fn public_origins_must_be_http_urls() {
        let addr = "127.0.0.1:8080".parse().expect("addr");
        assert!(OwnOrigins::new(addr, &["ftp://x".into()]).is_err());
        assert!(OwnOrigins::new(addr, &["not a url".into()]).is_err());
    }
}
