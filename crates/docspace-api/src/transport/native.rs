//! Native transport: reqwest with rustls.

use std::pin::Pin;
use std::time::Duration;

use bytes::Bytes;
use futures::{Stream, StreamExt};

use super::{Body, Failure, Method, RawRequest, RawResponse};
use crate::error::Error;

/// A pooled HTTP client.
#[derive(Clone, Debug)]
pub struct Transport {
    http: reqwest::Client,
}

/// How requests reach the portal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ProxyChoice {
    /// As the environment says: `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` (either
    /// case), the variables command-line tools share.
    #[default]
    FromEnvironment,
    /// Through this proxy, credentials in its URL (`http://user:password@proxy:3128`).
    Url(String),
    /// Straight to the portal, whatever the environment says.
    Direct,
}

impl Transport {
    /// A client with connection pooling and a cookie store (for cookie sessions, as a browser),
    /// going through the proxy chosen.
    pub fn new(proxy: &ProxyChoice) -> Result<Transport, Error> {
        let mut b = reqwest::Client::builder().cookie_store(true);
        b = match proxy {
            ProxyChoice::FromEnvironment => b,
            ProxyChoice::Direct => b.no_proxy(),
            ProxyChoice::Url(url) => {
                let p = reqwest::Proxy::all(url.as_str()).map_err(|e| {
                    // The URL may hold a password: say what is wrong without repeating it.
                    Error::invalid("proxy", format!("not a proxy URL: {}", error_chain(&e)))
                })?;
                b.proxy(p)
            }
        };
        let http = b.build().map_err(|e| Error::Network(e.to_string()))?;
        Ok(Transport { http })
    }

    /// Sends one request and reads the whole answer. A body's progress is told once, when the
    /// answer's head arrives: by then reqwest has sent all of it.
    pub async fn send(&self, req: RawRequest) -> Result<RawResponse, Failure> {
        let timeout = req.timeout;
        let progress = req.progress.clone().map(|p| (p, body_len(&req.body)));
        let resp = self
            .request(req)
            .timeout(timeout)
            .send()
            .await
            .map_err(|e| classify(e, timeout))?;
        if let Some((p, len)) = progress {
            p.report(len, len);
        }
        let mut head = head_of(&resp);
        head.body = resp
            .bytes()
            .await
            .map_err(|e| classify(e, timeout))?
            .to_vec();
        Ok(head)
    }

    /// Sends one request and returns the answer's status and headers as soon as they arrive,
    /// with a reader of its body. The timeout applies to the wait for the headers and then to
    /// each wait for the next chunk, not to the whole body: a streamed answer may last long.
    pub async fn open(&self, req: RawRequest) -> Result<(RawResponse, BodyReader), Failure> {
        let timeout = req.timeout;
        let resp = match tokio::time::timeout(timeout, self.request(req).send()).await {
            Ok(r) => r.map_err(|e| classify(e, timeout))?,
            Err(_) => return Err(Failure::Timeout(timeout)),
        };
        let head = head_of(&resp);
        Ok((
            head,
            BodyReader {
                chunks: Box::pin(resp.bytes_stream()),
                idle: timeout,
            },
        ))
    }

    fn request(&self, req: RawRequest) -> reqwest::RequestBuilder {
        let method = match req.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Delete => reqwest::Method::DELETE,
        };
        let mut b = self.http.request(method, &req.url);
        for (k, v) in &req.headers {
            b = b.header(k, v);
        }
        match req.body {
            Body::Empty => b,
            Body::Json(json) => b.header("content-type", "application/json").body(json),
            Body::Bytes { content_type, data } => b.header("content-type", content_type).body(data),
        }
    }
}

/// The bytes a body sends.
fn body_len(body: &Body) -> u64 {
    match body {
        Body::Empty => 0,
        Body::Json(j) => j.len() as u64,
        Body::Bytes { data, .. } => data.len() as u64,
    }
}

/// Status and headers, with an empty body.
fn head_of(resp: &reqwest::Response) -> RawResponse {
    RawResponse {
        status: resp.status().as_u16(),
        headers: resp
            .headers()
            .iter()
            .filter_map(|(k, v)| {
                Some((
                    k.as_str().to_ascii_lowercase(),
                    v.to_str().ok()?.to_string(),
                ))
            })
            .collect(),
        body: Vec::new(),
    }
}

/// The body of an answer opened with [`Transport::open`], read chunk by chunk. Dropping it drops
/// the connection's body, which closes the connection when the body is unfinished: the server
/// sees the request aborted.
pub struct BodyReader {
    chunks: Pin<Box<dyn Stream<Item = reqwest::Result<Bytes>> + Send>>,
    /// The longest wait for one chunk.
    idle: Duration,
}

impl std::fmt::Debug for BodyReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BodyReader").finish_non_exhaustive()
    }
}

impl BodyReader {
    /// The next chunk as it arrives; `None` at the body's end.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>, Failure> {
        match tokio::time::timeout(self.idle, self.chunks.next()).await {
            Err(_) => Err(Failure::Timeout(self.idle)),
            Ok(None) => Ok(None),
            Ok(Some(Ok(b))) => Ok(Some(b)),
            Ok(Some(Err(e))) => Err(classify(e, self.idle)),
        }
    }
}

fn classify(e: reqwest::Error, timeout: std::time::Duration) -> Failure {
    let chain = error_chain(&e);
    if e.is_timeout() {
        Failure::Timeout(timeout)
    } else if refused_by_proxy(&e) {
        Failure::ProxyAuthentication
    } else if e.is_connect() {
        // The TCP/TLS connection failed: no byte of the request reached the portal.
        Failure::NotSent(chain)
    } else {
        Failure::Unknown(chain)
    }
}

/// Whether a proxy refused to open a `CONNECT` tunnel for want of credentials, anywhere in
/// `error`'s chain of causes. reqwest reports it only in words (hyper-util's tunnel: "proxy
/// authorization required"; older reqwest: "proxy authentication required"); a plain-HTTP 407
/// arrives as an answer instead. Public for servers that forward with reqwest themselves, such
/// as docspace-host.
pub fn refused_by_proxy(error: &(dyn std::error::Error + 'static)) -> bool {
    let chain = error_chain(error).to_ascii_lowercase();
    chain.contains("proxy authorization required")
        || chain.contains("proxy authentication required")
}

/// The error with its causes ("error sending request: connection closed before message completed").
fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut s = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        s.push_str(": ");
        s.push_str(&cause.to_string());
        source = cause.source();
    }
    s
}
