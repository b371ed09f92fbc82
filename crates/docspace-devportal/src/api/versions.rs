//! File versions: the history of a file, restoring a version, marking and continuing versions
//! (version groups), version comments and deleting versions, as DocSpace answers them
//! (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/FilesController.cs`,
//! `products/ASC.Files/Core/Core/FileStorageService.cs` `GetFileHistoryAsync`,
//! `UpdateCommentAsync`, `CompleteVersionAsync`, `RestoreVersionAsync`, and
//! `products/ASC.Files/Core/Utils/EntryManager.cs` `UpdateToVersionFileAsync`,
//! `CompleteVersionFileAsync`; deleting: `Server/Api/OperationController.cs` `deleteversion`).

use axum::extract::State;
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::{Value, json};

use super::extract::{FileInPath, JsonBody, PathAndBody, Query};
use super::lookup::{FILE_NOT_FOUND, load_file, resolve_folder};
use super::{dto, fileops};
use crate::api::{Call, Store};
use crate::db::entries::{self, File, folder_type};
use crate::db::versions::{self, Version};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::permissions::{self, Actor, Level, may_edit_history, may_read_history};
use crate::state::AppState;

const READ_DENIED: &str = "You don't have enough permission to view the file";
const EDIT_DENIED: &str = "You do not have enough permissions to edit the file";
const SAME_VERSION: &str = "The new version cannot be the same as the current one";
const TRASH_ITEM: &str = "You are not allowed to preview the elements in the Trash";

/// The caller's level on a file, and whether the file lies in a Trash.
fn file_level(conn: &Connection, actor: &Actor, f: &File) -> Result<(Level, bool), ApiError> {
    let parent = resolve_folder(conn, actor, &f.folder_id.to_string())?;
    let level = permissions::folder_level(conn, actor, &parent)?;
    let trash = entries::folder_type_of(conn, parent.root_id)? == Some(folder_type::TRASH);
    Ok((level, trash))
}

/// `FileDto`s of every version of a file, newest first: the file's DTO with each version's number,
/// group, size, comment, date and author (`createdBy` stays the file's creator, as DocSpace
/// copies `CreateBy` into each new version).
pub fn history(
    conn: &Connection,
    portal: &str,
    actor: &Actor,
    f: &File,
) -> Result<Vec<Value>, ApiError> {
    let base = dto::file(conn, portal, actor, f)?;
    let list = versions::list(conn, f.id)?;
    let ids: Vec<&str> = list.iter().map(|v| v.created_by.as_str()).collect();
    let users = crate::users::by_ids(conn, &ids)?;
    Ok(list
        .iter()
        .map(|v| {
            let mut d = base.clone();
            d["version"] = json!(v.version);
            d["versionGroup"] = json!(v.version_group);
            d["contentLength"] = json!(dto::human_size(v.size));
            d["pureContentLength"] = json!(v.size);
            d["comment"] = json!(v.comment_text());
            d["updated"] = json!(dto::date(&v.created));
            d["updatedBy"] = dto::employee(portal, &users, &v.created_by);
            if dto::opens_in_editor(&f.title) {
                d["webUrl"] = json!(format!(
                    "{portal}/doceditor?fileid={}&version={}",
                    f.id, v.version
                ));
            }
            d
        })
        .collect())
}

/// `FileEntry.ModifiedOnString` in the portal's culture (en-US, `"g"`): `12/6/2026 1:07 AM`.
fn modified_on_string(stored: &str) -> String {
    crate::time::parse_db_time(stored)
        .format("%-m/%-d/%Y %-I:%M %p")
        .to_string()
}

/// `EntryManager.UpdateToVersionFileAsync`: stores the content of `version` as a new version in
/// a new group, commented "Restored from the revision of …". `finalize` allows the current
/// version (marking it as a revision); a version above the current one means the current one.
pub fn restore(
    tx: &Connection,
    actor: &Actor,
    f: &File,
    version: i64,
    finalize: bool,
) -> Result<File, ApiError> {
    if version < 1 {
        return Err(ApiError::BadRequest(
            "Value cannot be null. (Parameter 'version')".into(),
        ));
    }
    if f.version == version && !finalize {
        return Err(ApiError::BadRequest(SAME_VERSION.into()));
    }
    let source = versions::get(tx, f.id, f.version.min(version))?
        .ok_or_else(|| ApiError::NotFound(FILE_NOT_FOUND.into()))?;
    let (level, trash) = file_level(tx, actor, f)?;
    if !may_edit_history(level, actor) {
        return Err(ApiError::AccessDenied);
    }
    if trash {
        // A plain `Exception` in DocSpace: a 500 with this message.
        return Err(ApiError::Internal(TRASH_ITEM.into()));
    }
    let data = entries::content(tx, f.id, Some(source.version))?
        .ok_or_else(|| ApiError::NotFound(FILE_NOT_FOUND.into()))?;
    let user = actor.user()?.id.clone();
    let restored = entries::add_version(tx, f.id, &user, &data)?;
    let comment = format!(
        "Restored from the revision of {}",
        modified_on_string(&source.created)
    );
    versions::set_comment(tx, f.id, restored.version, &comment)?;
    Ok(restored)
}

/// `GET /api/2.0/files/file/{fileId}/history` → `FileDto[]`, newest version first.
pub async fn list(Call { actor, portal, db }: Call, FileInPath(id): FileInPath) -> ApiResult {
    db.read(move |c| {
        // A missing file fails the same security check (`CanReadHistoryAsync(null)`).
        let denied = || ApiError::InvalidOperation(READ_DENIED.into());
        let f = entries::file(c, id)?.ok_or_else(denied)?;
        let (level, _) = file_level(c, &actor, &f).map_err(|_| denied())?;
        if !may_read_history(level, &actor) {
            return Err(denied());
        }
        history(c, &portal, &actor, &f)
    })
    .await
}

/// `ChangeHistory`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeHistory {
    version: Option<i64>,
    #[serde(default)]
    continue_version: Option<bool>,
}

fn required_version(v: Option<i64>, model: &str) -> Result<i64, ApiError> {
    v.ok_or_else(|| {
        ApiError::field(
            "$",
            format!("JSON deserialization for type '{model}' was missing required properties including: 'version'."),
        )
    })
}

/// `PUT /api/2.0/files/file/{fileId}/history` (`{version, continueVersion}`) → `FileDto[]`:
/// `continueVersion: true` merges the revision that starts after `version` into the one before;
/// `false` on the current version makes it a revision of its own (a new version).
pub async fn change(
    Call { actor, portal, db }: Call,
    PathAndBody(FileInPath(id), req): PathAndBody<FileInPath, ChangeHistory>,
) -> ApiResult {
    let version = required_version(req.version, "ASC.Files.ApiModels.RequestDto.ChangeHistory")?;
    let cont = req.continue_version.unwrap_or(false);
    db.write(move |tx| {
        let f = entries::file(tx, id)?.ok_or_else(|| ApiError::NotFound(FILE_NOT_FOUND.into()))?;
        let target: Version =
            versions::get(tx, f.id, if version > 0 { version } else { f.version })?
                .ok_or_else(|| ApiError::NotFound(FILE_NOT_FOUND.into()))?;
        let (level, trash) = file_level(tx, &actor, &f)?;
        if !may_edit_history(level, &actor) {
            return Err(ApiError::AccessDenied);
        }
        if trash {
            return Err(ApiError::Internal(TRASH_ITEM.into()));
        }
        let current = versions::get(tx, f.id, f.version)?;
        if cont {
            if current.is_some_and(|c| c.version_group > 1) {
                versions::continue_version(tx, f.id, target.version)?;
            }
        } else if target.version == f.version {
            restore(tx, &actor, &f, target.version, true)?;
        }
        let f = load_file(tx, id)?;
        history(tx, &portal, &actor, &f)
    })
    .await
}

/// `UpdateComment`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateComment {
    version: Option<i64>,
    #[serde(default)]
    comment: Option<String>,
}

/// `PUT /api/2.0/files/file/{fileId}/comment` (`{version, comment}`) → the stored comment
/// (cut to 255 characters). Every refusal here is an `InvalidOperationException` (403).
pub async fn comment(
    State(state): State<AppState>,
    actor: Actor,
    PathAndBody(FileInPath(id), req): PathAndBody<FileInPath, UpdateComment>,
) -> ApiResult {
    let version = required_version(req.version, "ASC.Files.ApiModels.RequestDto.UpdateComment")?;
    let text = req.comment.unwrap_or_default();
    let v = state
        .db
        .write(move |tx| {
            let not_found = || ApiError::InvalidOperation(FILE_NOT_FOUND.into());
            let f = entries::file(tx, id)?.ok_or_else(not_found)?;
            versions::get(tx, f.id, version)?.ok_or_else(not_found)?;
            let (level, trash) = file_level(tx, &actor, &f)?;
            if !may_edit_history(level, &actor) {
                return Err(ApiError::InvalidOperation(EDIT_DENIED.into()));
            }
            if trash {
                return Err(ApiError::InvalidOperation(TRASH_ITEM.into()));
            }
            versions::set_comment(tx, f.id, version, &text)
        })
        .await?;
    Ok(Envelope::from_value(json!(v)))
}

/// `POST /api/2.0/files/file/{fileId}/restoreversion?version=N` → `EditHistoryDto[]` of the file.
pub async fn restore_version(
    Call { actor, db, .. }: Call,
    FileInPath(id): FileInPath,
    q: Query,
) -> ApiResult {
    let version = q.int("version")?.unwrap_or(0);
    if q.get("url").is_some_and(|u| !u.is_empty()) {
        return Err(ApiError::BadRequest(
            "This portal does not download content from other servers; restore without a url"
                .into(),
        ));
    }
    db.write(move |tx| {
        let f = entries::file(tx, id)?.ok_or_else(|| ApiError::NotFound(FILE_NOT_FOUND.into()))?;
        let f = restore(tx, &actor, &f, version, false)?;
        edit_history(tx, &f)
    })
    .await
}

/// `GET /api/2.0/files/file/{fileId}/edit/history` → `EditHistoryDto[]`, oldest first.
pub async fn edit_history_list(db: Store, actor: Actor, FileInPath(id): FileInPath) -> ApiResult {
    db.read(move |c| {
        let f = entries::file(c, id)?.ok_or_else(|| ApiError::NotFound(FILE_NOT_FOUND.into()))?;
        let (level, _) = file_level(c, &actor, &f)?;
        if !may_read_history(level, &actor) {
            return Err(ApiError::InvalidOperation(READ_DENIED.into()));
        }
        edit_history(c, &f)
    })
    .await
}

/// `EditHistoryDto`s (`FileDao.GetEditHistoryAsync`, ordered by version).
fn edit_history(conn: &Connection, f: &File) -> Result<Vec<Value>, ApiError> {
    let mut list = versions::list(conn, f.id)?;
    list.reverse();
    let ids: Vec<&str> = list.iter().map(|v| v.created_by.as_str()).collect();
    let users = crate::users::by_ids(conn, &ids)?;
    Ok(list
        .iter()
        .map(|v| {
            let name = users
                .get(&v.created_by)
                .map(|u| u.display_name())
                .unwrap_or_else(|| "Deleted user".into());
            json!({
                "id": f.id,
                "key": format!("{}_{}", f.id, v.version),
                "version": v.version,
                "versionGroup": v.version_group,
                "user": { "id": v.created_by, "name": name },
                "created": dto::date(&v.created),
                "changesHistory": null,
                "changes": [],
                "serverVersion": null,
            })
        })
        .collect())
}

/// `DeleteVersionBatchRequestDto`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeleteVersions {
    file_id: Option<fileops::EntryId>,
    versions: Option<Vec<i64>>,
    #[serde(default)]
    #[allow(dead_code)] // Reports are kept until pruned either way.
    delete_after: Option<bool>,
    #[serde(default)]
    #[allow(dead_code)] // One operation per request here.
    return_single_operation: Option<bool>,
}

/// `PUT /api/2.0/files/fileops/deleteversion` → `FileOperationDto[]`. The checks DocSpace makes
/// before starting (`DeletePermissionsCheck.CheckVersionPermissionsAsync`) answer as errors: no
/// file 404, the Archive or a Trash, the current version, or no right to delete the file 403.
pub async fn delete(
    Call { actor, portal, db }: Call,
    JsonBody(req): JsonBody<DeleteVersions>,
) -> ApiResult {
    let missing = |name: &str| {
        ApiError::field(
            "$",
            format!(
                "JSON deserialization for type 'ASC.Files.Core.ApiModels.RequestDto.DeleteVersionBatchRequestDto' was missing required properties including: '{name}'."
            ),
        )
    };
    let id = req.file_id.ok_or_else(|| missing("fileId"))?.int("File")?;
    let list = req.versions.ok_or_else(|| missing("versions"))?;
    db.write(move |tx| {
        if list.is_empty() {
            // DocSpace publishes an ordinary delete of the file, immediately (not to the
            // Trash), when the list is empty (`OperationController.DeleteFileVersions`
            // passes `immediately: true`; `FileDeleteOperation` deletes versions only when
            // there are some). Reproduced; the typed client refuses an empty list.
            let op = fileops::remove(tx, &actor, &[], &[id], true)?;
            return Ok(json!([op]));
        }
        let f = entries::file(tx, id)?.ok_or_else(|| ApiError::NotFound(FILE_NOT_FOUND.into()))?;
        let parent = resolve_folder(tx, &actor, &f.folder_id.to_string())?;
        let root = entries::folder_type_of(tx, parent.root_id)?;
        if matches!(root, Some(folder_type::ARCHIVE | folder_type::TRASH))
            || list.contains(&f.version)
        {
            return Err(ApiError::AccessDenied);
        }
        let level = permissions::folder_level(tx, &actor, &parent)?;
        if !level.may_modify(&actor, &f.owner_id) {
            return Err(ApiError::AccessDenied);
        }
        for v in &list {
            versions::delete(tx, f.id, *v)?;
        }
        let user = actor.user()?.id.clone();
        let f = load_file(tx, id)?;
        let file = dto::file(tx, &portal, &actor, &f)?;
        let op = fileops::record(tx, &user, fileops::OP_DELETE, vec![file], vec![], None)?;
        Ok(json!([op]))
    })
    .await
}
