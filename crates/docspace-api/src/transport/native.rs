//! Native transport: reqwest with rustls.

use super::{Method, RawRequest, RawResponse};
use crate::error::Error;

/// A pooled HTTP client.
#[derive(Clone, Debug)]
pub struct Transport {
    http: reqwest::Client,
}

impl Transport {
    /// A client with connection pooling.
    pub fn new() -> Result<Transport, Error> {
        let http = reqwest::Client::builder()
            .build()
            .map_err(|e| Error::Network(e.to_string()))?;
        Ok(Transport { http })
    }

    /// Sends one request and reads the whole answer.
    pub async fn send(&self, req: RawRequest) -> Result<RawResponse, Error> {
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
        if let Some(json) = req.json {
            b = b.header("content-type", "application/json").body(json);
        }
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

fn classify(e: reqwest::Error, timeout: std::time::Duration) -> Error {
    if e.is_timeout() {
        Error::Timeout(timeout)
    } else {
        Error::Network(e.to_string())
    }
}
