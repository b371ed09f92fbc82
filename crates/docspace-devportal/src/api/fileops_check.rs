//! `GET /api/2.0/files/fileops/move`: what a copy or a move would clash with, asked before the
//! operation so that the user can choose to overwrite, keep both or skip, as DocSpace's web UI
//! asks (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/OperationController.cs`
//! `CheckMoveOrCopyBatchItems`, `products/ASC.Files/Core/Core/FileStorageService.cs`
//! `MoveOrCopyFilesCheckAsync`, `Core/Dao/TeamlabDao/FolderDao.cs` `CanMoveOrCopyAsync`).
//!
//! The server's rules, in its order:
//! - the destination must exist and the caller may create in it, else a 403 with
//!   `ErrorMessage_FolderNotFound` or `ErrorMessage_SecurityException_Create`;
//! - a file clashes when the destination holds a file of the same title (case-insensitive);
//! - a folder moved into itself or below itself is a 403 (`ErrorMessage_FolderCopyError`);
//!   it clashes when the destination holds a folder of the same title. Its contents are not
//!   searched: the server recurses only into the legacy project folders (`FolderType.BUNCH`),
//!   which DocSpace no longer makes;
//! - the answer is the clashing *source* entries the caller may read, folders first, as
//!   `FileEntryDto`s (`GetItemsAsync`).

use rusqlite::Connection;
use serde_json::Value;

use super::extract::Query;
use super::{Portal, dto};
use crate::api::Store;
use crate::auth::Caller;
use crate::db::entries::{self, File, Folder};
use crate::envelope::{ApiError, ApiResult};
use crate::permissions::{self, Actor, RoomAction};

/// `FilesCommonResource.ErrorMessage_FolderNotFound`.
const FOLDER_NOT_FOUND: &str = "The required folder was not found";
/// `FilesCommonResource.ErrorMessage_SecurityException_Create`.
const MAY_NOT_CREATE: &str = "You don't have enough permission to create";
/// `FilesCommonResource.ErrorMessage_FolderCopyError`.
const INTO_ITSELF: &str = "You cannot copy the folder to its subfolder";

/// `GET files/fileops/move?destFolderId=&folderIds=&fileIds=`.
pub async fn check(db: Store, caller: Caller, Portal(portal): Portal, q: Query) -> ApiResult {
    let ids = |name: &str| -> Vec<i64> {
        // The batch binder reads numbers and numeric strings; anything else is an id this portal
        // cannot hold (third-party ids), which cannot clash here.
        q.all(name)
            .iter()
            .filter_map(|v| v.trim().parse().ok())
            .collect()
    };
    let (folder_ids, file_ids) = (ids("folderIds"), ids("fileIds"));
    // No (or no numeric) destination: the server cannot find it either.
    let dest = q
        .get("destFolderId")
        .and_then(|d| d.trim().parse::<i64>().ok());
    let actor = caller.actor();
    db.read(move |c| {
        let dest = dest
            .map(|d| entries::folder(c, d))
            .transpose()?
            .flatten()
            .ok_or_else(|| ApiError::InvalidOperation(FOLDER_NOT_FOUND.into()))?;
        if !permissions::folder_level(c, &actor, &dest)?.allows(RoomAction::Create) {
            return Err(ApiError::InvalidOperation(MAY_NOT_CREATE.into()));
        }
        let files = clashing_files(c, &file_ids, &dest)?;
        let folders = clashing_folders(c, &folder_ids, &dest)?;
        readable_entries(c, &portal, &actor, &folders, &files)
    })
    .await
}

fn clashing_files(c: &Connection, ids: &[i64], dest: &Folder) -> Result<Vec<File>, ApiError> {
    let mut out = Vec::new();
    for id in ids {
        if let Some(f) = entries::file(c, *id)?
            && entries::file_by_title(c, dest.id, &f.title)?.is_some()
        {
            out.push(f);
        }
    }
    Ok(out)
}

fn clashing_folders(c: &Connection, ids: &[i64], dest: &Folder) -> Result<Vec<Folder>, ApiError> {
    let mut out = Vec::new();
    for id in ids {
        if entries::subtree(c, *id)?.contains(&dest.id) {
            return Err(ApiError::InvalidOperation(INTO_ITSELF.into()));
        }
        if let Some(f) = entries::folder(c, *id)?
            && entries::folder_title_taken(c, dest.id, &f.title)?
        {
            out.push(f);
        }
    }
    Ok(out)
}

/// The clashing entries as `FileEntryDto`s, leaving out what the caller may not read.
fn readable_entries(
    c: &Connection,
    portal: &str,
    actor: &Actor,
    folders: &[Folder],
    files: &[File],
) -> Result<Vec<Value>, ApiError> {
    let mut out = Vec::new();
    for f in folders {
        if permissions::folder_level(c, actor, f)?.allows(RoomAction::Read) {
            out.push(dto::folder(c, portal, actor, f)?);
        }
    }
    for f in files {
        let Some(parent) = entries::folder(c, f.folder_id)? else {
            continue;
        };
        if permissions::folder_level(c, actor, &parent)?.allows(RoomAction::Read) {
            out.push(dto::file(c, portal, actor, f)?);
        }
    }
    Ok(out)
}
