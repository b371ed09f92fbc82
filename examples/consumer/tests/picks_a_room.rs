//! The consumer's own headless test: a devportal in-process (seeded, on loopback), this page
//! built with Trunk and served on its own origin, a user signing in, seeing the rooms the REST
//! client listed, and picking a room in the portal's selector, which opens it in the manager.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::Command;

use docspace_testkit::{
    DirServer, DocSpaceFrame, Role, TestPortal, text_of, wait_for, with_browser,
};

/// Builds this page with Trunk (debug) into `dist/`.
fn build_page() -> std::path::PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let status = Command::new("trunk")
        .arg("build")
        .current_dir(here)
        .status()
        .unwrap_or_else(|e| panic!("cannot run trunk ({e}); `cargo install --locked trunk`"));
    assert!(status.success(), "trunk build failed");
    here.join("dist")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_user_signs_in_sees_the_rooms_and_opens_one_from_the_selector() {
    let page = DirServer::start(build_page()).await;
    let portal = TestPortal::builder()
        .allow_origin(page.origin())
        .start()
        .await
        .expect("portal");
    let url = format!("{}/?portal={}", page.origin(), portal.url());
    let password = portal.password().to_string();
    with_browser(|driver| async move {
        driver.goto(&url).await.expect("open the page");
        let email = wait_for(&driver, "[data-testid='sign-in'] input[type='email']").await;
        email
            .send_keys(Role::RoomAdmin.email())
            .await
            .expect("type");
        let pass = wait_for(&driver, "[data-testid='sign-in'] input[type='password']").await;
        pass.send_keys(&password).await.expect("type");
        wait_for(&driver, "[data-testid='sign-in'] button[type='submit']")
            .await
            .click()
            .await
            .expect("submit");
        // The REST call's answer.
        let rooms = text_of(&driver, "[data-testid='rest-rooms']").await;
        assert!(rooms.contains("Contracts"), "{rooms}");
        // The selector frame, signed in by the page's sign-in: pick a room.
        let selector = DocSpaceFrame::wait_css(&driver, ".picker iframe").await;
        assert!(
            !selector.asks_to_sign_in().await,
            "the frames share the session"
        );
        selector.pick("Contracts").await;
        selector.accept().await;
        assert_eq!(
            text_of(&driver, "[data-testid='picked']").await,
            "Picked: Contracts"
        );
        // And the manager opens on it.
        let manager = DocSpaceFrame::wait_css(&driver, ".manager iframe").await;
        assert!(!manager.asks_to_sign_in().await);
    })
    .await;
}
