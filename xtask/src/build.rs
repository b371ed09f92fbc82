//! Building the app with Trunk and precompressing it for the host.

use std::path::Path;

use anyhow::Context;

use crate::cmd::{self, step};

/// `trunk build --release` into `dist/`, then brotli and gzip copies of every text and wasm file.
pub fn app_release(root: &Path) -> anyhow::Result<()> {
    step("cargo fetch", || {
        let mut c = cmd::cargo(root);
        c.args(["fetch", "--locked"]);
        cmd::run(c)
    })?;
    step("trunk build --release", || {
        let mut c = cmd::command(root, "trunk");
        c.args(["build", "--release"]);
        cmd::run(c)
    })?;
    step("precompress dist/", || precompress(&root.join("dist")))
}

fn precompress(dir: &Path) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            precompress(&path)?;
            continue;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !matches!(ext, "html" | "js" | "css" | "wasm" | "json" | "svg" | "txt") {
            continue;
        }
        let data = std::fs::read(&path)?;
        let mut br = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut data.as_slice(), &mut br, &params)?;
        std::fs::write(with_suffix(&path, "br"), br)?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut gz, &data)?;
        std::fs::write(with_suffix(&path, "gz"), gz.finish()?)?;
    }
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".");
    s.push(suffix);
    s.into()
}
