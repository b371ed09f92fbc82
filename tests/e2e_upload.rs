//! End to end: uploads beyond one file at full speed. On a slow link the bar moves while a chunk
//! is on its way, not only when it is acknowledged; a folder chosen with "Upload folder" or
//! dropped on the list arrives with its folders, as DocSpace's web UI uploads one.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::Client;
use docspace_api::models::{FolderId, RoomType};
use support::*;

/// The id of the folder titled `title` directly in `folder`.
async fn child(api: &Client, folder: &FolderId, title: &str) -> FolderId {
    folder_named(api, folder.clone(), title).await.id
}

/// Waits until `n` uploads are listed as done.
async fn until_done(driver: &WebDriver, n: usize) {
    eventually(&format!("{n} uploads finished"), || {
        let driver = driver.clone();
        async move {
            let done = driver
                .find_all(By::Css("[data-testid='upload-item'][data-state='done']"))
                .await
                .ok()?;
            (done.len() == n).then_some(())
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_slow_link_the_bar_moves_within_a_chunk() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Slow link", RoomType::Custom).await;
    // 3 MiB: a chunk of the app's 2 MiB, then one of 1 MiB. Acknowledged chunks alone would
    // show 0, 67 and 100 %.
    let content: Vec<u8> = lines_of_text(3 * 1024 * 1024);
    let dir = DiskFiles::new();
    let path = dir.write("slow.txt", &content);
    let stack = &stack;
    let room_id = &room.id;
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        // Chromium's own throttling, as DevTools' network conditions: 768 KiB/s up, so the
        // first chunk takes about three seconds to go out.
        driver
            .cdp()
            .send_raw("Network.enable", serde_json::json!({}))
            .await
            .expect("network domain");
        driver
            .cdp()
            .send_raw(
                "Network.emulateNetworkConditions",
                serde_json::json!({
                    "offline": false,
                    "latency": 0,
                    "downloadThroughput": -1,
                    "uploadThroughput": 768 * 1024,
                }),
            )
            .await
            .expect("throttle uploads");
        record_progress(&driver).await;
        choose_file(
            &wait_for(&driver, "[data-testid='upload-input']").await,
            &path,
        )
        .await;
        wait_for(&driver, "[data-testid='upload-item'][data-state='done']").await;
        let values = progress_seen(&driver).await;
        assert_eq!(values.last(), Some(&100), "ends at 100 %: {values:?}");
        assert!(
            values.iter().any(|v| *v > 0 && *v < 66),
            "moved while the first chunk was on its way: {values:?}"
        );
        assert!(
            values.iter().filter(|v| **v > 0 && *v < &100).count() > 2,
            "more steps than chunks: {values:?}"
        );
        assert!(
            values.windows(2).all(|w| w[0] <= w[1]),
            "never went back: {values:?}"
        );
    })
    .await;
    assert_eq!(
        content_of(&api, &room.id, "slow.txt").await.0.len(),
        content.len()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_chosen_folder_arrives_with_its_folders_and_fills_one_of_the_same_name() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Folder upload", RoomType::Custom).await;
    // The room already has a "Trip" folder holding a "notes.txt".
    let trip = new_folder(&api, room.id.clone(), "Trip").await;
    upload(
        &api,
        trip.id.clone(),
        "notes.txt",
        b"already there".to_vec(),
    )
    .await;
    // On disk: Trip/notes.txt, Trip/days/monday.txt, and hidden entries that stay behind.
    let dir = DiskFiles::new();
    for (name, text) in [
        ("Trip/notes.txt", "from disk"),
        ("Trip/days/monday.txt", "beach"),
        ("Trip/.hidden.txt", "no"),
        ("Trip/.git/config.txt", "no"),
    ] {
        dir.write(name, text);
    }
    let top = dir.path().join("Trip");
    let stack = &stack;
    let (room_id, top_ref) = (&room.id, &top);
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        record_requests(&driver).await;
        wait_for(&driver, "[data-testid='upload-folder-button']").await;
        choose_file(
            &wait_for(&driver, "[data-testid='upload-folder-input']").await,
            top_ref,
        )
        .await;
        until_done(&driver, 2).await;
        // Listed where each goes.
        let mut names = Vec::new();
        for n in driver
            .find_all(By::Css("[data-testid='upload-item'] .uploads__name"))
            .await
            .expect("names")
        {
            names.push(n.text().await.expect("text"));
        }
        names.sort();
        assert_eq!(names, ["Trip/days/monday.txt", "Trip/notes.txt"]);
        // Nothing asked, nothing checked: DocSpace asks about no folder's contents.
        assert!(
            absent(&driver, "dialog[open] [data-testid='conflict-dialog']").await,
            "no clash question"
        );
        let sent = requests(&driver).await;
        assert!(
            !sent.iter().any(|r| r.contains("/upload/check")),
            "no check: {sent:?}"
        );
        assert_eq!(
            sent.iter().filter(|r| r.ends_with("/session")).count(),
            2,
            "one session per file: {sent:?}"
        );
    })
    .await;
    // The room's "Trip" took the files (no second "Trip"), the clashing one kept beside.
    assert_eq!(
        titles_by_kind(&api, &room.id).await,
        (vec!["Trip".to_string()], vec![])
    );
    assert_eq!(
        titles_by_kind(&api, &trip.id).await,
        (
            vec!["days".to_string()],
            vec!["notes (1).txt".to_string(), "notes.txt".to_string()]
        )
    );
    assert_eq!(
        content_of(&api, &trip.id, "notes.txt").await.0,
        "already there"
    );
    assert_eq!(
        content_of(&api, &trip.id, "notes (1).txt").await.0,
        "from disk"
    );
    let days = child(&api, &trip.id, "days").await;
    assert_eq!(content_of(&api, &days, "monday.txt").await.0, "beach");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dropped_folder_is_walked_to_the_bottom_and_loose_files_are_checked() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Drop a folder", RoomType::Custom).await;
    upload(&api, room.id.clone(), "loose.txt", b"first".to_vec()).await;
    let stack = &stack;
    let room_id = &room.id;
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        // What a browser hands a page when a folder and a file are dropped: items whose
        // `webkitGetAsEntry()` is a directory entry (read in batches, then an empty one, as
        // `readEntries` does) or a file entry. Built by shape here, since WebDriver cannot drag
        // from the desktop.
        driver
            .execute(
                r#"const file = (name, text) => ({
                     isDirectory: false, isFile: true, name,
                     file(ok) { setTimeout(() => ok(new File([text], name, { type: "text/plain" })), 0); },
                   });
                   const dir = (name, batches) => ({
                     isDirectory: true, isFile: false, name,
                     createReader() {
                       const left = batches.slice();
                       return { readEntries(ok) { setTimeout(() => ok(left.shift() || []), 0); } };
                     },
                   });
                   const album = dir("Album", [
                     [file("one.txt", "first photo"), dir("Inner", [[file("deep.txt", "deep down")]])],
                     [file("two.txt", "second photo"), file(".DS_Store", "x"), file("Thumbs.db", "x")],
                     [dir(".cache", [[file("hidden.txt", "x")]]), dir("Empty", [])],
                   ]);
                   const loose = new File(["second"], "loose.txt", { type: "text/plain" });
                   const items = [
                     { kind: "file", type: "", webkitGetAsEntry: () => album, getAsFile: () => null },
                     { kind: "file", type: "text/plain", webkitGetAsEntry: () => file("loose.txt", "second"), getAsFile: () => loose },
                     { kind: "string", type: "text/plain", webkitGetAsEntry: () => null, getAsFile: () => null },
                   ];
                   const dt = { items, files: [], types: ["Files"] };
                   const zone = document.querySelector("[data-testid='drop-zone']");
                   const drop = new DragEvent("drop", { bubbles: true, cancelable: true });
                   Object.defineProperty(drop, "dataTransfer", { value: dt });
                   zone.dispatchEvent(drop);"#,
                Vec::new(),
            )
            .await
            .expect("drop");
        // The loose file clashes with the room's: asked about, as DocSpace asks; the folder's
        // files go meanwhile.
        wait_for(&driver, "dialog[open] [data-testid='conflict-dialog']").await;
        assert_eq!(
            text_of(&driver, "[data-testid='conflict-message']").await,
            "The destination already contains a file named “loose.txt”."
        );
        click(&driver, "[data-testid='conflict-duplicate']").await;
        click(&driver, "[data-testid='conflict-ok'] button").await;
        until_done(&driver, 4).await;
    })
    .await;
    assert_eq!(
        titles_by_kind(&api, &room.id).await,
        (
            vec!["Album".to_string()],
            vec!["loose (1).txt".to_string(), "loose.txt".to_string()]
        )
    );
    assert_eq!(
        content_of(&api, &room.id, "loose (1).txt").await.0,
        "second"
    );
    let album = child(&api, &room.id, "Album").await;
    // System and hidden entries stay behind; an empty folder brings no file, so no folder.
    assert_eq!(
        titles_by_kind(&api, &album).await,
        (
            vec!["Inner".to_string()],
            vec!["one.txt".to_string(), "two.txt".to_string()]
        )
    );
    assert_eq!(content_of(&api, &album, "two.txt").await.0, "second photo");
    let inner = child(&api, &album, "Inner").await;
    assert_eq!(content_of(&api, &inner, "deep.txt").await.0, "deep down");
}
