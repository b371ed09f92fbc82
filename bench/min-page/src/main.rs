//! Our side of the React baseline of `cargo xtask bench` (`bench/react-page`): the same page,
//! written with this workspace's crates the way an integrator would.
//!
//! - The rooms list (`GET /api/2.0/files/rooms`, first page of 100) and a form that creates a
//!   custom room (`POST /api/2.0/files/rooms`) with `docspace-api`, same-origin through
//!   `docspace-host`, which adds the API key it holds ([`docspace_api::Auth::HostProxy`]):
//!   DocSpace's CORS lets no cookie through from another origin.
//! - A manager frame of the portal named by `?portal=` with `docspace-sdk`'s `Manager`, signed in
//!   by the portal's own session cookie.
//!
//! Marks, in milliseconds since navigation start (`performance.now()`), each set once:
//! `window.benchListPainted` in the animation frame after the first list is in the DOM, and
//! `window.benchContentReady` at the manager's first `onContentReady`.

use docspace_api::Client;
use docspace_api::models::{Folder, RoomType};
use docspace_sdk::FrameEvent;
use docspace_sdk::components::Manager;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn main() {
    leptos::mount::mount_to_body(App);
}

/// A query parameter of the page's URL.
fn param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// Stores `performance.now()` as `window[name]`, unless it is already set.
fn mark(name: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = JsValue::from_str(name);
    if js_sys::Reflect::has(&window, &key).unwrap_or(true) {
        return;
    }
    if let Some(perf) = window.performance() {
        let _ = js_sys::Reflect::set(&window, &key, &perf.now().into());
    }
}

/// Marks `benchListPainted` in the next animation frame.
fn mark_list_painted() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let cb = Closure::once_into_js(|| mark("benchListPainted"));
    let _ = window.request_animation_frame(cb.unchecked_ref());
}

#[component]
fn App() -> impl IntoView {
    let portal = param("portal").unwrap_or_default();
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let client = Client::builder(origin).host_proxy().build();
    let rooms = RwSignal::new(None::<Vec<Folder>>);
    let error = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());

    // Effects run after the DOM update that setting `rooms` causes.
    Effect::new(move || {
        if rooms.with(Option::is_some) {
            mark_list_painted();
        }
    });
    match &client {
        Ok(c) => {
            let c = c.clone();
            spawn_local(async move {
                match c.rooms().list().send().await {
                    Ok(page) => rooms.set(Some(page.folders)),
                    Err(e) => error.set(e.to_string()),
                }
            });
        }
        Err(e) => error.set(e.to_string()),
    }

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = title.get_untracked().trim().to_string();
        let Ok(c) = client.clone() else { return };
        if t.is_empty() {
            return;
        }
        spawn_local(async move {
            match c.rooms().create(t, RoomType::Custom).send().await {
                Ok(room) => {
                    rooms.update(|list| list.get_or_insert_with(Vec::new).insert(0, room));
                    title.set(String::new());
                    error.set(String::new());
                }
                Err(e) => error.set(e.to_string()),
            }
        });
    };
    let on_event = |e: FrameEvent| {
        if matches!(e, FrameEvent::ContentReady) {
            mark("benchContentReady");
        }
    };

    view! {
        <aside>
            <form on:submit=create>
                <input
                    prop:value=title
                    on:input=move |ev| title.set(event_target_value(&ev))
                    placeholder="New room"
                    aria-label="Room title"
                />
                <button type="submit">"Create"</button>
            </form>
            {move || {
                let e = error.get();
                (!e.is_empty()).then(|| view! { <p role="alert">{e}</p> })
            }}
            {move || match rooms.get() {
                None => view! { <p>"Loading rooms…"</p> }.into_any(),
                Some(list) => {
                    view! {
                        <ul class="rooms">
                            {list.into_iter().map(|r| view! { <li>{r.title}</li> }).collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </aside>
        <main>
            <Manager portal=portal on_event=on_event />
        </main>
    }
}
