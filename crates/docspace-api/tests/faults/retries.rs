//! What the scheduler retries and what it never sends twice: lost answers, transient 5xx,
//! refused connections.

use std::time::Duration;

use docspace_api::models::RoomType;
use docspace_api::{Client, Error};

use super::proxy::*;

#[tokio::test]
async fn a_create_whose_answer_is_lost_is_never_sent_again() {
    let s = Setup::new(vec![(ROOMS, vec![Fault::ForwardThenHang])]).await;
    let c = s.client(fast_retries(), Duration::from_millis(1500));
    let e = c
        .rooms()
        .create("Lost answer", RoomType::Custom)
        .send()
        .await
        .expect_err("no answer");
    assert!(matches!(e, Error::Timeout(_)), "{e:?}");
    assert_eq!(s.proxy.count(ROOMS), 1, "sent once");
    assert_eq!(
        s.rooms_titled("Lost answer").await,
        1,
        "the portal created it, once"
    );
}

#[tokio::test]
async fn a_503_on_a_create_is_returned_not_retried() {
    let s = Setup::new(vec![(ROOMS, vec![Fault::Answer(503, vec![], "")])]).await;
    let c = s.client(fast_retries(), Duration::from_secs(10));
    let e = c
        .rooms()
        .create("Unavailable", RoomType::Custom)
        .send()
        .await
        .expect_err("503");
    assert_eq!(
        e,
        Error::Server {
            status: 503,
            message: "the portal answered 503".into()
        }
    );
    assert_eq!(s.proxy.count(ROOMS), 1);
    assert_eq!(s.rooms_titled("Unavailable").await, 0);
}

#[tokio::test]
async fn reads_are_retried_after_transient_failures() {
    let s = Setup::new(vec![(
        ME,
        vec![
            Fault::Answer(503, vec![], ""),
            Fault::Answer(502, vec![], "bad gateway"),
            Fault::ForwardThenHang,
        ],
    )])
    .await;
    let c = s.client(fast_retries(), Duration::from_millis(800));
    let me = c.people().me().await.expect("the fourth attempt answers");
    assert!(me.is_owner);
    assert_eq!(s.proxy.count(ME), 4);
    assert_eq!(c.metrics().retries, 3);

    let e = s.client(fast_retries().max_retries(1), Duration::from_secs(5));
    s.proxy
        .add_faults(ME, vec![Fault::Answer(504, vec![], ""); 2]);
    let err = e.people().me().await.expect_err("retries run out");
    assert_eq!(err.status(), Some(504));
}

#[tokio::test]
async fn refused_connections_are_retried_even_for_creates() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let c = Client::builder(format!("http://127.0.0.1:{port}"))
        .retry_policy(fast_retries().max_retries(2))
        .build()
        .expect("client");
    let e = c
        .rooms()
        .create("Never sent", RoomType::Custom)
        .send()
        .await
        .expect_err("refused");
    assert!(matches!(e, Error::Network(_)), "{e:?}");
    // Nothing reached a portal, so resending was safe: 1 try + 2 retries.
    assert_eq!(c.metrics().requests_sent, 3);
}
