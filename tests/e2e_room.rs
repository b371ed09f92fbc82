//! End to end: a room's page: uploading with progress and by drag and drop, editing in the
//! embedded editor, picking files with the keyboard alone, and inviting a member.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::RoomType;
use support::*;

#[tokio::test(flavor = "multi_thread")]
async fn uploads_a_file_in_chunks_with_progress_and_the_portal_has_the_same_bytes() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Uploads", RoomType::Custom).await;
    // 5 MiB of text: three chunks of the app's 2 MiB.
    let content: Vec<u8> = lines_of_text(5 * 1024 * 1024);
    let dir = DiskFiles::new();
    let path = dir.write("big-notes.txt", &content);
    let stack = &stack;
    let (room_id, api_ref, content_ref) = (&room.id, &api, &content);
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        record_progress(&driver).await;
        let input = wait_for(&driver, "[data-testid='upload-input']").await;
        choose_file(&input, &path).await;
        wait_for(&driver, "[data-testid='upload-item'][data-state='done']").await;
        let values = progress_seen(&driver).await;
        assert_eq!(values.last(), Some(&100), "ends at 100 %: {values:?}");
        assert!(
            values.iter().any(|v| *v > 0 && *v < 100),
            "moved through the middle: {values:?}"
        );
        assert!(
            values.windows(2).all(|w| w[0] <= w[1]),
            "never went back: {values:?}"
        );
        // Listed in the folder…
        let title = eventually("listed", || {
            let driver = driver.clone();
            async move {
                for t in driver
                    .find_all(By::Css("[data-testid='entry-title']"))
                    .await
                    .ok()?
                {
                    let text = t.text().await.ok()?;
                    if text == "big-notes.txt" {
                        return Some(text);
                    }
                }
                None
            }
        })
        .await;
        assert_eq!(title, "big-notes.txt");
        // …with the same bytes on the portal.
        let file = files_in(api_ref, room_id)
            .await
            .into_iter()
            .find(|f| f.title == "big-notes.txt")
            .expect("stored");
        let bytes = api_ref.files().download(file.id).await.expect("download");
        assert_eq!(bytes.len(), content_ref.len());
        assert!(bytes == *content_ref, "identical content");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn edits_a_file_in_the_embedded_editor_and_close_returns_to_the_room() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Drafts", RoomType::Editing).await;
    let file = upload(&api, room.id.clone(), "notes.txt", b"first draft".to_vec()).await;
    let stack = &stack;
    let room_id = &room.id;
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        frames_signed_in(&driver).await;
        open_room(&driver, room_id).await;
        click(&driver, "[data-testid='entry-title']").await;
        assert_eq!(
            text_of(&driver, "[data-testid='file-title']").await,
            "notes.txt"
        );
        let frame = wait_for(&driver, "[data-testid='file-frame'] iframe").await;
        frame.clone().enter_frame().await.expect("enter frame");
        let area = wait_for(&driver, "#doc-text").await;
        assert_eq!(
            area.prop("value").await.expect("value").as_deref(),
            Some("first draft")
        );
        area.clear().await.expect("clear");
        area.send_keys("second draft, edited in the embedded editor")
            .await
            .expect("type");
        click(&driver, "#save-button").await;
        eventually("saved", || {
            let driver = driver.clone();
            async move {
                let s = driver
                    .find(By::Id("save-status"))
                    .await
                    .ok()?
                    .text()
                    .await
                    .ok()?;
                s.starts_with("Saved").then_some(())
            }
        })
        .await;
        close_editor_to_room(&driver, room_id).await;
    })
    .await;
    let text = api.files().download(file.id).await.expect("download");
    assert_eq!(
        String::from_utf8_lossy(&text),
        "second draft, edited in the embedded editor"
    );
}

/// A typed URL of a file: the host has started the editor in the page's HTML before the app ran,
/// and the app's page adopts that very frame (not a second one) and owns it: in its layout, its
/// close button handled.
#[tokio::test(flavor = "multi_thread")]
async fn a_cold_load_of_a_file_adopts_the_editor_the_host_started() {
    let stack = Stack::start().await;
    let owner = stack.portal.owner.clone();
    let api = stack.api();
    let room = new_room(&api, "Cold", RoomType::Editing).await;
    let file = upload(&api, room.id.clone(), "cold.txt", b"typed URL".to_vec()).await;
    let stack = &stack;
    let room_id = &room.id;
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), &owner.email, &owner.password, true).await;
        frames_signed_in(&driver).await;
        driver
            .goto(format!(
                "{}/files/{}?back=/rooms/{room_id}",
                stack.url(),
                file.id
            ))
            .await
            .expect("typed URL");
        // The title arrives from the REST API after the page renders.
        wait_until(
            &driver,
            "const t = document.querySelector(\"[data-testid='file-title']\");\
             return t && t.textContent === 'cold.txt' ? true : null;",
        )
        .await;
        // The host's frame (its id is the host's), moved into the page, its box gone.
        let frame = wait_for(&driver, "[data-testid='file-frame'] iframe#file-frame").await;
        wait_until(
            &driver,
            "return document.querySelector('[data-docspace-parked]') ? null : true;",
        )
        .await;
        // The app may also open its hidden system frame (it asks the portal whether the frames
        // share the session); that one is not an editor and is not counted.
        assert_eq!(
            driver
                .execute(
                    "return [...document.querySelectorAll('iframe')]\
                     .filter(f => !f.closest('[aria-hidden=\"true\"]')).length;",
                    vec![]
                )
                .await
                .expect("count")
                .json()
                .as_u64(),
            Some(1),
            "one editor frame, not a second one"
        );
        frame.clone().enter_frame().await.expect("enter frame");
        let area = wait_for(&driver, "#doc-text").await;
        assert_eq!(
            area.prop("value").await.expect("value").as_deref(),
            Some("typed URL")
        );
        // Its close button reaches the app's handler through the adopted frame.
        close_editor_to_room(&driver, room_id).await;
    })
    .await;
}

/// Presses `key` on whatever has focus.
async fn press(driver: &WebDriver, key: impl Into<TypingData>) {
    driver
        .active_element()
        .await
        .expect("focus")
        .send_keys(key)
        .await
        .expect("key");
}

/// The `data-testid` (or tag name) of the focused element.
async fn focused(driver: &WebDriver) -> String {
    driver
        .execute(
            "const a = document.activeElement; return a ? (a.dataset.testid || a.getAttribute('role') || a.tagName) : '';",
            Vec::new(),
        )
        .await
        .expect("script")
        .json()
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn picks_several_files_with_the_keyboard_alone_and_copies_them_here() {
    let stack = Stack::start().await;
    let api = stack.api();
    let source = new_room(&api, "Zeta source", RoomType::Custom).await;
    let target = new_room(&api, "Target room", RoomType::Custom).await;
    for (name, text) in [("alpha.txt", "A"), ("beta.txt", "B"), ("gamma.txt", "C")] {
        upload(&api, source.id.clone(), name, text.as_bytes().to_vec()).await;
    }
    let stack = &stack;
    let target_id = &target.id;
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, target_id).await;
        // Open the picker from the keyboard too.
        let open = wait_for(&driver, "[data-testid='add-from-rooms'] button").await;
        open.focus().await.expect("focus");
        press(&driver, Key::Enter).await;
        wait_for(&driver, "[data-testid='file-picker']").await;
        assert_eq!(focused(&driver).await, "picker-search", "focus starts in the search field");
        press(&driver, "Zeta").await;
        eventually("the search found the room", || {
            let driver = driver.clone();
            async move {
                let opts = driver.find_all(By::Css("[data-testid='picker-option']")).await.ok()?;
                (opts.len() == 1 && opts[0].text().await.ok()?.contains("Zeta source")).then_some(())
            }
        })
        .await;
        // Search → (type filter is off in the rooms list) → tree → list.
        press(&driver, Key::Tab).await;
        assert_eq!(focused(&driver).await, "treeitem");
        // The tree tells screen readers each row's depth, under the attribute's real name.
        let levels = driver
            .execute(
                "const t = document.activeElement; return [t.getAttribute('aria-level'), t.getAttributeNames().filter(n => n.includes(':'))];",
                Vec::new(),
            )
            .await
            .expect("script");
        assert_eq!(levels.json().to_string(), r#"["1",[]]"#);
        press(&driver, Key::Tab).await;
        assert_eq!(focused(&driver).await, "listbox");
        press(&driver, Key::Enter).await;
        eventually("the room's files are listed", || {
            let driver = driver.clone();
            async move {
                let opts = driver.find_all(By::Css("[data-testid='picker-option']")).await.ok()?;
                (opts.len() == 3).then_some(())
            }
        })
        .await;
        press(&driver, Key::Space).await;
        press(&driver, Key::Down).await;
        press(&driver, Key::Down).await;
        press(&driver, Key::Space).await;
        assert_eq!(
            text_of(&driver, "[data-testid='picker-count']").await,
            "2 of at most 20 selected"
        );
        let selected = driver
            .execute(
                "return [...document.querySelectorAll(\"[role='option'][aria-selected='true']\")].map(o => o.textContent);",
                Vec::new(),
            )
            .await
            .expect("script");
        let selected = selected.json().to_string();
        assert!(selected.contains("alpha.txt") && selected.contains("gamma.txt") && !selected.contains("beta.txt"), "{selected}");
        // Icons are drawn, not emoji: they need no emoji font.
        let icons = driver
            .execute(
                "return [...document.querySelectorAll(\"[data-testid='picker-option'] .ds-picker__icon\")].every(i => i.querySelector('svg[data-glyph]') !== null && i.textContent.trim() === '');",
                Vec::new(),
            )
            .await
            .expect("script");
        assert_eq!(icons.json(), &serde_json::Value::Bool(true));
        // So are the ticks of the two selected and the tree's open/closed marks.
        assert_eq!(font_marks(&driver).await, "");
        let drawn = js(
            &driver,
            "return [document.querySelectorAll(\"[role='option'][aria-selected='true'] svg[data-mark='check']\").length,\
                     document.querySelectorAll(\".ds-picker__twisty svg[data-mark]\").length];",
        )
        .await;
        assert_eq!(drawn[0], 2, "{drawn}");
        assert!(drawn[1].as_u64() >= Some(1), "{drawn}");
        // Tab to the confirm button (bounded), then Enter.
        for _ in 0..12 {
            if focused(&driver).await == "picker-accept" {
                break;
            }
            press(&driver, Key::Tab).await;
        }
        assert_eq!(focused(&driver).await, "picker-accept");
        press(&driver, Key::Enter).await;
        // The copy runs with progress and the files appear here.
        eventually("both copies listed in the room", || {
            let driver = driver.clone();
            async move {
                let mut titles = Vec::new();
                for t in driver.find_all(By::Css("[data-testid='entry-title']")).await.ok()? {
                    titles.push(t.text().await.ok()?);
                }
                (titles.contains(&"alpha.txt".to_string()) && titles.contains(&"gamma.txt".to_string())).then_some(())
            }
        })
        .await;
    })
    .await;
    let mut copied: Vec<String> = files_in(&api, &target.id)
        .await
        .into_iter()
        .map(|f| f.title)
        .collect();
    copied.sort();
    assert_eq!(copied, ["alpha.txt", "gamma.txt"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn invites_a_member_with_an_access_level_of_the_room_type() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Team room", RoomType::Editing).await;
    let stack = &stack;
    let room_id = &room.id;
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        click(&driver, "[data-testid='open-members'] button").await;
        wait_for(&driver, "[data-testid='invite-form']").await;
        // Only the collaboration room's levels are offered.
        let offered = driver
            .execute(
                "return [...document.querySelectorAll(\"[data-testid='invite-form'] select\")].pop().options.length;",
                Vec::new(),
            )
            .await
            .expect("script");
        assert_eq!(offered.json(), &serde_json::json!(4), "manager, creator, editor, viewer");
        fill(&driver, "[data-testid='invite-form'] input[type='email']", "new.member@example.com").await;
        click(&driver, "[data-testid='invite-form'] button[type='submit']").await;
        wait_for(&driver, "[data-testid='member'][data-email='new.member@example.com']").await;
    })
    .await;
    let invited = membership(&api, &room.id, "new.member@example.com")
        .await
        .expect("the invited person is a member");
    assert_eq!(invited.access, docspace_api::models::FileShare::Read);
}

#[tokio::test(flavor = "multi_thread")]
async fn dropping_files_on_an_empty_room_uploads_them() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Drop box", RoomType::Custom).await;
    let stack = &stack;
    let room_id = &room.id;
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        let empty = text_of(&driver, "[data-testid='drop-zone'] [data-testid='empty-state']").await;
        assert!(empty.contains("This folder is empty"), "{empty}");
        // What a browser dispatches when files from the desktop are dropped on the list.
        driver
            .execute(
                r#"const dt = new DataTransfer();
                   dt.items.add(new File(["first dropped file\n"], "one.txt", { type: "text/plain" }));
                   dt.items.add(new File(["second, with ünïcödé\n"], "two.txt", { type: "text/plain" }));
                   const zone = document.querySelector("[data-testid='drop-zone']");
                   zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
                   zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));"#,
                Vec::new(),
            )
            .await
            .expect("drop");
        eventually("both uploads finished", || {
            let driver = driver.clone();
            async move {
                let done = driver
                    .find_all(By::Css("[data-testid='upload-item'][data-state='done']"))
                    .await
                    .ok()?;
                (done.len() == 2).then_some(())
            }
        })
        .await;
    })
    .await;
    let files = files_in(&api, &room.id).await;
    for (name, text) in [
        ("one.txt", "first dropped file\n"),
        ("two.txt", "second, with ünïcödé\n"),
    ] {
        let file = files
            .iter()
            .find(|f| f.title == name)
            .unwrap_or_else(|| panic!("{name} stored"));
        let bytes = api
            .files()
            .download(file.id.clone())
            .await
            .expect("download");
        assert_eq!(
            String::from_utf8_lossy(&bytes),
            text,
            "{name} has the dropped bytes"
        );
    }
}
