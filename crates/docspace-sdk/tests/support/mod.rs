//! Shared helpers of the wasm tests: the devportal `cargo xtask test` starts, REST calls with the
//! owner's API key (fixtures only), hosts for frames, waiting.

#![allow(dead_code)] // Each test file uses a different subset.

use std::time::Duration;

use docspace_sdk::{Frame, FrameEvents, FrameOptions, FrameStatus, LoginOutcome, SdkVersion};
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The devportal's origin.
pub fn portal() -> &'static str {
    option_env!("DOCSPACE_TEST_PORTAL").unwrap_or_else(|| {
        panic!("DOCSPACE_TEST_PORTAL unset: run these tests with `cargo xtask test --only wasm`")
    })
}

/// The devportal owner's API key (a fixture of the test portal).
pub fn api_key() -> &'static str {
    option_env!("DOCSPACE_TEST_API_KEY")
        .unwrap_or_else(|| panic!("DOCSPACE_TEST_API_KEY unset: run with `cargo xtask test`"))
}

/// The devportal owner's password (a fixture of the test portal).
pub fn password() -> &'static str {
    option_env!("DOCSPACE_TEST_PASSWORD")
        .unwrap_or_else(|| panic!("DOCSPACE_TEST_PASSWORD unset: run with `cargo xtask test`"))
}

/// The demo owner.
pub const OWNER: &str = "owner@example.com";

/// Both script versions.
pub const VERSIONS: [SdkVersion; 2] = [SdkVersion::V2_0_0, SdkVersion::V2_1_0];

pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// A fresh, sized element at the end of `<body>` to host a frame.
pub fn host() -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    el.set_attribute("style", "width:900px;height:600px")
        .expect("style");
    document()
        .body()
        .expect("body")
        .append_child(&el)
        .expect("append");
    el
}

pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32)
            .expect("timer");
    });
    JsFuture::from(promise).await.expect("sleep");
}

/// Polls `cond` every 50 ms for up to `ms`.
pub async fn wait_for(ms: u32, mut cond: impl FnMut() -> bool) -> bool {
    for _ in 0..ms.div_ceil(50) {
        if cond() {
            return true;
        }
        sleep(50).await;
    }
    cond()
}

/// A REST call to the devportal with the owner's API key; returns the envelope's `response`.
pub async fn rest(method: &str, path: &str, body: Option<Value>) -> Value {
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    let headers = web_sys::Headers::new().expect("headers");
    headers
        .set("Authorization", &format!("Bearer {}", api_key()))
        .expect("auth header");
    headers.set("Accept", "application/json").expect("accept");
    if let Some(b) = &body {
        headers
            .set("Content-Type", "application/json")
            .expect("content type");
        init.set_body(&b.to_string().into());
    }
    init.set_headers(&headers);
    let url = format!("{}/api/2.0/{}", portal(), path.trim_start_matches('/'));
    let resp: web_sys::Response = JsFuture::from(
        web_sys::window()
            .expect("window")
            .fetch_with_str_and_init(&url, &init),
    )
    .await
    .unwrap_or_else(|e| panic!("{method} {url}: {e:?}"))
    .unchecked_into();
    let text = JsFuture::from(resp.text().expect("text"))
        .await
        .expect("body")
        .as_string()
        .unwrap_or_default();
    assert!(resp.ok(), "{method} {url} → {}: {text}", resp.status());
    let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    v.get("response").cloned().unwrap_or(v)
}

thread_local! {
    static SIGNED_IN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Signs the owner in once per page. The devportal allows five sign-ins per 15 minutes per
/// client, so every test that needs a session shares one.
pub async fn ensure_signed_in() {
    if !SIGNED_IN.with(|s| s.get()) {
        sign_in(SdkVersion::V2_1_0).await;
    }
}

/// Signs the owner in through a system frame (the session every other frame needs).
pub async fn sign_in(version: SdkVersion) {
    let outcome = docspace_sdk::login_with(
        portal(),
        OWNER,
        password(),
        FrameOptions::default().version(version),
    )
    .await
    .unwrap_or_else(|e| panic!("sign-in with {version:?}: {e}"));
    assert!(
        matches!(outcome, LoginOutcome::SignedIn { .. }),
        "{outcome:?}"
    );
    SIGNED_IN.with(|s| s.set(true));
}

/// Forgets the session flag (after a test signed out).
pub fn signed_out() {
    SIGNED_IN.with(|s| s.set(false));
}

/// Mounts `config` and waits for it to be ready.
pub async fn ready_frame(
    host: &web_sys::HtmlElement,
    config: impl Into<docspace_sdk::FrameConfig>,
    events: FrameEvents,
    options: FrameOptions,
) -> Frame {
    let frame = Frame::mount(host, portal(), config, events, options);
    if let Err(e) = frame.ready().await {
        panic!(
            "{:?} frame not ready: {e} (status {:?})",
            frame.mode(),
            frame.status()
        );
    }
    assert_eq!(frame.status(), FrameStatus::Ready);
    frame
}

/// Test timeouts: generous, the machines are shared and slow.
pub fn options(version: SdkVersion) -> FrameOptions {
    FrameOptions::default()
        .version(version)
        .ready_timeout(Duration::from_secs(60))
        .call_timeout(Duration::from_secs(30))
}

/// The id of the demo room titled `title`.
pub async fn room_id(title: &str) -> i64 {
    let rooms = rest("GET", "files/rooms", None).await;
    rooms["folders"]
        .as_array()
        .and_then(|a| a.iter().find(|r| r["title"] == title))
        .and_then(|r| r["id"].as_i64())
        .unwrap_or_else(|| panic!("no demo room {title}: {rooms}"))
}

/// The id of the file titled `title` directly in folder `folder`.
pub async fn file_id(folder: i64, title: &str) -> i64 {
    let listing = rest("GET", &format!("files/{folder}"), None).await;
    listing["files"]
        .as_array()
        .and_then(|a| a.iter().find(|f| f["title"] == title))
        .and_then(|f| f["id"].as_i64())
        .unwrap_or_else(|| panic!("no file {title} in {folder}: {listing}"))
}

/// The share key of a room's primary external link.
pub async fn room_share_key(room: i64) -> String {
    let link = rest("GET", &format!("files/rooms/{room}/link"), None).await;
    link["sharedTo"]["requestToken"]
        .as_str()
        .or_else(|| link["sharedLink"]["requestToken"].as_str())
        .map(str::to_string)
        .unwrap_or_else(|| panic!("no share key for room {room}: {link}"))
}

/// Debugging aid: records every message the page receives (from now on).
pub fn record_messages() {
    let f = js_sys::Function::new_no_args(
        "if (!window.__msgs) { window.__msgs = []; window.addEventListener('message', e => window.__msgs.push(performance.now().toFixed(0) + ' ' + (typeof e.data === 'string' ? e.data.slice(0, 300) : typeof e.data))); }",
    );
    f.call0(&wasm_bindgen::JsValue::NULL).expect("record");
}

/// The recorded messages.
pub fn recorded_messages() -> String {
    let f = js_sys::Function::new_no_args("return (window.__msgs || []).join('\\n');");
    f.call0(&wasm_bindgen::JsValue::NULL)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A window on another origin that posts whatever the test asks to the page: a sandboxed
/// `srcdoc` iframe (opaque origin `null`), or with `same_origin` a plain one (the page's own
/// origin, still not the portal's).
pub struct Forger {
    iframe: web_sys::HtmlIFrameElement,
}

impl Forger {
    pub async fn new(same_origin: bool) -> Forger {
        let iframe: web_sys::HtmlIFrameElement = document()
            .create_element("iframe")
            .expect("iframe")
            .unchecked_into();
        if !same_origin {
            iframe
                .set_attribute("sandbox", "allow-scripts")
                .expect("sandbox");
        }
        iframe.set_srcdoc(
            "<script>window.addEventListener('message', e => { \
             if (e.source === parent) parent.postMessage(e.data, '*'); });</script>",
        );
        let (tx, rx) = futures::channel::oneshot::channel::<()>();
        let tx = std::cell::RefCell::new(Some(tx));
        let onload = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            if let Some(tx) = tx.borrow_mut().take() {
                let _ = tx.send(());
            }
        });
        iframe.set_onload(Some(onload.as_ref().unchecked_ref()));
        document()
            .body()
            .expect("body")
            .append_child(&iframe)
            .expect("append");
        let _ = rx.await;
        iframe.set_onload(None);
        drop(onload);
        Forger { iframe }
    }

    /// Has the forger post `message` (a JSON string) to the page.
    pub fn post(&self, message: &Value) {
        self.iframe
            .content_window()
            .expect("forger window")
            .post_message(&message.to_string().into(), "*")
            .expect("post to forger");
    }

    /// Has the forger post `text` exactly as given (for text that `serde_json` would not write).
    pub fn post_raw(&self, text: &str) {
        self.iframe
            .content_window()
            .expect("forger window")
            .post_message(&text.into(), "*")
            .expect("post to forger");
    }

    pub fn remove(self) {
        self.iframe.remove();
    }
}

/// A page-level `message` listener registered after the bridge's guard, as another script of the
/// page would be: it records the string messages that reach it. Removed when dropped.
pub struct PageListener {
    seen: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
    listener: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl PageListener {
    pub fn listen() -> PageListener {
        let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
        let log = seen.clone();
        let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |e: web_sys::MessageEvent| {
                if let Some(s) = e.data().as_string() {
                    log.borrow_mut().push(s);
                }
            },
        );
        web_sys::window()
            .expect("window")
            .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref())
            .expect("listen");
        PageListener { seen, listener }
    }

    /// The messages seen so far.
    pub fn seen(&self) -> Vec<String> {
        self.seen.borrow().clone()
    }

    pub fn clear(&self) {
        self.seen.borrow_mut().clear();
    }
}

impl Drop for PageListener {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback(
                "message",
                self.listener.as_ref().unchecked_ref(),
            );
        }
    }
}

/// A frame that never answers: the manager mode pointed at a path with no frame page.
pub fn silent_config() -> docspace_sdk::FrameConfig {
    docspace_sdk::ManagerConfig::new()
        .root_path("/no-such-page/")
        .into()
}

/// Starts counting the `message` listeners registered on `window` (wraps add/removeEventListener
/// of this page's window).
pub fn track_message_listeners() {
    js_sys::Function::new_no_args(
        "if (window.__trackedListeners) return; const live = new Set(); window.__trackedListeners = live; \
         const add = window.addEventListener, remove = window.removeEventListener; \
         window.addEventListener = function (t, f, o) { if (t === 'message') live.add(f); return add.call(this, t, f, o); }; \
         window.removeEventListener = function (t, f, o) { if (t === 'message') live.delete(f); return remove.call(this, t, f, o); };",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .expect("track listeners");
}

/// `message` listeners registered since tracking started and not removed.
pub fn live_message_listeners() -> u32 {
    js_sys::Function::new_no_args(
        "return window.__trackedListeners ? window.__trackedListeners.size : -1;",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .ok()
    .and_then(|v| v.as_f64())
    .map_or(u32::MAX, |n| n as u32)
}

/// Whether any loaded SDK still registers `frame_id` (`window.DocSpace.SDK.frames`).
pub fn sdk_registers(frame_id: &str) -> bool {
    js_sys::Function::new_with_args(
        "id",
        "const d = window.DocSpace; return !!(d && d.SDK && d.SDK.frames && id in d.SDK.frames);",
    )
    .call1(&wasm_bindgen::JsValue::NULL, &frame_id.into())
    .ok()
    .and_then(|v| v.as_bool())
    .unwrap_or(true)
}

/// The iframes inside `el`.
pub fn iframes_in(el: &web_sys::Element) -> u32 {
    el.query_selector_all("iframe").map_or(0, |l| l.length())
}
