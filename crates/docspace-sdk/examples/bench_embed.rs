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

/// The query parameter `key` (empty if absent), read by the browser's `URLSearchParams` (the
/// same WHATWG form decoding as the `form_urlencoded` crate, whose decoder was 1.2 KB of this
/// page's brotli bytes, not docspace-sdk's).
fn param(key: &str) -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get(key))
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
