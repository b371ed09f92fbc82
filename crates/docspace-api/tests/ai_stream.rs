//! Chat answers as a stream of typed events: against the devportal with docspace-testkit's model
//! server (which holds an answer after its first token until the test lets it go on, so a token
//! seen before that proves the stream is read as it arrives), and against scripted bodies on
//! loopback for the failures a portal does not make on purpose (a cut connection, an unfinished
//! body, an oversized event, a silent server).

#![cfg(not(target_arch = "wasm32"))]

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::response::Response;
use axum::routing::post;
use docspace_api::api::{ChatError, ChatEvent, ChatStream};
use docspace_api::{Client, Error, RateLimits};
use docspace_devportal::{PortalConfig, RunningPortal};
use docspace_testkit::model_server::{KEY, ModelServer, TOKENS};
use futures::StreamExt;
use tokio::sync::{Semaphore, oneshot};

/// Fails the test instead of hanging it when something never arrives (a stream read whole
/// would never yield the token the model server holds back). Not a timing assertion: generous.
async fn within<T>(what: &str, f: impl Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(60), f)
        .await
        .unwrap_or_else(|_| panic!("{what}: nothing after 60 s"))
}

async fn next(s: &mut ChatStream) -> Option<Result<ChatEvent, Error>> {
    within("the next event", s.next()).await
}

struct Setup {
    _portal: RunningPortal,
    model: ModelServer,
    client: Client,
    agent: i64,
}

async fn setup(limits: RateLimits) -> Setup {
    let portal = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("devportal");
    let model = ModelServer::start().await;
    let client = Client::builder(portal.base_url())
        .api_key(&portal.owner.api_key)
        .rate_limits(limits)
        .build()
        .expect("client");
    let ai = client.ai();
    let p = ai
        .create_provider("Local", &model.url, KEY)
        .enable_model("model-a")
        .send()
        .await
        .expect("provider");
    let agent = ai
        .create_agent("Helper", p.id, "model-a")
        .send()
        .await
        .expect("agent")
        .id;
    Setup {
        _portal: portal,
        model,
        client,
        agent,
    }
}

#[tokio::test]
async fn tokens_arrive_one_by_one_before_the_answer_ends() {
    let s = setup(RateLimits::default()).await;
    let ai = s.client.ai();
    let gate = s.model.hold_after(1);
    let mut answer = ai.start_chat(s.agent, "Hi").await.expect("accepted");
    let Some(Ok(ChatEvent::Start { chat_id, error })) = next(&mut answer).await else {
        panic!("no message_start");
    };
    assert_eq!(error, None);
    // The model has sent one token and waits: this one arrived while the answer goes on.
    assert_eq!(
        next(&mut answer).await,
        Some(Ok(ChatEvent::Token(TOKENS[0].into())))
    );
    gate.open();
    for t in &TOKENS[1..] {
        assert_eq!(
            next(&mut answer).await,
            Some(Ok(ChatEvent::Token(t.to_string())))
        );
    }
    let Some(Ok(ChatEvent::Stop(id))) = next(&mut answer).await else {
        panic!("no message_stop");
    };
    assert!(id > 0);
    assert_eq!(next(&mut answer).await, None);

    // The next turn of the same chat streams the same way.
    let gate = s.model.hold_after(2);
    let mut answer = ai.send_message(&chat_id, "More").await.expect("accepted");
    assert_eq!(
        next(&mut answer).await,
        Some(Ok(ChatEvent::Start {
            chat_id: chat_id.clone(),
            error: None
        }))
    );
    for t in &TOKENS[..2] {
        assert_eq!(
            next(&mut answer).await,
            Some(Ok(ChatEvent::Token(t.to_string())))
        );
    }
    gate.open();
    let rest: Vec<_> = within("the rest", answer.collect::<Vec<_>>()).await;
    assert_eq!(rest.len(), 2, "{rest:?}");
    assert_eq!(rest[0], Ok(ChatEvent::Token(TOKENS[2].into())));
    assert!(matches!(rest[1], Ok(ChatEvent::Stop(id)) if id > 0));
    let texts: Vec<String> = ai
        .messages(&chat_id)
        .await
        .expect("messages")
        .iter()
        .map(|m| m.text())
        .collect();
    assert_eq!(texts, ["Hi", "Hello, world", "More", "Hello, world"]);
}

#[tokio::test]
async fn a_provider_failure_is_an_error_event_and_the_message_is_kept() {
    let s = setup(RateLimits::default()).await;
    let ai = s.client.ai();
    s.model.fail_chat(true);
    let events: Vec<_> = within(
        "the failed turn",
        ai.start_chat(s.agent, "Hi")
            .await
            .expect("accepted")
            .collect(),
    )
    .await;
    let Some(Ok(ChatEvent::Start { chat_id, .. })) = events.first().cloned() else {
        panic!("no message_start: {events:?}");
    };
    assert!(
        matches!(&events[1], Ok(ChatEvent::Error(ChatError { message, .. })) if message.contains("the model crashed")),
        "{events:?}"
    );
    // Nothing was answered, nothing stored, nothing made up.
    assert_eq!(events[2], Ok(ChatEvent::Stop(0)));
    assert_eq!(events.len(), 3, "{events:?}");
    let msgs = ai.messages(&chat_id).await.expect("messages");
    let texts: Vec<(i32, String)> = msgs.iter().map(|m| (m.role, m.text())).collect();
    assert_eq!(texts, [(0, "Hi".to_string())]);
}

#[tokio::test]
async fn a_refusal_before_the_stream_is_the_usual_typed_error() {
    let s = setup(RateLimits::default()).await;
    let ai = s.client.ai();
    let err = ai
        .send_message("00000000-0000-0000-0000-000000000000", "Hi")
        .await
        .expect_err("no such chat");
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    assert!(matches!(
        ai.start_chat(s.agent, "  ").await,
        Err(Error::InvalidInput { .. })
    ));
}

#[tokio::test]
async fn dropping_the_stream_mid_answer_lets_the_next_request_through() {
    // One request other than a GET at a time: the answer holds that slot while it streams.
    let s = setup(RateLimits::default().concurrent_other(1)).await;
    let ai = s.client.ai();
    let gate = s.model.hold_after(1);
    let mut answer = ai.start_chat(s.agent, "Hi").await.expect("accepted");
    assert!(matches!(
        next(&mut answer).await,
        Some(Ok(ChatEvent::Start { .. }))
    ));
    assert_eq!(
        next(&mut answer).await,
        Some(Ok(ChatEvent::Token(TOKENS[0].into())))
    );
    // GETs have their own slots and pass while the answer streams.
    assert!(ai.access().await.expect("access"));
    drop(answer);
    // The slot is free again: a POST goes through while the model still holds its answer.
    assert!(
        within("a POST after the drop", ai.set_access(true))
            .await
            .expect("set")
    );
    gate.open();
    // And a new turn streams as usual.
    let events: Vec<_> = within(
        "a new turn",
        ai.start_chat(s.agent, "Again")
            .await
            .expect("accepted")
            .collect(),
    )
    .await;
    assert!(
        matches!(events.last(), Some(Ok(ChatEvent::Stop(id))) if *id > 0),
        "{events:?}"
    );
}

#[tokio::test]
async fn stopping_an_answer_cancels_the_model_call_and_keeps_the_answer_so_far() {
    let s = setup(RateLimits::default()).await;
    let ai = s.client.ai();
    // Never opened: only the portal going away ends this answer.
    let _gate = s.model.hold_after(1);
    let mut answer = ai.start_chat(s.agent, "Hi").await.expect("accepted");
    let Some(Ok(ChatEvent::Start { chat_id, .. })) = next(&mut answer).await else {
        panic!("no message_start");
    };
    assert_eq!(
        next(&mut answer).await,
        Some(Ok(ChatEvent::Token(TOKENS[0].into())))
    );
    drop(answer);
    // The portal saw the request aborted and dropped its call to the model, as DocSpace
    // cancels the generation of an aborted request.
    within("the model call to be cancelled", s.model.wait_cancelled()).await;
    assert_eq!(s.model.cancelled(), 1);
    // It stores the answer so far once the call has ended; poll a bounded number of times.
    let mut texts = Vec::new();
    for _ in 0..500 {
        texts = ai
            .messages(&chat_id)
            .await
            .expect("messages")
            .iter()
            .map(|m| (m.role, m.text()))
            .collect::<Vec<_>>();
        if texts.len() == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(texts, [(0, "Hi".to_string()), (1, TOKENS[0].to_string())]);
}

/// A server at `/api/2.0/ai/chats/{id}/messages` that answers every POST 200 with `chunks`
/// as an event stream, then ends it, cuts it once the test says so, or keeps it open and silent.
async fn scripted(chunks: Vec<&'static [u8]>, end: End) -> Client {
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
