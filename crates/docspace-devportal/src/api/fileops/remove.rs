//! Deleting entries: into the Trash, or for good.

use super::{OP_DELETE, record};
use crate::api::lookup::{load_file, load_folder};
use rusqlite::Connection;
use serde_json::{Value, json};

use crate::db::entries::{self, folder_type};
use crate::envelope::ApiError;
use crate::permissions::{self, Actor, Level};

/// Deletes entries: into the caller's Trash, or for good when `immediately` or already in Trash.
pub fn remove(
    tx: &Connection,
    actor: &Actor,
    folder_ids: &[i64],
    file_ids: &[i64],
    immediately: bool,
) -> Result<Value, ApiError> {
    let user = actor.user()?;
    let trash = entries::ensure_section(tx, folder_type::TRASH, "Trash", &user.id, false)?;
    let mut done_files = Vec::new();
    let mut done_folders = Vec::new();
    for id in file_ids {
        let f = load_file(tx, *id)?;
        let parent = load_folder(tx, f.folder_id)?;
        let level = permissions::folder_level(tx, actor, &parent)?;
        if !level.may_modify(actor, &f.owner_id) {
            return Err(ApiError::AccessDenied);
        }
        if immediately
            || parent.root_id == trash.id
            || level != Level::Personal && parent.room_id.is_none()
        {
            entries::delete_file(tx, f.id)?;
        } else {
            let t = entries::unique_file_title(tx, trash.id, &f.title)?;
            entries::move_file(tx, f.id, trash.id, &user.id)?;
            entries::rename_file(tx, f.id, &t, &user.id)?;
            entries::set_origin(tx, "files", f.id, Some(parent.id))?;
        }
        done_files.push(json!({ "id": f.id, "title": f.title, "fileEntryType": 2 }));
    }
    for id in folder_ids {
        let f = load_folder(tx, *id)?;
        if f.is_room() || f.parent_id.is_none() {
            return Err(ApiError::InvalidOperation(
                "Rooms and sections are deleted through their own endpoints".into(),
            ));
        }
        let level = permissions::folder_level(tx, actor, &f)?;
        if !level.may_modify(actor, &f.owner_id) {
            return Err(ApiError::AccessDenied);
        }
        if immediately || f.root_id == trash.id {
            entries::delete_folder(tx, f.id)?;
        } else {
            let t = entries::unique_folder_title(tx, trash.id, &f.title)?;
            let origin = f.parent_id;
            entries::move_folder(tx, f.id, &trash, &user.id)?;
            entries::rename_folder(tx, f.id, &t, &user.id)?;
            entries::set_origin(tx, "folders", f.id, origin)?;
        }
        done_folders.push(json!({ "id": f.id, "title": f.title, "fileEntryType": 1 }));
    }
    record(tx, &user.id, OP_DELETE, done_files, done_folders, None)
}
