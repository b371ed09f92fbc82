//! Scale in the app: the rooms dashboard with 10,000 rooms against the same dashboard with 100,
//! in headless Chromium through the real host. The app marks `rooms:data` when the first page of
//! rooms is in hand and `rooms:rendered` in the next animation frame; the time between them is
//! "data arrival to first rendered screen".

use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use docspace_bench::report::{Goal, Report, Section, thousands, times};
use docspace_bench::stats::{median, percentile, ratio};
use docspace_devportal::{PortalConfig, RateLimits, Seed};
use docspace_host::{HostConfig, PortalTarget};
use thirtyfour::prelude::*;

use crate::browser::{Driver, poll};
use crate::load::{BENCH_API_KEY, BENCH_PASSWORD, BenchPortal, run_level};

/// Loads of the dashboard per room count.
const LOADS: usize = 10;
/// Animation frames recorded while scrolling.
const SCROLL_FRAMES: usize = 120;
/// Pixels scrolled per frame (15 rows of 60 px).
const SCROLL_STEP: u32 = 900;
/// The goal for the first screen after data, in milliseconds.
const GOAL_MS: f64 = 50.0;

/// Figures of one room count.
#[derive(Debug, Clone, Default)]
struct Scale {
    rooms: u64,
    first_screen_ms: Vec<f64>,
    dom_nodes: Vec<f64>,
    heap_bytes: Vec<f64>,
    frame_ms: Vec<f64>,
    dom_nodes_after_scroll: f64,
}

pub struct Dashboard {
    small: Scale,
    large: Scale,
}

async fn fill_rooms(p: &BenchPortal, want: u64) -> anyhow::Result<u64> {
    let have = crate::load::room_count(p).await?;
    if have < want {
        let (http, url) = (p.http.clone(), p.url("/api/2.0/files/rooms"));
        let l = run_level(50, Duration::from_secs(300), want - have, move |i| {
            http.post(&url)
                .bearer_auth(BENCH_API_KEY)
                .json(&serde_json::json!({ "title": format!("Room {i:05}"), "roomType": 6 }))
        })
        .await;
        anyhow::ensure!(l.errors == 0, "{} room creations failed", l.errors);
    }
    crate::load::room_count(p).await
}

pub async fn click(driver: &WebDriver, css: &str) -> anyhow::Result<()> {
    driver
        .query(By::Css(css))
        .wait(Duration::from_secs(30), Duration::from_millis(100))
        .first()
        .await
        .with_context(|| format!("no {css}"))?
        .click()
        .await
        .with_context(|| format!("clicking {css}"))
}

pub async fn fill(driver: &WebDriver, css: &str, text: &str) -> anyhow::Result<()> {
    let el = driver
        .query(By::Css(css))
        .wait(Duration::from_secs(30), Duration::from_millis(100))
        .first()
        .await
        .with_context(|| format!("no {css}"))?;
    el.clear().await?;
    el.send_keys(text)
        .await
        .with_context(|| format!("typing into {css}"))
}

/// Signs in through the app's form, staying signed in for the tab (reloads keep the session).
pub async fn sign_in(driver: &WebDriver, app: &str) -> anyhow::Result<()> {
    driver.goto(app).await.context("opening the app")?;
    let form = "[data-testid='sign-in-form']";
    fill(
        driver,
        &format!("{form} input[type='email']"),
        "owner@example.com",
    )
    .await?;
    fill(
        driver,
        &format!("{form} input[type='password']"),
        BENCH_PASSWORD,
    )
    .await?;
    click(driver, &format!("{form} input[type='checkbox']")).await?;
    click(driver, &format!("{form} button[type='submit']")).await?;
    poll(
        driver,
        "return document.querySelector(\"[data-testid='user-name']\") ? true : null;",
        Duration::from_secs(30),
    )
    .await
    .context("the app never showed the signed-in user")?;
    Ok(())
}

/// Opens the dashboard afresh and takes its figures.
async fn load_dashboard(driver: &WebDriver, app: &str, s: &mut Scale) -> anyhow::Result<()> {
    driver.goto("about:blank").await?;
    driver.goto(format!("{app}/rooms")).await?;
    let v = poll(
        driver,
        "const d = performance.getEntriesByName('rooms:data')[0];
         const r = performance.getEntriesByName('rooms:rendered')[0];
         if (!d || !r || !document.querySelector('.vlist__row')) return null;
         return [r.startTime - d.startTime, document.getElementsByTagName('*').length,
                 performance.memory ? performance.memory.usedJSHeapSize : -1];",
        Duration::from_secs(60),
    )
    .await
    .context("the dashboard never marked its first screen")?;
    let n = |i: usize| v.get(i).and_then(|x| x.as_f64()).unwrap_or(f64::NAN);
    s.first_screen_ms.push(n(0));
    s.dom_nodes.push(n(1));
    if n(2) >= 0.0 {
        s.heap_bytes.push(n(2));
    }
    Ok(())
}

/// Scrolls the list one step per animation frame and returns the frame intervals.
async fn scroll(driver: &WebDriver, s: &mut Scale) -> anyhow::Result<()> {
    let v = driver
        .execute_async(
            &format!(
                "const done = arguments[arguments.length - 1];
                 const list = document.querySelector('.vlist');
                 if (!list) {{ done(null); return; }}
                 const frames = []; let last = 0;
                 const step = (t) => {{
                   if (last) frames.push(t - last);
                   last = t;
                   if (frames.length >= {SCROLL_FRAMES}) {{
                     done([frames, document.getElementsByTagName('*').length]); return;
                   }}
                   list.scrollTop += {SCROLL_STEP};
                   requestAnimationFrame(step);
                 }};
                 requestAnimationFrame(step);"
            ),
            Vec::new(),
        )
        .await
        .context("scrolling")?;
    let v = v.json();
    s.frame_ms = v[0]
        .as_array()
        .context("no frame times")?
        .iter()
        .filter_map(|x| x.as_f64())
        .collect();
    s.dom_nodes_after_scroll = v[1].as_f64().unwrap_or(f64::NAN);
    Ok(())
}

async fn measure_scale(driver: &WebDriver, app: &str, rooms: u64) -> anyhow::Result<Scale> {
    let mut s = Scale {
        rooms,
        ..Scale::default()
    };
    for _ in 0..LOADS {
        load_dashboard(driver, app, &mut s).await?;
    }
    scroll(driver, &mut s).await?;
    Ok(s)
}

pub async fn measure(app_dist: &Path, scratch: &Path) -> anyhow::Result<Dashboard> {
    let p = crate::load::prepare(&scratch.join("dashboard")).await?;
    let (host_listener, host_origin) = crate::load::held_listener().await?;
    // The portal must list the app's origin (its frames sign in alongside the REST session).
    let BenchPortal {
        portal,
        config,
        http,
    } = p;
    portal.shutdown().await;
    let config = PortalConfig {
        allow_origins: vec![host_origin],
        seed: Seed::Empty,
        rate_limits: RateLimits::off(),
        ..config
    };
    let portal = docspace_devportal::start(config.clone())
        .await
        .context("starting the devportal")?;
    let p = BenchPortal {
        portal,
        config,
        http,
    };
    let config = HostConfig {
        dist: app_dist.to_path_buf(),
        portal: PortalTarget::Remote(p.portal.base_url()),
        ..HostConfig::default()
    };
    let host = docspace_host::start_on(host_listener, config)
        .await
        .context("starting the host")?;
    let app = host.base_url();

    let profile = scratch.join("chromium-dashboard");
    std::fs::create_dir_all(&profile).context("browser profile dir")?;
    let chromedriver = Driver::start()?;
    let driver = chromedriver.session(&profile).await?;
    let result = async {
        let small = fill_rooms(&p, 100).await?;
        sign_in(&driver, &app).await?;
        let small = measure_scale(&driver, &app, small).await?;
        let large = fill_rooms(&p, 10_000).await?;
        let large = measure_scale(&driver, &app, large).await?;
        anyhow::Ok(Dashboard { small, large })
    }
    .await;
    let _ = driver.quit().await;
    drop(chromedriver);
    drop(host);
    p.portal.shutdown().await;
    result
}

impl Dashboard {
    pub fn add_to(self, report: &mut Report) {
        let (a, b) = (&self.large, &self.small);
        let mut s = Section::new(
            "Scale in the app: the rooms dashboard",
            &format!(
                "The app's release build behind docspace-host, headless Chromium, devportal with \
                 limits off. Medians of {LOADS} fresh loads of `/rooms`; first screen = the app's \
                 `rooms:rendered` mark (next animation frame) minus its `rooms:data` mark (first \
                 page of rooms in hand). Scrolling: {SCROLL_FRAMES} animation frames, {SCROLL_STEP} px \
                 per frame (the 100-room list reaches its end after 7 frames, so its scrolling \
                 figures are mostly idle frames). `rooms:rendered` is taken in the animation frame \
                 after the data, once the DOM is built and before that frame paints. The baseline \
                 is the same dashboard over {} rooms.",
                b.rooms
            ),
            &[
                "",
                &format!("{} rooms", thousands(a.rooms)),
                &format!("{} rooms", thousands(b.rooms)),
                "ratio",
            ],
        );
        let row = |s: &mut Section,
                   k: &str,
                   x: Option<f64>,
                   y: Option<f64>,
                   fmt: &dyn Fn(f64) -> String| {
            let f = |v: Option<f64>| v.map_or_else(|| "n/a".to_string(), fmt);
            s.row(&[
                k.to_string(),
                f(x),
                f(y),
                times(x.zip(y).and_then(|(x, y)| ratio(x, y))),
            ]);
        };
        let ms = |v: f64| format!("{v:.1} ms");
        let count = |v: f64| thousands(v as u64);
        let mib = |v: f64| format!("{:.1} MiB", v / 1048576.0);
        row(
            &mut s,
            "data → first rendered screen, median",
            median(&a.first_screen_ms),
            median(&b.first_screen_ms),
            &ms,
        );
        row(
            &mut s,
            "data → first rendered screen, p90",
            percentile(&a.first_screen_ms, 90.0),
            percentile(&b.first_screen_ms, 90.0),
            &ms,
        );
        row(
            &mut s,
            "DOM nodes (first screen)",
            median(&a.dom_nodes),
            median(&b.dom_nodes),
            &count,
        );
        row(
            &mut s,
            "DOM nodes (after scrolling)",
            Some(a.dom_nodes_after_scroll),
            Some(b.dom_nodes_after_scroll),
            &count,
        );
        row(
            &mut s,
            "JS heap used",
            median(&a.heap_bytes),
            median(&b.heap_bytes),
            &mib,
        );
        row(
            &mut s,
            "frame time while scrolling, p50",
            percentile(&a.frame_ms, 50.0),
            percentile(&b.frame_ms, 50.0),
            &ms,
        );
        row(
            &mut s,
            "frame time while scrolling, p95",
            percentile(&a.frame_ms, 95.0),
            percentile(&b.frame_ms, 95.0),
            &ms,
        );
        row(
            &mut s,
            "frame time while scrolling, max",
            a.frame_ms.iter().copied().reduce(f64::max),
            b.frame_ms.iter().copied().reduce(f64::max),
            &ms,
        );
        row(
            &mut s,
            "frames over 20 ms while scrolling (a dropped frame at 60 Hz)",
            Some(a.frame_ms.iter().filter(|f| **f > 20.0).count() as f64),
            Some(b.frame_ms.iter().filter(|f| **f > 20.0).count() as f64),
            &count,
        );
        let json = |x: &Scale| {
            serde_json::json!({
                "rooms": x.rooms, "firstScreenMs": x.first_screen_ms, "domNodes": x.dom_nodes,
                "heapBytes": x.heap_bytes, "frameMs": x.frame_ms,
                "domNodesAfterScroll": x.dom_nodes_after_scroll,
            })
        };
        s.data = serde_json::json!({ "large": json(a), "small": json(b) });
        report.sections.push(s);
        let first = median(&a.first_screen_ms);
        report.goals.push(Goal {
            goal: format!(
                "first dashboard screen < 50 ms after data with {} rooms",
                thousands(a.rooms)
            ),
            measured: first.map_or_else(
                || "n/a".into(),
                |m| {
                    format!(
                        "median {m:.1} ms ({:.1} ms with {} rooms)",
                        median(&b.first_screen_ms).unwrap_or(f64::NAN),
                        b.rooms
                    )
                },
            ),
            met: first.map(|m| m < GOAL_MS),
        });
    }
}
