//! A chat answer's failures that a portal does not make on purpose, against scripted
//! event-stream bodies on loopback: blocks cut anywhere by the network, a cut connection, a body
//! that ends early, an oversized event, a silent server, malformed data; and what dropping the
//! stream does to the connection.

#![cfg(not(target_arch = "wasm32"))]

mod stream_support;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::response::Response;
use axum::routing::post;
use docspace_api::api::{ChatError, ChatEvent};
use docspace_api::{Client, Error, RateLimits};
use futures::StreamExt;
use stream_support::{next, within};
use tokio::sync::{Semaphore, oneshot};

/// A server at `/api/2.0/ai/chats/{id}/messages` that answers every POST 200 with `chunks`
/// as an event stream, then ends it, cuts it once the test says so, or keeps it open and silent.
async fn scripted(chunks: Vec<&'static [u8]>, end: End) -> Client {
    scripted_with(chunks, end, RateLimits::default()).await
}

/// [`scripted`] with the client's limits.
async fn scripted_with(chunks: Vec<&'static [u8]>, end: End, limits: RateLimits) -> Client {
    let app = Router::new().route(
        "/api/2.0/ai/chats/{id}/messages",
        post(move || {
            let chunks = chunks.clone();
            let end = end.clone();
            async move {
                let items = futures::stream::iter(
                    chunks
                        .into_iter()
                        .map(|c| Ok::<_, std::io::Error>(Bytes::from_static(c))),
                );
                let tail: futures::stream::BoxStream<'static, Result<Bytes, std::io::Error>> =
                    match end {
                        End::Clean => futures::stream::empty().boxed(),
                        End::Cut(when) => futures::stream::once(async move {
                            let _ = when.acquire().await;
                            Err(std::io::Error::other("cut"))
                        })
                        .boxed(),
                        End::Hang => futures::stream::pending().boxed(),
                        End::HangUntilDropped(dropped) => {
                            let guard = DropSignal(Some(dropped));
                            futures::stream::pending()
                                .map(move |x: Result<Bytes, std::io::Error>| {
                                    let _keep = &guard;
                                    x
                                })
                                .boxed()
                        }
                    };
                Response::builder()
                    .header("content-type", "text/event-stream")
                    .body(Body::from_stream(items.chain(tail)))
                    .unwrap_or_default()
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Client::builder(format!("http://{addr}"))
        .api_key("sk-test")
        .timeout(Duration::from_millis(500))
        .rate_limits(limits)
        .build()
        .expect("client")
}

#[derive(Clone)]
enum End {
    Clean,
    /// Cut the connection (an error in the body, which aborts it) once a permit is added.
    Cut(Arc<Semaphore>),
    Hang,
    /// Stay silent; say on the channel when the server drops the body (the connection closed).
    HangUntilDropped(Arc<std::sync::Mutex<Option<oneshot::Sender<()>>>>),
}

struct DropSignal(Option<Arc<std::sync::Mutex<Option<oneshot::Sender<()>>>>>);

impl Drop for DropSignal {
    fn drop(&mut self) {
        if let Some(tx) = self
            .0
            .take()
            .and_then(|m| m.lock().ok().and_then(|mut t| t.take()))
        {
            let _ = tx.send(());
        }
    }
}

async fn all(client: &Client, max_event: Option<usize>) -> Vec<Result<ChatEvent, Error>> {
    let mut ai = client.ai();
    if let Some(n) = max_event {
        ai = ai.max_event_bytes(n);
    }
    let s = ai.send_message("c1", "Hi").await.expect("accepted");
    within("the scripted answer", s.collect()).await
}

#[tokio::test]
async fn blocks_cut_anywhere_by_the_network_arrive_whole() {
    // `é` and `€` split between chunks, `\r\n` split between chunks, a ping, and an event this
    // client does not model.
    let client = scripted(
        vec![
            b"event: message_start\r",
            b"\ndata: {\"chatId\":\"c1\"}\r\n\r\n: ping - 2026\r\n\r\nevent: new_to",
            b"ken\r\ndata: {\"text\":\"h\xC3",
            b"\xA9 \xE2\x82",
            b"\xAC\"}\r\n\r\nevent: tool_result\ndata: {\"callId\":\"k\",\"result\":[1]}\n\nevent: x\ndata: plain\n\nevent: message_stop\ndata: {\"messageId\":3}\n",
        ],
        End::Clean,
    )
    .await;
    assert_eq!(
        all(&client, None).await,
        vec![
            Ok(ChatEvent::Start {
                chat_id: "c1".into(),
                error: None
            }),
            Ok(ChatEvent::Token("h\u{e9} \u{20ac}".into())),
            Ok(ChatEvent::ToolResult {
                call_id: "k".into(),
                result: serde_json::json!([1])
            }),
            Ok(ChatEvent::Other("x".into(), "plain".into())),
            Ok(ChatEvent::Stop(3)),
        ]
    );
}

#[tokio::test]
async fn a_cut_connection_is_a_typed_error_after_what_arrived() {
    let cut = Arc::new(Semaphore::new(0));
    let client = scripted(
        vec![b"event: new_token\ndata: {\"text\":\"a\"}\n\nevent: new_tok"],
        End::Cut(cut.clone()),
    )
    .await;
    let mut s = client
        .ai()
        .send_message("c1", "Hi")
        .await
        .expect("accepted");
    assert_eq!(next(&mut s).await, Some(Ok(ChatEvent::Token("a".into()))));
    cut.add_permits(1);
    let rest: Vec<_> = within("the cut", s.collect()).await;
    assert!(
        matches!(rest[..], [Err(Error::StreamInterrupted(_))]),
        "{rest:?}"
    );
}

#[tokio::test]
async fn a_body_that_ends_before_message_stop_is_interrupted() {
    let client = scripted(
        vec![
            b"event: new_token\ndata: {\"text\":\"a\"}\n\nevent: new_token\ndata: {\"text\":\"b\"}",
        ],
        End::Clean,
    )
    .await;
    let events = all(&client, None).await;
    assert_eq!(events.len(), 3, "{events:?}");
    assert_eq!(events[1], Ok(ChatEvent::Token("b".into())));
    assert!(matches!(events[2], Err(Error::StreamInterrupted(_))));
}

#[tokio::test]
async fn an_error_event_may_end_the_body() {
    let client = scripted(
        vec![b"event: error\ndata: {\"message\":\"No provider\",\"errorCode\":\"E1\"}\n\n"],
        End::Clean,
    )
    .await;
    assert_eq!(
        all(&client, None).await,
        vec![Ok(ChatEvent::Error(ChatError {
            message: "No provider".into(),
            error_code: Some("E1".into()),
            details: None
        }))]
    );
}

#[tokio::test]
async fn an_event_over_the_cap_ends_the_stream_with_a_typed_error() {
    let client = scripted(
        vec![
            b"event: new_token\ndata: {\"text\":\"a\"}\n\n",
            b"event: new_token\ndata: {\"text\":\"0123456789012345678901234567890123456789",
            b"0123456789012345678901234567890123456789\"}\n\n",
        ],
        End::Hang,
    )
    .await;
    assert_eq!(
        all(&client, Some(64)).await,
        vec![
            Ok(ChatEvent::Token("a".into())),
            Err(Error::EventTooLarge { limit: 64 })
        ]
    );
}

#[tokio::test]
async fn a_silent_server_times_out_between_chunks() {
    let client = scripted(
        vec![b"event: new_token\ndata: {\"text\":\"a\"}\n\n"],
        End::Hang,
    )
    .await;
    let events = all(&client, None).await;
    assert_eq!(events[0], Ok(ChatEvent::Token("a".into())));
    assert!(matches!(events[1], Err(Error::Timeout(_))), "{events:?}");
    assert_eq!(events.len(), 2);
}

#[tokio::test]
async fn known_events_with_data_of_the_wrong_shape_are_decode_errors() {
    let client = scripted(
        vec![b"event: new_token\ndata: {\"txt\":1}\n\nevent: message_stop\ndata: {\"messageId\":1}\n\n"],
        End::Clean,
    )
    .await;
    let events = all(&client, None).await;
    assert!(
        matches!(events[..], [Err(Error::Decode { .. })]),
        "{events:?}"
    );
}

#[tokio::test]
async fn dropping_the_stream_closes_the_connection() {
    let (tx, rx) = oneshot::channel();
    let client = scripted(
        vec![b"event: new_token\ndata: {\"text\":\"a\"}\n\n"],
        End::HangUntilDropped(Arc::new(std::sync::Mutex::new(Some(tx)))),
    )
    .await;
    let mut s = client
        .ai()
        .send_message("c1", "Hi")
        .await
        .expect("accepted");
    assert_eq!(next(&mut s).await, Some(Ok(ChatEvent::Token("a".into()))));
    drop(s);
    // The server sees the request go away and drops the answer it was writing, as DocSpace
    // cancels a generation whose request was aborted.
    within("the server to see the connection closed", rx)
        .await
        .expect("the body was dropped");
}

#[tokio::test]
async fn an_open_answer_holds_its_request_slot_until_dropped() {
    let client = scripted_with(
        vec![b": ping\n\n"],
        End::Hang,
        RateLimits::default().concurrent_other(1),
    )
    .await;
    let ai = client.ai();
    let first = ai.send_message("c1", "Hi").await.expect("accepted");
    assert_eq!(client.metrics().requests_sent, 1);
    let mut second = Box::pin(ai.send_message("c1", "Again"));
    // Admission is decided in memory on the first poll: a free slot would have let the second
    // request out (`requests_sent` counts requests let out), the held one keeps it waiting.
    assert!(futures::poll!(second.as_mut()).is_pending());
    assert_eq!(client.metrics().requests_sent, 1);
    drop(first);
    let _second = within("the second request", second)
        .await
        .expect("accepted");
    assert_eq!(client.metrics().requests_sent, 2);
    assert_eq!(client.metrics().peak_concurrent_other, 1);
}
