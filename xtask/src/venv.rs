//! Python venvs under the target directory holding the official clients that judge our servers:
//! made once per pinned requirement, remade when the pin changes.

use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::cmd::{self, step};

/// The venv of the fidelity check: the official DocSpace Python SDK.
pub const FIDELITY: Venv = Venv {
    dir: "fidelity-venv",
    // DocSpace 3.7's generated SDK, the release the devportal's fidelity check was written against.
    requirement: "docspace-api-sdk==3.7.0",
    extra: &[],
};

/// The venv of `docspace-mcp`'s judge tests: the official Python MCP client. The tests find it
/// at `$CARGO_TARGET_DIR/mcp-venv` (or through `DOCSPACE_MCP_PYTHON`).
pub const MCP_CLIENT: Venv = Venv {
    dir: "mcp-venv",
    requirement: "mcp==2.3.0",
    extra: &[],
};

/// The venv of the devportal's OAuth judge test: Authlib, a standard OAuth2 client library, with
/// `requests` for its HTTP client. The test finds it at `$CARGO_TARGET_DIR/oauth-venv` (or
/// through `DOCSPACE_OAUTH_PYTHON`).
pub const OAUTH_CLIENT: Venv = Venv {
    dir: "oauth-venv",
    requirement: "authlib==1.9.10",
    extra: &["requests==2.34.2"],
};

/// A venv in the target directory with one pinned requirement (and pinned companions).
pub struct Venv {
    dir: &'static str,
    requirement: &'static str,
    extra: &'static [&'static str],
}

impl Venv {
    /// Creates the venv unless it already holds this requirement, and returns its python.
    pub fn ensure(&self, root: &Path) -> anyhow::Result<PathBuf> {
        let venv = cmd::target_dir(root).join(self.dir);
        let python = venv.join("bin/python");
        // A pin of its own per requirement: changing the pin remakes the venv.
        let stamp = venv.join(self.requirement.replace("==", "-"));
        if stamp.exists() && python.exists() {
            return Ok(python);
        }
        step(&format!("venv with {}", self.requirement), || {
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
            .arg(self.requirement)
            .args(self.extra);
            cmd::run(c)?;
            std::fs::write(&stamp, "").context("writing the venv stamp")
        })?;
        Ok(python)
    }
}
