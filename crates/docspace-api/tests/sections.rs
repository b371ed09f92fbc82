//! My documents, Recent and Favourites through the typed client, natively, each test against
//! its own in-process devportal over loopback HTTP (the browser runs the same bodies from
//! `wasm.rs`).

#![cfg(not(target_arch = "wasm32"))]

#[allow(unused_imports)] // The shared suite re-exports what other test binaries use.
mod common;

use common::Fixture;
use docspace_devportal::{PortalConfig, RunningPortal};

async fn portal() -> (RunningPortal, Fixture) {
    let portal = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("devportal");
    let fx = Fixture {
        base_url: portal.base_url(),
        api_key: portal.owner.api_key.clone(),
        password: portal.owner.password.clone(),
    };
    (portal, fx)
}

macro_rules! native_test {
    ($name:ident) => {
        #[tokio::test]
        async fn $name() {
            let (_portal, fx) = portal().await;
            common::sections_suite::$name(&fx).await;
        }
    };
}

for_each_sections_test!(native_test);
