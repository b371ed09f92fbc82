//! `ai/agents*`: an agent is a room of `RoomType.AiRoom` (9) with two storage folders made in the
//! same save, "Knowledge" (`FolderType.Knowledge` 32) and "Result storage" (`FolderType.ResultStorage`
//! 33), and chat settings (provider, model, prompt) kept on the room (ONLYOFFICE/DocSpace-server:
//! `products/ASC.AI/Server/Api/AgentsController.cs`, `products/ASC.Files/Core/Core/FileStorageService.cs`
//! `CreateAiAgentAsync`, `products/ASC.Files/Core/Core/Entries/Folder.cs`).
//!
//! Who may create one follows `FileSecurity`'s rule for the AiAgents root, the same as for rooms:
//! DocSpace admins and room admins. Here agents live in the Rooms section (DocSpace keeps them
//! under their own `AiAgents` root, which this portal does not have).

use axum::extract::State;
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::{Value, json};

use super::AiFeature;
use super::providers::{PROVIDER_NOT_FOUND, enabled_models};
use crate::api::extract::{FolderInPath, JsonBody, Paging, Query};
use crate::api::rooms::{self, RoomOpRequest, RoomRequest, create_room};
use crate::api::{Portal, SignedInCall, dto};
use crate::db::ai::{self, AgentSettings};
use crate::db::entries::{self, Folder, NewFolder};
use crate::db::mcp;
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::permissions::{self, Actor, PortalAction, RoomAction, portal_allows};
use crate::state::AppState;

/// `RoomType.AiRoom`.
pub const AI_ROOM: i64 = 9;
/// `FolderType.Knowledge`.
pub const KNOWLEDGE: i64 = 32;
/// `FolderType.ResultStorage`.
pub const RESULT_STORAGE: i64 = 33;

/// `ChatSettings` of a request.
#[derive(Deserialize, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ChatSettingsRequest {
    #[serde(default)]
    provider_id: i64,
    #[serde(default)]
    model_id: Option<String>,
    #[serde(default)]
    prompt: Option<String>,
}

/// An agent room by id, or DocSpace's 404.
pub fn load_agent(conn: &Connection, id: i64) -> Result<Folder, ApiError> {
    entries::folder(conn, id)?
        .filter(|f| f.room_type == Some(AI_ROOM))
        .ok_or_else(|| ApiError::NotFound("Folder not found".into()))
}

/// The `FolderDto` of an agent with its `chatSettings`.
fn agent_dto(conn: &Connection, portal: &str, actor: &Actor, room: &Folder) -> ApiResult<Value> {
    let mut v = dto::folder(conn, portal, actor, room)?;
    if let Some(s) = ai::agent_settings(conn, room.id)? {
        let alias = ai::settings_of(conn, s.provider_id)?
            .into_iter()
            .find(|m| m.model_id == s.model_id)
            .and_then(|m| m.alias);
        v["chatSettings"] = json!({
            "providerId": s.provider_id,
            "modelId": s.model_id,
            "modelAlias": alias,
            "prompt": s.prompt,
            "capabilities": { "vision": false, "toolCalling": false, "thinking": false },
            "internal": false,
        });
    }
    Ok(v)
}

/// `ValidateModelIdAsync`: the provider must exist and, when a model is named, offer it now.
async fn validate(state: &AppState, s: &ChatSettingsRequest) -> Result<AgentSettings, ApiError> {
    let id = s.provider_id;
    let p = state
        .db
        .read(move |c| ai::provider(c, id))
        .await?
        .ok_or_else(|| ApiError::NotFound(PROVIDER_NOT_FOUND.into()))?;
    let model = s.model_id.clone().unwrap_or_default();
    if !model.is_empty() {
        let models = enabled_models(state, &p).await?;
        if !models.iter().any(|m| m["modelId"] == model.as_str()) {
            return Err(ApiError::BadRequest(
                "The model has been disabled by your provider's settings.".into(),
            ));
        }
    }
    Ok(AgentSettings {
        provider_id: p.id,
        model_id: model,
        prompt: s.prompt.clone().unwrap_or_default(),
    })
}

/// `POST ai/agents`: `CreateAgentRequestDto` (`title` and `chatSettings` required).
pub async fn create(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    Portal(portal): Portal,
    JsonBody(mut body): JsonBody<Value>,
) -> ApiResult {
    if !portal_allows(&caller.user, PortalAction::CreateRoom) {
        return Err(ApiError::AccessDenied);
    }
    let cs: ChatSettingsRequest = match body.get("chatSettings") {
        Some(v) if !v.is_null() => serde_json::from_value(v.clone())
            .map_err(|e| ApiError::field("ChatSettings", e.to_string()))?,
        _ => {
            return Err(ApiError::field(
                "ChatSettings",
                "The ChatSettings field is required.",
            ));
        }
    };
    let settings = validate(&state, &cs).await?;
    body["roomType"] = json!(AI_ROOM);
    let req: RoomRequest =
        serde_json::from_value(body).map_err(|e| ApiError::field("", e.to_string()))?;
    let actor = caller.actor();
    let v = state
        .db
        .write(move |tx| {
            let room = create_room(tx, &caller.user, &req)?;
            for (title, folder_type) in
                [("Knowledge", KNOWLEDGE), ("Result storage", RESULT_STORAGE)]
            {
                entries::insert_folder(
                    tx,
                    &room,
                    &NewFolder {
                        title: title.into(),
                        folder_type,
                        room_type: None,
                        owner_id: caller.user.id.clone(),
                    },
                )?;
            }
            ai::set_agent_settings(tx, room.id, &settings)?;
            let room = load_agent(tx, room.id)?;
            agent_dto(tx, &portal, &actor, &room)
        })
        .await?;
    Ok(Envelope::from_value(v))
}

/// `GET ai/agents`: the agents the caller can see, as a folder listing.
pub async fn list(
    AiFeature(SignedInCall { caller, portal, db }): AiFeature<SignedInCall>,
    q: Query,
) -> ApiResult {
    let paging = Paging::from_query(&q)?;
    let actor = caller.actor();
    db.read(move |c| {
        let mut st =
            c.prepare("SELECT id FROM folders WHERE room_type = ?1 ORDER BY updated DESC")?;
        let ids = st
            .query_map([AI_ROOM], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut visible = Vec::new();
        for id in ids {
            let room = load_agent(c, id)?;
            if permissions::room_level(c, &actor, &room)?.allows(RoomAction::Read) {
                visible.push(room);
            }
        }
        let total = visible.len();
        let page = visible
            .iter()
            .skip(paging.start as usize)
            .take(paging.count as usize)
            .map(|r| agent_dto(c, &portal, &actor, r))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(json!({
            "files": [],
            "folders": page,
            "startIndex": paging.start,
            "count": page.len(),
            "total": total,
        }))
    })
    .await
}

/// `GET ai/agents/{id}`.
pub async fn get(
    AiFeature(SignedInCall { caller, portal, db }): AiFeature<SignedInCall>,
    FolderInPath(id): FolderInPath,
) -> ApiResult {
    let actor = caller.actor();
    db.read(move |c| {
        let room = load_agent(c, id)?;
        permissions::room_level(c, &actor, &room)?.require(RoomAction::Read)?;
        agent_dto(c, &portal, &actor, &room)
    })
    .await
}

/// `PUT ai/agents/{id}`: the title and the chat settings (checked as on create).
pub async fn update(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    Portal(portal): Portal,
    FolderInPath(id): FolderInPath,
    JsonBody(body): JsonBody<Value>,
) -> ApiResult {
    let cs: Option<ChatSettingsRequest> = match body.get("chatSettings") {
        Some(v) if !v.is_null() => Some(
            serde_json::from_value(v.clone())
                .map_err(|e| ApiError::field("ChatSettings", e.to_string()))?,
        ),
        _ => None,
    };
    let settings = match &cs {
        Some(cs) => Some(validate(&state, cs).await?),
        None => None,
    };
    let title = body["title"].as_str().map(str::to_string);
    let actor = caller.actor();
    let v = state
        .db
        .write(move |tx| {
            let room = load_agent(tx, id)?;
            permissions::room_level(tx, &actor, &room)?.require(RoomAction::EditRoom)?;
            if let Some(t) = &title {
                let t = crate::api::extract::title(t, "title", 170)?;
                entries::rename_folder(tx, room.id, &t, &caller.user.id)?;
            }
            if let Some(s) = &settings {
                ai::set_agent_settings(tx, room.id, s)?;
            }
            let room = load_agent(tx, id)?;
            agent_dto(tx, &portal, &actor, &room)
        })
        .await?;
    Ok(Envelope::from_value(v))
}

/// `DELETE ai/agents/{id}` `{deleteAfter}` (`DeleteRoomRequestDto`, body required) →
/// `FileOperationDto`. Not an agent is `ErrorMessage_FolderNotFound` (404); deleting needs
/// `CanDeleteAsync`, which for the AiAgents root is the rule of rooms (`FileSecurity.cs`
/// `case FolderType.VirtualRooms: case FolderType.AiAgents:`): the owner only. Upstream publishes
/// the delete with `immediately: true`, so the agent skips the trash; its chats, Knowledge and
/// MCP links go with it.
pub async fn delete(
    AiFeature(SignedInCall { caller, db, .. }): AiFeature<SignedInCall>,
    FolderInPath(id): FolderInPath,
    JsonBody(_req): JsonBody<RoomOpRequest>,
) -> ApiResult {
    let actor = caller.actor();
    db.write(move |tx| {
        let room = load_agent(tx, id)?;
        permissions::room_level(tx, &actor, &room)?.require(RoomAction::DeleteRoom)?;
        mcp::forget_room(tx, room.id)?;
        rooms::delete_now(tx, &caller.user.id, &room)
    })
    .await
}
