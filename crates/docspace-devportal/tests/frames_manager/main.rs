//! The manager (`/rooms/shared/…filter?…`) framed by the official api.js 2.0.0 and 2.1.0 from
//! another origin: sign-in when there is no session, the handshake, every method the manager
//! answers with DocSpace-shaped data, keyboard navigation, and the events DocSpace sends.

#[path = "../frames_support/mod.rs"]
mod frames_support;

mod keyboard;

use docspace_testkit::with_browser;
use docspace_testkit::{wait_for, wait_until};
use frames_support::*;
use reqwest::Method;
use serde_json::{Value, json};

fn titles(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x["title"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Focuses the manager's list and moves to the entry titled `title` with the keyboard.
async fn focus_entry(driver: &docspace_testkit::thirtyfour::WebDriver, title: &str) {
    let list = wait_for(driver, "#entries[role=listbox]").await;
    list.focus().await.expect("focus list");
    press(driver, Key::Home).await;
    for _ in 0..60 {
        let active = driver
            .execute(
                "const id = document.getElementById('entries').getAttribute('aria-activedescendant');
                 const o = id && document.getElementById(id);
                 return o ? o.querySelector('.option-title').textContent : null;",
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
    panic!("no entry titled {title} in the list");
}

#[tokio::test(flavor = "multi_thread")]
async fn manager_signs_in_and_answers_every_method() {
    let fx = Fixture::new().await;
    let alpha = fx.create_room("Frames Alpha", 5).await;
    let public = fx.create_room("Frames Public", 6).await;
    let drafts = fx.create_folder(&alpha, "Drafts").await;
    let notes = fx.upload(&alpha, "notes.txt", b"first line\n").await;
    let portal = fx.portal.base_url();
    let email = fx.portal.owner.email.clone();
    let password = fx.portal.owner.password.clone();
    let hosts: Vec<(&str, String)> = VERSIONS.iter().map(|v| (*v, fx.host_page(v))).collect();
    let alpha_id = alpha["id"].clone();

    with_browser(|driver| async move {
        for (n, (version, url)) in hosts.into_iter().enumerate() {
            open_host(&driver, &url).await;
            init_frame(
                &driver,
                json!({ "src": portal, "mode": "manager", "frameId": "mgr" }),
                &[],
            )
            .await;
            if n == 0 {
                // No session: the frame shows the sign-in page, which reveals the frame.
                wait_event(&driver, "onContentReady").await;
                enter_frame(&driver, "mgr").await;
                sign_in_form(&driver, &email, &password).await;
                leave_frame(&driver).await;
            }
            // Back on the manager (window.name kept the frame id): the handshake runs.
            assert_eq!(
                wait_event(&driver, "onAppReady").await,
                json!({ "frameId": "mgr" }),
                "{version}"
            );

            let m = |name: &'static str, args: Value| {
                let driver = driver.clone();
                async move { call(&driver, "mgr", name, args).await }
            };

            let me = m("getUserInfo", json!([])).await;
            assert_eq!(me["email"], json!(email), "{version}");

            // The rooms list has loaded once the frame reports its folder.
            let info = wait_folder_info(&driver, "mgr", |i| i["id"].is_number()).await;
            assert!(info["pathParts"].is_array(), "{version}: {info}");
            assert_eq!(info["isRoom"], false, "{version}");

            let folders = m("getFolders", json!([])).await;
            let names = titles(&folders);
            assert!(
                names.contains(&"Frames Alpha".to_string())
                    && names.contains(&"Frames Public".to_string()),
                "{version}: {names:?}"
            );
            assert_eq!(m("getFiles", json!([])).await, json!([]), "{version}");
            let list = m("getList", json!([])).await;
            assert!(
                list.as_array()
                    .is_some_and(|l| l.iter().all(|x| x["isFolder"] == true)),
                "{version}: {list}"
            );

            let rooms = m("getRooms", json!([{ "filterValue": "Frames Pub" }])).await;
            assert_eq!(
                titles(&rooms["folders"]),
                vec!["Frames Public"],
                "{version}: {rooms}"
            );
            assert!(rooms["total"].is_number(), "{version}");

            let hs = m("getHashSettings", json!([])).await;
            assert!(hs["salt"].is_string() && hs["iterations"].is_number(), "{hs}");

            // Create a room, tag it, untag it.
            let made = m(
                "createRoom",
                json!([format!("Made in {version}"), 2]),
            )
            .await;
            assert_eq!(made["title"], json!(format!("Made in {version}")), "{made}");
            assert_eq!(made["roomType"], 2, "{made}");
            let tag = format!("tag-{}", version.replace('.', "-"));
            assert_eq!(m("createTag", json!([tag])).await, json!(tag));
            let tagged = m("addTagsToRoom", json!([made["id"], [tag]])).await;
            assert!(
                tagged["tags"].as_array().is_some_and(|t| t.contains(&json!(tag))),
                "{version}: {tagged}"
            );
            let untagged = m("removeTagsFromRoom", json!([made["id"], [tag]])).await;
            assert!(
                !untagged["tags"].as_array().is_some_and(|t| t.contains(&json!(tag))),
                "{version}: {untagged}"
            );

            // setListView resolves {} and changes the layout.
            assert_eq!(m("setListView", json!(["tile"])).await, json!({}));
            enter_frame(&driver, "mgr").await;
            wait_for(&driver, "#entries.view-tile").await;

            // Into a room with the keyboard: Enter on "Frames Alpha".
            focus_entry(&driver, "Frames Alpha").await;
            press(&driver, Key::Enter).await;
            wait_for(&driver, "nav.breadcrumbs [aria-current=page]").await;
            assert_eq!(text_in(&driver, "h1").await, "Frames Alpha");
            leave_frame(&driver).await;
            let info = wait_folder_info(&driver, "mgr", |i| i["id"] == alpha["id"]).await;
            assert_eq!(info["isRoom"], true, "{version}: {info}");
            assert_eq!(info["roomType"], 5, "{version}");
            let files = titles(&m("getFiles", json!([])).await);
            assert!(files.contains(&"notes.txt".to_string()), "{version}: {files:?}");
            assert!(titles(&m("getFolders", json!([])).await).contains(&"Drafts".to_string()));

            // Create a folder and a file by method, inside the room.
            let folder = m("createFolder", json!([alpha["id"], format!("Made {version}  ")])).await;
            assert_eq!(folder["title"], json!(format!("Made {version}")), "{folder}");
            let file = m("createFile", json!([alpha["id"], format!("made-{version}.txt")])).await;
            assert_eq!(file["title"], json!(format!("made-{version}.txt")), "{file}");
            assert_eq!(file["folderId"], alpha["id"], "{file}");

            // Select a file with Space; getSelection reports it.
            enter_frame(&driver, "mgr").await;
            wait_until(
                &driver,
                &format!(
                    "return [...document.querySelectorAll('#entries .option-title')].some(e => e.textContent === {:?});",
                    format!("made-{version}.txt")
                ),
            )
            .await;
            focus_entry(&driver, "notes.txt").await;
            press(&driver, Key::Space).await;
            leave_frame(&driver).await;
            let selection = m("getSelection", json!([])).await;
            assert_eq!(titles(&selection), vec!["notes.txt"], "{version}");
            assert_eq!(selection[0]["id"], notes["id"]);

            // openModal("CreateFolder") opens the dialog in the frame.
            assert_eq!(m("openModal", json!(["CreateFolder", null])).await, json!({}));
            enter_frame(&driver, "mgr").await;
            wait_for(&driver, "dialog[open] input[name=title]").await;
            press(&driver, Key::Control + "a").await;
            press(&driver, format!("Modal {version}")).await;
            press(&driver, Key::Enter).await;
            wait_until(&driver, "return !document.querySelector('dialog[open]');").await;
            leave_frame(&driver).await;
            // The list refreshes after the dialog closes.
            let mut folders = Vec::new();
            for _ in 0..50 {
                folders = titles(&m("getFolders", json!([])).await);
                if folders.contains(&format!("Modal {version}")) {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
            assert!(folders.contains(&format!("Modal {version}")), "{folders:?}");
            // The sub-folder from REST is there too.
            assert!(folders.contains(&drafts["title"].as_str().unwrap_or_default().to_string()));
        }
    })
    .await;
    // Everything created through the frame is in the portal.
    let (_, contents) = fx
        .rest(Method::GET, &format!("files/{alpha_id}"), None)
        .await;
    let names = titles(&contents["response"]["folders"]);
    assert!(names.contains(&"Modal 2.1.0".to_string()), "{names:?}");
    let _ = public;
}

/// Polls getFolderInfo until `done` holds (loading and navigation in the frame are asynchronous).
async fn wait_folder_info(
    driver: &docspace_testkit::thirtyfour::WebDriver,
    frame: &str,
    done: impl Fn(&Value) -> bool,
) -> Value {
    let mut last = Value::Null;
    for _ in 0..100 {
        last = call(driver, frame, "getFolderInfo", json!([])).await;
        if done(&last) {
            return last;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("getFolderInfo never reached the expected folder; last: {last}");
}

#[tokio::test(flavor = "multi_thread")]
async fn manager_sends_file_download_and_error_events() {
    let fx = Fixture::new().await;
    let room = fx.create_room("Events Room", 5).await;
    let file = fx.upload(&room, "event.txt", b"events\n").await;
    let portal = fx.portal.base_url();
    let email = fx.portal.owner.email.clone();
    let url_20 = fx.host_page("2.0.0");
    let url_21 = fx.host_page("2.1.0");
    let system = fx.url("/old-sdk/system");
    let user_email = "user@example.com".to_string();
    let room_id = room["id"].clone();
    let fx_ref = &fx;

    with_browser(|driver| async move {
        sign_in_directly(&driver, fx_ref, &email, &system).await;

        // 2.1.0: onFileManagerClick replaces opening the file.
        open_host(&driver, &url_21).await;
        init_frame(
            &driver,
            json!({ "src": portal, "mode": "manager", "frameId": "ev", "id": room_id }),
            &["onFileManagerClick", "onEditorOpen"],
        )
        .await;
        wait_event(&driver, "onAppReady").await;
        enter_frame(&driver, "ev").await;
        focus_entry(&driver, "event.txt").await;
        press(&driver, Key::Enter).await;
        leave_frame(&driver).await;
        let clicked = wait_event(&driver, "onFileManagerClick").await;
        assert_eq!(clicked["id"], file["id"], "{clicked}");
        assert_eq!(clicked["title"], "event.txt");
        assert!(events_named(&driver, "onEditorOpen").await.is_empty());

        // 2.0.0 (no onFileManagerClick): onEditorOpen with the file and the action.
        open_host(&driver, &url_20).await;
        init_frame(
            &driver,
            json!({ "src": portal, "mode": "manager", "frameId": "ev", "id": room_id,
                    "downloadToEvent": true }),
            &["onEditorOpen", "onDownload"],
        )
        .await;
        wait_event(&driver, "onAppReady").await;
        enter_frame(&driver, "ev").await;
        focus_entry(&driver, "event.txt").await;
        press(&driver, Key::Enter).await;
        leave_frame(&driver).await;
        let opened = wait_event(&driver, "onEditorOpen").await;
        assert_eq!(opened["id"], file["id"], "{opened}");
        assert_eq!(opened["action"], "edit", "{opened}");
        assert!(opened.get("share").is_none(), "no key, no share: {opened}");

        // Download with downloadToEvent: onDownload with the URL string.
        enter_frame(&driver, "ev").await;
        focus_entry(&driver, "event.txt").await;
        press(&driver, Key::Space).await;
        wait_for(&driver, "#download-selected")
            .await
            .click()
            .await
            .expect("download");
        leave_frame(&driver).await;
        let url = wait_event(&driver, "onDownload").await;
        let url = url.as_str().expect("onDownload carries a string");
        assert!(
            url.contains("filehandler.ashx") && url.contains(&format!("fileid={}", file["id"])),
            "{url}"
        );

        // A folder that does not exist: onNotFound.
        open_host(&driver, &url_21).await;
        init_frame(
            &driver,
            json!({ "src": portal, "mode": "manager", "frameId": "ev", "id": 987654 }),
            &[],
        )
        .await;
        wait_event(&driver, "onNotFound").await;

        // logout: {} and onSignOut; the frame goes to the sign-in page.
        open_host(&driver, &url_21).await;
        init_frame(
            &driver,
            json!({ "src": portal, "mode": "manager", "frameId": "ev" }),
            &[],
        )
        .await;
        wait_event(&driver, "onAppReady").await;
        assert_eq!(call(&driver, "ev", "logout", json!([])).await, json!({}));
        wait_event(&driver, "onSignOut").await;
        enter_frame(&driver, "ev").await;
        wait_for(&driver, "#sign-in-email").await;
        leave_frame(&driver).await;

        // Another user, not a member of the room: onNoAccess.
        sign_in_directly(&driver, fx_ref, &user_email, &system).await;
        open_host(&driver, &url_21).await;
        init_frame(
            &driver,
            json!({ "src": portal, "mode": "manager", "frameId": "ev", "id": room_id }),
            &[],
        )
        .await;
        wait_event(&driver, "onNoAccess").await;
    })
    .await;
}
