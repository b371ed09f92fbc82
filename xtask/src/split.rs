//! `cargo xtask split`: cuts the app's wasm at its lazy routes (Trunk's `post_build` hook).
//!
//! Trunk cannot split a wasm module (trunk-rs/trunk#1022), so this step runs after Trunk has built
//! the page and redoes the wasm part the way `cargo leptos --split` does
//! (leptos-rs/cargo-leptos: src/compile/front.rs, src/wasm_split_tools/mod.rs):
//!
//! 1. the cargo output, linked with `--emit-relocs` (build.rs, feature `split`), goes through
//!    wasm-split (`wasm_split_cli_support::transform`): a main module, one wasm chunk per lazy
//!    route (and shared chunks), and the loader `__wasm_split.js`, which fetches a chunk with
//!    `WebAssembly.instantiateStreaming(fetch(new URL(chunk, import.meta.url)))` when a lazy
//!    route is first visited and instantiates it against the main module's memory, table and
//!    exports (taken from the bindings' `initSync()`, i.e. the already started app);
//! 2. wasm-bindgen runs on the main module with `--keep-lld-exports` (the chunks import those);
//! 3. in release builds wasm-opt runs on every module (index.html turns Trunk's own wasm-opt off:
//!    it would only optimise the unsplit module this step replaces), then terser on the
//!    JavaScript and short names for what the main module and its bindings call each other by
//!    (`minify.rs`, `short_names.rs`: the chunks import only memory, table and globals).
//!
//! The results replace Trunk's JavaScript and wasm in the staging directory under Trunk's file
//! names, so index.html and its loader (`pattern_script` in Trunk.toml) stay as Trunk wrote them.
//! Chunks and the loader get content-hashed names, like Trunk's files, so they can be cached.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::cmd::{self, step};

/// The app's binary and the cargo profile index.html builds it with (`data-cargo-profile`).
const APP: &str = "docspace-embed";
const PROFILE: &str = "wasm-release";

/// wasm-opt for every module: `-Oz` plus the features rustc ≥ 1.87 emits (binaryen rejects them
/// otherwise; see trunk-rs/trunk#991).
pub const WASM_OPT_ARGS: &[&str] = &[
    "-Oz",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-multivalue",
];

/// The loader's name as wasm-split writes it into the main module's imports; renamed afterwards.
const LINK_NAME: &str = "__wasm_split.js";

/// Entry point of the hook: reads Trunk's hook environment.
pub fn run() -> anyhow::Result<()> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .context(
            "TRUNK_STAGING_DIR is not set: `cargo xtask split` runs as Trunk's post_build hook",
        )?;
    let release = std::env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release");
    let root = cmd::workspace_root();
    let input = cmd::target_dir(&root)
        .join("wasm32-unknown-unknown")
        .join(PROFILE)
        .join(format!("{APP}.wasm"));
    split_into(&root, &input, &staging, release)?;
    if release {
        // Here rather than as a second hook: Trunk does not promise an order between hooks.
        step(
            "minify the JavaScript and shorten the bindings' names",
            || crate::minify::tree(&root, &staging),
        )?;
    }
    Ok(())
}

/// Splits `input` (cargo's output) and replaces Trunk's files in `staging`.
pub fn split_into(root: &Path, input: &Path, staging: &Path, release: bool) -> anyhow::Result<()> {
    let trunk = TrunkFiles::find(staging)?;
    // Per process: the target directory may be shared by several checkouts building at once.
    let work = cmd::target_dir(root).join(format!("wasm-split-{}", std::process::id()));
    if work.exists() {
        std::fs::remove_dir_all(&work)?;
    }
    std::fs::create_dir_all(&work)?;

    let result = split_in(root, input, staging, release, &trunk, &work);
    // For size analysis (twiggy): the modules before wasm-opt still carry their function names.
    if let Some(keep) = std::env::var_os("DOCSPACE_SPLIT_KEEP") {
        let _ = std::fs::remove_dir_all(&keep);
        copy_dir(&work, Path::new(&keep))?;
    }
    // Also after a failure: the work files are large.
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn split_in(
    root: &Path,
    input: &Path,
    staging: &Path,
    release: bool,
    trunk: &TrunkFiles,
    work: &Path,
) -> anyhow::Result<()> {
    let chunks = step("wasm-split", || {
        let wasm = std::fs::read(input).with_context(|| format!("reading {}", input.display()))?;
        let main_module = format!("./{}", trunk.js_name());
        let main_out = work.join("main.wasm");
        let link_name = format!("./{LINK_NAME}");
        let split = wasm_split_cli_support::transform({
            let mut o = wasm_split_cli_support::Options::new(&wasm);
            o.output_dir = work;
            o.main_out_path = &main_out;
            o.main_module = &main_module;
            o.link_name = &link_name;
            o
        })
        .map_err(|e| anyhow::anyhow!("wasm-split: {e:?}"))?;
        Ok(split.split_modules)
    })?;

    step("wasm-bindgen (main module)", || {
        let mut c = cmd::command(root, "wasm-bindgen");
        c.args(["--target", "web", "--keep-lld-exports", "--no-typescript"])
            .arg("--out-name")
            .arg(APP)
            .arg("--out-dir")
            .arg(work.join("bindgen"))
            .arg(work.join("main.wasm"));
        cmd::run(c)
    })?;
    let bindgen = work.join("bindgen");

    let mut modules: Vec<PathBuf> = vec![bindgen.join(format!("{APP}_bg.wasm"))];
    modules.extend(chunks.iter().cloned());
    if let Some(keep) = std::env::var_os("DOCSPACE_SPLIT_KEEP") {
        let named = Path::new(&keep).with_extension("named");
        let _ = std::fs::remove_dir_all(&named);
        std::fs::create_dir_all(&named)?;
        for module in &modules {
            std::fs::copy(module, named.join(file_name(module)?))?;
        }
    }
    if release {
        step(&format!("wasm-opt ({} modules)", modules.len()), || {
            wasm_opt_all(root, &modules)
        })?;
    }

    step("replace Trunk's wasm and JavaScript", || {
        // Chunks under content-hashed names, referenced from the loader.
        let mut link =
            std::fs::read_to_string(work.join(LINK_NAME)).context("wasm-split wrote no loader")?;
        for chunk in &chunks {
            let name = file_name(chunk)?;
            let hashed = hashed_name(chunk)?;
            link = relink(&link, "new URL(", &name, &hashed).context("the loader")?;
            std::fs::copy(chunk, staging.join(&hashed))?;
        }
        let link_hashed = format!("__wasm_split-{:016x}.js", hash(link.as_bytes()));
        std::fs::write(staging.join(&link_hashed), &link)?;

        let js = std::fs::read_to_string(bindgen.join(format!("{APP}.js")))?;
        // The import statements only: the wasm's imports keep the module name wasm-split gave
        // them, and the bindings' import object is keyed by it.
        let js = relink(&js, "from ", LINK_NAME, &link_hashed)
            .context("the bindings (was the app built with feature `split`?)")?;
        std::fs::write(&trunk.js, js)?;
        std::fs::copy(&modules[0], &trunk.wasm)?;

        let snippets = staging.join("snippets");
        if snippets.exists() {
            std::fs::remove_dir_all(&snippets)?;
        }
        if bindgen.join("snippets").exists() {
            copy_dir(&bindgen.join("snippets"), &snippets)?;
        }
        Ok(())
    })
}

/// Trunk's bindings and wasm in the staging directory (`docspace-embed-<hash>.js`, `…_bg.wasm`).
struct TrunkFiles {
    js: PathBuf,
    wasm: PathBuf,
}

impl TrunkFiles {
    fn find(staging: &Path) -> anyhow::Result<Self> {
        let mut js = Vec::new();
        for entry in std::fs::read_dir(staging)? {
            let path = entry?.path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            if name.starts_with(&format!("{APP}-")) && name.ends_with(".js") {
                js.push(path);
            }
        }
        let [js] = <[PathBuf; 1]>::try_from(js).map_err(|found| {
            anyhow::anyhow!(
                "expected one {APP}-*.js in {}, found {found:?}",
                staging.display()
            )
        })?;
        let wasm = js.with_file_name(format!(
            "{}_bg.wasm",
            js.file_stem().and_then(|s| s.to_str()).unwrap_or_default()
        ));
        if !wasm.exists() {
            bail!("Trunk's wasm {} is missing", wasm.display());
        }
        Ok(Self { js, wasm })
    }

    fn js_name(&self) -> String {
        self.js
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// wasm-opt in place on every module, two at a time (the machines have two cores).
fn wasm_opt_all(root: &Path, modules: &[PathBuf]) -> anyhow::Result<()> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| -> anyhow::Result<()> {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        let Some(m) = modules.get(i) else {
                            return Ok(());
                        };
                        let mut c = cmd::command(root, "wasm-opt");
                        c.args(WASM_OPT_ARGS).arg(m).arg("-o").arg(m);
                        cmd::run(c)?;
                    }
                })
            })
            .collect();
        workers.into_iter().try_for_each(|w| {
            w.join()
                .unwrap_or_else(|_| bail!("wasm-opt worker panicked"))
        })
    })
}

/// `text` with every `{before}"./from"` (a module or file reference as wasm-split and wasm-bindgen
/// write them) made `{before}"./to"`. An error when there is none: the page would fetch a file
/// that is gone.
fn relink(text: &str, before: &str, from: &str, to: &str) -> anyhow::Result<String> {
    let quoted = format!("{before}\"./{from}\"");
    if !text.contains(&quoted) {
        bail!("no reference {quoted}");
    }
    Ok(text.replace(&quoted, &format!("{before}\"./{to}\"")))
}

fn file_name(p: &Path) -> anyhow::Result<String> {
    p.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_owned)
        .with_context(|| format!("no file name: {}", p.display()))
}

/// `split_a.wasm` → `split_a-<content hash>.wasm`.
fn hashed_name(p: &Path) -> anyhow::Result<String> {
    let stem = p
        .file_stem()
        .and_then(|s| s.to_str())
        .context("chunk name")?;
    let data = std::fs::read(p)?;
    Ok(format!("{stem}-{:016x}.wasm", hash(&data)))
}

/// A content hash for file names (cache busting, not security).
fn hash(data: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    data.hash(&mut h);
    h.finish()
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let path = entry?.path();
        let dest = to.join(path.file_name().context("entry name")?);
        if path.is_dir() {
            copy_dir(&path, &dest)?;
        } else {
            std::fs::copy(&path, &dest)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{TrunkFiles, relink};

    #[test]
    fn relink_replaces_whole_references_only() {
        let loader =
            r#"const a = new URL("./chunk_1.wasm", u); const b = new URL("./chunk_10.wasm", u);"#;
        let out = relink(loader, "new URL(", "chunk_1.wasm", "chunk_1-ab.wasm").expect("relinked");
        assert_eq!(
            out,
            r#"const a = new URL("./chunk_1-ab.wasm", u); const b = new URL("./chunk_10.wasm", u);"#
        );
        assert!(
            relink(
                "import x from './other.js'",
                "from ",
                "__wasm_split.js",
                "y.js"
            )
            .is_err()
        );
    }

    #[test]
    fn relink_moves_the_bindings_imports_but_not_the_wasm_import_keys() {
        // As wasm-bindgen 0.2.130 writes them: the wasm's import module name keys the imports
        // object and must stay as wasm-split wrote it into the wasm.
        let js = "import * as import6 from \"./__wasm_split.js\"\n\
                  import * as import7 from \"./__wasm_split.js\"\n\
                  const imports = { \"./__wasm_split.js\": import6, \"./__wasm_split.js\": import7 };";
        let out = relink(js, "from ", "__wasm_split.js", "__wasm_split-1.js").expect("relinked");
        assert_eq!(out.matches("from \"./__wasm_split-1.js\"").count(), 2);
        assert_eq!(out.matches("\"./__wasm_split.js\": import").count(), 2);
    }

    #[test]
    fn finds_trunks_bindings_and_wasm() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        assert!(TrunkFiles::find(d).is_err(), "nothing built yet");
        for f in [
            "docspace-embed-1a.js",
            "docspace-embed-1a_bg.wasm",
            "app-2b.css",
        ] {
            std::fs::write(d.join(f), "").expect("write");
        }
        let t = TrunkFiles::find(d).expect("found");
        assert_eq!(t.js_name(), "docspace-embed-1a.js");
        assert_eq!(t.wasm, d.join("docspace-embed-1a_bg.wasm"));
        std::fs::write(d.join("docspace-embed-3c.js"), "").expect("write");
        assert!(TrunkFiles::find(d).is_err(), "two builds: which one?");
    }
}
