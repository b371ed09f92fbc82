//! The devportal under load with its limits off: requests per second and p50/p99 latency of
//! listing 100 of 10,000 rooms and of creating a room, at concurrency 1, 15 and 50.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use docspace_bench::report::{Section, thousands};
use docspace_bench::stats::{ms, percentile};
use docspace_devportal::{PortalConfig, RateLimits, RunningPortal, Seed, Storage};
use futures::future::join_all;

/// The owner key of the bench portal (a fixture, never a secret: loopback, thrown away).
pub const BENCH_API_KEY: &str =
    "sk-be4c000000000000000000000000000000000000000000000000000000000008";
/// The owner password of the bench portal.
pub const BENCH_PASSWORD: &str = "bench-password";

/// The demo portal the browser measurements embed: the bench owner's key and password, rate
/// limits off, frames allowed on `allow_origins`.
pub async fn demo_portal(allow_origins: Vec<String>) -> anyhow::Result<RunningPortal> {
    docspace_devportal::start(PortalConfig {
        allow_origins,
        seed: Seed::Demo,
        api_key: Some(BENCH_API_KEY.into()),
        owner_password: Some(BENCH_PASSWORD.into()),
        rate_limits: RateLimits::off(),
        ..PortalConfig::for_tests()
    })
    .await
    .context("starting the devportal")
}

/// A loopback listener and its origin, for a host whose origin must be known before it starts
/// (the portal lists it): the port stays held until the host serves on it
/// (`docspace_host::start_on`), so nothing started in between can take it.
pub async fn held_listener() -> anyhow::Result<(tokio::net::TcpListener, String)> {
    docspace_testkit::try_loopback_listener()
        .await
        .context("a free loopback port")
}

/// Each level runs this long at most...
const LEVEL_TIME: Duration = Duration::from_secs(4);
/// ...or this many requests, whichever comes first (3 levels stay under 10,000 rooms).
const LEVEL_MAX: u64 = 3000;
/// The rooms the listing runs over.
pub const ROOMS: u64 = 10_000;
const CONCURRENCY: [usize; 3] = [1, 15, 50];

/// A release-built devportal in this process, data in a scratch directory.
pub struct BenchPortal {
    pub portal: RunningPortal,
    pub config: PortalConfig,
    pub http: reqwest::Client,
}

impl BenchPortal {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.portal.base_url())
    }
}

/// Starts an empty portal with limits off in `scratch/portal`.
pub async fn prepare(scratch: &Path) -> anyhow::Result<BenchPortal> {
    let dir = scratch.join("portal");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("emptying {}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let config = PortalConfig {
        storage: Storage::Dir(dir),
        api_key: Some(BENCH_API_KEY.into()),
        owner_password: Some(BENCH_PASSWORD.into()),
        seed: Seed::Empty,
        rate_limits: RateLimits::off(),
        ..PortalConfig::for_tests()
    };
    let portal = docspace_devportal::start(config.clone())
        .await
        .context("starting the devportal")?;
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .build()
        .context("HTTP client")?;
    Ok(BenchPortal {
        portal,
        config,
        http,
    })
}

/// What one level of load did.
pub struct Level {
    pub latencies_ms: Vec<f64>,
    pub errors: u64,
    pub elapsed: Duration,
}

/// Runs `concurrency` workers sending `make(i)` until `time` passes or `max` requests were
/// started; every answer that is not 2xx counts as an error.
pub async fn run_level<F>(concurrency: usize, time: Duration, max: u64, make: F) -> Level
where
    F: Fn(u64) -> reqwest::RequestBuilder + Send + Sync + 'static,
{
    let make = Arc::new(make);
    let next = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let workers = (0..concurrency).map(|_| {
        let (make, next, errors) = (make.clone(), next.clone(), errors.clone());
        tokio::spawn(async move {
            let mut lat = Vec::new();
            while start.elapsed() < time {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= max {
                    break;
                }
                let t = Instant::now();
                let ok = match make(i).send().await {
                    Ok(r) => {
                        let ok = r.status().is_success();
                        // Read the body: the request is done when the client has it.
                        r.bytes().await.is_ok() && ok
                    }
                    Err(_) => false,
                };
                lat.push(ms(t.elapsed()));
                if !ok {
                    errors.fetch_add(1, Ordering::Relaxed);
                }
            }
            lat
        })
    });
    let mut latencies_ms = Vec::new();
    for w in join_all(workers).await {
        latencies_ms.extend(w.unwrap_or_default());
    }
    Level {
        latencies_ms,
        errors: errors.load(Ordering::Relaxed),
        elapsed: start.elapsed(),
    }
}

fn create_room(
    p: &BenchPortal,
    prefix: &'static str,
) -> impl Fn(u64) -> reqwest::RequestBuilder + Send + Sync + 'static {
    let (http, url) = (p.http.clone(), p.url("/api/2.0/files/rooms"));
    move |i| {
        http.post(&url)
            .bearer_auth(BENCH_API_KEY)
            .json(&serde_json::json!({ "title": format!("{prefix} {i}"), "roomType": 6 }))
    }
}

/// The number of rooms the owner sees.
pub async fn room_count(p: &BenchPortal) -> anyhow::Result<u64> {
    let v: serde_json::Value = p
        .http
        .get(p.url("/api/2.0/files/rooms?count=1"))
        .bearer_auth(BENCH_API_KEY)
        .send()
        .await
        .context("listing rooms")?
        .error_for_status()
        .context("listing rooms")?
        .json()
        .await
        .context("decoding the room list")?;
    v["response"]["total"]
        .as_u64()
        .context("the room list has no total")
}

pub async fn measure(p: &BenchPortal) -> anyhow::Result<Section> {
    let mut section = Section::new(
        "Devportal: requests per second, limits off",
        "Release build, in the bench process, SQLite in a scratch directory, on loopback. Each \
         level runs for 4 s or 3,000 requests, whichever comes first; the listing runs over 10,000 \
         rooms. Ratios are against concurrency 1 of the same request.",
        &[
            "request",
            "concurrency",
            "requests",
            "req/s",
            "× c=1",
            "p50 ms",
            "p99 ms",
            "errors",
        ],
    );
    let mut data = Vec::new();
    let mut add = |name: &str, c: usize, l: &Level, base: &mut Option<f64>| {
        let rps = l.latencies_ms.len() as f64 / l.elapsed.as_secs_f64();
        let b = *base.get_or_insert(rps);
        let p50 = percentile(&l.latencies_ms, 50.0).unwrap_or(f64::NAN);
        let p99 = percentile(&l.latencies_ms, 99.0).unwrap_or(f64::NAN);
        section.row(&[
            name.to_string(),
            c.to_string(),
            thousands(l.latencies_ms.len() as u64),
            format!("{rps:.0}"),
            format!("{:.2}×", rps / b),
            format!("{p50:.2}"),
            format!("{p99:.2}"),
            l.errors.to_string(),
        ]);
        data.push(serde_json::json!({
            "request": name, "concurrency": c, "requests": l.latencies_ms.len(),
            "rps": rps, "p50Ms": p50, "p99Ms": p99, "errors": l.errors,
        }));
    };

    let mut base = None;
    for c in CONCURRENCY {
        let l = run_level(c, LEVEL_TIME, LEVEL_MAX, create_room(p, "Load")).await;
        add("POST /api/2.0/files/rooms", c, &l, &mut base);
    }
    // Top up to exactly ROOMS rooms for the listing (not measured).
    let have = room_count(p).await?;
    if have < ROOMS {
        let l = run_level(
            50,
            Duration::from_secs(300),
            ROOMS - have,
            create_room(p, "Fill"),
        )
        .await;
        anyhow::ensure!(l.errors == 0, "{} room creations failed", l.errors);
    }
    let rooms = room_count(p).await?;
    anyhow::ensure!(rooms >= ROOMS, "only {rooms} rooms after filling");

    let mut base = None;
    for c in CONCURRENCY {
        let (http, url) = (p.http.clone(), p.url("/api/2.0/files/rooms?count=100"));
        let l = run_level(c, LEVEL_TIME, LEVEL_MAX, move |_| {
            http.get(&url).bearer_auth(BENCH_API_KEY)
        })
        .await;
        add("GET /api/2.0/files/rooms?count=100", c, &l, &mut base);
    }
    section.data = serde_json::json!({ "rooms": rooms, "levels": data });
    Ok(section)
}
