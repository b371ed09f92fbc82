//! `cargo xtask`: the project's two main commands.
//!
//! - `cargo xtask run`: install what is missing, build the app in release mode, start
//!   `docspace-host` on 127.0.0.1:8080 with an embedded devportal on 127.0.0.1:8092.
//! - `cargo xtask test`: install what is missing (also Chromium and ChromeDriver), then fmt,
//!   clippy, native tests, wasm tests in headless Chromium, and end-to-end tests.
//! - `cargo xtask bench`: side-by-side measurements (sizes, embed latency, throughput under
//!   limits, devportal load, dashboard scale), reported under `target/bench/`.
//! - `cargo xtask css`: the app's stylesheets bundled into `style/app.css` (Trunk runs it).
//! - `cargo xtask split`: the app's wasm split at its lazy routes (Trunk runs it after a build).
//! - `cargo xtask minify-js`: a release build's JavaScript minified and the names it shares with
//!   the wasm shortened (the bench pages' hook).

mod bench;
mod build;
mod cmd;
mod css;
mod disk;
mod fidelity;
mod minify;
mod short_names;
mod split;
mod tools;
mod venv;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(about = "Build, run and test the DocSpace embed workspace")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the app (release) and start the host with an embedded devportal.
    Run {
        /// Arguments for docspace-host, e.g. `-- --portal https://x.onlyoffice.com --api-key-file key.txt`.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        host_args: Vec<String>,
    },
    /// Run every check and test (what CI runs).
    Test(tests::TestArgs),
    /// Measure size, embed latency, throughput and scale side by side (not part of `test`).
    Bench(bench::BenchArgs),
    /// Bundle the app's stylesheets into `style/app.css` (Trunk's pre_build hook runs this).
    Css,
    /// Split the app's wasm at its lazy routes (Trunk's post_build hook runs this).
    Split,
    /// Minify a release build's JavaScript (the bench pages' Trunk post_build hook runs this).
    MinifyJs,
}

mod tests;

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run { host_args } => run(&host_args),
        Command::Test(args) => tests::run(&args),
        Command::Bench(args) => bench::run(&args),
        Command::Css => css::bundle(&cmd::workspace_root()).map(|_| ()),
        Command::Split => split::run(),
        Command::MinifyJs => minify::run(),
    };
    if let Err(e) = result {
        eprintln!("\nxtask: {e:#}");
        std::process::exit(1);
    }
}

fn run(host_args: &[String]) -> anyhow::Result<()> {
    let root = cmd::workspace_root();
    tools::ensure_build_tools(&root)?;
    build::app_release(&root)?;
    cmd::step("start docspace-host", || {
        let mut c = cmd::cargo(&root);
        c.args(["run", "--release", "--locked", "-p", "docspace-host", "--"])
            .arg("--dist")
            .arg(root.join("dist"))
            .args(host_args);
        cmd::run(c)
    })
}
