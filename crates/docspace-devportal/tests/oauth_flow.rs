//! OAuth2 happy paths over HTTP on loopback: registering clients, the authorization-code flow
//! with PKCE through the consent form, tokens as DocSpace's identity service issues them, REST
//! calls with the access token, refresh with rotation, revocation, introspection, discovery.
//! Sources: `ONLYOFFICE/DocSpace-server: common/ASC.Identity/` (see `src/oauth/`).

mod common;
mod oauth_support;

use oauth_support::*;
use serde_json::json;

#[tokio::test]
async fn clients_are_registered_paged_updated_and_deleted_as_the_registration_api_does() {
    let p = common::portal().await;
    let user = sign_in(&p, common::USER).await;
    let api = common::Api::with_auth(&p, user.clone());
    let c = register(&p, &user, true, &["files:read", "rooms:read"]).await;
    assert_eq!(
        c["authentication_methods"],
        json!(["client_secret_post", "none"])
    );
    assert_eq!(c["redirect_uris"], json!([REDIRECT]));
    assert_eq!(
        c["logout_redirect_uris"],
        json!(["https://example.com/logout"])
    );
    assert_eq!(c["enabled"], true);
    assert!(c["client_secret"].as_str().is_some_and(|s| !s.is_empty()));
    let id = c["client_id"].as_str().expect("id").to_string();

    // CreateClientRequest's constraints.
    let bad = |change: fn(&mut serde_json::Value)| {
        let mut b = client_body(false, &["files:read"]);
        change(&mut b);
        b
    };
    for body in [
        bad(|b| b["name"] = json!("ab")),
        bad(|b| b["logo"] = json!("https://example.com/logo.png")),
        bad(|b| b["redirect_uris"] = json!([])),
        bad(|b| {
            b["redirect_uris"] = json!(
                (0..13)
                    .map(|i| format!("https://example.com/{i}"))
                    .collect::<Vec<_>>()
            )
        }),
        bad(|b| b["scopes"] = json!([])),
        bad(|b| b["scopes"] = json!(["everything"])),
        bad(|b| b["terms_url"] = json!("not a url")),
    ] {
        let r = api.post("/api/2.0/clients", body.clone()).await;
        assert_eq!(r.status, 400, "{body}");
        assert!(r.json()["reason"].is_string());
    }
    // Guests may not register clients.
    let guest = sign_in(&p, common::GUEST).await;
    let r = common::Api::with_auth(&p, guest.clone())
        .post("/api/2.0/clients", client_body(false, &["files:read"]))
        .await;
    assert_eq!(r.status, 403);

    // Keyset paging: newest first, `limit`, `last_client_id`, `last_created_on`.
    for _ in 0..2 {
        register(&p, &user, false, &["files:read"]).await;
    }
    let page = api.get("/api/2.0/clients?limit=2").await.expect(200).json();
    assert_eq!(page["data"].as_array().map(Vec::len), Some(2));
    assert_eq!(page["limit"], 2);
    let next = format!(
        "/api/2.0/clients?limit=2&last_client_id={}&last_created_on={}",
        page["last_client_id"].as_str().expect("cursor"),
        page["last_created_on"].as_str().expect("cursor")
    );
    let rest = api.get(&next).await.expect(200).json();
    assert_eq!(rest["data"].as_array().map(Vec::len), Some(1));
    assert_eq!(rest["data"][0]["client_id"], id.as_str());
    assert_eq!(api.get("/api/2.0/clients?limit=51").await.status, 400);
    // Another user neither lists nor reads it.
    let other = common::Api::with_auth(&p, sign_in(&p, common::ROOM_ADMIN).await);
    assert_eq!(
        other.get("/api/2.0/clients").await.expect(200).json()["data"],
        json!([])
    );
    assert_eq!(
        other.get(&format!("/api/2.0/clients/{id}")).await.status,
        403
    );
    // ...but the consent screen's info carries no secret.
    let info = other
        .get(&format!("/api/2.0/clients/{id}/info"))
        .await
        .expect(200)
        .json();
    assert!(info.get("client_secret").is_none() && info["name"] == "Test app");

    // Update changes only UpdateClientRequest's fields.
    let upd = api
        .put(
            &format!("/api/2.0/clients/{id}"),
            json!({"name": "Renamed", "description": "", "logo": LOGO, "allow_pkce": false,
                   "is_public": true, "allowed_origins": ["https://other.example.com"],
                   "redirect_uris": ["https://evil.example.com/cb"]}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(upd["name"], "Renamed");
    assert_eq!(upd["authentication_methods"], json!(["client_secret_post"]));
    assert_eq!(upd["redirect_uris"], json!([REDIRECT]));
    let secret = api
        .call(
            reqwest::Method::PATCH,
            &format!("/api/2.0/clients/{id}/regenerate"),
            None,
        )
        .await
        .expect(200)
        .json()["client_secret"]
        .as_str()
        .expect("secret")
        .to_string();
    assert_ne!(secret, c["client_secret"].as_str().expect("old"));
    api.call(
        reqwest::Method::PATCH,
        &format!("/api/2.0/clients/{id}/activation"),
        Some(&json!({"status": false})),
    )
    .await
    .expect(200);
    assert_eq!(
        api.get(&format!("/api/2.0/clients/{id}"))
            .await
            .expect(200)
            .json()["enabled"],
        false
    );
    let scopes = api.get("/api/2.0/scopes").await.expect(200).json();
    assert!(scopes.as_array().is_some_and(|s| {
        s.iter()
            .any(|x| x == &json!({"name": "rooms:read", "group": "rooms", "type": "read"}))
    }));
    // Public info: only for clients marked is_public (this one is now), and without a secret.
    let public = common::Api::anonymous(&p)
        .get(&format!("/api/2.0/clients/{id}/public/info"))
        .await
        .expect(200)
        .json();
    assert!(public.get("client_secret").is_none());
    let private = page["data"][0]["client_id"]
        .as_str()
        .expect("id")
        .to_string();
    assert_eq!(
        common::Api::anonymous(&p)
            .get(&format!("/api/2.0/clients/{private}/public/info"))
            .await
            .status,
        404
    );
    api.call(
        reqwest::Method::DELETE,
        &format!("/api/2.0/clients/{id}"),
        None,
    )
    .await
    .expect(200);
    assert_eq!(api.get(&format!("/api/2.0/clients/{id}")).await.status, 404);
    // DELETE /clients removes every client of the caller, no one else's.
    let mine = register(&p, &user, false, &["files:read"]).await;
    let theirs = register(
        &p,
        &sign_in(&p, common::ADMIN).await,
        false,
        &["files:read"],
    )
    .await;
    api.call(reqwest::Method::DELETE, "/api/2.0/clients", None)
        .await
        .expect(200);
    assert_eq!(
        api.get("/api/2.0/clients").await.expect(200).json()["data"],
        json!([])
    );
    let owner_api = common::Api::with_auth(&p, sign_in(&p, common::OWNER).await);
    let admin_view = |c: &serde_json::Value| {
        format!("/api/2.0/clients/{}", c["client_id"].as_str().expect("id"))
    };
    assert_eq!(owner_api.get(&admin_view(&mine)).await.status, 404);
    assert_eq!(owner_api.get(&admin_view(&theirs)).await.status, 200);
}

#[tokio::test]
async fn a_confidential_client_with_pkce_gets_rotating_refresh_tokens_and_scoped_access() {
    let p = common::portal().await;
    let owner = sign_in(&p, common::OWNER).await;
    let c = register(
        &p,
        &owner,
        true,
        &["rooms:read", "accounts.self:read", "openid"],
    )
    .await;
    let (id, secret) = (
        c["client_id"].as_str().expect("id"),
        c["client_secret"].as_str().expect("s"),
    );
    let (verifier, challenge) = pkce();

    // Not signed in: to the portal's sign-in page, which comes back to the request.
    let r = authorize(&p, None, &code_query(id, "rooms:read openid", &challenge)).await;
    assert_eq!(r.status(), 302);
    let loc = r.headers()["location"].to_str().expect("location");
    assert!(
        loc.starts_with("/login?returnUrl=%2Foauth2%2Fauthorize%3F"),
        "{loc}"
    );

    let code = code_for(&p, &owner, id, "rooms:read openid", &challenge).await;
    let (status, t) = Exchange::code(&code, id)
        .secret(secret)
        .verifier(&verifier)
        .send(&p)
        .await;
    assert_eq!(status, 200, "{t}");
    assert_eq!(t["token_type"], "Bearer");
    assert_eq!(t["scope"], "rooms:read openid");
    assert!(
        t["expires_in"]
            .as_i64()
            .is_some_and(|e| (3590..=3600).contains(&e))
    );
    let access = t["access_token"].as_str().expect("access").to_string();
    let refresh = t["refresh_token"]
        .as_str()
        .expect("a confidential client gets a refresh token")
        .to_string();
    assert!(t["id_token"].is_string());
    let cl = claims(&access);
    assert_eq!(cl["cid"], id);
    assert_eq!(cl["tid"], 1);
    assert_eq!(cl["iss"], format!("{}/oauth2", p.base_url()));
    assert_eq!(cl["aud"], json!([p.base_url()]));
    assert_eq!(cl["scope"], json!(["rooms:read", "openid"]));
    assert_eq!(
        cl["exp"].as_i64().expect("exp") - cl["iat"].as_i64().expect("iat"),
        3600
    );
    assert!(cl["sub"].is_string() && cl["jti"].is_string());

    // The token acts as the user with its scopes only.
    assert_eq!(bearer_get(&p, "/api/2.0/files/rooms", &access).await, 200);
    assert_eq!(bearer_get(&p, "/api/2.0/people", &access).await, 403);
    assert_eq!(bearer_get(&p, "/api/2.0/people/@self", &access).await, 403);
    let ui: serde_json::Value = http()
        .get(format!("{}/oauth2/userinfo", p.base_url()))
        .bearer_auth(&access)
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    assert_eq!(ui["sub"], cl["sub"]);
    assert_eq!(ui["email"], common::OWNER);

    // Introspection for the client.
    let (s, body) = post_form(
        &p,
        "/oauth2/introspect",
        &[
            ("token", &access),
            ("client_id", id),
            ("client_secret", secret),
        ],
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(common::json(&body)["active"], true);

    // Refresh rotates: the new pair works, the old refresh token and access token do not.
    let (status, t2) = token(
        &p,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", &refresh),
            ("client_id", id),
            ("client_secret", secret),
        ],
    )
    .await;
    assert_eq!(status, 200, "{t2}");
    let access2 = t2["access_token"].as_str().expect("access").to_string();
    let refresh2 = t2["refresh_token"].as_str().expect("rotated").to_string();
    assert_ne!(refresh2, refresh);
    let (status, again) = token(
        &p,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", &refresh),
            ("client_id", id),
            ("client_secret", secret),
        ],
    )
    .await;
    assert_eq!(
        (status, again["error"].as_str()),
        (400, Some("invalid_grant"))
    );
    assert_eq!(bearer_get(&p, "/api/2.0/files/rooms", &access).await, 401);
    assert_eq!(bearer_get(&p, "/api/2.0/files/rooms", &access2).await, 200);

    // A second request for scopes already consented to skips the consent page.
    let (_, challenge2) = pkce();
    let r = authorize(&p, Some(&owner), &code_query(id, "rooms:read", &challenge2)).await;
    assert_eq!(r.status(), 302);
    assert!(location_param(&r, "code").is_some());

    // The owner's consents list the client with the scopes granted.
    let consents = common::Api::with_auth(&p, owner.clone())
        .get("/api/2.0/clients/consents")
        .await
        .expect(200)
        .json();
    assert_eq!(consents["data"][0]["client_id"], id);
    assert!(consents["data"][0].get("client_secret").is_none());
    assert_eq!(
        consents["data"][0]["scopes"],
        json!(["rooms:read", "openid"])
    );

    // Revoking the access token ends it; revoking the refresh token ends the refresh too.
    let (s, _) = post_form(
        &p,
        "/oauth2/revoke",
        &[
            ("token", &access2),
            ("client_id", id),
            ("client_secret", secret),
        ],
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(bearer_get(&p, "/api/2.0/files/rooms", &access2).await, 401);
    let (s, body) = post_form(
        &p,
        "/oauth2/introspect",
        &[
            ("token", &access2),
            ("client_id", id),
            ("client_secret", secret),
        ],
    )
    .await;
    assert_eq!(
        (s, common::json(&body)["active"].clone()),
        (200, json!(false))
    );
    let (s, _) = post_form(
        &p,
        "/oauth2/revoke",
        &[
            ("token", &refresh2),
            ("client_id", id),
            ("client_secret", secret),
        ],
    )
    .await;
    assert_eq!(s, 200);
    let (status, gone) = token(
        &p,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", &refresh2),
            ("client_id", id),
            ("client_secret", secret),
        ],
    )
    .await;
    assert_eq!(
        (status, gone["error"].as_str()),
        (400, Some("invalid_grant"))
    );
}

#[tokio::test]
async fn a_client_without_its_secret_uses_pkce_and_gets_no_refresh_token() {
    let p = common::portal().await;
    let owner = sign_in(&p, common::OWNER).await;
    let c = register(&p, &owner, true, &["files:read", "accounts.self:read"]).await;
    let id = c["client_id"].as_str().expect("id");
    let (verifier, challenge) = pkce();
    let code = code_for(&p, &owner, id, "accounts.self:read", &challenge).await;
    // Basic auth is not how a public client authenticates; none + code_verifier is.
    let (status, t) = Exchange::code(&code, id).verifier(&verifier).send(&p).await;
    assert_eq!(status, 200, "{t}");
    assert!(t.get("refresh_token").is_none(), "{t}");
    let access = t["access_token"].as_str().expect("access");
    assert_eq!(bearer_get(&p, "/api/2.0/people/@self", access).await, 200);
    assert_eq!(bearer_get(&p, "/api/2.0/files/rooms", access).await, 403);
    // A client that does not allow PKCE cannot go without its secret.
    let strict = register(&p, &owner, false, &["files:read"]).await;
    let sid = strict["client_id"].as_str().expect("id");
    let (verifier, challenge) = pkce();
    let code = code_for(&p, &owner, sid, "files:read", &challenge).await;
    let (status, e) = Exchange::code(&code, sid)
        .verifier(&verifier)
        .send(&p)
        .await;
    assert_eq!((status, e["error"].as_str()), (401, Some("invalid_client")));
}

#[tokio::test]
async fn discovery_and_jwks_describe_the_server() {
    let p = common::portal().await;
    for path in [
        "/.well-known/openid-configuration",
        "/.well-known/oauth-authorization-server",
        "/oauth2/.well-known/openid-configuration",
    ] {
        let (s, body) = common::get(&p, path, None).await;
        assert_eq!(s, 200, "{path}");
        let m = common::json(&body);
        assert_eq!(m["issuer"], format!("{}/oauth2", p.base_url()));
        assert_eq!(
            m["token_endpoint"],
            format!("{}/oauth2/token", p.base_url())
        );
        assert_eq!(m["code_challenge_methods_supported"], json!(["S256"]));
        assert_eq!(
            m["grant_types_supported"],
            json!([
                "authorization_code",
                "refresh_token",
                "personal_access_token"
            ])
        );
    }
    let (s, body) = common::get(&p, "/oauth2/jwks", None).await;
    assert_eq!(s, 200);
    let k = &common::json(&body)["keys"][0];
    assert_eq!(
        (k["kty"].as_str(), k["crv"].as_str(), k["alg"].as_str()),
        (Some("EC"), Some("P-256"), Some("ES256"))
    );
}
