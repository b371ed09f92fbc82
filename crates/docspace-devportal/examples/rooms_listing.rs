//! Starts a file-backed devportal, creates 10,000 rooms through the REST API, then lists
//! `GET /api/2.0/files/rooms?count=100` at 50 concurrent requests and prints throughput and
//! latency. A measurement, not a test: nothing here asserts a speed.
//!
//! ```text
//! cargo run --release -p docspace-devportal --example rooms_listing [-- ROOMS REQUESTS CONCURRENCY]
//! ```

use std::time::{Duration, Instant};

use docspace_devportal::{PortalConfig, RateLimits, Seed, Storage};
use futures::StreamExt;
use serde_json::json;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let rooms = args.first().copied().unwrap_or(10_000);
    let requests = args.get(1).copied().unwrap_or(2_000);
    let concurrency = args.get(2).copied().unwrap_or(50);

    let dir = tempfile::tempdir()?;
    let portal = docspace_devportal::start(PortalConfig {
        storage: Storage::Dir(dir.path().to_path_buf()),
        seed: Seed::Empty,
        rate_limits: RateLimits::off(),
        owner_password: Some("bench".into()),
        ..PortalConfig::for_tests()
    })
    .await?;
    let base = portal.base_url();
    let auth = format!("Bearer {}", portal.owner.api_key);
    let http = reqwest::Client::new();

    let started = Instant::now();
    let created = futures::stream::iter(0..rooms)
        .map(|i| {
            let (http, base, auth) = (http.clone(), base.clone(), auth.clone());
            async move {
                let room_type = [1, 2, 5, 6, 8, 9][i % 6];
                let body = json!({ "title": format!("Room {i:05}"), "roomType": room_type, "tags": [format!("t{}", i % 20)] });
                http.post(format!("{base}/api/2.0/files/rooms")).header("Authorization", auth).json(&body).send().await
                    .map(|r| r.status().is_success())
                    .unwrap_or(false)
            }
        })
        .buffer_unordered(8)
        .filter(|ok| futures::future::ready(*ok))
        .count()
        .await;
    let create_secs = started.elapsed().as_secs_f64();
    println!(
        "created {created}/{rooms} rooms in {create_secs:.1}s ({:.0} rooms/s, 8 concurrent)",
        created as f64 / create_secs
    );

    let started = Instant::now();
    let mut latencies: Vec<Duration> = futures::stream::iter(0..requests)
        .map(|i| {
            let (http, base, auth) = (http.clone(), base.clone(), auth.clone());
            async move {
                let t = Instant::now();
                let start = (i * 100) % rooms.max(1);
                let r = http
                    .get(format!(
                        "{base}/api/2.0/files/rooms?count=100&startIndex={start}"
                    ))
                    .header("Authorization", auth)
                    .send()
                    .await;
                let ok = match r {
                    Ok(r) if r.status().is_success() => r.bytes().await.is_ok(),
                    _ => false,
                };
                ok.then(|| t.elapsed())
            }
        })
        .buffer_unordered(concurrency)
        .filter_map(futures::future::ready)
        .collect()
        .await;
    let secs = started.elapsed().as_secs_f64();
    latencies.sort();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    println!(
        "listed rooms?count=100 over {rooms} rooms: {} ok of {requests} in {secs:.2}s = {:.0} req/s at concurrency {concurrency}; p50 {:?}, p99 {:?}",
        latencies.len(),
        latencies.len() as f64 / secs,
        pct(0.5),
        pct(0.99),
    );
    portal.shutdown().await;
    Ok(())
}
