//! The app's editor route on a cold load: a new tab opens `/files/:id` of the app behind
//! docspace-host (which bootstraps the editor in the HTML, the app adopting it) and, alternating,
//! the plain api.js page that opens the same file in the editor, in one Chromium against one
//! devportal. Each reads navigation start → the editor's first `onContentReady`.

use std::time::Duration;

use anyhow::Context;
use docspace_bench::report::{Goal, Report, Section, times};
use docspace_bench::stats::{median, percentile, ratio};
use thirtyfour::WebDriver;

use crate::browser::{CONTENT_READY_JS, poll, trace_if_asked};

/// Within 5% of the plain page, as the embed goal.
const GOAL: f64 = 1.05;

pub struct EditorRoute {
    runs: usize,
    app_ms: Vec<f64>,
    plain_ms: Vec<f64>,
    failed: usize,
}

/// Where the loads start and what they open.
pub struct Pages<'a> {
    /// A page of another site, where each new tab is before the measured navigation.
    pub start: &'a str,
    /// The host's base URL.
    pub app: &'a str,
    /// The plain page's URL for the same file.
    pub plain: &'a str,
}

/// Opens `url` in a new tab that was on `start`, waits for the editor's content, closes the tab.
///
/// The tab starts on another site, as a tab does where a user follows a link or types the URL:
/// from WebDriver's `about:blank` the plain page could take over the blank tab's renderer, while
/// the app, whose pages isolate themselves (`Cross-Origin-Opener-Policy: same-origin`), always
/// moves to a new one; from another site both move, as they do in use.
async fn cold_load(driver: &WebDriver, start: &str, url: &str) -> anyhow::Result<f64> {
    let first = driver.window().await.context("the current tab")?;
    let tab = driver.new_tab().await.context("a new tab")?;
    driver
        .switch_to_window(tab)
        .await
        .context("to the new tab")?;
    let result = async {
        driver.goto(start).await.context("opening the start page")?;
        driver.goto(url).await.context("opening the page")?;
        let v = poll(driver, CONTENT_READY_JS, Duration::from_secs(30)).await?;
        trace_if_asked(driver, url).await;
        v.as_f64().context("the content-ready time is not a number")
    }
    .await;
    let _ = driver.close_window().await;
    driver
        .switch_to_window(first)
        .await
        .context("back to the first tab")?;
    result
}

/// Alternating cold loads of the app's file page and the plain page.
pub async fn measure(
    driver: &WebDriver,
    pages: &Pages<'_>,
    file: &str,
    runs: usize,
) -> anyhow::Result<EditorRoute> {
    let app_url = format!("{}/files/{file}?back=/rooms", pages.app);
    let plain = pages.plain;
    // One unmeasured load of each warms the caches alike.
    cold_load(driver, pages.start, &app_url)
        .await
        .context("the app's file page")?;
    cold_load(driver, pages.start, plain)
        .await
        .context("the plain editor page")?;
    let (mut app_ms, mut plain_ms, mut failed) = (Vec::new(), Vec::new(), 0);
    for i in 0..runs {
        for app_first in [i.is_multiple_of(2), !i.is_multiple_of(2)] {
            let url = if app_first { &app_url } else { plain };
            match cold_load(driver, pages.start, url).await {
                Ok(t) if app_first => app_ms.push(t),
                Ok(t) => plain_ms.push(t),
                Err(e) => {
                    eprintln!("bench: editor route load failed: {e:#}");
                    failed += 1;
                }
            }
        }
    }
    eprintln!(
        "bench: editor route: app median {:?} ms, plain {:?} ms",
        median(&app_ms),
        median(&plain_ms)
    );
    Ok(EditorRoute {
        runs,
        app_ms,
        plain_ms,
        failed,
    })
}

impl EditorRoute {
    pub fn add_to(self, report: &mut Report) {
        let mut s = Section::new(
            "The app's editor route: cold load → editor onContentReady",
            &format!(
                "Headless Chromium, one devportal (demo data, limits off). Each load in a new \
                 tab that first shows a page of another site (as a followed link or a typed URL \
                 starts): the app's `/files/:id` behind docspace-host (holding the API key, so the \
                 tab is signed in; the host bootstraps the editor into the page and the app \
                 adopts it) against the plain api.js page opening the same file; {} runs of \
                 each, alternating which goes first. Milliseconds from navigation start.",
                self.runs
            ),
            &[
                "page",
                "median ms",
                "p90 ms",
                "ratio to plain",
                "samples",
                "failed",
            ],
        );
        let (app, plain) = (median(&self.app_ms), median(&self.plain_ms));
        let r = app.zip(plain).and_then(|(a, b)| ratio(a, b));
        let f = |v: Option<f64>| v.map_or_else(|| "n/a".into(), |v| format!("{v:.1}"));
        s.row(&[
            "app /files/:id".into(),
            f(app),
            f(percentile(&self.app_ms, 90.0)),
            times(r),
            self.app_ms.len().to_string(),
            self.failed.to_string(),
        ]);
        s.row(&[
            "plain api.js editor page".into(),
            f(plain),
            f(percentile(&self.plain_ms, 90.0)),
            "1.00×".into(),
            self.plain_ms.len().to_string(),
            String::new(),
        ]);
        s.data = serde_json::json!({
            "appMs": self.app_ms, "plainMs": self.plain_ms, "failed": self.failed,
            "appMedianMs": app, "plainMedianMs": plain, "ratio": r,
        });
        report.sections.push(s);
        report.goals.push(Goal {
            goal: "the app's editor route on a cold load within 5% of a plain page opening the \
                   same file (median ratio ≤ 1.05)"
                .into(),
            measured: r.map_or_else(|| "no ratio".into(), |r| format!("{r:.2}×")),
            met: r.map(|r| r <= GOAL),
        });
    }
}
