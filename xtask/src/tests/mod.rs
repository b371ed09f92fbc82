//! `cargo xtask test`: every check and test, in order of cost, stopping at the first failure.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};

use crate::cmd::{self, step};
use crate::{build, tools};

/// A part of the test run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Suite {
    /// `cargo fmt --check` and clippy (native and wasm32).
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
    step("cargo clippy (wasm32)", || {
        let mut c = cmd::cargo(root);
        c.args([
            "clippy",
            "--target",
            "wasm32-unknown-unknown",
            "--locked",
            "--all-targets",
            "-p",
            "docspace-api",
            "-p",
            "docspace-sdk",
            "-p",
            "docspace-embed",
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

/// Where the dry run and the packaging write: a directory of their own beside the main build.
fn publish_target(root: &Path) -> PathBuf {
    cmd::target_dir(root).join("publish-check")
}

/// A user's project outside the workspace (its own `Cargo.toml`), built and tested as a user
/// would: the README's "Use the crates", made executable.
const CONSUMER: &str = "examples/consumer";

/// The consumer project's manifest, after giving it the workspace's lock file: it then builds
/// with exactly the versions the workspace is tested with (Cargo only drops what it does not
/// use), and no second lock file falls behind the workspace's.
fn consumer_manifest(root: &Path) -> anyhow::Result<PathBuf> {
    let dir = root.join(CONSUMER);
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock"))?;
    Ok(dir.join("Cargo.toml"))
}

/// Builds the consumer project's page with Trunk and runs its own headless test against a
/// devportal it starts in-process. It runs on a copy whose dependencies are the published crates
/// as `cargo package` packs them, not their sources: a file left out of a package, or a path that
/// only exists in this repository, fails here as it would fail a user. That build is also the
/// packages' build check, so the dry run need not build each package a second time.
fn consumer_tests(root: &Path, filter: &[String]) -> anyhow::Result<()> {
    step(
        "the consumer project's own tests, on the packaged crates",
        || {
            let project = packaged_consumer(root)?;
            let mut c = cmd::cargo(root);
            c.arg("test")
                .arg("--manifest-path")
                .arg(project.join("Cargo.toml"))
                .arg("--")
                .args(filter)
                .env("CHROMEDRIVER", "/usr/bin/chromedriver")
                // As a user of the published devportal would: its package holds no `api.js`.
                .env("DOCSPACE_SDK_DIR", root.join("node_modules"));
            cmd::run(c)
        },
    )
}

/// A fresh copy of the consumer project under the target directory, its `docspace-*`
/// dependencies (and theirs, through `[patch.crates-io]`) pointed at the crates `cargo package`
/// just packed and unpacked beside it.
fn packaged_consumer(root: &Path) -> anyhow::Result<PathBuf> {
    let packages = publish_target(root).join("package");
    cmd::run(packaging(root, &["package"]))?;

    let project = cmd::target_dir(root).join("consumer-packaged");
    if project.exists() {
        std::fs::remove_dir_all(&project)
            .with_context(|| format!("emptying {}", project.display()))?;
    }
    copy_project(&root.join(CONSUMER), &project)?;
    std::fs::copy(root.join("Cargo.lock"), project.join("Cargo.lock"))?;

    let unpacked = project.join("packaged");
    std::fs::create_dir_all(&unpacked)?;
    let mut crates = Vec::new();
    for entry in
        std::fs::read_dir(&packages).with_context(|| format!("reading {}", packages.display()))?
    {
        let path = entry?.path();
        let Some(stem) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".crate"))
        else {
            continue;
        };
        let mut tar = std::process::Command::new("tar");
        tar.arg("-xzf").arg(&path).arg("-C").arg(&unpacked);
        cmd::run(tar)?;
        crates.push(stem.to_owned());
    }
    let manifest = project.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest)?;
    std::fs::write(&manifest, point_at_packages(&text, &crates)?)?;
    // Let Cargo record the patched sources in the copied lock file, so that Trunk's `--locked`
    // build accepts it; nothing else in the lock changes.
    let mut c = cmd::cargo(root);
    c.args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(&manifest)
        .stdout(Stdio::null());
    cmd::run(c)?;
    Ok(project)
}

/// Copies a project's sources (not its build output or lock file).
fn copy_project(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if ["dist", "target", "Cargo.lock"].iter().any(|n| name == *n) {
            continue;
        }
        let (src, dst) = (entry.path(), to.join(&name));
        if entry.file_type()?.is_dir() {
            copy_project(&src, &dst)?;
        } else {
            std::fs::copy(&src, &dst)?;
        }
    }
    Ok(())
}

/// The consumer's manifest with each `path = "../../crates/NAME"` replaced by the unpacked
/// package `packaged/NAME-VERSION`, and a `[patch.crates-io]` entry per package so that the
/// packages' own dependencies on each other (a version only, once packed) find them too.
/// `crates` holds the packages' `NAME-VERSION` stems.
fn point_at_packages(manifest: &str, crates: &[String]) -> anyhow::Result<String> {
    let mut out = manifest.to_owned();
    let mut patch = String::from("\n[patch.crates-io]\n");
    for stem in crates {
        let Some((name, _version)) = stem
            .rsplit_once('-')
            .filter(|(_, v)| v.starts_with(|c: char| c.is_ascii_digit()))
        else {
            bail!("`{stem}.crate` is not named NAME-VERSION.crate");
        };
        out = out.replace(
            &format!("path = \"../../crates/{name}\""),
            &format!("path = \"packaged/{stem}\""),
        );
        patch.push_str(&format!("{name} = {{ path = \"packaged/{stem}\" }}\n"));
    }
    if out.contains("../../crates/") {
        bail!("the consumer depends on a workspace crate that was not packaged:\n{out}");
    }
    out.push_str(&patch);
    Ok(out)
}

/// The crates that are not published (`publish = false`); every other member must package and
/// build from its packaged sources alone, as crates.io would get it.
const UNPUBLISHED: [&str; 6] = [
    "docspace-embed",
    "docspace-host",
    "docspace-bench",
    "docspace-bench-min-page",
    "docspace-mcp",
    "xtask",
];

/// `cargo publish --dry-run` of the published crates, together: Cargo checks each package
/// (metadata, files outside the crate, path dependencies without a version). It does not build
/// them (`--no-verify`): the consumer project's test builds and runs the same packages.
fn publish_dry_run(root: &Path) -> std::process::Command {
    packaging(root, &["publish", "--dry-run"])
}

/// `cargo <verb…>` packing the published crates without building them, into the dry run's own
/// target directory. `--allow-dirty`: what is checked is the packages, not whether the work tree
/// is committed.
fn packaging(root: &Path, verb: &[&str]) -> std::process::Command {
    let mut c = cmd::cargo(root);
    c.args(verb).args([
        "--workspace",
        "--locked",
        "--allow-dirty",
        "--no-verify",
        "--target-dir",
    ]);
    c.arg(publish_target(root));
    for name in UNPUBLISHED {
        c.args(["--exclude", name]);
    }
    c
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
        let mut c = cmd::cargo(root);
        c.args([
            "test",
            "--locked",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "docspace-api",
            "-p",
            "docspace-sdk",
            "-p",
            "docspace-embed",
            "--",
        ])
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

/// The owner key of the devportal the wasm tests run against (a test fixture, not a secret).
pub const TEST_API_KEY: &str =
    "sk-7e57000000000000000000000000000000000000000000000000000000000001";
/// The owner password of that devportal.
pub const TEST_PASSWORD: &str = "wasm-test-password";

/// A devportal child process, stopped on drop.
pub struct TestPortal {
    child: Child,
    /// The portal's base URL.
    pub url: String,
}

impl TestPortal {
    /// Starts the debug `docspace-devportal` in memory with the test owner key and password.
    pub fn start(root: &Path, allow_origin: Option<&str>) -> anyhow::Result<TestPortal> {
        let bin = cmd::target_dir(root).join("debug/docspace-devportal");
        let mut child = cmd::command(root, &bin.to_string_lossy())
            .args([
                "--memory",
                "--addr",
                "127.0.0.1:0",
                "--api-key",
                TEST_API_KEY,
            ])
            .args(["--owner-password", TEST_PASSWORD])
            // One portal serves every crate's browser tests, each signing in a few times; the
            // 5-per-15-minutes limit on sign-in and key creation has its own native tests.
            .args(["--sensitive-per-15min", "500"])
            .args(
                allow_origin
                    .map(|o| ["--allow-origin", o])
                    .into_iter()
                    .flatten(),
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .context("starting the devportal")?;
        let url = first_line_after(&mut child, "DocSpace devportal at ", "the devportal")?;
        eprintln!("devportal for wasm tests at {url}");
        Ok(TestPortal { child, url })
    }
}

impl Drop for TestPortal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits for the child's stdout line that starts with `prefix` and returns the rest; keeps
/// draining stdout afterwards so the child never blocks on a full pipe.
fn first_line_after(child: &mut Child, prefix: &str, what: &str) -> anyhow::Result<String> {
    let stdout = child
        .stdout
        .take()
        .with_context(|| format!("{what}: stdout"))?;
    let mut lines = BufReader::new(stdout).lines();
    let rest = loop {
        let Some(line) = lines.next() else {
            let _ = child.kill();
            bail!("{what} exited before printing its address");
        };
        if let Some(rest) = line?.strip_prefix(prefix) {
            break rest.trim().to_string();
        }
    };
    std::thread::spawn(move || lines.for_each(drop));
    Ok(rest)
}

/// docspace-testkit's model server as a child process, stopped on drop.
pub struct ModelServer {
    child: Child,
    /// Its base URL, as a provider's URL.
    pub url: String,
    /// The key it accepts.
    pub key: String,
}

impl ModelServer {
    /// Starts the debug `docspace-model-server` on a free loopback port.
    pub fn start(root: &Path) -> anyhow::Result<ModelServer> {
        let bin = cmd::target_dir(root).join("debug/docspace-model-server");
        let mut child = cmd::command(root, &bin.to_string_lossy())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .context("starting the model server")?;
        let line = first_line_after(&mut child, "model server at ", "the model server")?;
        let Some((url, key)) = line.split_once(" key ") else {
            let _ = child.kill();
            bail!("the model server printed `{line}`, not `<url> key <key>`");
        };
        let (url, key) = (url.to_string(), key.to_string());
        eprintln!("model server for wasm tests at {url}");
        Ok(ModelServer { child, url, key })
    }
}

impl Drop for ModelServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod publish_tests {
    use super::{UNPUBLISHED, point_at_packages};
    use std::path::{Path, PathBuf};

    /// Every member manifest with its package name and whether it says `publish = false`.
    fn members() -> Vec<(PathBuf, String, bool)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut dirs = vec![
            root.clone(),
            root.join("bench/min-page"),
            root.join("xtask"),
        ];
        let crates = std::fs::read_dir(root.join("crates")).expect("crates/ is readable");
        dirs.extend(crates.filter_map(|e| e.ok()).map(|e| e.path()));
        dirs.into_iter()
            .filter(|d| d.join("Cargo.toml").is_file())
            .map(|d| {
                let text = std::fs::read_to_string(d.join("Cargo.toml")).expect("manifest");
                let package = text.split("[package]").nth(1).expect("a [package] table");
                let package = package.split("\n[").next().unwrap_or(package);
                let name = package
                    .lines()
                    .find_map(|l| l.trim().strip_prefix("name = "))
                    .expect("a package name")
                    .trim_matches('"')
                    .to_string();
                let unpublished = package.lines().any(|l| l.trim() == "publish = false");
                (d, name, unpublished)
            })
            .collect()
    }

    /// The dry run excludes exactly the crates that are not published: a crate marked
    /// `publish = false` but not excluded would fail the step, and one excluded but published
    /// would go unchecked.
    #[test]
    fn the_packaged_consumer_depends_on_the_packages_only() {
        let manifest = "[dependencies]\n\
            docspace-api = { path = \"../../crates/docspace-api\", version = \"0.1.0\" }\n";
        let crates = [
            "docspace-api-0.1.0".to_owned(),
            "docspace-types-0.1.0".to_owned(),
        ];
        let out = point_at_packages(manifest, &crates).expect("rewritten");
        assert!(out.contains(
            "docspace-api = { path = \"packaged/docspace-api-0.1.0\", version = \"0.1.0\" }"
        ));
        assert!(out.contains(
            "[patch.crates-io]\ndocspace-api = { path = \"packaged/docspace-api-0.1.0\" }"
        ));
        assert!(out.contains("docspace-types = { path = \"packaged/docspace-types-0.1.0\" }"));
        // A workspace crate the consumer uses but that was not packaged is an error, not a
        // silent build from the sources.
        let err = point_at_packages(manifest, &crates[1..]).expect_err("unpackaged dependency");
        assert!(err.to_string().contains("not packaged"), "{err}");
        let err =
            point_at_packages(manifest, &["docspace-api".to_owned()]).expect_err("no version");
        assert!(err.to_string().contains("NAME-VERSION"), "{err}");
    }

    #[test]
    fn dry_run_excludes_exactly_the_unpublished_crates() {
        let mut unpublished: Vec<String> = members()
            .into_iter()
            .filter(|(_, _, u)| *u)
            .map(|(_, n, _)| n)
            .collect();
        unpublished.sort();
        let mut excluded: Vec<String> = UNPUBLISHED.iter().map(|s| s.to_string()).collect();
        excluded.sort();
        assert_eq!(unpublished, excluded);
    }

    /// Each published crate has its README as the docs' front page (so its example is a doctest)
    /// and the license file in its package.
    #[test]
    fn published_crates_have_readme_front_page_and_license() {
        let published: Vec<_> = members().into_iter().filter(|(_, _, u)| !*u).collect();
        assert!(published.len() >= 5, "{published:?}");
        for (dir, name, _) in published {
            for file in ["README.md", "LICENSE"] {
                assert!(dir.join(file).is_file(), "{name} has no {file}");
            }
            let lib = std::fs::read_to_string(dir.join("src/lib.rs")).expect("lib.rs");
            assert!(
                lib.starts_with("#![doc = include_str!(\"../README.md\")]"),
                "{name}'s docs do not start with its README"
            );
        }
    }
}
