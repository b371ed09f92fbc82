//! End-to-end harness: the real host and devportal on loopback; browser sessions come from
//! `docspace-testkit`.

#![allow(dead_code)] // Each e2e file uses a different subset.

use std::path::PathBuf;

use docspace_devportal::{PortalConfig, RunningPortal};
use docspace_host::{HostConfig, PortalTarget, RunningHost};
pub use docspace_testkit::{dead_url, text_of, wait_for, with_browser};

/// The built app (`DOCSPACE_DIST`, else `dist/` at the workspace root).
pub fn dist() -> PathBuf {
    let dir = std::env::var_os("DOCSPACE_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no built app at {}: run the e2e tests with `cargo xtask test` (it builds the app first)",
        dir.display()
    );
    dir
}

/// A fresh in-memory devportal.
pub async fn devportal() -> RunningPortal {
    docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("devportal starts")
}

/// The host on a free port in front of `portal_url`, optionally holding `api_key`.
pub async fn host(portal_url: &str, api_key: Option<&str>) -> RunningHost {
    docspace_host::start(HostConfig {
        addr: "127.0.0.1:0".parse().expect("addr"),
        dist: dist(),
        portal: PortalTarget::Remote(portal_url.to_string()),
        api_key: api_key.map(str::to_string),
        ..HostConfig::default()
    })
    .await
    .expect("host starts")
}

/// The host with its own demo devportal (in memory), as `cargo xtask run` starts it.
pub async fn demo_host() -> RunningHost {
    docspace_host::start(HostConfig {
        addr: "127.0.0.1:0".parse().expect("addr"),
        dist: dist(),
        portal: PortalTarget::Embedded(PortalConfig::for_tests()),
        ..HostConfig::default()
    })
    .await
    .expect("host starts")
}
