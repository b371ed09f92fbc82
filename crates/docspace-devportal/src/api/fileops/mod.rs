//! File operations: `PUT /api/2.0/files/fileops/{copy,move,delete}` and their polling through
//! `GET /api/2.0/files/fileops` (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/OperationController.cs`).
//!
//! Each operation runs inside the request's transaction, so when the answer arrives it has either
//! happened completely or not at all; its report (`FileOperationDto`, `finished: true`) is stored
//! and returned by the polling endpoints exactly as DocSpace's clients expect to find it.

use axum::extract::{Path, State};
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::{Value, json};

use super::extract::{JsonBody, Query, parse_enum};
use super::{Portal, dto};
use crate::auth::Caller;
use crate::db::entries::{self, File, Folder, folder_type};
use crate::db::operations;
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::permissions::{self, Actor, Level, RoomAction};
use crate::state::AppState;

/// `FileOperationType.Move`.
pub const OP_MOVE: i64 = 0;
/// `FileOperationType.Copy`.
pub const OP_COPY: i64 = 1;
/// `FileOperationType.Delete`.
pub const OP_DELETE: i64 = 2;
/// `FileOperationType.Download`.
pub const OP_DOWNLOAD: i64 = 3;

const OP_NAMES: &[(&str, i64)] = &[
    ("Move", 0),
    ("Copy", 1),
    ("Delete", 2),
    ("Download", 3),
    ("MarkAsRead", 4),
    ("Import", 5),
    ("Convert", 6),
    ("Duplicate", 7),
];

/// Stores a finished operation's report and returns it as a `FileOperationDto`.
pub fn record(
    conn: &Connection,
    user: &str,
    op_type: i64,
    files: Vec<Value>,
    folders: Vec<Value>,
    error: Option<String>,
) -> Result<Value, ApiError> {
    record_with_url(conn, user, op_type, files, folders, error, None)
}

/// [`record`] with the operation's result `url` (a download's archive).
pub fn record_with_url(
    conn: &Connection,
    user: &str,
    op_type: i64,
    files: Vec<Value>,
    folders: Vec<Value>,
    error: Option<String>,
    url: Option<String>,
) -> Result<Value, ApiError> {
    let processed = files.len() + folders.len();
    let mut v = json!({
        "id": uuid::Uuid::new_v4().to_string(),
        "Operation": op_type,
        "progress": 100,
        "error": error.clone().unwrap_or_default(),
        "processed": processed.to_string(),
        "finished": true,
        "files": files,
        "folders": folders,
        "status": if error.is_some() { 4 } else { 2 },
    });
    if let Some(u) = url {
        v["url"] = json!(u);
    }
    operations::prune(conn)?;
    operations::save(
        conn,
        v["id"].as_str().unwrap_or_default(),
        user,
        op_type,
        &v,
    )?;
    Ok(v)
}

/// `GET /api/2.0/files/fileops` (`?id=` filters).
pub async fn list(State(state): State<AppState>, caller: Caller, q: Query) -> ApiResult {
    let id = q.get("id").map(str::to_string);
    let v = state
        .db
        .read(move |c| operations::list(c, &caller.user.id, None, id.as_deref()))
        .await?;
    Ok(Envelope::ok(v))
}

/// `GET /api/2.0/files/fileops/{operationType}`.
pub async fn list_of_type(
    State(state): State<AppState>,
    caller: Caller,
    Path(op): Path<String>,
    q: Query,
) -> ApiResult {
    let t = parse_enum(&op, OP_NAMES)
        .ok_or_else(|| ApiError::NotFound(format!("Unknown operation type {op}")))?;
    let id = q.get("id").map(str::to_string);
    let v = state
        .db
        .read(move |c| operations::list(c, &caller.user.id, Some(t), id.as_deref()))
        .await?;
    Ok(Envelope::ok(v))
}

/// An id that may be a JSON number or a numeric string.
#[derive(Deserialize, Clone)]
#[serde(untagged)]
pub enum EntryId {
    /// `5`.
    Int(i64),
    /// `"5"` (third-party ids are strings; this portal has none).
    Str(String),
}

impl EntryId {
    /// The internal id, or 404.
    pub fn int(&self, what: &str) -> Result<i64, ApiError> {
        match self {
            EntryId::Int(n) if *n > 0 => Ok(*n),
            EntryId::Str(s) => super::extract::int_id(s, what),
            _ => Err(ApiError::NotFound(format!("{what} not found"))),
        }
    }
}

/// `BatchRequestDto` (copy, move) and `DeleteBatchRequestDto`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct BatchRequest {
    #[serde(default)]
    folder_ids: Vec<EntryId>,
    #[serde(default)]
    file_ids: Vec<EntryId>,
    #[serde(default)]
    dest_folder_id: Option<EntryId>,
    #[serde(default)]
    conflict_resolve_type: Option<Value>,
    #[serde(default)]
    #[allow(dead_code)] // Operations finish inside the request.
    delete_after: Option<bool>,
    #[serde(default)]
    immediately: Option<bool>,
    #[serde(default)]
    return_single_operation: Option<bool>,
}

/// `FileConflictResolveType`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Conflict {
    Skip,
    Overwrite,
    Duplicate,
}

fn conflict(v: Option<&Value>) -> Result<Conflict, ApiError> {
    let n = match v {
        None | Some(Value::Null) => Some(0),
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => parse_enum(s, &[("Skip", 0), ("Overwrite", 1), ("Duplicate", 2)]),
        Some(_) => None,
    };
    match n {
        Some(0) => Ok(Conflict::Skip),
        Some(1) => Ok(Conflict::Overwrite),
        Some(2) => Ok(Conflict::Duplicate),
        _ => Err(ApiError::field(
            "ConflictResolveType",
            "The value is not a valid FileConflictResolveType.",
        )),
    }
}

/// `PUT /api/2.0/files/fileops/move` (its own route: `GET` on it is the clash check).
pub async fn start_move(
    state: State<AppState>,
    caller: Caller,
    portal: Portal,
    body: JsonBody<BatchRequest>,
) -> ApiResult {
    start(state, caller, portal, Path("move".into()), body).await
}

/// `PUT /api/2.0/files/fileops/{copy|move|delete}`.
pub async fn start(
    State(state): State<AppState>,
    caller: Caller,
    Portal(portal): Portal,
    Path(op): Path<String>,
    JsonBody(req): JsonBody<BatchRequest>,
) -> ApiResult {
    let op = op.to_ascii_lowercase();
    let op_type = match op.as_str() {
        "copy" => OP_COPY,
        "move" => OP_MOVE,
        "delete" => OP_DELETE,
        _ => return Err(ApiError::NotFound(format!("Unknown operation {op}"))),
    };
    let folder_ids = req
        .folder_ids
        .iter()
        .map(|i| i.int("Folder"))
        .collect::<Result<Vec<_>, _>>()?;
    let file_ids = req
        .file_ids
        .iter()
        .map(|i| i.int("File"))
        .collect::<Result<Vec<_>, _>>()?;
    let resolve = conflict(req.conflict_resolve_type.as_ref())?;
    let dest = match (&req.dest_folder_id, op_type) {
        (Some(d), OP_COPY | OP_MOVE) => Some(d.int("Folder")?),
        (None, OP_COPY | OP_MOVE) => {
            return Err(ApiError::field(
                "DestFolderId",
                "The DestFolderId field is required.",
            ));
        }
        _ => None,
    };
    let immediately = req.immediately.unwrap_or(false);
    let single = req.return_single_operation.unwrap_or(false);
    let actor = Actor::signed_in(caller.user.clone());
    let v = state
        .db
        .write(move |tx| {
            let report = match dest {
                Some(d) => transfer(
                    tx,
                    &actor,
                    &portal,
                    op_type,
                    &folder_ids,
                    &file_ids,
                    d,
                    resolve,
                )?,
                None => remove(tx, &actor, &folder_ids, &file_ids, immediately)?,
            };
            // Operations finish inside the request, so "all active operations" is just this one.
            let _ = single;
            Ok(json!([report]))
        })
        .await?;
    Ok(Envelope::from_value(v))
}

/// `PUT /api/2.0/files/fileops/emptytrash`: deletes for good everything in the caller's Trash
/// (`OperationController.EmptyTrash`: the Trash's content, deleted immediately). Its body
/// (`EmptyTrashRequestDto`, only `single`) changes nothing here: operations finish inside the
/// request, so the answer is this one alone.
pub async fn empty_trash(State(state): State<AppState>, caller: Caller) -> ApiResult {
    let actor = Actor::signed_in(caller.user.clone());
    let v = state
        .db
        .write(move |tx| {
            let user = actor.user()?;
            let trash = entries::ensure_section(tx, folder_type::TRASH, "Trash", &user.id, false)?;
            let (folders, files, _) =
                entries::children(tx, trash.id, &entries::ListFilter::default(), 0, i64::MAX)?;
            let folder_ids: Vec<i64> = folders.iter().map(|f| f.id).collect();
            let file_ids: Vec<i64> = files.iter().map(|f| f.id).collect();
            Ok(json!([remove(tx, &actor, &folder_ids, &file_ids, true)?]))
        })
        .await?;
    Ok(Envelope::from_value(v))
}

fn load_folder(conn: &Connection, id: i64) -> Result<Folder, ApiError> {
    entries::folder(conn, id)?
        .ok_or_else(|| ApiError::NotFound("The folder could not be found".into()))
}

fn load_file(conn: &Connection, id: i64) -> Result<File, ApiError> {
    entries::file(conn, id)?.ok_or_else(|| ApiError::NotFound("The file could not be found".into()))
}

#[allow(clippy::too_many_arguments)]
fn transfer(
    tx: &Connection,
    actor: &Actor,
    portal: &str,
    op_type: i64,
    folder_ids: &[i64],
    file_ids: &[i64],
    dest_id: i64,
    resolve: Conflict,
) -> Result<Value, ApiError> {
    let user = actor.user()?.id.clone();
    let dest = load_folder(tx, dest_id)?;
    if matches!(
        dest.folder_type,
        folder_type::VIRTUAL_ROOMS | folder_type::ARCHIVE | folder_type::TRASH
    ) {
        return Err(ApiError::InvalidOperation(
            "Files cannot be placed in this folder".into(),
        ));
    }
    permissions::folder_level(tx, actor, &dest)?.require(RoomAction::Create)?;
    let run = Transfer {
        tx,
        actor,
        user: user.clone(),
        copy: op_type == OP_COPY,
        resolve,
    };
    // Folders first, then files, as `FileMoveCopyOperation.DoAsync` runs them.
    let mut out_folders = Vec::new();
    for id in folder_ids {
        let f = load_folder(tx, *id)?;
        if entries::subtree(tx, f.id)?.contains(&dest.id) {
            return Err(ApiError::InvalidOperation(
                "The destination folder is a subfolder of the source folder".into(),
            ));
        }
        out_folders.extend(run.folder(&f, &dest)?);
    }
    let mut out_files = Vec::new();
    for id in file_ids {
        let f = load_file(tx, *id)?;
        out_files.extend(run.file(&f, &dest)?);
    }
    let dest = load_folder(tx, dest.id)?;
    let files = dto::files(tx, portal, actor, &dest, &out_files)?;
    let folders = dto::folders(tx, portal, actor, &out_folders)?;
    record(tx, &user, op_type, files, folders, None)
}

/// One copy or move, entry by entry, as DocSpace's `FileMoveCopyOperation`
/// (ONLYOFFICE/DocSpace-server:
/// `products/ASC.Files/Core/Services/WCFService/FileOperations/FileMoveCopyOperation.cs`,
/// `MoveOrCopyFoldersAsync` and `MoveOrCopyFilesAsync`) does it on the portal's own storage.
struct Transfer<'a> {
    tx: &'a Connection,
    actor: &'a Actor,
    user: String,
    copy: bool,
    resolve: Conflict,
}

impl Transfer<'_> {
    /// The right to copy or move `f` itself, which DocSpace checks for every file it handles,
    /// those inside a merged folder too (`CheckFilesPermissionsAsync`).
    fn may_take_file(&self, f: &File) -> Result<(), ApiError> {
        let parent = load_folder(self.tx, f.folder_id)?;
        let level = permissions::folder_level(self.tx, self.actor, &parent)?;
        self.may_take(level, &f.owner_id)
    }

    /// The same for a folder (`CheckFoldersPermissionsAsync`); rooms and sections are not
    /// copied or moved here.
    fn may_take_folder(&self, f: &Folder) -> Result<(), ApiError> {
        if f.is_room() || f.parent_id.is_none() {
            return Err(ApiError::InvalidOperation(
                "Rooms and sections cannot be copied or moved here".into(),
            ));
        }
        let level = permissions::folder_level(self.tx, self.actor, f)?;
        self.may_take(level, &f.owner_id)
    }

    /// Copying needs `Copy` where the entry is: DocSpace's `CanCopyAsync` lets a DocSpace admin
    /// who is not a member read a room's files but not copy them out (`FileSecurity.cs`,
    /// `case FilesSecurityActions.Copy`). Moving needs the right to change the entry of `owner`.
    fn may_take(&self, level: Level, owner: &str) -> Result<(), ApiError> {
        if self.copy {
            level.require(RoomAction::Copy)
        } else if level.may_modify(self.actor, owner) {
            Ok(())
        } else {
            Err(ApiError::AccessDenied)
        }
    }

    /// Copies or moves a file into `dest`; the file that results, if any.
    ///
    /// `MoveOrCopyFilesAsync`: with Duplicate the destination is not searched, so a copy gets
    /// the first free title (`FileDao.CopyFileAsync`, `GetAvailableTitleAsync`) and a move keeps
    /// its own (`FileDao.MoveFileAsync` renames nothing). Otherwise a file of the same title is
    /// overwritten (a new version of it with the source's content; a moved source is then
    /// deleted, unless it was that very file) or, with Skip, left alone.
    fn file(&self, f: &File, dest: &Folder) -> Result<Option<File>, ApiError> {
        self.may_take_file(f)?;
        let clash = match self.resolve {
            Conflict::Duplicate => None,
            _ => entries::file_by_title(self.tx, dest.id, &f.title)?,
        };
        let user = &self.user;
        Ok(match (clash, self.resolve) {
            (None, _) if self.copy => {
                let t = entries::unique_file_title(self.tx, dest.id, &f.title)?;
                Some(entries::copy_file(self.tx, f, dest.id, &t, user)?)
            }
            (None, _) => {
                entries::move_file(self.tx, f.id, dest.id, user)?;
                Some(load_file(self.tx, f.id)?)
            }
            (Some(old), Conflict::Overwrite) => {
                let data = entries::content(self.tx, f.id, None)?.unwrap_or_default();
                let updated = entries::add_version(self.tx, old.id, user, &data)?;
                if !self.copy && f.folder_id != dest.id {
                    entries::delete_file(self.tx, f.id)?;
                }
                Some(updated)
            }
            (Some(_), _) => None,
        })
    }

    /// Copies or moves a folder into `dest`; the folder to report, if any.
    ///
    /// `MoveOrCopyFoldersAsync`: a folder already in `dest` is left alone unless the type is
    /// Duplicate. A folder of the same title in `dest` is merged into: what the source holds
    /// is copied or moved into it, file by file and folder by folder, each clash resolved by
    /// the same type ("if destination folder contains folder with same name then merge
    /// folders"); with Duplicate only a folder copied or moved within its own parent meets one,
    /// and then it goes into a new folder with the first free title. A copy without a clash
    /// goes into a new folder (`FolderDao.CopyFolderAsync`, the first free title) the same way;
    /// a move without one moves the folder as it is, keeping its title
    /// (`FolderDao.MoveFolderAsync`). A moved source emptied by a merge is deleted; one that
    /// still holds something (what Skip left) stays, and is not reported.
    fn folder(&self, f: &Folder, dest: &Folder) -> Result<Option<Folder>, ApiError> {
        self.may_take_folder(f)?;
        let in_dest = f.parent_id == Some(dest.id);
        if in_dest && self.resolve != Conflict::Duplicate {
            return Ok(None);
        }
        let clash = if !in_dest && self.resolve == Conflict::Duplicate {
            None
        } else {
            entries::folder_by_title(self.tx, dest.id, &f.title)?
        };
        let target = match clash {
            None if !self.copy => {
                entries::move_folder(self.tx, f.id, dest, &self.user)?;
                return Ok(Some(load_folder(self.tx, f.id)?));
            }
            Some(c) if self.resolve != Conflict::Duplicate => c,
            Some(c) => self.new_folder(dest, &c.title)?,
            None => self.new_folder(dest, &f.title)?,
        };
        let (folders, files, _) =
            entries::children(self.tx, f.id, &entries::ListFilter::default(), 0, i64::MAX)?;
        for file in &files {
            self.file(file, &target)?;
        }
        for sub in &folders {
            self.folder(sub, &target)?;
        }
        if !self.copy {
            if !entries::is_empty(self.tx, f.id)? {
                return Ok(None);
            }
            entries::delete_folder(self.tx, f.id)?;
        }
        Ok(Some(load_folder(self.tx, target.id)?))
    }

    /// An empty folder in `dest` titled `title`, or the first free title after it.
    fn new_folder(&self, dest: &Folder, title: &str) -> Result<Folder, ApiError> {
        let title = entries::unique_folder_title(self.tx, dest.id, title)?;
        entries::insert_folder(
            self.tx,
            dest,
            &entries::NewFolder {
                title,
                folder_type: folder_type::DEFAULT,
                room_type: None,
                owner_id: self.user.clone(),
            },
        )
    }
}

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
