//! The inline bootstrap: frames created before the wasm runs are adopted by `Frame::mount` and
//! the components in every mode and with both script versions; the events they sent before
//! adoption arrive afterwards in order; forged messages that arrive before adoption are refused
//! and still counted; an adopted frame is destroyed without leftovers; a bootstrapped frame with
//! other settings than its component is replaced.

#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::RefCell;
use std::rc::Rc;

use docspace_sdk::components::{DocSpace, FrameRef};
use docspace_sdk::{
    Bootstrap, EditorConfig, FileSelectorConfig, Frame, FrameConfig, FrameEvent, FrameEvents,
    FrameStatus, ManagerConfig, PublicRoomConfig, RoomSelectorConfig, SdkError, SdkVersion,
    SystemConfig, ViewerConfig, bridge_stats,
};
use leptos::prelude::*;
use serde_json::json;
use support::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Writes `html` into a new element at the end of `<body>` and runs its scripts, as the parser
/// would have (scripts set through `innerHTML` never run).
fn boot(html: &str) -> web_sys::HtmlElement {
    let el = host();
    el.set_attribute("style", "").expect("style");
    js_sys::Function::new_with_args(
        "el, html",
        "el.innerHTML = html; for (const old of Array.from(el.querySelectorAll('script'))) { \
         const s = document.createElement('script'); if (old.type) s.type = old.type; \
         s.textContent = old.textContent; old.replaceWith(s); }",
    )
    .call2(&JsValue::NULL, &el, &html.into())
    .expect("boot");
    el
}

/// A field of the bootstrap's entry for `id`, as JSON (`null` once adopted).
fn entry(id: &str, expr: &str) -> serde_json::Value {
    js_sys::Function::new_with_args(
        "id",
        &format!(
            "const b = window.__docspaceBoot; const f = b && b.frames[id]; \
             return f ? JSON.stringify({expr}) : 'null';"
        ),
    )
    .call1(&JsValue::NULL, &id.into())
    .ok()
    .and_then(|v| v.as_string())
    .and_then(|s| serde_json::from_str(&s).ok())
    .unwrap_or(serde_json::Value::Null)
}

/// Counts the `load` events of the iframe in `el` from now on.
fn count_loads(el: &web_sys::HtmlElement) -> impl Fn() -> u32 {
    let iframe = el
        .query_selector("iframe")
        .ok()
        .flatten()
        .expect("the bootstrap's iframe");
    let count = js_sys::Function::new_with_args(
        "f",
        "let n = 0; f.addEventListener('load', () => n++); return () => n;",
    )
    .call1(&JsValue::NULL, &iframe)
    .expect("a load counter");
    let count = js_sys::Function::from(count);
    move || {
        count
            .call0(&JsValue::NULL)
            .ok()
            .and_then(|n| n.as_f64())
            .map_or(u32::MAX, |n| n as u32)
    }
}

/// How many marks named `name` the page's performance timeline has.
fn marks(name: &str) -> u32 {
    js_sys::Function::new_with_args(
        "n",
        "return performance.getEntriesByName(n, 'mark').length;",
    )
    .call1(&JsValue::NULL, &name.into())
    .ok()
    .and_then(|n| n.as_f64())
    .map_or(0, |n| n as u32)
}

fn buffered(id: &str) -> Vec<String> {
    serde_json::from_value(entry(id, "f.queue.map(e => e[0])")).unwrap_or_default()
}

fn as_event(name: &str) -> FrameEvent {
    match name {
        "onAppReady" => FrameEvent::AppReady,
        "onContentReady" => FrameEvent::ContentReady,
        other => panic!("unexpected early event {other}"),
    }
}

fn logger() -> (Rc<RefCell<Vec<FrameEvent>>>, FrameEvents) {
    let log = Rc::new(RefCell::new(Vec::new()));
    let l = log.clone();
    (
        log,
        FrameEvents::new().on_event(move |e| l.borrow_mut().push(e)),
    )
}

#[wasm_bindgen_test]
async fn early_events_arrive_in_order_after_adoption_and_destroy_leaves_nothing() {
    let frames_before = bridge_stats().frames;
    for version in VERSIONS {
        let id = format!("boot-system-{}", version.as_str().replace('.', ""));
        let html = Bootstrap::new(portal(), &id, SystemConfig::new())
            .version(version)
            .render()
            .expect("render");
        let slot = boot(&html);
        // The system frame sends onAppReady (after the handshake the bootstrap let through)
        // and onContentReady long before anything adopts it.
        assert!(
            wait_for(30_000, || buffered(&id).len() >= 2).await,
            "{version:?}: buffered {:?}",
            buffered(&id)
        );
        let early = buffered(&id);
        let iframe_before = slot
            .query_selector("iframe")
            .ok()
            .flatten()
            .expect("iframe");
        let (log, events) = logger();
        let own = host();
        let frame = Frame::mount(
            &own,
            portal(),
            SystemConfig::new(),
            events,
            options(version).boot_frame(&id),
        );
        frame.ready().await.expect("ready");
        assert_eq!(frame.frame_id().as_deref(), Some(id.as_str()));
        assert_eq!(
            (iframes_in(&slot), iframes_in(&own)),
            (0, 1),
            "{version:?}: the same frame, not another, moved where it was mounted"
        );
        assert_eq!(
            frame.iframe().map(web_sys::Element::from),
            Some(iframe_before),
            "{version:?}"
        );
        let delivered: Vec<FrameEvent> = log
            .borrow()
            .iter()
            .filter(|e| **e != FrameEvent::Ready)
            .cloned()
            .collect();
        let expected: Vec<FrameEvent> = early.iter().map(|n| as_event(n)).collect();
        assert_eq!(
            delivered[..expected.len()],
            expected[..],
            "{version:?}: {:?}",
            log.borrow()
        );
        assert!(log.borrow().contains(&FrameEvent::Ready));
        assert_eq!(
            entry(&id, "!!f.judge"),
            json!(true),
            "the bootstrap hands the frame's messages to the bridge's guard"
        );
        // The adopted frame is the bridge's own: its methods answer.
        let settings = frame.get_hash_settings().await.expect("a method call");
        assert!(settings.iterations > 0);
        frame.destroy();
        assert_eq!(frame.status(), FrameStatus::Destroyed);
        assert_eq!(iframes_in(&own), 0, "{version:?}");
        assert!(!sdk_registers(&id));
        assert_eq!(
            entry(&id, "1"),
            serde_json::Value::Null,
            "the bootstrap let go"
        );
        slot.remove();
        own.remove();
    }
    assert_eq!(bridge_stats().frames, frames_before);
}

#[wasm_bindgen_test]
async fn forged_messages_before_adoption_are_refused() {
    let id = "boot-forged";
    let html = Bootstrap::new(portal(), id, SystemConfig::new())
        .render()
        .expect("render");
    let forger = Forger::new(false).await;
    let slot = boot(&html);
    let forgeries = [
        json!({"type": "onEventReturn", "frameId": id, "eventReturnData": {"event": "onSignOut"}}),
        json!({"type": "onCallCommand", "frameId": id, "commandName": "destroyFrame"}),
        json!({"type": "onCallCommand", "frameId": id, "commandName": "setConfig",
               "commandData": {"src": "http://attacker.example"}}),
    ];
    // Once right away (before api.js is even loaded) and once when the frame is up.
    for f in &forgeries {
        forger.post(f);
    }
    assert!(
        wait_for(30_000, || buffered(id)
            .contains(&"onContentReady".to_string()))
        .await,
        "{:?}",
        buffered(id)
    );
    for f in &forgeries {
        forger.post(f);
    }
    assert!(
        wait_for(5_000, || entry(id, "f.rejected").as_u64() >= Some(6)).await,
        "refused: {}",
        entry(id, "f.rejected")
    );
    assert_eq!(iframes_in(&slot), 1, "the forged destroyFrame did not run");
    let (log, events) = logger();
    let frame = Frame::mount(
        &host(),
        portal(),
        SystemConfig::new(),
        events,
        options(SdkVersion::V2_1_0).boot_frame(id),
    );
    frame.ready().await.expect("ready");
    assert!(
        frame.rejected_messages() >= 6,
        "{}",
        frame.rejected_messages()
    );
    // After adoption the bridge's guard refuses them, though api.js listened before it did.
    let before = frame.rejected_messages();
    forger.post(&forgeries[0]);
    assert!(wait_for(5_000, || frame.rejected_messages() > before).await);
    assert!(
        !log.borrow().contains(&FrameEvent::SignOut),
        "{:?}",
        log.borrow()
    );
    assert!(frame.get_hash_settings().await.is_ok());
    forger.remove();
    frame.destroy();
    slot.remove();
}

#[wasm_bindgen_test]
async fn every_mode_is_adopted_with_both_script_versions() {
    let contracts = room_id("Contracts").await;
    let budget = file_id(contracts, "Budget.xlsx").await;
    let key = room_share_key(room_id("Press kit").await).await;
    ensure_signed_in().await;
    for version in VERSIONS {
        let configs: Vec<FrameConfig> = vec![
            SystemConfig::new().into(),
            ManagerConfig::new().into(),
            RoomSelectorConfig::new().into(),
            FileSelectorConfig::new().into(),
            EditorConfig::new(budget).into(),
            ViewerConfig::new(budget).into(),
            PublicRoomConfig::new(key.clone()).into(),
        ];
        for (n, config) in configs.into_iter().enumerate() {
            let mode = config.mode();
            let id = format!("boot-{n}-{}", version.as_str().replace('.', ""));
            let html = Bootstrap::new(portal(), &id, config.clone())
                .version(version)
                .render()
                .expect("render");
            let slot = boot(&html);
            let own = host();
            // No id given: the frame with exactly these settings is found.
            let (log, events) = logger();
            let frame = Frame::mount(&own, portal(), config, events, options(version));
            if let Err(e) = frame.ready().await {
                panic!("{mode} with {version:?}: {e}");
            }
            assert_eq!(frame.frame_id().as_deref(), Some(id.as_str()), "{mode}");
            // Moved (not reinserted) into the element the frame was mounted in.
            assert_eq!((iframes_in(&slot), iframes_in(&own)), (0, 1), "{mode}");
            let iframe = frame.iframe().expect("iframe");
            assert_eq!(Some(iframe.src()), frame.url(), "{mode} with {version:?}");
            assert_eq!(iframe.title(), mode.label());
            assert!(log.borrow().contains(&FrameEvent::ContentReady), "{mode}");
            if mode.sends_app_ready() {
                assert!(log.borrow().contains(&FrameEvent::AppReady), "{mode}");
            }
            frame.destroy();
            assert_eq!(iframes_in(&slot), 0, "{mode}");
            slot.remove();
            own.remove();
        }
    }
}

#[wasm_bindgen_test]
async fn the_component_adopts_and_owns_the_frame() {
    let key = room_share_key(room_id("Press kit").await).await;
    let id = "boot-component";
    let html = Bootstrap::new(portal(), id, PublicRoomConfig::new(key.clone()))
        .render()
        .expect("render");
    let slot = boot(&html);
    // Up and showing its content before the wasm gets to it, as on a page whose wasm is slow.
    assert!(
        wait_for(30_000, || buffered(id)
            .contains(&"onContentReady".to_string()))
        .await
    );
    let loads = count_loads(&slot);
    let parent = host();
    let r = FrameRef::new();
    let config = RwSignal::new(FrameConfig::from(PublicRoomConfig::new(key.clone())));
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        view! { <DocSpace portal=portal() config=config frame_ref=r options=options(SdkVersion::V2_1_0)/> }
    });
    let ready = wait_for(30_000, || {
        r.get_untracked()
            .is_some_and(|f| f.status() == FrameStatus::Ready)
    })
    .await;
    let frame = r.get_untracked().expect("frame");
    assert!(ready, "{:?}", frame.status());
    assert_eq!(frame.frame_id().as_deref(), Some(id));
    // Moved into the component's place in the layout, and still the same live frame: its
    // methods answer and it never loaded again.
    assert_eq!((iframes_in(&slot), iframes_in(&parent)), (0, 1));
    // "Wrong method" is the frame's own reply (the public room page serves no getters): a
    // round trip through the moved frame all the same.
    let reply = frame.get_hash_settings().await;
    assert!(
        matches!(reply, Ok(_) | Err(SdkError::WrongMode { .. })),
        "{reply:?}"
    );
    assert_eq!(loads(), 0, "moving the frame reloaded it");
    assert_eq!(frame.status(), FrameStatus::Ready);
    // The moment it showed its content is on the page's timeline, marked by the bootstrap.
    assert_eq!(marks(&format!("docspace:content-ready:{id}")), 1);
    // A config change that needs a new frame: it is created where the adopted one was.
    config.set(PublicRoomConfig::new(key).show_title(false).into());
    assert!(wait_for(20_000, || frame.frame_id().is_some_and(|f| f != id)).await);
    assert!(
        wait_for(30_000, || frame.status() == FrameStatus::Ready).await,
        "{:?}",
        frame.status()
    );
    assert_eq!((iframes_in(&slot), iframes_in(&parent)), (0, 1));
    assert!(!sdk_registers(id));
    // The bridge marks the frames it creates itself.
    let new_id = frame.frame_id().expect("a frame id");
    assert_eq!(marks(&format!("docspace:content-ready:{new_id}")), 1);
    drop(handle);
    assert_eq!(iframes_in(&parent), 0, "unmounting destroyed it");
    slot.remove();
    parent.remove();
}

#[wasm_bindgen_test]
async fn a_bootstrapped_frame_with_other_settings_is_replaced() {
    ensure_signed_in().await;
    let id = "boot-other";
    let html = Bootstrap::new(portal(), id, RoomSelectorConfig::new())
        .render()
        .expect("render");
    let slot = boot(&html);
    assert!(wait_for(30_000, || iframes_in(&slot) == 1).await);
    let own = host();
    let frame = Frame::mount(
        &own,
        portal(),
        FileSelectorConfig::new(),
        FrameEvents::new(),
        options(SdkVersion::V2_1_0).boot_frame(id),
    );
    frame.ready().await.expect("ready");
    assert_ne!(frame.frame_id().as_deref(), Some(id));
    assert_eq!((iframes_in(&slot), iframes_in(&own)), (0, 1));
    assert!(!sdk_registers(id));
    frame.destroy();
    slot.remove();
    own.remove();
}

#[wasm_bindgen_test]
async fn a_parked_frame_is_moved_into_its_component_and_its_box_removed() {
    let id = "boot-parked";
    let html = Bootstrap::new(portal(), id, SystemConfig::new())
        .parked()
        .render()
        .expect("render");
    let page = boot(&html);
    let parking = page
        .query_selector("[data-docspace-parked]")
        .ok()
        .flatten()
        .expect("the parking box");
    assert!(wait_for(30_000, || iframes_in(&parking) == 1).await);
    let own = host();
    let frame = Frame::mount(
        &own,
        portal(),
        SystemConfig::new(),
        FrameEvents::new(),
        options(SdkVersion::V2_1_0).boot_frame(id),
    );
    frame.ready().await.expect("ready");
    assert_eq!(
        frame.frame_id().as_deref(),
        Some(id),
        "adopted, not replaced"
    );
    assert_eq!(iframes_in(&own), 1);
    assert!(
        !parking.is_connected(),
        "the box it waited in is gone, so it covers nothing"
    );
    frame.destroy();
    page.remove();
    own.remove();
}
