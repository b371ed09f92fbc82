//! The manager (`/rooms/shared/…filter?…`) framed by the official api.js 2.0.0 and 2.1.0 from
//! another origin: sign-in when there is no session, the handshake, every method the manager
//! answers with DocSpace-shaped data, keyboard navigation, and the events DocSpace sends.

mod frames_support;

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

/// Archives a room over REST and waits for the operation to finish.
async fn archive(fx: &Fixture, room: &Value) {
    fx.ok(
        Method::PUT,
        &format!("files/rooms/{}/archive", room["id"]),
        Some(json!({})),
    )
    .await;
    for _ in 0..100 {
        let ops = fx.ok(Method::GET, "files/fileops", None).await;
        if ops
            .as_array()
            .is_some_and(|o| o.iter().all(|op| op["finished"] == true))
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("archiving never finished");
}

/// The title of the current page in the frame (its h1), once it is `title`.
async fn wait_heading(driver: &docspace_testkit::thirtyfour::WebDriver, title: &str) {
    wait_until(
        driver,
        &format!(
            "const h = document.querySelector('.section-title h1'); return h && h.textContent === {title:?};"
        ),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn manager_ui_works_from_the_keyboard() {
    let fx = Fixture::with_seed(docspace_devportal::Seed::Empty).await;
    let room = fx.create_room("Kbd Room", 5).await;
    let old = fx.create_room("Old Room", 2).await;
    archive(&fx, &old).await;
    let public = fx.create_room("Kbd Public", 6).await;
    fx.upload(&public, "shared.txt", b"shared\n").await;
    let link = fx
        .ok(
            Method::GET,
            &format!("files/rooms/{}/link", public["id"]),
            None,
        )
        .await;
    let key = link["sharedTo"]["requestToken"].clone();
    let portal = fx.portal.base_url();
    let email = fx.portal.owner.email.clone();
    let owner_name = fx.portal.owner.display_name.clone();
    let system = fx.url("/old-sdk/system");
    let url = fx.host_page("2.1.0");
    let fx_ref = &fx;
    let room_id = room["id"].clone();

    with_browser(|driver| async move {
        sign_in_directly(&driver, fx_ref, &email, &system).await;
        open_host(&driver, &url).await;
        init_frame(
            &driver,
            json!({ "src": portal, "mode": "manager", "frameId": "ui",
                    "showHeader": true, "showMenu": true, "showFilter": true }),
            &[],
        )
        .await;
        wait_event(&driver, "onAppReady").await;
        enter_frame(&driver, "ui").await;
        assert_eq!(text_in(&driver, ".nav-menu .user-name").await, owner_name);

        // The section tree: ArrowRight opens "Rooms", ArrowDown reaches a room, Enter opens it.
        wait_until(&driver, "return !!document.querySelector('.tree [role=treeitem][aria-expanded]');").await;
        wait_for(&driver, ".tree [role=treeitem][tabindex='0']").await.focus().await.expect("focus tree");
        press(&driver, Key::Home).await;
        press(&driver, Key::Right).await;
        wait_until(&driver, "return document.querySelector('.tree [role=treeitem]').getAttribute('aria-expanded') === 'true';").await;
        let mut steps = 0;
        loop {
            press(&driver, Key::Down).await;
            let focused = driver
                .execute("return document.activeElement.getAttribute('role') + ':' + document.activeElement.textContent;", vec![])
                .await
                .expect("focused")
                .json()
                .clone();
            if focused == json!("treeitem:Kbd Room") {
                break;
            }
            steps += 1;
            assert!(steps < 5, "the tree never reached Kbd Room: {focused}");
        }
        press(&driver, Key::Enter).await;
        wait_heading(&driver, "Kbd Room").await;

        // The "New" menu button: Enter opens it on its first item; the dialog takes a name.
        wait_for(&driver, "#create-button").await.focus().await.expect("focus create");
        press(&driver, Key::Enter).await;
        let item = wait_until(&driver, "return document.activeElement.getAttribute('role') === 'menuitem' ? document.activeElement.textContent : null;").await;
        assert_eq!(item, json!("New folder"));
        press(&driver, Key::Enter).await;
        wait_for(&driver, "dialog[open] input[name=title]").await;
        press(&driver, Key::Control + "a").await;
        press(&driver, "Keyboard folder").await;
        press(&driver, Key::Enter).await;
        // The new folder is focused and selected in the list.
        wait_until(
            &driver,
            "const id = document.getElementById('entries').getAttribute('aria-activedescendant');
             const o = id && document.getElementById(id);
             return !!o && o.getAttribute('aria-selected') === 'true' && o.textContent.includes('Keyboard folder');",
        )
        .await;

        // New file: ArrowUp opens the menu on its last item.
        wait_for(&driver, "#create-button").await.focus().await.expect("focus create");
        press(&driver, Key::Up).await;
        let item = wait_until(&driver, "return document.activeElement.getAttribute('role') === 'menuitem' ? document.activeElement.textContent : null;").await;
        assert_eq!(item, json!("New file"));
        press(&driver, Key::Enter).await;
        wait_for(&driver, "dialog[open] input[name=title]").await;
        press(&driver, Key::Control + "a").await;
        press(&driver, "plain").await;
        press(&driver, Key::Tab).await;
        // Choose "Text (.txt)" in the format select by typing its first letter.
        press(&driver, "T").await;
        wait_until(&driver, "return document.querySelector('dialog select').value === 'txt';").await;
        // Tab past Cancel to Create.
        press(&driver, Key::Tab).await;
        press(&driver, Key::Tab).await;
        assert_eq!(
            wait_until(&driver, "return document.activeElement.textContent;").await,
            json!("Create")
        );
        press(&driver, Key::Enter).await;
        wait_until(&driver, "return [...document.querySelectorAll('#entries .option-title')].some(e => e.textContent === 'plain.txt');").await;

        // Backspace in the list goes back to the rooms.
        wait_for(&driver, "#entries").await.focus().await.expect("focus list");
        press(&driver, Key::Backspace).await;
        wait_heading(&driver, "Rooms").await;

        // Tags of a room: select it with Space, open "Tags…", add two.
        focus_entry(&driver, "Kbd Room").await;
        press(&driver, Key::Space).await;
        wait_for(&driver, "#tags-selected").await.focus().await.expect("focus tags");
        press(&driver, Key::Enter).await;
        wait_for(&driver, "dialog[open] input[name=tags]").await;
        press(&driver, "alpha, beta").await;
        press(&driver, Key::Enter).await;
        wait_until(&driver, "return [...document.querySelectorAll('#entries .tag')].map(t => t.textContent).join(',').includes('alpha,beta');").await;

        // Search narrows the list.
        wait_for(&driver, "#filter-search").await.focus().await.expect("focus search");
        press(&driver, "Kbd Pub").await;
        wait_until(&driver, "const t = [...document.querySelectorAll('#entries .option-title')].map(e => e.textContent); return t.length === 1 && t[0] === 'Kbd Public';").await;
        let search = driver
            .execute("return location.search;", vec![])
            .await
            .expect("frame URL")
            .json()
            .clone();
        assert!(
            search.as_str().is_some_and(|s| s.contains("search=Kbd+Pub")),
            "the filter is in the frame's URL: {search}"
        );

        // The Archive: archived rooms, read-only.
        let archive_item = wait_for(&driver, ".tree [data-key='section:archived']").await;
        archive_item.focus().await.expect("focus archive");
        press(&driver, Key::Enter).await;
        wait_heading(&driver, "Archive").await;
        leave_frame(&driver).await;
        let mut folders = Vec::new();
        for _ in 0..50 {
            folders = titles(&call(&driver, "ui", "getFolders", json!([])).await);
            if folders == vec!["Old Room".to_string()] {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        assert_eq!(folders, vec!["Old Room"]);
        enter_frame(&driver, "ui").await;
        assert_eq!(
            driver.execute("return !!document.getElementById('create-button');", vec![]).await.expect("probe").json().clone(),
            json!(false),
            "nothing is created in the archive"
        );

        // My documents.
        wait_for(&driver, ".tree [data-key='section:personal']").await.focus().await.expect("focus");
        press(&driver, Key::Enter).await;
        wait_heading(&driver, "My documents").await;

        // Sign out from the header: onSignOut, then the sign-in page.
        wait_for(&driver, "#sign-out").await.click().await.expect("sign out");
        leave_frame(&driver).await;
        wait_event(&driver, "onSignOut").await;

        // With a share key and no session, the manager shows the linked room read-only.
        open_host(&driver, &url).await;
        init_frame(
            &driver,
            json!({ "src": portal, "mode": "manager", "frameId": "ui", "requestToken": key }),
            &[],
        )
        .await;
        wait_event(&driver, "onAppReady").await;
        enter_frame(&driver, "ui").await;
        wait_until(&driver, "return [...document.querySelectorAll('#entries .option-title')].some(e => e.textContent === 'shared.txt');").await;
        assert_eq!(
            driver.execute("return !!document.getElementById('create-button');", vec![]).await.expect("probe").json().clone(),
            json!(false)
        );
        leave_frame(&driver).await;
    })
    .await;
    let (_, room) = fx
        .rest(Method::GET, &format!("files/rooms/{room_id}"), None)
        .await;
    let tags = &room["response"]["tags"];
    assert!(
        tags.as_array()
            .is_some_and(|t| t.contains(&json!("alpha")) && t.contains(&json!("beta"))),
        "{tags}"
    );
}
