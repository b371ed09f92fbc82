//! Two build steps for the app.
//!
//! - Translations: `locales/<locale>.json` become the `i18n` module (`src/i18n/mod.rs` includes
//!   it) through `leptos_i18n_build`, so every `t!` key is checked at compile time. A key missing
//!   from a locale is only a warning here (it falls back to English); the `locales_agree` test
//!   makes it a failure.
//! - Split builds (feature `split`, wasm32): keep the linker's relocations in the app's wasm.
//!   wasm-split (`cargo xtask split`) reads them to move each lazy page's code into its own chunk;
//!   cargo-leptos passes the same `--emit-relocs` for `--split`. A link argument, not RUSTFLAGS,
//!   so only the final link changes and no dependency is rebuilt.

use std::error::Error;
use std::path::PathBuf;

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

/// The app's languages: English first (the default and the fallback), then the others.
/// `src/i18n/mod.rs` names each in its own language for the picker.
const LOCALES: [&str; 5] = ["en", "de", "fr", "es", "ru"];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=build.rs");
    translations()?;
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    Ok(())
}

fn translations() -> Result<(), Box<dyn Error>> {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo sets OUT_DIR")?);
    let config = Config::new(LOCALES[0])?
        .add_locales(&LOCALES[1..])?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let infos = TranslationsInfos::parse(config)?;
    // The folder, relative to the package: leptos_i18n_build's own `rerun_if_locales_changed`
    // names each file by its absolute path, so a clone elsewhere (CI's) reran this script and
    // rebuilt the app although no translation had changed.
    println!("cargo:rerun-if-changed=locales");
    infos.emit_diagnostics();
    infos.generate_i18n_module(out.join("i18n"))?;
    Ok(())
}
