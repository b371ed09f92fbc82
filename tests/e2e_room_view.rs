//! End to end: finding things in a room. The search and the kind filter keep what the portal's
//! own folder filter keeps (`filterValue`, `filterType`), live in the URL so a reload shows the
//! same view, say so when nothing matches and clear in one click; the entries can be shown as
//! tiles, several to a row.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::{FilterType, FolderId, RoomType};
use support::*;

const FILES: [&str; 4] = ["budget.xlsx", "plan.docx", "notes.docx", "photo.png"];
const FOLDER: &str = "Archive 2025";

/// The titles the portal itself keeps for `kind` in `folder`, sorted.
async fn portal_keeps(
    api: &docspace_api::Client,
    folder: &FolderId,
    kind: FilterType,
) -> Vec<String> {
    let c = api
        .folders()
        .contents(folder.clone())
        .filter_type(kind)
        .send()
        .await
        .expect("contents");
    let mut out: Vec<String> = c
        .folders
        .iter()
        .map(|f| f.title.clone())
        .chain(c.files.iter().map(|f| f.title.clone()))
        .collect();
    out.sort();
    out
}

/// Erases the search field as a user does, key by key.
async fn erase_search(driver: &WebDriver) {
    let field = wait_for(driver, "[data-testid='entry-search'] input").await;
    let typed = field.prop("value").await.ok().flatten().unwrap_or_default();
    for _ in 0..typed.chars().count() {
        field.send_keys(Key::Backspace).await.expect("erase");
    }
}

#[tokio::test]
async fn search_kind_and_tiles_follow_the_url_and_the_portals_filter() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Filing", RoomType::Custom).await;
    for name in FILES {
        upload(&api, room.id.clone(), name, b"content".to_vec()).await;
    }
    api.folders()
        .create(room.id.clone(), FOLDER)
        .await
        .expect("folder");
    let documents = portal_keeps(&api, &room.id, FilterType::DocumentsOnly).await;
    assert_eq!(
        documents,
        ["notes.docx", "plan.docx"],
        "the portal's own answer"
    );
    let folders = portal_keeps(&api, &room.id, FilterType::FoldersOnly).await;

    let stack = &stack;
    let room = &room;
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, &room.id).await;
        let everything: Vec<&str> = FILES.iter().copied().chain([FOLDER]).collect();
        let all = everything.len();
        until_entries(&driver, &everything).await;

        // Search: the URL carries it, and a reload shows the same view.
        fill(&driver, "[data-testid='entry-search'] input", "plan").await;
        until_entries(&driver, &["plan.docx"]).await;
        let url = driver.current_url().await.expect("url");
        assert_eq!(url.query(), Some("q=plan"), "{url}");
        driver.refresh().await.expect("reload");
        until_entries(&driver, &["plan.docx"]).await;
        let field = wait_for(&driver, "[data-testid='entry-search'] input").await;
        assert_eq!(
            field.prop("value").await.expect("value").as_deref(),
            Some("plan"),
            "the field shows the search after a reload"
        );
        erase_search(&driver).await;
        until_entries(&driver, &everything).await;

        // Kinds: what the portal keeps for each.
        choose(&driver, "entry-kind", "documents").await;
        let docs: Vec<&str> = documents.iter().map(String::as_str).collect();
        until_entries(&driver, &docs).await;
        choose(&driver, "entry-kind", "folders").await;
        let dirs: Vec<&str> = folders.iter().map(String::as_str).collect();
        until_entries(&driver, &dirs).await;

        // Nothing matches: said so, and one click shows everything again.
        choose(&driver, "entry-kind", "").await;
        fill(&driver, "[data-testid='entry-search'] input", "zzz").await;
        let empty = wait_for(&driver, "[data-testid='empty-state']").await;
        assert!(
            empty
                .text()
                .await
                .expect("text")
                .contains("Nothing matches"),
            "the empty state says the filter left everything out"
        );
        click(&driver, "[data-testid='clear-filter'] button").await;
        until_entries(&driver, &everything).await;
        eventually("the search field is cleared", || {
            let driver = driver.clone();
            async move {
                let v = driver
                    .find(By::Css("[data-testid='entry-search'] input"))
                    .await
                    .ok()?
                    .prop("value")
                    .await
                    .ok()??;
                v.is_empty().then_some(())
            }
        })
        .await;

        // Tiles: every entry a tile, several side by side, kept across a reload.
        click(&driver, "[data-testid='layout-tiles']").await;
        // The tiles are found and measured in one attempt: the list may
        // render again after the switch, which leaves earlier handles stale.
        let tops = eventually("every entry is a tile, measured", || {
            let driver = driver.clone();
            async move {
                let tiles = driver.find_all(By::Css(".entry-row--tile")).await.ok()?;
                if tiles.len() != all {
                    return None;
                }
                let mut tops = Vec::new();
                for t in &tiles {
                    tops.push(t.rect().await.ok()?.y as i64);
                }
                Some(tops)
            }
        })
        .await;
        let mut distinct = tops.clone();
        distinct.sort();
        distinct.dedup();
        assert!(
            distinct.len() < tops.len(),
            "tiles share rows (distinct tops: {distinct:?})"
        );
        driver.refresh().await.expect("reload");
        eventually("still tiles after a reload", || {
            let driver = driver.clone();
            async move {
                let n = driver
                    .find_all(By::Css(".entry-row--tile"))
                    .await
                    .ok()?
                    .len();
                (n == all).then_some(())
            }
        })
        .await;
        click(&driver, "[data-testid='layout-rows']").await;
        until_entries(&driver, &everything).await;
        assert!(absent(&driver, ".entry-row--tile").await, "rows again");
    })
    .await;
}
