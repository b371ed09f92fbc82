//! `cargo xtask minify-js`: minifies the JavaScript of a release build (Trunk's `post_build` hook
//! for the bench pages; the app's `split` step calls it itself).
//!
//! Trunk minifies HTML and CSS, but not the bindings wasm-bindgen writes: about 50 KB of
//! readable JavaScript for a one-frame page. terser (npm, a pure JavaScript package, so nothing
//! is downloaded at build time) takes a quarter off their brotli size. Properties are not
//! mangled: the wasm module imports the bindings' functions by their property names.

use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::cmd;

/// Entry point of the hook: minifies Trunk's staging directory in release builds only (a debug
/// build stays readable).
pub fn run() -> anyhow::Result<()> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .context(
            "TRUNK_STAGING_DIR is not set: `cargo xtask minify-js` runs as Trunk's post_build hook",
        )?;
    if std::env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release") {
        tree(&cmd::workspace_root(), &staging)?;
    }
    Ok(())
}

/// Every `.js` file under `dir`, in place.
pub fn tree(root: &Path, dir: &Path) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            tree(root, &path)?;
        } else if path.extension().is_some_and(|e| e == "js") {
            file(root, &path)?;
        }
    }
    Ok(())
}

fn file(root: &Path, path: &Path) -> anyhow::Result<()> {
    let out = path.with_extension("min.js");
    let mut c = cmd::command(root, "terser");
    c.arg(path)
        .args(["--module", "--compress", "--mangle", "--output"])
        .arg(&out);
    cmd::run(c).with_context(|| format!("terser {}", path.display()))?;
    std::fs::rename(&out, path)?;
    Ok(())
}
