//! The held API key is the host's own app's, and no other page's: each way another site could
//! borrow it, tried over real HTTP against a devportal.

use docspace_api::HOST_KEY_HEADER;
mod support;

use docspace_devportal::{PortalConfig, RunningPortal};
use docspace_host::{HostConfig, PortalTarget, RunningHost};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

async fn host_with_key() -> (RunningPortal, RunningHost, tempfile::TempDir) {
    support::portal_and_host("<!doctype html><title>app</title>", true).await
}

/// The owner's keys, as the owner sees them on the portal itself.
async fn key_count(portal: &RunningPortal) -> usize {
    let v: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/api/2.0/keys", portal.base_url()))
        .bearer_auth(&portal.owner.api_key)
        .send()
        .await
        .expect("keys")
        .json()
        .await
        .expect("json");
    v["response"].as_array().map_or(0, Vec::len)
}

/// A raw HTTP/1.1 exchange, so the path goes out exactly as written (HTTP clients resolve `..`).
async fn raw(host: &RunningHost, request_head: &str) -> (u16, String) {
    let mut s = tokio::net::TcpStream::connect(host.addr)
        .await
        .expect("connect");
    s.write_all(request_head.as_bytes()).await.expect("write");
    let mut out = Vec::new();
    let read =
        tokio::time::timeout(std::time::Duration::from_secs(10), s.read_to_end(&mut out)).await;
    assert!(read.is_ok(), "the host answered in time");
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, text)
}

#[tokio::test]
async fn a_cross_site_page_cannot_mint_a_key_through_the_host() {
    let (portal, host, _d) = host_with_key().await;
    let before = key_count(&portal).await;
    // What a foreign page's `fetch(..., {method: "POST", body: "..."})` sends: a simple request
    // with no preflight. The marker header could not be among them (it would need a preflight),
    // but try it both ways.
    for with_marker in [false, true] {
        let mut req = reqwest::Client::new()
            .post(format!("{}/api/2.0/keys", host.base_url()))
            .header("content-type", "text/plain")
            .header("origin", "http://evil.example")
            .header("sec-fetch-site", "cross-site")
            .body(r#"{"name":"stolen","permissions":["*"]}"#);
        if with_marker {
            req = req.header(HOST_KEY_HEADER, "1");
        }
        let resp = req.send().await.expect("post");
        assert_eq!(resp.status().as_u16(), 401, "marker {with_marker}");
        assert!(
            resp.headers().get("access-control-allow-origin").is_none(),
            "no CORS permission for other origins"
        );
    }
    assert_eq!(key_count(&portal).await, before, "no key was created");
}

#[tokio::test]
async fn the_key_goes_only_with_the_marker_from_the_hosts_own_origin_and_name() {
    let (_portal, host, _d) = host_with_key().await;
    let url = format!("{}/api/2.0/people/@self", host.base_url());
    let own_origin = host.base_url();
    let status = |extra: Vec<(&'static str, String)>| {
        let url = url.clone();
        async move {
            let mut req = reqwest::Client::new().get(url);
            for (k, v) in extra {
                req = req.header(k, v);
            }
            req.send().await.expect("get").status().as_u16()
        }
    };
    let marker = (HOST_KEY_HEADER, "1".to_string());
    assert_eq!(
        status(vec![
            marker.clone(),
            ("sec-fetch-site", "same-origin".into()),
            ("origin", own_origin.clone()),
        ])
        .await,
        200,
        "the app's own request"
    );
    assert_eq!(status(vec![]).await, 401, "no marker: an <img> or a form");
    assert_eq!(
        status(vec![marker.clone(), ("sec-fetch-site", "same-site".into())]).await,
        401,
        "a page on another port of the same host"
    );
    assert_eq!(
        status(vec![
            marker.clone(),
            ("origin", "http://evil.example".into())
        ])
        .await,
        401,
        "a foreign origin"
    );
    assert_eq!(
        status(vec![
            marker.clone(),
            ("host", format!("rebound.example:{}", host.addr.port())),
        ])
        .await,
        401,
        "a DNS-rebound name"
    );
}

#[tokio::test]
async fn preflights_get_no_permission() {
    let (_portal, host, _d) = host_with_key().await;
    let resp = reqwest::Client::new()
        .request(
            reqwest::Method::OPTIONS,
            format!("{}/api/2.0/keys", host.base_url()),
        )
        .header("origin", "http://evil.example")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", HOST_KEY_HEADER)
        .send()
        .await
        .expect("options");
    assert!(
        !resp
            .headers()
            .keys()
            .any(|k| k.as_str().starts_with("access-control-")),
        "{:?}",
        resp.headers()
    );
}

#[tokio::test]
async fn the_proxy_never_leaves_api_2_0() {
    let (portal, host, _d) = host_with_key().await;
    let stats_requests = || async {
        let v: serde_json::Value = reqwest::Client::new()
            .get(format!("{}/devportal/stats", portal.base_url()))
            .bearer_auth(&portal.owner.api_key)
            .send()
            .await
            .expect("stats")
            .json()
            .await
            .expect("json");
        v.to_string()
    };
    let before = stats_requests().await;
    for path in [
        "/api/2.0/../../devportal/stats",
        "/api/2.0/%2e%2e/%2e%2e/devportal/stats",
        "/api/2.0/%2E%2E/%2E%2E/devportal/stats",
        "/api/2.0/.%2e/.%2E/devportal/stats",
        "/api/2.0/..%2f..%2fdevportal/stats",
        "/api/2.0/..\\..\\devportal/stats",
    ] {
        let (status, text) = raw(
            &host,
            &format!(
                "GET {path} HTTP/1.1\r\nHost: {}\r\n{HOST_KEY_HEADER}: 1\r\nConnection: close\r\n\r\n",
                host.addr
            ),
        )
        .await;
        assert_eq!(status, 400, "{path}: {text}");
        assert!(text.contains("\"statusCode\":400"), "{path}: {text}");
    }
    // The portal's own counters: none of those requests reached it (reading the counters is the
    // only traffic in between, and it is not counted as an API request).
    assert_eq!(stats_requests().await, before);
}

#[tokio::test]
async fn the_browser_cannot_choose_the_address_the_portal_sees() {
    // With an embedded devportal the host proves its X-Forwarded-For with a shared secret; a
    // browser that sends its own X-Forwarded-For or a guessed secret is its TCP peer still. The
    // sign-in guard keys on that address: lock out a login from a claimed address, then show the
    // real address is the one locked.
    let dist = tempfile::tempdir().expect("tempdir");
    std::fs::write(dist.path().join("index.html"), "<!doctype html>").expect("index");
    let host = docspace_host::start(HostConfig {
        addr: "127.0.0.1:0".parse().expect("addr"),
        dist: dist.path().to_path_buf(),
        portal: PortalTarget::Embedded(PortalConfig::for_tests()),
        ..HostConfig::default()
    })
    .await
    .expect("host starts");
    let sign_in = |from: &'static str, claimed: &'static str| {
        let url = format!("{}/api/2.0/authentication", host.base_url());
        async move {
            let client = reqwest::Client::builder()
                .local_address(from.parse::<std::net::IpAddr>().expect("ip"))
                .build()
                .expect("client");
            client
                .post(url)
                .header("x-forwarded-for", claimed)
                .header("x-docspace-proxy-secret", "a-guess")
                .json(&serde_json::json!({"userName": "owner@example.com", "password": "wrong"}))
                .send()
                .await
                .expect("sign in")
                .status()
                .as_u16()
        }
    };
    // Five wrong passwords from 127.0.0.2, each claiming another address: if the portal believed
    // the claims, no address would reach DocSpace's limit of five failures.
    for claimed in [
        "198.51.100.1",
        "198.51.100.2",
        "198.51.100.3",
        "198.51.100.4",
        "198.51.100.5",
    ] {
        assert_eq!(sign_in("127.0.0.2", claimed).await, 401, "{claimed}");
    }
    assert_eq!(
        sign_in("127.0.0.2", "198.51.100.6").await,
        403,
        "the next attempt from the one real address is blocked"
    );
    // The host states each browser's own address: another client of the same host is not
    // locked out with the first (it would be, were all keyed by the host's address).
    assert_eq!(sign_in("127.0.0.3", "198.51.100.2").await, 401);
}
