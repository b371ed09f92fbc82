//! Archiving, restoring, deleting and pinning a room.

use super::{archive_section, load_room, room_allowing, rooms_section};
use serde::Deserialize;

use crate::api::extract::{PathAndBody, RoomInPath};
use crate::api::{SignedInCall, dto, fileops};
use crate::db::entries::{self, Folder};
use crate::db::rooms::{self};
use crate::envelope::{ApiError, ApiResult};
use crate::permissions::RoomAction;

/// `{deleteAfter?}` of archive, unarchive and delete.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct RoomOpRequest {
    #[serde(default)]
    #[allow(dead_code)]
    // Operations finish before the answer; there is nothing to delete after.
    delete_after: Option<bool>,
}

/// `PUT /api/2.0/files/rooms/{id}/archive` (`TO_ARCHIVE`) or `…/unarchive` → `FileOperationDto`
/// (finished; poll `files/fileops`).
pub async fn set_archived<const TO_ARCHIVE: bool>(
    SignedInCall { caller, portal, db }: SignedInCall,
    PathAndBody(RoomInPath(id), _req): PathAndBody<RoomInPath, RoomOpRequest>,
) -> ApiResult {
    let to_archive = TO_ARCHIVE;
    let actor = caller.actor();
    db.write(move |tx| {
        let room = room_allowing(tx, &actor, id, RoomAction::Archive)?;
        let (from, to) = if to_archive {
            (rooms_section(tx)?, archive_section(tx)?)
        } else {
            (archive_section(tx)?, rooms_section(tx)?)
        };
        if room.parent_id != Some(from.id) {
            let msg = if to_archive {
                "The room is already archived"
            } else {
                "The room is not archived"
            };
            return Err(ApiError::BadRequest(msg.into()));
        }
        rooms::move_to_section(tx, room.id, &to, &caller.user.id)?;
        rooms::set_pinned(tx, &caller.user.id, room.id, false)?;
        let moved = load_room(tx, id)?;
        let folders = vec![dto::folder(tx, &portal, &actor, &moved)?];
        fileops::record(tx, &caller.user.id, fileops::OP_MOVE, vec![], folders, None)
    })
    .await
}

/// `DELETE /api/2.0/files/rooms/{id}` (body required) → `FileOperationDto`.
pub async fn delete(
    SignedInCall { caller, db, .. }: SignedInCall,
    PathAndBody(RoomInPath(id), _req): PathAndBody<RoomInPath, RoomOpRequest>,
) -> ApiResult {
    let actor = caller.actor();
    db.write(move |tx| {
        // Only the owner deletes a room that is not archived; an archived one, its owner or
        // a DocSpace admin (`FileSecurity.cs`: `case Delete` and `case FolderType.Archive`).
        let room = room_allowing(tx, &actor, id, RoomAction::DeleteRoom)?;
        delete_now(tx, &caller.user.id, &room)
    })
    .await
}

/// Deletes `room` at once (no Trash: DocSpace deletes rooms `immediately`) and answers the
/// finished `FileOperationDto`.
pub fn delete_now(
    tx: &rusqlite::Connection,
    user_id: &str,
    room: &Folder,
) -> Result<serde_json::Value, ApiError> {
    entries::delete_folder(tx, room.id)?;
    fileops::record(tx, user_id, fileops::OP_DELETE, vec![], vec![], None)
}

/// `PUT /api/2.0/files/rooms/{id}/pin` (`PINNED`) or `…/unpin`.
pub async fn set_pinned<const PINNED: bool>(
    SignedInCall { caller, portal, db }: SignedInCall,
    RoomInPath(id): RoomInPath,
) -> ApiResult {
    let actor = caller.actor();
    db.write(move |tx| {
        let room = room_allowing(tx, &actor, id, RoomAction::Pin)?;
        rooms::set_pinned(tx, actor.id(), room.id, PINNED)?;
        dto::folder(tx, &portal, &actor, &room)
    })
    .await
}
