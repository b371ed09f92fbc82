//! The shared integration tests, natively: each against its own in-process devportal over
//! loopback HTTP, with DocSpace's rate limits on.

#![cfg(not(target_arch = "wasm32"))]

mod common;

for_each_shared_test!(native_test);
