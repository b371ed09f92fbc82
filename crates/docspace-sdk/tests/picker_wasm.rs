//! The file picker in headless Chromium against the test devportal: pre-selected files arrive
//! selected, a missing one is announced, and accepting returns exactly the selection.
//! (The app's end-to-end tests cover browsing, search and keyboard use.)

#![cfg(all(target_arch = "wasm32", feature = "picker"))]

mod support;

use docspace_api::Client;
use docspace_api::models::{Entry, FileId, RoomType};
use docspace_sdk::picker::{FilePicker, PickerConfig};
use leptos::prelude::*;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn texts(parent: &web_sys::Element, css: &str) -> Vec<String> {
    let list = parent.query_selector_all(css).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

#[wasm_bindgen_test]
async fn pre_selected_files_arrive_selected_and_a_missing_one_is_announced() {
    let client = Client::builder(portal())
        .api_key(api_key())
        .build()
        .expect("client");
    let title = format!("Picker preselect {}", js_sys::Date::now() as u64);
    let room = client
        .rooms()
        .create(title, RoomType::Custom)
        .send()
        .await
        .expect("room");
    let mut ids = Vec::new();
    for name in ["kept.txt", "other.txt"] {
        let file = client
            .files()
            .upload(room.id.clone(), name, b"text".to_vec())
            .send()
            .await
            .expect("upload");
        ids.push(file.id);
    }
    let missing = FileId::from(987_654_321);
    let config = PickerConfig::new()
        .multiple(Some(3))
        .start_in(room.id.clone())
        .preselect([ids[0].clone(), missing]);
    // What on_pick received: the titles (a signal, as callbacks must be Send).
    let picked = RwSignal::new(None::<Vec<String>>);
    let parent = host();
    let handle = {
        let client = client.clone();
        leptos::mount::mount_to(parent.clone(), move || {
            view! {
                <FilePicker
                    client=client.clone()
                    config=config.clone()
                    on_pick={move |entries: Vec<Entry>| {
                        picked.set(Some(entries.iter().map(|e| e.title().to_string()).collect()))
                    }}
                />
            }
        })
    };
    let el: web_sys::Element = parent.clone().unchecked_into();
    let chips_ready = wait_for(10_000, || {
        texts(&el, "[data-testid='picker-chip'] span") == ["kept.txt"]
    })
    .await;
    assert!(
        chips_ready,
        "the pre-selected file is shown as selected: {:?}",
        texts(&el, "[data-testid='picker-chip'] span")
    );
    assert_eq!(
        texts(&el, "[data-testid='picker-count']"),
        ["1 of at most 3 selected"]
    );
    let announced = wait_for(10_000, || {
        texts(&el, "[aria-live='polite']")
            .iter()
            .any(|t| t.contains("could not be found") && t.contains("987654321"))
    })
    .await;
    assert!(
        announced,
        "the missing file is announced: {:?}",
        texts(&el, "[aria-live='polite']")
    );
    let accept: web_sys::HtmlElement = el
        .query_selector("[data-testid='picker-accept']")
        .expect("selector")
        .expect("accept button")
        .unchecked_into();
    accept.click();
    assert_eq!(picked.get_untracked(), Some(vec!["kept.txt".to_string()]));
    drop(handle);
    parent.remove();
}
