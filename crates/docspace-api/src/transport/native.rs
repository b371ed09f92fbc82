//! Native transport: reqwest with rustls.

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

    /// Sends one request and reads the whole answer.
    pub async fn send(&self, req: RawRequest) -> Result<RawResponse, Failure> {
        let method = match req.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Delete => reqwest::Method::DELETE,
        };
        let mut b = self.http.request(method, &req.url).timeout(req.timeout);
        for (k, v) in &req.headers {
            b = b.header(k, v);
        }
        b = match req.body {
            Body::Empty => b,
            Body::Json(json) => b.header("content-type", "application/json").body(json),
            Body::Bytes { content_type, data } => b.header("content-type", content_type).body(data),
        };
        let resp = b.send().await.map_err(|e| classify(e, req.timeout))?;
        let status = resp.status().as_u16();
        let headers = resp
            .headers()
            .iter()
            .filter_map(|(k, v)| {
                Some((
                    k.as_str().to_ascii_lowercase(),
                    v.to_str().ok()?.to_string(),
                ))
            })
            .collect();
        let body = resp
            .bytes()
            .await
            .map_err(|e| classify(e, req.timeout))?
            .to_vec();
        Ok(RawResponse {
            status,
            headers,
            body,
        })
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
