//! The shared integration tests in headless Chromium: real `fetch`, real cross-origin CORS,
//! against the devportal `cargo xtask test --only wasm` starts.

#![cfg(target_arch = "wasm32")]

mod common;

use common::Fixture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fixture() -> Fixture {
    match (
        option_env!("DOCSPACE_TEST_PORTAL"),
        option_env!("DOCSPACE_TEST_API_KEY"),
        option_env!("DOCSPACE_TEST_PASSWORD"),
    ) {
        (Some(url), Some(key), Some(password)) => Fixture {
            base_url: url.to_string(),
            api_key: key.to_string(),
            password: password.to_string(),
        },
        _ => panic!(
            "DOCSPACE_TEST_PORTAL, DOCSPACE_TEST_API_KEY and DOCSPACE_TEST_PASSWORD are unset: \
             run these tests with `cargo xtask test --only wasm`"
        ),
    }
}

macro_rules! wasm_test {
    ($name:ident) => {
        #[wasm_bindgen_test]
        async fn $name() {
            common::suite::$name(&fixture()).await;
        }
    };
}

for_each_shared_test!(wasm_test);

macro_rules! wasm_versions_links_test {
    ($name:ident) => {
        #[wasm_bindgen_test]
        async fn $name() {
            common::versions_links_suite::$name(&fixture()).await;
        }
    };
}

for_each_versions_links_test!(wasm_versions_links_test);

macro_rules! wasm_templates_test {
    ($name:ident) => {
        #[wasm_bindgen_test]
        async fn $name() {
            common::templates_suite::$name(&fixture()).await;
        }
    };
}

for_each_templates_test!(wasm_templates_test);

macro_rules! wasm_sections_test {
    ($name:ident) => {
        #[wasm_bindgen_test]
        async fn $name() {
            common::sections_suite::$name(&fixture()).await;
        }
    };
}

for_each_sections_test!(wasm_sections_test);

/// WebCrypto's PBKDF2 and the pure-Rust one agree (the browser uses the first for speed).
#[wasm_bindgen_test]
async fn webcrypto_and_rust_pbkdf2_agree() {
    use docspace_api::models::PasswordHashParams;
    use docspace_api::password::{hash, hash_blocking, webcrypto};
    for (pw, salt, iterations) in [
        ("passwd", "salt", 1),
        ("pässwörd 🔑", "5a9e0c", 1000),
        ("", "s", 3),
        ("correct horse battery staple", "00ff", 100_000),
    ] {
        let p = PasswordHashParams {
            size: 256,
            iterations,
            salt: salt.into(),
        };
        let web = webcrypto::hash(pw, &p)
            .await
            .expect("WebCrypto is available");
        assert_eq!(
            web,
            hash_blocking(pw, &p).expect("rust"),
            "{pw}/{salt}/{iterations}"
        );
        assert_eq!(hash(pw, &p).await.expect("hash"), web);
    }
}

/// Waits `ms` milliseconds (`setTimeout`).
async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("a window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Asks the model server `cargo xtask test` starts (docspace-testkit's) to hold its next answer
/// after some tokens (`hold?after=N`) or to let it go on (`release`).
async fn model_control(model_url: &str, what: &str) {
    let url = format!("{}/control/{what}", model_url.trim_end_matches("/v1"));
    let resp = gloo_net::http::Request::post(&url)
        .send()
        .await
        .expect("model server control");
    assert_eq!(resp.status(), 204, "{url}");
}

/// A chat answer reaches the browser event by event (fetch's `ReadableStream`, read chunk by
/// chunk): a token arrives while the model still holds the rest of its answer. Dropping the
/// stream mid-answer aborts the fetch and frees the request's slot.
#[wasm_bindgen_test]
async fn a_chat_answer_streams_event_by_event_and_stops_when_dropped() {
    use docspace_api::api::ChatEvent;
    use docspace_api::{Client, RateLimits};
    use futures::StreamExt;

    let f = fixture();
    let (Some(model_url), Some(model_key)) = (
        option_env!("DOCSPACE_TEST_MODEL_URL"),
        option_env!("DOCSPACE_TEST_MODEL_KEY"),
    ) else {
        panic!(
            "DOCSPACE_TEST_MODEL_URL is unset: run these tests with `cargo xtask test --only wasm`"
        )
    };
    // One request other than a GET at a time: a streaming answer holds it.
    let client = Client::builder(&f.base_url)
        .api_key(&f.api_key)
        .rate_limits(RateLimits::default().concurrent_other(1))
        .build()
        .expect("client");
    let ai = client.ai();
    assert!(ai.set_access(true).await.expect("AI on"));
    let provider = ai
        .create_provider("Browser test model", model_url, model_key)
        .enable_model("model-a")
        .send()
        .await
        .expect("provider");
    let agent = ai
        .create_agent("Browser test agent", provider.id, "model-a")
        .send()
        .await
        .expect("agent");

    model_control(model_url, "hold?after=1").await;
    let mut answer = ai.start_chat(agent.id, "Hi").await.expect("accepted");
    let Some(Ok(ChatEvent::Start { chat_id, .. })) = answer.next().await else {
        panic!("no message_start");
    };
    // The model has sent one token and waits for `release`.
    assert_eq!(
        answer.next().await,
        Some(Ok(ChatEvent::Token("Hello".into())))
    );
    model_control(model_url, "release").await;
    let rest: Vec<_> = answer.collect().await;
    assert_eq!(rest.len(), 3, "{rest:?}");
    assert_eq!(rest[0], Ok(ChatEvent::Token(", ".into())));
    assert_eq!(rest[1], Ok(ChatEvent::Token("world".into())));
    assert!(
        matches!(rest[2], Ok(ChatEvent::Stop(id)) if id > 0),
        "{rest:?}"
    );

    model_control(model_url, "hold?after=1").await;
    let mut answer = ai.send_message(&chat_id, "More").await.expect("accepted");
    assert!(matches!(
        answer.next().await,
        Some(Ok(ChatEvent::Start { .. }))
    ));
    assert_eq!(
        answer.next().await,
        Some(Ok(ChatEvent::Token("Hello".into())))
    );
    drop(answer);
    // The only slot for a POST is free again while the model still holds its answer.
    assert!(ai.set_access(true).await.expect("a POST after the drop"));
    // The fetch was aborted: the portal saw the request go and dropped its call to the model.
    let cancelled_url = format!("{}/control/cancelled", model_url.trim_end_matches("/v1"));
    let mut cancelled = String::new();
    for _ in 0..500 {
        cancelled = gloo_net::http::Request::get(&cancelled_url)
            .send()
            .await
            .expect("cancelled count")
            .text()
            .await
            .expect("text");
        if cancelled == "1" {
            break;
        }
        sleep_ms(20).await;
    }
    assert_eq!(cancelled, "1", "the model call was not cancelled");
    model_control(model_url, "release").await;
    ai.delete_providers(&[provider.id])
        .await
        .expect("cleaned up");
}
