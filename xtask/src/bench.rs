//! `cargo xtask bench`: builds what the benchmarks measure, then runs `docspace-bench` (release)
//! which writes `target/bench/bench.json` and `bench.md` and prints the Markdown table.
//! Not part of `cargo xtask test`: benchmarks compare side by side, they never assert on time.

use std::path::Path;

use clap::Args;

use crate::cmd::{self, step};
use crate::{build, tools};

/// `cargo xtask bench` flags.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Passed to docspace-bench, e.g. `-- --only size --only embed --runs 30`.
    #[arg(last = true)]
    bench_args: Vec<String>,
}

/// Builds the app, the bench pages (one frame, an empty Leptos page, the minimal page) and the
/// React baseline, then runs every measurement.
pub fn run(args: &BenchArgs) -> anyhow::Result<()> {
    let root = cmd::workspace_root();
    let target = cmd::target_dir(&root);
    crate::disk::ensure_room(&target)?;
    tools::ensure_build_tools(&root)?;
    tools::ensure_browser()?;
    build::app_release(&root)?;
    // The one-frame page, an empty Leptos page built the same way (what docspace-sdk adds), and
    // the minimal page set against the React baseline.
    for page in ["sdk-page", "leptos-empty", "min-page"] {
        step(&format!("trunk build --release (bench/{page})"), || {
            // The workspace's tool PATH (wasm-opt from node_modules), run from the page's folder.
            let mut c = cmd::command(&root, "trunk");
            c.current_dir(root.join("bench").join(page))
                .args(["build", "--release", "--dist"])
                .arg(target.join("bench").join(page));
            as_a_user_builds(&mut c, &target);
            cmd::run(c)
        })?;
    }
    tools::ensure_react_page_packages(&root)?;
    step("vite build (bench/react-page)", || {
        let dir = root.join("bench/react-page");
        let vite = dir.join("node_modules/.bin/vite");
        let mut c = cmd::command(&root, &vite.to_string_lossy());
        c.current_dir(&dir)
            .args(["build", "--emptyOutDir", "--logLevel", "warn", "--outDir"])
            .arg(target.join("bench/react-page"));
        cmd::run(c)
    })?;
    step("build docspace-bench (release)", || {
        let mut c = cmd::cargo(&root);
        c.args(["build", "--release", "--locked", "-p", "docspace-bench"]);
        cmd::run(c)
    })?;
    step("docspace-bench", || {
        let bin = target.join("release/docspace-bench");
        let mut c = cmd::command(&root, &bin.to_string_lossy());
        c.arg("--root")
            .arg(&root)
            .arg("--app-dist")
            .arg(root.join("dist"))
            .arg("--sdk-page")
            .arg(target.join("bench/sdk-page"))
            .arg("--plain-page")
            .arg(root.join("bench/plain-api"))
            .arg("--empty-page")
            .arg(target.join("bench/leptos-empty"))
            .arg("--min-page")
            .arg(target.join("bench/min-page"))
            .arg("--react-page")
            .arg(target.join("bench/react-page"))
            .arg("--out")
            .arg(target.join("bench"))
            .env("CHROMEDRIVER", "/usr/bin/chromedriver");
        for (k, v) in machine(&root) {
            c.arg("--machine").arg(format!("{k}={v}"));
        }
        c.args(&args.bench_args);
        cmd::run(c)
    })
}

/// The bench pages stand for a user's own small page, so they are built with Leptos' defaults:
/// without the workspace's `erase_components` cfg (`.cargo/config.toml`), which pays off only in
/// an app of many components. Measured on the same tree (brotli, page files without api.js): the
/// one-frame page 103,505 B with it, 100,797 B without (-2.6 %); the minimal page 180,230 B with
/// it, 172,742 B without (-4.2 %). Their own target directory, because cargo rebuilds whatever
/// the flags change: sharing the app's would rebuild Leptos twice on every bench run.
fn as_a_user_builds(c: &mut std::process::Command, target: &Path) {
    c.env("RUSTFLAGS", "")
        .env("CARGO_TARGET_DIR", target.join("bench-pages"));
}

/// What the numbers ran on: CPU, cores, memory, OS, toolchain, browser.
fn machine(root: &Path) -> Vec<(&'static str, String)> {
    let out = |program: &str, args: &[&str]| {
        let mut c = cmd::command(root, program);
        c.args(args);
        cmd::output(c)
            .map(|s| s.lines().next().unwrap_or_default().trim().to_string())
            .unwrap_or_else(|| "unknown".into())
    };
    let file_line = |path: &str, key: &str| {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with(key))
                    .and_then(|l| l.split_once(':').map(|(_, v)| v.trim().to_string()))
            })
            .unwrap_or_else(|| "unknown".into())
    };
    vec![
        ("CPU", file_line("/proc/cpuinfo", "model name")),
        ("cores", out("nproc", &[])),
        ("memory", file_line("/proc/meminfo", "MemTotal")),
        ("OS", out("uname", &["-sr"])),
        ("rustc", out("rustc", &["--version"])),
        ("browser", out("/usr/bin/chromium", &["--version"])),
        ("date", out("date", &["-u", "+%Y-%m-%d %H:%M UTC"])),
    ]
}
