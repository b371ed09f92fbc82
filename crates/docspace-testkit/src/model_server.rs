//! A small OpenAI-compatible model server on loopback, for tests of AI agents and chats:
//! `GET /v1/models` lists [`MODELS`] for the right [`KEY`], `POST /v1/chat/completions` records
//! what it was sent and streams [`TOKENS`] as chat-completion chunks (`data: {...}` blocks, then
//! `data: [DONE]`), or fails with a 500 when told to.
//!
//! A test can make the next answer wait after its first tokens until it says so
//! ([`ModelServer::hold_after`]), so it can see tokens arrive one by one before the answer ends
//! without timing anything. A page in a browser can do the same over HTTP:
//! `POST /control/hold?after=N`, `POST /control/release` and `GET /control/cancelled` (CORS open
//! to any origin; loopback only, no data behind them).

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};
use tokio::sync::{Notify, Semaphore, mpsc, oneshot};

/// The key the model server accepts.
pub const KEY: &str = "sk-test-secret-key-0123456789";
/// The models it lists.
pub const MODELS: [&str; 2] = ["model-a", "model-b"];
/// The tokens it streams, in this order.
pub const TOKENS: [&str; 3] = ["Hello", ", ", "world"];

#[derive(Default)]
struct Inner {
    requests: Vec<Value>,
    fail_chat: bool,
    empty_models: bool,
    /// The next answer waits after this many tokens for a permit of `gate`.
    hold_after: Option<usize>,
    /// The gate of the last hold asked for.
    gate: Option<Arc<Semaphore>>,
    /// Answers whose reader went away before their end.
    cancelled: usize,
}

impl Inner {
    fn hold(&mut self, after: usize) -> Arc<Semaphore> {
        let gate = Arc::new(Semaphore::new(0));
        self.hold_after = Some(after);
        self.gate = Some(gate.clone());
        gate
    }
}

type Shared = Arc<(Mutex<Inner>, Notify)>;

/// A running model server; it stops when the last clone is dropped.
#[derive(Clone)]
pub struct ModelServer {
    /// Its base URL, `http://127.0.0.1:port/v1`, as a provider's URL.
    pub url: String,
    inner: Shared,
    _stop: Arc<oneshot::Sender<()>>,
}

/// What holds an answer after its first tokens; see [`ModelServer::hold_after`].
#[derive(Clone, Debug)]
pub struct Gate {
    permits: Arc<Semaphore>,
}

impl Gate {
    /// Lets the held answer go on (before or after it reached the gate).
    pub fn open(&self) {
        self.permits.add_permits(1);
    }
}

impl ModelServer {
    /// Starts one on a free loopback port.
    pub async fn start() -> ModelServer {
        let inner: Shared = Arc::default();
        let app = Router::new()
            .route("/v1/models", get(models))
            .route("/v1/chat/completions", post(chat))
            .route("/control/hold", post(control_hold).options(preflight))
            .route("/control/release", post(control_release).options(preflight))
            .route("/control/cancelled", get(control_cancelled))
            .with_state(inner.clone());
        let (addr, stop) = crate::serve_on_loopback(0, app, "model server").await;
        ModelServer {
            url: format!("http://{addr}/v1"),
            inner,
            _stop: Arc::new(stop),
        }
    }

    /// The chat-completion request bodies received so far.
    pub fn requests(&self) -> Vec<Value> {
        self.lock().requests.clone()
    }

    /// Makes every chat completion fail with a 500 (`{"error":{"message":"the model crashed"}}`).
    pub fn fail_chat(&self, fail: bool) {
        self.lock().fail_chat = fail;
    }

    /// Makes the model list empty.
    pub fn empty_models(&self, empty: bool) {
        self.lock().empty_models = empty;
    }

    /// How many answers were cancelled: their reader (the portal) went away before their end.
    pub fn cancelled(&self) -> usize {
        self.lock().cancelled
    }

    /// Waits until an answer has been cancelled (returns at once if one was since the last
    /// call).
    pub async fn wait_cancelled(&self) {
        self.inner.1.notified().await;
    }

    /// Makes the next answer stop after `tokens` tokens until the returned gate is opened.
    pub fn hold_after(&self, tokens: usize) -> Gate {
        Gate {
            permits: self.lock().hold(tokens),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner
            .0
            .lock()
            .unwrap_or_else(|e| panic!("model server state: {e}"))
    }
}

fn authorized(h: &HeaderMap) -> bool {
    h.get("authorization").and_then(|v| v.to_str().ok()) == Some(&format!("Bearer {KEY}"))
}

async fn models(State(s): State<Shared>, h: HeaderMap) -> Response {
    if !authorized(&h) {
        return (
            StatusCode::UNAUTHORIZED,
            axum::Json(json!({"error": {"message": "bad key"}})),
        )
            .into_response();
    }
    let empty = s.0.lock().map(|g| g.empty_models).unwrap_or(false);
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

async fn chat(State(s): State<Shared>, h: HeaderMap, body: String) -> Response {
    if !authorized(&h) {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let v: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
    let (fail, hold) = match s.0.lock() {
        Ok(mut g) => {
            g.requests.push(v.clone());
            let hold = g.hold_after.take().zip(g.gate.clone());
            (g.fail_chat, hold)
        }
        Err(_) => (true, None),
    };
    if fail {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            axum::Json(json!({"error": {"message": "the model crashed"}})),
        )
            .into_response();
    }
    let model = v["model"].as_str().unwrap_or_default().to_string();
    let (tx, mut rx) = mpsc::channel::<Bytes>(8);
    tokio::spawn(async move {
        for (i, t) in TOKENS.iter().enumerate() {
            if let Some((after, gate)) = &hold
                && i == *after
            {
                // Held until the test opens the gate, unless the reader goes away first.
                tokio::select! {
                    p = gate.acquire() => { let _ = p.map(|p| p.forget()); }
                    _ = tx.closed() => {
                        cancelled(&s);
                        return;
                    }
                }
            }
            let chunk = json!({
                "id": "chatcmpl-1", "object": "chat.completion.chunk", "model": model,
                "choices": [{"index": 0, "delta": {"content": t}, "finish_reason": null}],
            });
            if tx
                .send(Bytes::from(format!("data: {chunk}\n\n")))
                .await
                .is_err()
            {
                cancelled(&s);
                return;
            }
        }
        let _ = tx.send(Bytes::from_static(b"data: [DONE]\n\n")).await;
    });
    let stream = futures::stream::poll_fn(move |cx| {
        rx.poll_recv(cx)
            .map(|b| b.map(Ok::<_, std::convert::Infallible>))
    });
    let mut resp = Response::new(Body::from_stream(stream));
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    resp
}

/// `POST /control/hold?after=N`: the next answer waits after N tokens.
async fn control_hold(
    State(s): State<Shared>,
    Query(q): Query<std::collections::HashMap<String, String>>,
) -> Response {
    let Some(after) = q.get("after").and_then(|a| a.parse().ok()) else {
        return cors(StatusCode::BAD_REQUEST.into_response());
    };
    if let Ok(mut g) = s.0.lock() {
        g.hold(after);
    }
    cors(StatusCode::NO_CONTENT.into_response())
}

/// `POST /control/release`: lets a held answer (or the next one to be held) go on.
async fn control_release(State(s): State<Shared>) -> Response {
    if let Some(gate) = s.0.lock().ok().and_then(|g| g.gate.clone()) {
        gate.add_permits(1);
    }
    cors(StatusCode::NO_CONTENT.into_response())
}

/// `GET /control/cancelled`: how many answers the portal dropped before their end, as text.
async fn control_cancelled(State(s): State<Shared>) -> Response {
    let n = s.0.lock().map(|g| g.cancelled).unwrap_or(0);
    cors(n.to_string().into_response())
}

async fn preflight() -> Response {
    cors(StatusCode::NO_CONTENT.into_response())
}

fn cors(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("POST"),
    );
    r
}

fn cancelled(s: &Shared) {
    if let Ok(mut g) = s.0.lock() {
        g.cancelled += 1;
    }
    s.1.notify_one();
}
