//! End to end: the app served by the host, before and without a password sign-in: the demo
//! portal suggests its owner, a host-held key signs the app in at once, and what goes wrong
//! (a refused key, a portal that is down) is said on the page.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{dead_url, demo_host, devportal, host, text_of, wait_for, with_browser};

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_portal_suggests_its_owner_on_the_sign_in_page() {
    let host = demo_host().await;
    let url = host.base_url();
    let owner = host
        .embedded
        .as_ref()
        .expect("embedded portal")
        .owner
        .clone();
    with_browser(|driver| async move {
        driver.goto(&url).await.expect("open app");
        assert_eq!(
            text_of(&driver, "[data-testid='demo-owner-name']").await,
            owner.display_name
        );
        let email = wait_for(&driver, "[data-testid='sign-in-form'] input[type='email']").await;
        assert_eq!(
            email.prop("value").await.expect("value").as_deref(),
            Some(owner.email.as_str())
        );
        let page = driver.source().await.expect("source");
        assert!(
            !page.contains(&owner.password),
            "the password is never sent to the page"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_host_held_key_shows_its_owner_at_once_and_the_sdk_loads() {
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
        // The diagnostics page loads the portal's Embed SDK and names its version.
        driver
            .goto(format!("{url}/diagnostics"))
            .await
            .expect("open diagnostics");
        wait_for(&driver, "[data-testid='diag-script'][data-verdict='ok']").await;
        let script = text_of(
            &driver,
            "[data-testid='diag-script'] [data-testid='diag-summary']",
        )
        .await;
        assert!(script.contains("api.js 2.1.0"), "{script}");
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
async fn a_key_the_portal_rejects_is_reported_on_the_sign_in_page() {
    let portal = devportal().await;
    let wrong = format!("sk-{}", "3".repeat(64));
    let host = host(&portal.base_url(), Some(&wrong)).await;
    let url = host.base_url();
    with_browser(|driver| async move {
        driver.goto(&url).await.expect("open app");
        let notice = text_of(&driver, "[data-testid='session-notice']").await;
        assert!(
            // The app's words, then the portal's own reason for the 401.
            notice.contains("API key") && notice.contains("invalid credentials"),
            "{notice}"
        );
        wait_for(&driver, "[data-testid='sign-in-form']").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_portal_that_is_down_is_reported_before_anyone_signs_in() {
    let host = host(&dead_url(), None).await;
    let url = host.base_url();
    with_browser(|driver| async move {
        driver.goto(&url).await.expect("open app");
        let err = text_of(&driver, "[data-testid='portal-error']").await;
        assert!(err.contains("cannot be reached"), "{err}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_paths_get_a_not_found_page() {
    let portal = devportal().await;
    let host = host(&portal.base_url(), Some(&portal.owner.api_key)).await;
    let url = format!("{}/no/such/page", host.base_url());
    with_browser(|driver| async move {
        driver.goto(&url).await.expect("open app");
        let text = text_of(&driver, "[data-testid='not-found']").await;
        assert!(text.contains("/no/such/page"), "{text}");
    })
    .await;
}
