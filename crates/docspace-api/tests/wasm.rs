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

for_each_shared_test!(wasm_test);

for_each_versions_links_test!(wasm_test);

for_each_templates_test!(wasm_test);

for_each_sections_test!(wasm_test);

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

/// The pending early answers (`window.docspaceEarly`), emptied.
fn fresh_early_answers() -> js_sys::Object {
    use wasm_bindgen::JsValue;
    let window = web_sys::window().expect("window");
    let kept = js_sys::Object::new();
    js_sys::Reflect::set(&window, &JsValue::from_str("docspaceEarly"), &kept).expect("set");
    kept
}

/// A client on the test page's own origin, where a page's early requests go.
fn same_origin_client(auth: docspace_api::Auth) -> docspace_api::Client {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .expect("origin");
    docspace_api::Client::builder(origin)
        .auth(auth)
        .build()
        .expect("client")
}

/// A GET the page's script started early is answered from that fetch, once: the client's next
/// GET of the same page goes to the network (the test page's server has no API: a 404). A
/// client whose credential is a secret never takes it, as the early fetch could not send it.
#[wasm_bindgen_test]
async fn an_early_answer_serves_the_first_matching_get_once() {
    use docspace_api::{Auth, Error};
    use wasm_bindgen::JsValue;

    let kept = fresh_early_answers();
    let client = same_origin_client(Auth::Cookie);
    let early = client
        .rooms()
        .list()
        .early()
        .expect("a cookie GET may start early");
    let key = JsValue::from_str(early.path_and_query());
    // What the portal would have answered: one room.
    let body = r#"{"response":{"files":[],"folders":[{"id":71,"title":"Fetched early","roomType":5}],
        "current":{"id":0,"title":"Rooms"},"startIndex":0,"count":1,"total":1},"status":0}"#;
    let answer = js_sys::Promise::resolve(
        &web_sys::Response::new_with_opt_str(Some(body)).expect("a Response"),
    );

    js_sys::Reflect::set(&kept, &key, &answer).expect("kept");
    let with_key = same_origin_client(Auth::ApiKey("sk-not-in-the-page".into()));
    let refused = with_key.rooms().list().send().await;
    assert!(
        matches!(refused, Err(Error::NotFound { .. })),
        "a client with a key went to the network: {refused:?}"
    );
    assert!(
        js_sys::Reflect::has(&kept, &key).expect("has"),
        "still kept"
    );

    let page = client
        .rooms()
        .list()
        .send()
        .await
        .expect("the early answer");
    assert_eq!(page.folders.len(), 1);
    assert_eq!(page.folders[0].title, "Fetched early");
    assert!(
        !js_sys::Reflect::has(&kept, &key).expect("has"),
        "taken once"
    );
    let again = client.rooms().list().send().await;
    assert!(
        matches!(again, Err(Error::NotFound { .. })),
        "the second GET went to the network: {again:?}"
    );
}

/// The script `EarlyRequest::script` writes starts the fetch and keeps it where the client looks,
/// under the path the client then asks for.
#[wasm_bindgen_test]
async fn the_early_script_keeps_the_fetch_the_client_takes() {
    use docspace_api::Auth;
    use docspace_api::early::EarlyRequest;
    use wasm_bindgen::{JsCast, JsValue};

    let kept = fresh_early_answers();
    let client = same_origin_client(Auth::HostProxy);
    let early = client.rooms().list().early().expect("early");
    let key = JsValue::from_str(early.path_and_query());
    js_sys::Function::new_no_args(&EarlyRequest::script(&[early]))
        .call0(&JsValue::NULL)
        .expect("the script runs");
    let pending = js_sys::Reflect::get(&kept, &key).expect("get");
    assert!(pending.is_instance_of::<js_sys::Promise>(), "{pending:?}");
    // The test page's server answers it 404; what matters is that the client took it.
    let _ = client.rooms().list().send().await;
    assert!(!js_sys::Reflect::has(&kept, &key).expect("has"), "taken");
}
