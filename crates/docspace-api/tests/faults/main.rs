//! Failures a real network and real proxies produce, injected by a small HTTP proxy in front of
//! a devportal: lost answers, transient 5xx, 429s, 407, garbage bodies, hangs, failed chunks.
//! They check the error each becomes and what the scheduler retries — and never retries.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use docspace_api::models::RoomType;
use docspace_api::{Client, Error, RetryPolicy};
use docspace_devportal::{PortalConfig, RunningPortal};
use futures::TryStreamExt;

/// What the proxy does with one request.
#[derive(Clone, Debug)]
enum Fault {
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
struct Proxy {
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

    /// How many requests reached the proxy for `"METHOD /path"` (query ignored).
    fn count(&self, key: &str) -> usize {
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

struct Setup {
    portal: RunningPortal,
    proxy: Proxy,
    url: String,
    _server: tokio::task::JoinHandle<()>,
}

impl Setup {
    async fn new(rules: Vec<(&str, Vec<Fault>)>) -> Setup {
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
    fn client(&self, retry: RetryPolicy, timeout: Duration) -> Client {
        Client::builder(&self.url)
            .api_key(&self.portal.owner.api_key)
            .retry_policy(retry)
            .timeout(timeout)
            .build()
            .expect("client")
    }

    /// A client straight to the portal, to check what really happened.
    fn direct(&self) -> Client {
        Client::builder(self.portal.base_url())
            .api_key(&self.portal.owner.api_key)
            .build()
            .expect("client")
    }

    async fn rooms_titled(&self, title: &str) -> usize {
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

fn fast_retries() -> RetryPolicy {
    RetryPolicy::default()
        .base_delay(Duration::from_millis(20))
        .max_delay(Duration::from_millis(100))
}

const ROOMS: &str = "POST /api/2.0/files/rooms";
const ME: &str = "GET /api/2.0/people/@self";

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
        .plan
        .lock()
        .expect("plan")
        .rules
        .push((ME.into(), vec![Fault::Answer(504, vec![], ""); 2]));
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

#[tokio::test]
async fn every_answer_shape_becomes_its_error() {
    let exception = r#"{"error":{"message":"Object reference not set","type":"System.NullReferenceException","stack":"at","hresult":1},"status":1,"statusCode":500}"#;
    let s = Setup::new(vec![(
        ME,
        vec![
            Fault::Answer(407, vec![("proxy-authenticate", "Basic".into())], ""),
            Fault::Answer(500, vec![], exception),
            Fault::Answer(200, vec![], "<html>captive portal</html>"),
            Fault::Answer(404, vec![], ""),
            Fault::Answer(403, vec![], ""),
            Fault::ForwardThenHang,
        ],
    )])
    .await;
    let c = s.client(RetryPolicy::never(), Duration::from_millis(700));
    assert_eq!(
        c.people().me().await.unwrap_err(),
        Error::ProxyAuthentication {
            challenge: Some("Basic".into())
        }
    );
    assert_eq!(
        c.people().me().await.unwrap_err(),
        Error::Server {
            status: 500,
            message: "Object reference not set".into()
        }
    );
    match c.people().me().await.unwrap_err() {
        Error::Decode { snippet, .. } => assert_eq!(snippet, "<html>captive portal</html>"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        c.people().me().await.unwrap_err(),
        Error::NotFound {
            message: "not found".into()
        }
    );
    assert_eq!(
        c.people().me().await.unwrap_err(),
        Error::Forbidden {
            message: "access denied".into()
        }
    );
    assert_eq!(
        c.people().me().await.unwrap_err(),
        Error::Timeout(Duration::from_millis(700))
    );
}

#[tokio::test]
async fn a_failed_chunk_is_resent_and_the_upload_resumes() {
    // Chunk 2 fails once with 502. A client that never retries gets the error; `run` resumes at
    // chunk 2; the stored file is byte-exact.
    let s = Setup::new(vec![]).await;
    let c = s.client(RetryPolicy::never(), Duration::from_secs(10));
    let room = c
        .rooms()
        .create("Resume", RoomType::Custom)
        .send()
        .await
        .expect("room");
    let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let mut upload = c
        .uploads()
        .chunked(&room.id, "resume.zip", data.clone())
        .chunk_size(64 * 1024)
        .start()
        .await
        .expect("session");
    let chunk_path = format!(
        "POST /api/2.0/files/{}/session/{}/upload?chunkNumber=2",
        room.id,
        upload.session().id
    );
    s.proxy
        .plan
        .lock()
        .expect("plan")
        .rules
        .push((chunk_path.clone(), vec![Fault::Answer(502, vec![], "")]));
    let e = upload.run().await.expect_err("chunk 2 fails");
    assert_eq!(e.status(), Some(502));
    assert_eq!(upload.progress().chunks_sent, 1);
    let file = upload.run().await.expect("resumed");
    assert_eq!(upload.progress().chunks_sent, 4);
    assert_eq!(
        s.direct()
            .files()
            .download(&file.id)
            .await
            .expect("download"),
        data
    );

    // `send` resumes by itself once the client's own retries of a chunk run out.
    let s2 = Setup::new(vec![]).await;
    let c2 = s2.client(fast_retries(), Duration::from_secs(10));
    let room = c2
        .rooms()
        .create("Resume 2", RoomType::Custom)
        .send()
        .await
        .expect("room");
    let chunks = format!("POST /api/2.0/files/{}/session/", room.id);
    let mut faults = vec![Fault::Pass, Fault::Pass];
    faults.extend(std::iter::repeat_n(Fault::Answer(503, vec![], ""), 4));
    s2.proxy
        .plan
        .lock()
        .expect("plan")
        .rules
        .push((chunks.clone(), faults));
    let file = c2
        .uploads()
        .chunked(&room.id, "auto.zip", data.clone())
        .chunk_size(64 * 1024)
        .send()
        .await
        .expect("upload");
    assert_eq!(
        s2.direct()
            .files()
            .download(&file.id)
            .await
            .expect("download"),
        data
    );
    // 4 chunks; chunk 3 took 4 tries (1 + 3 retries), then one more after the resume.
    assert_eq!(c2.metrics().retries, 3);
}
