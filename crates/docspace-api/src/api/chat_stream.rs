//! A chat turn's answer as a [`Stream`] of typed [`ChatEvent`]s, each yielded as soon as its
//! server-sent-events block has arrived (ONLYOFFICE/DocSpace-server:
//! `products/ASC.AI/Server/Api/ChatController.cs`, `StreamSentEventAsync`; the events are the
//! classes of `products/ASC.AI/Core/Chat/Completion/`).
//!
//! - The request goes through the client's scheduler like any other. A streamed answer holds its
//!   concurrency permit and its slot of the per-minute window until the stream ends (after
//!   `message_stop`, an error, or the body's end) or is dropped: it is a request in flight for
//!   as long as the portal is answering it.
//! - Dropping the stream stops the answer: the body is dropped natively (which closes the
//!   connection) and the fetch aborted in a browser (its `AbortController`). DocSpace has no
//!   stop endpoint for an answer; it cancels the generation when the request is aborted
//!   (`HttpContext.RequestAborted` in `ChatController`).
//! - The client's timeout bounds the wait for the answer's headers and then each wait for the
//!   next chunk, not the whole answer (DocSpace writes a ping comment every 5 seconds).

use std::collections::VecDeque;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::Stream;
use serde::Deserialize;
use serde_json::Value;

use crate::error::Error;
use crate::scheduler::Admission;
use crate::sse::{SseEvent, SseParser};
use crate::transport::{BodyReader, Failure};

/// One event of a chat turn (`Core/Chat/Completion/*Completion.cs`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ChatEvent {
    /// `message_start {chatId, error?}`: once, before the answer.
    Start {
        /// The chat's id (a new chat's first).
        chat_id: String,
        /// Trouble with the agent's MCP servers, reported at the start (the answer goes on).
        error: Option<String>,
    },
    /// `new_token {text}`: a piece of the answer.
    Token(String),
    /// `reasoning {text}`: a piece of the model's reasoning.
    Reasoning(String),
    /// `tool_call`: the model calls a tool.
    ToolCall(ToolCall),
    /// `tool_result {callId, result}`: what a tool answered.
    ToolResult {
        /// The call it answers.
        call_id: String,
        /// The tool's result, as the portal sent it.
        result: Value,
    },
    /// `error {message, errorCode, details}`: the turn failed (a provider that cannot be
    /// reached, a model error). The user's message is kept.
    Error(ChatError),
    /// `message_stop {messageId}`: the last event; 0 when no answer was stored.
    Stop(i64),
    /// An event this client does not model, with its data (JSON, or the text if not JSON).
    Other(String, Value),
}

/// The `error` event's data (`ErrorCompletion`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatError {
    /// What went wrong, in the portal's words.
    #[serde(default)]
    pub message: String,
    /// A machine-readable code, when the portal gives one.
    #[serde(default)]
    pub error_code: Option<String>,
    /// More about it, when the portal gives it.
    #[serde(default)]
    pub details: Option<String>,
}

/// The `tool_call` event's data (`ToolCallCompletion`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ToolCall {
    /// The call's id, which its `tool_result` repeats.
    pub call_id: String,
    /// The tool's name.
    pub name: String,
    /// The arguments, an object.
    #[serde(default)]
    pub arguments: Option<Value>,
    /// The portal waits for the user's decision before running it.
    #[serde(default)]
    pub managed: bool,
    /// The MCP server the tool belongs to (`{serverId, serverName, serverType, icon}`).
    #[serde(default)]
    pub mcp_server_info: Option<Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct StartData {
    chat_id: String,
    #[serde(default)]
    error: Option<String>,
}

#[derive(Deserialize)]
struct TextData {
    text: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ToolResultData {
    call_id: String,
    #[serde(default)]
    result: Value,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct StopData {
    message_id: i64,
}

impl ChatEvent {
    /// The typed event of one server-sent event. An event DocSpace defines with data of the wrong
    /// shape is an [`Error::Decode`]; an event it does not define is [`ChatEvent::Other`].
    pub fn from_sse(ev: SseEvent) -> Result<ChatEvent, Error> {
        fn data<T: serde::de::DeserializeOwned>(ev: &SseEvent) -> Result<T, Error> {
            serde_json::from_str(&ev.data).map_err(|e| Error::Decode {
                message: format!("the `{}` event: {e}", ev.event),
                snippet: ev.data.chars().take(200).collect(),
            })
        }
        Ok(match ev.event.as_str() {
            "message_start" => {
                let d: StartData = data(&ev)?;
                ChatEvent::Start {
                    chat_id: d.chat_id,
                    error: d.error,
                }
            }
            "new_token" => ChatEvent::Token(data::<TextData>(&ev)?.text),
            "reasoning" => ChatEvent::Reasoning(data::<TextData>(&ev)?.text),
            "tool_call" => ChatEvent::ToolCall(data(&ev)?),
            "tool_result" => {
                let d: ToolResultData = data(&ev)?;
                ChatEvent::ToolResult {
                    call_id: d.call_id,
                    result: d.result,
                }
            }
            "error" => ChatEvent::Error(data(&ev)?),
            "message_stop" => ChatEvent::Stop(data::<StopData>(&ev)?.message_id),
            _ => {
                let v = serde_json::from_str(&ev.data).unwrap_or(Value::String(ev.data));
                ChatEvent::Other(ev.event, v)
            }
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
type Events = futures::stream::BoxStream<'static, Result<ChatEvent, Error>>;
#[cfg(target_arch = "wasm32")]
type Events = futures::stream::LocalBoxStream<'static, Result<ChatEvent, Error>>;

/// A chat turn's answer: a [`Stream`] of [`ChatEvent`]s as they arrive; see
/// [`AiHandler::send_message`](crate::api::AiHandler::send_message).
///
/// It ends after `message_stop`. It yields an error and ends when the connection is cut or the
/// body ends before `message_stop` ([`Error::StreamInterrupted`]; a body that ends right after an
/// `error` event ends the stream without one), when no chunk arrives within the client's
/// timeout ([`Error::Timeout`]), when one event is larger than the cap
/// ([`Error::EventTooLarge`]) or when a known event's data has the wrong shape
/// ([`Error::Decode`]). Dropping it stops the answer. `Send` on native.
pub struct ChatStream {
    events: Events,
}

impl std::fmt::Debug for ChatStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChatStream").finish_non_exhaustive()
    }
}

impl Stream for ChatStream {
    type Item = Result<ChatEvent, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.events.as_mut().poll_next(cx)
    }
}

impl ChatStream {
    /// Reads `body` (a 2xx answer's) holding `admission` until the reading ends.
    pub(crate) fn new(body: BodyReader, admission: Admission, parser: SseParser) -> ChatStream {
        let state = Reader {
            open: Some((body, admission)),
            parser,
            ready: VecDeque::new(),
            ended_well: false,
            end: None,
        };
        let events = futures::stream::unfold(state, |mut r| async move {
            let item = r.next().await?;
            Some((item, r))
        });
        ChatStream {
            events: Box::pin(events),
        }
    }
}

struct Reader {
    /// The body and the scheduler's admission, dropped together when reading ends.
    open: Option<(BodyReader, Admission)>,
    parser: SseParser,
    /// Events parsed and not yet yielded.
    ready: VecDeque<SseEvent>,
    /// An `error` or `message_stop` event has been parsed: the body may end after it.
    ended_well: bool,
    /// Why the stream ends, yielded once the events before it are.
    end: Option<Error>,
}

impl Reader {
    async fn next(&mut self) -> Option<Result<ChatEvent, Error>> {
        loop {
            if let Some(ev) = self.ready.pop_front() {
                let ev = ChatEvent::from_sse(ev);
                if matches!(ev, Ok(ChatEvent::Stop(_)) | Err(_)) {
                    // The last event: stop reading (as DocSpace's web client does at
                    // `message_stop`) and let the request's slot go.
                    self.close();
                    self.ready.clear();
                    self.end = None;
                }
                return Some(ev);
            }
            let Some((body, _)) = self.open.as_mut() else {
                return self.end.take().map(Err);
            };
            let mut parsed = Vec::new();
            match body.chunk().await {
                Ok(Some(bytes)) => {
                    if let Err(e) = self.parser.feed(&bytes, &mut parsed) {
                        self.close();
                        self.end = Some(e);
                    }
                }
                Ok(None) => {
                    self.close();
                    match self.parser.finish() {
                        Err(e) => self.end = Some(e),
                        Ok(last) => parsed.extend(last),
                    }
                }
                Err(failure) => {
                    self.close();
                    self.end = Some(match failure {
                        Failure::Timeout(d) => Error::Timeout(d),
                        other => Error::StreamInterrupted(Error::from(other).to_string()),
                    });
                }
            }
            self.ended_well |= parsed
                .iter()
                .any(|e| e.event == "message_stop" || e.event == "error");
            self.ready.extend(parsed);
            if self.open.is_none() && self.end.is_none() && !self.ended_well {
                self.end = Some(Error::StreamInterrupted(
                    "the answer ended before its `message_stop` event".into(),
                ));
            }
        }
    }

    fn close(&mut self) {
        self.open = None;
    }
}
