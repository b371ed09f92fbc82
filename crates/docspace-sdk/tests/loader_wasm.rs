//! Loading the official api.js from the devportal in headless Chromium.

#![cfg(target_arch = "wasm32")]

use docspace_sdk::{SdkError, SdkVersion, load_sdk};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn portal() -> &'static str {
    option_env!("DOCSPACE_TEST_PORTAL").unwrap_or_else(|| {
        panic!("DOCSPACE_TEST_PORTAL unset: run these tests with `cargo xtask test`")
    })
}

fn has_init_frame(sdk: &JsValue) -> bool {
    js_sys::Reflect::get(sdk, &JsValue::from_str("initFrame")).is_ok_and(|f| f.is_function())
}

#[wasm_bindgen_test]
async fn both_versions_load_and_keep_their_sdk_object() {
    // 2.1.0 first: its bundle overwrites window.DocSpace with undefined unless trapped.
    let v21 = load_sdk(portal(), SdkVersion::V2_1_0)
        .await
        .expect("2.1.0 loads");
    let v20 = load_sdk(portal(), SdkVersion::V2_0_0)
        .await
        .expect("2.0.0 loads");
    assert!(has_init_frame(v21.raw()), "2.1.0 SDK object");
    assert!(has_init_frame(v20.raw()), "2.0.0 SDK object");
    assert!(
        !JsValue::eq(v21.raw(), v20.raw()),
        "each version keeps its own SDK object"
    );
}

#[wasm_bindgen_test]
async fn concurrent_loads_share_one_script_tag() {
    let (a, b) = futures::join!(
        load_sdk(portal(), SdkVersion::V2_1_0),
        load_sdk(portal(), SdkVersion::V2_1_0)
    );
    let (a, b) = (a.expect("a"), b.expect("b"));
    assert!(JsValue::eq(a.raw(), b.raw()));
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let tags = doc
        .query_selector_all(&format!(
            "script[src=\"{}\"]",
            SdkVersion::V2_1_0.script_url(portal())
        ))
        .expect("query");
    assert_eq!(tags.length(), 1);
}

#[wasm_bindgen_test]
async fn an_unreachable_script_is_a_typed_error() {
    // A port nothing listens on: the script tag fails to load.
    let err = load_sdk("http://127.0.0.1:9", SdkVersion::V2_1_0)
        .await
        .expect_err("fails");
    assert!(matches!(err, SdkError::ScriptUnreachable { .. }), "{err:?}");
}

#[wasm_bindgen_test]
async fn a_non_origin_portal_is_rejected() {
    let err = load_sdk("127.0.0.1:8092/x", SdkVersion::V2_1_0)
        .await
        .expect_err("fails");
    assert!(matches!(err, SdkError::InvalidPortal(_)), "{err:?}");
}
