//! The calls DocSpace makes to an OpenAI-compatible provider: `GET {url}/models` with
//! `Authorization: Bearer {key}` (ONLYOFFICE/DocSpace-server:
//! `products/ASC.AI/Core/Provider/Model/OpenAiModelClientBase.cs`, `ModelsEndpoint => "models"`) and
//! the chat-completions stream `POST {url}/chat/completions` with `stream: true` (the OpenAI SDK's
//! chat client that `Chat/ChatClientFactory.cs` picks for OpenAiCompatible).
//!
//! The key travels only in the `Authorization` header; errors never include it.

use std::sync::OnceLock;
use std::time::Duration;

use futures::{Stream, StreamExt};
use serde_json::{Value, json};

/// DocSpace's provider error texts (ONLYOFFICE/DocSpace-server:
/// `products/ASC.AI/Core/Resources/ErrorMessages.resx`).
pub mod messages {
    /// `InvalidKey`.
    pub const INVALID_KEY: &str = "The specified API key is invalid or does not have access rights. Verify that the key is correct and try again";
    /// `InvalidUrl`.
    pub const INVALID_URL: &str =
        "The URL path specified is invalid. Please ensure the correct endpoint is used";
    /// `NoModelsAvailable`.
    pub const NO_MODELS: &str = "No models available for this provider";
}

fn client() -> &'static reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(30))
            .build()
            .unwrap_or_default()
    })
}

/// `{base}/{path}` with exactly one slash between.
fn endpoint(base: &str, path: &str) -> String {
    format!("{}/{path}", base.trim_end_matches('/'))
}

/// A provider URL as DocSpace normalizes it (`new Uri(url).ToString()`); `None` if it is not an
/// absolute http(s) URL.
pub fn normalize_url(raw: &str) -> Option<String> {
    let u = reqwest::Url::parse(raw.trim()).ok()?;
    matches!(u.scheme(), "http" | "https").then(|| u.to_string())
}

/// The model ids `GET {url}/models` lists. Failures map as DocSpace's
/// `AiProviderService.ExecuteProviderRequestAsync` maps them: a 401 is `InvalidKey`, any other
/// HTTP failure (status or connection) `InvalidUrl`, and an unreadable answer `InvalidKey`.
pub async fn list_models(url: &str, key: &str) -> Result<Vec<String>, &'static str> {
    let resp = client()
        .get(endpoint(url, "models"))
        .bearer_auth(key)
        .timeout(Duration::from_secs(30))
        .send()
        .await
        .map_err(|_| messages::INVALID_URL)?;
    if resp.status() == reqwest::StatusCode::UNAUTHORIZED {
        return Err(messages::INVALID_KEY);
    }
    if !resp.status().is_success() {
        return Err(messages::INVALID_URL);
    }
    let v: Value = resp.json().await.map_err(|_| messages::INVALID_KEY)?;
    let data = v["data"].as_array().ok_or(messages::INVALID_KEY)?;
    Ok(data
        .iter()
        .filter_map(|m| m["id"].as_str().map(str::to_string))
        .collect())
}

/// One piece of a streamed answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Delta {
    /// Answer text.
    Text(String),
    /// Reasoning text (`delta.reasoning_content`, as reasoning servers stream it).
    Reasoning(String),
}

/// Starts a streamed chat completion; the stream yields deltas, or one error message and ends.
pub async fn stream_chat(
    url: &str,
    key: &str,
    model: &str,
    messages: Vec<Value>,
) -> Result<impl Stream<Item = Result<Delta, String>> + Send + use<>, String> {
    let body = json!({ "model": model, "messages": messages, "stream": true });
    let resp = client()
        .post(endpoint(url, "chat/completions"))
        .bearer_auth(key)
        .json(&body)
        .send()
        .await
        .map_err(|e| format!("The provider could not be reached: {}", e.without_url()))?;
    let status = resp.status();
    if !status.is_success() {
        let text = resp.text().await.unwrap_or_default();
        let detail = serde_json::from_str::<Value>(&text)
            .ok()
            .and_then(|v| v["error"]["message"].as_str().map(str::to_string))
            .unwrap_or_else(|| text.chars().take(300).collect());
        return Err(format!(
            "The provider answered {}: {detail}",
            status.as_u16()
        ));
    }
    let bytes = resp.bytes_stream();
    Ok(futures::stream::unfold(
        (bytes, String::new(), false),
        |(mut bytes, mut buf, done)| async move {
            if done {
                return None;
            }
            loop {
                if let Some(pos) = buf.find('\n') {
                    let line = buf[..pos].trim_end_matches('\r').to_string();
                    buf.drain(..=pos);
                    match parse_line(&line) {
                        Line::Skip => continue,
                        Line::Done => return None,
                        Line::Deltas(d) if d.is_empty() => continue,
                        Line::Deltas(d) => {
                            return Some((
                                futures::stream::iter(d.into_iter().map(Ok)).boxed(),
                                (bytes, buf, false),
                            ));
                        }
                        Line::Error(e) => {
                            return Some((
                                futures::stream::once(async move { Err(e) }).boxed(),
                                (bytes, buf, true),
                            ));
                        }
                    }
                }
                match bytes.next().await {
                    Some(Ok(chunk)) => buf.push_str(&String::from_utf8_lossy(&chunk)),
                    Some(Err(e)) => {
                        let e = format!("The provider's stream broke: {}", e.without_url());
                        return Some((
                            futures::stream::once(async move { Err(e) }).boxed(),
                            (bytes, buf, true),
                        ));
                    }
                    None => return None,
                }
            }
        },
    )
    .flatten())
}

enum Line {
    Skip,
    Done,
    Deltas(Vec<Delta>),
    Error(String),
}

/// One line of the provider's event stream: `data: {chunk}`, `data: [DONE]`, or anything else.
fn parse_line(line: &str) -> Line {
    let Some(data) = line.strip_prefix("data:") else {
        return Line::Skip;
    };
    let data = data.trim();
    if data == "[DONE]" {
        return Line::Done;
    }
    let Ok(v) = serde_json::from_str::<Value>(data) else {
        return Line::Skip;
    };
    if let Some(m) = v["error"]["message"].as_str() {
        return Line::Error(m.to_string());
    }
    let mut out = Vec::new();
    for c in v["choices"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
    {
        let d = &c["delta"];
        if let Some(r) = d["reasoning_content"].as_str().filter(|s| !s.is_empty()) {
            out.push(Delta::Reasoning(r.to_string()));
        }
        if let Some(t) = d["content"].as_str().filter(|s| !s.is_empty()) {
            out.push(Delta::Text(t.to_string()));
        }
    }
    Line::Deltas(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_parsed() {
        assert!(matches!(parse_line(": ping"), Line::Skip));
        assert!(matches!(parse_line("data: [DONE]"), Line::Done));
        match parse_line(r#"data: {"choices":[{"delta":{"content":"Hi"}}]}"#) {
            Line::Deltas(d) => assert_eq!(d, vec![Delta::Text("Hi".into())]),
            _ => panic!("not a delta"),
        }
        assert!(matches!(
            parse_line(r#"data: {"error":{"message":"boom"}}"#),
            Line::Error(m) if m == "boom"
        ));
    }

    #[test]
    fn urls_are_normalized() {
        assert_eq!(
            normalize_url("http://127.0.0.1:8080/v1").as_deref(),
            Some("http://127.0.0.1:8080/v1")
        );
        assert_eq!(normalize_url("not a url"), None);
        assert_eq!(normalize_url("ftp://x/"), None);
        assert_eq!(endpoint("http://h/v1/", "models"), "http://h/v1/models");
    }
}
