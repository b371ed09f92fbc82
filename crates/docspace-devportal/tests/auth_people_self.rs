//! `GET /api/2.0/people/@self` with each credential form, over real HTTP.

mod common;

use common::{get, json, portal};

#[tokio::test]
async fn api_key_gets_the_owner_in_the_envelope() {
    let p = portal().await;
    let (status, body) = get(
        &p,
        "/api/2.0/people/@self",
        Some(&format!("Bearer {}", p.owner.api_key)),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let v = json(&body);
    assert_eq!(v["status"], 0);
    assert_eq!(v["statusCode"], 200);
    assert_eq!(v["count"], 1);
    assert_eq!(v["response"]["email"], "owner@example.com");
    assert_eq!(v["response"]["displayName"], p.owner.display_name.as_str());
    assert_eq!(v["response"]["isOwner"], true);
    let href = v["links"][0]["href"].as_str().expect("self link");
    assert!(href.ends_with("/api/2.0/people/@self"), "{href}");
    assert_eq!(v["links"][0]["action"], "GET");
}

#[tokio::test]
async fn wrong_missing_or_malformed_credentials_get_an_empty_401() {
    let p = portal().await;
    let wrong_key = format!("Bearer sk-{}", "0".repeat(64));
    for auth in [
        None,
        Some(wrong_key.as_str()),
        Some("Bearer sk-short"),
        Some("Bearer not-a-token"),
    ] {
        let (status, body) = get(&p, "/api/2.0/people/@self", auth).await;
        assert_eq!(status, 401, "auth {auth:?}");
        assert!(body.is_empty(), "401 must have an empty body, got {body:?}");
    }
}

#[tokio::test]
async fn a_fixed_api_key_is_honoured() {
    let key = format!("sk-{}", "ab".repeat(32));
    let cfg = docspace_devportal::PortalConfig {
        api_key: Some(key.clone()),
        ..docspace_devportal::PortalConfig::for_tests()
    };
    let p = docspace_devportal::start(cfg).await.expect("starts");
    assert_eq!(p.owner.api_key, key);
    let (status, _) = get(&p, "/api/2.0/people/@self", Some(&format!("Bearer {key}"))).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn cors_is_open_without_credentials_and_exposes_rate_limit_headers() {
    let p = portal().await;
    let resp = common::http()
        .request(
            reqwest::Method::OPTIONS,
            format!("{}/api/2.0/people/@self", p.base_url()),
        )
        .header("Origin", "http://127.0.0.1:9999")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization")
        .send()
        .await
        .expect("preflight");
    assert_eq!(resp.status().as_u16(), 204);
    let h = resp.headers();
    assert_eq!(h["access-control-allow-origin"], "*");
    assert_eq!(h["access-control-allow-headers"], "authorization");
    assert!(h.get("access-control-allow-credentials").is_none());
    let resp = common::http()
        .get(format!("{}/api/2.0/people/@self", p.base_url()))
        .header("Authorization", format!("Bearer {}", p.owner.api_key))
        .send()
        .await
        .expect("get");
    let exposed = resp.headers()["access-control-expose-headers"]
        .to_str()
        .expect("ascii");
    assert!(
        exposed.contains("X-RateLimit-Remaining") && exposed.contains("Retry-After"),
        "{exposed}"
    );
}

#[tokio::test]
async fn stats_count_requests_by_method() {
    let p = portal().await;
    let auth = format!("Bearer {}", p.owner.api_key);
    for _ in 0..3 {
        get(&p, "/api/2.0/people/@self", Some(&auth)).await;
    }
    let (status, body) = get(&p, "/devportal/stats", Some(&auth)).await;
    assert_eq!(status, 200);
    let v = json(&body);
    assert_eq!(v["requestsByMethod"]["GET"], 3);
    assert_eq!(v["maxConcurrentGet"], 1);
}

#[tokio::test]
async fn stats_are_the_owners_only() {
    let p = portal().await;
    assert_eq!(get(&p, "/devportal/stats", None).await.0, 401);
    let admin = common::login(&p, common::ADMIN).await;
    admin.get("/devportal/stats").await.expect(403);
    let reset = |auth: Option<String>| {
        let mut req = common::http().delete(format!("{}/devportal/stats", p.base_url()));
        if let Some(a) = auth {
            req = req.header("Authorization", a);
        }
        async move { req.send().await.expect("sent").status().as_u16() }
    };
    assert_eq!(reset(None).await, 401);
    // The owner's session cookie alone does not do: only the Authorization header.
    let token = common::login(&p, common::OWNER).await;
    let cookie_only = common::http()
        .delete(format!("{}/devportal/stats", p.base_url()))
        .header(
            "Cookie",
            format!(
                "asc_auth_key={}",
                token.auth_value().trim_start_matches("Bearer ")
            ),
        )
        .send()
        .await
        .expect("sent");
    assert_eq!(cookie_only.status().as_u16(), 401);
    assert_eq!(
        reset(Some(format!("Bearer {}", p.owner.api_key))).await,
        200
    );
}

/// `PUT people/{userid}/culture` as `UserController.UpdateMemberCulture`: only one's own profile,
/// only a culture the portal offers.
#[tokio::test]
async fn a_user_sets_their_own_profile_language_only() {
    use common::{ADMIN, Api, user_id};
    use serde_json::json;
    let p = portal().await;
    let owner = Api::owner(&p);
    let me = owner.get_ok("/api/2.0/people/@self").await;
    let id = me["id"].as_str().expect("id").to_string();
    let changed = owner
        .put_ok(
            &format!("/api/2.0/people/{id}/culture"),
            json!({ "cultureName": "de" }),
        )
        .await;
    assert_eq!(changed["cultureName"], "de");
    let again = owner.get_ok("/api/2.0/people/@self").await;
    assert_eq!(again["cultureName"], "de", "kept");
    owner
        .put(
            &format!("/api/2.0/people/{id}/culture"),
            json!({ "cultureName": "xx-XX" }),
        )
        .await
        .expect_error(400, "not in the list of available ones");
    let other = user_id(&owner, ADMIN).await;
    owner
        .put(
            &format!("/api/2.0/people/{other}/culture"),
            json!({ "cultureName": "fr" }),
        )
        .await
        .expect(403);
}
