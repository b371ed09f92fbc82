//! End to end: room templates on the dashboard. A room is saved as a template from its menu; the
//! Templates view lists it; a room created from it gets its title, tags and colour from the
//! dialog and the template's folders and files, and opens; the template is made public. Each is
//! checked in the page and through REST.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::{RoomType, SearchArea};
use support::*;

/// Waits until no dialog is open.
async fn until_dialog_closed(driver: &WebDriver) {
    until_gone(driver, "dialog[open]").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn saves_a_room_as_a_template_and_creates_a_room_from_it_with_its_files() {
    let stack = Stack::start().await;
    let api = stack.api();
    let source = new_room(&api, "Template source", RoomType::Custom).await;
    api.folders()
        .create(source.id.clone(), "Contracts")
        .await
        .expect("folder");
    upload(&api, source.id.clone(), "terms.docx", b"terms".to_vec()).await;
    let stack = &stack;
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        // Newest first: the room just made is at the top.
        until_room_listed(&driver, "Template source").await;
        row_action(&driver, "Template source", "room-save-template").await;
        fill(
            &driver,
            "[data-testid='template-title'] input",
            "Onboarding kit",
        )
        .await;
        click(&driver, "[data-testid='save-template-submit'] button").await;
        until_dialog_closed(&driver).await;

        click(&driver, "[data-testid='show-templates']").await;
        until_room_listed(&driver, "Onboarding kit").await;
        row_action(&driver, "Onboarding kit", "template-create-room").await;
        let form = "[data-testid='from-template-form']";
        fill(
            &driver,
            &format!("{form} [data-testid='from-template-title'] input"),
            "Onboarding for Ana",
        )
        .await;
        fill(&driver, &format!("{form} .tags__input"), "onboarding,").await;
        click(
            &driver,
            &format!("{form} button[aria-label='Colour 33B35A']"),
        )
        .await;
        click(&driver, "[data-testid='from-template-submit'] button").await;
        // The new room opens, with the template's folder and file.
        eventually("the new room is open", || {
            let driver = driver.clone();
            async move {
                let t = driver
                    .find(By::Css("[data-testid='folder-title']"))
                    .await
                    .ok()?
                    .text()
                    .await
                    .ok()?;
                (t == "Onboarding for Ana").then_some(())
            }
        })
        .await;
        eventually("the room lists the template's folder and file", || {
            let driver = driver.clone();
            async move {
                (shown_entries(&driver).await == ["Contracts", "terms.docx"]).then_some(())
            }
        })
        .await;

        // Back on the dashboard: the template is made public.
        click(&driver, "a[href='/rooms']").await;
        click(&driver, "[data-testid='show-templates']").await;
        until_room_listed(&driver, "Onboarding kit").await;
        row_action(&driver, "Onboarding kit", "template-public").await;
        click(&driver, "[data-testid='template-public'] label").await;
        click(&driver, "[data-testid='template-public-save'] button").await;
        until_dialog_closed(&driver).await;
    })
    .await;

    let templates = api
        .templates()
        .list()
        .filter_value("Onboarding kit")
        .send()
        .await
        .expect("templates")
        .folders;
    assert_eq!(templates.len(), 1, "one template");
    let template = &templates[0];
    assert!(
        api.templates()
            .is_public(template.id.clone())
            .await
            .expect("public"),
        "made public"
    );
    let made = api
        .rooms()
        .list()
        .filter_value("Onboarding for Ana")
        .search_area(SearchArea::Active)
        .send()
        .await
        .expect("rooms")
        .folders
        .into_iter()
        .find(|r| r.title == "Onboarding for Ana")
        .expect("the new room");
    let made = api.rooms().get(made.id).await.expect("room");
    assert_eq!(
        made.room_type,
        Some(RoomType::Custom),
        "the template's type"
    );
    assert_eq!(made.tags, ["onboarding"]);
    assert_eq!(made.color(), Some("33B35A"));
    let contents = api
        .folders()
        .contents(made.id.clone())
        .send()
        .await
        .expect("contents");
    assert_eq!(contents.folders.len(), 1);
    assert_eq!(contents.files.len(), 1);
}

/// The save dialog's "everyone may use it" box makes the template public as it is saved, and a
/// template opens as a room page that shows the folders and files it will give a new room (in
/// DocSpace's web client a template opens like a room, `RoomsFilter` with `searchArea=Templates`).
#[tokio::test]
async fn a_template_saved_public_opens_as_a_room_page() {
    let stack = Stack::start().await;
    let api = stack.api();
    let source = new_room(&api, "Handbook source", RoomType::Custom).await;
    upload(
        &api,
        source.id.clone(),
        "handbook.docx",
        b"chapter one".to_vec(),
    )
    .await;
    let stack = &stack;
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        until_room_listed(&driver, "Handbook source").await;
        row_action(&driver, "Handbook source", "room-save-template").await;
        fill(&driver, "[data-testid='template-title'] input", "Handbook").await;
        click(&driver, "[data-testid='save-template-public'] label").await;
        click(&driver, "[data-testid='save-template-submit'] button").await;
        until_dialog_closed(&driver).await;

        click(&driver, "[data-testid='show-templates']").await;
        until_room_listed(&driver, "Handbook").await;
        let link = driver
            .find_all(By::Css("[data-testid='room-title']"))
            .await
            .expect("titles");
        let mut opened = false;
        for l in link {
            if l.text().await.unwrap_or_default() == "Handbook" {
                l.click().await.expect("open the template");
                opened = true;
                break;
            }
        }
        assert!(opened, "the template's title is a link");
        eventually("the template's page shows its file", || {
            let driver = driver.clone();
            async move {
                let t = driver
                    .find(By::Css("[data-testid='folder-title']"))
                    .await
                    .ok()?
                    .text()
                    .await
                    .ok()?;
                (t == "Handbook" && shown_entries(&driver).await == ["handbook.docx"]).then_some(())
            }
        })
        .await;
    })
    .await;

    let template = api
        .templates()
        .list()
        .filter_value("Handbook")
        .send()
        .await
        .expect("templates")
        .folders
        .into_iter()
        .find(|t| t.title == "Handbook")
        .expect("the template exists");
    assert!(
        api.templates()
            .is_public(template.id.clone())
            .await
            .expect("public"),
        "saved public from the dialog"
    );
}
