//! MCP servers of an agent room and each user's tool switches, `ai/rooms/{roomId}/servers*`
//! (ONLYOFFICE/DocSpace-server: `products/ASC.AI/Server/Api/McpController.cs`,
//! `products/ASC.AI/Core/MCP/McpService.cs` `AddServersToRoomAsync`, `GetServersStatusesAsync`,
//! `DeleteServersFromRoomAsync`, `GetToolsAsync`, `SetToolsAsync`).
//!
//! - Adding and removing need `CanEditRoom`; listing servers and tools needs `UseChat` (a room
//!   manager or content creator of an AI room), both refused with
//!   `FilesCommonResource.ErrorMessage_SecurityException`.
//! - At most [`MAX_PER_ROOM`] servers per room; only enabled servers are added; adding a linked
//!   one again is `ServerAlreadyAdded`.
//! - Tools are listed live from the server (`tools/list`), each `enabled` unless the caller
//!   switched it off in this room: switches are per user, per room, per server.
//! - Custom servers connect directly, so each is `connected: true` (`McpServerConnection.Connected`).

use std::collections::BTreeSet;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::client;
use super::servers::{SERVER_NOT_FOUND, ServersRequest, guid};
use crate::ai::AiFeature;
use crate::api::Store;
use crate::api::extract::{JsonBody, int_id};
use crate::db::entries::{self, Folder};
use crate::db::mcp::{self as store, Server};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::permissions::{self, Actor, Level, RoomAction, share};
use crate::state::AppState;
use crate::users::User;

/// `McpService.MaxMcpServersByRoom`.
pub const MAX_PER_ROOM: usize = 5;
/// `FilesCommonResource.ErrorMessage_SecurityException`.
const SECURITY: &str = "You don't have enough permission to perform the operation";
/// `FilesCommonResource.ErrorMessage_FolderNotFound`.
const FOLDER_NOT_FOUND: &str = "The required folder was not found";
/// `ServerAlreadyAdded`.
const ALREADY_ADDED: &str = "The server has already been added to the agent";
/// `FolderType.AiRoom`'s room type.
const AI_ROOM: i64 = 9;
/// `ServerType.Custom`.
const CUSTOM: i64 = 0;

fn actor(user: &User) -> Actor {
    Actor::signed_in(user.clone())
}

/// `GetRoomAsync`: any folder by id, else 404.
fn room(conn: &rusqlite::Connection, raw: &str) -> Result<Folder, ApiError> {
    let id = int_id(raw, "Folder").map_err(|_| ApiError::NotFound(FOLDER_NOT_FOUND.into()))?;
    entries::folder(conn, id)?.ok_or_else(|| ApiError::NotFound(FOLDER_NOT_FOUND.into()))
}

/// `CanEditRoomAsync`.
fn require_edit(conn: &rusqlite::Connection, user: &User, room: &Folder) -> Result<(), ApiError> {
    if room.is_room()
        && permissions::room_level(conn, &actor(user), room)?.allows(RoomAction::EditRoom)
    {
        Ok(())
    } else {
        Err(ApiError::Forbidden(SECURITY.into()))
    }
}

/// `ThrowIfNotAccessUseMcpAsync` (`CanUseChatAsync`: AI rooms only, managers and content
/// creators, `products/ASC.Files/Core/Core/Security/FileSecurity.cs`).
fn require_use_chat(
    conn: &rusqlite::Connection,
    user: &User,
    room: &Folder,
) -> Result<(), ApiError> {
    if room.room_type != Some(AI_ROOM) {
        return Err(ApiError::Forbidden(SECURITY.into()));
    }
    match permissions::room_level(conn, &actor(user), room)? {
        Level::Room(s)
            if s.owner || s.access == share::ROOM_MANAGER || s.access == share::CONTENT_CREATOR =>
        {
            Ok(())
        }
        _ => Err(ApiError::Forbidden(SECURITY.into())),
    }
}

/// `McpServerStatusDto`.
fn status_dto(s: &Server) -> Value {
    json!({
        "id": s.id,
        "name": s.name,
        "serverType": CUSTOM,
        "connected": true,
        "icon": null,
        "needReset": false,
    })
}

fn statuses(conn: &rusqlite::Connection, room: i64) -> Result<Vec<Value>, ApiError> {
    Ok(store::room_servers(conn, room)?
        .iter()
        .map(status_dto)
        .collect())
}

/// `POST ai/rooms/{roomId}/servers` `{servers}`: the room's servers afterwards.
pub async fn add(
    db: Store,
    AiFeature(caller): AiFeature,
    Path(room_raw): Path<String>,
    JsonBody(req): JsonBody<ServersRequest>,
) -> ApiResult {
    let ids = req.ids()?;
    db.write(move |tx| {
            let room = room(tx, &room_raw)?;
            require_edit(tx, &caller.user, &room)?;
            let mut to_add = Vec::new();
            for id in &ids {
                if let Some(s) = store::server(tx, id)?
                    && s.enabled
                {
                    to_add.push(s.id);
                }
            }
            let current = store::room_servers(tx, room.id)?.len();
            if current + to_add.len() > MAX_PER_ROOM {
                // Upstream passes the text as the *parameter name* of an
                // `ArgumentOutOfRangeException`, so .NET wraps it in its standard message.
                return Err(ApiError::BadRequest(format!(
                    "Specified argument was out of the range of valid values. (Parameter 'Maximum number of servers per room is {MAX_PER_ROOM}')"
                )));
            }
            for id in &to_add {
                if store::linked(tx, room.id, id)? {
                    return Err(ApiError::BadRequest(ALREADY_ADDED.into()));
                }
                store::link(tx, room.id, id)?;
            }
            statuses(tx, room.id)
        })
        .await
}

/// `GET ai/rooms/{roomId}/servers`.
pub async fn list(
    db: Store,
    AiFeature(caller): AiFeature,
    Path(room_raw): Path<String>,
) -> ApiResult {
    db.read(move |c| {
        let room = room(c, &room_raw)?;
        require_use_chat(c, &caller.user, &room)?;
        statuses(c, room.id)
    })
    .await
}

/// `DELETE ai/rooms/{roomId}/servers` `{servers}`: 204.
pub async fn remove(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    Path(room_raw): Path<String>,
    JsonBody(req): JsonBody<ServersRequest>,
) -> Result<Response, ApiError> {
    let ids = req.ids()?;
    state
        .db
        .write(move |tx| {
            let room = room(tx, &room_raw)?;
            require_edit(tx, &caller.user, &room)?;
            store::unlink(tx, room.id, &ids)
        })
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The linked server and the caller's switched-off tools for it.
async fn connection(
    state: &AppState,
    user: &User,
    room_raw: String,
    server_raw: &str,
) -> Result<(i64, Server, BTreeSet<String>), ApiError> {
    let server_id = guid(server_raw, "serverId")?;
    let user = user.clone();
    state
        .db
        .read(move |c| {
            let room = room(c, &room_raw)?;
            require_use_chat(c, &user, &room)?;
            if !store::linked(c, room.id, &server_id)? {
                return Err(ApiError::NotFound(SERVER_NOT_FOUND.into()));
            }
            let server = store::server(c, &server_id)?
                .ok_or_else(|| ApiError::NotFound(SERVER_NOT_FOUND.into()))?;
            let disabled = store::disabled_tools(c, room.id, &user.id, &server_id)?;
            Ok((room.id, server, disabled))
        })
        .await
}

/// `[McpToolDto {name, enabled}]` from the server's own tool list. Upstream lets a connection
/// failure escape as an unhandled exception; here it is answered with `ServerFailedConnect`.
async fn tools_dto(server: &Server, disabled: &BTreeSet<String>) -> ApiResult<Vec<Value>> {
    let names = client::tool_names(&server.endpoint, &server.headers)
        .await
        .map_err(|_| ApiError::InvalidOperation(client::messages::FAILED_CONNECT.into()))?;
    Ok(names
        .into_iter()
        .map(|n| {
            let enabled = !disabled.contains(&n);
            json!({ "name": n, "enabled": enabled })
        })
        .collect())
}

/// `GET ai/rooms/{roomId}/servers/{serverId}/tools`.
pub async fn tools(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    Path((room_raw, server_raw)): Path<(String, String)>,
) -> ApiResult {
    let (_, server, disabled) = connection(&state, &caller.user, room_raw, &server_raw).await?;
    Ok(Envelope::ok(tools_dto(&server, &disabled).await?))
}

/// `SetMcpToolsRequestBody`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ToolsRequest {
    #[serde(default)]
    disabled_tools: Option<Vec<String>>,
}

/// `PUT ai/rooms/{roomId}/servers/{serverId}/tools` `{disabledTools}`: replaces the caller's
/// switched-off tools (empty names dropped), then lists the tools.
pub async fn set_tools(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    Path((room_raw, server_raw)): Path<(String, String)>,
    JsonBody(req): JsonBody<ToolsRequest>,
) -> ApiResult {
    let disabled: BTreeSet<String> = req
        .disabled_tools
        .ok_or_else(|| ApiError::field("disabledTools", "The DisabledTools field is required."))?
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();
    let (room_id, server, _) = connection(&state, &caller.user, room_raw, &server_raw).await?;
    let (user, server_id, saved) = (caller.user.id.clone(), server.id.clone(), disabled.clone());
    state
        .db
        .write(move |tx| store::set_disabled_tools(tx, room_id, &user, &server_id, &saved))
        .await?;
    Ok(Envelope::ok(tools_dto(&server, &disabled).await?))
}
