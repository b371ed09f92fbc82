//! The `personal_access_token` grant over HTTP on loopback, as DocSpace's identity service
//! answers it (`ONLYOFFICE/DocSpace-server: common/ASC.Identity/authorization/
//! authorization-application/.../converter/PersonalAccessTokenAuthenticationConverter.java`,
//! `.../provider/PersonalAccessTokenAuthenticationProvider.java`, and the metadata of
//! `.../configuration/authorization/AuthorizationServerConfiguration.java`).

mod common;
mod oauth_support;

use oauth_support::*;
use serde_json::Value;

/// `POST /oauth2/token` for a developer token, with the portal session `cookie` if any.
async fn pat(
    p: &docspace_devportal::RunningPortal,
    cookie: Option<&str>,
    fields: &[(&str, &str)],
) -> (u16, Value) {
    let mut req = http()
        .post(format!("{}/oauth2/token", p.base_url()))
        .form(fields);
    if let Some(token) = cookie {
        req = req.header("Cookie", format!("asc_auth_key={token}"));
    }
    let resp = req.send().await.expect("sent");
    let status = resp.status().as_u16();
    (status, resp.json().await.expect("json"))
}

#[tokio::test]
async fn a_signed_in_user_gets_a_developer_token_within_the_apps_scopes_and_no_refresh_token() {
    let p = common::portal().await;
    let owner = sign_in(&p, common::OWNER).await;
    let app = register(&p, &owner, false, &["files:read", "rooms:read"]).await;
    let (id, secret) = (
        app["client_id"].as_str().expect("id"),
        app["client_secret"].as_str().expect("secret"),
    );
    let base = [
        ("grant_type", "personal_access_token"),
        ("client_id", id),
        ("client_secret", secret),
    ];
    let with_scope = |scope: &'static str| {
        let mut f = base.to_vec();
        f.push(("scope", scope));
        f
    };

    let (status, body) = pat(&p, Some(&owner), &with_scope("rooms:read files:read")).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.get("refresh_token").is_none(), "{body}");
    assert_eq!(body["token_type"], "Bearer");
    let access = body["access_token"].as_str().expect("access token");
    let c = claims(access);
    assert_eq!(
        (c["cid"].as_str(), c["scope"].clone()),
        (Some(id), serde_json::json!(["rooms:read", "files:read"]))
    );
    // It acts as the owner within its scopes: rooms may be read, people not.
    assert_eq!(bearer_get(&p, "/api/2.0/files/rooms", access).await, 200);
    assert_eq!(bearer_get(&p, "/api/2.0/people", access).await, 403);
    // Introspection knows it, and revocation ends it.
    let (_, intro) = post_form(
        &p,
        "/oauth2/introspect",
        &[
            ("token", access),
            ("client_id", id),
            ("client_secret", secret),
        ],
    )
    .await;
    assert!(intro.contains("\"active\":true"), "{intro}");
    let (revoked, _) = post_form(
        &p,
        "/oauth2/revoke",
        &[
            ("token", access),
            ("client_id", id),
            ("client_secret", secret),
        ],
    )
    .await;
    assert_eq!(revoked, 200);
    assert_eq!(bearer_get(&p, "/api/2.0/files/rooms", access).await, 401);

    // A scope beyond the app's, no scope, a missing session, a wrong secret.
    let err = |r: &(u16, Value)| (r.0, r.1["error"].as_str().map(str::to_string));
    assert_eq!(
        err(&pat(&p, Some(&owner), &with_scope("accounts:write")).await),
        (400, Some("invalid_scope".into()))
    );
    assert_eq!(
        err(&pat(&p, Some(&owner), &base).await),
        (400, Some("invalid_request".into()))
    );
    assert_eq!(
        err(&pat(&p, None, &with_scope("rooms:read")).await),
        (400, Some("unauthorized_client".into()))
    );
    let wrong = [
        ("grant_type", "personal_access_token"),
        ("client_id", id),
        ("client_secret", "nope"),
        ("scope", "rooms:read"),
    ];
    assert_eq!(
        err(&pat(&p, Some(&owner), &wrong).await),
        (401, Some("invalid_client".into()))
    );
}

#[tokio::test]
async fn guests_may_not_have_developer_tokens_and_discovery_lists_the_grant() {
    let p = common::portal().await;
    let owner = sign_in(&p, common::OWNER).await;
    let app = register(&p, &owner, false, &["files:read"]).await;
    let guest = sign_in(&p, common::GUEST).await;
    let (status, body) = pat(
        &p,
        Some(&guest),
        &[
            ("grant_type", "personal_access_token"),
            ("client_id", app["client_id"].as_str().expect("id")),
            (
                "client_secret",
                app["client_secret"].as_str().expect("secret"),
            ),
            ("scope", "files:read"),
        ],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("access_denied"))
    );
    assert_eq!(
        body["error_description"],
        "Guests are not allowed to generate personal access tokens"
    );
    let meta: Value = http()
        .get(format!("{}/.well-known/openid-configuration", p.base_url()))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    assert_eq!(
        meta["grant_types_supported"],
        serde_json::json!([
            "authorization_code",
            "refresh_token",
            "personal_access_token"
        ])
    );
}
