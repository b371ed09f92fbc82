//! When a frame cannot work, the component shows what is wrong and how to fix it, and reports
//! the typed error: portal down, script unreachable, page origin missing from the portal's
//! allowed domains, a frame that never starts, mixed content, an invalid address.

#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use docspace_sdk::components::{Diagnostic, DocSpace, FrameRef, SystemFrame};
use docspace_sdk::{FrameStatus, SdkError, SdkVersion, bridge_stats};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde_json::json;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The origin the test page runs on (listed in the devportal's allowed domains).
fn page_origin() -> String {
    web_sys::window()
        .expect("window")
        .location()
        .origin()
        .expect("origin")
}

/// The diagnostic panel inside `el`, once it shows: `(data-error, text)`.
async fn panel(el: &web_sys::HtmlElement) -> (String, String) {
    let found = wait_for(30_000, || {
        el.query_selector(".docspace-diagnostic")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    assert!(found, "no diagnostic panel: {}", el.inner_html());
    let p = el
        .query_selector(".docspace-diagnostic")
        .ok()
        .flatten()
        .expect("panel");
    assert_eq!(p.get_attribute("role").as_deref(), Some("alert"));
    (
        p.get_attribute("data-error").unwrap_or_default(),
        p.text_content().unwrap_or_default(),
    )
}

/// Mounts a system frame on `portal` and returns the panel and the errors `on_error` got.
async fn system_frame_on(portal: &str) -> ((String, String), Vec<SdkError>, u32) {
    let parent = host();
    let errors = SendWrapper::new(Rc::new(RefCell::new(Vec::<SdkError>::new())));
    let log = errors.clone();
    let portal = portal.to_string();
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        let log = log.clone();
        view! {
            <SystemFrame portal=portal.clone() options=options(SdkVersion::V2_1_0)
                on_error=move |e: SdkError| log.borrow_mut().push(e)/>
        }
    });
    let shown = panel(&parent).await;
    let iframes = iframes_in(&parent);
    drop(handle);
    parent.remove();
    let errors = errors.borrow().clone();
    (shown, errors, iframes)
}

#[wasm_bindgen_test]
async fn a_portal_that_is_down_is_explained() {
    let ((kind, text), errors, iframes) = system_frame_on("http://127.0.0.1:9").await;
    assert_eq!(kind, "portal-unreachable");
    assert!(text.contains("Cannot reach the DocSpace portal"), "{text}");
    assert!(text.contains("http://127.0.0.1:9"), "{text}");
    assert!(
        matches!(errors.as_slice(), [SdkError::PortalUnreachable { .. }]),
        "{errors:?}"
    );
    assert_eq!(iframes, 0, "no blank frame");
}

#[wasm_bindgen_test]
async fn a_script_that_does_not_load_is_explained() {
    // The test page's own server answers, but serves no DocSpace SDK.
    let ((kind, text), errors, _) = system_frame_on(&page_origin()).await;
    assert_eq!(kind, "script-unreachable");
    assert!(text.contains("/static/scripts/sdk/2.1.0/api.js"), "{text}");
    assert!(text.contains("script-src"), "{text}");
    assert!(
        matches!(errors.as_slice(), [SdkError::ScriptUnreachable { .. }]),
        "{errors:?}"
    );
}

#[wasm_bindgen_test]
async fn an_invalid_address_is_explained() {
    let ((kind, text), errors, _) = system_frame_on("docs.example.com/path").await;
    assert_eq!(kind, "invalid-portal");
    assert!(text.contains("http(s)://host[:port]"), "{text}");
    assert!(
        matches!(errors.as_slice(), [SdkError::InvalidPortal(_)]),
        "{errors:?}"
    );
}

#[wasm_bindgen_test]
async fn an_origin_missing_from_the_allowed_domains_is_explained_and_retry_recovers() {
    let saved = rest("GET", "security/csp", None).await["domains"].clone();
    rest(
        "POST",
        "security/csp",
        Some(json!({"domains": ["https://elsewhere.example"]})),
    )
    .await;

    let parent = host();
    let r = FrameRef::new();
    let errors = SendWrapper::new(Rc::new(RefCell::new(Vec::<SdkError>::new())));
    let log = errors.clone();
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        let log = log.clone();
        view! {
            <SystemFrame portal=portal() frame_ref=r options=options(SdkVersion::V2_1_0)
                on_error=move |e: SdkError| log.borrow_mut().push(e)/>
        }
    });
    let (kind, text) = panel(&parent).await;
    let iframes = iframes_in(&parent);
    // Put the list back before asserting: later tests share this portal.
    rest("POST", "security/csp", Some(json!({"domains": saved}))).await;

    assert_eq!(kind, "csp-origin-missing");
    let origin = page_origin();
    assert!(text.contains(&format!("add {origin} exactly")), "{text}");
    assert!(text.contains("https://elsewhere.example"), "{text}");
    assert!(text.contains("Developer Tools"), "{text}");
    assert!(
        matches!(errors.borrow().as_slice(), [SdkError::CspOriginMissing { origin: o, .. }] if *o == origin),
        "{:?}",
        errors.borrow()
    );
    assert_eq!(iframes, 0, "no frame the browser would refuse");

    // Fixed: "Try again" embeds the frame.
    let retry: web_sys::HtmlElement = parent
        .query_selector(".docspace-diagnostic__retry")
        .ok()
        .flatten()
        .expect("retry button")
        .unchecked_into();
    retry.click();
    assert!(
        wait_for(30_000, || r
            .get_untracked()
            .is_some_and(|f| f.status() == FrameStatus::Ready))
        .await,
        "ready after retry"
    );
    assert!(
        parent
            .query_selector(".docspace-diagnostic")
            .ok()
            .flatten()
            .is_none()
    );
    drop(handle);
    parent.remove();
}

#[wasm_bindgen_test]
async fn a_frame_that_never_starts_is_explained_and_kept() {
    let parent = host();
    let errors = SendWrapper::new(Rc::new(RefCell::new(Vec::<SdkError>::new())));
    let log = errors.clone();
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        let log = log.clone();
        view! {
            <DocSpace portal=portal() config=silent_config()
                options=options(SdkVersion::V2_0_0).ready_timeout(Duration::from_millis(1_500))
                on_error=move |e: SdkError| log.borrow_mut().push(e)/>
        }
    });
    let (kind, text) = panel(&parent).await;
    assert_eq!(kind, "frame-not-ready");
    assert!(
        text.contains("/no-such-page/filter?"),
        "the URL it loaded: {text}"
    );
    assert!(text.contains("sign in"), "{text}");
    assert!(matches!(
        errors.borrow().as_slice(),
        [SdkError::FrameNotReady { .. }]
    ));
    // The frame stays: it may be a sign-in page the user can use.
    assert_eq!(iframes_in(&parent), 1);
    drop(handle);
    assert_eq!(bridge_stats().frames, 0);
    parent.remove();
}

#[wasm_bindgen_test]
async fn mixed_content_is_explained() {
    // An HTTPS page cannot be made here (the test page is HTTP); the detection is unit-tested
    // (`preflight::tests`), this checks what the component shows for it.
    let parent = host();
    let error = SdkError::MixedContent {
        page: "https://app.example.com".into(),
        portal: "http://docs.example.com".into(),
    };
    let handle = leptos::mount::mount_to(
        parent.clone(),
        move || view! { <Diagnostic error=error.clone()/> },
    );
    let (kind, text) = panel(&parent).await;
    assert_eq!(kind, "mixed-content");
    assert!(
        text.contains("An HTTPS page cannot embed an HTTP portal"),
        "{text}"
    );
    assert!(text.contains("Serve the portal over HTTPS"), "{text}");
    drop(handle);
    parent.remove();
}
