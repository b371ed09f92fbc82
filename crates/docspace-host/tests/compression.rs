//! The host compresses the portal's answers for browsers that accept it (unless the portal
//! already did), byte-exact once decompressed.

use axum::routing::get;
use docspace_host::{HostConfig, PortalTarget};

/// A portal stand-in that never compresses: a rooms page of 15 KB of JSON.
async fn plain_portal() -> (String, String) {
    let rooms: Vec<_> = (0..60)
        .map(|i| {
            serde_json::json!({"id": i, "title": format!("Room {i}"), "roomType": 2,
                               "created": "2024-01-01T03:00:00.0000000+00:00",
                               "createdBy": {"displayName": "Owner", "email": "owner@example.com"}})
        })
        .collect();
    let body = serde_json::json!({"response": {"folders": rooms}, "status": 0, "statusCode": 200})
        .to_string();
    let answer = body.clone();
    let app = axum::Router::new().route(
        "/api/2.0/files/rooms",
        get(move || {
            let answer = answer.clone();
            async move {
                (
                    [("content-type", "application/json; charset=utf-8")],
                    answer,
                )
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (url, body)
}

#[tokio::test]
async fn proxied_json_is_brotli_for_browsers_and_plain_for_others() {
    let (portal, body) = plain_portal().await;
    let dist = tempfile::tempdir().expect("tempdir");
    std::fs::write(dist.path().join("index.html"), "<!doctype html>").expect("index");
    let host = docspace_host::start(HostConfig {
        addr: "127.0.0.1:0".parse().expect("addr"),
        dist: dist.path().to_path_buf(),
        portal: PortalTarget::Remote(portal),
        ..HostConfig::default()
    })
    .await
    .expect("host");
    let raw = reqwest::Client::builder()
        .no_brotli()
        .no_gzip()
        .build()
        .expect("client");
    let url = format!("{}/api/2.0/files/rooms", host.base_url());
    let plain = raw.get(&url).send().await.expect("plain");
    assert_eq!(plain.headers().get("content-encoding"), None);
    assert_eq!(plain.text().await.expect("text"), body);
    let br = raw
        .get(&url)
        .header("accept-encoding", "gzip, deflate, br")
        .send()
        .await
        .expect("br");
    assert_eq!(
        br.headers()
            .get("content-encoding")
            .and_then(|v| v.to_str().ok()),
        Some("br")
    );
    let bytes = br.bytes().await.expect("bytes");
    let mut out = Vec::new();
    brotli_decompressor::BrotliDecompress(&mut std::io::Cursor::new(&bytes[..]), &mut out)
        .expect("valid brotli");
    assert_eq!(String::from_utf8(out).expect("utf-8"), body);
    assert!(
        bytes.len() * 5 < body.len(),
        "{} bytes brotli for {} plain",
        bytes.len(),
        body.len()
    );
    println!(
        "rooms page: {} bytes plain, {} bytes brotli",
        body.len(),
        bytes.len()
    );
}
