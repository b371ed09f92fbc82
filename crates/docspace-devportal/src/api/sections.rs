//! The Recent and Favourites sections, marking favourites and recently opened files
//! (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/FoldersController.cs`
//! `GetRecentFolder`/`GetFavoritesFolder`, `products/ASC.Files/Server/Api/TagsController.cs`
//! `AddFavorites`/`DeleteFavorites`/`AddFileToRecent`, listed by `EntryManager.GetEntriesAsync`
//! in `products/ASC.Files/Core/Utils/EntryManager.cs`).
//!
//! Both sections are open to every signed-in user, guests included: `GlobalFolder.GetFolderRecentAsync`
//! and `GetFolderFavoritesAsync` only ask for authentication (`products/ASC.Files/Core/Helpers/Global.cs`),
//! unlike My documents. What they list is filtered by the caller's right to read each entry, and
//! entries in a Trash are left out (`FileDao.GetFilesByTagQuery`, `FolderDao.GetFoldersByTagAsync`).

use std::collections::HashMap;

use axum::extract::State;
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::{Value, json};

use super::dto;
use super::extract::{FileInPath, JsonBody, OptionalJsonBody, Paging, Query};
use super::fileops::EntryId;
use crate::api::Call;
use crate::db::entries::{self, File, Folder, folder_type};
use crate::db::marks::{self, EntryKind, Marks, Tag};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::permissions::{self, Actor, RoomAction};
use crate::state::AppState;

/// DocSpace's `FolderType.Favorites`.
const FAVORITES: i64 = 10;
/// DocSpace's `FolderType.Recent`.
const RECENT: i64 = 11;

/// Which virtual section a `GET files/{folderId}` names, if any (`@recent` and its older
/// spelling `recent`, `@favorites`).
pub fn section_of(raw: &str) -> Option<Tag> {
    match raw.to_ascii_lowercase().as_str() {
        "@recent" | "recent" => Some(Tag::Recent),
        "@favorites" => Some(Tag::Favorite),
        _ => None,
    }
}

/// `GET /api/2.0/files/@recent` and `@favorites` → `FolderContentDto`.
pub async fn contents(
    state: AppState,
    actor: Actor,
    portal: String,
    tag: Tag,
    q: Query,
) -> ApiResult {
    // Validates filterType, sortBy and the rest as a folder listing does.
    super::content_query::ContentQuery::parse(&q)?;
    let paging = Paging::from_query(&q)?;
    let search = q.get("filterValue").map(str::to_lowercase);
    let v = state
        .db
        .write(move |tx| {
            let user = actor.user()?.id.clone();
            let (kind, title) = match tag {
                Tag::Recent => (RECENT, "Recent"),
                Tag::Favorite => (FAVORITES, "Favorites"),
            };
            let section = entries::ensure_section(tx, kind, title, &user, true)?;
            let matches = |t: &str| search.as_ref().is_none_or(|s| t.to_lowercase().contains(s));
            // Recent lists files only (`EntryManager`: `GetFilesByTagAsync` alone).
            let folders: Vec<Folder> = match tag {
                Tag::Recent => Vec::new(),
                Tag::Favorite => marks::folders(tx, &user, tag)?
                    .into_iter()
                    .filter(|f| {
                        matches(&f.title) && readable_folder(tx, &actor, f).unwrap_or(false)
                    })
                    .collect(),
            };
            let files: Vec<File> = marks::files(tx, &user, tag)?
                .into_iter()
                .filter(|f| matches(&f.title) && readable_file(tx, &actor, f).unwrap_or(false))
                .collect();
            let folder_total = folders.len();
            let total = (folder_total + files.len()) as i64;
            let start = usize::try_from(paging.start).unwrap_or(usize::MAX);
            let count = usize::try_from(paging.count).unwrap_or(100);
            let page_folders: Vec<Folder> = folders.into_iter().skip(start).take(count).collect();
            let skip_files = start.saturating_sub(folder_total);
            let page_files: Vec<File> = files
                .into_iter()
                .skip(skip_files)
                .take(count - page_folders.len())
                .collect();
            let mut folder_values = dto::folders(tx, &portal, &actor, &page_folders)?;
            let mut file_values = file_values(tx, &portal, &actor, &page_files)?;
            for (v, f) in folder_values.iter_mut().zip(&page_folders) {
                insert_origin(tx, v, f.parent_id.unwrap_or(f.id))?;
            }
            for (v, f) in file_values.iter_mut().zip(&page_files) {
                insert_origin(tx, v, f.folder_id)?;
                restrict(v);
            }
            let shown = folder_values.len() + file_values.len();
            Ok(json!({
                "files": file_values,
                "folders": folder_values,
                "current": dto::folder(tx, &portal, &actor, &section)?,
                "pathParts": dto::path_parts(tx, &section)?,
                "startIndex": paging.start,
                "count": shown,
                "total": total,
                "new": 0,
            }))
        })
        .await?;
    Ok(Envelope::from_value(v))
}

fn in_trash(conn: &Connection, folder: &Folder) -> Result<bool, ApiError> {
    let root = if folder.root_id == folder.id {
        Some(folder.folder_type)
    } else {
        entries::folder_type_of(conn, folder.root_id)?
    };
    Ok(root == Some(folder_type::TRASH))
}

fn readable_folder(conn: &Connection, actor: &Actor, f: &Folder) -> Result<bool, ApiError> {
    Ok(!in_trash(conn, f)? && permissions::folder_level(conn, actor, f)?.allows(RoomAction::Read))
}

fn readable_file(conn: &Connection, actor: &Actor, f: &File) -> Result<bool, ApiError> {
    let Some(parent) = entries::folder(conn, f.folder_id)? else {
        return Ok(false);
    };
    Ok(!in_trash(conn, &parent)?
        && permissions::file_level(conn, actor, f.id, &parent)?.allows(RoomAction::Read))
}

/// `FileDto`s of files from several folders, in the order given.
fn file_values(
    conn: &Connection,
    portal: &str,
    actor: &Actor,
    list: &[File],
) -> Result<Vec<Value>, ApiError> {
    let mut by_parent: HashMap<i64, Vec<usize>> = HashMap::new();
    for (i, f) in list.iter().enumerate() {
        by_parent.entry(f.folder_id).or_default().push(i);
    }
    let mut out = vec![Value::Null; list.len()];
    for (parent_id, idx) in by_parent {
        let parent = entries::folder(conn, parent_id)?
            .ok_or_else(|| ApiError::NotFound("The folder could not be found".into()))?;
        let group: Vec<File> = idx.iter().map(|&i| list[i].clone()).collect();
        for (i, v) in idx
            .into_iter()
            .zip(dto::files(conn, portal, actor, &parent, &group)?)
        {
            out[i] = v;
        }
    }
    Ok(out)
}

/// What a file in Recent or Favourites may not do from there: DocSpace's `FileDtoHelper` clears
/// these actions, `canShare` and `order` for entries listed in those sections
/// (`products/ASC.Files/Core/ApiModels/ResponseDto/FileDto.cs`).
fn restrict(v: &mut Value) {
    const FORBIDDEN: [&str; 9] = [
        "FillForms",
        "Edit",
        "Duplicate",
        "Delete",
        "Lock",
        "CustomFilter",
        "Embed",
        "Rename",
        "CopyLink",
    ];
    if let Some(sec) = v.get_mut("security").and_then(Value::as_object_mut) {
        for a in FORBIDDEN {
            if sec.contains_key(a) {
                sec.insert(a.into(), json!(false));
            }
        }
    }
    v["canShare"] = json!(false);
    v["locked"] = json!(false);
    v["order"] = json!("");
}

/// `originId`/`originTitle` (the folder an entry lives in) and `originRoomId`/`originRoomTitle`
/// (its room, or the section root), which DocSpace's `GetFilesByTagQuery` fills in for Recent
/// and Favourites so the web UI can say where each entry is; My documents is titled "My documents".
fn insert_origin(conn: &Connection, v: &mut Value, folder_id: i64) -> Result<(), ApiError> {
    let Some(folder) = entries::folder(conn, folder_id)? else {
        return Ok(());
    };
    let top_id = folder.room_id.unwrap_or(folder.root_id);
    let top = if top_id == folder.id {
        Some(folder.clone())
    } else {
        entries::folder(conn, top_id)?
    };
    let title = |f: &Folder| {
        if f.folder_type == folder_type::USER {
            "My documents".to_string()
        } else {
            f.title.clone()
        }
    };
    v["originId"] = json!(folder.id);
    v["originTitle"] = json!(title(&folder));
    if let Some(t) = top {
        v["originRoomId"] = json!(t.id);
        v["originRoomTitle"] = json!(title(&t));
    }
    Ok(())
}

/// `BaseBatchRequestDto`: the entries to (un)mark.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct BatchIds {
    #[serde(default)]
    folder_ids: Vec<EntryId>,
    #[serde(default)]
    file_ids: Vec<EntryId>,
}

impl BatchIds {
    /// Ids that are not this portal's (strings that are not numbers) name nothing here and are
    /// skipped, as DocSpace skips ids it cannot find.
    fn ints(ids: &[EntryId]) -> Vec<i64> {
        ids.iter().filter_map(|i| i.int("Entry").ok()).collect()
    }

    fn from_query(q: &Query) -> BatchIds {
        let ids = |name| {
            q.all(name)
                .into_iter()
                .map(|s| EntryId::Str(s.to_string()))
                .collect()
        };
        BatchIds {
            folder_ids: ids("folderIds"),
            file_ids: ids("fileIds"),
        }
    }
}

/// The entries of `ids` the caller may read (DocSpace's `FilterReadAsync`: the others are left
/// alone without an error).
fn readable(
    conn: &Connection,
    actor: &Actor,
    ids: &BatchIds,
) -> Result<(Vec<i64>, Vec<i64>), ApiError> {
    let mut folders = Vec::new();
    for id in BatchIds::ints(&ids.folder_ids) {
        if let Some(f) = entries::folder(conn, id)?
            && permissions::folder_level(conn, actor, &f)?.allows(RoomAction::Read)
        {
            folders.push(id);
        }
    }
    let mut files = Vec::new();
    for id in BatchIds::ints(&ids.file_ids) {
        if let Some(f) = entries::file(conn, id)?
            && let Some(parent) = entries::folder(conn, f.folder_id)?
            && permissions::file_level(conn, actor, id, &parent)?.allows(RoomAction::Read)
        {
            files.push(id);
        }
    }
    Ok((folders, files))
}

/// `POST /api/2.0/files/favorites` → `true`.
pub async fn add_favorites(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(ids): JsonBody<BatchIds>,
) -> ApiResult {
    state
        .db
        .write(move |tx| {
            let user = actor.user()?.id.clone();
            let (folders, files) = readable(tx, &actor, &ids)?;
            Marks::new(&user, Tag::Favorite, EntryKind::Folder).add(tx, &folders)?;
            Marks::new(&user, Tag::Favorite, EntryKind::File).add(tx, &files)
        })
        .await?;
    Ok(Envelope::ok(json!(true)))
}

/// `DELETE /api/2.0/files/favorites` → `true`; the ids come in a JSON body or, without one, in
/// the query (`DeleteFavoritesFromBody`, `DeleteFavoritesFromQuery`).
pub async fn remove_favorites(
    State(state): State<AppState>,
    actor: Actor,
    q: Query,
    OptionalJsonBody(body): OptionalJsonBody<BatchIds>,
) -> ApiResult {
    let ids = body.unwrap_or_else(|| BatchIds::from_query(&q));
    state
        .db
        .write(move |tx| {
            let user = actor.user()?.id.clone();
            let (folders, files) = readable(tx, &actor, &ids)?;
            Marks::new(&user, Tag::Favorite, EntryKind::Folder).remove(tx, &folders)?;
            Marks::new(&user, Tag::Favorite, EntryKind::File).remove(tx, &files)
        })
        .await?;
    Ok(Envelope::ok(json!(true)))
}

/// `POST /api/2.0/files/file/{fileId}/recent` → `FileDto`: what DocSpace's editor page calls
/// when it opens a file (`addFileToRecentlyViewed` in the DocSpace web client).
pub async fn add_recent(Call { actor, portal, db }: Call, FileInPath(id): FileInPath) -> ApiResult {
    db.write(move |tx| {
        let user = actor.user()?.id.clone();
        let f =
            entries::file(tx, id)?.ok_or_else(|| ApiError::NotFound("File not found".into()))?;
        let parent = entries::folder(tx, f.folder_id)?
            .ok_or_else(|| ApiError::NotFound("File not found".into()))?;
        permissions::file_level(tx, &actor, f.id, &parent)?.require(RoomAction::Read)?;
        Marks::new(&user, Tag::Recent, EntryKind::File).add(tx, &[f.id])?;
        dto::file(tx, &portal, &actor, &f)
    })
    .await
}

/// Marks a downloaded file recent where DocSpace's file handler does (`TryMarkAsRecent` in
/// `products/ASC.Files/Core/HttpHandlers/FileHandler.ashx.cs`): for a signed-in user, and only
/// files no editor opens (images, media and the like), since the editor marks the others; the
/// caller checks both before taking the write lock.
pub fn mark_downloaded(conn: &Connection, actor: &Actor, f: &File) -> Result<(), ApiError> {
    let Some(user) = &actor.user else {
        return Ok(());
    };
    Marks::new(&user.id, Tag::Recent, EntryKind::File).add(conn, &[f.id])
}
