//! The baseline to beat: our minimal page (`bench/min-page`: a rooms list and a create-room form
//! with docspace-api, a manager frame with docspace-sdk, Leptos built by Trunk) against the same
//! page in React (`bench/react-page`: React, `@onlyoffice/docspace-react`, built by Vite). Sizes
//! of both builds, then navigation → list painted and navigation → manager `onContentReady`, in
//! alternating runs in one Chromium against one devportal, each page behind its own
//! docspace-host (the REST calls go same-origin through the host's held key, the frame signs in
//! with the portal's session cookie).

use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use docspace_bench::report::{Goal, Report, Section, thousands, times};
use docspace_bench::stats::{median, percentile, ratio};
use docspace_host::{HostConfig, PortalTarget};
use thirtyfour::WebDriver;

use crate::browser::{Driver, poll, sign_in};
use crate::dashboard::{click, fill};
use crate::load::{BENCH_API_KEY, BENCH_PASSWORD, demo_portal, held_listener};
use crate::size::{Bytes, compress, dir_bytes, total};

/// Ours may transfer at most this many times the React page's bytes (brotli).
const SIZE_GOAL: f64 = 1.5;
/// Ours may take at most this many times React's median to each mark.
const LATENCY_GOAL: f64 = 1.05;

/// The two marks of one load, in milliseconds since navigation start.
#[derive(Debug, Clone, Copy)]
struct Marks {
    list: f64,
    ready: f64,
}

/// One page's figures.
#[derive(Debug, Default)]
struct Side {
    by_kind: Vec<(String, Bytes)>,
    list_ms: Vec<f64>,
    ready_ms: Vec<f64>,
    failed: usize,
    /// Whether a room created through the page's form showed up in its list.
    creates: Option<bool>,
}

impl Side {
    fn push(&mut self, m: Marks) {
        self.list_ms.push(m.list);
        self.ready_ms.push(m.ready);
    }
}

pub struct Baseline {
    runs: usize,
    api_js: Bytes,
    ours: Side,
    react: Side,
    /// Why the latency half is missing, when it is.
    latency_error: Option<String>,
}

async fn load_once(driver: &WebDriver, url: &str) -> anyhow::Result<Marks> {
    driver.goto("about:blank").await.context("blank page")?;
    driver.goto(url).await.context("opening the page")?;
    let v = poll(
        driver,
        "const l = window.benchListPainted, r = window.benchContentReady;
         return (l === undefined || r === undefined) ? null : [l, r];",
        Duration::from_secs(30),
    )
    .await
    .with_context(|| format!("{url} never marked both the list and onContentReady"))?;
    let n = |i: usize| {
        v.get(i)
            .and_then(|x| x.as_f64())
            .context("a mark is not a number")
    };
    Ok(Marks {
        list: n(0)?,
        ready: n(1)?,
    })
}

/// Creates a room through the page's form and waits for it in the page's list.
async fn creates_a_room(driver: &WebDriver, url: &str, title: &str) -> anyhow::Result<()> {
    load_once(driver, url).await?;
    fill(driver, "input[aria-label='Room title']", title).await?;
    click(driver, "form button[type='submit']").await?;
    let js = format!(
        "return [...document.querySelectorAll('ul.rooms li')].some(li => li.textContent === {}) \
         ? true : null;",
        serde_json::json!(title)
    );
    poll(driver, &js, Duration::from_secs(30))
        .await
        .context("the new room never showed in the list")?;
    Ok(())
}

pub async fn measure(
    min_page: &Path,
    react_page: &Path,
    api_js: &Path,
    runs: usize,
    scratch: &Path,
) -> anyhow::Result<Baseline> {
    let api = std::fs::read(api_js).with_context(|| format!("reading {}", api_js.display()))?;
    let mut out = Baseline {
        runs,
        api_js: compress(&api)?,
        ours: Side {
            by_kind: dir_bytes(min_page)?,
            ..Side::default()
        },
        react: Side {
            by_kind: dir_bytes(react_page)?,
            ..Side::default()
        },
        latency_error: None,
    };
    if let Err(e) = latency(&mut out, min_page, react_page, runs, scratch).await {
        out.latency_error = Some(format!("{e:#}"));
    }
    Ok(out)
}

async fn latency(
    out: &mut Baseline,
    min_page: &Path,
    react_page: &Path,
    runs: usize,
    scratch: &Path,
) -> anyhow::Result<()> {
    let (ours_listener, ours_origin) = held_listener().await?;
    let (react_listener, react_origin) = held_listener().await?;
    // Both pages' origins may frame the portal.
    let portal = demo_portal(vec![ours_origin, react_origin]).await?;
    let base = portal.base_url();
    let host = |dist: &Path| HostConfig {
        dist: dist.to_path_buf(),
        portal: PortalTarget::Remote(base.clone()),
        api_key: Some(BENCH_API_KEY.into()),
        ..HostConfig::default()
    };
    let hosts = async {
        let ours = docspace_host::start_on(ours_listener, host(min_page))
            .await
            .context("starting the host of our page")?;
        let react = docspace_host::start_on(react_listener, host(react_page))
            .await
            .context("starting the host of the React page")?;
        anyhow::Ok((ours, react))
    }
    .await;
    let (ours_host, react_host) = match hosts {
        Ok(h) => h,
        Err(e) => {
            portal.shutdown().await;
            return Err(e);
        }
    };
    let query = format!("portal={base}");
    let ours_url = format!("{}/index.html?{query}", ours_host.base_url());
    let react_url = format!("{}/index.html?{query}", react_host.base_url());

    let profile = scratch.join("chromium-baseline");
    std::fs::create_dir_all(&profile).context("browser profile dir")?;
    let chromedriver = Driver::start()?;
    let driver = chromedriver.session(&profile).await?;
    let result = async {
        sign_in(&driver, &base, "owner@example.com", BENCH_PASSWORD).await?;
        // One unmeasured load of each warms the caches alike.
        load_once(&driver, &ours_url).await.context("our page")?;
        load_once(&driver, &react_url)
            .await
            .context("the React page")?;
        for i in 0..runs {
            let order = if i.is_multiple_of(2) {
                [true, false]
            } else {
                [false, true]
            };
            for is_ours in order {
                let (url, side) = if is_ours {
                    (&ours_url, &mut out.ours)
                } else {
                    (&react_url, &mut out.react)
                };
                match load_once(&driver, url).await {
                    Ok(m) => side.push(m),
                    Err(e) => {
                        eprintln!("bench: baseline load failed: {e:#}");
                        side.failed += 1;
                    }
                }
            }
        }
        // After the timed runs, so both lists stay the same while they are measured.
        for (url, side, title) in [
            (&ours_url, &mut out.ours, "Bench room (ours)"),
            (&react_url, &mut out.react, "Bench room (React)"),
        ] {
            let ok = creates_a_room(&driver, url, title).await;
            if let Err(e) = &ok {
                eprintln!("bench: baseline create-room check failed: {e:#}");
            }
            side.creates = Some(ok.is_ok());
        }
        anyhow::Ok(())
    }
    .await;
    let _ = driver.quit().await;
    drop(chromedriver);
    drop(ours_host);
    drop(react_host);
    portal.shutdown().await;
    eprintln!(
        "bench: baseline: list painted medians ours {:?} / React {:?} ms; onContentReady ours {:?} / React {:?} ms",
        median(&out.ours.list_ms),
        median(&out.react.list_ms),
        median(&out.ours.ready_ms),
        median(&out.react.ready_ms)
    );
    result
}

fn ms(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".into(), |v| format!("{v:.1}"))
}

fn yes_no(v: Option<bool>) -> String {
    match v {
        Some(true) => "yes".into(),
        Some(false) => "**no**".into(),
        None => "not checked".into(),
    }
}

impl Baseline {
    /// Brotli bytes: our page's files, the same with the api.js it loads from the portal (the
    /// React page bundles the SDK instead), and the React page's files.
    fn brotli(&self) -> (u64, u64, u64) {
        let ours = total(&self.ours.by_kind);
        let react = total(&self.react.by_kind);
        (ours.brotli, (ours + self.api_js).brotli, react.brotli)
    }

    /// The goals: what a browser fetches, and the two latency medians.
    fn goals(&self) -> Vec<Goal> {
        let (_, ours_fetched, react) = self.brotli();
        let size = ratio(ours_fetched as f64, react as f64);
        let mut goals = vec![Goal {
            goal: format!(
                "minimal page (docspace-api + docspace-sdk, with api.js) ≤ {SIZE_GOAL}× the React \
                 page (brotli)"
            ),
            measured: format!(
                "{} B vs {} B: {}",
                thousands(ours_fetched),
                thousands(react),
                times(size)
            ),
            met: size.map(|r| r <= SIZE_GOAL),
        }];
        for (what, ours, theirs) in [
            (
                "navigation → rooms list painted",
                &self.ours.list_ms,
                &self.react.list_ms,
            ),
            (
                "navigation → manager onContentReady",
                &self.ours.ready_ms,
                &self.react.ready_ms,
            ),
        ] {
            let (mo, mt) = (median(ours), median(theirs));
            let r = mo.zip(mt).and_then(|(a, b)| ratio(a, b));
            goals.push(Goal {
                goal: format!(
                    "minimal page: {what} within {:.0}% of the React page (median ratio ≤ \
                     {LATENCY_GOAL})",
                    (LATENCY_GOAL - 1.0) * 100.0
                ),
                measured: match r {
                    Some(r) => format!("{} ms vs {} ms: {}", ms(mo), ms(mt), times(Some(r))),
                    None => "no ratio".into(),
                },
                met: r.map(|r| r <= LATENCY_GOAL),
            });
        }
        goals
    }

    pub fn add_to(self, report: &mut Report) {
        let mut s = Section::new(
            "Baseline: our minimal page vs the same page in React",
            &format!(
                "Rooms list, create-room form and manager frame. Ours: `bench/min-page` \
                 (docspace-api + docspace-sdk, Leptos, Trunk release build with wasm-opt). React: \
                 `bench/react-page` (React 19, @onlyoffice/docspace-react, Vite production build), \
                 which bundles the Embed SDK where ours loads the official api.js from the portal. \
                 Ours starts its rooms request in the HTML (`docspace_api::early`), as docspace-api \
                 documents; the React page asks when its script runs, as React's docs show. \
                 Sizes: every HTML, JS, wasm and CSS file, highest brotli and gzip levels. Times: \
                 headless Chromium, one devportal (demo data, limits off), each page behind its \
                 own docspace-host; {} runs of each page alternating which goes first, after one \
                 unmeasured load of each; milliseconds from navigation start to \
                 `benchListPainted` (the animation frame after the list is in the DOM) and to the \
                 manager's first `onContentReady`.",
                self.runs
            ),
            &["", "ours", "React", "ratio"],
        );
        let ours = total(&self.ours.by_kind);
        let react = total(&self.react.by_kind);
        let with_api = ours + self.api_js;
        for (label, o, r) in [
            ("page files, brotli B", ours.brotli, react.brotli),
            ("page files, gzip B", ours.gzip, react.gzip),
            ("page + api.js, brotli B", with_api.brotli, react.brotli),
            ("page + api.js, gzip B", with_api.gzip, react.gzip),
        ] {
            s.row(&[
                label.to_string(),
                thousands(o),
                thousands(r),
                times(ratio(o as f64, r as f64)),
            ]);
        }
        for (label, o, r) in [
            (
                "→ list painted, median ms",
                median(&self.ours.list_ms),
                median(&self.react.list_ms),
            ),
            (
                "→ list painted, p90 ms",
                percentile(&self.ours.list_ms, 90.0),
                percentile(&self.react.list_ms, 90.0),
            ),
            (
                "→ manager onContentReady, median ms",
                median(&self.ours.ready_ms),
                median(&self.react.ready_ms),
            ),
            (
                "→ manager onContentReady, p90 ms",
                percentile(&self.ours.ready_ms, 90.0),
                percentile(&self.react.ready_ms, 90.0),
            ),
        ] {
            s.row(&[
                label.to_string(),
                ms(o),
                ms(r),
                times(o.zip(r).and_then(|(a, b)| ratio(a, b))),
            ]);
        }
        s.row(&[
            "samples (failed)".to_string(),
            format!("{} ({})", self.ours.list_ms.len(), self.ours.failed),
            format!("{} ({})", self.react.list_ms.len(), self.react.failed),
            String::new(),
        ]);
        s.row(&[
            "a room created through the form shows in the list".to_string(),
            yes_no(self.ours.creates),
            yes_no(self.react.creates),
            String::new(),
        ]);
        let kinds = |side: &Side| {
            side.by_kind
                .iter()
                .map(|(k, b)| (k.clone(), *b))
                .collect::<std::collections::BTreeMap<_, _>>()
        };
        s.data = serde_json::json!({
            "ours": { "byKind": kinds(&self.ours), "total": ours, "listMs": self.ours.list_ms,
                      "readyMs": self.ours.ready_ms, "failed": self.ours.failed,
                      "creates": self.ours.creates },
            "react": { "byKind": kinds(&self.react), "total": react, "listMs": self.react.list_ms,
                       "readyMs": self.react.ready_ms, "failed": self.react.failed,
                       "creates": self.react.creates },
            "apiJs": self.api_js,
        });
        report.goals.extend(self.goals());
        report.sections.push(s);
        if let Some(e) = self.latency_error {
            report.missing.push(format!("baseline latency: {e}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The minimal page starts its rooms request while its HTML is parsed: the script in its
    /// `index.html` is the one docspace-api writes for the request the page's client sends
    /// (`bench/min-page/src/main.rs`: `client.rooms().list()`, through the host's held key).
    #[test]
    fn the_minimal_page_starts_the_request_its_client_sends() {
        let client = docspace_api::Client::builder("http://127.0.0.1:1")
            .host_proxy()
            .build()
            .expect("client");
        let early = client.rooms().list().early().expect("early");
        let script = docspace_api::early::EarlyRequest::script(&[early]);
        let page = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../bench/min-page/index.html"
        );
        let html = std::fs::read_to_string(page).expect("the minimal page");
        assert!(
            html.contains(&format!("<script>{script}</script>")),
            "bench/min-page/index.html should hold <script>{script}</script>"
        );
    }

    fn side(brotli: u64, list: &[f64], ready: &[f64]) -> Side {
        Side {
            by_kind: vec![(
                "js".into(),
                Bytes {
                    raw: brotli * 4,
                    brotli,
                    gzip: brotli + 1,
                },
            )],
            list_ms: list.to_vec(),
            ready_ms: ready.to_vec(),
            ..Side::default()
        }
    }

    fn baseline(ours: Side, react: Side) -> Baseline {
        Baseline {
            runs: 3,
            api_js: Bytes {
                raw: 40,
                brotli: 10,
                gzip: 12,
            },
            ours,
            react,
            latency_error: None,
        }
    }

    #[test]
    fn the_size_goal_counts_the_api_js_ours_loads() {
        // 140 B of page alone is within 1.5× of 100 B; with api.js's 10 B it is not.
        let b = baseline(side(141, &[], &[]), side(100, &[], &[]));
        assert_eq!(b.brotli(), (141, 151, 100));
        let g = b.goals();
        assert_eq!(g[0].met, Some(false), "{g:?}");
        let b = baseline(side(140, &[], &[]), side(100, &[], &[]));
        assert_eq!(b.goals()[0].met, Some(true));
    }

    #[test]
    fn latency_goals_compare_medians_and_stay_unmet_without_samples() {
        let b = baseline(
            side(1, &[100.0, 104.0, 500.0], &[200.0, 230.0, 215.0]),
            side(1, &[100.0, 99.0, 101.0], &[200.0, 201.0, 199.0]),
        );
        let g = b.goals();
        // Lists: medians 104 vs 100 (1.04×, the outlier does not count); frames 215 vs 200 (1.075×).
        assert_eq!(g[1].met, Some(true), "{g:?}");
        assert_eq!(g[2].met, Some(false), "{g:?}");
        let none = baseline(side(1, &[], &[]), side(1, &[1.0], &[1.0]));
        assert!(none.goals()[1..].iter().all(|g| g.met.is_none()));
    }
}
