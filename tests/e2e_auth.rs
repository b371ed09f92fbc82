//! End to end: signing in with a password, frames sharing the session, staying signed in only
//! when asked, and signing out of the app and the frames together.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::*;

/// What the page keeps in web storage, as JSON text.
async fn storage(driver: &WebDriver) -> (String, String) {
    let read = |which: &'static str| async move {
        driver
            .execute(
                &format!("return JSON.stringify(Object.assign({{}}, {which}));"),
                Vec::new(),
            )
            .await
            .expect("script")
            .json()
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    (read("sessionStorage").await, read("localStorage").await)
}

#[tokio::test(flavor = "multi_thread")]
async fn signs_in_and_the_frames_share_the_session_with_nothing_in_storage() {
    let stack = Stack::start().await;
    let owner = stack.portal.owner.clone();
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), &owner.email, &owner.password, false).await;
        assert_eq!(
            text_of(&driver, "[data-testid='user-name']").await,
            owner.display_name
        );
        frames_signed_in(&driver).await;
        let (session, local) = storage(&driver).await;
        assert_eq!(session, "{}", "no token kept unless asked");
        assert!(
            !local.contains("session") && !local.contains(&owner.password),
            "{local}"
        );
        assert!(
            stack.portal_session(&driver).await,
            "the portal knows the browser: frames are signed in"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reload_keeps_the_session_only_when_asked() {
    let stack = Stack::start().await;
    let owner = stack.portal.owner.clone();
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), &owner.email, &owner.password, false).await;
        driver.refresh().await.expect("reload");
        wait_for(&driver, "[data-testid='sign-in-form']").await;

        sign_in(&driver, &stack.url(), &owner.email, &owner.password, true).await;
        let (session, local) = storage(&driver).await;
        assert!(session.contains("docspace-embed.session"), "{session}");
        assert!(
            !local.contains("docspace-embed.session"),
            "never in localStorage: {local}"
        );
        driver.refresh().await.expect("reload");
        assert_eq!(
            text_of(&driver, "[data-testid='user-name']").await,
            owner.display_name
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_password_is_refused_with_the_portals_message() {
    let stack = Stack::start().await;
    let owner = stack.portal.owner.clone();
    with_browser(|driver| async move {
        driver.goto(stack.url()).await.expect("open app");
        fill(
            &driver,
            "[data-testid='sign-in-form'] input[type='email']",
            &owner.email,
        )
        .await;
        fill(
            &driver,
            "[data-testid='sign-in-form'] input[type='password']",
            "not-the-password",
        )
        .await;
        click(
            &driver,
            "[data-testid='sign-in-form'] button[type='submit']",
        )
        .await;
        let err = text_of(&driver, "[data-testid='sign-in-error']:not([hidden])").await;
        assert!(err.contains("did not accept"), "{err}");
        assert!(
            driver
                .find(By::Css("[data-testid='user-name']"))
                .await
                .is_err()
        );
        // Empty fields are caught before anything is sent.
        fill(
            &driver,
            "[data-testid='sign-in-form'] input[type='password']",
            "",
        )
        .await;
        click(
            &driver,
            "[data-testid='sign-in-form'] button[type='submit']",
        )
        .await;
        let msg = text_of(
            &driver,
            "[data-testid='sign-in-form'] .field__error:not([hidden])",
        )
        .await;
        assert!(msg.contains("password"), "{msg}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn signing_out_signs_the_frames_out_too() {
    let stack = Stack::start().await;
    let owner = stack.portal.owner.clone();
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), &owner.email, &owner.password, true).await;
        frames_signed_in(&driver).await;
        click(&driver, "[data-testid='sign-out']").await;
        wait_for(&driver, "[data-testid='sign-in-form']").await;
        let (session, _) = storage(&driver).await;
        assert_eq!(session, "{}", "the kept token is gone");
        assert!(
            !stack.portal_session(&driver).await,
            "the frames' portal session ended"
        );
        // And the app stays signed out after a reload.
        driver
            .goto(format!("{}/rooms", stack.url()))
            .await
            .expect("open");
        wait_for(&driver, "[data-testid='sign-in-form']").await;
    })
    .await;
}
