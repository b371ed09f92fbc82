//! End to end: cancelling a chunked upload part-way, and moving files to another room with the
//! operation's progress shown.
//!
//! Loopback is fast enough that a multi-chunk upload or a file operation would end before a test
//! could act on it, so the tests hold chosen requests in the page (a wrapper around `fetch`) and
//! release them when the test has looked.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::RoomType;
use support::*;

#[tokio::test(flavor = "multi_thread")]
async fn cancelling_an_upload_midway_stores_nothing_and_the_room_keeps_working() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Cancel here", RoomType::Custom).await;
    // 5 MiB: three chunks of the app's 2 MiB.
    let big: Vec<u8> = lines_of_text(5 * 1024 * 1024);
    let dir = DiskFiles::new();
    let big_path = dir.write("abandoned.txt", &big);
    let small_path = dir.write("after-cancel.txt", b"uploaded after a cancelled one\n");
    let big_len = big.len();
    let stack = &stack;
    let room_id = &room.id;
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        // The first chunk goes through; the second waits in the page until the test releases it.
        hold_requests(&driver, "POST", "chunkNumber=2").await;
        let input = wait_for(&driver, "[data-testid='upload-input']").await;
        choose_file(&input, &big_path).await;
        until_held(&driver).await;
        // Part-way: the bar shows the first chunk's share, neither 0 nor 100 %.
        let now = wait_for(
            &driver,
            "[data-testid='upload-item'][data-state='active'] [role='progressbar'][aria-valuenow]",
        )
        .await
        .attr("aria-valuenow")
        .await
        .expect("attr")
        .unwrap_or_default();
        let first_chunk = ((2u64 << 20) as f64 * 100.0 / big_len as f64).round();
        assert_eq!(now, first_chunk.to_string(), "one chunk of 2 MiB sent");
        click(&driver, "[data-testid='upload-cancel']").await;
        wait_for(
            &driver,
            "[data-testid='upload-item'][data-state='cancelled']",
        )
        .await;
        assert_eq!(
            text_of(&driver, "[data-testid='upload-item'] .uploads__status").await,
            "Cancelled"
        );
        assert!(
            absent(&driver, "[data-testid='upload-cancel']").await,
            "a cancelled upload offers no cancel button"
        );
        // The session was abandoned on the portal, and nothing was finalised.
        let sent = requests(&driver).await;
        assert!(
            sent.iter()
                .any(|r| r.starts_with("DELETE ") && r.contains("/session/")),
            "the session is deleted: {sent:?}"
        );
        assert!(
            !sent.iter().any(|r| r.contains("/finalize")),
            "never finalised: {sent:?}"
        );
        // Let the held chunk go: the portal must refuse it, the app must ignore it.
        release_held(&driver).await;
        // The room still works: the next upload is stored.
        let input = wait_for(&driver, "[data-testid='upload-input']").await;
        choose_file(&input, &small_path).await;
        wait_for(&driver, "[data-testid='upload-item'][data-state='done']").await;
        assert_eq!(
            driver
                .find_all(By::Css(
                    "[data-testid='upload-item'][data-state='cancelled']"
                ))
                .await
                .expect("find")
                .len(),
            1,
            "the cancelled upload stays cancelled"
        );
    })
    .await;
    // Give a late chunk or finalise every chance to land before looking.
    let titles = eventually("the second upload is stored", || {
        let api = &api;
        let room = &room.id;
        async move {
            let t = file_titles_in(api, room).await;
            t.contains(&"after-cancel.txt".to_string()).then_some(t)
        }
    })
    .await;
    assert_eq!(
        titles,
        ["after-cancel.txt"],
        "nothing of the cancelled upload is stored"
    );
    let file = api
        .folders()
        .contents(room.id.clone())
        .send()
        .await
        .expect("contents")
        .files
        .into_iter()
        .find(|f| f.title == "after-cancel.txt")
        .expect("stored");
    let bytes = api.files().download(file.id).await.expect("download");
    assert_eq!(&bytes[..], &b"uploaded after a cancelled one\n"[..]);
}

/// The texts of the success toasts on screen.
async fn toasts(driver: &WebDriver) -> Vec<String> {
    let mut out = Vec::new();
    for t in driver
        .find_all(By::Css("[data-testid='toast'] .toast__title"))
        .await
        .expect("find")
    {
        out.push(t.text().await.expect("text"));
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn moves_selected_files_to_another_room_with_progress() {
    let stack = Stack::start().await;
    let api = stack.api();
    let source = new_room(&api, "Move source", RoomType::Custom).await;
    let target = new_room(&api, "Move target", RoomType::Custom).await;
    let contents = [
        ("one.txt", "the first file to move\n"),
        ("two.txt", "the second, with ünïcödé\n"),
        ("stay.txt", "this one is not moved\n"),
    ];
    for (name, text) in contents {
        upload(&api, source.id.clone(), name, text.as_bytes().to_vec()).await;
    }
    let stack = &stack;
    let source_id = &source.id;
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, source_id).await;
        // Every progress bar of a file operation that appears, with its label and value.
        driver
            .execute(
                r#"window.__ops = [];
                   const seen = bar => window.__ops.push(bar.getAttribute("aria-label") + "=" + (bar.getAttribute("aria-valuenow") ?? "working"));
                   new MutationObserver(records => {
                     for (const r of records) {
                       if (r.type === "attributes" && r.target.closest("[data-testid='file-operation']")) seen(r.target);
                       for (const n of r.addedNodes) {
                         if (n.nodeType !== 1) continue;
                         for (const bar of n.querySelectorAll("[data-testid='file-operation'] [role='progressbar']")) seen(bar);
                         if (n.matches("[data-testid='file-operation'] [role='progressbar']")) seen(n);
                       }
                     }
                   }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });"#,
                Vec::new(),
            )
            .await
            .expect("observer");
        click(&driver, "input[aria-label='Select one.txt']").await;
        click(&driver, "input[aria-label='Select two.txt']").await;
        assert_eq!(
            text_of(&driver, "[data-testid='bulk-actions'] > span").await,
            "2 selected"
        );
        click(
            &driver,
            "[data-testid='bulk-actions'] button:nth-of-type(2)",
        )
        .await;
        wait_for(&driver, "[data-testid='file-picker']").await;
        // The picker starts in this room; the destination is another room.
        click(&driver, ".ds-picker__crumb").await;
        let option = element_with_text(&driver, "[data-testid='picker-option']", "Move target").await;
        option
            .find(By::Css(".ds-picker__check"))
            .await
            .expect("check box")
            .click()
            .await
            .expect("select the room");
        assert_eq!(text_of(&driver, "[data-testid='picker-count']").await, "1 selected");
        assert_eq!(text_of(&driver, "[data-testid='picker-accept']").await, "Move here");
        // Hold the move on its way to the portal, to see the operation in progress.
        hold_requests(&driver, "PUT", "/files/fileops/move").await;
        click(&driver, "[data-testid='picker-accept']").await;
        until_held(&driver).await;
        let running = wait_for(&driver, "[data-testid='file-operation'] [role='progressbar']").await;
        assert_eq!(
            running.attr("aria-label").await.expect("attr").as_deref(),
            Some("Moving 2 items")
        );
        assert!(
            text_of(&driver, "[data-testid='file-operation']").await.contains("Moving 2 items"),
            "the operation says what it does"
        );
        release_held(&driver).await;
        // It ends: the bar goes, a notice says so, and the files leave this room's listing.
        eventually("the operation ended", || {
            let driver = driver.clone();
            async move {
                let bars = driver
                    .find_all(By::Css("[data-testid='file-operation']"))
                    .await
                    .ok()?;
                let done = toasts(&driver).await.contains(&"Moved 2 items".to_string());
                (bars.is_empty() && done).then_some(())
            }
        })
        .await;
        eventually("the listing shows only what stayed", || {
            let driver = driver.clone();
            async move {
                let mut titles = Vec::new();
                for t in driver
                    .find_all(By::Css("[data-testid='entry-title']"))
                    .await
                    .ok()?
                {
                    titles.push(t.text().await.ok()?);
                }
                (titles == ["stay.txt"]).then_some(())
            }
        })
        .await;
        let ops = driver
            .execute("return window.__ops;", Vec::new())
            .await
            .expect("script");
        let ops: Vec<String> = serde_json::from_value(ops.json().clone()).expect("strings");
        assert!(
            ops.iter().any(|o| o.starts_with("Moving 2 items=")),
            "the progress bar was recorded: {ops:?}"
        );
    })
    .await;
    assert_eq!(file_titles_in(&api, &source.id).await, ["stay.txt"]);
    assert_eq!(
        file_titles_in(&api, &target.id).await,
        ["one.txt", "two.txt"]
    );
    let moved = api
        .folders()
        .contents(target.id.clone())
        .send()
        .await
        .expect("contents")
        .files;
    for (name, text) in &contents[..2] {
        let file = moved.iter().find(|f| f.title == *name).expect("moved file");
        let bytes = api
            .files()
            .download(file.id.clone())
            .await
            .expect("download");
        assert_eq!(&bytes[..], text.as_bytes(), "{name} keeps its bytes");
    }
}
