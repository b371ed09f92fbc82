//! End-to-end harness: the real host and devportal on loopback, driven by headless Chromium
//! through Debian's ChromeDriver.

#![allow(dead_code)] // Each e2e file uses a different subset.

use std::future::Future;
use std::net::TcpListener;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use docspace_devportal::{PortalConfig, RunningPortal};
use docspace_host::{HostConfig, PortalTarget, RunningHost};
use futures::FutureExt;
use thirtyfour::prelude::*;

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

/// A loopback URL nothing listens on.
pub fn dead_url() -> String {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    format!("http://127.0.0.1:{port}")
}

/// A ChromeDriver process on a free port, killed on drop.
struct ChromeDriver {
    child: Child,
    url: String,
}

impl ChromeDriver {
    fn start() -> ChromeDriver {
        let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let child = Command::new(&bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {bin} ({e}): run `cargo xtask test` to install it")
            });
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not start listening"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        ChromeDriver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn new_session(driver_url: &str, profile: &std::path::Path) -> WebDriver {
    let mut caps = DesiredCapabilities::chrome();
    let setup = (|| -> WebDriverResult<()> {
        caps.set_binary("/usr/bin/chromium")?;
        for arg in [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=1280,900",
        ] {
            caps.add_arg(arg)?;
        }
        caps.add_arg(&format!("--user-data-dir={}", profile.display()))
    })();
    setup.expect("chrome capabilities");
    WebDriver::new(driver_url, caps)
        .await
        .expect("browser session")
}

/// Runs `test` with a fresh headless browser, and always closes the browser and driver, even
/// when the test fails.
pub async fn with_browser<F, Fut>(test: F)
where
    F: FnOnce(WebDriver) -> Fut,
    Fut: Future<Output = ()>,
{
    let chromedriver = ChromeDriver::start();
    let profile = tempfile::tempdir().expect("profile dir");
    let driver = new_session(&chromedriver.url, profile.path()).await;
    let handle = driver.clone();
    let outcome = AssertUnwindSafe(test(driver)).catch_unwind().await;
    let _ = handle.quit().await;
    drop(chromedriver);
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// Waits (up to 30 s) for the element `css` and returns its text.
pub async fn text_of(driver: &WebDriver, css: &str) -> String {
    driver
        .query(By::Css(css))
        .wait(Duration::from_secs(30), Duration::from_millis(100))
        .first()
        .await
        .unwrap_or_else(|e| panic!("no element `{css}`: {e}"))
        .text()
        .await
        .expect("element text")
}
