//! The fidelity test: the official DocSpace Python SDK (`docspace-api-sdk` from PyPI, in a venv
//! under `target/`) drives a devportal, and every answer must deserialize into the SDK's models.

use std::path::Path;

use anyhow::Context;

use crate::cmd::{self, step};
use crate::tests::{TEST_API_KEY, TEST_PASSWORD, TestPortal};

/// The SDK release the devportal is checked against (`reference/rest-api.md` cites 3.7.0).
const SDK_VERSION: &str = "3.7.0";

/// Creates (once) the venv with the pinned SDK, starts a devportal and runs the script.
pub fn run(root: &Path) -> anyhow::Result<()> {
    let venv = cmd::target_dir(root).join("fidelity-venv");
    let python = venv.join("bin/python");
    let stamp = venv.join(format!("docspace-api-sdk-{SDK_VERSION}"));
    if !stamp.exists() {
        step(&format!("venv with docspace-api-sdk {SDK_VERSION}"), || {
            let mut c = cmd::command(root, "python3");
            c.args(["-m", "venv", "--clear"]).arg(&venv);
            cmd::run(c)?;
            let mut c = cmd::command(root, &python.to_string_lossy());
            c.args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .arg(format!("docspace-api-sdk=={SDK_VERSION}"));
            cmd::run(c)?;
            std::fs::write(&stamp, "").context("writing the venv stamp")
        })?;
    }
    step("build the devportal for the fidelity test", || {
        let mut c = cmd::cargo(root);
        c.args(["build", "--locked", "-p", "docspace-devportal"]);
        cmd::run(c)
    })?;
    let portal = TestPortal::start(root, None)?;
    step(
        "fidelity: official Python SDK against the devportal",
        || {
            let mut c = cmd::command(root, &python.to_string_lossy());
            c.arg(root.join("crates/docspace-devportal/fidelity/sdk_fidelity.py"))
                .args([portal.url.as_str(), TEST_API_KEY, TEST_PASSWORD])
                // The SDK's pydantic models warn about a field named `copy`; that is the SDK's business.
                .env("PYTHONWARNINGS", "ignore::UserWarning");
            cmd::run(c)
        },
    )
}
