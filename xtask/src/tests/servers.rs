//! The servers the wasm tests and the fidelity check run against, as child processes: the
//! debug devportal and docspace-testkit's model server.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};

use anyhow::{Context, bail};

use crate::cmd;

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
