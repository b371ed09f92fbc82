//! Headless Chromium sessions for end-to-end tests.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use futures::FutureExt;
use thirtyfour::prelude::*;

/// How long element waits last: generous, because these machines are shared and slow.
const WAIT: Duration = Duration::from_secs(30);

/// A ChromeDriver process on a free port, killed on drop: the one browser harness of the
/// workspace's tests ([`with_browser`]) and of its benchmarks (`docspace-bench`), which report
/// failures as errors rather than panics.
pub struct ChromeDriver {
    child: Child,
    url: String,
}

/// The browser's flags, before the session's own: headless, no first-run or background work,
/// a fixed window.
const CHROME_ARGS: [&str; 9] = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,900",
];

impl ChromeDriver {
    /// Starts `$CHROMEDRIVER` (default `/usr/bin/chromedriver`) on a free loopback port and waits
    /// up to 20 s for it to listen. The port is free when chosen but cannot be held for another
    /// process: a driver that exits at once (the port was taken meanwhile) is started again on
    /// another, three times at most.
    pub fn start() -> Result<ChromeDriver, String> {
        let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let mut last_error = String::new();
        for _ in 0..3 {
            match Self::start_once(&bin) {
                Ok(driver) => return Ok(driver),
                Err(Start::Exited(e)) => last_error = e,
                Err(Start::Failed(e)) => return Err(e),
            }
        }
        Err(last_error)
    }

    fn start_once(bin: &str) -> Result<ChromeDriver, Start> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| Start::Failed(format!("no free loopback port: {e}")))?
            .port();
        let child = Command::new(bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                Start::Failed(format!(
                    "cannot start {bin} ({e}): run `cargo xtask test`, which installs it"
                ))
            })?;
        let mut driver = ChromeDriver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = driver.child.try_wait() {
                return Err(Start::Exited(format!(
                    "chromedriver exited before it listened on port {port} ({status})"
                )));
            }
            if Instant::now() > deadline {
                // Dropped: the driver stops.
                return Err(Start::Failed("chromedriver did not start listening".into()));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(driver)
    }

    /// A fresh headless Chromium (`$CHROME_BIN`, default `/usr/bin/chromium`) with its own
    /// profile directory `profile`, and `extra_args` after the usual flags.
    pub async fn session(
        &self,
        profile: &std::path::Path,
        extra_args: &[&str],
    ) -> WebDriverResult<WebDriver> {
        let mut caps = DesiredCapabilities::chrome();
        let binary = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
        caps.set_binary(&binary)?;
        for arg in CHROME_ARGS.iter().chain(extra_args) {
            caps.add_arg(arg)?;
        }
        caps.add_arg(&format!("--user-data-dir={}", profile.display()))?;
        WebDriver::new(&self.url, caps).await
    }
}

/// Why one attempt to start the driver failed: worth another port, or not.
enum Start {
    Exited(String),
    Failed(String),
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `test` with a fresh headless browser (own profile directory), and always closes the
/// browser and its driver, even when the test panics.
pub async fn with_browser<F, Fut>(test: F)
where
    F: FnOnce(WebDriver) -> Fut,
    Fut: Future<Output = ()>,
{
    let chromedriver = ChromeDriver::start().unwrap_or_else(|e| panic!("{e}"));
    let profile = tempfile::tempdir().unwrap_or_else(|e| panic!("profile dir: {e}"));
    let driver = chromedriver
        .session(profile.path(), &[])
        .await
        .unwrap_or_else(|e| panic!("cannot open a browser session: {e}"));
    let handle = driver.clone();
    let outcome = AssertUnwindSafe(test(driver)).catch_unwind().await;
    let _ = handle.quit().await;
    drop(chromedriver);
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// Waits for the element `css` and returns it.
pub async fn wait_for(driver: &WebDriver, css: &str) -> WebElement {
    driver
        .query(By::Css(css))
        .wait(WAIT, Duration::from_millis(100))
        .first()
        .await
        .unwrap_or_else(|e| panic!("no element `{css}` within {WAIT:?}: {e}"))
}

/// Waits for the element `css` and returns its text.
pub async fn text_of(driver: &WebDriver, css: &str) -> String {
    wait_for(driver, css)
        .await
        .text()
        .await
        .unwrap_or_else(|e| panic!("text of `{css}`: {e}"))
}

/// What the script `js` (the body of a function) returns, as JSON; null when it throws or the
/// browser does not answer.
pub async fn script_value(driver: &WebDriver, js: &str) -> serde_json::Value {
    driver
        .execute(js, Vec::new())
        .await
        .map(|r| r.json().clone())
        .unwrap_or(serde_json::Value::Null)
}

/// Polls the JavaScript expression `js` (the body of a function that returns a value) until it
/// returns something truthy, and returns that value as JSON.
pub async fn wait_until(driver: &WebDriver, js: &str) -> serde_json::Value {
    let deadline = Instant::now() + WAIT;
    loop {
        let v = script_value(driver, js).await;
        let truthy = !matches!(&v, serde_json::Value::Null | serde_json::Value::Bool(false))
            && v != serde_json::json!(0)
            && v != serde_json::json!("");
        if truthy {
            return v;
        }
        assert!(
            Instant::now() < deadline,
            "condition never held within {WAIT:?}: {js}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
