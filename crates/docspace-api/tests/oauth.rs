//! `docspace_api::oauth` against an in-process devportal over loopback: PKCE, the authorize URL,
//! the consent a signed-in browser gives, code exchange, a typed client with the access token,
//! refresh with rotation, revocation, and the server's errors as typed values.

#![cfg(not(target_arch = "wasm32"))]

use docspace_api::Client;
use docspace_api::oauth::{
    AuthorizeRequest, ErrorCode, OAuthClient, OAuthError, Pkce, Scope, code_from_redirect,
    random_state,
};
use docspace_devportal::PortalConfig;
use docspace_testkit::oauth::{Allow, AppRegistration, PortalUser};

const REDIRECT: &str = "http://127.0.0.1:9/callback";

#[tokio::test]
async fn code_exchange_refresh_and_revoke_with_typed_errors() {
    let p = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("devportal");
    let user = PortalUser::sign_in(&p.base_url(), &p.owner.email, &p.owner.password).await;
    let app = user
        .register(AppRegistration::new("docspace-api test", REDIRECT))
        .await;
    let (id, secret) = (app.client_id, app.client_secret);

    let pkce = Pkce::generate().expect("random");
    let state = random_state().expect("random");
    let url = AuthorizeRequest::new(&id, REDIRECT)
        .scopes([Scope::AccountsSelfRead])
        .state(&state)
        .pkce(&pkce)
        .url(&p.base_url());
    let back = user.consent(&url, &id, Allow::All).await;
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
    let code =
        code_from_redirect(&user.consent(&url, &id, Allow::All).await, &state).expect("code");
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
