//! The scheduler against a devportal that enforces DocSpace's limits: many concurrent calls stay
//! within the concurrency caps, and a lower per-minute limit than the client expects is learnt
//! from the portal's answers without creating anything twice.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::time::Instant;

use docspace_api::models::{Color, FileShare, RoomType};
use docspace_api::{Client, Error, RateLimits};
use docspace_devportal::{PortalConfig, RunningPortal};
use futures::TryStreamExt;
use futures::future::{BoxFuture, FutureExt, join_all};

async fn portal(per_minute: u32) -> RunningPortal {
    let mut config = PortalConfig::for_tests();
    config.rate_limits.per_minute = per_minute;
    assert!(config.rate_limits.enabled);
    docspace_devportal::start(config).await.expect("devportal")
}

fn owner(portal: &RunningPortal, limits: RateLimits) -> Client {
    Client::builder(portal.base_url())
        .api_key(&portal.owner.api_key)
        .rate_limits(limits)
        .build()
        .expect("client")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn five_hundred_concurrent_mixed_calls_stay_within_the_concurrency_caps() {
    let portal = portal(1500).await;
    let client = owner(&portal, RateLimits::default());
    let room = client
        .rooms()
        .create("Load", RoomType::Custom)
        .send()
        .await
        .expect("room");
    let people: Vec<_> = client
        .people()
        .list()
        .stream()
        .try_collect()
        .await
        .expect("people");
    let guest = people
        .into_iter()
        .find(|u| u.email.as_deref() == Some("guest@example.com"))
        .expect("the demo guest")
        .id;

    let calls: Vec<BoxFuture<'static, Result<(), Error>>> = (0..500)
        .map(|i| {
            let (c, room, guest) = (client.clone(), room.id.clone(), guest.clone());
            async move {
                match i % 10 {
                    0 => c.people().me().await.map(drop),
                    1 => c.rooms().list().count(20).send().await.map(drop),
                    2 => c.rooms().get(&room).await.map(drop),
                    3 => c.folders().contents(&room).send().await.map(drop),
                    4 => c.people().list().count(10).send().await.map(drop),
                    5 => c.tags().list().send().await.map(drop),
                    6 => c.security().csp().await.map(drop),
                    7 => c.folders().create(&room, format!("F{i}")).await.map(drop),
                    8 => c
                        .rooms()
                        .share(&room)
                        .user(guest, FileShare::Read)
                        .send()
                        .await
                        .map(drop),
                    _ => c
                        .rooms()
                        .update(&room)
                        .color(Color::from_hex("5299E0")?)
                        .send()
                        .await
                        .map(drop),
                }
            }
            .boxed()
        })
        .collect();
    let started = Instant::now();
    let results = join_all(calls).await;
    let elapsed = started.elapsed();

    let failures: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(
        failures.is_empty(),
        "{} failed: {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
    let stats = portal.stats();
    let metrics = client.metrics();
    eprintln!(
        "500 mixed calls in {elapsed:?}: portal peak {} GET / {} other, {} 429s; client peak {} / {}, {} sent",
        stats.max_concurrent_get,
        stats.max_concurrent_other,
        stats.rate_limited,
        metrics.peak_concurrent_get,
        metrics.peak_concurrent_other,
        metrics.requests_sent
    );
    assert!(stats.max_concurrent_get <= 50, "{stats:?}");
    assert!(stats.max_concurrent_other <= 15, "{stats:?}");
    assert_eq!(stats.rate_limited, 0, "{stats:?}");
    assert_eq!(metrics.rate_limited, 0);
    // The caps were actually reached: the scheduler, not a slow client, kept them.
    assert_eq!(metrics.peak_concurrent_get, 50, "{metrics:?}");
    assert_eq!(metrics.peak_concurrent_other, 15, "{metrics:?}");
    let folders = client
        .folders()
        .contents(&room.id)
        .send()
        .await
        .expect("contents");
    assert_eq!(folders.total, 50, "each folder created once");
}

/// Creates `n` rooms at once and checks that each exists exactly once.
async fn create_rooms_once(portal: &RunningPortal, client: &Client, n: usize, prefix: &str) {
    let started = Instant::now();
    let results = join_all((0..n).map(|i| {
        let c = client.clone();
        async move {
            c.rooms()
                .create(format!("{prefix} {i:03}"), RoomType::Custom)
                .send()
                .await
        }
    }))
    .await;
    let elapsed = started.elapsed();
    let failures: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(
        failures.is_empty(),
        "{} failed: {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );

    let rooms: Vec<_> = client
        .rooms()
        .list()
        .filter_value(prefix)
        .stream()
        .try_collect()
        .await
        .expect("list");
    let mut by_title: HashMap<String, usize> = HashMap::new();
    for r in &rooms {
        *by_title.entry(r.title.clone()).or_default() += 1;
    }
    assert_eq!(by_title.len(), n, "every room exists");
    assert!(by_title.values().all(|c| *c == 1), "no room created twice");

    let stats = portal.stats();
    let m = client.metrics();
    let posts = stats.requests_by_method.get("POST").copied().unwrap_or(0);
    eprintln!(
        "{n} creations in {elapsed:?} ({:.0} requests/min sent, {:.0} creations/min): {} POSTs reached the portal, \
         {} refused with 429; client: {} sent, {} retries, {} pauses; peak {} other in flight",
        m.requests_sent as f64 / elapsed.as_secs_f64() * 60.0,
        n as f64 / elapsed.as_secs_f64() * 60.0,
        posts,
        stats.rate_limited,
        m.requests_sent,
        m.retries,
        m.pauses,
        stats.max_concurrent_other,
    );
    assert!(stats.max_concurrent_other <= 15, "{stats:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_hundred_creations_at_a_portal_limit_of_120_per_minute_create_each_room_once() {
    let portal = portal(120).await;
    // The client expects DocSpace's 1500 per minute: it must learn the lower limit from the
    // portal's answers (X-RateLimit-Remaining/Reset, then 429 + Retry-After).
    let client = owner(&portal, RateLimits::default());
    create_rooms_once(&portal, &client, 300, "Learnt").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_client_told_the_portal_limit_never_gets_a_429() {
    let portal = portal(120).await;
    let client = owner(&portal, RateLimits::default().per_minute(120));
    create_rooms_once(&portal, &client, 130, "Matched").await;
    assert_eq!(portal.stats().rate_limited, 0);
    assert_eq!(client.metrics().rate_limited, 0);
}
