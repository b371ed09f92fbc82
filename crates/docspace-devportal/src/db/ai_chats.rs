//! Chats and their messages, as DocSpace keeps them in `ai_chats` and `ai_chats_messages`
//! (ONLYOFFICE/DocSpace-server: `common/ASC.Core.Common/EF/Model/Ai/DbChat.cs`, `DbChatMessage.cs`).
//! A message's `contents` is the JSON array the API returns (`[{type: 0, text}]`).

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::envelope::ApiError;
use crate::time::{db_time, now};

/// `Role.User`.
pub const ROLE_USER: i64 = 0;
/// `Role.Assistant`.
pub const ROLE_ASSISTANT: i64 = 1;

/// A chat row.
#[derive(Debug, Clone)]
pub struct Chat {
    /// GUID.
    pub id: String,
    /// The agent room.
    pub room_id: i64,
    /// Its creator: the only one who may use it.
    pub user_id: String,
    /// Title.
    pub title: String,
    /// Created (stored form).
    pub created: String,
    /// Modified (stored form).
    pub modified: String,
}

fn chat_from_row(r: &Row<'_>) -> rusqlite::Result<Chat> {
    Ok(Chat {
        id: r.get(0)?,
        room_id: r.get(1)?,
        user_id: r.get(2)?,
        title: r.get(3)?,
        created: r.get(4)?,
        modified: r.get(5)?,
    })
}

const CHAT_COLS: &str = "id, room_id, user_id, title, created, modified";

/// A chat by id.
pub fn chat(conn: &Connection, id: &str) -> Result<Option<Chat>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {CHAT_COLS} FROM ai_chats WHERE id = ?1"),
            [id],
            chat_from_row,
        )
        .optional()?)
}

/// The caller's chats in a room, newest first, and their total.
pub fn chats_of(
    conn: &Connection,
    room: i64,
    user: &str,
    start: i64,
    count: i64,
) -> Result<(Vec<Chat>, u64), ApiError> {
    let total: i64 = conn.query_row(
        "SELECT COUNT(*) FROM ai_chats WHERE room_id = ?1 AND user_id = ?2",
        params![room, user],
        |r| r.get(0),
    )?;
    let mut st = conn.prepare(&format!(
        "SELECT {CHAT_COLS} FROM ai_chats WHERE room_id = ?1 AND user_id = ?2 \
         ORDER BY modified DESC, id LIMIT ?3 OFFSET ?4"
    ))?;
    let rows = st
        .query_map(params![room, user, count, start], chat_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((rows, total.max(0) as u64))
}

/// Creates a chat.
pub fn insert_chat(
    conn: &Connection,
    id: &str,
    room: i64,
    user: &str,
    title: &str,
) -> Result<Chat, ApiError> {
    let t = db_time(now());
    conn.execute(
        "INSERT INTO ai_chats (id, room_id, user_id, title, created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![id, room, user, title, t],
    )?;
    chat(conn, id)?.ok_or_else(|| ApiError::Internal("chat vanished".into()))
}

/// Renames a chat.
pub fn rename_chat(conn: &Connection, id: &str, title: &str) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE ai_chats SET title = ?2, modified = ?3 WHERE id = ?1",
        params![id, title, db_time(now())],
    )?;
    Ok(())
}

/// Deletes a chat and its messages.
pub fn delete_chat(conn: &Connection, id: &str) -> Result<(), ApiError> {
    conn.execute("DELETE FROM ai_chats WHERE id = ?1", [id])?;
    Ok(())
}

/// A stored message.
#[derive(Debug, Clone)]
pub struct Message {
    /// Id.
    pub id: i64,
    /// `Role` (0 user, 1 assistant).
    pub role: i64,
    /// The `contents` JSON array.
    pub contents: serde_json::Value,
    /// Created (stored form).
    pub created: String,
}

/// Appends a text message and marks the chat as changed; returns its id.
pub fn add_text(conn: &Connection, chat: &str, role: i64, text: &str) -> Result<i64, ApiError> {
    let t = db_time(now());
    let contents = serde_json::json!([{ "type": 0, "text": text }]).to_string();
    conn.execute(
        "INSERT INTO ai_chat_messages (chat_id, role, contents, created) VALUES (?1, ?2, ?3, ?4)",
        params![chat, role, contents, t],
    )?;
    let id = conn.last_insert_rowid();
    conn.execute(
        "UPDATE ai_chats SET modified = ?2 WHERE id = ?1",
        params![chat, t],
    )?;
    Ok(id)
}

/// A page of a chat's messages, oldest first, and their total.
pub fn messages(
    conn: &Connection,
    chat: &str,
    start: i64,
    count: i64,
) -> Result<(Vec<Message>, u64), ApiError> {
    let total: i64 = conn.query_row(
        "SELECT COUNT(*) FROM ai_chat_messages WHERE chat_id = ?1",
        [chat],
        |r| r.get(0),
    )?;
    let mut st = conn.prepare(
        "SELECT id, role, contents, created FROM ai_chat_messages WHERE chat_id = ?1 \
         ORDER BY id LIMIT ?2 OFFSET ?3",
    )?;
    let rows = st
        .query_map(params![chat, count, start], |r| {
            let raw: String = r.get(2)?;
            Ok(Message {
                id: r.get(0)?,
                role: r.get(1)?,
                contents: serde_json::from_str(&raw).unwrap_or(serde_json::Value::Array(vec![])),
                created: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((rows, total.max(0) as u64))
}

/// The whole history as `(role, text)` pairs, oldest first (what is resent to the model).
pub fn history(conn: &Connection, chat: &str) -> Result<Vec<(i64, String)>, ApiError> {
    let (all, _) = messages(conn, chat, 0, i64::MAX)?;
    Ok(all
        .into_iter()
        .map(|m| {
            let text = m
                .contents
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|c| c["text"].as_str())
                        .collect::<Vec<_>>()
                        .join("")
                })
                .unwrap_or_default();
            (m.role, text)
        })
        .collect())
}
