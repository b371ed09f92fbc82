//! End to end: the app, served by the host, shows who is signed in, fetched through the host's
//! proxy from the devportal, and loads the portal's official Embed SDK.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{dead_url, devportal, host, text_of, with_browser};

#[tokio::test(flavor = "multi_thread")]
async fn shows_the_signed_in_owner_and_a_ready_sdk() {
    let portal = devportal().await;
    let host = host(&portal.base_url(), Some(&portal.owner.api_key)).await;
    let url = host.base_url();
    let expected = portal.owner.display_name.clone();
    with_browser(|driver| async move {
        driver.goto(&url).await.expect("open app");
        assert_eq!(
            text_of(&driver, "[data-testid='user-name']").await,
            expected
        );
        let sdk = text_of(&driver, "[data-testid='sdk-status']").await;
        assert_eq!(sdk, "Embed SDK 2.1.0 ready");
    })
    .await;
    // The name really came through the proxy: the devportal saw the browser's request.
    assert!(
        portal
            .stats()
            .requests_by_method
            .get("GET")
            .copied()
            .unwrap_or(0)
            >= 1
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_key_the_portal_rejects_shows_an_error_not_a_name() {
    let portal = devportal().await;
    let wrong = format!("sk-{}", "3".repeat(64));
    let host = host(&portal.base_url(), Some(&wrong)).await;
    let url = host.base_url();
    with_browser(|driver| async move {
        driver.goto(&url).await.expect("open app");
        let err = text_of(&driver, "[data-testid='user-error']").await;
        assert!(err.contains("unauthorized"), "{err}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_portal_that_is_down_shows_a_clear_error() {
    let host = host(&dead_url(), None).await;
    let url = host.base_url();
    with_browser(|driver| async move {
        driver.goto(&url).await.expect("open app");
        let err = text_of(&driver, "[data-testid='user-error']").await;
        assert!(err.contains("cannot be reached"), "{err}");
    })
    .await;
}
