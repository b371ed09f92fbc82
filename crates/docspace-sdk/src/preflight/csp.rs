//! Does the portal's allowed-domains list admit this page? The browser's `frame-ancestors`
//! rules, which the list becomes: exact scheme/host/port, `*.` wildcards, scheme-less entries.
//!
//! api.js's own check is stricter than the browser (no wildcards, host only) and so refuses
//! pages the browser would allow; this one follows the browser.

use crate::scan;
use crate::weburl::WebUrl;

/// An origin split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Origin {
    pub(crate) scheme: String,
    pub(crate) host: String,
    pub(crate) port: u16,
}

impl Origin {
    /// Parses `scheme://host[:port]` (anything after is ignored).
    pub(crate) fn parse(s: &str) -> Option<Origin> {
        let url = WebUrl::parse(s)?;
        let port = url.port_or_known_default()?;
        (!url.host.is_empty()).then(|| Origin {
            host: url.host.to_ascii_lowercase(),
            scheme: url.scheme,
            port,
        })
    }

    /// `scheme://host[:port]`, the port only when not the scheme's default.
    pub(crate) fn serialize(&self) -> String {
        if Some(self.port) == default_port(&self.scheme) {
            format!("{}://{}", self.scheme, self.host)
        } else {
            format!("{}://{}:{}", self.scheme, self.host, self.port)
        }
    }

    /// Loopback hosts, which browsers treat as secure (no mixed-content blocking).
    pub(crate) fn is_loopback(&self) -> bool {
        self.host == "localhost"
            || self.host.ends_with(".localhost")
            || self.host.starts_with("127.")
            || self.host == "[::1]"
    }
}

fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" => Some(80),
        "https" => Some(443),
        _ => None,
    }
}

/// Whether `page` may frame a portal served over `portal_scheme`, given its list.
pub(crate) fn allowed(page: &Origin, portal_scheme: &str, entries: &[String]) -> bool {
    entries
        .iter()
        .any(|e| entry_matches(e, page, portal_scheme))
}

fn entry_matches(entry: &str, page: &Origin, portal_scheme: &str) -> bool {
    let entry = entry.trim().to_ascii_lowercase();
    if entry == "*" {
        return page.scheme == "http" || page.scheme == "https";
    }
    let (scheme, rest) = match scan::split_once(&entry, "://") {
        Some((s, r)) => (Some(s), r),
        None => (None, entry.as_str()),
    };
    let scheme_ok = match scheme {
        Some(s) => s == page.scheme || (s == "http" && page.scheme == "https"),
        None => page.scheme == portal_scheme || (portal_scheme == "http" && page.scheme == "https"),
    };
    // No path, or `/` alone.
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    if !path.is_empty() {
        return false;
    }
    let (host, port) = split_host_port(authority);
    let host_ok = match host.strip_prefix("*.") {
        Some(suffix) => page.host.ends_with(&format!(".{suffix}")),
        None => host == page.host,
    };
    let port_ok = match port {
        Some("*") => true,
        Some(p) => p.parse::<u16>().ok() == Some(page.port),
        None => Some(page.port) == default_port(&page.scheme),
    };
    scheme_ok && host_ok && port_ok
}

fn split_host_port(authority: &str) -> (&str, Option<&str>) {
    if authority.starts_with('[') {
        let split = scan::find(authority, "]:")
            .and_then(|i| Some((authority.get(..=i)?, authority.get(i + 2..)?)));
        return match split {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        };
    }
    match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // In wasm the browser's `URL` parses origins: the same answers are required of it.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn page(s: &str) -> Origin {
        Origin::parse(s).unwrap_or_else(|| panic!("origin {s}"))
    }

    fn list(entries: &[&str]) -> Vec<String> {
        entries.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn origins_parse_with_their_default_ports() {
        let o = page("HTTPS://App.Example.com/some/page?x#y");
        assert_eq!(
            (o.scheme.as_str(), o.host.as_str(), o.port),
            ("https", "app.example.com", 443)
        );
        assert_eq!(o.serialize(), "https://app.example.com");
        let o = page("http://[::1]:8080");
        assert_eq!((o.host.as_str(), o.port), ("[::1]", 8080));
        assert!(o.is_loopback());
        assert_eq!(page("http://a.example:80").serialize(), "http://a.example");
        assert_eq!(
            page("http://a.example:443").serialize(),
            "http://a.example:443"
        );
        for no_origin in [
            "mailto:a@example.com",
            "file:///tmp/x",
            "app.example.com",
            "about:blank",
        ] {
            assert!(Origin::parse(no_origin).is_none(), "{no_origin}");
        }
    }

    #[test]
    fn exact_origins_need_the_port() {
        let p = page("http://127.0.0.1:18081");
        assert!(allowed(&p, "http", &list(&["http://127.0.0.1:18081"])));
        assert!(allowed(&p, "http", &list(&["HTTP://127.0.0.1:18081/"])));
        assert!(!allowed(&p, "http", &list(&["http://127.0.0.1"])));
        assert!(!allowed(&p, "http", &list(&["http://127.0.0.1:18082"])));
        assert!(allowed(&p, "http", &list(&["127.0.0.1:18081"])));
        assert!(!allowed(&p, "http", &list(&["http://127.0.0.1:18081/app"])));
    }

    #[test]
    fn wildcards_and_schemes_follow_the_browser() {
        let p = page("https://app.partner.io");
        assert!(allowed(&p, "https", &list(&["*.partner.io"])));
        assert!(!allowed(
            &page("https://partner.io"),
            "https",
            &list(&["*.partner.io"])
        ));
        assert!(allowed(&p, "https", &list(&["http://app.partner.io"])));
        assert!(!allowed(
            &page("http://app.partner.io"),
            "https",
            &list(&["https://app.partner.io"])
        ));
        assert!(allowed(&p, "https", &list(&["app.partner.io"])));
        assert!(!allowed(
            &page("http://app.partner.io"),
            "https",
            &list(&["app.partner.io"])
        ));
        assert!(allowed(
            &page("http://x:1"),
            "https",
            &list(&["http://x:*"])
        ));
        assert!(allowed(&page("https://x"), "https", &list(&["*"])));
    }

    #[test]
    fn origins_serialize_and_know_loopback() {
        assert_eq!(
            page("https://a.example:443/x").serialize(),
            "https://a.example"
        );
        assert_eq!(
            page("http://127.0.0.1:8092").serialize(),
            "http://127.0.0.1:8092"
        );
        assert!(page("http://localhost:3000").is_loopback());
        assert!(!page("http://example.com").is_loopback());
    }
}
