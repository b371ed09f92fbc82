//! The proxy that injects the faults, in front of a devportal, and the setup of a test.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use docspace_api::{Client, RetryPolicy};
use docspace_devportal::{PortalConfig, RunningPortal};
use futures::TryStreamExt;

/// What the proxy does with one request.
#[derive(Clone, Debug)]
pub enum Fault {
    /// Forward it and return the portal's answer.
    Pass,
    /// Answer this status, headers and body without forwarding.
    Answer(u16, Vec<(&'static str, String)>, &'static str),
    /// Forward it, then never answer (the portal acts; the client sees no answer).
    ForwardThenHang,
    /// Forward it and add headers to the portal's answer.
    PassWithHeaders(Vec<(&'static str, String)>),
}

/// Faults by `"METHOD /path"` prefix, each used for the first requests that match, in order.
#[derive(Default)]
struct Plan {
    rules: Vec<(String, Vec<Fault>)>,
    seen: HashMap<String, usize>,
}

#[derive(Clone)]
pub struct Proxy {
    portal: String,
    http: reqwest::Client,
    plan: Arc<Mutex<Plan>>,
}

impl Proxy {
    fn fault_for(&self, key: &str) -> Fault {
        let mut plan = self.plan.lock().expect("plan");
        for (prefix, faults) in &mut plan.rules {
            if key.starts_with(prefix.as_str()) && !faults.is_empty() {
                let f = faults.remove(0);
                *plan.seen.entry(prefix_of(key)).or_default() += 1;
                return f;
            }
        }
        *plan.seen.entry(prefix_of(key)).or_default() += 1;
        Fault::Pass
    }

    /// Adds faults for the requests from now on that start with `prefix` (`"METHOD /path"`).
    pub fn add_faults(&self, prefix: impl Into<String>, faults: Vec<Fault>) {
        let mut plan = self.plan.lock().expect("plan");
        plan.rules.push((prefix.into(), faults));
    }

    /// How many requests reached the proxy for `"METHOD /path"` (query ignored).
    pub fn count(&self, key: &str) -> usize {
        self.plan
            .lock()
            .expect("plan")
            .seen
            .get(key)
            .copied()
            .unwrap_or(0)
    }

    async fn forward(
        &self,
        method: axum::http::Method,
        uri: &str,
        headers: HeaderMap,
        body: Bytes,
    ) -> Response {
        let mut req = self
            .http
            .request(method, format!("{}{uri}", self.portal))
            .body(body);
        for (k, v) in &headers {
            if k != "host" && k != "content-length" {
                req = req.header(k, v);
            }
        }
        let resp = match req.send().await {
            Ok(r) => r,
            Err(e) => return (StatusCode::BAD_GATEWAY, e.to_string()).into_response(),
        };
        let status = resp.status();
        let headers = resp.headers().clone();
        let body = resp.bytes().await.unwrap_or_default();
        let mut out = Response::new(Body::from(body));
        *out.status_mut() = status;
        for (k, v) in &headers {
            if k != "content-length" && k != "transfer-encoding" {
                out.headers_mut().insert(k, v.clone());
            }
        }
        out
    }
}

fn prefix_of(key: &str) -> String {
    key.split('?').next().unwrap_or(key).to_string()
}

async fn handle(State(proxy): State<Proxy>, req: Request) -> Response {
    let method = req.method().clone();
    let uri = req
        .uri()
        .path_and_query()
        .map(|p| p.to_string())
        .unwrap_or_default();
    let headers = req.headers().clone();
    let body = axum::body::to_bytes(req.into_body(), 64 << 20)
        .await
        .unwrap_or_default();
    match proxy.fault_for(&format!("{method} {uri}")) {
        Fault::Pass => proxy.forward(method, &uri, headers, body).await,
        Fault::Answer(status, extra, text) => {
            let mut resp = Response::new(Body::from(text));
            *resp.status_mut() = StatusCode::from_u16(status).expect("status");
            add(resp.headers_mut(), &extra);
            resp
        }
        Fault::PassWithHeaders(extra) => {
            let mut resp = proxy.forward(method, &uri, headers, body).await;
            add(resp.headers_mut(), &extra);
            resp
        }
        Fault::ForwardThenHang => {
            let _ = proxy.forward(method, &uri, headers, body).await;
            futures::future::pending::<Response>().await
        }
    }
}

fn add(h: &mut HeaderMap, extra: &[(&'static str, String)]) {
    for (k, v) in extra {
        h.insert(
            HeaderName::from_static(k),
            HeaderValue::from_str(v).expect("header"),
        );
    }
}

pub struct Setup {
    pub portal: RunningPortal,
    pub proxy: Proxy,
    pub url: String,
    _server: tokio::task::JoinHandle<()>,
}

impl Setup {
    pub async fn new(rules: Vec<(&str, Vec<Fault>)>) -> Setup {
        let portal = docspace_devportal::start(PortalConfig::for_tests())
            .await
            .expect("portal");
        let proxy = Proxy {
            portal: portal.base_url(),
            http: reqwest::Client::new(),
            plan: Arc::new(Mutex::new(Plan {
                rules: rules.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
                seen: HashMap::new(),
            })),
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let app = axum::Router::new()
            .fallback(handle)
            .with_state(proxy.clone());
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Setup {
            portal,
            proxy,
            url,
            _server: server,
        }
    }

    /// A client through the proxy.
    pub fn client(&self, retry: RetryPolicy, timeout: Duration) -> Client {
        Client::builder(&self.url)
            .api_key(&self.portal.owner.api_key)
            .retry_policy(retry)
            .timeout(timeout)
            .build()
            .expect("client")
    }

    /// A client straight to the portal, to check what really happened.
    pub fn direct(&self) -> Client {
        Client::builder(self.portal.base_url())
            .api_key(&self.portal.owner.api_key)
            .build()
            .expect("client")
    }

    pub async fn rooms_titled(&self, title: &str) -> usize {
        let rooms: Vec<_> = self
            .direct()
            .rooms()
            .list()
            .filter_value(title)
            .stream()
            .try_collect()
            .await
            .expect("list");
        rooms.iter().filter(|r| r.title == title).count()
    }
}

pub fn fast_retries() -> RetryPolicy {
    RetryPolicy::default()
        .base_delay(Duration::from_millis(20))
        .max_delay(Duration::from_millis(100))
}

pub const ROOMS: &str = "POST /api/2.0/files/rooms";
pub const ME: &str = "GET /api/2.0/people/@self";
