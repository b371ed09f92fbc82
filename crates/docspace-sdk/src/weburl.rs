//! The few URL facts the crate needs (scheme, host, port, serialization, origin), from the
//! WHATWG URL parser: in a browser the page's own `URL`, so the wasm carries none of the `url`
//! crate's IDNA tables (about a tenth of the app's wasm); on native the `url` crate, which
//! implements the same standard, so unit tests check the same behaviour.

/// A parsed absolute URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WebUrl {
    /// Lower-case scheme without the `:` (`https`).
    pub(crate) scheme: String,
    /// Host as serialized (punycode, IPv6 in brackets); empty when the URL has none.
    pub(crate) host: String,
    /// The port written in the URL, `None` when absent or the scheme's default.
    pub(crate) port: Option<u16>,
    /// The whole URL, serialized (`href`).
    pub(crate) href: String,
    /// The ASCII serialization of its origin (`https://a.example:8443`, or `null`).
    pub(crate) origin: String,
}

impl WebUrl {
    /// Parses an absolute URL; `None` when the parser refuses it.
    pub(crate) fn parse(s: &str) -> Option<WebUrl> {
        imp::parse(s)
    }

    /// The explicit port, else the scheme's default (`url`'s `port_or_known_default`).
    pub(crate) fn port_or_known_default(&self) -> Option<u16> {
        self.port.or(match self.scheme.as_str() {
            "http" | "ws" => Some(80),
            "https" | "wss" => Some(443),
            "ftp" => Some(21),
            _ => None,
        })
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::WebUrl;

    pub(super) fn parse(s: &str) -> Option<WebUrl> {
        let url = web_sys::Url::new(s).ok()?;
        let protocol = url.protocol();
        let port = url.port();
        Some(WebUrl {
            scheme: protocol.strip_suffix(':').unwrap_or(&protocol).to_string(),
            host: url.hostname(),
            // The parser has checked it: digits only, at most 65535; "" means none or default.
            port: port.parse().ok(),
            href: url.href(),
            origin: url.origin(),
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::WebUrl;

    pub(super) fn parse(s: &str) -> Option<WebUrl> {
        let url = url::Url::parse(s).ok()?;
        Some(WebUrl {
            scheme: url.scheme().to_string(),
            host: url.host_str().unwrap_or_default().to_string(),
            port: url.port(),
            href: url.as_str().to_string(),
            origin: url.origin().ascii_serialization(),
        })
    }
}

#[cfg(test)]
mod tests {
    //! Run on both targets: natively against `url`, in wasm against the JS `URL` (Node's or a
    //! browser's), so the two implementations are held to the same answers.
    use super::WebUrl;

    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn parse(s: &str) -> WebUrl {
        WebUrl::parse(s).unwrap_or_else(|| panic!("{s} should parse"))
    }

    #[test]
    fn parts_of_plain_urls() {
        let u = parse(" HTTPS://Docs.Example.COM:443/ ");
        assert_eq!(u.scheme, "https");
        assert_eq!(u.host, "docs.example.com");
        assert_eq!(u.port, None);
        assert_eq!(u.port_or_known_default(), Some(443));
        assert_eq!(u.href, "https://docs.example.com/");
        assert_eq!(u.origin, "https://docs.example.com");

        let u = parse("http://127.0.0.1:8092");
        assert_eq!(
            (u.port, u.href.as_str()),
            (Some(8092), "http://127.0.0.1:8092/")
        );
        assert_eq!(u.origin, "http://127.0.0.1:8092");

        let u = parse("http://[::1]:8080/x");
        assert_eq!(
            (u.host.as_str(), u.origin.as_str()),
            ("[::1]", "http://[::1]:8080")
        );
    }

    #[test]
    fn international_hosts_become_punycode() {
        let u = parse("https://Bücher.example/");
        assert_eq!(u.host, "xn--bcher-kva.example");
        assert_eq!(u.origin, "https://xn--bcher-kva.example");
    }

    #[test]
    fn paths_queries_and_credentials_stay_in_href() {
        let u = parse("https://user:pw@a.example/p a?q=1 2#f");
        assert_eq!(u.href, "https://user:pw@a.example/p%20a?q=1%202#f");
        assert_eq!(u.origin, "https://a.example");
        assert_eq!(parse("https://a.example/?").href, "https://a.example/?");
        assert_eq!(parse("https://a.example/#").href, "https://a.example/#");
    }

    #[test]
    fn other_schemes_and_refusals() {
        let u = parse("ftp://a.example");
        assert_eq!(
            (u.port_or_known_default(), u.origin.as_str()),
            (Some(21), "ftp://a.example")
        );
        let u = parse("mailto:x@a.example");
        assert_eq!((u.host.as_str(), u.origin.as_str()), ("", "null"));
        assert_eq!(u.port_or_known_default(), None);
        for bad in [
            "a.example.com",
            "",
            "http://",
            "http://a:99999",
            "http://[::1",
            "https://a b",
        ] {
            assert!(WebUrl::parse(bad).is_none(), "{bad}");
        }
    }
}
