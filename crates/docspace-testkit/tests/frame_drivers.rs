//! The frame drivers against real frames: a page on another origin embeds the devportal's room
//! selector with the official `api.js`, and the test searches, picks, reads the selection,
//! accepts, and signs a frame in, as a user would.

#![cfg(feature = "portal")]

use docspace_testkit::{DocSpaceFrame, PageServer, Role, TestPortal, wait_until, with_browser};

/// A page that opens the room selector with search, and keeps what it delivers in
/// `window.picked` (titles).
fn selector_page(portal: &str) -> String {
    format!(
        r#"<!doctype html><meta charset="utf-8"><title>selector</title>
<div id="room-selector"></div>
<script src="{portal}/static/scripts/sdk/2.0.0/api.js"></script>
<script>
  window.picked = null;
  DocSpace.SDK.initRoomSelector({{
    frameId: "room-selector", src: "{portal}", width: "100%", height: "600px",
    withSearch: true,
    events: {{ onSelectCallback: (items) => {{ window.picked = items.map((i) => i.label); }} }},
  }});
</script>"#
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_test_signs_the_frame_in_searches_picks_and_reads_the_selection() {
    let pages = PageServer::start(0).await;
    let portal = TestPortal::builder()
        .allow_origin(pages.origin())
        .start()
        .await
        .expect("portal");
    let url = pages.page("selector", selector_page(&portal.url()));
    let portal = &portal;
    with_browser(|driver| async move {
        driver.goto(&url).await.expect("open the page");
        // A new browser has no portal session: the frame shows the sign-in page.
        let frame = DocSpaceFrame::wait(&driver, "room-selector").await;
        assert!(frame.asks_to_sign_in().await);
        frame.sign_in(Role::Owner.email(), portal.password()).await;
        assert!(!frame.asks_to_sign_in().await);
        let all = frame.titles().await;
        assert!(all.iter().any(|t| t == "Contracts"), "{all:?}");

        frame.search("contr").await;
        assert_eq!(frame.titles().await, ["Contracts"]);
        frame.pick("Contracts").await;
        assert_eq!(frame.selected().await, ["Contracts"]);
        frame.accept().await;
        let picked = wait_until(&driver, "return window.picked;").await;
        assert_eq!(picked, serde_json::json!(["Contracts"]));
    })
    .await;
}
