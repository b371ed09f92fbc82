//! The host over real HTTP: static files, runtime config, and the proxy to a devportal.

use docspace_devportal::PortalConfig;
use docspace_host::{HostConfig, PortalTarget, RunningHost};

fn dist() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("index.html"),
        "<!doctype html><title>app</title><script type=\"module\">boot()</script>",
    )
    .expect("index");
    std::fs::write(dir.path().join("app-0123456789abcdef.js"), "console.log(1)").expect("asset");
    std::fs::write(dir.path().join("robots.txt"), "User-agent: *").expect("unhashed file");
    dir
}

async fn host(
    dist: &std::path::Path,
    portal: PortalTarget,
    api_key: Option<String>,
) -> RunningHost {
    docspace_host::start(HostConfig {
        addr: "127.0.0.1:0".parse().expect("addr"),
        dist: dist.to_path_buf(),
        portal,
        api_key,
        ..HostConfig::default()
    })
    .await
    .expect("host starts")
}

#[tokio::test]
async fn proxies_the_api_adding_the_held_key() {
    let portal = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("portal");
    let d = dist();
    let h = host(
        d.path(),
        PortalTarget::Remote(portal.base_url()),
        Some(portal.owner.api_key.clone()),
    )
    .await;
    let resp = reqwest::Client::new()
        .get(format!("{}/api/2.0/people/@self", h.base_url()))
        .header(docspace_api::HOST_KEY_HEADER, "1")
        .send()
        .await
        .expect("get");
    assert_eq!(resp.status().as_u16(), 200);
    let v: serde_json::Value = resp.json().await.expect("json");
    assert_eq!(v["response"]["email"], "owner@example.com");
}

#[tokio::test]
async fn passes_the_callers_own_credentials_and_the_portals_refusal_through() {
    let portal = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("portal");
    let d = dist();
    let h = host(
        d.path(),
        PortalTarget::Remote(portal.base_url()),
        Some(portal.owner.api_key.clone()),
    )
    .await;
    let resp = reqwest::Client::new()
        .get(format!("{}/api/2.0/people/@self", h.base_url()))
        .header("Authorization", format!("Bearer sk-{}", "4".repeat(64)))
        .send()
        .await
        .expect("get");
    assert_eq!(
        resp.status().as_u16(),
        401,
        "the caller's own (wrong) key wins over the held one"
    );
    assert!(resp.text().await.expect("body").is_empty());
}

#[tokio::test]
async fn a_dead_portal_gets_a_502_in_docspace_shape() {
    // A port free on 127.0.0.1, at 127.0.0.2: the test servers bind 127.0.0.1 only, so nothing
    // started beside this test can come to answer there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let d = dist();
    let h = host(
        d.path(),
        PortalTarget::Remote(format!("http://127.0.0.2:{port}")),
        None,
    )
    .await;
    let resp = reqwest::get(format!("{}/api/2.0/people/@self", h.base_url()))
        .await
        .expect("get");
    assert_eq!(resp.status().as_u16(), 502);
    let v: serde_json::Value = resp.json().await.expect("json");
    assert_eq!(v["statusCode"], 502);
    assert!(
        v["error"]["message"]
            .as_str()
            .expect("message")
            .contains("cannot be reached")
    );
}

#[tokio::test]
async fn serves_the_app_with_spa_fallback_and_cache_policy() {
    let d = dist();
    let h = host(
        d.path(),
        PortalTarget::Remote("http://127.0.0.1:9".into()),
        None,
    )
    .await;
    let resp = reqwest::get(format!("{}/rooms/42", h.base_url()))
        .await
        .expect("get");
    assert_eq!(resp.status().as_u16(), 200);
    assert_eq!(resp.headers()["cache-control"], "no-cache");
    assert!(
        resp.text()
            .await
            .expect("body")
            .contains("<title>app</title>")
    );
    let resp = reqwest::get(format!("{}/app-0123456789abcdef.js", h.base_url()))
        .await
        .expect("get");
    assert_eq!(
        resp.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(resp.headers()["x-content-type-options"], "nosniff");
    let resp = reqwest::get(format!("{}/robots.txt", h.base_url()))
        .await
        .expect("get");
    assert_eq!(
        resp.headers()["cache-control"],
        "no-cache",
        "a file without a content hash may change under its name"
    );
    let cfg: serde_json::Value = reqwest::get(format!("{}/docspace-config.json", h.base_url()))
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(cfg["portalUrl"], "http://127.0.0.1:9");
}

#[tokio::test]
async fn starts_an_embedded_devportal_and_acts_as_its_owner_when_asked() {
    let d = dist();
    let h = docspace_host::start(HostConfig {
        addr: "127.0.0.1:0".parse().expect("addr"),
        dist: d.path().to_path_buf(),
        portal: PortalTarget::Embedded(PortalConfig::for_tests()),
        owner_key_for_embedded: true,
        ..HostConfig::default()
    })
    .await
    .expect("host starts");
    let embedded = h.embedded.as_ref().expect("embedded portal");
    assert_eq!(h.portal_url(), embedded.base_url());
    let v: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/api/2.0/people/@self", h.base_url()))
        .header(docspace_api::HOST_KEY_HEADER, "1")
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(
        v["response"]["displayName"],
        embedded.owner.display_name.as_str()
    );
}

#[tokio::test]
async fn an_embedded_devportal_is_suggested_for_sign_in_but_not_acted_for() {
    let d = dist();
    let h = host(
        d.path(),
        PortalTarget::Embedded(PortalConfig::for_tests()),
        None,
    )
    .await;
    let embedded = h.embedded.as_ref().expect("embedded portal");
    let resp = reqwest::get(format!("{}/docspace-config.json", h.base_url()))
        .await
        .expect("get");
    assert_eq!(resp.headers()["cache-control"], "no-store");
    let cfg: serde_json::Value = resp.json().await.expect("json");
    assert_eq!(cfg["hostKey"], false);
    assert_eq!(cfg["demo"]["email"], embedded.owner.email.as_str());
    assert_eq!(
        cfg["demo"]["displayName"],
        embedded.owner.display_name.as_str()
    );
    let text = cfg.to_string();
    assert!(
        !text.contains(&embedded.owner.password) && !text.contains(&embedded.owner.api_key),
        "no secret in the runtime configuration"
    );
    let resp = reqwest::get(format!("{}/api/2.0/people/@self", h.base_url()))
        .await
        .expect("get");
    assert_eq!(
        resp.status().as_u16(),
        401,
        "without a sign-in the host does not act for anyone"
    );
}

#[tokio::test]
async fn pages_carry_a_strict_csp_that_admits_the_portal_and_the_bootstrap() {
    let d = dist();
    let h = host(
        d.path(),
        PortalTarget::Remote("http://127.0.0.1:9/ignored/path".into()),
        None,
    )
    .await;
    let resp = reqwest::get(format!("{}/rooms", h.base_url()))
        .await
        .expect("get");
    let csp = resp.headers()["content-security-policy"]
        .to_str()
        .expect("ascii")
        .to_string();
    let directive = |name: &str| {
        csp.split("; ")
            .find(|d| d.split(' ').next() == Some(name))
            .unwrap_or_else(|| panic!("no {name} in {csp}"))
            .to_string()
    };
    assert_eq!(directive("default-src"), "default-src 'none'");
    let script = directive("script-src");
    assert!(script.contains("'self'") && script.contains("'wasm-unsafe-eval'"));
    assert!(
        script.contains("http://127.0.0.1:9") && !script.contains("ignored"),
        "{script}"
    );
    assert!(
        script.contains("'sha256-"),
        "the inline bootstrap is allowed by hash: {script}"
    );
    assert!(!script.contains("'unsafe-inline'"));
    assert_eq!(directive("frame-src"), "frame-src http://127.0.0.1:9");
    assert_eq!(
        directive("connect-src"),
        "connect-src 'self' http://127.0.0.1:9"
    );
    assert_eq!(directive("object-src"), "object-src 'none'");
    assert_eq!(directive("frame-ancestors"), "frame-ancestors 'none'");
    let js = reqwest::get(format!("{}/app-0123456789abcdef.js", h.base_url()))
        .await
        .expect("get");
    assert!(js.headers().get("content-security-policy").is_none());
}

#[tokio::test]
async fn serves_precompressed_files_to_clients_that_accept_them() {
    let d = dist();
    std::fs::write(d.path().join("app-0123456789abcdef.js.br"), b"BROTLI").expect("br");
    std::fs::write(d.path().join("app-0123456789abcdef.js.gz"), b"GZIP").expect("gz");
    let h = host(
        d.path(),
        PortalTarget::Remote("http://127.0.0.1:9".into()),
        None,
    )
    .await;
    let raw = reqwest::Client::builder()
        .no_brotli()
        .no_gzip()
        .build()
        .expect("client");
    let url = format!("{}/app-0123456789abcdef.js", h.base_url());
    for (accept, encoding, body) in [("br", "br", "BROTLI"), ("gzip", "gzip", "GZIP")] {
        let resp = raw
            .get(&url)
            .header("accept-encoding", accept)
            .send()
            .await
            .expect("get");
        assert_eq!(resp.headers()["content-encoding"], encoding);
        assert_eq!(resp.text().await.expect("body"), body);
    }
    let plain = raw.get(&url).send().await.expect("get");
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.text().await.expect("body"), "console.log(1)");
}

/// A stand-in portal that refuses everything with DocSpace's empty-body 429.
async fn rate_limited_portal() -> (String, tokio::task::JoinHandle<()>) {
    use axum::http::{HeaderMap, StatusCode};
    let app = axum::Router::new().fallback(|| async {
        let mut h = HeaderMap::new();
        h.insert("x-ratelimit-limit", "1500".parse().expect("value"));
        h.insert("x-ratelimit-remaining", "0".parse().expect("value"));
        h.insert("x-ratelimit-reset", "1767225600".parse().expect("value"));
        h.insert("retry-after", "42".parse().expect("value"));
        (StatusCode::TOO_MANY_REQUESTS, h)
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (url, task)
}

#[tokio::test]
async fn passes_429_and_rate_limit_headers_through() {
    let (portal, task) = rate_limited_portal().await;
    let d = dist();
    let h = host(d.path(), PortalTarget::Remote(portal), None).await;
    let resp = reqwest::Client::new()
        .post(format!("{}/api/2.0/files/rooms", h.base_url()))
        .json(&serde_json::json!({"title": "x", "roomType": 6}))
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status().as_u16(), 429);
    let header = |n: &str| {
        resp.headers()
            .get(n)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(header("x-ratelimit-limit"), "1500");
    assert_eq!(header("x-ratelimit-remaining"), "0");
    assert_eq!(header("x-ratelimit-reset"), "1767225600");
    assert_eq!(header("retry-after"), "42");
    assert!(resp.text().await.expect("body").is_empty());
    task.abort();
}

#[tokio::test]
async fn keeps_cookies_out_of_the_proxy_in_both_directions() {
    use axum::http::{HeaderMap, header};
    // A stand-in portal that tells whether a cookie reached it, and tries to set one.
    let app = axum::Router::new().fallback(|headers: HeaderMap| async move {
        let got = headers.contains_key(header::COOKIE).to_string();
        (
            [(header::SET_COOKIE, "asc_auth_key=abc; Path=/; HttpOnly")],
            got,
        )
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let portal = format!("http://{}", listener.local_addr().expect("addr"));
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    let d = dist();
    let h = host(d.path(), PortalTarget::Remote(portal.clone()), None).await;
    let direct = reqwest::Client::new()
        .get(format!("{portal}/api/2.0/authentication"))
        .header("cookie", "asc_auth_key=stolen")
        .send()
        .await
        .expect("direct");
    assert!(
        direct.headers().contains_key("set-cookie"),
        "the stand-in does set cookies"
    );
    assert_eq!(direct.text().await.expect("body"), "true");
    let proxied = reqwest::Client::new()
        .get(format!("{}/api/2.0/authentication", h.base_url()))
        .header("cookie", "asc_auth_key=stolen")
        .send()
        .await
        .expect("proxied");
    assert!(!proxied.headers().contains_key("set-cookie"));
    assert_eq!(
        proxied.text().await.expect("body"),
        "false",
        "the cookie was not forwarded"
    );
    task.abort();
}
