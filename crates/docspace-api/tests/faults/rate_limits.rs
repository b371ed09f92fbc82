//! 429s: waited out, or returned with the wait when it is too long; a window spent on a
//! success pauses the client.

use std::time::{Duration, Instant};

use docspace_api::Error;
use docspace_api::models::RoomType;

use super::proxy::*;

#[tokio::test]
async fn a_429_is_waited_out_then_retried_and_creates_once() {
    let limited = || {
        Fault::Answer(
            429,
            vec![
                ("retry-after", "1".into()),
                ("x-ratelimit-remaining", "0".into()),
            ],
            "",
        )
    };
    let s = Setup::new(vec![(ME, vec![limited()]), (ROOMS, vec![limited()])]).await;
    let c = s.client(fast_retries(), Duration::from_secs(10));
    let started = Instant::now();
    assert!(c.people().me().await.expect("after the wait").is_owner);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited Retry-After"
    );
    let room = c
        .rooms()
        .create("After 429", RoomType::Custom)
        .send()
        .await
        .expect("created");
    assert_eq!(room.title, "After 429");
    assert_eq!(s.proxy.count(ROOMS), 2, "refused, then sent again");
    assert_eq!(s.rooms_titled("After 429").await, 1);
    let m = c.metrics();
    assert_eq!((m.rate_limited, m.retries), (2, 2));
    assert!(m.pauses >= 2);
}

#[tokio::test]
async fn a_429_asking_too_long_a_wait_is_returned_with_the_wait() {
    let s = Setup::new(vec![(
        ME,
        vec![Fault::Answer(429, vec![("retry-after", "3600".into())], "")],
    )])
    .await;
    let c = s.client(fast_retries(), Duration::from_secs(10));
    let e = c.people().me().await.expect_err("too long");
    assert_eq!(
        e,
        Error::RateLimited {
            retry_after: Some(Duration::from_secs(3600))
        }
    );
    assert_eq!(e.retry_after(), Some(Duration::from_secs(3600)));
    // Out of retries: the last 429 is returned.
    let s = Setup::new(vec![(
        ME,
        vec![Fault::Answer(429, vec![("x-ratelimit-reset", "1".into())], ""); 3],
    )])
    .await;
    let c = s.client(
        fast_retries().max_rate_limited_retries(1),
        Duration::from_secs(10),
    );
    let e = c.people().me().await.expect_err("out of retries");
    assert!(
        matches!(
            e,
            Error::RateLimited {
                retry_after: Some(_)
            }
        ),
        "{e:?}"
    );
    assert_eq!(s.proxy.count(ME), 2);
}

#[tokio::test]
async fn an_exhausted_window_on_a_success_pauses_the_client() {
    let s = Setup::new(vec![(
        ME,
        vec![Fault::PassWithHeaders(vec![
            ("x-ratelimit-remaining", "0".into()),
            ("x-ratelimit-reset", "2".into()),
        ])],
    )])
    .await;
    let c = s.client(fast_retries(), Duration::from_secs(10));
    c.people().me().await.expect("first");
    let started = Instant::now();
    c.people().me().await.expect("second");
    assert!(
        started.elapsed() >= Duration::from_millis(1900),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(c.metrics().pauses, 1);
}
