//! Embed latency: navigation start to `onContentReady` for the manager, the file selector and
//! the editor: the docspace-sdk page as it is, the same page with the frame bootstrapped in its
//! HTML (`docspace_sdk::Bootstrap`, rendered by the page server as a host would), and the plain
//! api.js page, all against one devportal, in rotating order.
//!
//! The docspace-sdk pages are read from the performance timeline (`docspace:content-ready:<id>`,
//! marked by the bridge or the bootstrap when the frame reports it), the plain page from the
//! `window.benchContentReady` it stores itself.

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use docspace_bench::report::{Goal, Report, Section, times};
use docspace_bench::stats::{median, percentile, ratio};
use docspace_host::{HostConfig, PortalTarget};
use docspace_sdk::{Bootstrap, EditorConfig, FileSelectorConfig, FrameConfig, ManagerConfig};
use thirtyfour::WebDriver;
use tower_http::services::ServeDir;

use crate::browser::{CONTENT_READY_JS, Driver, poll, sign_in, trace_if_asked};
use crate::editor_route::{self, EditorRoute};
use crate::load::{BENCH_API_KEY, BENCH_PASSWORD, demo_portal, held_listener};

const MODES: [&str; 3] = ["manager", "file-selector", "editor"];
/// The latency goal: within 5% of plain api.js.
const GOAL: f64 = 1.05;

/// The three pages, in the order of [`ModeSamples::samples`].
const PAGES: [&str; 3] = [
    "docspace-sdk page, bootstrapped",
    "docspace-sdk page",
    "plain api.js page",
];

pub struct Embed {
    runs: usize,
    modes: Vec<ModeSamples>,
}

struct ModeSamples {
    mode: &'static str,
    /// Milliseconds per page of [`PAGES`].
    samples: [Vec<f64>; 3],
    /// Loads that never reached `onContentReady`.
    failed: usize,
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

/// The docspace-sdk page with its frame bootstrapped: what a server that renders the page
/// writes, with the config `examples/bench_embed.rs` gives its component (which adopts it).
fn bootstrapped(page: &str, q: &HashMap<String, String>) -> Response {
    let get = |k: &str| q.get(k).cloned().unwrap_or_default();
    let config: FrameConfig = match get("mode").as_str() {
        "file-selector" => FileSelectorConfig::new().into(),
        "editor" => EditorConfig::new(get("id")).into(),
        _ => ManagerConfig::new().into(),
    };
    match Bootstrap::new(&get("portal"), "ds-frame", config).write_into(page) {
        Ok(page) => Html(page).into_response(),
        Err(e) => (StatusCode::BAD_REQUEST, e.to_string()).into_response(),
    }
}

async fn load_once(driver: &WebDriver, url: &str) -> anyhow::Result<f64> {
    driver.goto("about:blank").await.context("blank page")?;
    driver.goto(url).await.context("opening the page")?;
    let v = match poll(driver, CONTENT_READY_JS, Duration::from_secs(30)).await {
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
    trace_if_asked(driver, url).await;
    v.as_f64().context("benchContentReady is not a number")
}

/// The three pages per mode, and the app's editor route (when `app_dist` holds a built app).
pub async fn measure(
    sdk_page: &Path,
    plain_page: &Path,
    app_dist: Option<&Path>,
    runs: usize,
    scratch: &Path,
) -> anyhow::Result<(Embed, Option<anyhow::Result<EditorRoute>>)> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .context("binding the page server")?;
    let origin = format!("http://{}", listener.local_addr()?);
    // Trunk links its assets from `/`, so the docspace-sdk page is served at the root.
    let page = std::fs::read_to_string(sdk_page.join("index.html"))
        .context("reading the docspace-sdk page")?;
    let app = axum::Router::new()
        .route(
            "/boot/index.html",
            axum::routing::get(move |q: Query<HashMap<String, String>>| async move {
                bootstrapped(&page, &q)
            }),
        )
        // Where a new tab starts before a cold load: another site, as a tab that follows a link
        // or a typed URL comes from (the new-tab page, a mail client), not WebDriver's about:blank.
        .route(
            "/start",
            axum::routing::get(|| async { Html("<!doctype html><title>elsewhere</title>") }),
        )
        .nest_service("/plain", ServeDir::new(plain_page))
        .fallback_service(ServeDir::new(sdk_page));
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    // The app's host, on a port known before the portal starts (which must allow its origin).
    let (host_listener, host_origin) = held_listener().await?;
    let portal = demo_portal(vec![origin.clone(), host_origin.clone()]).await?;
    let base = portal.base_url();
    let file = a_file(&reqwest::Client::new(), &base).await?;
    // Holding the key, the host's app is signed in in every new tab, as the route needs.
    let host = match app_dist {
        Some(dist) => Some(
            docspace_host::start_on(
                host_listener,
                HostConfig {
                    dist: dist.to_path_buf(),
                    portal: PortalTarget::Remote(base.clone()),
                    api_key: Some(BENCH_API_KEY.into()),
                    ..HostConfig::default()
                },
            )
            .await
            .context("starting the host")?,
        ),
        None => None,
    };

    let profile = scratch.join("chromium-embed");
    std::fs::create_dir_all(&profile).context("browser profile dir")?;
    let chromedriver = Driver::start()?;
    let driver = chromedriver.session(&profile).await?;
    let result = async {
        sign_in(&driver, &base, "owner@example.com", BENCH_PASSWORD).await?;
        let mut modes = Vec::new();
        for mode in MODES {
            let query = format!("portal={base}&mode={mode}&id={file}");
            let urls = [
                format!("{origin}/boot/index.html?{query}"),
                format!("{origin}/index.html?{query}"),
                format!("{origin}/plain/index.html?{query}"),
            ];
            // One unmeasured load of each warms the caches alike.
            for (page, url) in PAGES.iter().zip(&urls) {
                load_once(&driver, url).await.context(*page)?;
            }
            let mut samples: [Vec<f64>; 3] = Default::default();
            let mut failed = 0;
            for i in 0..runs {
                // Each page goes first, second and third equally often.
                for k in 0..3 {
                    let page = (i + k) % 3;
                    match load_once(&driver, &urls[page]).await {
                        Ok(t) => samples[page].push(t),
                        Err(e) => {
                            eprintln!("bench: {mode} ({}) load failed: {e:#}", PAGES[page]);
                            failed += 1;
                        }
                    }
                }
            }
            eprintln!(
                "bench: {mode}: bootstrapped median {:?} ms, component {:?} ms, plain {:?} ms",
                median(&samples[0]),
                median(&samples[1]),
                median(&samples[2])
            );
            modes.push(ModeSamples {
                mode,
                samples,
                failed,
            });
        }
        let route = match &host {
            Some(host) => {
                let plain =
                    format!("{origin}/plain/index.html?portal={base}&mode=editor&id={file}");
                // `localhost` is another site than `127.0.0.1`.
                let start = origin.replace("127.0.0.1", "localhost") + "/start";
                let pages = editor_route::Pages {
                    start: &start,
                    app: &host.base_url(),
                    plain: &plain,
                };
                Some(editor_route::measure(&driver, &pages, &file, runs).await)
            }
            None => None,
        };
        anyhow::Ok((modes, route))
    }
    .await;
    let _ = driver.quit().await;
    drop(chromedriver);
    portal.shutdown().await;
    server.abort();
    drop(host);
    let (modes, route) = result?;
    Ok((Embed { runs, modes }, route))
}

impl Embed {
    pub fn add_to(self, report: &mut Report) {
        let mut s = Section::new(
            "Embed latency: navigation start → onContentReady",
            &format!(
                "Headless Chromium, one devportal (demo data, limits off), pages served from \
                 another loopback origin; {} runs of each page per mode, rotating which goes \
                 first, after one unmeasured load of each. Milliseconds from navigation start \
                 (`performance.now()`) to the first `onContentReady`. Bootstrapped: the same \
                 docspace-sdk page with `docspace_sdk::Bootstrap` rendered into its HTML (the \
                 documented way to embed); the component adopts the frame.",
                self.runs
            ),
            &[
                "mode",
                "bootstrapped median ms",
                "component only median ms",
                "plain api.js median ms",
                "bootstrapped / plain",
                "component only / plain",
                "p90 (boot, component, plain)",
                "samples",
                "failed",
            ],
        );
        let mut data = Vec::new();
        let mut worst: Option<f64> = None;
        let mut all = true;
        for m in &self.modes {
            let [boot, component, plain] = m.samples.each_ref().map(|v| median(v));
            let vs_plain = |a: Option<f64>| a.zip(plain).and_then(|(a, b)| ratio(a, b));
            let (r_boot, r_component) = (vs_plain(boot), vs_plain(component));
            match r_boot {
                Some(r) => worst = Some(worst.map_or(r, |w| w.max(r))),
                None => all = false,
            }
            let f = |v: Option<f64>| v.map_or_else(|| "n/a".into(), |v| format!("{v:.1}"));
            let p90 = m.samples.each_ref().map(|v| f(percentile(v, 90.0)));
            s.row(&[
                m.mode.to_string(),
                f(boot),
                f(component),
                f(plain),
                times(r_boot),
                times(r_component),
                p90.join(", "),
                m.samples
                    .each_ref()
                    .map(|v| v.len().to_string())
                    .join(" + "),
                m.failed.to_string(),
            ]);
            data.push(serde_json::json!({
                "mode": m.mode, "bootMs": m.samples[0], "sdkMs": m.samples[1],
                "plainMs": m.samples[2], "failed": m.failed,
                "bootMedianMs": boot, "sdkMedianMs": component, "plainMedianMs": plain,
                "bootRatio": r_boot, "sdkRatio": r_component,
            }));
        }
        s.data = serde_json::json!(data);
        report.sections.push(s);
        report.goals.push(Goal {
            goal: "embed latency within 5% of plain api.js, bootstrapped (median ratio ≤ 1.05, \
                   every mode)"
                .into(),
            measured: match worst {
                Some(w) => format!("worst median ratio {w:.2}×"),
                None => "no ratio".into(),
            },
            met: worst.filter(|_| all).map(|w| w <= GOAL),
        });
    }
}
