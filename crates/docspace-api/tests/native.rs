//! The shared integration tests, natively: each against its own in-process devportal over
//! loopback HTTP, with DocSpace's rate limits on.

#![cfg(not(target_arch = "wasm32"))]

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
            let (portal, fx) = portal().await;
            common::suite::$name(&fx).await;
            let stats = portal.stats();
            assert_eq!(
                stats.rate_limited, 0,
                "the client tripped a rate limit: {stats:?}"
            );
        }
    };
}

for_each_shared_test!(native_test);
