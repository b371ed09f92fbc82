//! End to end: the user's own sections, as DocSpace 3.x's web UI has them beside Rooms. My
//! documents is a folder view (uploads land there); "Add to favourites" in a file's menu lists it
//! in Favourites and "Remove from favourites" takes it out; opening a file lists it in Recent.
//! Guests have no My documents, and are not offered it. Each is checked in the page and through
//! REST.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::{FileShare, RoomType};
use support::*;

/// Titles of the files of a section, through REST.
async fn titles(content: docspace_api::models::FolderContent) -> Vec<String> {
    content.files.into_iter().map(|f| f.title).collect()
}

/// A row of the section page `section` (`recent`, `favourites`) titled `title`.
fn section_row(section: &str, title: &str) -> String {
    format!("[data-testid='section-{section}'] button[aria-label='Actions for {title}']")
}

#[tokio::test(flavor = "multi_thread")]
async fn my_documents_takes_uploads_and_files_become_favourites_and_recent() {
    let stack = Stack::start().await;
    let api = stack.api();
    let dir = DiskFiles::new();
    let path = dir.write("plan.txt", b"the plan");
    let stack = &stack;
    let api = &api;
    let path = &path;
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;

        // My documents: a folder view that takes uploads.
        click(&driver, "a[href='/my']").await;
        wait_until(
            &driver,
            "const h = document.querySelector(\"[data-testid='folder-title']\");\
             return h && h.textContent === 'My documents';",
        )
        .await;
        assert!(
            absent(&driver, "[data-testid='open-members']").await,
            "My documents has no room members"
        );
        let input = wait_for(&driver, "[data-testid='upload-input']").await;
        choose_file(&input, path).await;
        wait_for(&driver, "[data-testid='upload-item'][data-state='done']").await;
        wait_for(&driver, "button[aria-label='Actions for plan.txt']").await;
        let my = api.folders().my_documents().send().await.expect("@my");
        assert!(
            titles(my).await.contains(&"plan.txt".to_string()),
            "uploaded to My documents"
        );

        // Add to favourites, then find it in Favourites.
        dismiss_toasts(&driver).await;
        row_action(&driver, "plan.txt", "entry-favorite").await;
        wait_for(&driver, "[data-testid='toast']").await;
        dismiss_toasts(&driver).await;
        click(&driver, "a[href='/favourites']").await;
        wait_for(&driver, &section_row("favourites", "plan.txt")).await;
        let favs = api.folders().favorites().send().await.expect("@favorites");
        assert_eq!(titles(favs).await, ["plan.txt"]);

        // Not opened yet, so not in Recent.
        click(&driver, "a[href='/recent']").await;
        wait_for(
            &driver,
            "[data-testid='section-recent'] [data-testid='empty-state']",
        )
        .await;

        // Opening it (from Favourites) lists it in Recent.
        click(&driver, "a[href='/favourites']").await;
        click(
            &driver,
            "[data-testid='section-favourites'] [data-testid='entry-title']",
        )
        .await;
        let title = eventually("the file page names the file", || {
            let driver = driver.clone();
            async move {
                let t = driver
                    .find(By::Css("[data-testid='file-title']"))
                    .await
                    .ok()?
                    .text()
                    .await
                    .ok()?;
                (!t.is_empty()).then_some(t)
            }
        })
        .await;
        assert_eq!(title, "plan.txt");
        click(&driver, "a[href='/recent']").await;
        wait_for(&driver, &section_row("recent", "plan.txt")).await;
        let recent = api.folders().recent().send().await.expect("@recent");
        assert_eq!(titles(recent).await, ["plan.txt"]);

        // Remove from favourites, from the Favourites page.
        click(&driver, "a[href='/favourites']").await;
        row_action(&driver, "plan.txt", "entry-unfavorite").await;
        wait_for(
            &driver,
            "[data-testid='section-favourites'] [data-testid='empty-state']",
        )
        .await;
    })
    .await;
    let favs = api.folders().favorites().send().await.expect("@favorites");
    assert_eq!(favs.total, 0, "no favourites left");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_guest_is_not_offered_my_documents_but_has_recent_and_favourites() {
    let stack = Stack::start().await;
    let password = stack.portal.owner.password.clone();
    let api = stack.api();
    let room = new_room(&api, "Guest shelf", RoomType::Custom).await;
    upload(&api, room.id.clone(), "handout.txt", b"read me".to_vec()).await;
    add_member(&api, &room.id, "guest@example.com", FileShare::Read).await;
    let stack = &stack;
    let room_id = &room.id;
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), "guest@example.com", &password, false).await;
        wait_for(&driver, "a[href='/recent']").await;
        assert!(
            absent(&driver, "a[href='/my']").await,
            "guests have no My documents"
        );
        // A guest may mark what they can read.
        open_room(&driver, room_id).await;
        row_action(&driver, "handout.txt", "entry-favorite").await;
        wait_for(&driver, "[data-testid='toast']").await;
        dismiss_toasts(&driver).await;
        click(&driver, "a[href='/favourites']").await;
        wait_for(&driver, &section_row("favourites", "handout.txt")).await;
    })
    .await;
}
