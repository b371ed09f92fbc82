//! Sign-in (password, passwordHash, cookie, bearer and bare tokens, logout), settings, API keys with
//! scopes and expiry, and people (list, filters, invite rules) over HTTP.

#[path = "../common/mod.rs"]
mod common;

mod people;

use common::{Api, portal, unlimited_portal};
use reqwest::Method;
use serde_json::json;

fn pbkdf2_hex(password: &str, salt: &str, iterations: u32, bits: u32) -> String {
    docspace_devportal::auth::password_hash(password, salt, iterations, bits)
}

#[tokio::test]
async fn settings_give_the_password_hash_parameters_to_anonymous_callers() {
    let p = portal().await;
    let s = Api::anonymous(&p).get_ok("/api/2.0/settings").await;
    assert_eq!(s["passwordHash"]["size"], 256);
    assert_eq!(s["passwordHash"]["iterations"], 100_000);
    assert!(
        s["passwordHash"]["salt"]
            .as_str()
            .is_some_and(|x| x.len() == 64 && x.chars().all(|c| c.is_ascii_hexdigit()))
    );
    assert!(
        s["culture"].is_string()
            && s["deepLink"].is_object()
            && s["cookieSettingsEnabled"] == false
    );
    let signed_in = Api::owner(&p).get_ok("/api/2.0/settings").await;
    assert!(signed_in.get("passwordHash").is_none());
    assert!(signed_in["ownerId"].is_string());
    assert!(
        Api::owner(&p)
            .get_ok("/api/2.0/settings?withpassword=true")
            .await["passwordHash"]
            .is_object()
    );
}

#[tokio::test]
async fn login_with_password_or_hash_sets_the_cookie_and_the_token_works_everywhere() {
    let p = unlimited_portal().await;
    let anon = Api::anonymous(&p);
    let s = anon.get_ok("/api/2.0/settings").await;
    let hash = pbkdf2_hex(
        &p.owner.password,
        s["passwordHash"]["salt"].as_str().expect("salt"),
        100_000,
        256,
    );
    let r = anon
        .post(
            "/api/2.0/authentication",
            json!({ "userName": "OWNER@example.com", "passwordHash": hash }),
        )
        .await
        .expect(200);
    let token = r.response()["token"].as_str().expect("token").to_string();
    assert!(
        r.response()["expires"]
            .as_str()
            .is_some_and(|e| e.ends_with('Z'))
    );
    let cookie = r.headers["set-cookie"].to_str().expect("ascii").to_string();
    assert!(
        cookie.starts_with(&format!(
            "asc_auth_key={token}; Path=/; HttpOnly; SameSite=Lax"
        )),
        "{cookie}"
    );
    assert!(cookie.contains("Expires="));
    for auth in [format!("Bearer {token}"), token.clone()] {
        let me = Api::with_auth(&p, auth)
            .get_ok("/api/2.0/people/@self")
            .await;
        assert_eq!(me["email"], "owner@example.com");
    }
    let by_cookie = Api::anonymous(&p)
        .header("Cookie", &format!("other=1; asc_auth_key={token}"))
        .get("/api/2.0/authentication")
        .await;
    assert_eq!(by_cookie.expect(200).response(), true);
    assert_eq!(anon.get_ok("/api/2.0/authentication").await, false);
    // session=true: a browser-session cookie, no expiry.
    let r = anon
        .post("/api/2.0/authentication", json!({ "userName": "user@example.com", "password": p.owner.password, "session": true }))
        .await
        .expect(200);
    assert!(r.response().get("expires").is_none());
    assert!(
        !r.headers["set-cookie"]
            .to_str()
            .expect("ascii")
            .contains("Expires=")
    );
    // Logout revokes the token and clears the cookie.
    let out = Api::with_auth(&p, format!("Bearer {token}"))
        .call(Method::POST, "/api/2.0/authentication/logout", None)
        .await
        .expect(200);
    assert!(
        out.headers["set-cookie"]
            .to_str()
            .expect("ascii")
            .starts_with("asc_auth_key=;")
    );
    Api::with_auth(&p, format!("Bearer {token}"))
        .get("/api/2.0/people/@self")
        .await
        .expect_empty(401);
}

#[tokio::test]
async fn wrong_logins_get_401_with_a_message() {
    let p = unlimited_portal().await;
    let anon = Api::anonymous(&p);
    for body in [
        json!({ "userName": "owner@example.com", "password": "wrong" }),
        json!({ "userName": "nobody@example.com", "password": "x" }),
        json!({ "userName": "owner@example.com" }),
        json!({ "password": "x" }),
        json!({ "userName": "owner@example.com", "passwordHash": "00ff" }),
    ] {
        let r = anon
            .post("/api/2.0/authentication", body)
            .await
            .expect_error(401, "User authentication failed");
        let v = r.json();
        assert!(
            v["error"]["type"].is_null()
                && v["error"]["stack"].is_null()
                && v["error"]["hresult"] == 0,
            "{v}"
        );
    }
    anon.call(Method::POST, "/api/2.0/authentication", None)
        .await
        .expect_validation("");
    anon.raw(
        Method::POST,
        "/api/2.0/authentication",
        "application/json",
        b"{\"userName\":".to_vec(),
    )
    .await
    .expect_validation("$");
}

#[tokio::test]
async fn api_keys_are_created_listed_scoped_updated_and_deleted() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let k = owner
        .post_ok("/api/2.0/keys", json!({ "name": "ci", "permissions": ["rooms:read", "accounts.self:read"], "expiresInDays": 7 })).await;
    let key = k["key"].as_str().expect("full key on create").to_string();
    assert!(docspace_devportal::auth::is_api_key(&key));
    assert_eq!(k["keyPostfix"], &key[key.len() - 4..]);
    assert!(k["expiresAt"].is_string() && k["isActive"] == true && k["createBy"]["id"].is_string());
    let scoped = Api::with_auth(&p, format!("Bearer {key}"));
    scoped.get_ok("/api/2.0/files/rooms").await;
    scoped.get_ok("/api/2.0/people/@self").await;
    let me = scoped.get_ok("/api/2.0/keys/@self").await;
    assert_eq!(me["name"], "ci");
    assert!(me.get("key").is_none(), "the full key is shown only once");
    // Scope refusals are empty-bodied 403s.
    scoped
        .post(
            "/api/2.0/files/rooms",
            json!({ "title": "x", "roomType": 5 }),
        )
        .await
        .expect_empty(403);
    scoped.get("/api/2.0/files/@my").await.expect_empty(403);
    scoped.get("/api/2.0/people").await.expect_empty(403);
    scoped.get("/api/2.0/keys").await.expect_empty(403);
    let listed = owner.get_ok("/api/2.0/keys").await;
    assert!(
        listed
            .as_array()
            .is_some_and(|a| a.len() == 2 && a.iter().all(|k| k.get("key").is_none()))
    );
    assert!(
        owner
            .get_ok("/api/2.0/keys/permissions")
            .await
            .as_array()
            .is_some_and(|a| a.contains(&json!("files:write")))
    );
    let id = k["id"].as_str().expect("id");
    assert_eq!(
        owner
            .put_ok(&format!("/api/2.0/keys/{id}"), json!({ "isActive": false }))
            .await,
        true
    );
    scoped.get("/api/2.0/files/rooms").await.expect_empty(401);
    assert_eq!(
        owner
            .delete_ok(&format!("/api/2.0/keys/{id}"), json!({}))
            .await,
        true
    );
    assert_eq!(
        owner
            .delete_ok(&format!("/api/2.0/keys/{id}"), json!({}))
            .await,
        false
    );
    owner
        .delete("/api/2.0/keys/not-a-guid", json!({}))
        .await
        .expect_error(404, "not found");
    // Bad requests.
    owner
        .post(
            "/api/2.0/keys",
            json!({ "name": "x", "permissions": ["rooms:destroy"] }),
        )
        .await
        .expect_error(400, "Permissions are not valid.");
    owner
        .post("/api/2.0/keys", json!({ "name": "x".repeat(31) }))
        .await
        .expect_validation("Name");
    owner
        .post("/api/2.0/keys", json!({ "name": "x", "expiresInDays": 0 }))
        .await
        .expect_validation("ExpiresInDays");
    owner
        .post(
            "/api/2.0/keys",
            json!({ "name": "x", "expiresInDays": 366 }),
        )
        .await
        .expect_validation("ExpiresInDays");
    owner
        .post("/api/2.0/keys", json!({}))
        .await
        .expect_error(400, "empty");
    // Users see and manage only their own keys; guests cannot create keys.
    let user = common::login(&p, common::USER).await;
    let uk = user
        .post_ok("/api/2.0/keys", json!({ "name": "mine" }))
        .await;
    assert_eq!(
        user.get_ok("/api/2.0/keys").await.as_array().map(Vec::len),
        Some(1)
    );
    let owner_key_id = listed[0]["id"].as_str().expect("id");
    assert_eq!(
        user.delete_ok(&format!("/api/2.0/keys/{owner_key_id}"), json!({}))
            .await,
        false
    );
    assert_eq!(
        user.put_ok(
            &format!("/api/2.0/keys/{owner_key_id}"),
            json!({ "name": "x" })
        )
        .await,
        false
    );
    assert!(uk["key"].is_string());
    common::login(&p, common::GUEST)
        .await
        .post("/api/2.0/keys", json!({ "name": "g" }))
        .await
        .expect_error(403, "Access denied");
    // A key of a session caller is not "@self".
    user.get("/api/2.0/keys/@self")
        .await
        .expect_error(404, "API key");
}
