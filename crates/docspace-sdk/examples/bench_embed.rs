//! The smallest page that embeds one DocSpace frame with `docspace-sdk`: what `cargo xtask bench`
//! measures against the same page written in plain HTML and JavaScript with the official
//! `api.js` (`bench/plain-api/index.html`).
//!
//! The query names the `portal`, the `mode` (`manager`, `file-selector` or `editor`) and, for the
//! editor, the file `id`. The bench reads when the frame showed its content from the mark the
//! bridge puts on the performance timeline (`docspace:content-ready:<frame id>`). The same page
//! with the frame bootstrapped in its HTML (`docspace_sdk::Bootstrap`) adopts that frame.
//! Built by `cargo xtask bench` from `bench/sdk-page/` with Trunk.

use docspace_sdk::components::{Editor, FileSelector, Manager};
use docspace_sdk::{EditorConfig, FileSelectorConfig, ManagerConfig};
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(App);
}

/// The query parameter `key` (empty if absent). A linear search: a map of three keys would put
/// hashing code in the page this measures.
fn param(key: &str) -> String {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

#[component]
fn App() -> impl IntoView {
    let portal = param("portal");
    let id = param("id");
    match param("mode").as_str() {
        "file-selector" => view! {
            <FileSelector portal=portal config=FileSelectorConfig::new()/>
        }
        .into_any(),
        "editor" => view! {
            <Editor portal=portal config=EditorConfig::new(id)/>
        }
        .into_any(),
        _ => view! { <Manager portal=portal config=ManagerConfig::new()/> }.into_any(),
    }
}
