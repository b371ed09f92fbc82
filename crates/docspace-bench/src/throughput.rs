//! Throughput under the seed's limits: `docspace-api` against the devportal with limits on,
//! creating 1,000 rooms and listing 10,000 files, next to a naive client that sends the same
//! requests all at once with no scheduler.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use docspace_api::models::RoomType;
use docspace_api::{Client, RateLimits};
use docspace_bench::report::{Goal, Report, Section, thousands};
use docspace_bench::stats::peak_in_window;
use docspace_devportal::{RateLimits as PortalLimits, StatsSnapshot};
use futures::future::join_all;

use crate::load::{BENCH_API_KEY, BenchPortal, run_level};

const CREATES: u64 = 1_000;
const FILES: u64 = 10_000;
/// Files per listing page: 1,000 pages, so that the workload (2,000 requests) is more than one
/// minute's ceiling and the per-minute limit, not only the concurrency caps, binds.
const PAGE: u64 = 10;
const CEILING: f64 = 1500.0;
/// No run of either client may take longer than this.
const RUN_LIMIT: Duration = Duration::from_secs(240);

struct Run {
    ok: u64,
    client_429: u64,
    requests_sent: u64,
    elapsed: Duration,
    peak_window: usize,
    stats: StatsSnapshot,
}

pub struct Throughput {
    scheduled: Run,
    naive: Run,
}

/// Restarts the portal on the same data with `limits` (a fresh limiter and fresh counters).
async fn restart(p: BenchPortal, limits: PortalLimits) -> anyhow::Result<BenchPortal> {
    let BenchPortal {
        portal,
        mut config,
        http,
    } = p;
    portal.shutdown().await;
    config.rate_limits = limits;
    let portal = docspace_devportal::start(config.clone())
        .await
        .context("restarting the devportal")?;
    Ok(BenchPortal {
        portal,
        config,
        http,
    })
}

/// A room holding `FILES` files, created with limits off; returns its id.
async fn seed_files(p: &BenchPortal) -> anyhow::Result<String> {
    let room: serde_json::Value = p
        .http
        .post(p.url("/api/2.0/files/rooms"))
        .bearer_auth(BENCH_API_KEY)
        .json(&serde_json::json!({ "title": "Bench files", "roomType": 6 }))
        .send()
        .await
        .context("creating the files room")?
        .error_for_status()
        .context("creating the files room")?
        .json()
        .await
        .context("decoding the files room")?;
    let id = room["response"]["id"]
        .as_i64()
        .context("the files room has no id")?
        .to_string();
    let (http, url) = (p.http.clone(), p.url(&format!("/api/2.0/files/{id}/file")));
    let l = run_level(50, Duration::from_secs(300), FILES, move |i| {
        http.post(&url)
            .bearer_auth(BENCH_API_KEY)
            .json(&serde_json::json!({ "title": format!("File {i}.docx") }))
    })
    .await;
    anyhow::ensure!(
        l.errors == 0 && l.latencies_ms.len() as u64 == FILES,
        "seeding files: {} of {} failed",
        l.errors,
        l.latencies_ms.len()
    );
    Ok(id)
}

pub async fn measure(p: BenchPortal) -> anyhow::Result<Throughput> {
    let folder = seed_files(&p).await?;

    // The naive client: every request at once, no scheduler, no retries.
    let p = restart(p, PortalLimits::default()).await?;
    let naive = {
        let start = Instant::now();
        let times = Arc::new(Mutex::new(Vec::new()));
        let mut calls = Vec::new();
        for i in 0..CREATES + FILES / PAGE {
            let req = if i < CREATES {
                p.http
                    .post(p.url("/api/2.0/files/rooms"))
                    .json(&serde_json::json!({ "title": format!("Naive {i}"), "roomType": 6 }))
            } else {
                let page = i - CREATES;
                p.http.get(p.url(&format!(
                    "/api/2.0/files/{folder}?count={PAGE}&startIndex={}",
                    page * PAGE
                )))
            };
            let times = times.clone();
            calls.push(tokio::spawn(async move {
                let r = req.bearer_auth(BENCH_API_KEY).send().await;
                let status = match r {
                    Ok(r) => {
                        let s = r.status().as_u16();
                        let _ = r.bytes().await;
                        s
                    }
                    Err(_) => 0,
                };
                if let Ok(mut t) = times.lock() {
                    t.push(start.elapsed());
                }
                status
            }));
        }
        let statuses = tokio::time::timeout(RUN_LIMIT, join_all(calls))
            .await
            .context("the naive client did not finish")?;
        let statuses: Vec<u16> = statuses.into_iter().map(|s| s.unwrap_or(0)).collect();
        let times = times.lock().map(|t| t.clone()).unwrap_or_default();
        Run {
            ok: statuses.iter().filter(|s| (200..300).contains(*s)).count() as u64,
            client_429: statuses.iter().filter(|s| **s == 429).count() as u64,
            requests_sent: statuses.len() as u64,
            elapsed: start.elapsed(),
            peak_window: peak_in_window(&times, Duration::from_secs(60)),
            stats: p.portal.stats(),
        }
    };

    // docspace-api with its scheduler, on a fresh limiter.
    let p = restart(p, PortalLimits::default()).await?;
    let client = Client::builder(p.portal.base_url())
        .api_key(BENCH_API_KEY)
        .rate_limits(RateLimits::default())
        .build()
        .context("docspace-api client")?;
    let scheduled = {
        let start = Instant::now();
        let times = Arc::new(Mutex::new(Vec::new()));
        let folder_id = docspace_api::models::FolderId::from(folder.as_str());
        let stamp = |times: &Arc<Mutex<Vec<Duration>>>| {
            if let Ok(mut t) = times.lock() {
                t.push(start.elapsed());
            }
        };
        let creates = (0..CREATES).map(|i| {
            let (c, times) = (client.clone(), times.clone());
            async move {
                let r = c
                    .rooms()
                    .create(format!("Scheduled {i}"), RoomType::Custom)
                    .send()
                    .await;
                stamp(&times);
                u64::from(r.is_ok())
            }
        });
        let pages = (0..FILES / PAGE).map(|page| {
            let (c, times, id) = (client.clone(), times.clone(), folder_id.clone());
            async move {
                let r = c
                    .folders()
                    .contents(id)
                    .start_index(page * PAGE)
                    .count(PAGE as u32)
                    .send()
                    .await;
                stamp(&times);
                r.map_or(0, |c| c.files.len() as u64 / PAGE)
            }
        });
        let both = futures::future::join(join_all(creates), join_all(pages));
        let (created, listed) = tokio::time::timeout(RUN_LIMIT, both)
            .await
            .context("the scheduled client did not finish")?;
        let elapsed = start.elapsed();
        let m = client.metrics();
        let times = times.lock().map(|t| t.clone()).unwrap_or_default();
        Run {
            ok: created.iter().sum::<u64>() + listed.iter().sum::<u64>(),
            client_429: m.rate_limited,
            requests_sent: m.requests_sent,
            elapsed,
            peak_window: peak_in_window(&times, Duration::from_secs(60)),
            stats: p.portal.stats(),
        }
    };
    p.portal.shutdown().await;
    Ok(Throughput { scheduled, naive })
}

impl Throughput {
    pub fn add_to(self, report: &mut Report) {
        let mut s = Section::new(
            "Throughput under the seed's limits",
            "Limits on (1,500 requests/min, 15 simultaneous writes, 50 simultaneous reads per user). \
             Workload: create 1,000 rooms and list 10,000 files in 1,000 pages of 10, all started \
             at once: 2,000 requests, more than one minute's ceiling. `docspace-api` schedules them; \
             the naive client (reqwest, no scheduler, no retries) sends them all at once. \
             \"Busiest 60 s\" counts answers in the busiest sliding minute (the limit's own \
             measure); concurrency maxima and 429s are the devportal's stats.",
            &["", "docspace-api", "naive client"],
        );
        let (a, b) = (&self.scheduled, &self.naive);
        let row = |s: &mut Section, k: &str, f: &dyn Fn(&Run) -> String| {
            s.row(&[k.to_string(), f(a), f(b)]);
        };
        row(&mut s, "requests done (2xx)", &|r| thousands(r.ok));
        row(&mut s, "HTTP requests sent", &|r| {
            thousands(r.requests_sent)
        });
        row(&mut s, "429s received", &|r| thousands(r.client_429));
        row(&mut s, "429s sent (devportal)", &|r| {
            thousands(r.stats.rate_limited)
        });
        row(&mut s, "elapsed", &|r| {
            format!("{:.1} s", r.elapsed.as_secs_f64())
        });
        row(&mut s, "requests/min over the run", &|r| {
            format!(
                "{:.0}",
                r.requests_sent as f64 / r.elapsed.as_secs_f64() * 60.0
            )
        });
        row(&mut s, "busiest 60 s / 1,500 ceiling", &|r| {
            format!(
                "{} ({:.1}%)",
                thousands(r.peak_window as u64),
                r.peak_window as f64 / CEILING * 100.0
            )
        });
        row(&mut s, "max concurrent GET / other (devportal)", &|r| {
            format!(
                "{} / {}",
                r.stats.max_concurrent_get, r.stats.max_concurrent_other
            )
        });
        let json = |r: &Run| {
            serde_json::json!({
                "ok": r.ok, "requestsSent": r.requests_sent, "client429": r.client_429,
                "elapsedS": r.elapsed.as_secs_f64(), "busiest60s": r.peak_window,
                "devportal": r.stats,
            })
        };
        s.data = serde_json::json!({ "scheduled": json(a), "naive": json(b) });
        report.sections.push(s);
        let util = a.peak_window as f64 / CEILING;
        report.goals.push(Goal {
            goal: "throughput ≥ 95% of 1,500/min, zero 429s, while the naive client draws 429s"
                .into(),
            measured: format!(
                "busiest minute {} requests ({:.1}% of 1,500); {} 429s (devportal: {}); all {} done: {}; naive client: {} 429s, {} of 2,000 done",
                a.peak_window,
                util * 100.0,
                a.client_429,
                a.stats.rate_limited,
                thousands(CREATES + FILES / PAGE),
                a.ok == CREATES + FILES / PAGE,
                thousands(b.client_429),
                thousands(b.ok),
            ),
            met: Some(
                util >= 0.95
                    && a.client_429 == 0
                    && a.stats.rate_limited == 0
                    && a.ok == CREATES + FILES / PAGE
                    && b.stats.rate_limited > 0,
            ),
        });
    }
}
