//! Sessions the browser keeps for a page, natively: the `asc_auth_key` cookie set by a login
//! (the client keeps a cookie store, as a browser does), and a caller-supplied bearer token.

#![cfg(not(target_arch = "wasm32"))]

use docspace_api::{Auth, Client, Error};
use docspace_devportal::PortalConfig;

#[tokio::test]
async fn a_cookie_session_signs_in_and_out() {
    let portal = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("portal");
    let client = Client::builder(portal.base_url()).build().expect("client");
    let token = client
        .auth()
        .login(&portal.owner.email, &portal.owner.password)
        .session(true)
        .use_cookie(true)
        .send()
        .await
        .expect("login");
    assert!(token.token.is_some());
    assert!(
        token.expires.is_none(),
        "browser-session logins do not expire on their own"
    );
    // No Authorization header from now on: only the cookie the portal set.
    assert_eq!(client.credentials(), Auth::Cookie);
    assert!(
        client
            .people()
            .me()
            .await
            .expect("me through the cookie")
            .is_owner
    );
    client.auth().logout().await.expect("logout");
    let e = client
        .people()
        .me()
        .await
        .expect_err("the cookie is cleared");
    assert!(matches!(e, Error::Unauthorized { .. }), "{e:?}");
}

#[tokio::test]
async fn a_caller_supplied_bearer_token_is_sent_as_bearer() {
    // The devportal has no OAuth server; DocSpace reads any non-JWT, non-`sk-` bearer as a login
    // token, so a login token checks the `Authorization: Bearer …` path of `Auth::OAuth`.
    let portal = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("portal");
    let login = Client::builder(portal.base_url()).build().expect("client");
    let token = login
        .auth()
        .login(&portal.owner.email, &portal.owner.password)
        .send()
        .await
        .expect("login")
        .token
        .expect("token");
    let bearer = Client::builder(portal.base_url())
        .oauth_token(token.expose())
        .build()
        .expect("client");
    assert!(matches!(bearer.credentials(), Auth::OAuth(_)));
    assert!(bearer.people().me().await.expect("me").is_owner);
    assert!(!format!("{:?}", bearer.credentials()).contains(token.expose()));
    let forged = Client::builder(portal.base_url())
        .oauth_token("not-a-token")
        .build()
        .expect("client");
    assert!(matches!(
        forged.people().me().await,
        Err(Error::Unauthorized { .. })
    ));
}
