//! The smallest page that embeds one DocSpace frame with `docspace-sdk`: what `cargo xtask bench`
//! measures against the same page written in plain HTML and JavaScript with the official
//! `api.js` (`bench/plain-api/index.html`).
//!
//! The query names the `portal`, the `mode` (`manager`, `file-selector` or `editor`) and, for the
//! editor, the file `id`. The bench reads when the frame showed its content from the mark the
//! bridge puts on the performance timeline (`docspace:content-ready:<frame id>`). The same page
//! with the frame bootstrapped in its HTML (`docspace_sdk::Bootstrap`) adopts that frame.
//! Built by `cargo xtask bench` from `bench/sdk-page/` with Trunk.

use std::collections::HashMap;

use docspace_sdk::components::{Editor, FileSelector, Manager};
use docspace_sdk::{EditorConfig, FileSelectorConfig, ManagerConfig};
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

#[component]
fn App() -> impl IntoView {
    let q = query();
    let portal = q.get("portal").cloned().unwrap_or_default();
    let id = q.get("id").cloned().unwrap_or_default();
    match q.get("mode").map(String::as_str) {
        Some("file-selector") => view! {
            <FileSelector portal=portal config=FileSelectorConfig::new()/>
        }
        .into_any(),
        Some("editor") => view! {
            <Editor portal=portal config=EditorConfig::new(id)/>
        }
        .into_any(),
        _ => view! { <Manager portal=portal config=ManagerConfig::new()/> }.into_any(),
    }
}
