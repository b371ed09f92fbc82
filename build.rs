//! Split builds (feature `split`, wasm32): keep the linker's relocations in the app's wasm.
//! wasm-split (`cargo xtask split`) reads them to move each lazy page's code into its own chunk;
//! cargo-leptos passes the same `--emit-relocs` for `--split`. A link argument, not RUSTFLAGS, so
//! only the final link changes and no dependency is rebuilt.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
