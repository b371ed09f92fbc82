//! End to end: managing rooms beyond creating them — editing, pinning, and external links
//! (create, copy address, revoke), each checked on the portal through REST.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::{FileShare, LinkType, RoomType};
use support::*;

#[tokio::test(flavor = "multi_thread")]
async fn edits_and_pins_a_room() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Quarterly plans", RoomType::Custom).await;
    let stack = &stack;
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        row_action(&driver, "Quarterly plans", "room-edit").await;
        let title = wait_for(&driver, "[data-testid='room-title'] input").await;
        assert_eq!(
            title.prop("value").await.expect("value").as_deref(),
            Some("Quarterly plans"),
            "the dialog starts from the room's values"
        );
        fill(&driver, "[data-testid='room-title'] input", "Annual plans").await;
        click(&driver, "[data-testid='room-save'] button").await;
        until_room_listed(&driver, "Annual plans").await;
        row_action(&driver, "Annual plans", "room-pin").await;
        let pin = wait_for(&driver, "[data-testid='room-pinned']").await;
        // A drawn pin, named for screen readers; no emoji that needs a font.
        assert_eq!(pin.text().await.expect("text").trim(), "Pinned");
        pin.find(By::Css("svg[data-glyph='pin'][aria-hidden='true']"))
            .await
            .expect("the pin icon");
    })
    .await;
    let stored = api.rooms().get(room.id.clone()).await.expect("room");
    assert_eq!(stored.title, "Annual plans");
    assert!(stored.pinned, "pinned on the portal");
}

#[tokio::test(flavor = "multi_thread")]
async fn creates_and_revokes_an_external_link() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Shared with partners", RoomType::Custom).await;
    let active = |api: docspace_api::Client, id: docspace_api::models::FolderId| async move {
        api.rooms()
            .links(id, Some(LinkType::External))
            .await
            .expect("links")
            .into_iter()
            .filter(|s| s.access != FileShare::None)
            .filter_map(|s| s.link().cloned())
            .collect::<Vec<_>>()
    };
    let before = active(api.clone(), room.id.clone()).await.len();
    let stack = &stack;
    let (api_ref, room_id) = (&api, &room.id);
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        click(&driver, "a[href='/rooms']").await;
        click(
            &driver,
            &format!("[data-testid='room-title'][href='/rooms/{room_id}']"),
        )
        .await;
        click(&driver, "[data-testid='open-links'] button").await;
        fill(
            &driver,
            "[data-testid='link-form'] input[type='text']",
            "For partners",
        )
        .await;
        click(&driver, "[data-testid='link-form'] button[type='submit']").await;
        let shown = eventually("the new link is listed with its address", || {
            let driver = driver.clone();
            async move {
                for item in driver
                    .find_all(By::Css("[data-testid='link']"))
                    .await
                    .ok()?
                {
                    if item.text().await.ok()?.contains("For partners") {
                        let url = item
                            .find(By::Css("[data-testid='link-url']"))
                            .await
                            .ok()?
                            .prop("value")
                            .await
                            .ok()??;
                        return (!url.is_empty()).then_some(url);
                    }
                }
                None
            }
        })
        .await;
        let links = active(api_ref.clone(), room_id.clone()).await;
        let made = links
            .iter()
            .find(|l| l.title == "For partners")
            .expect("the portal has the link");
        assert_eq!(
            made.share_link.as_deref(),
            Some(shown.as_str()),
            "the address shown is the portal's"
        );
        assert_eq!(links.len(), before + 1);
        // Revoke it: gone from the page and from the portal.
        for item in driver
            .find_all(By::Css("[data-testid='link']"))
            .await
            .expect("links")
        {
            if item.text().await.expect("text").contains("For partners") {
                item.find(By::Css("[data-testid='link-revoke'] button"))
                    .await
                    .expect("revoke button")
                    .click()
                    .await
                    .expect("revoke");
                // It asks first.
                click(
                    &driver,
                    "[data-testid='link-revoke-confirm'] button:nth-of-type(1)",
                )
                .await;
                break;
            }
        }
        eventually("the link is gone from the page", || {
            let driver = driver.clone();
            async move {
                for item in driver
                    .find_all(By::Css("[data-testid='link']"))
                    .await
                    .ok()?
                {
                    if item.text().await.ok()?.contains("For partners") {
                        return None;
                    }
                }
                Some(())
            }
        })
        .await;
    })
    .await;
    let after = active(api.clone(), room.id.clone()).await;
    assert!(
        after.iter().all(|l| l.title != "For partners"),
        "revoked on the portal: {:?}",
        after.iter().map(|l| &l.title).collect::<Vec<_>>()
    );
}
