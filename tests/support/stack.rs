//! The app behind its host, in front of a devportal, on loopback.

use std::path::PathBuf;

use docspace_devportal::{PortalConfig, RunningPortal};
use docspace_host::{HostConfig, PortalTarget, RunningHost};

use super::*;

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

/// A devportal whose CSP list admits the host in front of it, as a real deployment is set up:
/// the app signs in with a password and its frames may embed the portal.
pub struct Stack {
    pub portal: RunningPortal,
    pub host: RunningHost,
}

impl Stack {
    /// Starts both. The host's port is bound first, so the portal can list its origin, and held
    /// until the host serves on it.
    pub async fn start() -> Stack {
        let (listener, origin) = loopback_listener().await;
        let portal = docspace_devportal::start(PortalConfig {
            allow_origins: vec![origin],
            ..PortalConfig::for_tests()
        })
        .await
        .expect("devportal starts");
        let host = docspace_host::start_on(
            listener,
            HostConfig {
                dist: dist(),
                portal: PortalTarget::Remote(portal.base_url()),
                ..HostConfig::default()
            },
        )
        .await
        .expect("host starts");
        Stack { portal, host }
    }

    /// The app's address.
    pub fn url(&self) -> String {
        self.host.base_url()
    }

    /// A REST client acting as the owner, straight at the portal: what the tests check with.
    pub fn api(&self) -> docspace_api::Client {
        docspace_api::Client::builder(self.portal.base_url())
            .api_key(self.portal.owner.api_key.clone())
            .build()
            .expect("client")
    }

    /// Opens the app and signs in as the portal's owner, "Stay signed in" left off.
    pub async fn sign_in_owner(&self, driver: &WebDriver) {
        let owner = &self.portal.owner;
        sign_in(driver, &self.url(), &owner.email, &owner.password, false).await;
    }

    /// Signs in as the owner, as [`Stack::sign_in_owner`], and opens the room `room`.
    pub async fn open_room_as_owner(
        &self,
        driver: &WebDriver,
        room: &docspace_api::models::FolderId,
    ) {
        self.sign_in_owner(driver).await;
        open_room(driver, room).await;
    }

    /// Whether the browser has a portal session (the frames' cookie), asked from the portal's
    /// own origin.
    pub async fn portal_session(&self, driver: &WebDriver) -> bool {
        driver
            .goto(format!("{}/api/2.0/authentication", self.portal.base_url()))
            .await
            .expect("open portal");
        let body = driver
            .find(By::Tag("body"))
            .await
            .expect("body")
            .text()
            .await
            .expect("text");
        let v: serde_json::Value = serde_json::from_str(body.trim()).unwrap_or_default();
        v["response"] == serde_json::json!(true)
    }
}
