//! The client against a real devportal over loopback HTTP (native transport).

#![cfg(not(target_arch = "wasm32"))]

use docspace_api::{Client, Error};
use docspace_devportal::PortalConfig;

#[tokio::test]
async fn me_decodes_the_owner() {
    let portal = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("portal");
    let client = Client::builder(portal.base_url())
        .api_key(&portal.owner.api_key)
        .build()
        .expect("client");
    let me = client.people().me().await.expect("me");
    assert_eq!(me.display_name, portal.owner.display_name);
    assert_eq!(me.email.as_deref(), Some("owner@example.com"));
    assert!(me.is_owner);
}

#[tokio::test]
async fn a_wrong_key_is_unauthorized() {
    let portal = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("portal");
    let client = Client::builder(portal.base_url())
        .api_key(format!("sk-{}", "1".repeat(64)))
        .build()
        .expect("client");
    let err = client.people().me().await.expect_err("must fail");
    assert!(matches!(err, Error::Unauthorized { .. }), "{err:?}");
}

#[tokio::test]
async fn an_unreachable_portal_is_a_network_error() {
    // Bind then drop a listener to get a loopback port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let client = Client::builder(format!("http://127.0.0.1:{port}"))
        .build()
        .expect("client");
    let err = client.people().me().await.expect_err("must fail");
    assert!(matches!(err, Error::Network(_)), "{err:?}");
}

#[test]
fn base_url_must_be_http() {
    let err = Client::builder("ftp://x").build().expect_err("rejected");
    assert!(
        matches!(
            err,
            Error::InvalidInput {
                field: "base_url",
                ..
            }
        ),
        "{err:?}"
    );
}
