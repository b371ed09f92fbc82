//! How most host tests start: a fresh devportal, and a host in front of it serving a one-file app.

use docspace_devportal::{PortalConfig, RunningPortal};
use docspace_host::{HostConfig, PortalTarget, RunningHost};

/// A devportal and a host proxying to it, serving `index_html` as the app; with `held_key` the
/// host holds the owner's API key (the `--api-key` a deployment gives it). Keep the directory
/// alive for as long as the host serves it.
pub async fn portal_and_host(
    index_html: &str,
    held_key: bool,
) -> (RunningPortal, RunningHost, tempfile::TempDir) {
    let portal = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("portal");
    let dist = tempfile::tempdir().expect("tempdir");
    std::fs::write(dist.path().join("index.html"), index_html).expect("index");
    let host = docspace_host::start(HostConfig {
        addr: "127.0.0.1:0".parse().expect("addr"),
        dist: dist.path().to_path_buf(),
        portal: PortalTarget::Remote(portal.base_url()),
        api_key: held_key.then(|| portal.owner.api_key.clone()),
        ..HostConfig::default()
    })
    .await
    .expect("host starts");
    (portal, host, dist)
}
