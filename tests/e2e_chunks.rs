//! End to end: the app's split build (`cargo xtask split`). The rooms list paints from the main
//! module alone, and a part of the app whose chunk cannot be fetched is a message with a way out,
//! not a panic that stops the app.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::Path;

use docspace_devportal::PortalConfig;
use docspace_host::{HostConfig, PortalTarget};
use support::*;

/// The chunk files of `dist` whose names start with `prefix` (wasm-split names a chunk after its
/// split module, e.g. `split_forms-<hash>.wasm`).
fn chunks(dist: &Path, prefix: &str) -> Vec<String> {
    std::fs::read_dir(dist)
        .expect("read dist")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with(prefix) && n.ends_with(".wasm"))
        .collect()
}

/// Copies the built app, without the files whose names start with `prefix`.
fn dist_without(prefix: &str) -> tempfile::TempDir {
    let copy = tempfile::tempdir().expect("temp dir");
    copy_tree(&dist(), copy.path(), prefix);
    copy
}

fn copy_tree(from: &Path, to: &Path, skip_prefix: &str) {
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let name = entry.file_name();
        let target = to.join(&name);
        if entry.file_type().expect("type").is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_tree(&entry.path(), &target, skip_prefix);
        } else if !name.to_string_lossy().starts_with(skip_prefix) {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_whose_chunk_cannot_be_fetched_says_so_and_the_app_goes_on() {
    assert!(
        !chunks(&dist(), "split_forms").is_empty(),
        "the e2e tests run on the split build: no forms chunk in {}",
        dist().display()
    );
    let broken = dist_without("split_forms");
    let host = docspace_host::start(HostConfig {
        addr: "127.0.0.1:0".parse().expect("addr"),
        dist: broken.path().to_path_buf(),
        portal: PortalTarget::Embedded(PortalConfig::for_tests()),
        ..HostConfig::default()
    })
    .await
    .expect("host starts");
    let url = host.base_url();
    with_browser(|driver| async move {
        // The sign-in form is in the missing chunk.
        driver
            .goto(format!("{url}/sign-in"))
            .await
            .expect("open sign-in");
        let state = wait_for(&driver, "[data-testid='error-state']").await;
        let text = state.text().await.expect("text");
        assert!(
            text.contains("This page could not be loaded") && text.contains("Check the connection"),
            "{text}"
        );
        wait_for(&driver, "[data-testid='error-state'] button").await;
        // The app did not stop: another page, from a chunk that is there, still renders.
        let about = driver
            .find(By::Css("a[href='/diagnostics']"))
            .await
            .expect("diagnostics link");
        about.click().await.expect("click");
        wait_for(&driver, "[data-testid='diag-script']").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_rooms_list_paints_from_the_main_module_alone() {
    let stack = Stack::start().await;
    let owner = stack.portal.owner.clone();
    let url = stack.url();
    with_browser(|driver| async move {
        sign_in(&driver, &url, &owner.email, &owner.password, true).await;
        // A fresh load of the list, signed in by the kept session.
        driver
            .goto(format!("{url}/rooms"))
            .await
            .expect("open rooms");
        wait_for(&driver, "[data-testid='rooms-count']").await;
        let fetched: Vec<String> = eventually("the rooms list marked its paint", || {
            let driver = driver.clone();
            async move {
                let v = driver
                    .execute(
                        "const r = performance.getEntriesByName('rooms:rendered')[0];\
                         if (!r) return null;\
                         return performance.getEntriesByType('resource')\
                           .filter(e => e.startTime <= r.startTime).map(e => e.name);",
                        vec![],
                    )
                    .await
                    .ok()?
                    .json()
                    .clone();
                serde_json::from_value(v).ok()
            }
        })
        .await;
        assert!(
            fetched.iter().any(|n| n.contains("_bg.wasm")),
            "the main module is among the fetched files: {fetched:?}"
        );
        let chunks: Vec<&String> = fetched
            .iter()
            .filter(|n| n.contains("/split_") || n.contains("/chunk_"))
            .collect();
        assert!(
            chunks.is_empty(),
            "no chunk is fetched before the list is painted: {chunks:?}"
        );
    })
    .await;
}
