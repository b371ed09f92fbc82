//! End to end: a file's details panel shows its version history (version, size, author, date,
//! comment, revision); restoring an old version adds a new one and keeps the later ones; a version
//! continues the previous revision and the current one is marked as a revision; a comment is
//! edited in place; an old version is deleted after confirmation, the current one never. A
//! viewer is offered none of it. Each is checked in the page and through REST.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::{FileShare, RoomType};
use support::*;

/// The version numbers the history lists, in order.
async fn shown_versions(driver: &WebDriver) -> Vec<String> {
    let mut out = Vec::new();
    for v in driver
        .find_all(By::Css("[data-testid='version']"))
        .await
        .unwrap_or_default()
    {
        out.push(
            v.attr("data-version")
                .await
                .ok()
                .flatten()
                .unwrap_or_default(),
        );
    }
    out
}

/// Waits until the history lists exactly `want` (newest first).
async fn until_versions(driver: &WebDriver, want: &[&str]) {
    eventually(&format!("the history lists versions {want:?}"), || {
        let driver = driver.clone();
        async move { (shown_versions(&driver).await == want).then_some(()) }
    })
    .await;
}

/// The selector of `inner` inside the row of version `n`.
fn in_version(n: u32, inner: &str) -> String {
    format!("[data-testid='version'][data-version='{n}'] {inner}")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_details_panel_lists_restores_comments_and_deletes_versions() {
    let stack = Stack::start().await;
    let owner = stack.portal.owner.clone();
    let api = stack.api();
    let room = new_room(&api, "History room", RoomType::Custom).await;
    // The same name uploaded twice: the second upload is version 2 of the same file.
    let first = upload(&api, room.id.clone(), "notes.txt", b"first draft".to_vec()).await;
    let second = api
        .files()
        .upload(
            room.id.clone(),
            "notes.txt",
            b"second, longer draft".to_vec(),
        )
        .send()
        .await
        .expect("upload again");
    assert_eq!(first.id, second.id, "one file");
    assert_eq!(second.version, 2);
    let stack = &stack;
    let room_id = &room.id;
    let owner_name = owner.display_name.clone();
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        row_action(&driver, "notes.txt", "entry-details").await;
        wait_for(&driver, "[data-testid='file-details']").await;
        until_versions(&driver, &["2", "1"]).await;
        let author = text_of(&driver, &in_version(2, "[data-testid='version-author']")).await;
        assert_eq!(author, owner_name, "the version names its author");
        // The current version can be neither restored nor deleted.
        for inner in [
            "[data-testid='version-restore']",
            "[data-testid='version-delete']",
        ] {
            assert!(
                driver
                    .find_all(By::Css(in_version(2, inner)))
                    .await
                    .expect("find")
                    .is_empty(),
                "the current version offers no {inner}"
            );
        }

        // Restoring version 1 makes version 3; version 2 stays.
        click(
            &driver,
            &in_version(1, "[data-testid='version-restore'] button"),
        )
        .await;
        until_versions(&driver, &["3", "2", "1"]).await;

        // A comment, edited in place.
        click(
            &driver,
            &in_version(3, "[data-testid='version-edit-comment'] button"),
        )
        .await;
        fill(
            &driver,
            "[data-testid='version-comment-form'] input",
            "Signed copy",
        )
        .await;
        click(
            &driver,
            "[data-testid='version-comment-form'] button[type='submit']",
        )
        .await;
        eventually("the new comment is shown", || {
            let driver = driver.clone();
            async move {
                let shown = driver
                    .find(By::Css(in_version(3, "[data-testid='version-comment']")))
                    .await
                    .ok()?
                    .text()
                    .await
                    .ok()?;
                (shown == "Signed copy").then_some(())
            }
        })
        .await;

        // Deleting version 2 asks first.
        click(
            &driver,
            &in_version(2, "[data-testid='version-delete'] button"),
        )
        .await;
        assert_eq!(
            shown_versions(&driver).await,
            ["3", "2", "1"],
            "nothing yet"
        );
        click(
            &driver,
            &in_version(2, "[data-testid='version-confirm-delete'] button"),
        )
        .await;
        until_versions(&driver, &["3", "1"]).await;
    })
    .await;
    let history = api
        .files()
        .history(first.id.clone())
        .await
        .expect("history");
    let versions: Vec<u32> = history.iter().map(|v| v.version).collect();
    assert_eq!(
        versions,
        [3, 1],
        "restore kept the later version, delete removed one"
    );
    assert_eq!(history[0].comment.as_deref(), Some("Signed copy"));
    let content = api
        .files()
        .download(first.id.clone())
        .await
        .expect("content");
    assert_eq!(
        content, b"first draft",
        "version 3 holds version 1's content"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_viewer_is_offered_no_history_and_no_link_changes() {
    let stack = Stack::start().await;
    let password = stack.portal.owner.password.clone();
    let api = stack.api();
    let room = new_room(&api, "Viewer history", RoomType::Custom).await;
    for body in [&b"one"[..], &b"two"[..]] {
        upload(&api, room.id.clone(), "report.txt", body.to_vec()).await;
    }
    add_member(&api, &room.id, "guest@example.com", FileShare::Read).await;
    let stack = &stack;
    let room_id = &room.id;
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), "guest@example.com", &password, false).await;
        open_room(&driver, room_id).await;
        row_action(&driver, "report.txt", "entry-details").await;
        wait_for(&driver, "[data-testid='versions-hidden']").await;
        wait_for(&driver, "[data-testid='file-links']").await;
        for css in ["[data-testid='version']", "[data-testid='file-link-new']"] {
            assert!(absent(&driver, css).await, "a viewer is not offered {css}");
        }
    })
    .await;
}

/// The revision the row of version `n` shows.
async fn shown_revision(driver: &WebDriver, n: u32) -> Option<String> {
    driver
        .find(By::Css(in_version(n, "[data-testid='version-revision']")))
        .await
        .ok()?
        .text()
        .await
        .ok()
}

#[tokio::test(flavor = "multi_thread")]
async fn continues_the_previous_revision_and_marks_the_current_version_as_one() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Revisions room", RoomType::Custom).await;
    let mut file = None;
    for body in [&b"one"[..], &b"two"[..]] {
        file = Some(
            api.files()
                .upload(room.id.clone(), "plan.txt", body.to_vec())
                .send()
                .await
                .expect("upload"),
        );
    }
    let file = file.expect("the file");
    let before = api.files().history(file.id.clone()).await.expect("history");
    let groups: Vec<Option<u32>> = before.iter().map(|v| v.version_group).collect();
    assert_eq!(groups, [Some(2), Some(1)], "each upload starts a revision");
    let stack = &stack;
    let room_id = &room.id;
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        row_action(&driver, "plan.txt", "entry-details").await;
        until_versions(&driver, &["2", "1"]).await;
        assert!(
            driver
                .find_all(By::Css(in_version(1, "[data-testid='version-continue']")))
                .await
                .expect("find")
                .is_empty(),
            "the first version has no revision before it"
        );
        // Version 2 joins version 1's revision.
        click(
            &driver,
            &in_version(2, "[data-testid='version-continue'] button"),
        )
        .await;
        eventually("version 2 is in revision 1", || {
            let driver = driver.clone();
            async move { (shown_revision(&driver, 2).await? == "revision 1").then_some(()) }
        })
        .await;
        // Marking the current version stores it again, as a revision of its own.
        click(
            &driver,
            &in_version(2, "[data-testid='version-mark'] button"),
        )
        .await;
        until_versions(&driver, &["3", "2", "1"]).await;
    })
    .await;
    let after = api.files().history(file.id.clone()).await.expect("history");
    let groups: Vec<(u32, Option<u32>)> =
        after.iter().map(|v| (v.version, v.version_group)).collect();
    assert_eq!(groups, [(3, Some(2)), (2, Some(1)), (1, Some(1))]);
}
