//! `docspace_api::oauth` against an in-process devportal over loopback: PKCE, the authorize URL,
//! the consent a signed-in browser gives, code exchange, a typed client with the access token,
//! refresh with rotation, revocation, and the server's errors as typed values.

#![cfg(not(target_arch = "wasm32"))]

use docspace_api::Client;
use docspace_api::oauth::{
    AuthorizeRequest, ErrorCode, OAuthClient, OAuthError, Pkce, Scope, code_from_redirect,
    random_state,
};
use docspace_devportal::{PortalConfig, RunningPortal};
use serde_json::{Value, json};

const REDIRECT: &str = "http://127.0.0.1:9/callback";
const LOGO: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

async fn sign_in(p: &RunningPortal) -> String {
    let v: Value = browser()
        .post(format!("{}/api/2.0/authentication", p.base_url()))
        .json(&json!({"userName": p.owner.email, "password": p.owner.password}))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    v["response"]["token"].as_str().expect("token").to_string()
}

async fn register(p: &RunningPortal, session: &str) -> (String, String) {
    let c: Value = browser()
        .post(format!("{}/api/2.0/clients", p.base_url()))
        .header("Authorization", session)
        .json(&json!({
            "name": "docspace-api test", "logo": LOGO, "allow_pkce": true, "is_public": false,
            "website_url": "https://example.com", "terms_url": "https://example.com/t",
            "policy_url": "https://example.com/p", "redirect_uris": [REDIRECT],
            "allowed_origins": ["https://example.com"], "logout_redirect_uri": "https://example.com/l",
            "scopes": ["accounts.self:read", "rooms:read"],
        }))
        .send().await.expect("sent").json().await.expect("json");
    (
        c["client_id"].as_str().expect("id").into(),
        c["client_secret"].as_str().expect("secret").into(),
    )
}

/// What the signed-in user's browser does with the authorize URL: approve every scope shown.
async fn consent(p: &RunningPortal, session: &str, url: &str, client_id: &str) -> String {
    let cookie = format!("asc_auth_key={session}");
    let page = browser()
        .get(url)
        .header("Cookie", &cookie)
        .send()
        .await
        .expect("sent");
    let page = if page.status() == 302 {
        return page.headers()["location"]
            .to_str()
            .expect("location")
            .to_string();
    } else {
        page.text().await.expect("page")
    };
    let at = page.find("name=state value=\"").expect("consent form") + 18;
    let state = page[at..].split('"').next().expect("state");
    let scopes: Vec<&str> = page
        .split("name=scope value=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    let mut form: Vec<(&str, &str)> = vec![("client_id", client_id), ("state", state)];
    form.extend(scopes.iter().map(|s| ("scope", *s)));
    let answer = browser()
        .post(format!("{}/oauth2/authorize", p.base_url()))
        .header("Cookie", &cookie)
        .header("Origin", p.base_url())
        .form(&form)
        .send()
        .await
        .expect("sent");
    assert_eq!(answer.status(), 302);
    answer.headers()["location"]
        .to_str()
        .expect("location")
        .to_string()
}

#[tokio::test]
async fn code_exchange_refresh_and_revoke_with_typed_errors() {
    let p = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("devportal");
    let session = sign_in(&p).await;
    let (id, secret) = register(&p, &session).await;

    let pkce = Pkce::generate().expect("random");
    let state = random_state().expect("random");
    let url = AuthorizeRequest::new(&id, REDIRECT)
        .scopes([Scope::AccountsSelfRead])
        .state(&state)
        .pkce(&pkce)
        .url(&p.base_url());
    let back = consent(&p, &session, &url, &id).await;
    assert_eq!(
        code_from_redirect(&back, "not-the-state"),
        Err(OAuthError::StateMismatch)
    );
    let code = code_from_redirect(&back, &state).expect("a code");

    let oauth = OAuthClient::new(p.base_url(), &id, Some(secret.clone())).expect("client");
    let tokens = oauth
        .exchange_code(&code, REDIRECT, &pkce)
        .await
        .expect("tokens");
    assert_eq!(tokens.scopes(), vec![Scope::AccountsSelfRead]);
    assert!(!format!("{tokens:?}").contains(&tokens.access_token));
    let api = Client::builder(p.base_url())
        .oauth_token(&tokens.access_token)
        .build()
        .expect("client");
    assert_eq!(
        api.people().me().await.expect("me").email.as_deref(),
        Some(p.owner.email.as_str())
    );
    // A scope the token lacks: refused by the server, foreseen by the types.
    let err = api.rooms().list().send().await.expect_err("no rooms scope");
    assert_eq!(err.status(), Some(403));
    assert!(Scope::check(&tokens.scopes(), "GET", "/api/2.0/files/rooms").is_err());

    let refresh = tokens
        .refresh_token
        .clone()
        .expect("a confidential client gets one");
    let renewed = oauth.refresh(&refresh).await.expect("refreshed");
    assert!(
        renewed
            .refresh_token
            .as_deref()
            .is_some_and(|r| r != refresh)
    );
    let old = oauth.refresh(&refresh).await.expect_err("rotated away");
    assert!(matches!(
        old,
        OAuthError::Refused {
            code: ErrorCode::InvalidGrant,
            ..
        }
    ));
    oauth.revoke(&renewed.access_token).await.expect("revoked");
    let api = Client::builder(p.base_url())
        .oauth_token(&renewed.access_token)
        .build()
        .expect("client");
    assert_eq!(
        api.people().me().await.expect_err("revoked").status(),
        Some(401)
    );

    // The code works once (and a second use ends what it gave).
    let again = oauth
        .exchange_code(&code, REDIRECT, &pkce)
        .await
        .expect_err("spent");
    assert!(
        matches!(
            again,
            OAuthError::Refused {
                code: ErrorCode::InvalidGrant,
                status: 400,
                ..
            }
        ),
        "{again:?}"
    );

    // Without the secret: PKCE alone, no refresh token; a wrong secret is invalid_client.
    let public = OAuthClient::new(p.base_url(), &id, None).expect("client");
    let pkce = Pkce::generate().expect("random");
    let url = AuthorizeRequest::new(&id, REDIRECT)
        .scopes([Scope::RoomsRead])
        .state(&state)
        .pkce(&pkce)
        .url(&p.base_url());
    let code = code_from_redirect(&consent(&p, &session, &url, &id).await, &state).expect("code");
    let t = public
        .exchange_code(&code, REDIRECT, &pkce)
        .await
        .expect("tokens");
    assert!(t.refresh_token.is_none());
    let wrong = OAuthClient::new(p.base_url(), &id, Some("wrong".into())).expect("client");
    let e = wrong.refresh(&refresh).await.expect_err("bad secret");
    assert!(
        matches!(
            e,
            OAuthError::Refused {
                code: ErrorCode::InvalidClient,
                status: 401,
                ..
            }
        ),
        "{e:?}"
    );
}
