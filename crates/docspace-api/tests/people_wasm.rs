//! The client in headless Chromium against the devportal that `cargo xtask test` starts:
//! real `fetch`, real cross-origin CORS.

#![cfg(target_arch = "wasm32")]

use docspace_api::{Client, Error};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn portal() -> (&'static str, &'static str) {
    match (
        option_env!("DOCSPACE_TEST_PORTAL"),
        option_env!("DOCSPACE_TEST_API_KEY"),
    ) {
        (Some(url), Some(key)) => (url, key),
        _ => panic!(
            "DOCSPACE_TEST_PORTAL/DOCSPACE_TEST_API_KEY unset: run these tests with `cargo xtask test`"
        ),
    }
}

#[wasm_bindgen_test]
async fn me_works_cross_origin_with_an_api_key() {
    let (url, key) = portal();
    let client = Client::builder(url).api_key(key).build().expect("client");
    let me = client.people().me().await.expect("me");
    assert_eq!(me.email.as_deref(), Some("owner@example.com"));
    assert!(me.is_owner);
}

#[wasm_bindgen_test]
async fn a_wrong_key_is_unauthorized_in_the_browser() {
    let (url, _) = portal();
    let client = Client::builder(url)
        .api_key(format!("sk-{}", "2".repeat(64)))
        .build()
        .expect("client");
    let err = client.people().me().await.expect_err("must fail");
    assert!(matches!(err, Error::Unauthorized { .. }), "{err:?}");
}
