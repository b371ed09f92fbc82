//! The manager's UI from the keyboard, framed: navigation, the archive, and headings as rooms change.

use super::{focus_entry, titles};
use crate::frames_support::*;
use docspace_testkit::with_browser;
use docspace_testkit::{wait_for, wait_until};
use reqwest::Method;
use serde_json::{Value, json};

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
