//! End to end: name clashes. A copy into a folder that holds the same names, and an upload of a
//! name the room holds, ask whether to overwrite, keep both or skip (as DocSpace's
//! `ConflictResolveDialog` does) and then do what the user chose; cancelling does nothing.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::RoomType;
use support::*;

/// The focused element's `data-testid`, or its text when it has none.
async fn focused(driver: &WebDriver) -> String {
    driver
        .execute(
            "const a = document.activeElement; return a ? (a.getAttribute('data-testid') || a.textContent.trim()) : '';",
            Vec::new(),
        )
        .await
        .expect("script")
        .json()
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Whether the focused element is inside the open dialog.
async fn focus_in_dialog(driver: &WebDriver) -> bool {
    driver
        .execute(
            "return !!document.activeElement?.closest('dialog[open]');",
            Vec::new(),
        )
        .await
        .expect("script")
        .json()
        .as_bool()
        .unwrap_or_default()
}

async fn press(driver: &WebDriver, key: impl AsRef<str>) {
    driver
        .action_chain()
        .send_keys(key.as_ref())
        .perform()
        .await
        .expect("key");
}

async fn dialog_gone(driver: &WebDriver) {
    until_gone(driver, "[data-testid='conflict-dialog']").await;
}

/// Ticks the rows named `titles` and chooses "Copy to…" → the room `target` → "Copy here".
async fn copy_selected(driver: &WebDriver, titles: &[&str], target: &str) {
    for t in titles {
        click(driver, &format!("input[aria-label='Select {t}']")).await;
    }
    assert_eq!(
        text_of(driver, "[data-testid='bulk-actions'] > span").await,
        format!("{} selected", titles.len())
    );
    click(
        driver,
        "[data-testid='bulk-actions'] > button:nth-of-type(1)",
    )
    .await;
    wait_for(driver, "[data-testid='file-picker']").await;
    click(driver, ".ds-picker__crumb").await;
    let option = element_with_text(driver, "[data-testid='picker-option']", target).await;
    option
        .find(By::Css(".ds-picker__check"))
        .await
        .expect("check box")
        .click()
        .await
        .expect("select the room");
    click(driver, "[data-testid='picker-accept']").await;
}

/// Clears the selection, if any.
async fn clear_selection(driver: &WebDriver) {
    if let Ok(b) = driver
        .find(By::Css(
            "[data-testid='bulk-actions'] > button:last-of-type",
        ))
        .await
    {
        let _ = b.click().await;
    }
}

/// Waits for a success toast that says `text`, then clears the toasts.
async fn toast(driver: &WebDriver, text: &str) {
    eventually(&format!("a toast says {text}"), || {
        let driver = driver.clone();
        async move {
            for t in driver
                .find_all(By::Css("[data-testid='toast'] .toast__title"))
                .await
                .ok()?
            {
                if t.text().await.ok()? == text {
                    return Some(());
                }
            }
            None
        }
    })
    .await;
    dismiss_toasts(driver).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_copy_onto_the_same_names_asks_and_does_what_was_chosen() {
    let stack = Stack::start().await;
    let api = stack.api();
    let source = new_room(&api, "Clash source", RoomType::Custom).await;
    let target = new_room(&api, "Clash target", RoomType::Custom).await;
    let names: Vec<String> = (1..=7).map(|i| format!("n{i}.txt")).collect();
    for n in &names {
        for (room, text) in [(&source.id, "new"), (&target.id, "old")] {
            upload(
                &api,
                room.clone(),
                n.as_str(),
                format!("{text} {n}").into_bytes(),
            )
            .await;
        }
    }
    upload(&api, source.id.clone(), "fresh.txt", b"fresh".to_vec()).await;
    let before = file_titles_in(&api, &target.id).await;
    let stack = &stack;
    let (source_id, target_id, api_ref, before_ref) = (&source.id, &target.id, &api, &before);
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, source_id).await;
        record_requests(&driver).await;

        // Seven clashes: the dialog lists five and counts the rest; Overwrite is chosen and
        // focused; Tab stays inside; Escape cancels and gives focus back to "Copy to…".
        let all: Vec<&str> = names.iter().map(String::as_str).collect();
        copy_selected(&driver, &all, "Clash target").await;
        wait_for(&driver, "dialog[open] [data-testid='conflict-dialog']").await;
        assert_eq!(
            text_of(&driver, "[data-testid='conflict-message']").await,
            "The destination already contains files with the same names:"
        );
        assert_eq!(
            text_of(&driver, "[data-testid='conflict-names']").await,
            "n1.txt\nn2.txt\nn3.txt\nn4.txt\nn5.txt\nand 2 more"
        );
        eventually("the first choice has focus", || {
            let driver = driver.clone();
            async move { (focused(&driver).await == "conflict-overwrite").then_some(()) }
        })
        .await;
        assert!(
            wait_for(&driver, "[data-testid='conflict-overwrite']")
                .await
                .is_selected()
                .await
                .expect("selected"),
            "Overwrite is the default, as in DocSpace"
        );
        for _ in 0..6 {
            press(&driver, "\u{e004}").await; // Tab
            assert!(focus_in_dialog(&driver).await, "Tab stays in the dialog");
        }
        press(&driver, "\u{e00c}").await; // Escape
        dialog_gone(&driver).await;
        eventually("focus is back on Copy to…", || {
            let driver = driver.clone();
            async move { (focused(&driver).await == "Copy to…").then_some(()) }
        })
        .await;
        let sent = requests(&driver).await;
        assert!(
            sent.iter()
                .any(|r| r.starts_with("GET ") && r.contains("/files/fileops/move?")),
            "the clash check was asked: {sent:?}"
        );
        assert!(
            !sent
                .iter()
                .any(|r| r.starts_with("PUT ") && r.contains("/files/fileops/copy")),
            "cancelled: nothing copied: {sent:?}"
        );
        assert_eq!(
            &file_titles_in(api_ref, target_id).await,
            before_ref,
            "the target is untouched"
        );
        clear_selection(&driver).await;

        // Overwrite: n1 in the target gets the source's text as a new version.
        copy_selected(&driver, &["n1.txt"], "Clash target").await;
        wait_for(&driver, "dialog[open] [data-testid='conflict-dialog']").await;
        assert_eq!(
            text_of(&driver, "[data-testid='conflict-message']").await,
            "The destination already contains a file named “n1.txt”."
        );
        click(&driver, "[data-testid='conflict-ok'] button").await;
        dialog_gone(&driver).await;
        toast(&driver, "Copied “n1.txt”").await;
        assert_eq!(
            content_of(api_ref, target_id, "n1.txt").await,
            ("new n1.txt".to_string(), 2)
        );
        clear_selection(&driver).await;

        // Keep both, chosen with the arrow key: a second file with a numbered name.
        copy_selected(&driver, &["n2.txt"], "Clash target").await;
        wait_for(&driver, "dialog[open] [data-testid='conflict-dialog']").await;
        eventually("the first choice has focus", || {
            let driver = driver.clone();
            async move { (focused(&driver).await == "conflict-overwrite").then_some(()) }
        })
        .await;
        press(&driver, "\u{e015}").await; // ArrowDown
        assert!(
            wait_for(&driver, "[data-testid='conflict-duplicate']")
                .await
                .is_selected()
                .await
                .expect("selected"),
            "the arrow key moves the choice"
        );
        click(&driver, "[data-testid='conflict-ok'] button").await;
        toast(&driver, "Copied “n2.txt”").await;
        assert_eq!(
            content_of(api_ref, target_id, "n2 (1).txt").await,
            ("new n2.txt".to_string(), 1)
        );
        assert_eq!(
            content_of(api_ref, target_id, "n2.txt").await,
            ("old n2.txt".to_string(), 1),
            "the one there stays"
        );
        clear_selection(&driver).await;

        // Skip: of a clashing and a new file, only the new one is copied.
        copy_selected(&driver, &["n3.txt", "fresh.txt"], "Clash target").await;
        wait_for(&driver, "dialog[open] [data-testid='conflict-dialog']").await;
        click(&driver, "[data-testid='conflict-skip']").await;
        click(&driver, "[data-testid='conflict-ok'] button").await;
        toast(&driver, "Copied “fresh.txt”").await;
        assert_eq!(
            content_of(api_ref, target_id, "n3.txt").await,
            ("old n3.txt".to_string(), 1)
        );
        assert_eq!(content_of(api_ref, target_id, "fresh.txt").await.0, "fresh");
    })
    .await;
    let mut expected = before;
    expected.extend(["fresh.txt".to_string(), "n2 (1).txt".to_string()]);
    expected.sort();
    assert_eq!(file_titles_in(&api, &target.id).await, expected);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_upload_of_a_name_the_room_holds_asks_first() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Upload clash", RoomType::Custom).await;
    upload(&api, room.id.clone(), "report.txt", b"v1".to_vec()).await;
    let dir = DiskFiles::new();
    let stack = &stack;
    let (room_id, api_ref, dir_ref) = (&room.id, &api, &dir);
    // Writes `name` with `text` and chooses it in the upload input.
    let upload = |driver: WebDriver, name: &'static str, text: &'static str| async move {
        let path = dir_ref.write(name, text);
        choose_file(
            &wait_for(&driver, "[data-testid='upload-input']").await,
            &path,
        )
        .await;
    };
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        record_requests(&driver).await;

        // Cancel: nothing is sent.
        upload(driver.clone(), "report.txt", "v2").await;
        wait_for(&driver, "dialog[open] [data-testid='conflict-dialog']").await;
        assert_eq!(
            text_of(&driver, "[data-testid='conflict-message']").await,
            "The destination already contains a file named “report.txt”."
        );
        click(
            &driver,
            "[data-testid='conflict-dialog'] .dialog__actions button",
        )
        .await;
        dialog_gone(&driver).await;
        let sent = requests(&driver).await;
        assert!(
            sent.iter()
                .any(|r| r.starts_with("POST ") && r.contains("/upload/check")),
            "the names were checked: {sent:?}"
        );
        assert!(
            !sent.iter().any(|r| r.contains("/session")),
            "cancelled: no upload: {sent:?}"
        );

        // Overwrite: a new version of the file there.
        upload(driver.clone(), "report.txt", "v2").await;
        wait_for(&driver, "dialog[open] [data-testid='conflict-dialog']").await;
        click(&driver, "[data-testid='conflict-ok'] button").await;
        wait_for(&driver, "[data-testid='upload-item'][data-state='done']").await;
        assert_eq!(
            content_of(api_ref, room_id, "report.txt").await,
            ("v2".to_string(), 2)
        );
        click(&driver, "[data-testid='uploads'] > button").await;

        // Keep both: "report (1).txt".
        upload(driver.clone(), "report.txt", "v3").await;
        wait_for(&driver, "dialog[open] [data-testid='conflict-dialog']").await;
        click(&driver, "[data-testid='conflict-duplicate']").await;
        click(&driver, "[data-testid='conflict-ok'] button").await;
        wait_for(&driver, "[data-testid='upload-item'][data-state='done']").await;
        assert_eq!(
            content_of(api_ref, room_id, "report (1).txt").await,
            ("v3".to_string(), 1)
        );
        click(&driver, "[data-testid='uploads'] > button").await;

        // Skip: nothing sent, the file there unchanged.
        let before = requests(&driver).await.len();
        upload(driver.clone(), "report.txt", "v4").await;
        wait_for(&driver, "dialog[open] [data-testid='conflict-dialog']").await;
        click(&driver, "[data-testid='conflict-skip']").await;
        click(&driver, "[data-testid='conflict-ok'] button").await;
        dialog_gone(&driver).await;
        let sent = requests(&driver).await;
        assert!(
            !sent[before..].iter().any(|r| r.contains("/session")),
            "skipped: no upload: {sent:?}"
        );
        assert!(
            absent(&driver, "[data-testid='upload-item']").await,
            "nothing listed as uploading"
        );
    })
    .await;
    assert_eq!(
        file_titles_in(&api, &room.id).await,
        ["report (1).txt", "report.txt"]
    );
    assert_eq!(
        content_of(&api, &room.id, "report.txt").await,
        ("v2".to_string(), 2)
    );
}
