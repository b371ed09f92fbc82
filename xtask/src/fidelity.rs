//! The fidelity test: the official DocSpace Python SDK (`docspace-api-sdk` from PyPI, in a venv
//! under `target/`) drives a devportal, and every answer must deserialize into the SDK's models.

use std::path::Path;

use crate::cmd::{self, step};
use crate::tests::{TEST_API_KEY, TEST_PASSWORD, TestPortal};

/// Creates (once) the venv with the pinned SDK, starts a devportal and runs the script.
pub fn run(root: &Path) -> anyhow::Result<()> {
    let python = crate::venv::FIDELITY.ensure(root)?;
    crate::tests::build_servers(root)?;
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
