//! My documents, Recent and Favourites through the typed client, natively, each test against
//! its own in-process devportal over loopback HTTP (the browser runs the same bodies from
//! `wasm.rs`).

#![cfg(not(target_arch = "wasm32"))]

#[allow(unused_imports)] // The shared suite re-exports what other test binaries use.
mod common;

for_each_sections_test!(native_test);
