//! `cargo xtask minify-js`: minifies the JavaScript of a release build and shortens the names it
//! shares with the wasm (`short_names.rs`) (Trunk's `post_build` hook for the bench pages; the
//! app's `split` step calls it itself).
//!
//! Trunk minifies HTML and CSS, but not the bindings wasm-bindgen writes: about 50 KB of
//! readable JavaScript for a one-frame page. terser (npm, a pure JavaScript package, so nothing
//! is downloaded at build time) takes a quarter off their brotli size. Properties are not
//! mangled: the wasm module imports the bindings' functions by their property names.

use std::path::{Path, PathBuf};

use anyhow::Context;
use base64::Engine;
use sha2::{Digest, Sha256, Sha384, Sha512};

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

/// Every `.js` file under `staging`, in place, then the short names of each wasm and bindings
/// pair; then the Subresource Integrity hashes Trunk wrote into `index.html` for them are made to
/// match again (a stale hash makes the browser refuse the module, and the page never starts).
pub fn tree(root: &Path, staging: &Path) -> anyhow::Result<()> {
    let mut changed = Vec::new();
    minify_under(root, staging, &mut changed)?;
    for path in crate::short_names::tree(staging)? {
        if !changed.contains(&path) {
            changed.push(path);
        }
    }
    let index = staging.join("index.html");
    if index.exists() {
        let html = std::fs::read_to_string(&index)?;
        let mut files = Vec::new();
        for path in &changed {
            let rel = path
                .strip_prefix(staging)?
                .to_string_lossy()
                .replace('\\', "/");
            files.push((rel, std::fs::read(path)?));
        }
        std::fs::write(&index, refresh_integrity(&html, &files))?;
    }
    Ok(())
}

fn minify_under(root: &Path, dir: &Path, changed: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            minify_under(root, &path, changed)?;
        } else if path.extension().is_some_and(|e| e == "js") {
            file(root, &path)?;
            changed.push(path);
        }
    }
    Ok(())
}

/// `html` with the `integrity` of every tag whose `href` or `src` names one of `files` (a path
/// relative to the page's root, with its new content) recomputed, in the algorithm it had.
/// Works on Trunk's minified HTML (unquoted attributes) and on quoted attributes alike.
fn refresh_integrity(html: &str, files: &[(String, Vec<u8>)]) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + len + 1];
        out.push_str(&retag(tag, files));
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

fn retag(tag: &str, files: &[(String, Vec<u8>)]) -> String {
    let Some((old, alg)) = attr(tag, "integrity").and_then(|v| {
        let (alg, _) = v.split_once('-')?;
        Some((v, alg))
    }) else {
        return tag.to_string();
    };
    let Some(url) = attr(tag, "href").or_else(|| attr(tag, "src")) else {
        return tag.to_string();
    };
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let Some((_, bytes)) = files
        .iter()
        .find(|(rel, _)| path.ends_with(&format!("/{rel}")))
    else {
        return tag.to_string();
    };
    let digest = match alg {
        "sha256" => Sha256::digest(bytes).to_vec(),
        "sha384" => Sha384::digest(bytes).to_vec(),
        "sha512" => Sha512::digest(bytes).to_vec(),
        _ => return tag.to_string(),
    };
    let new = format!(
        "{alg}-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    );
    tag.replacen(old, &new, 1)
}

/// The value of attribute `name` in `tag`, quoted or not.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before = tag[..at].chars().next_back();
        if !before.is_some_and(char::is_whitespace) || !tag[from..].starts_with('=') {
            continue;
        }
        let value = &tag[from + 1..];
        return match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next(),
            _ => value.split([' ', '>', '\t', '\n']).next(),
        };
    }
    None
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

#[cfg(test)]
mod tests {
    use super::*;

    fn sri(alg: &str, bytes: &[u8]) -> String {
        let d = match alg {
            "sha256" => Sha256::digest(bytes).to_vec(),
            _ => Sha384::digest(bytes).to_vec(),
        };
        format!(
            "{alg}-{}",
            base64::engine::general_purpose::STANDARD.encode(d)
        )
    }

    #[test]
    fn integrity_is_recomputed_for_the_minified_files_only() {
        let files = vec![
            ("app-1.js".to_string(), b"new app".to_vec()),
            ("snippets/x/inline0.js".to_string(), b"new snippet".to_vec()),
        ];
        // Trunk's minified HTML (unquoted) and a quoted form; a CSS file that was not minified.
        let html = concat!(
            "<link href=/app-1.js integrity=sha384-OLD rel=modulepreload>",
            "<link href=\"/base/snippets/x/inline0.js\" integrity=\"sha256-OLD\" rel=modulepreload>",
            "<link href=/app.css integrity=sha384-KEEP rel=stylesheet><p>text > more</p>"
        );
        let out = refresh_integrity(html, &files);
        assert!(
            out.contains(&format!("integrity={}", sri("sha384", b"new app"))),
            "{out}"
        );
        assert!(
            out.contains(&format!("integrity=\"{}\"", sri("sha256", b"new snippet"))),
            "{out}"
        );
        assert!(out.contains("integrity=sha384-KEEP"), "{out}");
        assert!(out.ends_with("<p>text > more</p>"), "{out}");
        assert!(!out.contains("OLD"), "{out}");
    }
}
