//! `oauth::AuthorizationFlow` and the loopback redirect against an in-process devportal: a tool
//! signs in through a browser that comes back to `127.0.0.1`, a denial, a state that is not ours,
//! a code replayed, a missing scope, a revoked token and the refresh a PKCE-only client does not
//! get, each a typed error.

#![cfg(not(target_arch = "wasm32"))]

use std::time::Duration;

use docspace_api::oauth::loopback::LoopbackRedirect;
use docspace_api::oauth::{
    AuthorizationFlow, ErrorCode, MemoryStorage, OAuthClient, OAuthError, Renewal, Scope, is_denied,
};
use docspace_api::{Client, Error};
use docspace_devportal::PortalConfig;
use docspace_testkit::oauth::{Allow, AppRegistration, PortalUser, no_redirects};

/// Follows `location` to the loopback listener as the browser would, and reads its page.
async fn visit(location: String) -> String {
    no_redirects()
        .get(location)
        .send()
        .await
        .expect("the listener answers")
        .text()
        .await
        .expect("page")
}

#[tokio::test]
async fn a_tool_signs_in_through_the_loopback_redirect_and_errors_are_typed() {
    let p = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("devportal");
    let user = PortalUser::sign_in(&p.base_url(), &p.owner.email, &p.owner.password).await;
    let listener = LoopbackRedirect::bind(0).await.expect("listens");
    let redirect = listener.redirect_uri().to_string();
    assert!(redirect.starts_with("http://127.0.0.1:") && redirect.ends_with("/callback"));
    let app = user
        .register(AppRegistration::new("loopback tool", &redirect))
        .await;
    let (id, secret) = (app.client_id, app.client_secret);
    let flow = AuthorizationFlow::new(p.base_url(), &id, &redirect)
        .scopes([Scope::AccountsSelfRead, Scope::RoomsRead]);
    let store = MemoryStorage::default();

    // Signed in, with only one of the two scopes approved on the consent page.
    let url = flow.start(&store, "/after").expect("url");
    let back = user
        .consent(&url, &id, Allow::Only(&["accounts.self:read"]))
        .await;
    let (waited, page) = tokio::join!(listener.wait(Duration::from_secs(30)), visit(back.clone()));
    assert!(page.contains("Signed in"), "{page}");
    let back_url = waited.expect("the redirect");
    assert_eq!(back_url, back);
    let done = flow.finish(&store, &back_url).await.expect("tokens");
    assert_eq!(done.return_to, "/after");
    let held = done.tokens;
    assert_eq!(held.tokens().scopes(), vec![Scope::AccountsSelfRead]);
    assert_eq!(
        held.require(&[Scope::RoomsRead]),
        Err(OAuthError::ScopesNotGranted(vec![Scope::RoomsRead]))
    );
    let api = Client::builder(p.base_url())
        .oauth_token(held.access_token())
        .build()
        .expect("client");
    assert_eq!(
        api.people().me().await.expect("me").email.as_deref(),
        Some(p.owner.email.as_str())
    );
    // The missing scope: the portal's empty 403, and the same refusal foreseen as a type.
    let e = api.rooms().list().send().await.expect_err("no rooms scope");
    assert!(matches!(e, Error::Forbidden { .. }), "{e:?}");
    let foreseen = Scope::check(&held.tokens().scopes(), "GET", "/api/2.0/files/rooms")
        .map_err(OAuthError::from);
    assert!(matches!(foreseen, Err(OAuthError::MissingScope(_))));

    // A PKCE-only client gets no refresh token: renewal means authorizing again.
    assert!(held.tokens().refresh_token.is_none());
    assert_eq!(
        flow.refresh(&held).await.err(),
        Some(OAuthError::NoRefreshToken)
    );
    assert_eq!(
        held.renewal(std::time::SystemTime::now() + Duration::from_secs(3600)),
        Renewal::Reauthorize
    );

    // The same redirect again: nothing is pending any more.
    assert_eq!(
        flow.finish(&store, &back_url).await.err(),
        Some(OAuthError::NotStarted)
    );

    // Revoked (with the client's secret): the API refuses the token.
    OAuthClient::new(p.base_url(), &id, Some(secret))
        .expect("client")
        .revoke(held.access_token())
        .await
        .expect("revoked");
    let e = api.people().me().await.expect_err("revoked");
    assert!(matches!(e, Error::Unauthorized { .. }), "{e:?}");

    // A denial comes back to the listener as a typed refusal.
    let listener = LoopbackRedirect::bind(port_of(&redirect))
        .await
        .expect("listens again");
    let url = flow.start(&store, "/").expect("url");
    // Consent was given for accounts.self:read only; rooms:read still asks.
    let back = user.consent(&url, &id, Allow::Only(&[])).await;
    let (waited, page) = tokio::join!(listener.wait(Duration::from_secs(30)), visit(back));
    assert!(page.contains("not completed"), "{page}");
    let e = flow
        .finish(&store, &waited.expect("redirect"))
        .await
        .expect_err("denied");
    assert!(is_denied(&e), "{e:?}");

    // A redirect whose state is not ours.
    flow.start(&store, "/").expect("url");
    let forged = format!("{redirect}?code=abc&state=forged");
    assert_eq!(
        flow.finish(&store, &forged).await.err(),
        Some(OAuthError::StateMismatch)
    );
}

fn port_of(redirect: &str) -> u16 {
    redirect
        .trim_start_matches("http://127.0.0.1:")
        .trim_end_matches("/callback")
        .parse()
        .expect("port")
}

#[tokio::test]
async fn the_listener_ignores_other_requests_and_gives_up_in_time() {
    let listener = LoopbackRedirect::bind(0).await.expect("listens");
    let base = listener
        .redirect_uri()
        .trim_end_matches("/callback")
        .to_string();
    let (waited, favicon) = tokio::join!(listener.wait(Duration::from_millis(500)), async {
        no_redirects()
            .get(format!("{base}/favicon.ico"))
            .send()
            .await
            .expect("answered")
            .status()
    });
    assert_eq!(favicon, 404);
    assert_eq!(
        waited.err(),
        Some(OAuthError::Timeout(Duration::from_millis(500)))
    );
}

#[tokio::test]
async fn an_exchange_with_a_wrong_verifier_is_invalid_grant() {
    // The code is bound to the challenge: another tab's verifier cannot redeem it.
    let p = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("devportal");
    let user = PortalUser::sign_in(&p.base_url(), &p.owner.email, &p.owner.password).await;
    let redirect = "http://127.0.0.1:9/callback";
    let id = user
        .register(AppRegistration::new("loopback tool", redirect))
        .await
        .client_id;
    let flow = AuthorizationFlow::new(p.base_url(), &id, redirect).scopes([Scope::RoomsRead]);
    let store = MemoryStorage::default();
    let url = flow.start(&store, "/").expect("url");
    let back = user.consent(&url, &id, Allow::Only(&["rooms:read"])).await;
    let (code, _, _) = flow.callback(&store, &back).expect("code");
    let other = docspace_api::oauth::Pkce::generate().expect("random");
    let e = OAuthClient::new(p.base_url(), &id, None)
        .expect("client")
        .exchange_code(&code, redirect, &other)
        .await
        .expect_err("wrong verifier");
    assert!(
        matches!(
            e,
            OAuthError::Refused {
                code: ErrorCode::InvalidGrant,
                ..
            }
        ),
        "{e:?}"
    );
}
