//! End to end: signing in with a password, frames sharing the session, a session that lasts
//! across reloads and tabs (kept by the host, out of script's reach), signing in again when it
//! ends, and signing out of the app and the frames together.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::RoomType;
use support::*;

/// What the page keeps in web storage, as JSON text.
async fn storage(driver: &WebDriver) -> (String, String) {
    (
        web_storage(driver, "sessionStorage").await,
        web_storage(driver, "localStorage").await,
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn signs_in_and_the_frames_share_the_session_with_nothing_in_storage() {
    let stack = Stack::start().await;
    let owner = stack.portal.owner.clone();
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
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

/// The cookie the host keeps the session in, as script sees it (it must not).
async fn script_cookies(driver: &WebDriver) -> String {
    driver
        .execute("return document.cookie;", Vec::new())
        .await
        .expect("script")
        .json()
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_session_lasts_across_reloads_typed_urls_and_tabs_with_the_token_out_of_reach() {
    let stack = Stack::start().await;
    let owner = stack.portal.owner.clone();
    let api = stack.api();
    let room = new_room(&api, "Lasting session", RoomType::Custom).await;
    let file = upload(&api, room.id.clone(), "notes.txt", b"still here".to_vec()).await;
    let stack = &stack;
    let file_url = format!("{}/files/{}", stack.url(), file.id);
    let file_url = &file_url;
    with_browser(|driver| async move {
        // "Stay signed in" not ticked, as most people leave it.
        stack.sign_in_owner(&driver).await;
        frames_signed_in(&driver).await;
        driver.refresh().await.expect("reload");
        assert_eq!(
            text_of(&driver, "[data-testid='user-name']").await,
            owner.display_name
        );
        // A typed URL of a file: signed in, and the frames are known to share the session
        // without asking for the password again.
        driver.goto(file_url).await.expect("typed URL");
        frames_signed_in(&driver).await;
        assert!(
            driver
                .find(By::Css("[data-testid='frames-notice']"))
                .await
                .is_err(),
            "no password asked for frames that are signed in"
        );
        // A second tab.
        driver.new_tab().await.expect("tab");
        let handles = driver.windows().await.expect("windows");
        driver
            .switch_to_window(handles.last().expect("the new tab").clone())
            .await
            .expect("switch");
        driver
            .goto(format!("{}/rooms", stack.url()))
            .await
            .expect("open");
        assert_eq!(
            text_of(&driver, "[data-testid='user-name']").await,
            owner.display_name
        );
        // Nothing of the session in web storage, and the token is not readable by script.
        let (session, local) = storage(&driver).await;
        assert_eq!(session, "{}");
        assert!(!local.contains("session"), "{local}");
        let cookies = script_cookies(&driver).await;
        assert!(!cookies.contains("docspace-embed-session"), "{cookies}");
        assert!(cookies.contains("docspace-embed-signed-in=1"), "{cookies}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_session_ended_elsewhere_asks_to_sign_in_again_and_returns_to_the_page() {
    let stack = Stack::start().await;
    let owner = stack.portal.owner.clone();
    let room = stack
        .api()
        .rooms()
        .create("Back after sign-in", RoomType::Custom)
        .send()
        .await
        .expect("room");
    let stack = &stack;
    let room = &room;
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        let first = driver.window().await.expect("this tab");
        // Signing out in a second tab ends the session for both.
        driver.new_tab().await.expect("tab");
        let second = driver
            .windows()
            .await
            .expect("windows")
            .into_iter()
            .find(|h| *h != first)
            .expect("the new tab");
        driver.switch_to_window(second).await.expect("switch");
        driver
            .goto(format!("{}/rooms", stack.url()))
            .await
            .expect("open");
        click(&driver, "[data-testid='sign-out']").await;
        wait_for(&driver, "[data-testid='sign-in-form']").await;
        driver.close_window().await.expect("close");
        driver.switch_to_window(first).await.expect("back");
        // The first tab still shows the rooms; the next thing it asks the portal is refused,
        // and the user is asked to sign in, with the reason, instead of an error dialog.
        click(
            &driver,
            &format!("[data-testid='room-title'][href='/rooms/{}']", room.id),
        )
        .await;
        wait_for(&driver, "[data-testid='sign-in-form']").await;
        let notice = text_of(&driver, "[data-testid='session-notice']").await;
        assert!(notice.contains("session has ended"), "{notice}");
        fill(
            &driver,
            "[data-testid='sign-in-form'] input[type='password']",
            &owner.password,
        )
        .await;
        click(
            &driver,
            "[data-testid='sign-in-form'] button[type='submit']",
        )
        .await;
        // Back where they were.
        eventually("back on the room page", || {
            let driver = driver.clone();
            async move {
                let url = driver.current_url().await.ok()?;
                (url.path() == format!("/rooms/{}", room.id)).then_some(())
            }
        })
        .await;
        wait_for(&driver, "[data-testid='folder-title']").await;
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
        // One error, not two: the password field, emptied after the refusal, does not also say
        // that a password is missing (nothing was left out), and no toast repeats it.
        let shown = js(
            &driver,
            "return [...document.querySelectorAll(\".sign-in [role=alert], .sign-in .field__error, [data-testid='toast']\")]\
                 .filter(e => !e.hidden && e.textContent.trim()).map(e => e.textContent.trim());",
        )
        .await;
        assert_eq!(shown.as_array().map(Vec::len), Some(1), "{shown}");
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
