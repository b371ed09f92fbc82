//! CORS of REST answers to OAuth access tokens, over HTTP on loopback, as DocSpace narrows it:
//! a bearer JWT with GUID `sub` and `cid` gets the policy "exactly the app's `allowed_origins`"
//! (wildcard subdomains allowed), so an allowed `Origin` is echoed with `Vary: Origin` and any
//! other gets no `Access-Control-Allow-Origin`; preflights, API keys and login tokens keep the
//! base `*` (`ONLYOFFICE/DocSpace-server: common/ASC.Api.Core/Cors/DynamicCorsPolicyProvider.cs`,
//! its registration in `common/ASC.Api.Core/Core/BaseStartup.cs`, and ASP.NET Core's
//! `CorsService.ApplyResult`).

mod common;
mod oauth_support;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use docspace_devportal::RunningPortal;
use oauth_support::*;
use serde_json::json;

const ROOMS: &str = "/api/2.0/files/rooms";

/// Registers an app with `origins` as the owner and returns a developer token of it
/// (`personal_access_token` grant, scope `rooms:read`).
async fn token_of_app_with(p: &RunningPortal, origins: &[&str]) -> String {
    let owner = sign_in(p, common::OWNER).await;
    let mut body = client_body(false, &["rooms:read"]);
    body["allowed_origins"] = json!(origins);
    let resp = http()
        .post(format!("{}/api/2.0/clients", p.base_url()))
        .header("Authorization", &owner)
        .json(&body)
        .send()
        .await
        .expect("sent");
    assert_eq!(resp.status(), 201);
    let app: serde_json::Value = resp.json().await.expect("json");
    let (status, t) = {
        let resp = http()
            .post(format!("{}/oauth2/token", p.base_url()))
            .header("Cookie", format!("asc_auth_key={owner}"))
            .form(&[
                ("grant_type", "personal_access_token"),
                ("client_id", app["client_id"].as_str().expect("id")),
                (
                    "client_secret",
                    app["client_secret"].as_str().expect("secret"),
                ),
                ("scope", "rooms:read"),
            ])
            .send()
            .await
            .expect("sent");
        (resp.status(), resp.json::<serde_json::Value>().await)
    };
    assert_eq!(status, 200);
    t.expect("json")["access_token"]
        .as_str()
        .expect("access token")
        .to_string()
}

/// `method path` with `Authorization` and `Origin` (if any): status, `Access-Control-Allow-Origin`
/// and whether `Vary` names `Origin`.
async fn cors_of(
    p: &RunningPortal,
    method: reqwest::Method,
    auth: Option<&str>,
    origin: Option<&str>,
) -> (u16, Option<String>, bool) {
    let mut req = http().request(method.clone(), format!("{}{ROOMS}", p.base_url()));
    if let Some(a) = auth {
        req = req.header("Authorization", a);
    }
    if let Some(o) = origin {
        req = req.header("Origin", o);
    }
    if method == reqwest::Method::OPTIONS {
        req = req
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "authorization");
    }
    let resp = req.send().await.expect("sent");
    let h = resp.headers();
    let acao = h
        .get("access-control-allow-origin")
        .map(|v| v.to_str().expect("ascii").to_string());
    let vary = h.get_all("vary").iter().any(|v| {
        v.to_str()
            .is_ok_and(|v| v.to_ascii_lowercase().contains("origin"))
    });
    (resp.status().as_u16(), acao, vary)
}

const APP: &str = "https://app.example.com";

#[tokio::test]
async fn an_apps_token_is_answered_with_cors_only_for_the_apps_origins() {
    let p = common::portal().await;
    let access = token_of_app_with(&p, &[APP]).await;
    let bearer = format!("Bearer {access}");
    let get = |origin| cors_of(&p, reqwest::Method::GET, Some(&bearer), origin);

    assert_eq!(get(Some(APP)).await, (200, Some(APP.to_string()), true));
    // Another page gets the answer too, but no CORS header: its browser keeps it from the page.
    assert_eq!(
        get(Some("https://evil.example.net")).await,
        (200, None, false)
    );
    assert_eq!(
        get(Some("http://app.example.com")).await,
        (200, None, false)
    );
    // No Origin (not a browser's cross-origin call): ASP.NET Core adds nothing.
    assert_eq!(get(None).await, (200, None, false));
    // The preflight carries no Authorization, so the base policy answers it, for any origin.
    let pre = cors_of(
        &p,
        reqwest::Method::OPTIONS,
        None,
        Some("https://evil.example.net"),
    )
    .await;
    assert_eq!((pre.0, pre.1.as_deref()), (204, Some("*")));

    // The server only reads the token for CORS: one with a broken signature is refused (401),
    // under the same app's policy.
    let (signed, _) = access.rsplit_once('.').expect("a JWS");
    let forged = format!("Bearer {signed}.c2ln");
    let r = cors_of(&p, reqwest::Method::GET, Some(&forged), Some(APP)).await;
    assert_eq!(r, (401, Some(APP.to_string()), true));
    let r = cors_of(
        &p,
        reqwest::Method::GET,
        Some(&forged),
        Some("https://evil.example.net"),
    )
    .await;
    assert_eq!(r, (401, None, false));
}

#[tokio::test]
async fn a_wildcard_origin_admits_subdomains_with_the_same_scheme_and_port() {
    let p = common::portal().await;
    let access = token_of_app_with(&p, &["https://*.example.com"]).await;
    let bearer = format!("Bearer {access}");
    let get = |origin| cors_of(&p, reqwest::Method::GET, Some(&bearer), origin);
    for ok in ["https://a.example.com", "https://b.a.example.com"] {
        assert_eq!(
            get(Some(ok)).await,
            (200, Some(ok.to_string()), true),
            "{ok}"
        );
    }
    for no in [
        "https://example.com",
        "http://a.example.com",
        "https://a.example.com:8443",
        "https://a.example.community",
    ] {
        assert_eq!(get(Some(no)).await, (200, None, false), "{no}");
    }
}

#[tokio::test]
async fn api_keys_login_tokens_and_tokens_without_an_app_keep_the_base_policy() {
    let p = common::portal().await;
    let evil = Some("https://evil.example.net");
    let key = format!("Bearer {}", p.owner.api_key);
    let r = cors_of(&p, reqwest::Method::GET, Some(&key), evil).await;
    assert_eq!((r.0, r.1.as_deref()), (200, Some("*")));
    let session = sign_in(&p, common::OWNER).await;
    let r = cors_of(&p, reqwest::Method::GET, Some(&session), evil).await;
    assert_eq!((r.0, r.1.as_deref()), (200, Some("*")));
    // JWTs the policy provider does not read as an app's: no `cid`, a `cid` that is not a GUID,
    // a `sub` that is not a GUID, and a GUID of no app.
    let cid = uuid::Uuid::new_v4().to_string();
    let sub = uuid::Uuid::new_v4().to_string();
    for claims in [
        json!({"sub": sub}),
        json!({"sub": sub, "cid": "app"}),
        json!({"sub": "owner", "cid": cid}),
        json!({"sub": sub, "cid": cid}),
    ] {
        let jwt = format!(
            "{}.{}.c2ln",
            B64.encode(r#"{"alg":"ES256","kid":"k"}"#),
            B64.encode(claims.to_string())
        );
        let r = cors_of(
            &p,
            reqwest::Method::GET,
            Some(&format!("Bearer {jwt}")),
            evil,
        )
        .await;
        assert_eq!((r.0, r.1.as_deref()), (401, Some("*")), "{claims}");
    }
}
