//! Headless Chromium sessions for end-to-end tests.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use futures::FutureExt;
use thirtyfour::prelude::*;

use crate::free_port;

/// How long element waits last: generous, because these machines are shared and slow.
const WAIT: Duration = Duration::from_secs(30);

/// A ChromeDriver process on a free port, killed on drop.
struct ChromeDriver {
    child: Child,
    url: String,
}

impl ChromeDriver {
    fn start() -> ChromeDriver {
        let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let child = Command::new(&bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {bin} ({e}): run `cargo xtask test`, which installs it")
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
        let binary = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
        caps.set_binary(&binary)?;
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
    setup.unwrap_or_else(|e| panic!("chrome capabilities: {e}"));
    WebDriver::new(driver_url, caps)
        .await
        .unwrap_or_else(|e| panic!("cannot open a browser session: {e}"))
}

/// Runs `test` with a fresh headless browser (own profile directory), and always closes the
/// browser and its driver, even when the test panics.
pub async fn with_browser<F, Fut>(test: F)
where
    F: FnOnce(WebDriver) -> Fut,
    Fut: Future<Output = ()>,
{
    let chromedriver = ChromeDriver::start();
    let profile = tempfile::tempdir().unwrap_or_else(|e| panic!("profile dir: {e}"));
    let driver = new_session(&chromedriver.url, profile.path()).await;
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

/// Polls the JavaScript expression `js` (the body of a function that returns a value) until it
/// returns something truthy, and returns that value as JSON.
pub async fn wait_until(driver: &WebDriver, js: &str) -> serde_json::Value {
    let deadline = Instant::now() + WAIT;
    loop {
        let v = driver
            .execute(js, Vec::new())
            .await
            .map(|r| r.json().clone())
            .unwrap_or(serde_json::Value::Null);
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
