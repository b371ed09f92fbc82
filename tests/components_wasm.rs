//! Component tests in headless Chromium: behaviour that is cheaper to check here than end to end.

#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use docspace_embed::components::{Button, Dialog, ToastRegion, VirtualList, provide_toaster};
use docspace_embed::locale::{LocaleProvider, Said};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The component CSS the tests rely on (layout decides what is visible).
const CSS: &[&str] = &[
    include_str!("../src/components/virtual_list/virtual_list.css"),
    include_str!("../src/components/dialog/dialog.css"),
];

fn install_css() {
    let doc = document();
    if doc.get_element_by_id("test-css").is_some() {
        return;
    }
    let style = doc.create_element("style").expect("style");
    style.set_id("test-css");
    style.set_text_content(Some(&CSS.concat()));
    doc.head()
        .expect("head")
        .append_child(&style)
        .expect("append");
}

/// A fresh container of `height` px in the body.
fn container(height: u32) -> web_sys::HtmlElement {
    install_css();
    let el: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    el.style()
        .set_property("height", &format!("{height}px"))
        .expect("style");
    document()
        .body()
        .expect("body")
        .append_child(&el)
        .expect("append");
    el
}

async fn settle() {
    gloo_timers::future::sleep(Duration::from_millis(50)).await;
}

fn query(root: &web_sys::Element, css: &str) -> Vec<web_sys::HtmlElement> {
    let list = root.query_selector_all(css).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into().ok())
        .collect()
}

fn key(target: &web_sys::EventTarget, key: &str, shift: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    target.dispatch_event(&ev).expect("dispatch");
}

fn active() -> Option<web_sys::Element> {
    document().active_element()
}

/// Resolves in the next animation frame, before the browser paints it.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn a_virtual_list_paints_the_rows_in_view_first_and_the_overscan_after() {
    // 560 px of 56 px rows: rows 0..10 are in view, and row 10 peeks in once scrolled.
    let root = container(560);
    let _handle = leptos::mount::mount_to(root.clone(), || {
        view! {
            <VirtualList count=10_000usize row_height=56.0 label="Rows" row=|i| view! { <span>{format!("Row {i}")}</span> }/>
        }
    });
    next_frame().await;
    let first_frame = query(&root, ".vlist__row").len();
    assert_eq!(
        first_frame, 11,
        "the frame that paints the list has the rows in view"
    );
    settle().await;
    let later = query(&root, ".vlist__row").len();
    assert_eq!(later, 11 + 8, "then the default overscan of 8 rows below");
}

#[wasm_bindgen_test]
async fn a_virtual_list_of_10000_rows_keeps_the_dom_small_while_scrolling() {
    let root = container(560);
    let _handle = leptos::mount::mount_to(root.clone(), || {
        view! {
            <VirtualList count=10_000usize row_height=56.0 label="Rows" row=|i| view! { <a href="#" class="cell">{format!("Row {i}")}</a> }/>
        }
    });
    settle().await;
    let rows = query(&root, ".vlist__row");
    assert!(!rows.is_empty(), "rows render");
    assert!(
        rows.len() <= 30,
        "only the window is rendered, got {}",
        rows.len()
    );
    assert_eq!(rows[0].text_content().as_deref(), Some("Row 0"));
    assert_eq!(
        rows[0].get_attribute("aria-setsize").as_deref(),
        Some("10000")
    );

    let list = query(&root, ".vlist").remove(0);
    for top in [56_000, 280_000, 10_000 * 56] {
        list.set_scroll_top(top);
        list.dispatch_event(&web_sys::Event::new("scroll").expect("event"))
            .expect("scroll");
        settle().await;
        let rows = query(&root, ".vlist__row");
        assert!(
            rows.len() <= 30,
            "still small after scrolling to {top}: {}",
            rows.len()
        );
    }
    let texts: Vec<String> = query(&root, ".vlist__row")
        .iter()
        .filter_map(|r| r.text_content())
        .collect();
    assert!(
        texts.iter().any(|t| t == "Row 9999"),
        "the last row is reachable: {texts:?}"
    );
    assert!(
        !texts.iter().any(|t| t == "Row 0"),
        "the first row is gone: {texts:?}"
    );
}

#[wasm_bindgen_test]
async fn arrow_keys_and_end_move_focus_through_unrendered_rows() {
    let root = container(300);
    let _handle = leptos::mount::mount_to(root.clone(), || {
        view! {
            <VirtualList count=5_000usize row_height=50.0 label="Rows" row=|i| view! { <a href="#" data-primary="">{format!("Row {i}")}</a> }/>
        }
    });
    settle().await;
    let first = query(&root, "[data-index='0'] a").remove(0);
    first.focus().expect("focus");
    key(&first, "ArrowDown", false);
    settle().await;
    assert_eq!(
        active().and_then(|a| a.text_content()).as_deref(),
        Some("Row 1")
    );
    let current = active().expect("focus");
    key(&current, "End", false);
    settle().await;
    assert_eq!(
        active().and_then(|a| a.text_content()).as_deref(),
        Some("Row 4999")
    );
    let current = active().expect("focus");
    key(&current, "Home", false);
    settle().await;
    assert_eq!(
        active().and_then(|a| a.text_content()).as_deref(),
        Some("Row 0")
    );
}

#[wasm_bindgen_test]
async fn a_dialog_traps_focus_closes_on_escape_and_returns_focus() {
    let root = container(400);
    let open = RwSignal::new(false);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        // The dialog's close button is labelled in the app's language.
        view! {
            <LocaleProvider>
                <button id="opener" on:click=move |_| open.set(true)>"Open"</button>
                <Dialog open=open title="Test dialog">
                    <input id="first-field"/>
                    <div class="dialog__actions">
                        <Button>"Cancel"</Button>
                        <button id="last-button">"OK"</button>
                    </div>
                </Dialog>
            </LocaleProvider>
        }
    });
    let opener: web_sys::HtmlElement = document()
        .get_element_by_id("opener")
        .expect("opener")
        .unchecked_into();
    opener.focus().expect("focus");
    opener.click();
    settle().await;
    let dialog = query(&root, "dialog").remove(0);
    assert!(dialog.has_attribute("open"), "the dialog is open");
    assert_eq!(
        active().map(|a| a.id()).as_deref(),
        Some("first-field"),
        "focus moves into the dialog"
    );

    let last: web_sys::HtmlElement = document()
        .get_element_by_id("last-button")
        .expect("last")
        .unchecked_into();
    last.focus().expect("focus");
    key(&last, "Tab", false);
    assert_eq!(
        active().map(|a| a.class_name()).as_deref(),
        Some("dialog__close"),
        "Tab on the last control wraps to the first"
    );
    let first = active().expect("focus");
    key(&first, "Tab", true);
    assert_eq!(
        active().map(|a| a.id()).as_deref(),
        Some("last-button"),
        "Shift+Tab on the first wraps to the last"
    );

    let current = active().expect("focus");
    key(&current, "Escape", false);
    settle().await;
    assert!(!open.get_untracked(), "Escape closes");
    assert!(!dialog.has_attribute("open"));
    assert_eq!(
        active().map(|a| a.id()).as_deref(),
        Some("opener"),
        "focus returns to the opener"
    );
}

#[wasm_bindgen_test]
async fn toasts_render_server_messages_as_text() {
    let root = container(200);
    let _handle = leptos::mount::mount_to(root.clone(), || {
        let toaster = provide_toaster();
        // The portal's words, shown as they came (a `Said` from a `String` is not translated).
        toaster.error(
            Said::from("Room not created".to_string()),
            Said::from("<img src=x onerror=alert(1)>".to_string()),
        );
        view! { <LocaleProvider><ToastRegion/></LocaleProvider> }
    });
    settle().await;
    let msg = query(&root, "[data-testid='toast-message']").remove(0);
    assert_eq!(
        msg.text_content().as_deref(),
        Some("<img src=x onerror=alert(1)>")
    );
    assert!(
        query(&root, "img").is_empty(),
        "no element was created from the text"
    );
    let toast = query(&root, "[data-testid='toast']").remove(0);
    assert_eq!(toast.get_attribute("role").as_deref(), Some("alert"));
    // Dismissing removes it.
    query(&root, ".toast__close").remove(0).click();
    settle().await;
    assert!(query(&root, "[data-testid='toast']").is_empty());
}

/// Sizes, counts and plural forms come from the browser's `Intl`, per language: what the
/// native unit tests (which have no `Intl`) cannot check.
#[wasm_bindgen_test]
fn sizes_counts_and_plurals_follow_the_language() {
    use docspace_embed::locale::{Plural, format_count, format_size, plural};
    // Some languages separate with a (narrow) no-break space; compare as plain spaces.
    let plain = |s: String| s.replace(['\u{a0}', '\u{202f}'], " ");
    assert_eq!(plain(format_size(1536, "en")), "1.5 kB");
    assert_eq!(plain(format_size(1536, "de")), "1,5 kB");
    assert_eq!(plain(format_size(512, "en")), "512 bytes");
    assert_eq!(plain(format_count(12_345, "en")), "12,345");
    assert_eq!(plain(format_count(12_345, "de")), "12.345");
    assert_eq!(plain(format_count(12_345, "ru")), "12 345");
    assert_eq!(plural(1, "en"), Plural::One);
    assert_eq!(plural(3, "ru"), Plural::Few);
    assert_eq!(plural(5, "ru"), Plural::Many);
    assert_eq!(plural(21, "ru"), Plural::One);
    assert_eq!(plural(2, "de"), Plural::Other);
}
