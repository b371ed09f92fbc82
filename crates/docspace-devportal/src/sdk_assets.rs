//! The official Embed SDK (`api.js` from npm `@onlyoffice/docspace-sdk-js`), served at the paths a
//! DocSpace portal serves it: `/static/scripts/sdk/{2.0.0,2.1.0}/api.js`.
//!
//! The scripts come from the npm packages the workspace declares in `package.json` (installed by
//! `cargo xtask`), never from a copy in this repository.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The script versions a portal serves.
pub const SDK_VERSIONS: [&str; 2] = ["2.0.0", "2.1.0"];

/// What to do when the scripts are missing. A published crate ships no copy of them and has no
/// workspace `package.json`, so the hint names the npm packages themselves.
const INSTALL_HINT: &str = "install them with `npm install \
    docspace-sdk-js-2.0.0@npm:@onlyoffice/docspace-sdk-js@2.0.0 \
    docspace-sdk-js-2.1.0@npm:@onlyoffice/docspace-sdk-js@2.1.0` (in the docspace-embed \
    repository: `npm ci`) and pass that node_modules with --sdk-dir or DOCSPACE_SDK_DIR";

/// The loaded scripts, by version.
#[derive(Debug, Default)]
pub struct SdkAssets {
    scripts: Vec<(String, Vec<u8>)>,
    searched: Option<PathBuf>,
}

impl SdkAssets {
    /// Loads every version from `node_modules` (the first of: `dir`, `$DOCSPACE_SDK_DIR`, the
    /// workspace's `node_modules`, `./node_modules`).
    pub fn load(dir: Option<&Path>) -> SdkAssets {
        let Some(root) = find_node_modules(dir) else {
            tracing::warn!("official api.js not found: {INSTALL_HINT}");
            return SdkAssets::default();
        };
        let scripts = SDK_VERSIONS
            .iter()
            .filter_map(|v| {
                let path = script_path(&root, v);
                match std::fs::read(&path) {
                    Ok(bytes) => Some((v.to_string(), bytes)),
                    Err(e) => {
                        tracing::warn!("cannot read {}: {e}", path.display());
                        None
                    }
                }
            })
            .collect();
        SdkAssets {
            scripts,
            searched: Some(root),
        }
    }

    /// The script for `version`, if loaded.
    pub fn script(&self, version: &str) -> Option<&[u8]> {
        self.scripts
            .iter()
            .find(|(v, _)| v == version)
            .map(|(_, b)| b.as_slice())
    }

    /// Why `version` cannot be served, and what to install.
    fn missing(&self, version: &str) -> String {
        let where_ = self
            .searched
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "no node_modules found".into());
        format!(
            "api.js {version} is not available here (versions served: {:?}; searched: {where_}); \
             {INSTALL_HINT}.",
            self.versions()
        )
    }

    /// The versions that were found.
    pub fn versions(&self) -> Vec<&str> {
        self.scripts.iter().map(|(v, _)| v.as_str()).collect()
    }
}

fn script_path(node_modules: &Path, version: &str) -> PathBuf {
    node_modules
        .join(format!("docspace-sdk-js-{version}"))
        .join("dist")
        .join("api.js")
}

fn find_node_modules(dir: Option<&Path>) -> Option<PathBuf> {
    // In the repository, its `node_modules`; in a published package this names a directory that
    // does not exist, and the other candidates apply.
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules");
    let candidates = [
        dir.map(Path::to_path_buf),
        std::env::var_os("DOCSPACE_SDK_DIR").map(PathBuf::from),
        Some(workspace),
        Some(PathBuf::from("node_modules")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| SDK_VERSIONS.iter().any(|v| script_path(p, v).is_file()))
}

/// `GET /static/scripts/sdk/{version}/api.js`
pub async fn serve_script(
    State(sdk): State<Arc<SdkAssets>>,
    UrlPath(version): UrlPath<String>,
) -> Response {
    match sdk.script(&version) {
        Some(bytes) => {
            let mut resp = bytes.to_vec().into_response();
            let h = resp.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/javascript; charset=utf-8"),
            );
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            );
            h.insert(
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                HeaderValue::from_static("*"),
            );
            resp
        }
        None => (StatusCode::NOT_FOUND, sdk.missing(&version)).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Outside the repository (a published crate) there is no `npm ci` to run: the message must
    /// name the npm packages and where to point the devportal.
    #[test]
    fn missing_script_says_what_to_install() {
        let msg = SdkAssets::default().missing("2.1.0");
        assert!(
            msg.starts_with("api.js 2.1.0 is not available here"),
            "{msg}"
        );
        assert!(msg.contains("no node_modules found"), "{msg}");
        for v in SDK_VERSIONS {
            assert!(
                msg.contains(&format!(
                    "docspace-sdk-js-{v}@npm:@onlyoffice/docspace-sdk-js@{v}"
                )),
                "{msg}"
            );
        }
        assert!(msg.contains("--sdk-dir or DOCSPACE_SDK_DIR"), "{msg}");
    }
}
