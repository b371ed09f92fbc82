//! Running commands with clear step banners and timings.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, bail};

/// The workspace root (the parent of `xtask/`).
///
/// `cargo run` sets `CARGO_MANIFEST_DIR` for the process, and that wins over the compile-time
/// value: with a target directory shared between clones (CI's cache), a fresh-enough binary
/// built in another clone would otherwise point at that clone.
pub fn workspace_root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Cargo's target directory: `$CARGO_TARGET_DIR` (relative to the workspace) or `target/`.
pub fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    }
}

/// PATH with the tools `cargo xtask` installs in front: `node_modules/.bin` (wasm-opt) and
/// cargo's bin directory (trunk, wasm-bindgen).
pub fn tool_path(root: &Path) -> std::ffi::OsString {
    let mut dirs = vec![root.join("node_modules/.bin"), cargo_bin_dir()];
    if let Some(p) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&p));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

/// `$CARGO_HOME/bin`.
pub fn cargo_bin_dir() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

/// A command in the workspace root with the tool PATH, in the environment the user's shell gave
/// `cargo xtask`.
pub fn command(root: &Path, program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root).env("PATH", tool_path(root));
    for (name, _) in std::env::vars_os() {
        if name.to_str().is_some_and(set_by_cargo_run) {
            c.env_remove(name);
        }
    }
    c
}

/// Whether `cargo run` set `name` for this process: what it says of the xtask package
/// (`CARGO_MANIFEST_DIR`, `CARGO_PKG_NAME`, …), not of the user's shell.
///
/// Not passed on, because build scripts depend on them: ring's reads `CARGO_MANIFEST_DIR` from
/// the environment with `rerun-if-env-changed`, and cargo compares the value of its own
/// environment. From `cargo xtask` it was this checkout's `xtask/`, from a shell it is unset, and
/// in another clone it is another path: each change reran ring's build and rebuilt rustls,
/// reqwest and every crate above them, in every profile, although nothing had changed. CI's
/// warm runs paid this whenever the shared cache had last been used from elsewhere.
fn set_by_cargo_run(name: &str) -> bool {
    name.starts_with("CARGO_PKG_")
        || name.starts_with("CARGO_MANIFEST_")
        || [
            "CARGO_CRATE_NAME",
            "CARGO_BIN_NAME",
            "CARGO_PRIMARY_PACKAGE",
        ]
        .contains(&name)
}

/// The cargo that runs this xtask.
pub fn cargo(root: &Path) -> Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    command(root, &cargo)
}

/// Runs `c`, failing with its command line when it fails.
pub fn run(mut c: Command) -> anyhow::Result<()> {
    let shown = format!("{c:?}");
    let status = c
        .status()
        .with_context(|| format!("cannot start {shown}"))?;
    if !status.success() {
        bail!("command failed ({status}): {shown}");
    }
    Ok(())
}

/// Runs `c` and returns its stdout, or `None` if it cannot run or fails.
pub fn output(mut c: Command) -> Option<String> {
    let out = c.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Runs one named step with a banner and its duration.
pub fn step<T>(name: &str, f: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<T> {
    eprintln!("\n==> {name}");
    let start = Instant::now();
    let out = f().with_context(|| format!("step `{name}` failed"))?;
    eprintln!("<== {name} ({:.1}s)", start.elapsed().as_secs_f64());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::set_by_cargo_run;

    #[test]
    fn what_cargo_run_says_of_xtask_is_not_passed_on() {
        for name in [
            "CARGO_MANIFEST_DIR",
            "CARGO_MANIFEST_PATH",
            "CARGO_PKG_NAME",
            "CARGO_BIN_NAME",
        ] {
            assert!(set_by_cargo_run(name), "{name}");
        }
        // The user's own settings are.
        for name in [
            "CARGO_TARGET_DIR",
            "CARGO_HOME",
            "CARGO",
            "PATH",
            "RUSTFLAGS",
        ] {
            assert!(!set_by_cargo_run(name), "{name}");
        }
    }
}
