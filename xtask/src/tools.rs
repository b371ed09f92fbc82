//! Installs what the build and tests need, skipping whatever is already present.
//!
//! Everything comes from the package registries these machines reach: rustup's wasm target, Trunk
//! and wasm-bindgen-cli from crates.io, wasm-opt, the official SDK and axe-core from npm, Chromium and
//! ChromeDriver from Debian. Nothing downloads a binary from anywhere else.

use std::path::Path;

use anyhow::{Context, bail};

use crate::cmd::{self, step};

/// Trunk version the project builds with (0.22 needs a newer rustc).
pub const TRUNK_VERSION: &str = "0.21.14";

/// Everything `cargo xtask run` needs.
pub fn ensure_build_tools(root: &Path) -> anyhow::Result<()> {
    ensure_wasm_target(root)?;
    // The two `cargo install`s take minutes each on a fresh machine; building them side by side
    // overlaps their serial phases (linking, the largest crates).
    std::thread::scope(|s| {
        let trunk = s.spawn(|| ensure_trunk(root));
        let bindgen = s.spawn(|| ensure_wasm_bindgen(root));
        let joined = |h: std::thread::ScopedJoinHandle<'_, anyhow::Result<()>>| {
            h.join()
                .unwrap_or_else(|_| bail!("installer thread panicked"))
        };
        joined(trunk).and(joined(bindgen))
    })?;
    ensure_npm_packages(root)
}

/// Chromium and ChromeDriver from Debian, for wasm and end-to-end tests.
pub fn ensure_browser() -> anyhow::Result<()> {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    step("install chromium and chromium-driver (Debian)", || {
        let sudo = !is_root();
        let apt = |args: &[&str]| {
            let mut c = if sudo {
                let mut c = std::process::Command::new("sudo");
                c.arg("apt-get");
                c
            } else {
                std::process::Command::new("apt-get")
            };
            c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
            cmd::run(c)
        };
        apt(&["update"])?;
        // One transaction keeps the browser and its driver on the same version.
        apt(&[
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
        ])
    })
}

fn is_root() -> bool {
    let mut c = std::process::Command::new("id");
    c.arg("-u");
    cmd::output(c).is_some_and(|s| s.trim() == "0")
}

fn ensure_wasm_target(root: &Path) -> anyhow::Result<()> {
    let installed = cmd::output({
        let mut c = cmd::command(root, "rustup");
        c.args(["target", "list", "--installed"]);
        c
    })
    .unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    step("rustup target add wasm32-unknown-unknown", || {
        let mut c = cmd::command(root, "rustup");
        c.args(["target", "add", "wasm32-unknown-unknown"]);
        cmd::run(c)
    })
}

/// Whether `cargo nextest` runs here. It comes with the machines this project is tested on; a
/// machine without it runs the native tests with `cargo test`, which only takes longer.
pub fn has_nextest(root: &Path) -> bool {
    let mut c = cmd::cargo(root);
    c.args(["nextest", "--version"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    c.status().is_ok_and(|s| s.success())
}

fn installed_version(root: &Path, program: &str) -> Option<String> {
    let mut c = cmd::command(root, program);
    c.arg("--version");
    cmd::output(c)
}

fn ensure_trunk(root: &Path) -> anyhow::Result<()> {
    if installed_version(root, "trunk")
        .is_some_and(|v| v.split_whitespace().nth(1) == Some(TRUNK_VERSION))
    {
        return Ok(());
    }
    step(&format!("cargo install trunk {TRUNK_VERSION}"), || {
        let mut c = cmd::cargo(root);
        c.args(["install", "--locked", "trunk", "--version", TRUNK_VERSION]);
        cmd::run(c)
    })
}

/// The wasm-bindgen version locked in Cargo.lock; the CLI must match it exactly.
pub fn locked_wasm_bindgen(root: &Path) -> anyhow::Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
        {
            return Ok(v.trim_matches('"').to_string());
        }
    }
    bail!("Cargo.lock has no wasm-bindgen entry")
}

fn ensure_wasm_bindgen(root: &Path) -> anyhow::Result<()> {
    let want = locked_wasm_bindgen(root)?;
    let have = installed_version(root, "wasm-bindgen");
    let runner = installed_version(root, "wasm-bindgen-test-runner");
    let matches = |v: &Option<String>| {
        v.as_deref().and_then(|v| v.split_whitespace().nth(1)) == Some(want.as_str())
    };
    if matches(&have) && matches(&runner) {
        return Ok(());
    }
    step(&format!("cargo install wasm-bindgen-cli {want}"), || {
        // Not --locked: the crate's own lock names a webpki-roots release the registry lacks.
        let mut c = cmd::cargo(root);
        c.args(["install", "wasm-bindgen-cli", "--version", &want, "--force"]);
        cmd::run(c)
    })
}

fn ensure_npm_packages(root: &Path) -> anyhow::Result<()> {
    npm_ci(
        root,
        root,
        &[
            "node_modules/.bin/wasm-opt",
            "node_modules/.bin/terser",
            "node_modules/docspace-sdk-js-2.0.0/dist/api.js",
            "node_modules/docspace-sdk-js-2.1.0/dist/api.js",
            // The end-to-end tests' accessibility audits (docspace-testkit's `audit`).
            "node_modules/axe-core/axe.min.js",
        ],
    )
}

/// The React baseline's packages (`bench/react-page`: React, the official DocSpace component,
/// Vite), from its own lock file.
pub fn ensure_react_page_packages(root: &Path) -> anyhow::Result<()> {
    npm_ci(
        root,
        &root.join("bench/react-page"),
        &[
            "node_modules/.bin/vite",
            "node_modules/@onlyoffice/docspace-react/package.json",
        ],
    )
}

/// `npm ci` in `dir` unless `present` (paths under `dir`) exist and the lock file is the one the
/// last `npm ci` there installed (a stamp in `node_modules/` holds its hash).
fn npm_ci(root: &Path, dir: &Path, present: &[&str]) -> anyhow::Result<()> {
    let lock = std::fs::read(dir.join("package-lock.json"))
        .with_context(|| format!("reading {}/package-lock.json", dir.display()))?;
    let stamp_path = dir.join("node_modules/.xtask-stamp");
    let want = format!("{:016x}", fnv1a(&lock));
    let have = std::fs::read_to_string(&stamp_path).unwrap_or_default();
    if present.iter().all(|p| dir.join(p).exists()) && have.trim() == want {
        return Ok(());
    }
    step(&format!("npm ci ({})", dir.display()), || {
        let mut c = cmd::command(root, "npm");
        c.current_dir(dir).args(["ci", "--no-audit", "--no-fund"]);
        cmd::run(c)?;
        std::fs::write(&stamp_path, &want).context("writing the npm stamp")
    })
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
    })
}
