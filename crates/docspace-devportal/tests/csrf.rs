//! Cross-site request forgery over HTTP: writes authenticated by the `asc_auth_key` cookie must
//! come from the portal's own origin with a JSON body; JSON endpoints refuse other content types
//! with ASP.NET's 415 for every caller; credentialed answers are not cacheable.

mod common;

use common::{Api, unlimited_portal};
use reqwest::Method;
use serde_json::json;

/// Signs in the owner and returns a client that authenticates by cookie only.
async fn cookie_client(p: &docspace_devportal::RunningPortal) -> Api {
    let r = Api::anonymous(p)
        .post(
            "/api/2.0/authentication",
            json!({ "userName": common::OWNER, "password": p.owner.password }),
        )
        .await
        .expect(200);
    let token = r.response()["token"].as_str().expect("token").to_string();
    Api::anonymous(p).header("Cookie", &format!("asc_auth_key={token}"))
}

fn own_origin(p: &docspace_devportal::RunningPortal) -> String {
    p.base_url()
}

#[tokio::test]
async fn cross_site_forms_with_the_cookie_are_refused_on_every_write() {
    let p = unlimited_portal().await;
    let cookie = cookie_client(&p).await;
    let forged = [
        ("/api/2.0/keys", "name=stolen"),
        ("/api/2.0/files/rooms", "title=x&roomType=1"),
        (
            "/api/2.0/people/invite",
            "invitations[0][email]=evil@example.com",
        ),
    ];
    for (path, body) in forged {
        for ct in [
            "application/x-www-form-urlencoded",
            "text/plain",
            "multipart/form-data; boundary=x",
        ] {
            let r = cookie
                .clone_with("Origin", "https://evil.example")
                .raw(Method::POST, path, ct, body.as_bytes().to_vec())
                .await
                .expect_error(403, "Cross-site request refused");
            assert!(r.json()["error"]["type"].is_null(), "{path}");
        }
        // Even from the portal's own origin, a form body is not a JSON endpoint's input.
        cookie
            .clone_with("Origin", &own_origin(&p))
            .raw(
                Method::POST,
                path,
                "text/plain",
                br#"{"name":"x"}"#.to_vec(),
            )
            .await
            .expect_error(403, "Cross-site request refused");
    }
    // A browser that sends only Sec-Fetch-Site, or only a Referer, is judged by it.
    cookie
        .clone_with("Sec-Fetch-Site", "cross-site")
        .post("/api/2.0/keys", json!({ "name": "x" }))
        .await
        .expect_error(403, "Cross-site request refused");
    cookie
        .clone_with("Referer", "https://evil.example/page")
        .post("/api/2.0/keys", json!({ "name": "x" }))
        .await
        .expect_error(403, "Cross-site request refused");
    // Nothing was created.
    let keys = Api::owner(&p).get_ok("/api/2.0/keys").await;
    assert_eq!(keys.as_array().map(Vec::len), Some(1), "{keys}");
}

#[tokio::test]
async fn the_portals_own_pages_write_with_the_cookie() {
    let p = unlimited_portal().await;
    let page = cookie_client(&p)
        .await
        .clone_with("Origin", &own_origin(&p))
        .clone_with("Sec-Fetch-Site", "same-origin");
    // What assets/js/rest.js sends: JSON with Content-Type application/json, credentials same-origin.
    let key = page
        .post_ok("/api/2.0/keys", json!({ "name": "from the page" }))
        .await;
    assert!(key["key"].as_str().is_some_and(|k| k.starts_with("sk-")));
    // An upload is multipart, which the upload endpoints take from the own origin.
    page.multipart(
        Method::POST,
        "/api/2.0/files/@my/upload",
        &[("File", Some("a.txt"), b"hello")],
    )
    .await
    .expect(200);
    // Logout is a bodiless POST.
    page.call(Method::POST, "/api/2.0/authentication/logout", None)
        .await
        .expect(200);
}

#[tokio::test]
async fn json_endpoints_answer_415_to_other_content_types_for_every_caller() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    for ct in ["text/plain", "application/x-www-form-urlencoded"] {
        let r = owner
            .raw(
                Method::POST,
                "/api/2.0/files/tags",
                ct,
                br#"{"name":"t"}"#.to_vec(),
            )
            .await;
        assert_eq!(r.status, 415, "{ct}: {}", r.text());
        let v = r.json();
        assert_eq!(v["response"]["status"], 415);
        assert_eq!(v["response"]["title"], "Unsupported Media Type");
    }
    owner
        .raw(
            Method::POST,
            "/api/2.0/files/tags",
            "application/json; charset=utf-8",
            br#"{"name":"t"}"#.to_vec(),
        )
        .await
        .expect(200);
}

#[tokio::test]
async fn answers_to_credentialed_requests_are_not_cached() {
    let p = unlimited_portal().await;
    let r = Api::owner(&p)
        .get("/api/2.0/people/@self")
        .await
        .expect(200);
    assert_eq!(r.headers["cache-control"], "no-store");
    let r = Api::owner(&p).get("/api/2.0/nope").await;
    assert_eq!(r.headers["cache-control"], "no-store");
    let r = Api::with_auth(&p, "Bearer not-a-token")
        .get("/api/2.0/people/@self")
        .await
        .expect_empty(401);
    assert_eq!(r.headers["cache-control"], "no-store");
    let r = Api::anonymous(&p)
        .get("/api/2.0/settings")
        .await
        .expect(200);
    assert!(r.headers.get("cache-control").is_none());
}
