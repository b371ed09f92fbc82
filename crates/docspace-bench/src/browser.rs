//! Headless Chromium through Debian's ChromeDriver, for the browser measurements: the test kit's
//! harness, with failures as errors, not panics; the driver and browser always stop.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use docspace_testkit::{ChromeDriver, script_value};
use thirtyfour::prelude::*;

/// docspace-testkit's ChromeDriver, with errors for the bench's report.
pub struct Driver(ChromeDriver);

impl Driver {
    pub fn start() -> anyhow::Result<Driver> {
        ChromeDriver::start().map(Driver).map_err(|e| anyhow!(e))
    }

    /// A fresh headless browser with its own profile in `profile`; it reports precise memory
    /// figures to the page.
    pub async fn session(&self, profile: &Path) -> anyhow::Result<WebDriver> {
        self.0
            .session(profile, &["--enable-precise-memory-info"])
            .await
            .context("opening a browser session")
    }
}

/// Polls the script `js` (a function body) until it returns a non-null value, for at most
/// `limit`.
pub async fn poll(
    driver: &WebDriver,
    js: &str,
    limit: Duration,
) -> anyhow::Result<serde_json::Value> {
    let deadline = Instant::now() + limit;
    loop {
        let v = script_value(driver, js).await;
        if !v.is_null() {
            return Ok(v);
        }
        if Instant::now() > deadline {
            bail!("no answer within {limit:?} from: {js}");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Signs the browser in to the portal at `base` (sets its session cookie): opens a portal page
/// and posts the credentials from there, so they travel in a request body, never a URL.
pub async fn sign_in(
    driver: &WebDriver,
    base: &str,
    email: &str,
    password: &str,
) -> anyhow::Result<()> {
    driver
        .goto(format!("{base}/api/2.0/settings"))
        .await
        .context("opening the portal")?;
    let status = driver
        .execute_async(
            "const [email, password, done] = arguments;
             fetch('/api/2.0/authentication', {method: 'POST', credentials: 'include',
               headers: {'Content-Type': 'application/json'},
               body: JSON.stringify({userName: email, password})})
               .then(r => done(r.status), () => done(0));",
            vec![serde_json::json!(email), serde_json::json!(password)],
        )
        .await
        .context("signing in")?;
    let status = status.json().as_u64().unwrap_or(0);
    anyhow::ensure!(status == 200, "sign-in answered {status}");
    Ok(())
}

/// The moment a page's frame showed its content (ms since navigation start), or `null` yet: the
/// `docspace:content-ready:<frame>` mark docspace-sdk sets, else the plain page's own
/// `window.benchContentReady`.
pub const CONTENT_READY_JS: &str = "const m = performance.getEntriesByType('mark')\
    .find(m => m.name.startsWith('docspace:content-ready:'));\
    return m ? m.startTime : (window.benchContentReady ?? null);";

/// With `DOCSPACE_BENCH_TRACE` set, prints where a page's time went: parse milestones, each
/// resource's start and end, the marks, and long animation frames with their scripts. For finding
/// a latency gap, not for the report.
pub async fn trace_if_asked(driver: &WebDriver, url: &str) {
    if std::env::var_os("DOCSPACE_BENCH_TRACE").is_none() {
        return;
    }
    let trace = driver
        .execute(
            "const n = performance.getEntriesByType('navigation')[0];\
             const t = v => v.toFixed(1);\
             const head = `interactive ${t(n.domInteractive)} dcl ${t(n.domContentLoadedEventStart)}`;\
             return [head].concat(performance.getEntries()\
               .filter(e => e.entryType !== 'paint' && e.entryType !== 'navigation')\
               .map(e => `${e.entryType} ${e.name.split('?')[0].slice(-40)} ${t(e.startTime)}..\
${t(e.responseEnd ?? e.startTime + e.duration)} ${e.scripts ? JSON.stringify(e.scripts\
                 .map(x => [x.invoker, x.sourceURL.slice(-30), t(x.startTime), t(x.duration)])) : ''}`))\
               .join('\\n');",
            Vec::new(),
        )
        .await
        .map(|r| r.json().as_str().unwrap_or_default().to_string())
        .unwrap_or_else(|e| format!("no trace: {e}"));
    eprintln!("bench trace {url}:\n{trace}");
}
