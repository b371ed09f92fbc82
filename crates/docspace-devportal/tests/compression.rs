//! Answers are compressed for clients that accept it, byte-exact once decompressed, as DocSpace's
//! nginx compresses its API and scripts.

mod common;

use common::*;

/// GET `path` with `Accept-Encoding: accept` (or none); returns `Content-Encoding` and the raw
/// bytes as they came over the wire.
async fn fetch(
    portal: &docspace_devportal::RunningPortal,
    path: &str,
    accept: Option<&str>,
    auth: Option<&str>,
) -> (Option<String>, Vec<u8>) {
    // Bytes as sent: the client must not decompress on its own.
    let raw = reqwest::Client::builder()
        .no_brotli()
        .no_gzip()
        .build()
        .expect("client");
    let mut req = raw.get(format!("{}{}", portal.base_url(), path));
    if let Some(a) = accept {
        req = req.header("accept-encoding", a);
    }
    if let Some(a) = auth {
        req = req.header("authorization", a);
    }
    let resp = req.send().await.expect("request");
    assert_eq!(resp.status().as_u16(), 200, "{path}");
    let encoding = resp
        .headers()
        .get("content-encoding")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    (encoding, resp.bytes().await.expect("body").to_vec())
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli_decompressor::BrotliDecompress(&mut std::io::Cursor::new(bytes), &mut out)
        .expect("valid brotli");
    out
}

#[tokio::test]
async fn scripts_and_api_answers_are_brotli_for_browsers_and_plain_for_others() {
    let p = portal().await;
    let owner = format!("Bearer {}", p.owner.api_key);
    for (path, auth) in [
        ("/static/scripts/sdk/2.1.0/api.js", None),
        ("/static/scripts/sdk/2.0.0/api.js", None),
        ("/static/devportal/frames/js/items.js", None),
        ("/api/2.0/files/rooms", Some(owner.as_str())),
    ] {
        let (plain_encoding, plain) = fetch(&p, path, None, auth).await;
        assert_eq!(
            plain_encoding, None,
            "{path}: identity without Accept-Encoding"
        );
        let (encoding, compressed) = fetch(&p, path, Some("gzip, deflate, br"), auth).await;
        assert_eq!(encoding.as_deref(), Some("br"), "{path}");
        assert!(
            compressed.len() * 2 < plain.len(),
            "{path}: {} bytes brotli for {} plain",
            compressed.len(),
            plain.len()
        );
        assert_eq!(unbrotli(&compressed), plain, "{path}: byte-exact");
    }
}
