//! The Leptos components' lifecycle in headless Chromium: unmounting leaves no frame and no
//! listener, several frames share a page, a changed config takes effect, quick re-mounting (as
//! under route changes) ends with exactly one frame, and focus moves into a frame and back.
//! Public-room and system frames need no session.

#![cfg(target_arch = "wasm32")]

mod support;

use docspace_sdk::components::{FrameRef, Manager, PublicRoom, SystemFrame};
use docspace_sdk::{FrameStatus, ManagerConfig, PublicRoomConfig, SdkVersion, bridge_stats};
use leptos::prelude::*;
use support::document;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn press_key() -> String {
    room_share_key(room_id("Press kit").await).await
}

/// Waits until the frame behind `r` is ready; returns its frame id.
async fn wait_ready(r: FrameRef) -> String {
    let ready = wait_for(30_000, || {
        r.get_untracked()
            .is_some_and(|f| f.status() == FrameStatus::Ready)
    })
    .await;
    let frame = r.get_untracked().expect("a frame");
    assert!(ready, "not ready: {:?}", frame.status());
    frame.frame_id().expect("frame id")
}

#[wasm_bindgen_test]
async fn unmounting_leaves_no_frame_and_no_listener() {
    let key = press_key().await;
    track_message_listeners();
    assert_eq!(live_message_listeners(), 0);
    for version in VERSIONS {
        let parent = host();
        let r = FrameRef::new();
        let config = PublicRoomConfig::new(key.clone());
        let opts = options(version);
        let handle = leptos::mount::mount_to(parent.clone(), move || {
            view! { <PublicRoom portal=portal() config=config.clone() options=opts.clone() frame_ref=r/> }
        });
        let id = wait_ready(r).await;
        assert_eq!(iframes_in(&parent), 1);
        // The guard's and api.js's own.
        assert_eq!(live_message_listeners(), 2, "{version:?}");
        assert!(sdk_registers(&id) || version == SdkVersion::V2_0_0);
        drop(handle);
        assert_eq!(iframes_in(&parent), 0, "{version:?}: no iframe left");
        assert_eq!(
            parent.child_element_count(),
            0,
            "{version:?}: nothing left inside"
        );
        assert_eq!(live_message_listeners(), 0, "{version:?}: no listener left");
        assert_eq!(bridge_stats().frames, 0);
        assert!(!bridge_stats().guard_listening);
        assert!(!sdk_registers(&id), "{version:?}: api.js forgot the frame");
        assert!(r.get_untracked().is_none());
        parent.remove();
    }
}

#[wasm_bindgen_test]
async fn several_frames_live_on_one_page() {
    let key = press_key().await;
    let parent = host();
    let (a, b, c) = (FrameRef::new(), FrameRef::new(), FrameRef::new());
    let k = key.clone();
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        view! {
            <PublicRoom portal=portal() config=PublicRoomConfig::new(k.clone()) frame_ref=a
                options=options(SdkVersion::V2_1_0)/>
            <PublicRoom portal=portal() config=PublicRoomConfig::new(k.clone()).show_title(false)
                frame_ref=b options=options(SdkVersion::V2_0_0)/>
            <SystemFrame portal=portal() frame_ref=c options=options(SdkVersion::V2_1_0)/>
        }
    });
    let ids = [
        wait_ready(a).await,
        wait_ready(b).await,
        wait_ready(c).await,
    ];
    assert!(
        ids[0] != ids[1] && ids[1] != ids[2] && ids[0] != ids[2],
        "{ids:?}"
    );
    assert_eq!(iframes_in(&parent), 3);
    assert_eq!(bridge_stats().frames, 3);
    // Each answers its own calls.
    let system = c.get_untracked().expect("system");
    assert!(system.get_hash_settings().await.is_ok());
    drop(handle);
    assert_eq!(bridge_stats().frames, 0);
    parent.remove();
}

#[wasm_bindgen_test]
async fn a_changed_config_takes_effect() {
    let key = press_key().await;
    let parent = host();
    let r = FrameRef::new();
    let config = RwSignal::new(PublicRoomConfig::new(key.clone()));
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        view! { <PublicRoom portal=portal() config=config frame_ref=r options=options(SdkVersion::V2_1_0)/> }
    });
    let first = wait_ready(r).await;
    let frame = r.get_untracked().expect("frame");
    assert!(frame.url().expect("url").contains("showTitle=true"));

    // The size is applied to the live frame.
    config.update(|c| *c = c.clone().height("321px"));
    assert!(
        wait_for(10_000, || {
            frame
                .iframe()
                .and_then(|f| {
                    web_sys::HtmlElement::style(&f)
                        .get_property_value("height")
                        .ok()
                })
                .as_deref()
                == Some("321px")
        })
        .await
    );
    assert_eq!(
        frame.frame_id().as_deref(),
        Some(first.as_str()),
        "same frame"
    );

    // `showTitle` is in the public room's URL: a new frame, loading the new URL.
    config.update(|c| *c = c.clone().show_title(false));
    assert!(wait_for(20_000, || frame.frame_id().is_some_and(|id| id != first)).await);
    let second = wait_ready(r).await;
    assert_ne!(second, first);
    let iframe = frame.iframe().expect("iframe");
    assert!(iframe.src().contains("showTitle=false"), "{}", iframe.src());
    assert_eq!(iframes_in(&parent), 1, "the old frame is gone");
    drop(handle);
    parent.remove();
}

#[wasm_bindgen_test]
async fn quick_remounts_and_route_changes_end_with_one_frame() {
    let key = press_key().await;
    let parent = host();
    let route = RwSignal::new(0u32);
    let r = FrameRef::new();
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        let key = key.clone();
        move || {
            match route.get() % 3 {
            0 => view! { <PublicRoom portal=portal() config=PublicRoomConfig::new(key.clone())
                            frame_ref=r options=options(SdkVersion::V2_1_0)/> }
            .into_any(),
            1 => view! { <SystemFrame portal=portal() frame_ref=r options=options(SdkVersion::V2_0_0)/> }
            .into_any(),
            _ => view! { <Manager portal=portal() config=ManagerConfig::new() options=options(SdkVersion::V2_1_0)/> }
            .into_any(),
        }
        }
    });
    // Faster than any frame can load: every mount is undone before it finishes.
    for i in 1..=7 {
        route.set(i);
        leptos::task::tick().await;
    }
    route.set(9); // back to the public room
    let id = wait_ready(r).await;
    sleep(500).await;
    assert_eq!(bridge_stats().frames, 1);
    assert_eq!(iframes_in(&parent), 1);
    assert_eq!(r.get_untracked().and_then(|f| f.frame_id()), Some(id));
    drop(handle);
    assert_eq!(bridge_stats().frames, 0);
    parent.remove();
}

#[wasm_bindgen_test]
async fn focus_moves_into_the_frame_and_back() {
    let key = press_key().await;
    let doc = support::document();
    let button: web_sys::HtmlElement = doc
        .create_element("button")
        .expect("button")
        .unchecked_into();
    button.set_text_content(Some("Pick"));
    doc.body()
        .expect("body")
        .append_child(&button)
        .expect("append");
    button.focus().expect("focus");
    let parent = host();
    let r = FrameRef::new();
    let opts = options(SdkVersion::V2_1_0)
        .focus_on_ready(true)
        .title("Pick a document");
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        view! { <PublicRoom portal=portal() config=PublicRoomConfig::new(key.clone()) frame_ref=r options=opts.clone()/> }
    });
    wait_ready(r).await;
    let iframe = r.get_untracked().and_then(|f| f.iframe()).expect("iframe");
    assert_eq!(iframe.title(), "Pick a document");
    let active = || doc.active_element();
    assert!(
        wait_for(5_000, || active().as_ref() == Some(iframe.unchecked_ref())).await,
        "focus moved into the frame: {:?}",
        active().map(|e| e.tag_name())
    );
    drop(handle);
    assert_eq!(
        active().as_ref(),
        Some(button.unchecked_ref()),
        "focus came back"
    );
    button.remove();
    parent.remove();
}

#[wasm_bindgen_test]
async fn what_api_js_adds_to_the_page_goes_away_with_the_frame() {
    let body = document().body().expect("body");
    let overscroll = || {
        body.style()
            .get_property_value("overscroll-behavior-y")
            .unwrap_or_default()
    };
    let before = overscroll();
    let parent = host();
    let r = FrameRef::new();
    // The system frame shows api.js's loader (a <style> per frame); `mobile` changes <body>.
    let config = docspace_sdk::SystemConfig::new().frame_type(docspace_sdk::FrameType::Mobile);
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        view! { <SystemFrame portal=portal() config=config.clone() frame_ref=r options=options(SdkVersion::V2_1_0)/> }
    });
    let id = wait_ready(r).await;
    assert_eq!(overscroll(), "contain", "api.js's mobile layout");
    let loader_styles = || {
        document()
            .query_selector_all("head > style")
            .map(|l| {
                (0..l.length())
                    .filter_map(|i| l.item(i))
                    .filter(|s| s.text_content().unwrap_or_default().contains(&id))
                    .count()
            })
            .unwrap_or(0)
    };
    assert_eq!(loader_styles(), 1, "api.js's loader style");
    drop(handle);
    assert_eq!(overscroll(), before, "<body> as it was");
    assert_eq!(loader_styles(), 0, "no loader style left");
    parent.remove();
}
