//! Room templates (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/RoomTemplatesController.cs`,
//! `products/ASC.Files/Server/Api/VirtualRoomsController.cs` `fromTemplate`, and the checks of
//! `FileStorageService.CreateRoomTemplateAsync` / `CreateRoomFromTemplateAsync` in
//! `products/ASC.Files/Core/Services/WCFService/FileStorageService.cs`).
//!
//! DocSpace runs both copies as background tasks (`products/ASC.Files/Core/RoomTemplates/Operations/`)
//! and answers with their status; a refusal found by the task is reported in the status's `error`
//! with HTTP 200, not as an HTTP error. Here the task runs inside the request's transaction, so
//! the first status is already the last (`isCompleted: true`, `progress: 100`), and the status
//! endpoints keep answering it, one per portal as DocSpace's worker keeps them.
//!
//! Logos and quotas of the requests (`RoomTemplateDto`, `CreateRoomFromTemplateDto` in
//! `products/ASC.Files/Server/ApiModels/RequestDto/`) are handled as the operations
//! (`CreateRoomTemplateOperation.cs`, `CreateRoomFromTemplateOperation.cs`) handle them: `quota`
//! replaces the copied one once the contents are copied; `copyLogo` copies the source's logo if
//! it has one (rooms here never have one) and then `logo` is ignored; otherwise `logo` names an
//! uploaded temporary image that is saved as the new room's logo ([`logo_failure`]).

use axum::extract::{Path, State};
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::{Value, json};

use super::extract::{JsonBody, int_id, title};
use super::fileops::EntryId;
use super::rooms::{self, Lifetime, Watermark};
use crate::api::{SignedInCall, Store};
use crate::auth::Caller;
use crate::db::entries::Folder;
use crate::db::{members, templates};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::permissions::{self, Actor, PortalAction, RoomAction, portal_allows, share};
use crate::state::AppState;
use crate::users::{self, User};
use docspace_types::ROOM_TITLE_MAX;

/// `Constants.GroupEveryone.ID` (ONLYOFFICE/DocSpace-server: `common/ASC.Core.Common/Users/Constants.cs`).
pub const GROUP_EVERYONE: &str = "c5cc67d1-c3e8-43c0-a3ad-3928ae3e5b5e";

/// `FilesCommonResource.ErrorMessage_SecurityException_ViewFolder`, thrown by both copy checks
/// (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Core/Resources/FilesCommonResource.resx`).
const VIEW_FOLDER_DENIED: &str = "You don't have enough permission to view the folder content";
/// `FilesCommonResource.ErrorMessage_SecurityException_Create`, for a caller who may not create rooms.
const CREATE_DENIED: &str = "You don't have enough permission to create";

/// `RoomTemplateDto`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateRequest {
    room_id: Option<EntryId>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    share: Option<Vec<Value>>,
    #[serde(default)]
    groups: Option<Vec<String>>,
    #[serde(default)]
    public: bool,
    #[serde(flatten)]
    copy: CopyRequest,
}

/// What both requests say about the copy: its logo, tags, colour, cover and quota.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CopyRequest {
    #[serde(default)]
    logo: Option<Value>,
    #[serde(default)]
    copy_logo: bool,
    #[serde(default)]
    tags: Option<Vec<String>>,
    #[serde(default)]
    color: Option<String>,
    #[serde(default)]
    cover: Option<String>,
    #[serde(default)]
    quota: Option<i64>,
}

impl CopyRequest {
    /// The request with its colour and tags checked as a room's are.
    fn checked(self) -> Result<CopyRequest, ApiError> {
        Ok(CopyRequest {
            color: self.color.as_deref().map(rooms::check_color).transpose()?,
            tags: Some(rooms::check_tags(self.tags.as_deref().unwrap_or_default())?),
            ..self
        })
    }
}

/// `CreateRoomFromTemplateDto`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FromTemplateRequest {
    template_id: Option<EntryId>,
    title: Option<String>,
    #[serde(flatten)]
    copy: CopyRequest,
    #[serde(default)]
    indexing: Option<bool>,
    #[serde(default)]
    deny_download: Option<bool>,
    #[serde(default)]
    lifetime: Option<Lifetime>,
    #[serde(default)]
    watermark: Option<Watermark>,
    #[serde(default)]
    private: Option<bool>,
}

/// `SetPublicDto`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicRequest {
    id: Option<EntryId>,
    #[serde(default)]
    public: bool,
}

/// The id a failed operation reports: `TemplateId = -1` and `RoomId = -1` in the operations'
/// `Init`, replaced only once the new folder is returned.
const NO_ID: i64 = -1;

/// `FilesCommonResource.ErrorMessage_SecurityException`, thrown by `RoomLogoManager.GetTempAsync`
/// for a temporary logo that is not the caller's.
const LOGO_DENIED: &str = "You don't have enough permission to perform the operation";
/// The devportal's words for a temporary logo of the caller that it does not have (DocSpace's
/// message is its storage's "file not found", which depends on the storage).
const LOGO_MISSING: &str = "The logo image could not be found";

/// The copy both operations make, titled `title` and owned by the caller `owner`: the new room
/// first, then (a logo it cannot use fails the operation, leaving that bare room behind as
/// DocSpace does) its tags, members and contents.
fn copy_room(
    tx: &Connection,
    source: &Folder,
    section: &Folder,
    (title, owner): (&str, &str),
    req: &CopyRequest,
) -> Result<Result<Folder, &'static str>, ApiError> {
    let copy = templates::Copy {
        title,
        owner,
        color: req.color.clone(),
        cover: req.cover.clone().filter(|c| !c.is_empty()),
        tags: req.tags.as_deref().unwrap_or_default(),
        quota: req.quota,
    };
    let made = templates::new_room(tx, source, section, &copy)?;
    if let Some(error) = logo_failure(req.logo.as_ref(), req.copy_logo, owner) {
        return Ok(Err(error));
    }
    Ok(Ok(templates::fill_room(tx, source, made, &copy)?.0))
}

/// Why saving the request's logo fails, or `None` when no logo is saved. DocSpace saves `logo`
/// only when `copyLogo` is false (`if (_logo != null && !_copyLogo)` in both operations), reading
/// the temporary image `RoomLogoManager.SaveLogo` names by `tmpFile`: its file name without the
/// extension must be `{id}_{caller's id}` (`GetTempAsync`, `LogosPathSplitter = "_"`), else a
/// `SecurityException`. The devportal keeps no uploaded logos (`POST files/logos` is not
/// served), so a name of the caller's is still missing. Either way the operation fails after
/// the new room was made and before its tags and contents, which DocSpace leaves behind (the
/// room's id is not yet known to the operation, so it deletes nothing).
fn logo_failure(logo: Option<&Value>, copy_logo: bool, caller: &str) -> Option<&'static str> {
    let logo = logo.filter(|l| !l.is_null() && !copy_logo)?;
    let tmp = logo
        .get("tmpFile")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let name = tmp.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let owner = stem
        .split('_')
        .nth(1)
        .and_then(|id| uuid::Uuid::parse_str(id).ok());
    let caller = uuid::Uuid::parse_str(caller).ok();
    Some(if owner.is_some() && owner == caller {
        LOGO_MISSING
    } else {
        LOGO_DENIED
    })
}

/// Ends a template operation of `kind`: its status (finished, since operations run inside the
/// request; `templateId` or `roomId` by kind) is stored as the portal's latest, which the status
/// endpoints answer, and is the answer.
fn finish(
    tx: &Connection,
    user: &str,
    kind: i64,
    id: i64,
    error: Option<&str>,
) -> Result<Value, ApiError> {
    let id_field = if kind == templates::OP_TEMPLATE {
        "templateId"
    } else {
        "roomId"
    };
    let status = json!({
        id_field: id,
        "progress": if error.is_some() { 0 } else { 100 },
        "error": error.unwrap_or_default(),
        "isCompleted": true,
    });
    templates::save_status(tx, user, kind, &status)?;
    Ok(status)
}

/// Whether the actor may read the template: its owner, members and DocSpace admins, or anyone
/// when it is public (shared with Everyone). `None` when it is not a template.
fn can_read_template(conn: &Connection, actor: &Actor, t: &Folder) -> Result<bool, ApiError> {
    Ok(
        permissions::room_level(conn, actor, t)?.allows(RoomAction::Read)
            || (actor.user.is_some() && templates::is_public(conn, t.id)?),
    )
}

fn load_template(conn: &Connection, id: i64) -> Result<Option<Folder>, ApiError> {
    match crate::db::entries::folder(conn, id)? {
        Some(f) if templates::is_template(conn, &f)? => Ok(Some(f)),
        _ => Ok(None),
    }
}

fn share_target(conn: &Connection, v: &Value) -> Result<Option<(User, i64)>, ApiError> {
    // `share` has been a list of e-mails and, later, `FileShareParams {shareTo, email, access}`.
    let (key, access) = match v {
        Value::String(s) => (s.clone(), share::READ),
        Value::Object(o) => (
            o.get("shareTo")
                .or_else(|| o.get("email"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            o.get("access")
                .and_then(Value::as_i64)
                .unwrap_or(share::READ),
        ),
        _ => return Ok(None),
    };
    let user = match users::by_id(conn, &key)? {
        Some(u) => Some(u),
        None => users::by_email(conn, &key)?,
    };
    Ok(user.map(|u| (u, access)))
}

/// `POST /api/2.0/files/roomtemplate`: saves a room as a template.
pub async fn create(
    SignedInCall { caller, db, .. }: SignedInCall,
    JsonBody(req): JsonBody<TemplateRequest>,
) -> ApiResult {
    let actor = caller.actor();
    let room_id = req
        .room_id
        .as_ref()
        .ok_or_else(|| ApiError::field("RoomId", "The RoomId field is required."))?
        .int("Room")?;
    let title_in = req
        .title
        .as_deref()
        .map(|t| title(t, "title", ROOM_TITLE_MAX))
        .transpose()?;
    let copy = req.copy.checked()?;
    // `public` replaces the shares with the Everyone group, as the controller does.
    let public = req.public
        || req
            .groups
            .iter()
            .flatten()
            .any(|g| g.eq_ignore_ascii_case(GROUP_EVERYONE));
    let share_list = if public {
        Vec::new()
    } else {
        req.share.unwrap_or_default()
    };
    let user = caller.user.clone();
    db.write(move |tx| {
        let room = crate::db::entries::folder(tx, room_id)?.filter(Folder::is_room);
        let allowed = match &room {
            // Only an active room (in Rooms, not the Archive) whose settings the caller may edit.
            Some(r) => {
                r.root_id == rooms::rooms_section(tx)?.id
                    && permissions::room_level(tx, &actor, r)?.allows(RoomAction::EditRoom)
            }
            None => false,
        };
        let (Some(room), true) = (room, allowed) else {
            return finish(
                tx,
                &user.id,
                templates::OP_TEMPLATE,
                NO_ID,
                Some(VIEW_FOLDER_DENIED),
            );
        };
        let section = templates::ensure_section(tx, &user.id)?;
        let name = title_in.clone().unwrap_or_else(|| room.title.clone());
        let template = match copy_room(tx, &room, &section, (&name, &user.id), &copy)? {
            Ok(template) => template,
            Err(error) => {
                return finish(tx, &user.id, templates::OP_TEMPLATE, NO_ID, Some(error));
            }
        };
        templates::set_public(tx, template.id, public)?;
        for s in &share_list {
            if let Some((member, access)) = share_target(tx, s)?
                && member.id != user.id
            {
                members::set(tx, template.id, &member.id, access)?;
            }
        }
        finish(tx, &user.id, templates::OP_TEMPLATE, template.id, None)
    })
    .await
}

/// `GET /api/2.0/files/roomtemplate/status`: the portal's template operation, whoever started
/// it (`GetStatusTemplateCreatingAsync(tenantId)`), or no `response` when there is none (the
/// controller returns `null`).
pub async fn template_status_get(State(state): State<AppState>, _caller: Caller) -> ApiResult {
    status_of(&state, templates::OP_TEMPLATE).await
}

/// The portal's latest operation of `kind`, or no `response` when there is none.
async fn status_of(state: &AppState, kind: i64) -> ApiResult {
    let v = state.db.read(move |c| templates::status(c, kind)).await?;
    Ok(Envelope::from_value(v.unwrap_or(Value::Null)))
}

/// `GET /api/2.0/files/roomtemplate/{id}/public`.
pub async fn get_public(db: Store, actor: Actor, Path(id): Path<String>) -> ApiResult {
    let id = int_id(&id, "Template")?;
    db.read(move |c| {
        let t = load_template(c, id)?
            .ok_or_else(|| ApiError::NotFound("The template could not be found".into()))?;
        if !can_read_template(c, &actor, &t)? {
            return Err(ApiError::AccessDenied);
        }
        templates::is_public(c, id)
    })
    .await
}

/// `PUT /api/2.0/files/roomtemplate/public`: shares the template with Everyone (Read) or stops
/// sharing it; like DocSpace, every other share but the caller's is removed either way.
pub async fn set_public(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(req): JsonBody<PublicRequest>,
) -> ApiResult {
    let id = req
        .id
        .as_ref()
        .ok_or_else(|| ApiError::field("Id", "The Id field is required."))?
        .int("Template")?;
    let me = caller.user.id.clone();
    let actor = caller.actor();
    state
        .db
        .write(move |tx| {
            let t = load_template(tx, id)?
                .ok_or_else(|| ApiError::NotFound("The template could not be found".into()))?;
            // `SetAceObjectAsync` needs the right to change the folder's access.
            permissions::room_level(tx, &actor, &t)?.require(RoomAction::ManageAccess)?;
            for (member, _) in members::list(tx, t.id)? {
                if member != me {
                    members::set(tx, t.id, &member, share::NONE)?;
                }
            }
            templates::set_public(tx, t.id, req.public)
        })
        .await?;
    Ok(Envelope::empty())
}

/// `POST /api/2.0/files/rooms/fromTemplate`: creates a room from a template.
pub async fn create_room(
    SignedInCall { caller, db, .. }: SignedInCall,
    JsonBody(req): JsonBody<FromTemplateRequest>,
) -> ApiResult {
    let actor = caller.actor();
    // `[Required]` on both: checked by model binding before the task starts.
    let template_id = req
        .template_id
        .as_ref()
        .ok_or_else(|| ApiError::field("TemplateId", "The TemplateId field is required."))?
        .int("Template")?;
    let name = rooms::required_title(req.title.as_deref())?;
    let copy = req.copy.checked()?;
    let lifetime = req
        .lifetime
        .as_ref()
        .map(rooms::lifetime_json)
        .transpose()?;
    let watermark = req
        .watermark
        .as_ref()
        .map(rooms::watermark_json)
        .transpose()?;
    let user = caller.user.clone();
    db.write(move |tx| {
        let template = load_template(tx, template_id)?;
        let error = match &template {
            Some(t) if can_read_template(tx, &actor, t)? => {
                (!portal_allows(&user, PortalAction::CreateRoom)).then_some(CREATE_DENIED)
            }
            _ => Some(VIEW_FOLDER_DENIED),
        };
        let (Some(mut template), None) = (template, error) else {
            return finish(tx, &user.id, templates::OP_FROM_TEMPLATE, NO_ID, error);
        };
        // The request's private/indexing/download settings win over the template's; lifetime
        // and watermark come only from the request, as `CreateRoomFromTemplateAsync` does.
        template.private = req.private.unwrap_or(template.private);
        template.indexing = req.indexing.unwrap_or(template.indexing);
        template.deny_download = req.deny_download.unwrap_or(template.deny_download);
        template.lifetime = lifetime.clone();
        template.watermark = watermark.clone();
        let section = rooms::rooms_section(tx)?;
        let room = match copy_room(tx, &template, &section, (&name, &user.id), &copy)? {
            Ok(room) => room,
            Err(error) => {
                return finish(
                    tx,
                    &user.id,
                    templates::OP_FROM_TEMPLATE,
                    NO_ID,
                    Some(error),
                );
            }
        };
        if room.room_type == Some(6) {
            super::shares::create_primary_link(tx, &room)?;
        }
        finish(tx, &user.id, templates::OP_FROM_TEMPLATE, room.id, None)
    })
    .await
}

/// `GET /api/2.0/files/rooms/fromTemplate/status`: the portal's operation, whoever started it
/// (`GetStatusRoomCreatingAsync(tenantId)`).
pub async fn room_status_get(State(state): State<AppState>, _caller: Caller) -> ApiResult {
    status_of(&state, templates::OP_FROM_TEMPLATE).await
}
