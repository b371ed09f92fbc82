//! End to end: the rooms dashboard: its filters by type, tag and archive and its sort by title;
//! and creating a room with its options (quota, privacy, indexing, no downloads). Each is checked
//! in the page and through REST.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::RoomType;
use support::*;

/// Waits until the dashboard shows exactly `want`, in this order.
async fn until_rooms(driver: &WebDriver, want: &[String]) {
    let what = format!("the dashboard shows exactly {want:?}");
    eventually(&what, || {
        let driver = driver.clone();
        async move { (shown_rooms(&driver).await == want).then_some(()) }
    })
    .await;
}

/// Titles of the rooms in the portal's answer to a (filtered) list request.
fn rest_rooms(listed: Result<docspace_api::models::RoomsPage, docspace_api::Error>) -> Vec<String> {
    listed
        .expect("list rooms")
        .folders
        .into_iter()
        .map(|r| r.title)
        .collect()
}

/// The prefix of the dashboard test's room titles, which no other room has.
const PREFIX: &str = "Qz";

#[tokio::test(flavor = "multi_thread")]
async fn the_dashboard_filters_by_type_tag_and_archive_and_sorts_by_title() {
    use docspace_api::models::{SearchArea, SortBy, SortOrder};
    let stack = Stack::start().await;
    let api = stack.api();
    for (title, kind, tags) in [
        ("Qz Bravo ledger", RoomType::Custom, vec!["finance"]),
        ("Qz Alpha forms", RoomType::FillingForms, vec![]),
        (
            "Qz Charlie drafts",
            RoomType::Editing,
            vec!["finance", "legal"],
        ),
        ("Qz Delta vault", RoomType::Custom, vec!["finance"]),
    ] {
        api.rooms()
            .create(title, kind)
            .tags(tags)
            .send()
            .await
            .expect("room");
    }
    let vault = rest_rooms(api.rooms().list().filter_value(PREFIX).send().await);
    assert_eq!(
        vault.len(),
        4,
        "the search finds only this test's rooms: {vault:?}"
    );
    assert!(vault.contains(&"Qz Delta vault".to_string()), "{vault:?}");
    let vault_id = api
        .rooms()
        .list()
        .filter_value("Qz Delta vault")
        .send()
        .await
        .expect("list")
        .folders
        .remove(0)
        .id;
    api.rooms().archive(vault_id).wait().await.expect("archive");
    // What the portal itself answers for each view.
    let s = |v: &[&str]| v.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    let mut custom = rest_rooms(
        api.rooms()
            .list()
            .filter_value(PREFIX)
            .room_type(RoomType::Custom)
            .send()
            .await,
    );
    custom.sort();
    assert_eq!(custom, s(&["Qz Bravo ledger"]));
    let mut finance = rest_rooms(
        api.rooms()
            .list()
            .filter_value(PREFIX)
            .tags(["finance"])
            .send()
            .await,
    );
    finance.sort();
    assert_eq!(finance, s(&["Qz Bravo ledger", "Qz Charlie drafts"]));
    let archived = rest_rooms(
        api.rooms()
            .list()
            .search_area(SearchArea::Archive)
            .send()
            .await,
    );
    assert_eq!(archived, s(&["Qz Delta vault"]));
    let a_to_z = rest_rooms(
        api.rooms()
            .list()
            .filter_value(PREFIX)
            .sort_by(SortBy::Title)
            .sort_order(SortOrder::Ascending)
            .send()
            .await,
    );
    assert_eq!(
        a_to_z,
        s(&["Qz Alpha forms", "Qz Bravo ledger", "Qz Charlie drafts"])
    );
    let z_to_a = rest_rooms(
        api.rooms()
            .list()
            .filter_value(PREFIX)
            .sort_by(SortBy::Title)
            .sort_order(SortOrder::Descending)
            .send()
            .await,
    );
    assert_eq!(
        z_to_a,
        s(&["Qz Charlie drafts", "Qz Bravo ledger", "Qz Alpha forms"])
    );
    let stack = &stack;
    let (custom, finance, archived, a_to_z, z_to_a) =
        (&custom, &finance, &archived, &a_to_z, &z_to_a);
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        wait_for(&driver, "[data-testid='room-title']").await;
        // The portal has other rooms too: search for this test's.
        fill(&driver, "[data-testid='rooms-search'] input", PREFIX).await;
        eventually("the search applied", || {
            let driver = driver.clone();
            async move {
                let shown = shown_rooms(&driver).await;
                (shown.len() == 3 && shown.iter().all(|t| t.starts_with(PREFIX))).then_some(())
            }
        })
        .await;
        choose(
            &driver,
            "filter-type",
            &RoomType::Custom.value().to_string(),
        )
        .await;
        until_rooms(&driver, custom).await;
        choose(&driver, "filter-type", "").await;
        choose(&driver, "filter-tag", "finance").await;
        eventually("the tag filter shows exactly the tagged rooms", || {
            let driver = driver.clone();
            async move {
                let mut shown = shown_rooms(&driver).await;
                shown.sort();
                (&shown == finance).then_some(())
            }
        })
        .await;
        choose(&driver, "filter-tag", "").await;
        click(&driver, "[data-testid='show-archived']").await;
        until_rooms(&driver, archived).await;
        click(&driver, "[data-testid='show-active']").await;
        choose(&driver, "sort", "title").await;
        until_rooms(&driver, a_to_z).await;
        click(
            &driver,
            "button[aria-label='Ascending; switch to descending']",
        )
        .await;
        until_rooms(&driver, z_to_a).await;
    })
    .await;
}

/// Ticks the room form's checkbox labelled `label` (by clicking its label, as a user does).
async fn tick(driver: &WebDriver, label: &str) {
    let xpath = format!("//form[@data-testid='room-form']//label[normalize-space()='{label}']");
    let el = driver
        .query(By::XPath(&xpath))
        .first()
        .await
        .unwrap_or_else(|e| panic!("no checkbox labelled {label}: {e}"));
    el.click().await.expect("tick");
    let input = driver
        .find(By::Id(
            el.attr("for").await.expect("for").expect("label for"),
        ))
        .await
        .expect("checkbox");
    assert!(
        input.is_selected().await.expect("checked"),
        "{label} is ticked"
    );
}

/// The one active room titled `title`, read back through REST.
async fn stored_room(
    api: &docspace_api::Client,
    title: &str,
) -> Option<docspace_api::models::Room> {
    let listed = api
        .rooms()
        .list()
        .filter_value(title)
        .send()
        .await
        .ok()?
        .folders;
    let room = listed.into_iter().find(|r| r.title == title)?;
    api.rooms().get(room.id).await.ok()
}

#[tokio::test(flavor = "multi_thread")]
async fn creates_a_room_with_quota_privacy_indexing_and_no_downloads() {
    let stack = Stack::start().await;
    let api = stack.api();
    let stack = &stack;
    let (special, plain) = ("Options vault", "Options plain");
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        wait_for(&driver, "[data-testid='rooms-count']").await;
        // A data room with every option…
        click(&driver, "[data-testid='create-room'] button").await;
        fill(&driver, "[data-testid='room-title'] input", special).await;
        click(
            &driver,
            &format!(
                "[data-testid='room-types'] input[value='{}'] + label",
                RoomType::VirtualData.value()
            ),
        )
        .await;
        click(
            &driver,
            "[data-testid='room-form'] select option[value='custom']",
        )
        .await;
        fill(
            &driver,
            "[data-testid='room-form'] input[type='number']",
            "25",
        )
        .await;
        tick(&driver, "Private room").await;
        tick(&driver, "Number the contents (indexing)").await;
        tick(&driver, "Restrict copying and downloading").await;
        click(&driver, "[data-testid='room-save'] button").await;
        until_room_listed(&driver, special).await;
        // …and one with the defaults, to compare.
        click(&driver, "[data-testid='create-room'] button").await;
        fill(&driver, "[data-testid='room-title'] input", plain).await;
        click(
            &driver,
            &format!(
                "[data-testid='room-types'] input[value='{}'] + label",
                RoomType::VirtualData.value()
            ),
        )
        .await;
        click(&driver, "[data-testid='room-save'] button").await;
        until_room_listed(&driver, plain).await;
    })
    .await;
    let room = stored_room(&api, special).await.expect("the room exists");
    assert_eq!(room.room_type, Some(RoomType::VirtualData));
    assert!(room.private, "private");
    assert!(room.indexing, "indexing");
    assert!(room.deny_download, "downloads denied");
    assert_eq!(room.quota_limit, Some(25 * 1024 * 1024), "25 MB quota");
    let other = stored_room(&api, plain)
        .await
        .expect("the plain room exists");
    assert!(
        !other.private && !other.indexing && !other.deny_download,
        "{other:?}"
    );
    assert_ne!(other.quota_limit, Some(25 * 1024 * 1024));
}
