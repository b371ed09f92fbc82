//! End to end: actions are offered by role, as DocSpace's web UI offers them. A guest is offered
//! neither New room nor Edit nor Archive of a room they may only view (the room's `security`
//! flags, the user's type); the room-manager picker leaves out users and guests; archiving asks
//! first, in a dialog that takes and returns keyboard focus, and offers Undo; "Copy here" works
//! in the folder the user has opened, with labelled squares on the rows.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::{FileShare, RoomType, SearchArea};
use support::*;

const GUEST: &str = "guest@example.com";
const USER: &str = "user@example.com";
const ROOM_ADMIN: &str = "roomadmin@example.com";

/// The test ids of the items in the actions menu of the row `title`.
async fn menu_items(driver: &WebDriver, title: &str) -> Vec<String> {
    let trigger = wait_for(driver, &format!("button[aria-label='Actions for {title}']")).await;
    let menu = trigger
        .attr("aria-controls")
        .await
        .expect("aria-controls")
        .expect("the menu names its list");
    // The items are built when the menu is first used, as a user opens it.
    trigger.click().await.expect("open the menu");
    wait_for(driver, &format!("[id='{menu}'] [role='menuitem']")).await;
    let mut out = Vec::new();
    for item in driver
        .find_all(By::Css(format!("[id='{menu}'] [data-testid]")))
        .await
        .expect("items")
    {
        out.push(
            item.attr("data-testid")
                .await
                .ok()
                .flatten()
                .unwrap_or_default(),
        );
    }
    driver
        .action_chain()
        .send_keys(Key::Escape)
        .perform()
        .await
        .expect("close the menu");
    out
}

/// The `aria-label` of the focused element, and whether it is inside an open dialog.
async fn focus(driver: &WebDriver) -> (String, bool) {
    let v = driver
        .execute(
            "const a = document.activeElement;
             return [a?.getAttribute('aria-label') ?? '', !!a?.closest('dialog[open]')];",
            Vec::new(),
        )
        .await
        .expect("focus")
        .json()
        .clone();
    (
        v[0].as_str().unwrap_or_default().to_string(),
        v[1].as_bool().unwrap_or(false),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_guest_is_offered_neither_new_room_nor_edit_nor_archive() {
    let stack = Stack::start().await;
    let password = stack.portal.owner.password.clone();
    let api = stack.api();
    let room = new_room(&api, "Guest view", RoomType::Custom).await;
    add_member(&api, &room.id, GUEST, FileShare::Read).await;
    let stack = &stack;
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), GUEST, &password, false).await;
        wait_for(&driver, "[data-testid='room-row']").await;
        assert!(
            absent(&driver, "[data-testid='create-room']").await,
            "a guest may not create rooms, so is not offered to"
        );
        let items = menu_items(&driver, "Guest view").await;
        assert_eq!(items, ["room-pin"], "a viewer may pin, nothing more");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_room_manager_picker_offers_no_guest_or_user() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Managed room", RoomType::Custom).await;
    let stack = &stack;
    let room_id = &room.id;
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        click(&driver, "[data-testid='open-members'] button").await;
        let form = "[data-testid='invite-form']";
        let levels_css = format!("{form} [data-testid='invite-access'] select option");
        wait_for(&driver, &format!("{levels_css}[value='9']")).await;
        // Room manager chosen: only admins and room admins can be picked.
        click(&driver, &format!("{levels_css}[value='9']")).await;
        let person =
            |email: &str| format!("{form} [data-testid='pick-person'][data-email='{email}'] input");
        let pickable = |email: String| {
            let driver = driver.clone();
            async move {
                let input = driver.find(By::Css(email)).await.ok()?;
                input.is_enabled().await.ok()
            }
        };
        eventually("a room admin can be picked as room manager", || {
            let check = pickable(person(ROOM_ADMIN));
            async move { (check.await == Some(true)).then_some(()) }
        })
        .await;
        for unpaid in [GUEST, USER] {
            assert_eq!(
                pickable(person(unpaid)).await,
                Some(false),
                "{unpaid} cannot be picked as room manager"
            );
        }
        // A guest picked first (with a lower level): room manager is not among the levels.
        let viewer = FileShare::Read.value();
        click(&driver, &format!("{levels_css}[value='{viewer}']")).await;
        click(&driver, &person(GUEST)).await;
        wait_for(
            &driver,
            &format!("{form} [data-testid='picked-person'][data-email='{GUEST}']"),
        )
        .await;
        let levels: Vec<String> = {
            let mut out = Vec::new();
            for o in driver
                .find_all(By::Css(levels_css.clone()))
                .await
                .expect("options")
            {
                out.push(o.text().await.expect("text"));
            }
            out
        };
        assert!(
            !levels.iter().any(|l| l == "Room manager"),
            "a guest is not offered room manager: {levels:?}"
        );
        assert!(levels.iter().any(|l| l == "Viewer"), "{levels:?}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn archiving_asks_first_escape_returns_focus_and_undo_restores() {
    let stack = Stack::start().await;
    let api = stack.api();
    let title = "Archive me";
    api.rooms()
        .create(title, RoomType::Custom)
        .send()
        .await
        .expect("room");
    let stack = &stack;
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        let trigger = format!("Actions for {title}");

        // Escape: nothing happens, and focus is back on the row's actions button.
        row_action(&driver, title, "room-archive").await;
        let question = text_of(&driver, "dialog[open] [data-testid='archive-question']").await;
        assert!(
            question.contains(title),
            "the dialog names the room: {question}"
        );
        let inside = eventually("focus moves into the dialog", || {
            let driver = driver.clone();
            async move { focus(&driver).await.1.then_some(true) }
        })
        .await;
        assert!(inside);
        driver
            .active_element()
            .await
            .expect("focused")
            .send_keys(Key::Escape)
            .await
            .expect("Escape");
        eventually("the dialog closed and focus returned", || {
            let (driver, trigger) = (driver.clone(), trigger.clone());
            async move {
                let closed = driver
                    .find_all(By::Css("dialog[open]"))
                    .await
                    .ok()?
                    .is_empty();
                (closed && focus(&driver).await.0 == trigger).then_some(())
            }
        })
        .await;

        // Cancel: nothing happens either.
        row_action(&driver, title, "room-archive").await;
        click(&driver, "[data-testid='cancel-archive'] button").await;
        until_gone(&driver, "dialog[open]").await;
        assert_eq!(
            rooms_titled(&api, title, SearchArea::Archive).await.len(),
            0,
            "not archived"
        );

        // Confirm: archived; Undo in the notice brings it back.
        row_action(&driver, title, "room-archive").await;
        click(&driver, "[data-testid='confirm-archive'] button").await;
        let api2 = api.clone();
        eventually("archived on the portal", || {
            let api = api2.clone();
            async move { (rooms_titled(&api, title, SearchArea::Archive).await.len() == 1).then_some(()) }
        })
        .await;
        // The notice fades in; WebDriver reads no text from an element while it is transparent,
        // so the label is read from the DOM.
        wait_until(
            &driver,
            "const b = document.querySelector(\"[data-testid='toast'] [data-testid='toast-action']\"); \
             return b && b.textContent.trim() === 'Undo' ? true : null;",
        )
        .await;
        let undo = wait_for(
            &driver,
            "[data-testid='toast'] [data-testid='toast-action']",
        )
        .await;
        undo.click().await.expect("undo");
        let api2 = api.clone();
        eventually("active again after Undo", || {
            let api = api2.clone();
            async move { (rooms_titled(&api, title, SearchArea::Active).await.len() == 1).then_some(()) }
        })
        .await;
    })
    .await;
}

/// Clicks the picker's option named `title` (a folder opens).
async fn open_option(driver: &WebDriver, title: &str) {
    let option = eventually(&format!("{title} is listed"), || {
        let driver = driver.clone();
        async move {
            for o in driver
                .find_all(By::Css("[data-testid='picker-option'] .ds-picker__title"))
                .await
                .ok()?
            {
                if o.text().await.ok()? == title {
                    return Some(o);
                }
            }
            None
        }
    })
    .await;
    option.click().await.expect("open");
}

#[tokio::test(flavor = "multi_thread")]
async fn copy_here_is_enabled_in_the_folder_opened() {
    let stack = Stack::start().await;
    let api = stack.api();
    let source = new_room(&api, "Copy source", RoomType::Custom).await;
    let target = new_room(&api, "Copy target", RoomType::Custom).await;
    let inbox = new_folder(&api, target.id.clone(), "Inbox").await;
    upload(&api, source.id.clone(), "memo.txt", b"copy me\n".to_vec()).await;
    let stack = &stack;
    let source_id = &source.id;
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, source_id).await;
        row_action(&driver, "memo.txt", "entry-copy").await;
        wait_for(&driver, "[data-testid='file-picker']").await;
        click(&driver, ".ds-picker__crumb").await;
        open_option(&driver, "Copy target").await;
        // The squares say what they do.
        let square = eventually("the Inbox row has its square", || {
            let driver = driver.clone();
            async move {
                for o in driver
                    .find_all(By::Css("[data-testid='picker-option']"))
                    .await
                    .ok()?
                {
                    if o.text().await.ok()?.contains("Inbox") {
                        return o.find(By::Css("[data-testid='picker-check']")).await.ok();
                    }
                }
                None
            }
        })
        .await;
        assert_eq!(
            square.attr("title").await.expect("attr").as_deref(),
            Some("Select Inbox")
        );
        open_option(&driver, "Inbox").await;
        let accept = eventually("Copy here is enabled in Inbox, nothing ticked", || {
            let driver = driver.clone();
            async move {
                let b = driver
                    .find(By::Css("[data-testid='picker-accept']"))
                    .await
                    .ok()?;
                let count = text_of(&driver, "[data-testid='picker-count']").await;
                (b.is_enabled().await.ok()? && count == "Into Inbox").then_some(b)
            }
        })
        .await;
        assert_eq!(accept.text().await.expect("text"), "Copy here");
        accept.click().await.expect("copy");
        let api2 = api.clone();
        let inbox_id = inbox.id.clone();
        eventually("the copy is in Inbox", || {
            let (api, id) = (api2.clone(), inbox_id.clone());
            async move { (file_titles_in(&api, &id).await == ["memo.txt"]).then_some(()) }
        })
        .await;
    })
    .await;
}
