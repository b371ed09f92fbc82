//! A small MCP client over streamable HTTP, enough for what DocSpace does with a registered
//! server: connect (`initialize`, then `notifications/initialized`), `ping` before saving it, and
//! `tools/list` for a room's tool switches (ONLYOFFICE/DocSpace-server:
//! `products/ASC.AI/Core/MCP/McpService.cs` `ThrowIfNotConnectAsync` and `GetToolsAsync`, which use
//! the MCP C# SDK's `McpClient` over an `HttpClientTransport`).
//!
//! - Failures map as `ThrowIfNotConnectAsync` maps them: an HTTP 401, 403 or 400 is
//!   `IncorrectServerCredentials`, any other HTTP failure (a status, or no connection at all: an
//!   `HttpRequestException` without status) is `InvalidUrl`, and anything else (a timeout, an
//!   answer that is not MCP) is `ServerFailedConnect`.
//! - Upstream's `AutoDetect` mode falls back to the legacy SSE transport; only streamable HTTP is
//!   spoken here.
//! - The configured headers go to the endpoint only: redirects are not followed, so they never
//!   travel to another host, and they never appear in errors or logs.
//! - Bounded: one timeout for the whole exchange, and answers over [`MAX_ANSWER`] are refused.

use std::collections::BTreeMap;
use std::sync::OnceLock;
use std::time::Duration;

use futures::StreamExt;
use reqwest::StatusCode;
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};
use serde_json::{Value, json};

/// DocSpace's texts (ONLYOFFICE/DocSpace-server: `products/ASC.AI/Core/Resources/ErrorMessages.resx`).
pub mod messages {
    /// `IncorrectServerCredentials`.
    pub const CREDENTIALS: &str = "Authentication failed. Verify your credentials";
    /// `InvalidUrl`.
    pub const INVALID_URL: &str =
        "The URL path specified is invalid. Please ensure the correct endpoint is used";
    /// `ServerFailedConnect`.
    pub const FAILED_CONNECT: &str = "Failed to connect to MCP server";
}

/// Upstream's `ConnectionTimeout = TimeSpan.FromSeconds(30)`.
const TIMEOUT: Duration = Duration::from_secs(30);
/// The most an answer may hold (a tool list of a large server is well under this).
const MAX_ANSWER: usize = 4 * 1024 * 1024;
/// `tools/list` pages followed at most.
const MAX_PAGES: usize = 20;
/// The protocol version offered in `initialize`.
const PROTOCOL: &str = "2025-03-26";

/// Why a server could not be used, as `ThrowIfNotConnectAsync` classifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum McpFailure {
    /// 401, 403 or 400 from the endpoint.
    Credentials,
    /// Another HTTP status, or no connection.
    InvalidUrl,
    /// A timeout or an answer that is not MCP.
    FailedConnect,
}

impl McpFailure {
    /// DocSpace's message.
    pub fn message(self) -> &'static str {
        match self {
            McpFailure::Credentials => messages::CREDENTIALS,
            McpFailure::InvalidUrl => messages::INVALID_URL,
            McpFailure::FailedConnect => messages::FAILED_CONNECT,
        }
    }
}

fn client() -> &'static reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(TIMEOUT)
            .build()
            .unwrap_or_default()
    })
}

/// An open session with one server.
struct Session {
    endpoint: String,
    headers: HeaderMap,
    session_id: Option<HeaderValue>,
    next_id: i64,
}

impl Session {
    fn headers_for(&self) -> HeaderMap {
        let mut h = self.headers.clone();
        h.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        h.insert(
            ACCEPT,
            HeaderValue::from_static("application/json, text/event-stream"),
        );
        if let Some(id) = &self.session_id {
            h.insert("mcp-session-id", id.clone());
        }
        h.insert("mcp-protocol-version", HeaderValue::from_static(PROTOCOL));
        h
    }

    /// POSTs one JSON-RPC message with the session's headers; no answer at all is an unusable URL.
    async fn post(&self, body: &Value) -> Result<reqwest::Response, McpFailure> {
        client()
            .post(&self.endpoint)
            .headers(self.headers_for())
            .json(body)
            .send()
            .await
            .map_err(|_| McpFailure::InvalidUrl)
    }

    /// Sends one request and returns its JSON-RPC `result`.
    async fn request(&mut self, method: &str, params: Value) -> Result<Value, McpFailure> {
        self.next_id += 1;
        let id = self.next_id;
        let body = json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params });
        let resp = self.post(&body).await?;
        let status = resp.status();
        if !status.is_success() {
            return Err(classify(status));
        }
        if let Some(sid) = resp.headers().get("mcp-session-id") {
            self.session_id = Some(sid.clone());
        }
        let is_sse = resp
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/event-stream"));
        let message = if is_sse {
            read_sse_answer(resp, id).await?
        } else {
            let bytes = read_bounded(resp).await?;
            serde_json::from_slice::<Value>(&bytes).map_err(|_| McpFailure::FailedConnect)?
        };
        match message.get("result") {
            Some(r) if message.get("id") == Some(&json!(id)) => Ok(r.clone()),
            _ => Err(McpFailure::FailedConnect),
        }
    }

    async fn notify(&self, method: &str) -> Result<(), McpFailure> {
        let body = json!({ "jsonrpc": "2.0", "method": method });
        let resp = self.post(&body).await?;
        if resp.status().is_success() {
            Ok(())
        } else {
            Err(classify(resp.status()))
        }
    }

    /// Ends the session so the server can free it (best effort, as the SDK's dispose).
    async fn close(self) {
        if self.session_id.is_some() {
            let _ = client()
                .delete(&self.endpoint)
                .headers(self.headers_for())
                .send()
                .await;
        }
    }
}

fn classify(status: StatusCode) -> McpFailure {
    match status {
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN | StatusCode::BAD_REQUEST => {
            McpFailure::Credentials
        }
        _ => McpFailure::InvalidUrl,
    }
}

async fn read_bounded(resp: reqwest::Response) -> Result<Vec<u8>, McpFailure> {
    let mut out = Vec::new();
    let mut stream = resp.bytes_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| McpFailure::FailedConnect)?;
        if out.len() + chunk.len() > MAX_ANSWER {
            return Err(McpFailure::FailedConnect);
        }
        out.extend_from_slice(&chunk);
    }
    Ok(out)
}

/// Reads server-sent events until the answer to request `id` arrives (the stream may carry
/// notifications and empty priming events first), then drops the stream.
async fn read_sse_answer(resp: reqwest::Response, id: i64) -> Result<Value, McpFailure> {
    let mut buf: Vec<u8> = Vec::new();
    let mut seen = 0usize;
    let mut stream = resp.bytes_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| McpFailure::FailedConnect)?;
        seen += chunk.len();
        if seen > MAX_ANSWER {
            return Err(McpFailure::FailedConnect);
        }
        buf.extend_from_slice(&chunk);
        while let Some(end) = find_block_end(&buf) {
            let block: Vec<u8> = buf.drain(..end.0 + end.1).collect();
            let text = String::from_utf8_lossy(&block[..end.0]);
            let data: Vec<&str> = text
                .lines()
                .filter_map(|l| l.strip_prefix("data:"))
                .map(|d| d.strip_prefix(' ').unwrap_or(d))
                .collect();
            if data.is_empty() {
                continue;
            }
            if let Ok(v) = serde_json::from_str::<Value>(&data.join("\n"))
                && v.get("id") == Some(&json!(id))
            {
                return Ok(v);
            }
        }
    }
    Err(McpFailure::FailedConnect)
}

/// The end of the first event block: (index of the blank line, its length).
fn find_block_end(buf: &[u8]) -> Option<(usize, usize)> {
    let lf = buf.windows(2).position(|w| w == b"\n\n").map(|i| (i, 2));
    let crlf = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, 4));
    match (lf, crlf) {
        (Some(a), Some(b)) => Some(if a.0 < b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// The configured headers as HTTP headers; a name or value HTTP cannot carry is refused as a
/// credential problem, which is what the endpoint would answer without them.
fn header_map(headers: &BTreeMap<String, String>) -> Result<HeaderMap, McpFailure> {
    let mut map = HeaderMap::new();
    for (k, v) in headers {
        let name = HeaderName::from_bytes(k.as_bytes()).map_err(|_| McpFailure::Credentials)?;
        let value = HeaderValue::from_str(v).map_err(|_| McpFailure::Credentials)?;
        map.insert(name, value);
    }
    Ok(map)
}

async fn open(endpoint: &str, headers: &BTreeMap<String, String>) -> Result<Session, McpFailure> {
    let mut session = Session {
        endpoint: endpoint.to_string(),
        headers: header_map(headers)?,
        session_id: None,
        next_id: 0,
    };
    let init = session
        .request(
            "initialize",
            json!({
                "protocolVersion": PROTOCOL,
                "capabilities": {},
                "clientInfo": { "name": "docspace-devportal", "version": env!("CARGO_PKG_VERSION") },
            }),
        )
        .await?;
    if init.get("protocolVersion").is_none() {
        return Err(McpFailure::FailedConnect);
    }
    session.notify("notifications/initialized").await?;
    Ok(session)
}

async fn bounded<T>(
    fut: impl std::future::Future<Output = Result<T, McpFailure>>,
) -> Result<T, McpFailure> {
    tokio::time::timeout(TIMEOUT, fut)
        .await
        .unwrap_or(Err(McpFailure::FailedConnect))
}

/// Connects and pings, as DocSpace does before it saves a server.
pub async fn check(endpoint: &str, headers: &BTreeMap<String, String>) -> Result<(), McpFailure> {
    bounded(async {
        let mut s = open(endpoint, headers).await?;
        let r = s.request("ping", json!({})).await;
        s.close().await;
        r.map(|_| ())
    })
    .await
}

/// The names of the tools the server lists, following `nextCursor` pages.
pub async fn tool_names(
    endpoint: &str,
    headers: &BTreeMap<String, String>,
) -> Result<Vec<String>, McpFailure> {
    bounded(async {
        let mut s = open(endpoint, headers).await?;
        let mut names = Vec::new();
        let mut cursor: Option<String> = None;
        let mut result = Ok(());
        for _ in 0..MAX_PAGES {
            let params = match &cursor {
                Some(c) => json!({ "cursor": c }),
                None => json!({}),
            };
            let page = match s.request("tools/list", params).await {
                Ok(p) => p,
                Err(e) => {
                    result = Err(e);
                    break;
                }
            };
            let Some(tools) = page.get("tools").and_then(Value::as_array) else {
                result = Err(McpFailure::FailedConnect);
                break;
            };
            names.extend(
                tools
                    .iter()
                    .filter_map(|t| t.get("name").and_then(Value::as_str))
                    .map(str::to_string),
            );
            cursor = page
                .get("nextCursor")
                .and_then(Value::as_str)
                .map(str::to_string);
            if cursor.is_none() {
                break;
            }
        }
        s.close().await;
        result.map(|_| names)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_as_throw_if_not_connect() {
        assert_eq!(classify(StatusCode::UNAUTHORIZED), McpFailure::Credentials);
        assert_eq!(classify(StatusCode::FORBIDDEN), McpFailure::Credentials);
        assert_eq!(classify(StatusCode::BAD_REQUEST), McpFailure::Credentials);
        assert_eq!(classify(StatusCode::NOT_FOUND), McpFailure::InvalidUrl);
        assert_eq!(
            classify(StatusCode::INTERNAL_SERVER_ERROR),
            McpFailure::InvalidUrl
        );
    }

    #[test]
    fn event_blocks_end_at_the_first_blank_line() {
        assert_eq!(find_block_end(b"data: 1\n\ndata: 2\n\n"), Some((7, 2)));
        assert_eq!(find_block_end(b"data: 1\r\n\r\n"), Some((7, 4)));
        assert_eq!(find_block_end(b"data: 1\n"), None);
    }
}
