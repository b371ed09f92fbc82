//! Chat answers as a stream of typed events, against the devportal with docspace-testkit's model
//! server, which holds an answer after its first tokens until the test lets it go on: a token
//! seen before that proves the stream is read as it arrives. The failures a portal does not make
//! on purpose are in `ai_stream_faults.rs`.

#![cfg(not(target_arch = "wasm32"))]

mod stream_support;

use std::time::Duration;

use docspace_api::api::{ChatError, ChatEvent};
use docspace_api::{Client, Error, RateLimits};
use docspace_devportal::{PortalConfig, RunningPortal};
use docspace_testkit::model_server::{KEY, ModelServer, TOKENS};
use futures::StreamExt;
use stream_support::{next, within};

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
