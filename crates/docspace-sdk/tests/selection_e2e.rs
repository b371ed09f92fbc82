//! The Trunk example (`examples/embed`) in headless Chromium, driven through WebDriver: sign in
//! through the hidden system frame, pick a room and a file in the real selector frames with the
//! keyboard, and see the typed selection the page rendered from `Vec<Item>` — with both script
//! versions. Focus returns to the page after each pick.
//!
//! A selection can only be made inside the cross-origin frame, which page scripts (and so the
//! wasm tests) cannot reach; WebDriver can.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use docspace_devportal::{PortalConfig, Seed};
use docspace_testkit::thirtyfour::prelude::*;
use docspace_testkit::{wait_for, wait_until, with_browser};
use serde_json::Value;

/// Builds the example with Trunk (debug, no wasm-opt) into its own directory.
fn build_example() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dist = manifest.join("../../target/docspace-sdk-example-e2e");
    let status = Command::new("trunk")
        .args(["build", "--dist"])
        .arg(&dist)
        .current_dir(manifest.join("examples/embed"))
        .status()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run trunk ({e}): run the tests with `cargo xtask test`, which installs it"
            )
        });
    assert!(status.success(), "trunk build of examples/embed failed");
    dist
}

/// Serves `dir` on a free loopback port; returns its origin.
async fn serve(dir: PathBuf) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let app = axum::Router::new().fallback_service(tower_http::services::ServeDir::new(dir));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}")
}

/// A REST GET as the owner.
async fn rest(portal: &str, key: &str, path: &str) -> Value {
    let v: Value = reqwest::Client::new()
        .get(format!("{portal}/api/2.0/{path}"))
        .bearer_auth(key)
        .send()
        .await
        .expect("REST")
        .json()
        .await
        .expect("JSON");
    v["response"].clone()
}

fn find<'a>(list: &'a Value, title: &str) -> &'a Value {
    list.as_array()
        .and_then(|a| a.iter().find(|x| x["title"] == title))
        .unwrap_or_else(|| panic!("no {title} in {list}"))
}

/// The trimmed text of the first `css` element, if any.
async fn text_at(driver: &WebDriver, css: &str) -> Option<String> {
    let js = format!(
        "const e = document.querySelector({css:?}); return e ? e.textContent.trim() : null;"
    );
    driver
        .execute(&js, Vec::new())
        .await
        .ok()
        .and_then(|r| r.json().as_str().map(str::to_string))
}

/// Waits until the element `css` shows text that `pred` accepts; returns it.
async fn wait_text_where(driver: &WebDriver, css: &str, pred: impl Fn(&str) -> bool) -> String {
    let mut last = None;
    for _ in 0..300 {
        last = text_at(driver, css).await;
        if let Some(t) = &last
            && pred(t)
        {
            return t.clone();
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("`{css}` shows {last:?}");
}

/// Waits until the element `css` shows exactly `text`.
async fn wait_text(driver: &WebDriver, css: &str, text: &str) {
    wait_text_where(driver, css, |t| t == text).await;
}

async fn press(driver: &WebDriver, key: Key) {
    driver
        .active_element()
        .await
        .expect("focused element")
        .send_keys(key)
        .await
        .expect("key");
}

/// Enters the embedded frame once the component reports it ready.
async fn enter_ready_frame(driver: &WebDriver) {
    wait_for(driver, ".docspace[data-status=ready] iframe")
        .await
        .enter_frame()
        .await
        .expect("enter frame");
}

/// Types `text` into the selector's search and waits until only `title` is listed.
async fn search_for(driver: &WebDriver, list: &str, title: &str) {
    wait_for(driver, "#selector-search")
        .await
        .send_keys(title)
        .await
        .expect("type");
    wait_until(
        driver,
        &format!(
            "const t = [...document.querySelectorAll('{list} [role=option] .option-title')].map(e => e.textContent); \
             return t.length === 1 && t[0] === {title:?};"
        ),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn selections_arrive_typed_in_the_example_app() {
    let dist = build_example();
    let origin = serve(dist).await;
    let portal = docspace_devportal::start(PortalConfig {
        allow_origins: vec![origin.clone()],
        seed: Seed::Demo,
        ..PortalConfig::for_tests()
    })
    .await
    .expect("devportal");
    let base = portal.base_url();
    let key = portal.owner.api_key.clone();
    let rooms = rest(&base, &key, "files/rooms").await;
    let contracts = find(&rooms["folders"], "Contracts")["id"].clone();
    let listing = rest(&base, &key, &format!("files/{contracts}")).await;
    let year = find(&listing["folders"], "2025")["id"].clone();
    let files = rest(&base, &key, &format!("files/{year}")).await;
    let checklist = find(&files["files"], "Checklist.md")["id"].clone();
    let password = portal.owner.password.clone();

    with_browser(|driver| async move {
        for version in ["2.0.0", "2.1.0"] {
            driver
                .goto(format!(
                    "{origin}/index.html?portal={base}&mode=system&version={version}&folder={year}"
                ))
                .await
                .expect("open the example");
            wait_for(&driver, "#password")
                .await
                .send_keys(&password)
                .await
                .expect("password");
            wait_for(&driver, "#sign-in")
                .await
                .click()
                .await
                .expect("sign in");
            wait_text(&driver, "#sign-in-status", "Signed in").await;

            // The room selector: search, Enter picks and submits.
            wait_for(&driver, "button[data-mode=room-selector]")
                .await
                .click()
                .await
                .expect("room selector");
            enter_ready_frame(&driver).await;
            search_for(&driver, "#room-list", "Contracts").await;
            press(&driver, Key::Down).await;
            press(&driver, Key::Enter).await;
            driver.enter_default_frame().await.expect("leave frame");
            wait_text(
                &driver,
                "#selection li",
                &format!("room {contracts} · Contracts · Custom room"),
            )
            .await;
            let focused = driver
                .execute(
                    "return document.activeElement && document.activeElement.dataset.mode;",
                    Vec::new(),
                )
                .await
                .expect("focus")
                .json()
                .clone();
            assert_eq!(
                focused, "room-selector",
                "{version}: focus came back to the page"
            );

            // The file selector, opened in a folder: Space selects, the accept button submits.
            wait_for(&driver, "button[data-mode=file-selector]")
                .await
                .click()
                .await
                .expect("file selector");
            enter_ready_frame(&driver).await;
            search_for(&driver, "#file-list", "Checklist.md").await;
            press(&driver, Key::Down).await;
            press(&driver, Key::Space).await;
            wait_for(&driver, "#accept-button:not([disabled])")
                .await
                .click()
                .await
                .expect("accept");
            driver.enter_default_frame().await.expect("leave frame");
            let expected = format!("file {checklist} · Checklist.md · ");
            let line =
                wait_text_where(&driver, "#selection li", |t| t.starts_with(&expected)).await;
            assert!(line.starts_with(&expected), "{version}: {line}");
        }
    })
    .await;
}
