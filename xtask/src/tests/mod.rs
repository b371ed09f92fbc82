//! `cargo xtask test`: every check and test, in order of cost, stopping at the first failure.

//!
//! Here the run, the lint and the native, wasm and end-to-end suites; the consumer project on the
//! packaged crates and the publish dry run in `packaged.rs`; the devportal and model server the
//! wasm tests (and the fidelity check) start in `servers.rs`.

mod packaged;
mod servers;

use std::path::Path;

use anyhow::Context;
use clap::{Args, ValueEnum};

use crate::cmd::{self, step};
use crate::{build, tools};
use packaged::{consumer_manifest, consumer_tests, publish_dry_run};
use servers::ModelServer;
pub use servers::{TEST_API_KEY, TEST_PASSWORD, TestPortal};

/// A part of the test run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Suite {
    /// `cargo fmt --check`, clippy (native and wasm32) and `cargo doc` with warnings as errors.
    Lint,
    /// Native unit and integration tests of the library crates and tools, and the fidelity test
    /// (the official Python SDK against a devportal).
    Native,
    /// The consumer project (`examples/consumer`) built on the packaged crates, with its own
    /// headless test.
    Consumer,
    /// wasm-bindgen tests in headless Chromium against a devportal.
    Wasm,
    /// End-to-end tests of the app in headless Chromium against the host and devportal.
    E2e,
}

/// `cargo xtask test` flags.
#[derive(Debug, Args)]
pub struct TestArgs {
    /// Run only these suites (repeatable); all by default.
    #[arg(long = "only", value_enum)]
    only: Vec<Suite>,
    /// Passed to the test binaries as a name filter.
    #[arg(last = true)]
    filter: Vec<String>,
}

/// Runs the selected suites.
pub fn run(args: &TestArgs) -> anyhow::Result<()> {
    let root = cmd::workspace_root();
    let wants = |s: Suite| args.only.is_empty() || args.only.contains(&s);
    crate::disk::ensure_room(&cmd::target_dir(&root))?;
    isolate_temp_files(&root)?;
    tools::ensure_build_tools(&root)?;
    // Native tests include browser tests of the devportal's frame pages.
    if !(args.only.len() == 1 && wants(Suite::Lint)) {
        tools::ensure_browser()?;
    }
    if wants(Suite::Lint) {
        lint(&root)?;
    }
    let nextest = tools::has_nextest(&root);
    if wants(Suite::Native) {
        // docspace-mcp's judge tests drive the server with the official Python MCP client.
        let mcp_python = crate::venv::MCP_CLIENT.ensure(&root)?;
        // The devportal's OAuth judge test drives it with Authlib.
        let oauth_python = crate::venv::OAUTH_CLIENT.ensure(&root)?;
        step("native tests", || {
            let with_judges = |mut c: std::process::Command| {
                c.env("DOCSPACE_MCP_PYTHON", &mcp_python)
                    .env("DOCSPACE_OAUTH_PYTHON", &oauth_python);
                c
            };
            if !nextest {
                let mut c = with_judges(cmd::cargo(&root));
                c.args([
                    "test",
                    "--workspace",
                    "--locked",
                    "--exclude",
                    "docspace-embed",
                ])
                .args(["--features", PORTAL_FEATURE, "--"])
                .args(&args.filter);
                return cmd::run(c);
            }
            let mut c = with_judges(native_build(&root, &["nextest", "run"]));
            // The app's end-to-end tests need its release build: the e2e suite runs them.
            c.args(["-E", "not (package(docspace-embed) and kind(test))"])
                .args(["--test-threads", &side_by_side_tests().to_string(), "--"])
                .args(&args.filter);
            cmd::run(c)?;
            // nextest does not run doctests.
            let mut c = native_build(&root, &["test", "--doc"]);
            c.arg("--").args(&args.filter);
            cmd::run(c)
        })?;
    }
    if wants(Suite::Native) && args.filter.is_empty() {
        crate::fidelity::run(&root)?;
    }
    if wants(Suite::Consumer) {
        consumer_tests(&root, &args.filter)?;
    }
    if wants(Suite::Wasm) {
        wasm_tests(&root, &args.filter)?;
    }
    if wants(Suite::E2e) {
        build::app_release(&root)?;
        step("end-to-end tests", || {
            let mut c = if nextest {
                let mut c = native_build(&root, &["nextest", "run"]);
                // Two at a time: each drives a Chromium, which is what the cores are busy with.
                c.args(["-E", "package(docspace-embed) and kind(test)"])
                    .args(["--test-threads", "2"]);
                c
            } else {
                let mut c = cmd::cargo(&root);
                c.args(["test", "--locked", "-p", "docspace-embed"]);
                c
            };
            c.arg("--")
                .args(&args.filter)
                .env("DOCSPACE_DIST", root.join("dist"))
                .env("CHROMEDRIVER", "/usr/bin/chromedriver");
            cmd::run(c)
        })?;
    }
    eprintln!("\nAll selected suites passed.");
    Ok(())
}

/// The feature the consumers' test portal is behind; the native tests test it too.
const PORTAL_FEATURE: &str = "docspace-testkit/portal";

/// `cargo <verb…>` over the whole workspace with the test portal's feature: the one package
/// selection every native build of the run uses. Cargo resolves features per selection, so a
/// build of one package alone (`-p docspace-devportal`, `-p docspace-embed`) compiled tokio, hyper,
/// reqwest, axum and the servers once more with other features; with one selection the native
/// tests, the servers the wasm tests and the fidelity check start, and the end-to-end tests all
/// come from one build.
pub fn native_build(root: &Path, verb: &[&str]) -> std::process::Command {
    let mut c = cmd::cargo(root);
    c.args(verb)
        .args(["--workspace", "--locked", "--features", PORTAL_FEATURE]);
    c
}

/// `cargo <verb>` for wasm32 over the crates with browser code and tests of their own:
/// docspace-api, docspace-sdk and the app.
fn wasm_build(root: &Path, verb: &str) -> std::process::Command {
    let mut c = cmd::cargo(root);
    c.args([verb, "--target", "wasm32-unknown-unknown", "--locked"])
        .args([
            "-p",
            "docspace-api",
            "-p",
            "docspace-sdk",
            "-p",
            "docspace-embed",
        ]);
    c
}

/// Builds what [`native_build`] builds, test binaries and servers (`target/debug/…`) included;
/// nothing when the native tests have just built it.
pub fn build_servers(root: &Path) -> anyhow::Result<()> {
    step("build the native tests and servers", || {
        cmd::run(native_build(root, &["test", "--no-run"]))
    })
}

/// How many tests nextest runs at once. Most native tests wait (on a browser, a devportal, the
/// rate limiter's minute) rather than compute: on two cores, three per core took the native suite
/// from 577 s (`cargo test`, one binary after another) to 399 s, all passing.
fn side_by_side_tests() -> usize {
    3 * std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// Points every test process (and the browsers they start) at a temp directory under the target
/// directory, emptied at the start of each run: a browser killed mid-test leaves its files there
/// instead of filling `/tmp` run after run.
fn isolate_temp_files(root: &Path) -> anyhow::Result<()> {
    let tmp = cmd::target_dir(root).join("test-tmp");
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).with_context(|| format!("emptying {}", tmp.display()))?;
    }
    std::fs::create_dir_all(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    // SAFETY: called first thing in `run`, before xtask starts any thread, so nothing can read
    // the environment concurrently; children inherit the variable.
    unsafe { std::env::set_var("TMPDIR", &tmp) };
    Ok(())
}

fn lint(root: &Path) -> anyhow::Result<()> {
    step("cargo fmt --check", || {
        let mut c = cmd::cargo(root);
        c.args(["fmt", "--all", "--", "--check"]);
        cmd::run(c)
    })?;
    step("cargo clippy (native)", || {
        let mut c = cmd::cargo(root);
        c.args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ]);
        cmd::run(c)
    })?;
    step("cargo doc (broken links and bare URLs are errors)", || {
        let mut c = cmd::cargo(root);
        c.args(["doc", "--workspace", "--no-deps", "--locked"])
            .env("RUSTDOCFLAGS", "-D warnings");
        cmd::run(c)
    })?;
    step("cargo clippy (wasm32)", || {
        let mut c = wasm_build(root, "clippy");
        c.args([
            "--all-targets",
            "-p",
            "docspace-bench-min-page",
            // The app as index.html builds it: its lazy routes are split points (src/pages/lazy.rs).
            // The unsplit variant is linted by the native run.
            "--features",
            "docspace-embed/split",
            "--",
            "-D",
            "warnings",
        ]);
        cmd::run(c)
    })?;
    step("the consumer project: fmt, clippy (wasm32)", || {
        let manifest = consumer_manifest(root)?;
        let mut c = cmd::cargo(root);
        c.arg("fmt")
            .arg("--manifest-path")
            .arg(&manifest)
            .args(["--", "--check"]);
        cmd::run(c)?;
        let mut c = cmd::cargo(root);
        c.arg("clippy").arg("--manifest-path").arg(&manifest).args([
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ]);
        cmd::run(c)
    })?;
    step("cargo publish --dry-run (published crates)", || {
        cmd::run(publish_dry_run(root))
    })
}

/// Port the wasm test runner serves its page on: fixed, so the devportal can list its origin in
/// the CSP list (frames refuse unlisted ancestors).
const WASM_RUNNER_ADDR: &str = "127.0.0.1:18081";

fn wasm_tests(root: &Path, filter: &[String]) -> anyhow::Result<()> {
    // The devportal and the model server.
    build_servers(root)?;
    let portal = TestPortal::start(root, Some(&format!("http://{WASM_RUNNER_ADDR}")))?;
    // The chat tests stream answers from this OpenAI-compatible server, through the devportal.
    let model = ModelServer::start(root)?;
    step("wasm tests (headless Chromium)", || {
        let mut c = wasm_build(root, "test");
        c.arg("--")
            .args(filter)
            .env("DOCSPACE_TEST_PORTAL", &portal.url)
            .env("DOCSPACE_TEST_API_KEY", TEST_API_KEY)
            .env("DOCSPACE_TEST_PASSWORD", TEST_PASSWORD)
            .env("DOCSPACE_TEST_MODEL_URL", &model.url)
            .env("DOCSPACE_TEST_MODEL_KEY", &model.key)
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env(
                "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
                root.join("webdriver.json"),
            )
            .env("WASM_BINDGEN_TEST_ADDRESS", WASM_RUNNER_ADDR)
            // The runner's default COEP `require-corp` would block cross-origin scripts and frames
            // that real embedding pages load freely.
            .env("WASM_BINDGEN_TEST_NO_ORIGIN_ISOLATION", "1")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "300")
            .env("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", "60");
        cmd::run(c)
    })
}
