//! The shared integration tests in headless Chromium: real `fetch`, real cross-origin CORS,
//! against the devportal `cargo xtask test --only wasm` starts.

#![cfg(target_arch = "wasm32")]

mod common;

use common::Fixture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fixture() -> Fixture {
    match (
        option_env!("DOCSPACE_TEST_PORTAL"),
        option_env!("DOCSPACE_TEST_API_KEY"),
        option_env!("DOCSPACE_TEST_PASSWORD"),
    ) {
        (Some(url), Some(key), Some(password)) => Fixture {
            base_url: url.to_string(),
            api_key: key.to_string(),
            password: password.to_string(),
        },
        _ => panic!(
            "DOCSPACE_TEST_PORTAL, DOCSPACE_TEST_API_KEY and DOCSPACE_TEST_PASSWORD are unset: \
             run these tests with `cargo xtask test --only wasm`"
        ),
    }
}

macro_rules! wasm_test {
    ($name:ident) => {
        #[wasm_bindgen_test]
        async fn $name() {
            common::suite::$name(&fixture()).await;
        }
    };
}

for_each_shared_test!(wasm_test);

macro_rules! wasm_versions_links_test {
    ($name:ident) => {
        #[wasm_bindgen_test]
        async fn $name() {
            common::versions_links_suite::$name(&fixture()).await;
        }
    };
}

for_each_versions_links_test!(wasm_versions_links_test);

macro_rules! wasm_templates_test {
    ($name:ident) => {
        #[wasm_bindgen_test]
        async fn $name() {
            common::templates_suite::$name(&fixture()).await;
        }
    };
}

for_each_templates_test!(wasm_templates_test);

/// WebCrypto's PBKDF2 and the pure-Rust one agree (the browser uses the first for speed).
#[wasm_bindgen_test]
async fn webcrypto_and_rust_pbkdf2_agree() {
    use docspace_api::models::PasswordHashParams;
    use docspace_api::password::{hash, hash_blocking, webcrypto};
    for (pw, salt, iterations) in [
        ("passwd", "salt", 1),
        ("pässwörd 🔑", "5a9e0c", 1000),
        ("", "s", 3),
        ("correct horse battery staple", "00ff", 100_000),
    ] {
        let p = PasswordHashParams {
            size: 256,
            iterations,
            salt: salt.into(),
        };
        let web = webcrypto::hash(pw, &p)
            .await
            .expect("WebCrypto is available");
        assert_eq!(
            web,
            hash_blocking(pw, &p).expect("rust"),
            "{pw}/{salt}/{iterations}"
        );
        assert_eq!(hash(pw, &p).await.expect("hash"), web);
    }
}
