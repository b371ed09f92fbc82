//! `/sdk/public-room` framed by the official api.js 2.0.0 and 2.1.0, with no session: a room
//! opened by its external link key, read-only, navigable with the keyboard; invalid and expired
//! keys get DocSpace's events (onNotFound, onNoAccess) and reveal the frame.

mod frames_support;

use std::time::Duration;

use docspace_testkit::{wait_for, wait_until, with_browser};
use frames_support::*;
use reqwest::Method;
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn public_room_opens_by_its_key_read_only() {
    let fx = Fixture::new().await;
    let room = fx.create_room("PR Room", 6).await;
    fx.upload(&room, "readme.txt", b"read me\n").await;
    let sub = fx.create_folder(&room, "Sub").await;
    let deep = fx.upload(&sub, "deep.txt", b"deep\n").await;
    let link = fx
        .ok(
            Method::GET,
            &format!("files/rooms/{}/link", room["id"]),
            None,
        )
        .await;
    let key = link["sharedTo"]["requestToken"]
        .as_str()
        .expect("the public room has a link")
        .to_string();
    let portal = fx.portal.base_url();
    let hosts: Vec<(&str, String)> = VERSIONS.iter().map(|v| (*v, fx.host_page(v))).collect();

    with_browser(|driver| async move {
        for (version, url) in hosts {
            open_host(&driver, &url).await;
            init_frame(
                &driver,
                json!({ "src": portal, "mode": "public-room", "frameId": "pr",
                        "id": room["id"], "requestToken": key, "showTitle": true }),
                &["onFileManagerClick"],
            )
            .await;
            wait_event(&driver, "onContentReady").await;
            enter_frame(&driver, "pr").await;
            assert_eq!(text_in(&driver, "h1").await, "PR Room", "{version}");
            wait_until(
                &driver,
                "return document.querySelectorAll('#entries [role=option]').length === 2;",
            )
            .await;
            // Read-only: nothing to create.
            assert_eq!(
                driver
                    .execute("return !!document.querySelector('#create-button');", vec![])
                    .await
                    .expect("probe")
                    .json()
                    .clone(),
                json!(false)
            );
            // Into "Sub" and onto its file with the keyboard.
            wait_for(&driver, "#entries").await.focus().await.expect("focus");
            press(&driver, Key::Home).await;
            press(&driver, "S").await; // type-ahead to "Sub"
            press(&driver, Key::Enter).await;
            wait_until(
                &driver,
                "const o = document.querySelector('#entries .option-title'); return o && o.textContent === 'deep.txt';",
            )
            .await;
            let crumbs = text_in(&driver, "nav.breadcrumbs").await;
            assert!(crumbs.contains("PR Room") && crumbs.contains("Sub"), "{crumbs}");
            wait_for(&driver, "#entries").await.focus().await.expect("focus");
            press(&driver, Key::Home).await;
            press(&driver, Key::Enter).await;
            leave_frame(&driver).await;
            let clicked = wait_event(&driver, "onFileManagerClick").await;
            assert_eq!(clicked["id"], deep["id"], "{version}: {clicked}");
            assert_no_event(&driver, "onAppReady", Duration::from_millis(200)).await;
            assert_eq!(
                call(&driver, "pr", "getFolderInfo", json!([])).await,
                json!("Wrong method for this mode")
            );
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn invalid_and_expired_links_are_reported() {
    let fx = Fixture::new().await;
    let room = fx.create_room("PR Expiring", 6).await;
    let expires = (chrono::Utc::now() + chrono::Duration::seconds(3)).to_rfc3339();
    let link = fx
        .ok(
            Method::PUT,
            &format!("files/rooms/{}/links", room["id"]),
            Some(json!({ "linkType": 1, "access": 2, "title": "short-lived", "expirationDate": expires })),
        )
        .await;
    let expiring = link["sharedTo"]["requestToken"]
        .as_str()
        .expect("a new external link")
        .to_string();
    let portal = fx.portal.base_url();
    let hosts: Vec<(&str, String)> = VERSIONS.iter().map(|v| (*v, fx.host_page(v))).collect();
    tokio::time::sleep(Duration::from_secs(4)).await;

    with_browser(|driver| async move {
        for (version, url) in hosts {
            open_host(&driver, &url).await;
            init_frame(
                &driver,
                json!({ "src": portal, "mode": "public-room", "frameId": "bad",
                        "requestToken": "not-a-real-key" }),
                &[],
            )
            .await;
            wait_event(&driver, "onNotFound").await;
            wait_event(&driver, "onContentReady").await;
            enter_frame(&driver, "bad").await;
            assert_eq!(
                text_in(&driver, ".notice-title").await,
                "This link is not valid",
                "{version}"
            );
            leave_frame(&driver).await;

            open_host(&driver, &url).await;
            init_frame(
                &driver,
                json!({ "src": portal, "mode": "public-room", "frameId": "old",
                        "id": room["id"], "requestToken": expiring }),
                &[],
            )
            .await;
            wait_event(&driver, "onNoAccess").await;
            enter_frame(&driver, "old").await;
            assert_eq!(
                text_in(&driver, ".notice-title").await,
                "This link has expired",
                "{version}"
            );
            leave_frame(&driver).await;
        }
    })
    .await;
}
