//! A file's versions and external links through the typed client, natively, each test against
//! its own in-process devportal over loopback HTTP (the browser runs the same bodies from
//! `wasm.rs`).

#![cfg(not(target_arch = "wasm32"))]

#[allow(unused_imports)] // The shared suite re-exports what other test binaries use.
mod common;

macro_rules! native_test {
    ($name:ident) => {
        #[tokio::test]
        async fn $name() {
            let (_portal, fx) = common::own_portal().await;
            common::versions_links_suite::$name(&fx).await;
        }
    };
}

for_each_versions_links_test!(native_test);
