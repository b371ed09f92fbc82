//! A small Leptos app that embeds every DocSpace mode with `docspace-sdk`.
//!
//! Run a devportal that allows this page's origin, then serve the example with Trunk:
//!
//! ```text
//! cargo run -p docspace-devportal -- --allow-origin http://127.0.0.1:8093
//! cd crates/docspace-sdk/examples/embed && trunk serve
//! ```
//!
//! and open <http://127.0.0.1:8093/?portal=http://127.0.0.1:8092>. The query may also name the
//! `mode`, the SDK `version` (`2.0.0`, `2.1.0`), a file `id` (editor, viewer), a `folder` (where
//! the file selector starts) and a room `key` (public room). Sign in first: the manager, the
//! selectors and the editor need a session.

use std::collections::HashMap;

use docspace_sdk::components::{
    Editor, FileSelector, FrameRef, Manager, PublicRoom, RoomSelector, SystemFrame, Viewer,
};
use docspace_sdk::{
    EditorConfig, FileSelectorConfig, FrameEvent, FrameOptions, Item, LoginOutcome, ManagerConfig,
    PublicRoomConfig, RoomSelectorConfig, SdkError, SdkVersion, ViewerConfig,
};
use leptos::prelude::*;

/// The modes the example shows, with their labels.
const MODES: &[(&str, &str)] = &[
    ("manager", "Manager"),
    ("room-selector", "Room selector"),
    ("file-selector", "File selector"),
    ("editor", "Editor"),
    ("viewer", "Viewer"),
    ("public-room", "Public room"),
    ("system", "System"),
];

fn main() {
    leptos::mount::mount_to_body(App);
}

/// The page's query parameters.
fn query() -> HashMap<String, String> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
        .into_owned()
        .collect()
}

/// One line for an item the selectors or the manager report.
fn describe(item: &Item) -> String {
    match item {
        Item::Room(r) => format!(
            "room {} · {} · {}",
            r.id,
            r.title,
            r.room_type
                .map_or_else(|| "room".to_string(), |t| t.label().to_string())
        ),
        Item::Folder(f) => format!("folder {} · {}", f.id, f.title),
        Item::File(f) => format!(
            "file {} · {} · {}",
            f.id,
            f.title,
            f.file_type
                .map_or_else(|| "file".to_string(), |t| t.to_string())
        ),
    }
}

#[component]
fn App() -> impl IntoView {
    let q = query();
    let get = |k: &str, default: &str| q.get(k).cloned().unwrap_or_else(|| default.to_string());
    let portal = RwSignal::new(get("portal", "http://127.0.0.1:8092"));
    let version = RwSignal::new(if get("version", "2.1.0") == "2.0.0" {
        SdkVersion::V2_0_0
    } else {
        SdkVersion::V2_1_0
    });
    let mode = RwSignal::new(get("mode", "room-selector"));
    let file_id = RwSignal::new(get("id", ""));
    let folder = RwSignal::new(get("folder", ""));
    let key = RwSignal::new(get("key", ""));
    let events = RwSignal::new(Vec::<String>::new());
    let selection = RwSignal::new(Vec::<String>::new());
    let frame = FrameRef::new();

    let on_event = move |e: FrameEvent| {
        let line = match &e {
            FrameEvent::Select(items) => format!("select: {} item(s)", items.len()),
            FrameEvent::Error(err) => format!("error: {err}"),
            other => format!("{other:?}"),
        };
        events.update(|v| {
            v.push(line);
            let excess = v.len().saturating_sub(30);
            v.drain(..excess);
        });
    };
    let on_select = move |items: Vec<Item>| selection.set(items.iter().map(describe).collect());
    let on_error = move |e: SdkError| leptos::logging::warn!("{e}");

    let embed = move || {
        let options = FrameOptions::default().version(version.get());
        let portal = portal.get();
        match mode.get().as_str() {
            "manager" => view! {
                <Manager portal=portal config=ManagerConfig::new().show_menu(true) options=options
                    frame_ref=frame on_event=on_event on_error=on_error
                    on_file_click=move |f: docspace_sdk::FileItem| selection.set(vec![describe(&Item::File(f))])/>
            }
            .into_any(),
            "file-selector" => {
                let config = FileSelectorConfig::new().show_selector_header(true);
                let config = match folder.get().trim() {
                    "" => config,
                    id => config.folder(id),
                };
                view! {
                    <FileSelector portal=portal config=config options=options frame_ref=frame
                        on_event=on_event on_select=on_select on_error=on_error/>
                }
                .into_any()
            }
            "editor" => view! {
                <Editor portal=portal config=EditorConfig::new(file_id.get()) options=options
                    frame_ref=frame on_event=on_event on_error=on_error/>
            }
            .into_any(),
            "viewer" => view! {
                <Viewer portal=portal config=ViewerConfig::new(file_id.get()) options=options
                    frame_ref=frame on_event=on_event on_error=on_error/>
            }
            .into_any(),
            "public-room" => view! {
                <PublicRoom portal=portal config=PublicRoomConfig::new(key.get()) options=options
                    frame_ref=frame on_event=on_event on_error=on_error/>
            }
            .into_any(),
            "system" => view! {
                <SystemFrame portal=portal options=options frame_ref=frame on_event=on_event
                    on_error=on_error/>
                <p>"The system frame is invisible; use it to sign in or call methods."</p>
            }
            .into_any(),
            _ => view! {
                <RoomSelector portal=portal
                    config=RoomSelectorConfig::new().show_selector_header(true).show_selector_cancel(true)
                    options=options frame_ref=frame on_event=on_event on_select=on_select on_error=on_error/>
            }
            .into_any(),
        }
    };

    view! {
        <header class="bar">
            <label>"Portal " <input id="portal" prop:value=portal
                on:change=move |ev| portal.set(event_target_value(&ev))/></label>
            <label>"SDK " <select id="version" on:change=move |ev| {
                version.set(if event_target_value(&ev) == "2.0.0" { SdkVersion::V2_0_0 } else { SdkVersion::V2_1_0 })
            }>
                <option value="2.1.0" selected=move || version.get() == SdkVersion::V2_1_0>"2.1.0"</option>
                <option value="2.0.0" selected=move || version.get() == SdkVersion::V2_0_0>"2.0.0"</option>
            </select></label>
            <SignIn portal=portal version=version/>
        </header>
        <nav class="bar" aria-label="Modes">
            {MODES.iter().map(|(id, label)| view! {
                <button type="button" data-mode=*id aria-pressed=move || (mode.get() == *id).to_string()
                    on:click=move |_| mode.set(id.to_string())>{*label}</button>
            }).collect_view()}
            <label>"File id " <input id="file-id" size="6" prop:value=file_id
                on:change=move |ev| file_id.set(event_target_value(&ev))/></label>
            <label>"Folder " <input id="folder" size="6" prop:value=folder
                on:change=move |ev| folder.set(event_target_value(&ev))/></label>
            <label>"Room key " <input id="room-key" size="12" prop:value=key
                on:change=move |ev| key.set(event_target_value(&ev))/></label>
        </nav>
        <div class="layout">
            <main class="frame">{embed}</main>
            <aside>
                <h2>"Selection"</h2>
                <ul id="selection">{move || selection.get().into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                <h2>"Events"</h2>
                <ol id="events">{move || events.get().into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
            </aside>
        </div>
    }
}

/// Email and password, signed in through a hidden system frame so every frame shares the session.
#[component]
fn SignIn(portal: RwSignal<String>, version: RwSignal<SdkVersion>) -> impl IntoView {
    let email = RwSignal::new("owner@example.com".to_string());
    let password = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let sign_in = Action::new_local(move |(): &()| {
        let (portal, email, password) = (portal.get(), email.get(), password.get());
        let options = FrameOptions::default().version(version.get());
        async move { docspace_sdk::login_with(&portal, &email, password, options).await }
    });
    Effect::new(move |_| {
        if let Some(result) = sign_in.value().get() {
            status.set(match result {
                Ok(LoginOutcome::SignedIn { .. }) => "Signed in".to_string(),
                Ok(LoginOutcome::SecondFactorRequired { url }) => format!("Confirm at {url}"),
                Err(e) => e.to_string(),
            });
        }
    });
    view! {
        <form class="sign-in" on:submit=move |ev| { ev.prevent_default(); sign_in.dispatch(()); }>
            <input id="email" type="email" aria-label="Email" prop:value=email
                on:input=move |ev| email.set(event_target_value(&ev))/>
            <input id="password" type="password" aria-label="Password" prop:value=password
                on:input=move |ev| password.set(event_target_value(&ev))/>
            <button id="sign-in" type="submit" disabled=move || sign_in.pending().get()>"Sign in"</button>
            <output id="sign-in-status">{move || status.get()}</output>
        </form>
    }
}
