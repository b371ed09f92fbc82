//! The shared integration tests, natively: each against its own in-process devportal over
//! loopback HTTP, with DocSpace's rate limits on.

#![cfg(not(target_arch = "wasm32"))]

mod common;

macro_rules! native_test {
    ($name:ident) => {
        #[tokio::test]
        async fn $name() {
            let (portal, fx) = common::own_portal().await;
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
