//! End to end: a room page's details: creating each kind of document, renaming and deleting
//! entries, breadcrumbs, changing and removing members, and sorting the folder list. Each is
//! checked in the page and through REST.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::{FolderId, RoomType};
use support::*;

/// Fills the open name dialog with `name` and submits it.
async fn submit_name(driver: &WebDriver, name: &str) {
    fill(driver, "[data-testid='name-form'] input", name).await;
    click(driver, "[data-testid='name-form'] button[type='submit']").await;
    // The dialog closes once the portal has answered.
    eventually("the name dialog closed", || {
        let driver = driver.clone();
        async move {
            let open = driver
                .find_all(By::Css("[data-testid='name-form']"))
                .await
                .ok()?;
            open.is_empty().then_some(())
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn creates_a_document_spreadsheet_presentation_and_form_with_their_extensions() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Office room", RoomType::Custom).await;
    let stack = &stack;
    let room_id = &room.id;
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        let mut listed = Vec::new();
        for (item, name, title) in [
            ("new-document", "Report", "Report.docx"),
            ("new-spreadsheet", "Budget", "Budget.xlsx"),
            ("new-presentation", "Pitch", "Pitch.pptx"),
            ("new-form", "Survey", "Survey.pdf"),
        ] {
            click(&driver, "button[aria-label='Create new']").await;
            click(&driver, &format!("[data-testid='{item}']")).await;
            submit_name(&driver, name).await;
            listed.push(title);
            until_entries(&driver, &listed).await;
        }
    })
    .await;
    let (folders, files) = titles_by_kind(&api, &room.id).await;
    assert_eq!(
        files,
        ["Budget.xlsx", "Pitch.pptx", "Report.docx", "Survey.pdf"]
    );
    assert!(folders.is_empty(), "{folders:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn renames_a_file_and_a_folder_and_deletes_a_file_after_confirmation() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Tidy room", RoomType::Custom).await;
    for name in ["draft.txt", "doomed.txt"] {
        upload(&api, room.id.clone(), name, b"text".to_vec()).await;
    }
    api.folders()
        .create(room.id.clone(), "Old folder")
        .await
        .expect("folder");
    let stack = &stack;
    let room_id = &room.id;
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        until_entries(&driver, &["Old folder", "doomed.txt", "draft.txt"]).await;
        row_action(&driver, "draft.txt", "entry-rename").await;
        submit_name(&driver, "final.txt").await;
        until_entries(&driver, &["Old folder", "doomed.txt", "final.txt"]).await;
        row_action(&driver, "Old folder", "entry-rename").await;
        submit_name(&driver, "Archive 2025").await;
        until_entries(&driver, &["Archive 2025", "doomed.txt", "final.txt"]).await;
        // Delete asks first; cancelling keeps the file.
        row_action(&driver, "doomed.txt", "entry-delete").await;
        wait_for(&driver, "[data-testid='confirm-delete-entries']").await;
        let dialog = text_of(&driver, "dialog[open]").await;
        assert!(dialog.contains("doomed.txt"), "{dialog}");
        driver
            .find(By::XPath(
                "//dialog[@open]//button[normalize-space()='Cancel']",
            ))
            .await
            .expect("cancel")
            .click()
            .await
            .expect("click cancel");
        wait_until(
            &driver,
            "return document.querySelector(\"[data-testid='confirm-delete-entries']\") === null;",
        )
        .await;
        assert_eq!(
            shown_entries(&driver).await,
            ["Archive 2025", "doomed.txt", "final.txt"]
        );
        row_action(&driver, "doomed.txt", "entry-delete").await;
        click(&driver, "[data-testid='confirm-delete-entries'] button").await;
        until_entries(&driver, &["Archive 2025", "final.txt"]).await;
    })
    .await;
    let (folders, files) = titles_by_kind(&api, &room.id).await;
    assert_eq!(files, ["final.txt"]);
    assert_eq!(folders, ["Archive 2025"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn breadcrumbs_show_room_and_folder_and_lead_back_to_the_room() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Crumb room", RoomType::Custom).await;
    let sub = new_folder(&api, room.id.clone(), "Quarterly").await;
    upload(
        &api,
        sub.id.clone(),
        "inside.txt",
        b"in the folder".to_vec(),
    )
    .await;
    let stack = &stack;
    let (room_id, sub_id) = (&room.id, &sub.id);
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        until_entries(&driver, &["Quarterly"]).await;
        click(&driver, "[data-testid='entry-title']").await;
        until_entries(&driver, &["inside.txt"]).await;
        assert_eq!(
            text_of(&driver, "[data-testid='folder-title']").await,
            "Quarterly"
        );
        let url = driver.current_url().await.expect("url");
        assert_eq!(url.path(), format!("/rooms/{room_id}/folders/{sub_id}"));
        let mut trail = Vec::new();
        for li in driver
            .find_all(By::Css("nav[aria-label='Breadcrumb'] li"))
            .await
            .expect("crumbs")
        {
            trail.push(li.text().await.expect("text"));
        }
        assert_eq!(trail, ["Rooms", "Crumb room", "Quarterly"]);
        assert_eq!(
            text_of(&driver, "[data-testid='crumb-current']").await,
            "Quarterly"
        );
        click(
            &driver,
            &format!("nav[aria-label='Breadcrumb'] a[href='/rooms/{room_id}']"),
        )
        .await;
        until_entries(&driver, &["Quarterly"]).await;
        assert_eq!(
            text_of(&driver, "[data-testid='folder-title']").await,
            "Crumb room"
        );
        let url = driver.current_url().await.expect("url");
        assert_eq!(url.path(), format!("/rooms/{room_id}"));
        assert_eq!(
            text_of(&driver, "[data-testid='crumb-current']").await,
            "Crumb room"
        );
    })
    .await;
    // The portal has the same path: the folder in the room, the file in the folder.
    let c = api
        .folders()
        .contents(sub.id.clone())
        .send()
        .await
        .expect("contents");
    let path: Vec<&str> = c.path_parts.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(path.last(), Some(&"Quarterly"), "{path:?}");
    assert!(path.contains(&"Crumb room"), "{path:?}");
    assert_eq!(titles_by_kind(&api, &sub.id).await.1, ["inside.txt"]);
}

/// Each member of `room` by e-mail, with their access.
async fn rest_members(
    api: &docspace_api::Client,
    room: &FolderId,
) -> Vec<(String, docspace_api::models::FileShare)> {
    api.rooms()
        .members(room.clone())
        .send()
        .await
        .expect("members")
        .items
        .into_iter()
        .filter_map(|m| Some((m.user()?.email.clone()?, m.access)))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn changes_a_members_access_and_removes_a_member() {
    use docspace_api::models::FileShare;
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Shared room", RoomType::Editing).await;
    let (alice, bob) = ("alice.member@example.com", "bob.member@example.com");
    api.rooms()
        .share(room.id.clone())
        .email(alice, FileShare::Read)
        .email(bob, FileShare::Read)
        .notify(false)
        .send()
        .await
        .expect("share");
    let before = rest_members(&api, &room.id).await;
    assert!(
        before.contains(&(alice.to_string(), FileShare::Read)),
        "{before:?}"
    );
    assert!(
        before.contains(&(bob.to_string(), FileShare::Read)),
        "{before:?}"
    );
    let stack = &stack;
    let (room_id, api_ref) = (&room.id, &api);
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        click(&driver, "[data-testid='open-members'] button").await;
        let row = |email: &str| format!("[data-testid='member'][data-email='{email}']");
        wait_for(&driver, &row(alice)).await;
        wait_for(&driver, &row(bob)).await;
        // Alice becomes an editor.
        click(
            &driver,
            &format!(
                "{} select option[value='{}']",
                row(alice),
                FileShare::Editing.value()
            ),
        )
        .await;
        eventually("the portal has Alice as an editor", || async move {
            let m = rest_members(api_ref, room_id).await;
            m.contains(&(alice.to_string(), FileShare::Editing))
                .then_some(())
        })
        .await;
        let shown = wait_for(&driver, &format!("{} select", row(alice)))
            .await
            .prop("value")
            .await
            .expect("value");
        assert_eq!(shown, Some(FileShare::Editing.value().to_string()));
        // Bob is removed.
        click(&driver, &format!("{} button[aria-label^='Remove']", row(bob))).await;
        wait_until(
            &driver,
            &format!(
                "return document.querySelector(\"[data-testid='member'][data-email='{bob}']\") === null;"
            ),
        )
        .await;
        assert!(
            driver
                .find_all(By::Css(row(alice)))
                .await
                .expect("rows")
                .len()
                == 1,
            "Alice is still listed"
        );
    })
    .await;
    let after = rest_members(&api, &room.id).await;
    assert!(
        !after.iter().any(|(e, _)| e == bob),
        "Bob is no longer a member: {after:?}"
    );
    assert!(
        after.contains(&(alice.to_string(), FileShare::Editing)),
        "{after:?}"
    );
}

/// Waits until the folder list shows exactly `want`, in that order.
async fn until_order(driver: &WebDriver, want: &[String]) {
    let what = format!("the folder lists {want:?} in that order");
    eventually(&what, || {
        let driver = driver.clone();
        async move { (shown_in_order(&driver).await == want).then_some(()) }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_room_page_sorts_by_name_and_size_both_ways_as_the_portal_does() {
    use docspace_api::models::{SortBy, SortOrder};
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Sorting room", RoomType::Custom).await;
    // Sizes run against the names, so sorting by name and by size disagree.
    for (name, size) in [
        ("alpha.txt", 3000),
        ("bravo.txt", 2000),
        ("charlie.txt", 1000),
    ] {
        upload(&api, room.id.clone(), name, vec![b'x'; size]).await;
    }
    let mut orders = Vec::new();
    for (by, order) in [
        (SortBy::Title, SortOrder::Ascending),
        (SortBy::Size, SortOrder::Ascending),
        (SortBy::Size, SortOrder::Descending),
        (SortBy::Title, SortOrder::Descending),
    ] {
        let listed = api
            .folders()
            .contents(room.id.clone())
            .sort_by(by)
            .sort_order(order)
            .send()
            .await
            .expect("contents");
        orders.push(
            listed
                .files
                .into_iter()
                .map(|f| f.title)
                .collect::<Vec<_>>(),
        );
    }
    let s = |v: [&str; 3]| v.map(str::to_string).to_vec();
    assert_eq!(
        orders,
        [
            s(["alpha.txt", "bravo.txt", "charlie.txt"]),
            s(["charlie.txt", "bravo.txt", "alpha.txt"]),
            s(["alpha.txt", "bravo.txt", "charlie.txt"]),
            s(["charlie.txt", "bravo.txt", "alpha.txt"]),
        ],
        "the portal's own orders"
    );
    let stack = &stack;
    let (room_id, orders) = (&room.id, &orders);
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        until_order(&driver, &orders[0]).await;
        choose(&driver, "entry-sort", "size").await;
        until_order(&driver, &orders[1]).await;
        assert!(
            driver
                .current_url()
                .await
                .expect("url")
                .as_str()
                .contains("sort=size"),
            "the sort is kept in the address"
        );
        click(
            &driver,
            "button[aria-label='Ascending; switch to descending']",
        )
        .await;
        until_order(&driver, &orders[2]).await;
        choose(&driver, "entry-sort", "title").await;
        until_order(&driver, &orders[3]).await;
    })
    .await;
}
