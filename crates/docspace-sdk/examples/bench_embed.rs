//! The smallest page that embeds one DocSpace frame with `docspace-sdk`: what `cargo xtask bench`
//! measures against the same page written in plain HTML and JavaScript with the official
//! `api.js` (`bench/plain-api/index.html`).
//!
//! The query names the `portal`, the `mode` (`manager`, `file-selector` or `editor`) and, for the
//! editor, the file `id`. When the frame reports `onContentReady` the page stores
//! `performance.now()` (milliseconds since navigation start) in `window.benchContentReady`, once.
//! Built by `cargo xtask bench` from `bench/sdk-page/` with Trunk.

use std::collections::HashMap;

use docspace_sdk::components::{Editor, FileSelector, Manager};
use docspace_sdk::{EditorConfig, FileSelectorConfig, FrameEvent, ManagerConfig};
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(App);
}

fn query() -> HashMap<String, String> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
        .into_owned()
        .collect()
}

/// Records the first `onContentReady` as `window.benchContentReady` (`performance.now()`).
fn mark_ready() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = wasm_bindgen::JsValue::from_str("benchContentReady");
    if js_sys::Reflect::has(&window, &key).unwrap_or(true) {
        return;
    }
    // `performance` through Reflect: the crate's web-sys features leave `Performance` out.
    let now = js_sys::Reflect::get(&window, &"performance".into()).and_then(|perf| {
        let now = js_sys::Reflect::get(&perf, &"now".into())?;
        js_sys::Function::from(now).call0(&perf)
    });
    if let Ok(now) = now {
        let _ = js_sys::Reflect::set(&window, &key, &now);
    }
}

#[component]
fn App() -> impl IntoView {
    let q = query();
    let portal = q.get("portal").cloned().unwrap_or_default();
    let id = q.get("id").cloned().unwrap_or_default();
    let on_event = |e: FrameEvent| {
        if matches!(e, FrameEvent::ContentReady) {
            mark_ready();
        }
    };
    match q.get("mode").map(String::as_str) {
        Some("file-selector") => view! {
            <FileSelector portal=portal config=FileSelectorConfig::new() on_event=on_event/>
        }
        .into_any(),
        Some("editor") => view! {
            <Editor portal=portal config=EditorConfig::new(id) on_event=on_event/>
        }
        .into_any(),
        _ => view! { <Manager portal=portal config=ManagerConfig::new() on_event=on_event/> }
            .into_any(),
    }
}
