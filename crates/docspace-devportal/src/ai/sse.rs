//! The chat stream's framing, as `ChatController.StreamSentEventAsync` writes it
//! (ONLYOFFICE/DocSpace-server: `products/ASC.AI/Server/Api/ChatController.cs`):
//! `text/event-stream`, `Cache-Control: no-cache`, each event `event: <name>\ndata: <json>\n\n`
//! (one `data:` line: the web client splits each block into exactly an event and a data line),
//! camelCase JSON without nulls, and a `: ping - <ISO time>` comment every 5 seconds.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, header};
use axum::response::Response;
use serde_json::Value;
use tokio::sync::mpsc;

/// How often DocSpace writes its ping comment.
pub const PING_EVERY: Duration = Duration::from_secs(5);

/// One event's bytes (nulls removed from `data`, which serializes on one line).
pub fn event(name: &str, mut data: Value) -> Bytes {
    if let Value::Object(m) = &mut data {
        m.retain(|_, v| !v.is_null());
    }
    Bytes::from(format!("event: {name}\ndata: {data}\n\n"))
}

/// The ping comment.
pub fn ping() -> Bytes {
    Bytes::from(format!(
        ": ping - {}\n\n",
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
    ))
}

/// A streaming response fed by the returned sender; pings are interleaved until the sender drops.
/// The sender is closed (`Sender::closed` resolves) as soon as the client goes away.
pub fn response() -> (mpsc::Sender<Bytes>, Response) {
    let (tx, mut rx) = mpsc::channel::<Bytes>(64);
    let (out_tx, out_rx) = mpsc::channel::<Result<Bytes, std::convert::Infallible>>(64);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(PING_EVERY);
        tick.tick().await;
        loop {
            tokio::select! {
                next = rx.recv() => match next {
                    Some(b) => {
                        if out_tx.send(Ok(b)).await.is_err() {
                            break;
                        }
                    }
                    None => break,
                },
                _ = tick.tick() => {
                    if out_tx.send(Ok(ping())).await.is_err() {
                        break;
                    }
                }
                // The client went away (the server dropped the body): dropping `rx` tells the
                // writer at once, as ASP.NET's `RequestAborted` tells DocSpace's generator.
                _ = out_tx.closed() => break,
            }
        }
    });
    let stream =
        futures::stream::unfold(
            out_rx,
            |mut rx| async move { rx.recv().await.map(|b| (b, rx)) },
        );
    let mut resp = Response::new(Body::from_stream(stream));
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    (tx, resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_one_line_of_data_without_nulls() {
        let b = event(
            "message_start",
            serde_json::json!({ "chatId": "x", "error": null }),
        );
        assert_eq!(
            &b[..],
            b"event: message_start\ndata: {\"chatId\":\"x\"}\n\n"
        );
        let b = event("new_token", serde_json::json!({ "text": "a\nb" }));
        assert_eq!(&b[..], b"event: new_token\ndata: {\"text\":\"a\\nb\"}\n\n");
        assert!(ping().starts_with(b": ping - "));
    }
}
