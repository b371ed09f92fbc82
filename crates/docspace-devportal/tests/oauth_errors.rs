//! OAuth2 errors as RFC 6749, RFC 7636 and Spring Authorization Server (DocSpace's identity
//! service, `ONLYOFFICE/DocSpace-server: common/ASC.Identity/`) name them, over HTTP on loopback.

mod common;
mod oauth_support;

use oauth_support::*;
use serde_json::Value;

struct Setup {
    p: docspace_devportal::RunningPortal,
    owner: String,
    id: String,
    secret: String,
}

async fn setup_with(p: docspace_devportal::RunningPortal) -> Setup {
    let owner = sign_in(&p, common::OWNER).await;
    let c = register(&p, &owner, true, &["files:read", "rooms:read"]).await;
    Setup {
        id: c["client_id"].as_str().expect("id").into(),
        secret: c["client_secret"].as_str().expect("secret").into(),
        p,
        owner,
    }
}

async fn setup() -> Setup {
    setup_with(common::portal().await).await
}

impl Setup {
    async fn exchange(&self, code: &str, verifier: &str) -> (u16, Value) {
        Exchange::code(code, &self.id)
            .secret(&self.secret)
            .verifier(verifier)
            .send(&self.p)
            .await
    }
}

fn error_of(r: &(u16, Value)) -> (u16, Option<&str>) {
    (r.0, r.1["error"].as_str())
}

#[tokio::test]
async fn a_redirect_uri_that_does_not_match_exactly_is_refused_without_a_redirect() {
    let s = setup().await;
    let (_, challenge) = pkce();
    for uri in [
        format!("{REDIRECT}/"),
        format!("{REDIRECT}?x=1"),
        "http://127.0.0.1:9/CALLBACK".into(),
        "https://evil.example.com/cb".into(),
    ] {
        let mut q = code_query(&s.id, "files:read", &challenge);
        q[2] = ("redirect_uri", &uri);
        let r = authorize(&s.p, Some(&s.owner), &q).await;
        assert_eq!(r.status(), 400, "{uri}");
        assert!(r.headers().get("location").is_none(), "{uri}");
    }
    // An unknown client is not redirected either.
    let r = authorize(
        &s.p,
        Some(&s.owner),
        &code_query(
            "00000000-0000-0000-0000-000000000000",
            "files:read",
            &challenge,
        ),
    )
    .await;
    assert_eq!(r.status(), 400);
    assert!(r.headers().get("location").is_none());
}

#[tokio::test]
async fn request_errors_go_back_to_the_client_with_its_state() {
    let s = setup().await;
    let (_, challenge) = pkce();
    let mut q = code_query(&s.id, "files:read accounts:write", &challenge);
    let r = authorize(&s.p, Some(&s.owner), &q).await;
    assert_eq!(r.status(), 302);
    assert_eq!(
        location_param(&r, "error").as_deref(),
        Some("invalid_scope")
    );
    assert_eq!(location_param(&r, "state").as_deref(), Some("xyz"));
    q[3] = ("scope", "files:read");
    q[0] = ("response_type", "token");
    let r = authorize(&s.p, Some(&s.owner), &q).await;
    assert_eq!(
        location_param(&r, "error").as_deref(),
        Some("unsupported_response_type")
    );
    q[0] = ("response_type", "code");
    q[6] = ("code_challenge_method", "plain");
    let r = authorize(&s.p, Some(&s.owner), &q).await;
    assert_eq!(
        location_param(&r, "error").as_deref(),
        Some("invalid_request")
    );
}

#[tokio::test]
async fn the_consent_form_denies_refuses_forgeries_and_answers_once() {
    let s = setup().await;
    let (_, challenge) = pkce();
    let q = code_query(&s.id, "files:read", &challenge);
    let page = authorize(&s.p, Some(&s.owner), &q).await;
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["x-frame-options"], "DENY");
    let st = form_state(&page.text().await.expect("page"));
    // Another site's form post is refused, and does not use up the request.
    let r = post_consent(
        &s.p,
        &s.owner,
        &s.id,
        &st,
        &["files:read"],
        Some("https://evil.example.com"),
    )
    .await;
    assert_eq!(r.status(), 403);
    // Another signed-in user cannot answer it.
    let user = sign_in(&s.p, common::USER).await;
    let forged = post_consent(&s.p, &user, &s.id, &st, &["files:read"], None).await;
    assert_eq!(forged.status(), 400);
    assert!(forged.headers().get("location").is_none());
    // A made-up state names nothing.
    let page = authorize(&s.p, Some(&s.owner), &q).await;
    let st = form_state(&page.text().await.expect("page"));
    let r = post_consent(
        &s.p,
        &s.owner,
        &s.id,
        "0123456789abcdef",
        &["files:read"],
        None,
    )
    .await;
    assert_eq!(r.status(), 400);
    // Cancel posts no scope: access_denied, and the same form cannot be answered again.
    let r = post_consent(&s.p, &s.owner, &s.id, &st, &[], None).await;
    assert_eq!(r.status(), 302);
    assert_eq!(
        location_param(&r, "error").as_deref(),
        Some("access_denied")
    );
    assert_eq!(location_param(&r, "state").as_deref(), Some("xyz"));
    let r = post_consent(&s.p, &s.owner, &s.id, &st, &["files:read"], None).await;
    assert_eq!(r.status(), 400);
    // Approving a scope that was not requested is invalid_scope.
    let page = authorize(&s.p, Some(&s.owner), &q).await;
    let st = form_state(&page.text().await.expect("page"));
    let r = post_consent(&s.p, &s.owner, &s.id, &st, &["rooms:read"], None).await;
    assert_eq!(
        location_param(&r, "error").as_deref(),
        Some("invalid_scope")
    );
    // X-Disable-Redirect: 200 with the target in X-Redirect-URI, as the login app asks.
    let page = authorize(&s.p, Some(&s.owner), &q).await;
    let st = form_state(&page.text().await.expect("page"));
    let b = "b1";
    let body = format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"client_id\"\r\n\r\n{}\r\n--{b}\r\nContent-Disposition: form-data; name=\"state\"\r\n\r\n{st}\r\n--{b}\r\nContent-Disposition: form-data; name=\"scope\"\r\n\r\nfiles:read\r\n--{b}--\r\n",
        s.id
    );
    let r = http()
        .post(format!("{}/oauth2/authorize", s.p.base_url()))
        .header("Cookie", format!("asc_auth_key={}", s.owner))
        .header("X-Disable-Redirect", "true")
        .header("Content-Type", format!("multipart/form-data; boundary={b}"))
        .body(body)
        .send()
        .await
        .expect("sent");
    assert_eq!(r.status(), 200);
    let target = r.headers()["x-redirect-uri"].to_str().expect("uri");
    assert!(target.starts_with(&format!("{REDIRECT}?code=")), "{target}");
}

#[tokio::test]
async fn a_code_works_once_and_a_second_use_ends_its_tokens() {
    let s = setup().await;
    let (verifier, challenge) = pkce();
    let code = code_for(&s.p, &s.owner, &s.id, "files:read", &challenge).await;
    let first = s.exchange(&code, &verifier).await;
    assert_eq!(first.0, 200);
    let access = first.1["access_token"]
        .as_str()
        .expect("access")
        .to_string();
    assert_eq!(bearer_get(&s.p, "/api/2.0/files/@my", &access).await, 200);
    assert_eq!(
        error_of(&s.exchange(&code, &verifier).await),
        (400, Some("invalid_grant"))
    );
    assert_eq!(bearer_get(&s.p, "/api/2.0/files/@my", &access).await, 401);
}

#[tokio::test]
async fn wrong_verifiers_secrets_redirects_and_grants_are_refused() {
    let s = setup().await;
    let (verifier, challenge) = pkce();
    let code = code_for(&s.p, &s.owner, &s.id, "files:read", &challenge).await;
    assert_eq!(
        error_of(
            &s.exchange(&code, "wrong-verifier-wrong-verifier-wrong-verifier-1234")
                .await
        ),
        (400, Some("invalid_grant"))
    );
    let code = code_for(&s.p, &s.owner, &s.id, "files:read", &challenge).await;
    let r = Exchange::code(&code, &s.id)
        .redirect("http://127.0.0.1:9/other")
        .secret(&s.secret)
        .verifier(&verifier)
        .send(&s.p)
        .await;
    assert_eq!(error_of(&r), (400, Some("invalid_grant")));
    let r = Exchange::code(&code, &s.id)
        .secret("not-the-secret")
        .verifier(&verifier)
        .send(&s.p)
        .await;
    assert_eq!(error_of(&r), (401, Some("invalid_client")));
    let r = Exchange::code("no-such-code", &s.id)
        .secret(&s.secret)
        .send(&s.p)
        .await;
    assert_eq!(error_of(&r), (400, Some("invalid_grant")));
    let r = token(
        &s.p,
        &[
            ("grant_type", "password"),
            ("client_id", &s.id),
            ("client_secret", &s.secret),
        ],
    )
    .await;
    assert_eq!(error_of(&r), (400, Some("unsupported_grant_type")));
    let r = token(
        &s.p,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", &s.id),
            ("client_secret", &s.secret),
        ],
    )
    .await;
    assert_eq!(error_of(&r), (400, Some("unauthorized_client")));
    // client_secret_basic works like client_secret_post.
    let resp = http()
        .post(format!("{}/oauth2/token", s.p.base_url()))
        .basic_auth(&s.id, Some(&s.secret))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", code.as_str()),
            ("redirect_uri", REDIRECT),
            ("code_verifier", verifier.as_str()),
        ])
        .send()
        .await
        .expect("sent");
    assert_eq!(resp.status(), 200);
    // A refresh scope wider than the grant is invalid_scope.
    let t: Value = resp.json().await.expect("json");
    let refresh = t["refresh_token"].as_str().expect("refresh");
    let r = token(
        &s.p,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh),
            ("scope", "files:read rooms:read"),
            ("client_id", &s.id),
            ("client_secret", &s.secret),
        ],
    )
    .await;
    assert_eq!(error_of(&r), (400, Some("invalid_scope")));
}

#[tokio::test]
async fn an_expired_code_is_invalid_grant() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().to_path_buf();
    let s = setup_with(
        common::portal_with(|c| c.storage = docspace_devportal::Storage::Dir(path)).await,
    )
    .await;
    let (verifier, challenge) = pkce();
    let code = code_for(&s.p, &s.owner, &s.id, "files:read", &challenge).await;
    // Waiting out the one-minute lifetime would be a timed test: age the code in the database.
    let conn = rusqlite::Connection::open(dir.path().join("portal.db")).expect("db");
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .expect("timeout");
    let n = conn
        .execute(
            "UPDATE oauth_authorizations SET code_expires = '2000-01-01T00:00:00Z'",
            [],
        )
        .expect("aged");
    assert_eq!(n, 1);
    assert_eq!(
        error_of(&s.exchange(&code, &verifier).await),
        (400, Some("invalid_grant"))
    );
}

#[tokio::test]
async fn disabled_clients_deleted_consents_and_expired_or_forged_tokens_get_401() {
    let s = setup().await;
    let (verifier, challenge) = pkce();
    let code = code_for(&s.p, &s.owner, &s.id, "files:read", &challenge).await;
    let t = s.exchange(&code, &verifier).await.1;
    let access = t["access_token"].as_str().expect("access").to_string();
    assert_eq!(bearer_get(&s.p, "/api/2.0/files/@my", &access).await, 200);
    // A forged token (payload changed, signature kept) is nobody.
    let mut parts: Vec<String> = access.split('.').map(String::from).collect();
    let mut cl = claims(&access);
    cl["scope"] = serde_json::json!(["*:write"]);
    use base64::Engine;
    parts[1] = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(cl.to_string());
    assert_eq!(
        bearer_get(&s.p, "/api/2.0/files/@my", &parts.join(".")).await,
        401
    );
    // Deactivating the client stops its tokens and its token endpoint.
    let api = common::Api::with_auth(&s.p, s.owner.clone());
    api.call(
        reqwest::Method::PATCH,
        &format!("/api/2.0/clients/{}/activation", s.id),
        Some(&serde_json::json!({"status": false})),
    )
    .await
    .expect(200);
    assert_eq!(bearer_get(&s.p, "/api/2.0/files/@my", &access).await, 401);
    let r = token(
        &s.p,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", t["refresh_token"].as_str().expect("r")),
            ("client_id", &s.id),
            ("client_secret", &s.secret),
        ],
    )
    .await;
    assert_eq!(error_of(&r), (401, Some("invalid_client")));
    api.call(
        reqwest::Method::PATCH,
        &format!("/api/2.0/clients/{}/activation", s.id),
        Some(&serde_json::json!({"status": true})),
    )
    .await
    .expect(200);
    assert_eq!(bearer_get(&s.p, "/api/2.0/files/@my", &access).await, 200);
    // Withdrawing consent ends the tokens and brings the consent page back.
    api.call(
        reqwest::Method::DELETE,
        &format!("/api/2.0/clients/{}/revoke", s.id),
        None,
    )
    .await
    .expect(200);
    assert_eq!(bearer_get(&s.p, "/api/2.0/files/@my", &access).await, 401);
    let r = authorize(
        &s.p,
        Some(&s.owner),
        &code_query(&s.id, "files:read", &challenge),
    )
    .await;
    assert_eq!(r.status(), 200);
}
