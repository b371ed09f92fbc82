//! Tags: `/api/2.0/files/tags` and a room's tags (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/TagsController.cs`).

use axum::extract::{Path, State};
use serde::Deserialize;

use super::dto;
use super::extract::{JsonBody, Paging, PathAndBody, Query, RoomInPath, title};
use super::rooms::room_allowing;
use crate::api::SignedInCall;
use crate::api::Store;
use crate::auth::Caller;
use crate::db::tags;
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::permissions::{PortalAction, RoomAction, portal_allows};
use crate::state::AppState;

const TAG_MAX: usize = tags::NAME_MAX;

/// `GET /api/2.0/files/tags`: custom tag names (non-admins: tags of rooms they see).
pub async fn list(db: Store, caller: Caller, q: Query) -> ApiResult {
    let paging = Paging::from_query(&q)?;
    let search = q.get("filterValue").map(str::to_string);
    let visible =
        (!portal_allows(&caller.user, PortalAction::ReadAnyRoom)).then(|| caller.user.id.clone());
    db.read(move |c| {
        tags::list(
            c,
            search.as_deref(),
            visible.as_deref(),
            paging.start,
            paging.count,
        )
    })
    .await
}

/// Creating, renaming and deleting tags are for those who may manage them (`ManageTags`).
fn may_manage_tags(caller: &Caller) -> Result<(), ApiError> {
    if portal_allows(&caller.user, PortalAction::ManageTags) {
        Ok(())
    } else {
        Err(ApiError::AccessDenied)
    }
}

/// `{name}`.
#[derive(Deserialize)]
pub struct NewTag {
    name: Option<String>,
}

/// `POST /api/2.0/files/tags` → the name.
pub async fn create(db: Store, caller: Caller, JsonBody(req): JsonBody<NewTag>) -> ApiResult {
    may_manage_tags(&caller)?;
    let name = title(req.name.as_deref().unwrap_or(""), "name", TAG_MAX)?;
    db.write(move |tx| {
        tags::ensure(tx, &name, &caller.user.id)?;
        Ok(name)
    })
    .await
}

/// `{oldName, newName}`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RenameTag {
    old_name: Option<String>,
    new_name: Option<String>,
}

/// `PUT /api/2.0/files/tags` → the new name; a taken name is a 400.
pub async fn rename(db: Store, caller: Caller, JsonBody(req): JsonBody<RenameTag>) -> ApiResult {
    may_manage_tags(&caller)?;
    let old = title(req.old_name.as_deref().unwrap_or(""), "oldName", TAG_MAX)?;
    let new = title(req.new_name.as_deref().unwrap_or(""), "newName", TAG_MAX)?;
    db.write(move |tx| {
        if !tags::exists(tx, &old)? {
            return Err(ApiError::NotFound("The tag could not be found".into()));
        }
        if old != new && tags::exists(tx, &new)? {
            return Err(ApiError::BadRequest(
                "A tag with this name already exists".into(),
            ));
        }
        tags::rename(tx, &old, &new)?;
        Ok(new)
    })
    .await
}

/// `{names}`.
#[derive(Deserialize)]
pub struct TagNames {
    names: Option<Vec<String>>,
}

fn names(req: TagNames) -> Result<Vec<String>, ApiError> {
    req.names
        .filter(|n| !n.is_empty())
        .ok_or_else(|| ApiError::field("Names", "The Names field is required."))?
        .iter()
        .map(|n| title(n, "name", TAG_MAX))
        .collect()
}

/// `DELETE /api/2.0/files/tags`.
pub async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(req): JsonBody<TagNames>,
) -> ApiResult {
    may_manage_tags(&caller)?;
    let names = names(req)?;
    state
        .db
        .write(move |tx| {
            for n in names {
                tags::delete(tx, &n)?;
            }
            Ok(())
        })
        .await?;
    Ok(Envelope::empty())
}

/// `GET /api/2.0/files/tags/{name}/haslinks`.
pub async fn has_links(_caller: Caller, db: Store, Path(name): Path<String>) -> ApiResult {
    db.read(move |c| tags::has_links(c, &name)).await
}

/// `PUT /api/2.0/files/rooms/{id}/tags` (`ADD`) or `DELETE …/tags` → the room.
pub async fn room_tags<const ADD: bool>(
    SignedInCall { caller, portal, db }: SignedInCall,
    PathAndBody(RoomInPath(id), req): PathAndBody<RoomInPath, TagNames>,
) -> ApiResult {
    let add = ADD;
    let names = names(req)?;
    // More names than a room may carry can never succeed; refuse before touching the database.
    if add && names.len() > tags::MAX_PER_ROOM {
        return Err(tags::too_many());
    }
    let actor = caller.actor();
    db.write(move |tx| {
        let room = room_allowing(tx, &actor, id, RoomAction::EditRoom)?;
        for n in &names {
            if add {
                if !tags::exists(tx, n)? && !portal_allows(&caller.user, PortalAction::ManageTags) {
                    return Err(ApiError::AccessDenied);
                }
                tags::attach(tx, room.id, n, &caller.user.id)?;
            } else {
                tags::detach(tx, room.id, n)?;
            }
        }
        dto::folder(tx, &portal, &actor, &room)
    })
    .await
}
