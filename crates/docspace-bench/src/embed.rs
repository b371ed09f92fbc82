//! Embed latency: navigation start to `onContentReady` for the manager, the file selector and
//! the editor, the docspace-sdk page against the plain api.js page, both against one devportal,
//! in alternating runs.

use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use docspace_bench::report::{Goal, Report, Section, times};
use docspace_bench::stats::{median, percentile, ratio};
use docspace_devportal::{PortalConfig, RateLimits, Seed};
use thirtyfour::WebDriver;
use tower_http::services::ServeDir;

use crate::browser::{Driver, poll, sign_in};
use crate::load::{BENCH_API_KEY, BENCH_PASSWORD};

const MODES: [&str; 3] = ["manager", "file-selector", "editor"];
/// The latency goal: within 5% of plain api.js.
const GOAL: f64 = 1.05;

pub struct Embed {
    runs: usize,
    /// Per mode: (sdk samples, plain samples, failed loads).
    modes: Vec<(&'static str, Vec<f64>, Vec<f64>, usize)>,
}

/// The first file of the demo data (for the editor), found through the REST API.
async fn a_file(http: &reqwest::Client, base: &str) -> anyhow::Result<String> {
    let get = |path: String| async move {
        let v: serde_json::Value = http
            .get(format!("{base}/api/2.0/{path}"))
            .bearer_auth(BENCH_API_KEY)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        anyhow::Ok(v["response"].clone())
    };
    let mut queue = vec!["files/rooms".to_string(), "files/@my".to_string()];
    for _ in 0..50 {
        let Some(path) = queue.pop() else { break };
        let listing = get(path).await?;
        if let Some(id) = listing["files"]
            .as_array()
            .and_then(|f| f.first())
            .and_then(|f| f["id"].as_i64())
        {
            return Ok(id.to_string());
        }
        for f in listing["folders"].as_array().into_iter().flatten() {
            if let Some(id) = f["id"].as_i64() {
                queue.push(format!("files/{id}"));
            }
        }
    }
    anyhow::bail!("the demo portal has no file")
}

async fn load_once(driver: &WebDriver, url: &str) -> anyhow::Result<f64> {
    driver.goto("about:blank").await.context("blank page")?;
    driver.goto(url).await.context("opening the page")?;
    let v = match poll(
        driver,
        "return window.benchContentReady === undefined ? null : window.benchContentReady;",
        Duration::from_secs(30),
    )
    .await
    {
        Ok(v) => v,
        Err(e) => {
            let page = driver
                .execute(
                    "return (typeof DocSpace) + ' ' + JSON.stringify(performance.getEntriesByType('resource').map(e => [e.name, e.responseStatus])) + ' ' + document.body.outerHTML.slice(-400);",
                    Vec::new(),
                )
                .await
                .map(|r| r.json().to_string())
                .unwrap_or_default();
            return Err(e.context(format!("the page shows {page}")));
        }
    };
    v.as_f64().context("benchContentReady is not a number")
}

pub async fn measure(
    sdk_page: &Path,
    plain_page: &Path,
    runs: usize,
    scratch: &Path,
) -> anyhow::Result<Embed> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .context("binding the page server")?;
    let origin = format!("http://{}", listener.local_addr()?);
    // Trunk links its assets from `/`, so the docspace-sdk page is served at the root.
    let app = axum::Router::new()
        .nest_service("/plain", ServeDir::new(plain_page))
        .fallback_service(ServeDir::new(sdk_page));
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    let portal = docspace_devportal::start(PortalConfig {
        allow_origins: vec![origin.clone()],
        seed: Seed::Demo,
        api_key: Some(BENCH_API_KEY.into()),
        owner_password: Some(BENCH_PASSWORD.into()),
        rate_limits: RateLimits::off(),
        ..PortalConfig::for_tests()
    })
    .await
    .context("starting the devportal")?;
    let base = portal.base_url();
    let file = a_file(&reqwest::Client::new(), &base).await?;

    let profile = scratch.join("chromium-embed");
    std::fs::create_dir_all(&profile).context("browser profile dir")?;
    let chromedriver = Driver::start()?;
    let driver = chromedriver.session(&profile).await?;
    let result = async {
        sign_in(&driver, &base, "owner@example.com", BENCH_PASSWORD).await?;
        let mut modes = Vec::new();
        for mode in MODES {
            let query = format!("portal={base}&mode={mode}&id={file}");
            let sdk = format!("{origin}/index.html?{query}");
            let plain = format!("{origin}/plain/index.html?{query}");
            // One unmeasured load of each warms the caches alike.
            load_once(&driver, &sdk)
                .await
                .context("docspace-sdk page")?;
            load_once(&driver, &plain)
                .await
                .context("plain api.js page")?;
            let (mut ours, mut theirs, mut failed) = (Vec::new(), Vec::new(), 0);
            for i in 0..runs {
                let order = if i.is_multiple_of(2) {
                    [true, false]
                } else {
                    [false, true]
                };
                for is_sdk in order {
                    let url = if is_sdk { &sdk } else { &plain };
                    match load_once(&driver, url).await {
                        Ok(t) if is_sdk => ours.push(t),
                        Ok(t) => theirs.push(t),
                        Err(e) => {
                            eprintln!("bench: {mode} load failed: {e:#}");
                            failed += 1;
                        }
                    }
                }
            }
            eprintln!(
                "bench: {mode}: sdk median {:?} ms, plain median {:?} ms",
                median(&ours),
                median(&theirs)
            );
            modes.push((mode, ours, theirs, failed));
        }
        anyhow::Ok(modes)
    }
    .await;
    let _ = driver.quit().await;
    drop(chromedriver);
    portal.shutdown().await;
    server.abort();
    Ok(Embed {
        runs,
        modes: result?,
    })
}

impl Embed {
    pub fn add_to(self, report: &mut Report) {
        let mut s = Section::new(
            "Embed latency: navigation start → onContentReady",
            &format!(
                "Headless Chromium, one devportal (demo data, limits off), pages served from \
                 another loopback origin; {} runs of each page per mode, alternating which goes \
                 first, after one unmeasured load of each. Milliseconds from navigation start \
                 (`performance.now()`) to the first `onContentReady`.",
                self.runs
            ),
            &[
                "mode",
                "docspace-sdk median ms",
                "plain api.js median ms",
                "ratio",
                "docspace-sdk p90",
                "plain p90",
                "samples",
                "failed",
            ],
        );
        let mut data = Vec::new();
        let mut worst: Option<f64> = None;
        let mut all = true;
        for (mode, ours, theirs, failed) in &self.modes {
            let (mo, mt) = (median(ours), median(theirs));
            let r = mo.zip(mt).and_then(|(a, b)| ratio(a, b));
            match r {
                Some(r) => worst = Some(worst.map_or(r, |w| w.max(r))),
                None => all = false,
            }
            let f = |v: Option<f64>| v.map_or_else(|| "n/a".into(), |v| format!("{v:.1}"));
            s.row(&[
                mode.to_string(),
                f(mo),
                f(mt),
                times(r),
                f(percentile(ours, 90.0)),
                f(percentile(theirs, 90.0)),
                format!("{} + {}", ours.len(), theirs.len()),
                failed.to_string(),
            ]);
            data.push(serde_json::json!({
                "mode": mode, "sdkMs": ours, "plainMs": theirs, "failed": failed,
                "sdkMedianMs": mo, "plainMedianMs": mt, "ratio": r,
            }));
        }
        s.data = serde_json::json!(data);
        report.sections.push(s);
        report.goals.push(Goal {
            goal: "embed latency within 5% of plain api.js (median ratio ≤ 1.05, every mode)"
                .into(),
            measured: match worst {
                Some(w) => format!("worst median ratio {w:.2}×"),
                None => "no ratio".into(),
            },
            met: worst.filter(|_| all).map(|w| w <= GOAL),
        });
    }
}
