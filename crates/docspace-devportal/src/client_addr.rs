//! Which address a request comes from.
//!
//! Behind the `docspace-host` proxy every request arrives from the host's own address, so
//! per-address decisions (the sign-in guard, anonymous rate-limit partitions) would lump all
//! users together. The proxy therefore names the browser's address in `X-Forwarded-For`, and
//! proves it is the proxy with a secret shared at start-up. This is the rule of ASP.NET Core,
//! which DocSpace's server runs on: its forwarded-headers middleware believes `X-Forwarded-For`
//! only from known proxies (`ForwardedHeadersOptions.KnownProxies`). On loopback an address
//! cannot tell the proxy apart from any other local process, hence a secret rather than a list.

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::HeaderMap;
use axum::http::request::Parts;

/// The header by which the trusted proxy proves itself.
pub const PROXY_SECRET_HEADER: &str = "x-docspace-proxy-secret";

/// The client's address: the last `X-Forwarded-For` entry when the request carries the trusted
/// proxy's secret (the proxy appends the address it saw), else the TCP peer. `None` when the
/// server runs without connect info (handler tests).
pub fn client_ip(parts: &Parts, trusted_proxy_secret: Option<&str>) -> Option<IpAddr> {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ci| ci.0.ip());
    forwarded_by_trusted_proxy(&parts.headers, trusted_proxy_secret).or(peer)
}

fn forwarded_by_trusted_proxy(headers: &HeaderMap, secret: Option<&str>) -> Option<IpAddr> {
    let secret = secret.filter(|s| !s.is_empty())?;
    let presented = headers.get(PROXY_SECRET_HEADER)?.as_bytes();
    if !constant_time_eq(presented, secret.as_bytes()) {
        return None;
    }
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .next_back()
        .and_then(|ip| ip.trim().parse().ok())
}

use crate::auth::constant_time_eq;

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request;

    fn parts(headers: &[(&str, &str)], peer: &str) -> Parts {
        let mut req = Request::builder().uri("/api/2.0/authentication");
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let (mut parts, ()) = req.body(()).expect("request").into_parts();
        parts
            .extensions
            .insert(ConnectInfo::<SocketAddr>(peer.parse().expect("peer")));
        parts
    }

    #[test]
    fn the_trusted_proxy_names_the_client() {
        let p = parts(
            &[
                (PROXY_SECRET_HEADER, "s3cret"),
                ("x-forwarded-for", "203.0.113.9, 198.51.100.7"),
            ],
            "127.0.0.1:5000",
        );
        assert_eq!(
            client_ip(&p, Some("s3cret")),
            Some("198.51.100.7".parse().expect("ip")),
            "the last hop is the one the proxy itself appended"
        );
    }

    #[test]
    fn anyone_else_is_their_tcp_peer() {
        let peer: IpAddr = "127.0.0.1".parse().expect("ip");
        let forged = [("x-forwarded-for", "198.51.100.7")];
        assert_eq!(
            client_ip(&parts(&forged, "127.0.0.1:5000"), Some("s3cret")),
            Some(peer),
            "no secret"
        );
        let wrong = [
            (PROXY_SECRET_HEADER, "guess"),
            ("x-forwarded-for", "198.51.100.7"),
        ];
        assert_eq!(
            client_ip(&parts(&wrong, "127.0.0.1:5000"), Some("s3cret")),
            Some(peer),
            "a wrong secret"
        );
        let right = [
            (PROXY_SECRET_HEADER, "s3cret"),
            ("x-forwarded-for", "198.51.100.7"),
        ];
        assert_eq!(
            client_ip(&parts(&right, "127.0.0.1:5000"), None),
            Some(peer),
            "a portal that trusts no proxy"
        );
        let garbage = [(PROXY_SECRET_HEADER, "s3cret"), ("x-forwarded-for", "nope")];
        assert_eq!(
            client_ip(&parts(&garbage, "127.0.0.1:5000"), Some("s3cret")),
            Some(peer),
            "an unreadable forwarded address"
        );
    }
}
