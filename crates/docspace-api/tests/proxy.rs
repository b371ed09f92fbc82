//! A portal behind a proxy that wants credentials (HTTP 407, RFC 9110 §15.5.8): the client says
//! what to fix instead of a bare status, does not retry what cannot pass, and gets through with
//! the proxy's credentials in its URL.

#![cfg(not(target_arch = "wasm32"))]

use docspace_api::{Client, Error};
use docspace_devportal::{PortalConfig, RunningPortal};
use docspace_testkit::AuthProxy;

async fn portal() -> RunningPortal {
    docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("devportal")
}

fn through(portal_url: &str, proxy_url: &str, key: &str) -> Client {
    Client::builder(portal_url)
        .api_key(key)
        .proxy(proxy_url)
        .build()
        .expect("client")
}

#[tokio::test]
async fn a_proxy_without_credentials_gets_a_typed_error_that_says_what_to_do() {
    let portal = portal().await;
    let proxy = AuthProxy::start("qa", "s3cret").await;
    let client = through(&portal.base_url(), &proxy.url(), &portal.owner.api_key);

    let err = client.people().me().await.unwrap_err();

    assert_eq!(
        err,
        Error::ProxyAuthentication {
            challenge: Some("Basic realm=\"loopback proxy\"".into())
        }
    );
    assert_eq!(err.status(), Some(407));
    let text = err.to_string();
    assert!(
        text.contains("Basic realm") && text.contains("HTTPS_PROXY=http://user:password@"),
        "{text}"
    );
    // A 407 cannot pass on a retry: one request, and nothing reached the portal.
    assert_eq!(proxy.refused(), 1);
    assert_eq!(portal.stats().requests_total, 0);
}

#[tokio::test]
async fn the_proxys_credentials_in_its_url_get_through() {
    let portal = portal().await;
    let proxy = AuthProxy::start("qa", "s3cret").await;
    let client = through(
        &portal.base_url(),
        &proxy.url_with_credentials(),
        &portal.owner.api_key,
    );

    let me = client
        .people()
        .me()
        .await
        .expect("signed in through the proxy");

    assert_eq!(me.email.as_deref(), Some(portal.owner.email.as_str()));
    assert_eq!((proxy.forwarded(), proxy.refused()), (1, 0));
}

#[tokio::test]
async fn a_refused_tunnel_to_an_https_portal_is_the_same_typed_error() {
    let proxy = AuthProxy::start("qa", "s3cret").await;
    // An https portal is reached through a CONNECT tunnel, which the proxy refuses before any
    // TLS starts: no portal needs to listen there.
    let client = through("https://127.0.0.1:9", &proxy.url(), "sk-unused");

    let err = client.people().me().await.unwrap_err();

    assert_eq!(err, Error::ProxyAuthentication { challenge: None });
    assert_eq!(proxy.refused(), 1, "a refused tunnel is not retried");
}
