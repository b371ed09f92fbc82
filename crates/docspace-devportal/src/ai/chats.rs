//! Chats with an agent (ONLYOFFICE/DocSpace-server: `products/ASC.AI/Server/Api/ChatController.cs`,
//! `MessageController.cs`, `products/ASC.AI/Core/Chat/ChatService.cs`,
//! `Chat/Completion/ChatCompletionGenerator.cs`).
//!
//! - Only room managers and content creators of an AI room chat (`FilesSecurityActions.UseChat`),
//!   and a chat belongs to its creator: anyone else gets `ChatAccessDenied`.
//! - The model gets `[system: the agent's prompt, …the whole history…, the new message]`.
//! - The answer streams as `message_start {chatId}`, `new_token {text}`…, `message_stop {messageId}`;
//!   a provider failure streams `error {message}` and no answer is made up.
//! - A client that aborts the request (stops the answer) cancels the provider call; the answer
//!   so far is stored, as DocSpace's generator does on cancellation.
//! - Unlike DocSpace, which writes the chat and the user's message only once the first chunk
//!   arrives, the message is stored before the provider is called, so a failed turn keeps it; a new
//!   chat therefore always opens with `message_start` (its id), even when the provider fails.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use serde::Deserialize;
use serde_json::{Value, json};

use super::agents::load_agent;
use super::openai::{self, Delta};
use super::providers::PROVIDER_NOT_FOUND;
use super::{AiFeature, sse};
use crate::api::Store;
use crate::api::dto::date;
use crate::api::extract::{FolderInPath, JsonBody, Paging, Query};
use crate::api::{Portal, SignedInCall};
use crate::db::ai;
use crate::db::ai_chats::{self as store, Chat, ROLE_ASSISTANT, ROLE_USER};
use crate::envelope::{ApiError, ApiResult};
use crate::permissions::{self, Actor, Level, share};
use crate::state::AppState;
use crate::users::User;

/// `ChatAccessDenied`.
const CHAT_ACCESS_DENIED: &str = "You don't have permission to use chat";
/// `ChatNotFound`.
const CHAT_NOT_FOUND: &str = "Chat not found";
/// `ChatNameGenerator.MaxTitleLength`.
const TITLE_MAX: usize = 120;

/// `ChatNameGenerator.Generate`: one line, cut to 120 characters with `...`.
fn title_of(message: &str) -> String {
    let t = message.replace(['\n', '\r'], " ").trim().to_string();
    if t.chars().count() > TITLE_MAX {
        let cut: String = t.chars().take(TITLE_MAX - 3).collect();
        format!("{}...", cut.trim_end())
    } else {
        t
    }
}

/// `UseChat`: a room manager (the owner counts as one) or content creator of an AI room.
fn require_use_chat(
    conn: &rusqlite::Connection,
    user: &User,
    room_id: i64,
) -> Result<(), ApiError> {
    let room = load_agent(conn, room_id)?;
    let actor = Actor::signed_in(user.clone());
    match permissions::room_level(conn, &actor, &room)? {
        Level::Room(s)
            if s.owner || s.access == share::ROOM_MANAGER || s.access == share::CONTENT_CREATOR =>
        {
            Ok(())
        }
        _ => Err(ApiError::Forbidden(CHAT_ACCESS_DENIED.into())),
    }
}

/// A chat of the caller's, or 404 / `ChatAccessDenied`.
fn own_chat(conn: &rusqlite::Connection, user: &User, id: &str) -> Result<Chat, ApiError> {
    let chat = store::chat(conn, id)?.ok_or_else(|| ApiError::NotFound(CHAT_NOT_FOUND.into()))?;
    if chat.user_id != user.id {
        return Err(ApiError::Forbidden(CHAT_ACCESS_DENIED.into()));
    }
    Ok(chat)
}

fn chat_dto(portal: &str, user: &User, c: &Chat) -> Value {
    json!({
        "id": c.id,
        "title": c.title,
        "createdOn": date(&c.created),
        "modifiedOn": date(&c.modified),
        "createdBy": user.to_dto(portal),
    })
}

/// `StartNewChatBody` / `ContinueChatBody`.
#[derive(Deserialize)]
pub struct MessageRequest {
    #[serde(default)]
    message: Option<String>,
}

fn message_of(req: MessageRequest) -> Result<String, ApiError> {
    req.message
        .filter(|m| !m.trim().is_empty())
        .ok_or_else(|| ApiError::field("Message", "The Message field is required."))
}

/// What one turn needs, read and written before the stream starts.
struct Turn {
    chat_id: String,
    new_chat: bool,
    url: String,
    key: String,
    model: String,
    messages: Vec<Value>,
}

/// Stores the user's message (and a new chat) and gathers the provider call.
fn prepare(
    tx: &rusqlite::Connection,
    user: &User,
    room_id: i64,
    existing: Option<String>,
    message: &str,
) -> Result<Turn, ApiError> {
    require_use_chat(tx, user, room_id)?;
    let settings = ai::agent_settings(tx, room_id)?
        .ok_or_else(|| ApiError::NotFound(PROVIDER_NOT_FOUND.into()))?;
    let provider = ai::provider(tx, settings.provider_id)?
        .ok_or_else(|| ApiError::NotFound(PROVIDER_NOT_FOUND.into()))?;
    let (chat_id, new_chat) = match existing {
        Some(id) => (id, false),
        None => {
            let id = uuid::Uuid::new_v4().to_string();
            store::insert_chat(tx, &id, room_id, &user.id, &title_of(message))?;
            (id, true)
        }
    };
    let mut messages = Vec::new();
    if !settings.prompt.is_empty() {
        messages.push(json!({ "role": "system", "content": settings.prompt }));
    }
    for (role, text) in store::history(tx, &chat_id)? {
        let role = if role == ROLE_ASSISTANT {
            "assistant"
        } else {
            "user"
        };
        messages.push(json!({ "role": role, "content": text }));
    }
    messages.push(json!({ "role": "user", "content": message }));
    store::add_text(tx, &chat_id, ROLE_USER, message)?;
    Ok(Turn {
        chat_id,
        new_chat,
        url: provider.url,
        key: provider.key,
        model: settings.model_id,
        messages,
    })
}

/// Sends `message_start` (with the chat's id) unless `started` says it was sent.
async fn start_once(
    tx: &tokio::sync::mpsc::Sender<axum::body::Bytes>,
    started: &mut bool,
    chat_id: &str,
) {
    if !*started {
        let _ = tx
            .send(sse::event("message_start", json!({ "chatId": chat_id })))
            .await;
        *started = true;
    }
}

/// Runs the provider call and writes the events; the answer is saved once complete.
fn stream_turn(state: AppState, turn: Turn) -> Response {
    let (tx, resp) = sse::response();
    tokio::spawn(async move {
        let mut started = false;
        if turn.new_chat {
            start_once(&tx, &mut started, &turn.chat_id).await;
        }
        let mut answer = String::new();
        // A client that goes away cancels the provider call at once, keeping what was
        // answered so far (`ChatCompletionGenerator.GenerateCompletionAsync` breaks on
        // cancellation and still writes the history in its `finally`).
        let call = openai::stream_chat(&turn.url, &turn.key, &turn.model, turn.messages);
        let called = tokio::select! {
            c = call => Some(c),
            _ = tx.closed() => None,
        };
        match called {
            None => {}
            Some(Err(e)) => {
                let _ = tx.send(sse::event("error", json!({ "message": e }))).await;
            }
            Some(Ok(stream)) => {
                let mut stream = std::pin::pin!(stream);
                loop {
                    let next = tokio::select! {
                        d = stream.next() => d,
                        _ = tx.closed() => None,
                    };
                    let Some(d) = next else { break };
                    start_once(&tx, &mut started, &turn.chat_id).await;
                    let ev = match d {
                        Ok(Delta::Text(t)) => {
                            answer.push_str(&t);
                            sse::event("new_token", json!({ "text": t }))
                        }
                        Ok(Delta::Reasoning(t)) => sse::event("reasoning", json!({ "text": t })),
                        Err(e) => {
                            let _ = tx.send(sse::event("error", json!({ "message": e }))).await;
                            break;
                        }
                    };
                    if tx.send(ev).await.is_err() {
                        // The client went away (stopped): keep what was answered so far.
                        break;
                    }
                }
            }
        }
        // `AddAssistantMessagesAsync`: nothing answered, nothing stored (message id 0).
        let chat = turn.chat_id.clone();
        let message_id = if answer.is_empty() {
            0
        } else {
            state
                .db
                .write(move |t| store::add_text(t, &chat, ROLE_ASSISTANT, &answer))
                .await
                .unwrap_or(0)
        };
        let _ = tx
            .send(sse::event(
                "message_stop",
                json!({ "messageId": message_id }),
            ))
            .await;
    });
    resp
}

/// `POST ai/rooms/{roomId}/chats`: a new chat, answered as a stream.
pub async fn start(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    FolderInPath(room): FolderInPath,
    JsonBody(req): JsonBody<MessageRequest>,
) -> Result<Response, ApiError> {
    answer_turn(state, &caller.user, req, move |_, _| Ok((room, None))).await
}

/// `POST ai/chats/{chatId}/messages`: the next turn of a chat of the caller's.
pub async fn continue_chat(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    Path(chat): Path<String>,
    JsonBody(req): JsonBody<MessageRequest>,
) -> Result<Response, ApiError> {
    answer_turn(state, &caller.user, req, move |tx, user| {
        own_chat(tx, user, &chat).map(|c| (c.room_id, Some(c.id)))
    })
    .await
}

/// Records `user`'s message in the chat `chat_of` finds (its room, and its id unless the chat
/// is new), then streams the model's answer.
async fn answer_turn(
    state: AppState,
    user: &User,
    req: MessageRequest,
    chat_of: impl FnOnce(&rusqlite::Connection, &User) -> Result<(i64, Option<String>), ApiError>
    + Send
    + 'static,
) -> Result<Response, ApiError> {
    let message = message_of(req)?;
    let user = user.clone();
    let turn = state
        .db
        .write(move |tx| {
            let (room, existing) = chat_of(tx, &user)?;
            prepare(tx, &user, room, existing, &message)
        })
        .await?;
    Ok(stream_turn(state, turn))
}

/// `GET ai/rooms/{roomId}/chats`: the caller's own chats in the room.
pub async fn list(
    AiFeature(SignedInCall { caller, portal, db }): AiFeature<SignedInCall>,
    FolderInPath(room): FolderInPath,
    q: Query,
) -> ApiResult {
    let paging = Paging::from_query(&q)?;
    let user = caller.user.clone();
    db.read_page(move |c| {
        require_use_chat(c, &user, room)?;
        let (rows, total) = store::chats_of(c, room, &user.id, paging.start, paging.count)?;
        Ok((
            rows.iter()
                .map(|ch| chat_dto(&portal, &user, ch))
                .collect::<Vec<_>>(),
            total,
        ))
    })
    .await
}

/// `GET ai/chats/{chatId}`.
pub async fn get(
    db: Store,
    AiFeature(caller): AiFeature,
    Portal(portal): Portal,
    Path(chat): Path<String>,
) -> ApiResult {
    let user = caller.user.clone();
    db.read(move |c| Ok(chat_dto(&portal, &user, &own_chat(c, &user, &chat)?)))
        .await
}

/// `{name}` of `PUT ai/chats/{chatId}`.
#[derive(Deserialize)]
pub struct RenameRequest {
    #[serde(default)]
    name: Option<String>,
}

/// `PUT ai/chats/{chatId}` `{name}` (at most 255).
pub async fn rename(
    AiFeature(SignedInCall { caller, portal, db }): AiFeature<SignedInCall>,
    Path(chat): Path<String>,
    JsonBody(req): JsonBody<RenameRequest>,
) -> ApiResult {
    let name = crate::api::extract::title(req.name.as_deref().unwrap_or(""), "name", 255)?;
    let user = caller.user.clone();
    db.write(move |tx| {
        let c = own_chat(tx, &user, &chat)?;
        store::rename_chat(tx, &c.id, &name)?;
        let c = own_chat(tx, &user, &c.id)?;
        Ok(chat_dto(&portal, &user, &c))
    })
    .await
}

/// `DELETE ai/chats/{chatId}`: 204.
pub async fn delete(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    Path(chat): Path<String>,
) -> Result<Response, ApiError> {
    let user = caller.user.clone();
    state
        .db
        .write(move |tx| {
            let c = own_chat(tx, &user, &chat)?;
            store::delete_chat(tx, &c.id)
        })
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `GET ai/chats/{chatId}/messages`: `MessageDto`s, oldest first.
pub async fn messages(
    AiFeature(SignedInCall { caller, db, .. }): AiFeature<SignedInCall>,
    Path(chat): Path<String>,
    q: Query,
) -> ApiResult {
    let paging = Paging::from_query(&q)?;
    let user = caller.user.clone();
    db.read_page(move |c| {
        let chat = own_chat(c, &user, &chat)?;
        let (rows, total) = store::messages(c, &chat.id, paging.start, paging.count)?;
        Ok((
            rows.iter()
                .map(|m| {
                    json!({
                        "id": m.id,
                        "role": m.role,
                        "contents": m.contents,
                        "createdOn": date(&m.created),
                    })
                })
                .collect::<Vec<_>>(),
            total,
        ))
    })
    .await
}
