//! A small OpenAI-compatible model server on loopback for the AI tests: `GET /v1/models` lists
//! two models for the right key, `POST /v1/chat/completions` records what it was sent and streams
//! known tokens as chat-completion chunks (`data: {...}` lines, then `data: [DONE]`), or fails
//! when told to.

#![allow(dead_code)] // Each test file uses a different subset.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

/// The key the fake provider accepts.
pub const KEY: &str = "sk-test-secret-key-0123456789";
/// The models it lists.
pub const MODELS: [&str; 2] = ["model-a", "model-b"];
/// The tokens it streams.
pub const TOKENS: [&str; 3] = ["Hello", ", ", "world"];

#[derive(Default)]
struct Inner {
    requests: Vec<Value>,
    fail_chat: bool,
    empty_models: bool,
}

/// A running fake provider.
#[derive(Clone)]
pub struct FakeProvider {
    /// Its base URL, `http://127.0.0.1:port/v1`.
    pub url: String,
    inner: Arc<Mutex<Inner>>,
}

impl FakeProvider {
    /// Starts one on a free loopback port.
    pub async fn start() -> FakeProvider {
        let inner = Arc::new(Mutex::new(Inner::default()));
        let app = Router::new()
            .route("/v1/models", get(models))
            .route("/v1/chat/completions", post(chat))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeProvider {
            url: format!("http://{addr}/v1"),
            inner,
        }
    }

    /// The chat-completion request bodies received so far.
    pub fn requests(&self) -> Vec<Value> {
        self.inner.lock().expect("lock").requests.clone()
    }

    /// Makes every chat completion fail with a 500.
    pub fn fail_chat(&self, fail: bool) {
        self.inner.lock().expect("lock").fail_chat = fail;
    }

    /// Makes the model list empty.
    pub fn empty_models(&self, empty: bool) {
        self.inner.lock().expect("lock").empty_models = empty;
    }
}

fn authorized(h: &HeaderMap) -> bool {
    h.get("authorization").and_then(|v| v.to_str().ok()) == Some(&format!("Bearer {KEY}"))
}

async fn models(State(s): State<Arc<Mutex<Inner>>>, h: HeaderMap) -> Response {
    if !authorized(&h) {
        return (
            StatusCode::UNAUTHORIZED,
            axum::Json(json!({"error": {"message": "bad key"}})),
        )
            .into_response();
    }
    let empty = s.lock().expect("lock").empty_models;
    let data: Vec<Value> = if empty {
        vec![]
    } else {
        MODELS
            .iter()
            .map(|m| json!({"id": m, "object": "model", "created": 0, "owned_by": "test"}))
            .collect()
    };
    axum::Json(json!({"object": "list", "data": data})).into_response()
}

async fn chat(State(s): State<Arc<Mutex<Inner>>>, h: HeaderMap, body: String) -> Response {
    if !authorized(&h) {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let v: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
    let fail = {
        let mut g = s.lock().expect("lock");
        g.requests.push(v.clone());
        g.fail_chat
    };
    if fail {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            axum::Json(json!({"error": {"message": "the model crashed"}})),
        )
            .into_response();
    }
    let model = v["model"].as_str().unwrap_or_default().to_string();
    let mut out = String::new();
    for t in TOKENS {
        let chunk = json!({
            "id": "chatcmpl-1", "object": "chat.completion.chunk", "model": model,
            "choices": [{"index": 0, "delta": {"content": t}, "finish_reason": null}],
        });
        out.push_str(&format!("data: {chunk}\n\n"));
    }
    out.push_str("data: [DONE]\n\n");
    ([("content-type", "text/event-stream")], out).into_response()
}
