//! End to end: the Trash and downloads, as DocSpace's web UI offers them. A file deleted in a
//! room appears in the Trash with where it came from, and "Restore" puts it back there; "Delete
//! forever" and "Empty Trash" ask first, then delete for good. "Download" hands one file to the
//! browser as it is, and several selected entries as one zip the portal prepares. Each is
//! checked in the page and through REST; downloads are read back from the files the browser
//! saved.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::{FileShare, FolderId, RoomType};
use support::*;

/// The Trash row titled `title`.
fn trash_row(title: &str) -> String {
    format!("[data-testid='trash-row'][data-title='{title}']")
}

/// Waits until no element matches `css`.
async fn until_gone(driver: &WebDriver, css: &str) {
    let js = format!("return !document.querySelector({css:?});");
    wait_until(driver, &js).await;
}

/// Has the browser save downloads into `dir` (headless Chromium refuses them otherwise).
async fn allow_downloads(driver: &WebDriver, dir: &std::path::Path) {
    driver
        .cdp()
        .send_raw(
            "Browser.setDownloadBehavior",
            serde_json::json!({ "behavior": "allow", "downloadPath": dir }),
        )
        .await
        .expect("allow downloads");
}

/// Waits for the page's download link to name a file ending in `suffix`, then for the browser
/// to have saved it into `dir`: the name and the bytes saved.
async fn saved(driver: &WebDriver, dir: &std::path::Path, suffix: &str) -> (String, Vec<u8>) {
    let js = format!(
        "const a = document.getElementById('app-download');\
         const n = a && a.getAttribute('download');\
         return n && n.endsWith({suffix:?}) && n;"
    );
    let name = wait_until(driver, &js).await;
    let name = name.as_str().expect("a name").to_string();
    let path = dir.join(&name);
    let partial = dir.join(format!("{name}.crdownload"));
    let bytes = eventually(&format!("the browser saved {name}"), || {
        let (path, partial) = (path.clone(), partial.clone());
        async move {
            if partial.exists() {
                return None;
            }
            std::fs::read(&path).ok()
        }
    })
    .await;
    (name, bytes)
}

/// The entry names of a zip archive, from its central directory.
fn zip_names(zip: &[u8]) -> Vec<String> {
    let u16_at = |i: usize| u16::from_le_bytes([zip[i], zip[i + 1]]) as usize;
    let u32_at =
        |i: usize| u32::from_le_bytes([zip[i], zip[i + 1], zip[i + 2], zip[i + 3]]) as usize;
    let end = (0..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| zip[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])
        .expect("a zip's end record");
    let mut at = u32_at(end + 16);
    let mut names = Vec::new();
    for _ in 0..u16_at(end + 10) {
        assert_eq!(
            zip[at..at + 4],
            [0x50, 0x4b, 0x01, 0x02],
            "a directory entry"
        );
        let len = u16_at(at + 28);
        names.push(String::from_utf8_lossy(&zip[at + 46..at + 46 + len]).into_owned());
        at += 46 + len + u16_at(at + 30) + u16_at(at + 32);
    }
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread")]
async fn deleted_files_are_restored_deleted_forever_and_emptied_from_the_trash() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Trash room", RoomType::Custom).await;
    for name in ["keep.txt", "old.txt", "older.txt"] {
        upload(&api, room.id.clone(), name, name.as_bytes().to_vec()).await;
    }
    let stack = &stack;
    let api = &api;
    let room_id = &room.id;
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;

        // Delete in the room: the file moves to the Trash, which says where it came from.
        row_action(&driver, "keep.txt", "entry-delete").await;
        click(&driver, "[data-testid='confirm-delete-entries'] button").await;
        until_gone(&driver, "button[aria-label='Actions for keep.txt']").await;
        dismiss_toasts(&driver).await;
        click(&driver, "a[href='/trash']").await;
        let row = wait_for(&driver, &trash_row("keep.txt")).await;
        assert!(
            row.text().await.expect("text").contains("Trash room"),
            "the row names the room it was deleted from"
        );

        // Restore: back in its room, out of the Trash.
        row_action(&driver, "keep.txt", "trash-restore").await;
        until_gone(&driver, &trash_row("keep.txt")).await;
        assert_eq!(
            entry_titles_in(api, room_id).await,
            ["keep.txt", "old.txt", "older.txt"]
        );
        open_room(&driver, room_id).await;
        wait_for(&driver, "button[aria-label='Actions for keep.txt']").await;

        // Two more deleted; one deleted forever after confirmation.
        for name in ["old.txt", "older.txt"] {
            row_action(&driver, name, "entry-delete").await;
            click(&driver, "[data-testid='confirm-delete-entries'] button").await;
            until_gone(&driver, &format!("button[aria-label='Actions for {name}']")).await;
        }
        dismiss_toasts(&driver).await;
        click(&driver, "a[href='/trash']").await;
        wait_for(&driver, &trash_row("old.txt")).await;
        wait_for(&driver, &trash_row("older.txt")).await;
        row_action(&driver, "old.txt", "trash-delete-forever").await;
        let note = text_of(&driver, "[data-testid='confirm-note']").await;
        assert!(note.contains("deleted forever"), "{note}");
        click(&driver, "[data-testid='confirm-delete-forever'] button").await;
        until_gone(&driver, &trash_row("old.txt")).await;

        // Empty Trash asks; Cancel keeps everything.
        dismiss_toasts(&driver).await;
        click(&driver, "[data-testid='empty-trash'] button").await;
        let note = text_of(&driver, "[data-testid='confirm-note']").await;
        assert!(note.starts_with("All items from Trash"), "{note}");
        click(&driver, "dialog[open] .dialog__actions button").await;
        until_gone(&driver, "dialog[open]").await;
        wait_for(&driver, &trash_row("older.txt")).await;
        // Then from the keyboard alone.
        for css in [
            "[data-testid='empty-trash'] button",
            "[data-testid='confirm-delete-forever'] button",
        ] {
            wait_for(&driver, css)
                .await
                .send_keys(Key::Enter)
                .await
                .unwrap_or_else(|e| panic!("Enter on {css}: {e}"));
        }
        wait_for(&driver, "[data-testid='empty-state']").await;
    })
    .await;
    let trash = api
        .folders()
        .contents(FolderId::from("@trash"))
        .send()
        .await
        .expect("trash");
    assert_eq!(trash.total, 0, "the Trash is empty");
    assert_eq!(entry_titles_in(api, &room.id).await, ["keep.txt"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn one_file_downloads_as_it_is_and_several_as_one_zip() {
    let stack = Stack::start().await;
    let owner = stack.portal.owner.clone();
    let api = stack.api();
    let room = new_room(&api, "Download room", RoomType::Custom).await;
    let mut uploaded = Vec::new();
    for (name, body) in [("alpha.txt", "first"), ("beta.txt", "second")] {
        let f = upload(&api, room.id.clone(), name, body.as_bytes().to_vec()).await;
        uploaded.push(f.id);
    }
    let beta = uploaded[1].clone();
    let sub = new_folder(&api, room.id.clone(), "Sub").await;
    upload(&api, sub.id.clone(), "gamma.txt", b"third".to_vec()).await;
    let stack = &stack;
    let room_id = &room.id;
    let api = &api;
    let beta = &beta;
    let owner_name = owner.display_name.clone();
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        let downloads = tempfile::tempdir().expect("a download directory");
        allow_downloads(&driver, downloads.path()).await;
        open_room(&driver, room_id).await;

        // The room's info panel: owner, contents, members.
        click(&driver, "[data-testid='open-room-info'] button").await;
        assert_eq!(
            text_of(&driver, "[data-testid='room-info-owner']").await,
            owner_name
        );
        assert_eq!(
            text_of(&driver, "[data-testid='room-info-contents']").await,
            "2 files, 1 folder"
        );
        let members = wait_until(
            &driver,
            "const m = document.querySelector(\"[data-testid='room-info-members']\");\
             return m && m.textContent !== '…' && m.textContent;",
        )
        .await;
        assert_eq!(members, "1", "the owner alone");
        driver
            .action_chain()
            .send_keys(Key::Escape)
            .perform()
            .await
            .expect("Escape");
        until_gone(&driver, "dialog[open]").await;

        row_action(&driver, "alpha.txt", "entry-download").await;
        let (name, bytes) = saved(&driver, downloads.path(), "alpha.txt").await;
        assert_eq!(
            (name.as_str(), bytes.as_slice()),
            ("alpha.txt", &b"first"[..])
        );

        // Several selected (a folder among them): one archive, with the folder as a directory.
        for title in ["beta.txt", "Sub"] {
            click(&driver, &format!("input[aria-label='Select {title}']")).await;
        }
        click(&driver, "[data-testid='bulk-download'] button").await;
        let (name, zip) = saved(&driver, downloads.path(), ".zip").await;
        assert!(name.ends_with(".zip"), "{name}");
        assert_eq!(zip_names(&zip), ["Sub/", "Sub/gamma.txt", "beta.txt"]);

        // The portal refuses an archive (a file deleted behind the page's back): the user is
        // told why, in the portal's words.
        dismiss_toasts(&driver).await;
        api.operations()
            .delete()
            .files([beta.clone()])
            .immediately(true)
            .send()
            .await
            .expect("delete behind the page's back");
        click(&driver, "[data-testid='bulk-download'] button").await;
        // From the DOM: the toast fades in, and WebDriver reads no text while it is transparent.
        let error = wait_until(
            &driver,
            "const t = document.querySelector('.toast--error'); return t && t.textContent;",
        )
        .await;
        let error = error.as_str().unwrap_or_default();
        assert!(error.contains("Downloading 2 items failed"), "{error}");
        assert!(error.to_lowercase().contains("not found"), "{error}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn download_is_not_offered_where_the_room_denies_it() {
    let stack = Stack::start().await;
    let password = stack.portal.owner.password.clone();
    let api = stack.api();
    let room = new_room(&api, "No downloads", RoomType::Custom).await;
    api.rooms()
        .update(room.id.clone())
        .deny_download(true)
        .send()
        .await
        .expect("deny downloads");
    upload(&api, room.id.clone(), "secret.txt", b"kept in".to_vec()).await;
    add_member(&api, &room.id, "guest@example.com", FileShare::Read).await;
    let stack = &stack;
    let room_id = &room.id;
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), "guest@example.com", &password, false).await;
        open_room(&driver, room_id).await;
        let trigger = wait_for(&driver, "button[aria-label='Actions for secret.txt']").await;
        let menu = trigger
            .attr("aria-controls")
            .await
            .expect("aria-controls")
            .expect("the menu names its list");
        trigger.click().await.expect("open the menu");
        wait_for(
            &driver,
            &format!("[id='{menu}'] [data-testid='entry-details']"),
        )
        .await;
        let offered = driver
            .find_all(By::Css(format!(
                "[id='{menu}'] [data-testid='entry-download']"
            )))
            .await
            .expect("find");
        assert!(offered.is_empty(), "no Download where the room denies it");
        driver
            .action_chain()
            .send_keys(Key::Escape)
            .perform()
            .await
            .expect("Escape");
        click(&driver, "input[aria-label='Select secret.txt']").await;
        wait_for(&driver, "[data-testid='bulk-actions']").await;
        let bulk = driver
            .find_all(By::Css("[data-testid='bulk-download']"))
            .await
            .expect("find");
        assert!(bulk.is_empty(), "no bulk Download either");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restore_onto_a_name_the_folder_holds_again_asks_first() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Restore clash", RoomType::Custom).await;
    // plan.txt and memo.txt deleted; a new plan.txt written in the room since.
    let mut gone = Vec::new();
    for (name, text) in [("plan.txt", "the old plan"), ("memo.txt", "a memo")] {
        let f = upload(&api, room.id.clone(), name, text.as_bytes().to_vec()).await;
        gone.push(f.id);
    }
    api.operations()
        .delete()
        .files(gone)
        .wait()
        .await
        .expect("to the Trash");
    upload(&api, room.id.clone(), "plan.txt", b"the new plan".to_vec()).await;
    let stack = &stack;
    let (api_ref, room_id) = (&api, &room.id);
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        click(&driver, "a[href='/trash']").await;
        wait_for(&driver, &trash_row("plan.txt")).await;

        // Cancel: nothing restored.
        row_action(&driver, "plan.txt", "trash-restore").await;
        wait_for(&driver, "dialog[open] [data-testid='conflict-dialog']").await;
        assert_eq!(
            text_of(&driver, "[data-testid='conflict-message']").await,
            "The destination already contains a file named “plan.txt”."
        );
        click(
            &driver,
            "[data-testid='conflict-dialog'] .dialog__actions button",
        )
        .await;
        until_gone(&driver, "dialog[open]").await;
        wait_for(&driver, &trash_row("plan.txt")).await;
        assert_eq!(entry_titles_in(api_ref, room_id).await, ["plan.txt"]);

        // Both selected, Skip: the memo goes back, the plan stays in the Trash.
        for title in ["plan.txt", "memo.txt"] {
            click(&driver, &format!("input[aria-label='Select {title}']")).await;
        }
        click(&driver, "[data-testid='trash-bulk-restore'] button").await;
        wait_for(&driver, "dialog[open] [data-testid='conflict-dialog']").await;
        click(&driver, "[data-testid='conflict-skip']").await;
        click(&driver, "[data-testid='conflict-ok'] button").await;
        until_gone(&driver, &trash_row("memo.txt")).await;
        wait_for(&driver, &trash_row("plan.txt")).await;
        assert_eq!(
            entry_titles_in(api_ref, room_id).await,
            ["memo.txt", "plan.txt"]
        );
        assert_eq!(
            content_of(api_ref, room_id, "plan.txt").await,
            ("the new plan".to_string(), 1)
        );

        // Overwrite: the old plan becomes the new one's next version.
        dismiss_toasts(&driver).await;
        row_action(&driver, "plan.txt", "trash-restore").await;
        wait_for(&driver, "dialog[open] [data-testid='conflict-dialog']").await;
        click(&driver, "[data-testid='conflict-ok'] button").await;
        until_gone(&driver, &trash_row("plan.txt")).await;
    })
    .await;
    assert_eq!(
        entry_titles_in(&api, &room.id).await,
        ["memo.txt", "plan.txt"]
    );
    assert_eq!(
        content_of(&api, &room.id, "plan.txt").await,
        ("the old plan".to_string(), 2)
    );
    let trash = api
        .folders()
        .contents(FolderId::from("@trash"))
        .send()
        .await
        .expect("trash");
    assert_eq!(trash.total, 0, "the Trash is empty");
}
