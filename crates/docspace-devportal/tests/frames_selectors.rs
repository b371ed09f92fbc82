//! `/sdk/room-selector` and `/sdk/file-selector` framed by the official api.js 2.0.0 and 2.1.0:
//! the URL options, keyboard selection, and the documented `onSelectCallback` payloads (an
//! array of one room with requestTokens for shared rooms; one file object), `onCloseCallback`,
//! and no `onAppReady` (DocSpace's /sdk pages never send it).

mod frames_support;

use std::time::Duration;

use docspace_devportal::Seed;
use docspace_testkit::thirtyfour::WebDriver;
use docspace_testkit::{wait_for, wait_until, with_browser};
use frames_support::*;
use reqwest::Method;
use serde_json::{Value, json};

/// The option titles the frame's list shows now.
async fn option_titles(driver: &WebDriver, list: &str) -> Vec<String> {
    let v = driver
        .execute(
            &format!(
                "return [...document.querySelectorAll('{list} [role=option] .option-title')].map(e => e.textContent);"
            ),
            vec![],
        )
        .await
        .expect("read options");
    serde_json::from_value(v.json().clone()).unwrap_or_default()
}

/// Waits until the list shows exactly `expected` (in any order).
async fn wait_titles(driver: &WebDriver, list: &str, expected: &[&str]) {
    let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    want.sort();
    for _ in 0..150 {
        let mut got = option_titles(driver, list).await;
        got.sort();
        if got == want {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "{list} shows {:?}, expected {want:?}",
        option_titles(driver, list).await
    );
}

/// Moves the keyboard cursor of `list` to the option titled `title`.
async fn cursor_to(driver: &WebDriver, list: &str, title: &str) {
    wait_for(driver, &format!("{list}[role=listbox]"))
        .await
        .focus()
        .await
        .expect("focus list");
    press(driver, Key::Home).await;
    for _ in 0..60 {
        let active = driver
            .execute(
                &format!(
                    "const l = document.querySelector('{list}'); const id = l.getAttribute('aria-activedescendant');
                     const o = id && document.getElementById(id); return o ? o.querySelector('.option-title').textContent : null;"
                ),
                vec![],
            )
            .await
            .expect("active option")
            .json()
            .clone();
        if active == json!(title) {
            return;
        }
        press(driver, Key::Down).await;
    }
    panic!("{title} not found in {list}");
}

#[tokio::test(flavor = "multi_thread")]
async fn room_selector_yields_an_array_of_one_room() {
    let fx = Fixture::with_seed(Seed::Empty).await;
    let custom = fx.create_room("Sel Custom", 5).await;
    let public = fx.create_room("Sel Public", 6).await;
    let editing = fx.create_room("Sel Editing", 2).await;
    let link = fx
        .ok(
            Method::GET,
            &format!("files/rooms/{}/link", public["id"]),
            None,
        )
        .await;
    let token = link["sharedTo"]["requestToken"].clone();
    assert!(token.is_string(), "{link}");
    let portal = fx.portal.base_url();
    let email = fx.portal.owner.email.clone();
    let system = fx.url("/old-sdk/system");
    let hosts: Vec<(&str, String)> = VERSIONS.iter().map(|v| (*v, fx.host_page(v))).collect();
    let fx_ref = &fx;

    with_browser(|driver| async move {
        sign_in_directly(&driver, fx_ref, &email, &system).await;
        for (version, url) in hosts {
            open_host(&driver, &url).await;
            init_frame(
                &driver,
                json!({
                    "src": portal, "mode": "room-selector", "frameId": "rs",
                    "showSelectorHeader": true, "showSelectorCancel": true,
                    "acceptButtonLabel": "Pick", "cancelButtonLabel": "Nope", "withSearch": true
                }),
                &[],
            )
            .await;
            wait_event(&driver, "onContentReady").await;
            enter_frame(&driver, "rs").await;
            assert_eq!(text_in(&driver, ".selector-header h1").await, "Select room");
            assert_eq!(text_in(&driver, "#accept-button").await, "Pick");
            assert_eq!(text_in(&driver, "#cancel-button").await, "Nope");

            // Search, then Enter on the room: select and submit.
            type_into(&driver, "#selector-search", "Sel Pub").await;
            wait_titles(&driver, "#room-list", &["Sel Public"]).await;
            press(&driver, Key::Down).await; // from the search box into the list
            press(&driver, Key::Enter).await;
            leave_frame(&driver).await;
            let picked = wait_event(&driver, "onSelectCallback").await;
            let items = picked.as_array().expect("an array");
            assert_eq!(items.len(), 1, "{version}: {picked}");
            let room = &items[0];
            assert_eq!(room["id"], public["id"], "{version}");
            assert_eq!(room["label"], "Sel Public");
            assert_eq!(room["title"], "Sel Public");
            assert_eq!(room["roomType"], 6);
            assert_eq!(room["isFolder"], true);
            assert_eq!(room["isSelected"], false);
            assert_eq!(
                room["icon"], "/static/images/icons/32/rooms/publicRoom.svg",
                "a room without a logo gets the type's icon"
            );
            for key in [
                "security",
                "rootFolderType",
                "filesCount",
                "foldersCount",
                "logo",
                "tags",
            ] {
                assert!(room.get(key).is_some(), "{version}: no {key} in {room}");
            }
            let tokens = room["requestTokens"].as_array().expect("requestTokens");
            assert_eq!(tokens.len(), 1);
            assert_eq!(tokens[0]["requestToken"], token, "{version}");
            assert_eq!(tokens[0]["primary"], true);
            assert!(tokens[0]["id"].is_string() && tokens[0]["title"].is_string());

            // A custom room that is not shared: Space selects, the accept button submits.
            enter_frame(&driver, "rs").await;
            let search = wait_for(&driver, "#selector-search").await;
            search.clear().await.expect("clear search");
            search.send_keys(" ").await.expect("type");
            search.send_keys(Key::Backspace).await.expect("type");
            wait_until(
                &driver,
                "return document.querySelectorAll('#room-list [role=option]').length >= 3;",
            )
            .await;
            cursor_to(&driver, "#room-list", "Sel Custom").await;
            press(&driver, Key::Space).await;
            wait_for(&driver, "#accept-button:not([disabled])")
                .await
                .click()
                .await
                .expect("accept");
            leave_frame(&driver).await;
            let second = wait_event_n(&driver, "onSelectCallback", 2).await;
            assert_eq!(second[0]["id"], custom["id"], "{version}: {second}");
            assert!(second[0].get("requestTokens").is_none(), "{second}");

            // Cancel.
            enter_frame(&driver, "rs").await;
            wait_for(&driver, "#cancel-button")
                .await
                .click()
                .await
                .expect("cancel");
            leave_frame(&driver).await;
            assert_eq!(wait_event(&driver, "onCloseCallback").await, json!({}));
            assert_no_event(&driver, "onAppReady", Duration::from_millis(300)).await;

            // roomType narrows the list to one type.
            open_host(&driver, &url).await;
            init_frame(
                &driver,
                json!({ "src": portal, "mode": "room-selector", "frameId": "rs", "roomType": 2 }),
                &[],
            )
            .await;
            enter_frame(&driver, "rs").await;
            wait_titles(&driver, "#room-list", &["Sel Editing"]).await;
            leave_frame(&driver).await;
        }
        let _ = editing;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn file_selector_yields_one_file_object() {
    let fx = Fixture::with_seed(Seed::Empty).await;
    let room = fx.create_room("FS Room", 5).await;
    let folder = fx.create_folder(&room, "FS Folder").await;
    let pick = fx.upload(&folder, "pick.txt", b"pick me\n").await;
    fx.upload(&folder, "sheet.xlsx", b"PK\x03\x04not really a sheet")
        .await;
    let public = fx.create_room("FS Public", 6).await;
    let open = fx.upload(&public, "public.txt", b"public\n").await;
    let portal = fx.portal.base_url();
    let email = fx.portal.owner.email.clone();
    let system = fx.url("/old-sdk/system");
    let hosts: Vec<(&str, String)> = VERSIONS.iter().map(|v| (*v, fx.host_page(v))).collect();
    let fx_ref = &fx;

    with_browser(|driver| async move {
        sign_in_directly(&driver, fx_ref, &email, &system).await;
        for (version, url) in hosts {
            open_host(&driver, &url).await;
            init_frame(
                &driver,
                json!({
                    "src": portal, "mode": "file-selector", "frameId": "fs",
                    "showSelectorCancel": true, "withBreadCrumbs": true
                }),
                &[],
            )
            .await;
            enter_frame(&driver, "fs").await;
            // The root: the sections.
            wait_titles(&driver, "#file-list", &["Rooms", "My documents"]).await;
            cursor_to(&driver, "#file-list", "Rooms").await;
            press(&driver, Key::Enter).await;
            wait_until(
                &driver,
                "return [...document.querySelectorAll('#file-list .option-title')].some(e => e.textContent === 'FS Room');",
            )
            .await;
            cursor_to(&driver, "#file-list", "FS Room").await;
            press(&driver, Key::Enter).await;
            wait_titles(&driver, "#file-list", &["FS Folder"]).await;
            cursor_to(&driver, "#file-list", "FS Folder").await;
            press(&driver, Key::Right).await; // ArrowRight opens a folder too
            wait_titles(&driver, "#file-list", &["pick.txt", "sheet.xlsx"]).await;
            let crumbs = text_in(&driver, "nav.breadcrumbs").await;
            assert!(
                crumbs.contains("Rooms") && crumbs.contains("FS Room") && crumbs.contains("FS Folder"),
                "{crumbs}"
            );
            // Accept stays disabled until a file is selected.
            assert!(wait_for(&driver, "#accept-button").await.attr("disabled").await.expect("attr").is_some());
            cursor_to(&driver, "#file-list", "pick.txt").await;
            press(&driver, Key::Space).await;
            wait_for(&driver, "#accept-button:not([disabled])").await.click().await.expect("accept");
            leave_frame(&driver).await;
            let chosen = wait_event(&driver, "onSelectCallback").await;
            let keys: Vec<&String> = chosen.as_object().expect("an object").keys().collect();
            let mut keys: Vec<&str> = keys.iter().map(|k| k.as_str()).collect();
            keys.sort_unstable();
            assert_eq!(
                keys,
                ["documentType", "fileExst", "fileType", "id", "inPublic", "title", "viewUrl"],
                "{version}: {chosen}"
            );
            assert_eq!(chosen["id"], pick["id"]);
            assert_eq!(chosen["title"], "pick.txt");
            assert_eq!(chosen["fileExst"], pick["fileExst"]);
            assert_eq!(chosen["fileType"], pick["fileType"]);
            assert_eq!(chosen["viewUrl"], pick["viewUrl"]);
            assert_eq!(chosen["inPublic"], false);
            let expected_doc_type = match pick["fileType"].as_u64() {
                Some(7) => json!("word"),
                Some(5) => json!("cell"),
                Some(6) => json!("slide"),
                Some(10) => json!("pdf"),
                _ => Value::Null,
            };
            assert_eq!(chosen["documentType"], expected_doc_type);

            // Backspace goes up; the crumb of the room goes back to it.
            enter_frame(&driver, "fs").await;
            wait_for(&driver, "#file-list").await.focus().await.expect("focus");
            press(&driver, Key::Backspace).await;
            wait_titles(&driver, "#file-list", &["FS Folder"]).await;
            wait_for(&driver, "nav.breadcrumbs button").await;
            leave_frame(&driver).await;

            // A file in a public room: inPublic with its link's requestTokens.
            open_host(&driver, &url).await;
            init_frame(
                &driver,
                json!({ "src": portal, "mode": "file-selector", "frameId": "fs", "id": public["id"] }),
                &[],
            )
            .await;
            enter_frame(&driver, "fs").await;
            wait_titles(&driver, "#file-list", &["public.txt"]).await;
            cursor_to(&driver, "#file-list", "public.txt").await;
            press(&driver, Key::Enter).await;
            leave_frame(&driver).await;
            let in_public = wait_event(&driver, "onSelectCallback").await;
            assert_eq!(in_public["id"], open["id"], "{version}: {in_public}");
            assert_eq!(in_public["inPublic"], true);
            let tokens = in_public["requestTokens"].as_array().expect("requestTokens");
            assert_eq!(tokens.len(), 1, "{in_public}");
            let token = tokens[0]["requestToken"].as_str().expect("a token");
            // The token really opens the file, with no session.
            let anonymous = reqwest::Client::new()
                .get(fx_ref.url(&format!("/api/2.0/files/file/{}", open["id"])))
                .header("Request-Token", token)
                .send()
                .await
                .expect("anonymous request");
            assert_eq!(anonymous.status().as_u16(), 200, "{version}: the token does not open the file");

            // filterParam XLSX and selectorType roomsOnly: the room root, spreadsheets only.
            open_host(&driver, &url).await;
            init_frame(
                &driver,
                json!({ "src": portal, "mode": "file-selector", "frameId": "fs",
                        "selectorType": "roomsOnly", "filterParam": "XLSX", "withSubtitle": true,
                        "withBreadCrumbs": true }),
                &[],
            )
            .await;
            enter_frame(&driver, "fs").await;
            assert_eq!(text_in(&driver, ".selector-subtitle").await, "Only spreadsheets can be selected");
            wait_until(
                &driver,
                "return [...document.querySelectorAll('#file-list .option-title')].some(e => e.textContent === 'FS Room');",
            )
            .await;
            let first_crumb = text_in(&driver, "nav.breadcrumbs li").await;
            assert_eq!(first_crumb, "Rooms");
            cursor_to(&driver, "#file-list", "FS Room").await;
            press(&driver, Key::Enter).await;
            wait_titles(&driver, "#file-list", &["FS Folder"]).await;
            cursor_to(&driver, "#file-list", "FS Folder").await;
            press(&driver, Key::Enter).await;
            wait_titles(&driver, "#file-list", &["sheet.xlsx"]).await;

            leave_frame(&driver).await;
            assert_no_event(&driver, "onAppReady", Duration::from_millis(200)).await;

            // userFolderOnly opens My documents.
            open_host(&driver, &url).await;
            init_frame(
                &driver,
                json!({ "src": portal, "mode": "file-selector", "frameId": "fs",
                        "selectorType": "userFolderOnly", "withBreadCrumbs": true }),
                &[],
            )
            .await;
            enter_frame(&driver, "fs").await;
            let here = wait_until(
                &driver,
                "const c = document.querySelector('nav.breadcrumbs [aria-current=page]'); return c ? c.textContent : null;",
            )
            .await;
            assert_eq!(here, json!("My documents"), "{version}");
            leave_frame(&driver).await;
        }
    })
    .await;
}
