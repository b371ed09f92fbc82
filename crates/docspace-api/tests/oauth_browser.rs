//! The browser side of the OAuth flow in headless Chromium: the pending request waits in the
//! tab's `sessionStorage` (never `localStorage`), is answered once, and the address bar loses
//! the code.

#![cfg(target_arch = "wasm32")]

use docspace_api::oauth::browser::{self, SessionStorage};
use docspace_api::oauth::{AuthorizationFlow, FlowStorage, OAuthError, PENDING_KEY, Scope};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storages() -> (web_sys::Storage, web_sys::Storage) {
    let w = web_sys::window().expect("window");
    (
        w.session_storage().expect("session").expect("session"),
        w.local_storage().expect("local").expect("local"),
    )
}

#[wasm_bindgen_test]
fn the_pending_request_lives_in_session_storage_and_is_answered_once() {
    let (session, local) = storages();
    let flow = AuthorizationFlow::new("https://portal.test", "cid", "https://app.test/cb")
        .scopes([Scope::RoomsRead]);
    let store = SessionStorage::open().expect("sessionStorage");
    let url = flow.start(&store, "/rooms/7").expect("url");
    let kept = session.get_item(PENDING_KEY).expect("get").expect("kept");
    assert!(local.get_item(PENDING_KEY).expect("get").is_none());
    let v: serde_json::Value = serde_json::from_str(&kept).expect("json");
    let state = v["state"].as_str().expect("state");
    assert!(url.contains(&format!("state={state}")));
    assert!(!url.contains(v["verifier"].as_str().expect("verifier")));
    let back = format!("https://app.test/cb?code=c&state={state}");
    let (code, _, to) = flow.callback(&store, &back).expect("answered");
    assert_eq!((code.as_str(), to.as_str()), ("c", "/rooms/7"));
    assert!(store.get(PENDING_KEY).is_none());
    assert_eq!(
        flow.callback(&store, &back).err(),
        Some(OAuthError::NotStarted)
    );
}

#[wasm_bindgen_test]
fn the_code_leaves_the_address_bar() {
    let before = browser::current_url().expect("url");
    let path = web_sys::window()
        .expect("window")
        .location()
        .pathname()
        .expect("path");
    browser::replace_url(&format!("{path}?code=abc&state=xyz"));
    assert!(browser::is_redirect_back_here());
    browser::replace_url(&path);
    assert!(!browser::is_redirect_back_here());
    let after = browser::current_url().expect("url");
    assert!(!after.contains("code="), "{after}");
    // Only the path stays (the runner's own `#…` fragment goes too).
    let bare = |u: &str| u.split(['?', '#']).next().unwrap_or("").to_string();
    assert_eq!(bare(&after), bare(&before));
}
