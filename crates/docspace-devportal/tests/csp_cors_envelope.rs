//! CSP settings, CORS as DocSpace, and the envelope's shared behaviour: `links`, `count`,
//! `?fields=`, unknown routes, oversize and malformed bodies.

mod common;

use common::{Api, portal_with, unlimited_portal};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn csp_is_readable_anonymously_and_writable_by_admins_only() {
    let p = portal_with(|c| c.allow_origins = vec!["http://127.0.0.1:18081".into()]).await;
    let anon = Api::anonymous(&p);
    let r = anon.get("/api/2.0/security/csp").await.expect(200);
    assert_eq!(r.response()["domains"], json!(["http://127.0.0.1:18081"]));
    assert!(
        r.response()["header"]
            .as_str()
            .is_some_and(|h| h.contains("frame-ancestors 'self' http://127.0.0.1:18081;"))
    );
    assert_eq!(r.headers["access-control-allow-origin"], "*");
    assert_eq!(r.headers["cache-control"], "private, no-cache");
    let modified = r.headers["last-modified"]
        .to_str()
        .expect("ascii")
        .to_string();
    assert!(
        modified.len() == 19 && &modified[2..3] == "/",
        "MM/dd/yyyy HH:mm:ss: {modified}"
    );
    let cached = anon
        .clone()
        .header("If-Modified-Since", &modified)
        .get("/api/2.0/security/csp")
        .await;
    assert_eq!(cached.status, 304);
    let owner = Api::owner(&p);
    let set = owner
        .post_ok("/api/2.0/security/csp", json!({ "domains": ["https://app.example.com", "*.partner.io", "example.org", "https://app.example.com/"] })).await;
    assert_eq!(
        set["domains"],
        json!(["https://app.example.com", "*.partner.io", "example.org"])
    );
    assert_eq!(
        anon.get_ok("/api/2.0/security/csp").await["domains"],
        set["domains"]
    );
    for bad in [
        "exämple.com",
        "ftp://x.com",
        "https://x.com/path",
        "x.com:70000",
        "a b",
        "",
    ] {
        owner
            .post("/api/2.0/security/csp", json!({ "domains": [bad] }))
            .await
            .expect_error(400, bad);
    }
    let many: Vec<String> = (0..400)
        .map(|i| format!("https://very-long-subdomain-number-{i}.example.com"))
        .collect();
    owner
        .post("/api/2.0/security/csp", json!({ "domains": many }))
        .await
        .expect_error(403, "too long");
    assert_eq!(
        anon.get_ok("/api/2.0/security/csp").await["domains"],
        set["domains"],
        "refused lists change nothing"
    );
    anon.post("/api/2.0/security/csp", json!({ "domains": [] }))
        .await
        .expect_empty(401);
}

#[tokio::test]
async fn only_admins_change_the_csp_list() {
    let p = unlimited_portal().await;
    for (who, status) in [
        (common::ADMIN, 200),
        (common::ROOM_ADMIN, 403),
        (common::USER, 403),
        (common::GUEST, 403),
    ] {
        let api = common::login(&p, who).await;
        assert_eq!(
            api.post(
                "/api/2.0/security/csp",
                json!({ "domains": ["https://a.example"] })
            )
            .await
            .status,
            status,
            "{who}"
        );
    }
}

#[tokio::test]
async fn cors_preflight_and_headers_follow_docspace() {
    let p = unlimited_portal().await;
    let resp = common::http()
        .request(
            Method::OPTIONS,
            format!("{}/api/2.0/files/rooms", p.base_url()),
        )
        .header("Origin", "https://elsewhere.example")
        .header("Access-Control-Request-Method", "PUT")
        .header(
            "Access-Control-Request-Headers",
            "authorization, content-type, request-token",
        )
        .send()
        .await
        .expect("preflight");
    assert_eq!(resp.status().as_u16(), 204);
    let h = resp.headers();
    assert_eq!(h["access-control-allow-origin"], "*");
    assert_eq!(
        h["access-control-allow-headers"],
        "authorization, content-type, request-token"
    );
    assert!(
        h["access-control-allow-methods"]
            .to_str()
            .expect("ascii")
            .contains("PUT")
    );
    assert!(h.get("access-control-allow-credentials").is_none());
    // Errors carry CORS too, so browsers can read them.
    let r = Api::anonymous(&p)
        .get("/api/2.0/files/rooms")
        .await
        .expect_empty(401);
    assert_eq!(r.headers["access-control-allow-origin"], "*");
}

#[tokio::test]
async fn the_envelope_links_counts_and_prunes_fields() {
    let p = unlimited_portal().await;
    let api = Api::owner(&p);
    let r = api
        .get("/api/2.0/files/rooms?count=2&fields=folders.title,folders.roomType,total")
        .await
        .expect(200)
        .json();
    assert_eq!(
        r["links"][0]["href"],
        format!(
            "{}/api/2.0/files/rooms?count=2&fields=folders.title,folders.roomType,total",
            api.base()
        )
    );
    assert_eq!(r["links"][0]["action"], "GET");
    assert_eq!(r["count"], 1);
    assert_eq!(r["statusCode"], 200);
    let resp = r["response"].as_object().expect("object");
    assert_eq!(resp.keys().collect::<Vec<_>>(), vec!["folders", "total"]);
    for f in r["response"]["folders"].as_array().expect("folders") {
        assert_eq!(f.as_object().map(|o| o.len()), Some(2), "{f}");
    }
    let people = api
        .get("/api/2.0/people?fields=email")
        .await
        .expect(200)
        .json();
    assert_eq!(people["count"], 5);
    assert!(
        people["response"]
            .as_array()
            .expect("array")
            .iter()
            .all(|u| u.as_object().map(|o| o.len()) == Some(1))
    );
    // Void actions omit `response` and count 0.
    let tags = api
        .delete("/api/2.0/files/tags", json!({ "names": ["legal"] }))
        .await
        .expect(200)
        .json();
    assert!(tags.get("response").is_none());
    assert_eq!(tags["count"], 0);
}

#[tokio::test]
async fn unknown_routes_and_bad_bodies_are_answered_without_crashing() {
    let p = unlimited_portal().await;
    let api = Api::owner(&p);
    for path in [
        "/api/2.0/nope",
        "/api/2.0/files/rooms/1/teleport",
        "/api/2.0/",
    ] {
        let r = api.get(path).await;
        assert_eq!(r.status, 404, "{path}");
        assert!(r.body.is_empty(), "plain 404 for {path}");
    }
    let big = vec![b'a'; 2 * 1024 * 1024];
    let r = api
        .raw(
            Method::POST,
            "/api/2.0/files/rooms",
            "application/json",
            big,
        )
        .await;
    assert_eq!(r.status, 413);
    let huge = vec![b'a'; 65 * 1024 * 1024];
    let r = api
        .raw(
            Method::POST,
            "/api/2.0/files/@my/upload",
            "multipart/form-data; boundary=x",
            huge,
        )
        .await;
    assert!(r.status == 413 || r.status == 400, "{}", r.status);
    for body in [
        "{",
        "[]",
        "null",
        "\"text\"",
        "{\"title\": [1]}",
        "{\"title\":\"x\",\"roomType\":{}}",
        "\u{0}\u{1}",
    ] {
        let r = api
            .raw(
                Method::POST,
                "/api/2.0/files/rooms",
                "application/json",
                body.as_bytes().to_vec(),
            )
            .await;
        assert_eq!(r.status, 400, "body {body:?}: {}", r.text());
    }
    let r = api
        .raw(
            Method::POST,
            "/api/2.0/files/rooms",
            "application/json",
            vec![0xff, 0xfe, 0x00],
        )
        .await;
    assert_eq!(r.status, 400);
    // The portal is still fine afterwards.
    api.get_ok("/api/2.0/files/rooms").await;
}
