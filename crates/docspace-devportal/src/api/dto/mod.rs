//! DocSpace's response DTOs (`FolderDto`, `FileDto`, `FolderContentDto`, `FileShareDto`, …) built
//! from rows, with every per-entry look-up batched so a page of 100 rooms costs a fixed number of
//! queries.

use std::collections::HashMap;

use rusqlite::Connection;
use serde_json::{Map, Value, json};

use super::file_links::{FileSharing, file_accesses};
use crate::db::entries::{self, File, Folder, folder_type};
use crate::db::links::Link;
use crate::db::marks::{self, EntryKind, Tag};
use crate::db::{members, rooms};
use crate::envelope::ApiError;
use crate::permissions::{self, Actor, Level, RoomAction};
use crate::time::{api_datetime, parse_db_time};
use crate::users::{self, User};

/// Formats a stored time as an `ApiDateTime`.
pub fn date(stored: &str) -> String {
    api_datetime(parse_db_time(stored))
}

/// The `EmployeeDto` of a user id (a placeholder for a deleted user).
pub fn employee(portal: &str, users: &HashMap<String, User>, id: &str) -> Value {
    match users.get(id) {
        Some(u) => u.to_dto(portal),
        None => {
            json!({ "id": id, "displayName": "Deleted user", "hasAvatar": false, "isAnonim": false })
        }
    }
}

/// Loads every user the entries mention.
fn users_of<'a>(
    conn: &Connection,
    ids: impl Iterator<Item = &'a str>,
) -> Result<HashMap<String, User>, ApiError> {
    let mut ids: Vec<&str> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    users::by_ids(conn, &ids)
}

/// `FileType` from a title's extension.
pub fn file_type(title: &str) -> i64 {
    let ext = entries::split_ext(title).1.to_ascii_lowercase();
    match ext.as_str() {
        ".docx" | ".doc" | ".odt" | ".rtf" | ".txt" | ".md" | ".html" | ".htm" | ".docm"
        | ".dotx" | ".epub" => 7,
        ".xlsx" | ".xls" | ".ods" | ".csv" | ".xlsm" => 5,
        ".pptx" | ".ppt" | ".odp" | ".pptm" => 6,
        ".pdf" => 10,
        ".png" | ".jpg" | ".jpeg" | ".gif" | ".bmp" | ".svg" | ".webp" | ".tiff" => 4,
        ".mp4" | ".webm" | ".avi" | ".mov" | ".mkv" => 2,
        ".mp3" | ".wav" | ".ogg" | ".m4a" | ".flac" => 3,
        ".zip" | ".rar" | ".7z" | ".tar" | ".gz" => 1,
        ".vsdx" | ".vsd" => 11,
        _ => 0,
    }
}

/// Whether the editor page opens this file (documents, spreadsheets, presentations, PDF, text).
pub fn opens_in_editor(title: &str) -> bool {
    matches!(file_type(title), 5 | 6 | 7 | 10 | 11)
}

/// DocSpace's human size: `512 bytes`, `14.2 KB`, `1.5 MB`.
pub fn human_size(bytes: i64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut v = bytes as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s} {}", UNITS[unit])
}

/// The download URL of a file (`viewUrl`).
pub fn view_url(portal: &str, id: i64) -> String {
    format!("{portal}/filehandler.ashx?action=download&fileid={id}")
}

/// The browser URL of a file (`webUrl`).
pub fn web_url(portal: &str, f: &File) -> String {
    if opens_in_editor(&f.title) {
        format!("{portal}/doceditor?fileid={}&version={}", f.id, f.version)
    } else {
        view_url(portal, f.id)
    }
}

/// DocSpace's `security` of a folder or room (`FileSecurity.GetSecurityAsync`): a DocSpace admin
/// who is not a member gets only what the `isDocSpaceAdmin` branch grants (Read, Download, and for
/// a room Copy and Duplicate unless downloads are denied, Move to the archive, Pin, ChangeOwner,
/// IndexExport); every other flag comes from membership (`Level::as_member`).
fn folder_security(level: Level, actor: &Actor, f: &Folder) -> Value {
    let member = level.as_member();
    let read = level.allows(RoomAction::Read);
    let create = member.allows(RoomAction::Create) && !matches!(level, Level::Section);
    let modify = level.may_modify(actor, &f.owner_id);
    let room = f.is_room();
    let manage = level.allows(RoomAction::ManageAccess) && room;
    let edit_room = level.allows(RoomAction::EditRoom) && room;
    let oversight = level.is_oversight_only();
    // The admin branch copies a room only when its files may be downloaded.
    let copy_room = room && oversight && !f.deny_download && read;
    let download = level.allows(RoomAction::Download)
        && !(room && f.deny_download && !level.is_room_manager());
    json!({
        "Read": read,
        "Create": create,
        "Delete": if room { level.allows(RoomAction::DeleteRoom) } else { modify },
        "EditRoom": edit_room,
        "Rename": if room { edit_room } else { modify },
        "CopyTo": create,
        "Copy": if oversight { copy_room } else { level.allows(RoomAction::Copy) },
        "MoveTo": create,
        "Move": if room { level.allows(RoomAction::Archive) } else { modify },
        "Pin": room && level.allows(RoomAction::Pin),
        "Mute": room && member.allows(RoomAction::Pin),
        "EditAccess": manage,
        "Duplicate": create || copy_room,
        "Download": download,
        "CopySharedLink": manage,
        "ReadHistory": member.allows(RoomAction::EditContent),
        "ChangeOwner": room && level.allows(RoomAction::ChangeOwner),
        "IndexExport": room && f.indexing && (level.is_room_manager() || oversight),
        "Embed": manage,
    })
}

/// DocSpace's `security` of a file; as for folders, an admin who is not a member reads,
/// downloads and copies the link (`CopyLink` is granted to `isDocSpaceAdmin` outright).
fn file_security(level: Level, actor: &Actor, f: &File, deny_download: bool) -> Value {
    let member = level.as_member();
    let read = level.allows(RoomAction::Read);
    let member_read = member.allows(RoomAction::Read);
    let modify = level.may_modify(actor, &f.owner_id);
    let manager = level.is_room_manager();
    json!({
        "Read": read,
        "Comment": member_read,
        "FillForms": member_read,
        "Review": member.allows(RoomAction::EditContent),
        "Edit": member.allows(RoomAction::EditContent),
        "Delete": modify,
        "CustomFilter": false,
        "Rename": modify,
        "ReadHistory": crate::api::versions::may_read_history(level, actor),
        "Lock": modify,
        "EditHistory": crate::api::versions::may_edit_history(level, actor),
        "Copy": level.allows(RoomAction::Copy),
        "Move": modify,
        "Duplicate": member.allows(RoomAction::Create),
        "Download": level.allows(RoomAction::Download) && (!deny_download || manager),
        "Convert": member.allows(RoomAction::Create),
        "CopyLink": read,
        "Embed": manager,
    })
}

fn logo(f: &Folder) -> Value {
    let mut logo = json!({ "original": "", "large": "", "medium": "", "small": "" });
    if let Some(c) = &f.color {
        logo["color"] = json!(c);
    }
    if let Some(c) = &f.cover {
        logo["cover"] = json!({ "id": c, "data": crate::api::rooms::cover_svg(c) });
    }
    logo
}

/// Everything a page of folders needs besides the rows, loaded in a few batched queries.
struct FolderBatch {
    counts: HashMap<i64, (i64, i64)>,
    tags: HashMap<i64, Vec<String>>,
    pinned: std::collections::HashSet<i64>,
    used: HashMap<i64, i64>,
    shared: std::collections::HashSet<i64>,
    access: HashMap<i64, i64>,
    rooms: HashMap<i64, Folder>,
    roots: HashMap<i64, Folder>,
    users: HashMap<String, User>,
    origins: Origins,
    favorites: std::collections::HashSet<i64>,
}

/// The folders entries in the Trash were deleted from, and their rooms, by id.
#[derive(Default)]
struct Origins(HashMap<i64, Folder>);

impl Origins {
    fn load(conn: &Connection, ids: impl Iterator<Item = i64>) -> Result<Origins, ApiError> {
        let mut ids: Vec<i64> = ids.collect();
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() {
            return Ok(Origins::default());
        }
        let mut map: HashMap<i64, Folder> = entries::folders_by_ids(conn, &ids)?
            .into_iter()
            .map(|f| (f.id, f))
            .collect();
        let rooms: Vec<i64> = map
            .values()
            .filter_map(|f| f.room_id)
            .filter(|r| !map.contains_key(r))
            .collect();
        for r in entries::folders_by_ids(conn, &rooms)? {
            map.insert(r.id, r);
        }
        Ok(Origins(map))
    }

    /// `originId`, `originTitle`, `originRoomId` and `originRoomTitle`, which DocSpace sets on
    /// entries in the Trash so its web UI can say where each came from and restore it there
    /// (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Core/ApiModels/ResponseDto/FileEntryDto.cs`).
    fn insert(&self, v: &mut Map<String, Value>, origin: Option<i64>) {
        let Some(id) = origin else { return };
        v.insert("originId".into(), json!(id));
        if let Some(f) = self.0.get(&id) {
            v.insert("originTitle".into(), json!(f.title));
            if let Some(room) = f.room_id.and_then(|r| self.0.get(&r)) {
                v.insert("originRoomId".into(), json!(room.id));
                v.insert("originRoomTitle".into(), json!(room.title));
            }
        }
    }
}

fn load_batch(
    conn: &Connection,
    actor: &Actor,
    folders: &[Folder],
) -> Result<FolderBatch, ApiError> {
    let ids: Vec<i64> = folders.iter().map(|f| f.id).collect();
    let room_ids: Vec<i64> = folders
        .iter()
        .filter(|f| f.is_room())
        .map(|f| f.id)
        .collect();
    let mut other_rooms: Vec<i64> = folders
        .iter()
        .filter_map(|f| f.room_id)
        .filter(|r| !room_ids.contains(r))
        .collect();
    other_rooms.sort_unstable();
    other_rooms.dedup();
    let mut rooms: HashMap<i64, Folder> = folders
        .iter()
        .filter(|f| f.is_room())
        .map(|f| (f.id, f.clone()))
        .collect();
    for r in entries::folders_by_ids(conn, &other_rooms)? {
        rooms.insert(r.id, r);
    }
    let mut root_ids: Vec<i64> = folders.iter().map(|f| f.root_id).collect();
    root_ids.sort_unstable();
    root_ids.dedup();
    let roots = entries::folders_by_ids(conn, &root_ids)?
        .into_iter()
        .map(|f| (f.id, f))
        .collect();
    let all_rooms: Vec<i64> = rooms.keys().copied().collect();
    let access = match &actor.user {
        Some(u) => members::access_in(conn, &u.id, &all_rooms)?,
        None => HashMap::new(),
    };
    let users = users_of(
        conn,
        folders
            .iter()
            .flat_map(|f| [f.owner_id.as_str(), f.updated_by.as_str()]),
    )?;
    Ok(FolderBatch {
        counts: entries::child_counts(conn, &ids)?,
        tags: rooms::tags_of(conn, &room_ids)?,
        pinned: rooms::pinned_of(conn, actor.id(), &room_ids)?,
        used: rooms::used_space_of(conn, &room_ids)?,
        shared: rooms::shared_of(conn, &room_ids)?,
        access,
        rooms,
        roots,
        users,
        origins: Origins::load(conn, folders.iter().filter_map(|f| f.origin_id))?,
        favorites: marks::marked_among(conn, actor.id(), Tag::Favorite, EntryKind::Folder, &ids)?,
    })
}

fn level_from_batch(actor: &Actor, f: &Folder, b: &FolderBatch) -> Level {
    if let Some(room_id) = f.room_id {
        let Some(room) = b.rooms.get(&room_id) else {
            return Level::None;
        };
        let archived = b
            .roots
            .get(&room.root_id)
            .is_some_and(|r| r.folder_type == folder_type::ARCHIVE);
        let member = b.access.get(&room_id).copied();
        return permissions::level_in_room(actor, room, member, archived);
    }
    match b.roots.get(&f.root_id) {
        Some(root)
            if matches!(
                root.folder_type,
                folder_type::VIRTUAL_ROOMS | folder_type::ARCHIVE
            ) =>
        {
            if actor.user.is_some() {
                Level::Section
            } else {
                Level::None
            }
        }
        Some(root) if actor.user.as_ref().is_some_and(|u| u.id == root.owner_id) => Level::Personal,
        _ => Level::None,
    }
}

fn folder_value(portal: &str, actor: &Actor, f: &Folder, b: &FolderBatch) -> Value {
    let level = level_from_batch(actor, f, b);
    let (files, folders) = b.counts.get(&f.id).copied().unwrap_or_default();
    let root_type = b
        .roots
        .get(&f.root_id)
        .map(|r| r.folder_type)
        .unwrap_or(f.folder_type);
    let mut v = Map::new();
    v.insert("parentId".into(), json!(f.parent_id.unwrap_or(0)));
    v.insert("filesCount".into(), json!(files));
    v.insert("foldersCount".into(), json!(folders));
    v.insert(
        "isShareable".into(),
        json!(f.is_room() && level.allows(RoomAction::ManageAccess)),
    );
    v.insert("new".into(), json!(0));
    v.insert("mute".into(), json!(false));
    if f.is_room() {
        v.insert(
            "tags".into(),
            json!(b.tags.get(&f.id).cloned().unwrap_or_default()),
        );
        v.insert("logo".into(), logo(f));
        v.insert("pinned".into(), json!(b.pinned.contains(&f.id)));
        v.insert("roomType".into(), json!(f.room_type));
        v.insert("private".into(), json!(f.private));
        v.insert("indexing".into(), json!(f.indexing));
        v.insert("denyDownload".into(), json!(f.deny_download));
        if let Some(l) = f
            .lifetime
            .as_deref()
            .and_then(|s| serde_json::from_str::<Value>(s).ok())
        {
            v.insert("lifetime".into(), l);
        }
        if let Some(w) = f
            .watermark
            .as_deref()
            .and_then(|s| serde_json::from_str::<Value>(s).ok())
        {
            v.insert("watermark".into(), w);
        }
        v.insert("quotaLimit".into(), json!(f.quota));
        v.insert("isCustomQuota".into(), json!(f.quota != -2));
        v.insert(
            "usedSpace".into(),
            json!(b.used.get(&f.id).copied().unwrap_or(0)),
        );
        v.insert("shared".into(), json!(b.shared.contains(&f.id)));
    } else {
        v.insert("shared".into(), json!(false));
    }
    if let Some(room) = f.room_id.and_then(|r| b.rooms.get(&r)) {
        if !f.is_room() {
            v.insert(
                "parentRoomType".into(),
                json!(folder_type::of_room(room.room_type.unwrap_or(5))),
            );
        }
        v.insert("inRoom".into(), json!(true));
        v.insert("rootRoomType".into(), json!(room.room_type));
    }
    v.insert("type".into(), json!(f.folder_type));
    v.insert("id".into(), json!(f.id));
    v.insert("rootFolderId".into(), json!(f.root_id));
    b.origins.insert(&mut v, f.origin_id);
    v.insert(
        "canShare".into(),
        json!(f.is_room() && level.allows(RoomAction::ManageAccess)),
    );
    v.insert("security".into(), folder_security(level, actor, f));
    v.insert("title".into(), json!(f.title));
    v.insert("access".into(), json!(level.share_value()));
    v.insert("created".into(), json!(date(&f.created)));
    v.insert("createdBy".into(), employee(portal, &b.users, &f.owner_id));
    v.insert("updated".into(), json!(date(&f.updated)));
    v.insert("rootFolderType".into(), json!(root_type));
    v.insert(
        "updatedBy".into(),
        employee(portal, &b.users, &f.updated_by),
    );
    v.insert("providerItem".into(), json!(false));
    v.insert("isFavorite".into(), json!(b.favorites.contains(&f.id)));
    v.insert("fileEntryType".into(), json!(1));
    Value::Object(v)
}

/// `FolderDto`s of a page of folders or rooms.
pub fn folders(
    conn: &Connection,
    portal: &str,
    actor: &Actor,
    list: &[Folder],
) -> Result<Vec<Value>, ApiError> {
    let batch = load_batch(conn, actor, list)?;
    Ok(list
        .iter()
        .map(|f| folder_value(portal, actor, f, &batch))
        .collect())
}

/// The `FolderDto` of one folder or room.
pub fn folder(
    conn: &Connection,
    portal: &str,
    actor: &Actor,
    f: &Folder,
) -> Result<Value, ApiError> {
    Ok(folders(conn, portal, actor, std::slice::from_ref(f))?
        .pop()
        .unwrap_or(Value::Null))
}

/// `FileDto`s of files that all live in `parent`.
pub fn files(
    conn: &Connection,
    portal: &str,
    actor: &Actor,
    parent: &Folder,
    list: &[File],
) -> Result<Vec<Value>, ApiError> {
    if list.is_empty() {
        return Ok(Vec::new());
    }
    let level = permissions::folder_level(conn, actor, parent)?;
    let room = match parent.room_id {
        Some(r) if r == parent.id => Some(parent.clone()),
        Some(r) => entries::folder(conn, r)?,
        None => None,
    };
    let root_type = if parent.root_id == parent.id {
        parent.folder_type
    } else {
        entries::folder(conn, parent.root_id)?
            .map(|r| r.folder_type)
            .unwrap_or(0)
    };
    let deny = room.as_ref().is_some_and(|r| r.deny_download)
        || actor.link.as_ref().is_some_and(|l| l.deny_download);
    let users = users_of(
        conn,
        list.iter()
            .flat_map(|f| [f.owner_id.as_str(), f.updated_by.as_str()]),
    )?;
    let ids: Vec<i64> = list.iter().map(|f| f.id).collect();
    let meta = crate::db::versions::current_meta(conn, &ids)?;
    let origins = Origins::load(conn, list.iter().filter_map(|f| f.origin_id))?;
    let favorites = marks::marked_among(conn, actor.id(), Tag::Favorite, EntryKind::File, &ids)?;
    Ok(list
        .iter()
        .map(|f| {
            let (group, comment) = meta.get(&f.id).cloned().unwrap_or((f.version, None));
            let comment = comment.unwrap_or_else(|| {
                let default = if f.version > 1 {
                    crate::db::versions::COMMENT_EDIT
                } else {
                    crate::db::versions::COMMENT_CREATE
                };
                default.to_string()
            });
            let mut v = Map::new();
            v.insert("folderId".into(), json!(f.folder_id));
            v.insert("version".into(), json!(f.version));
            v.insert("versionGroup".into(), json!(group));
            v.insert("contentLength".into(), json!(human_size(f.size)));
            if f.size > 0 {
                v.insert("pureContentLength".into(), json!(f.size));
            }
            // `FileStatus.IsFavorite` (0x20), as DocSpace's `EntryStatusManager` sets it
            // (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Core/Core/Entries/File.cs`).
            let favorite = favorites.contains(&f.id);
            v.insert("fileStatus".into(), json!(if favorite { 0x20 } else { 0 }));
            v.insert("mute".into(), json!(false));
            v.insert("viewUrl".into(), json!(view_url(portal, f.id)));
            v.insert("webUrl".into(), json!(web_url(portal, f)));
            v.insert("fileType".into(), json!(file_type(&f.title)));
            v.insert(
                "fileExst".into(),
                json!(entries::split_ext(&f.title).1.to_ascii_lowercase()),
            );
            v.insert("comment".into(), json!(comment));
            v.insert("thumbnailStatus".into(), json!(3));
            v.insert("locked".into(), json!(false));
            v.insert("hasDraft".into(), json!(false));
            v.insert("isForm".into(), json!(false));
            v.insert("id".into(), json!(f.id));
            v.insert("rootFolderId".into(), json!(parent.root_id));
            origins.insert(&mut v, f.origin_id);
            v.insert("canShare".into(), json!(false));
            v.insert("security".into(), file_security(level, actor, f, deny));
            let sharing = FileSharing {
                title: &f.title,
                room_type: room.as_ref().map(|r| r.room_type.unwrap_or(5)),
                in_my_documents: root_type == folder_type::USER,
                by_creator: f.owner_id == actor.id(),
            };
            v.insert("availableShareRights".into(), share_rights(&sharing));
            v.insert("title".into(), json!(f.title));
            v.insert("access".into(), json!(level.share_value()));
            v.insert("shared".into(), json!(false));
            v.insert("created".into(), json!(date(&f.created)));
            v.insert("createdBy".into(), employee(portal, &users, &f.owner_id));
            v.insert("updated".into(), json!(date(&f.updated)));
            v.insert("rootFolderType".into(), json!(root_type));
            if let Some(r) = &room {
                v.insert(
                    "parentRoomType".into(),
                    json!(folder_type::of_room(r.room_type.unwrap_or(5))),
                );
            }
            v.insert("updatedBy".into(), employee(portal, &users, &f.updated_by));
            v.insert("providerItem".into(), json!(false));
            v.insert("isFavorite".into(), json!(favorite));
            v.insert("fileEntryType".into(), json!(2));
            Value::Object(v)
        })
        .collect())
}

/// A file's `availableShareRights`: each subject's levels by their `FileShare` names.
fn share_rights(file: &FileSharing) -> Value {
    let rights = file_accesses(file, None)
        .into_iter()
        .map(|(subject, levels)| {
            let names: Vec<&str> = levels
                .into_iter()
                .filter_map(|l| i32::try_from(l).ok())
                .filter_map(|l| docspace_types::FileShare::from_value(l).name())
                .collect();
            (subject.name().to_owned(), json!(names))
        })
        .collect();
    Value::Object(rights)
}

/// The `FileDto` of one file.
pub fn file(conn: &Connection, portal: &str, actor: &Actor, f: &File) -> Result<Value, ApiError> {
    let parent = entries::folder(conn, f.folder_id)?
        .ok_or_else(|| ApiError::NotFound("Folder not found".into()))?;
    Ok(
        files(conn, portal, actor, &parent, std::slice::from_ref(f))?
            .pop()
            .unwrap_or(Value::Null),
    )
}

/// `pathParts`: the breadcrumb from the section root to `folder`.
pub fn path_parts(conn: &Connection, folder: &Folder) -> Result<Value, ApiError> {
    Ok(Value::Array(
        entries::path(conn, folder)?
            .iter()
            .map(|p| {
                let mut v = json!({ "id": p.id, "title": p.title, "folderType": p.folder_type });
                if let Some(rt) = p.room_type {
                    v["roomType"] = json!(rt);
                }
                v
            })
            .collect(),
    ))
}

/// One page of a folder's children, as a listing returns it.
pub struct Page<'a> {
    /// Sub-folders (or rooms) on the page.
    pub folders: &'a [Folder],
    /// Files on the page.
    pub files: &'a [File],
    /// `startIndex` of the page.
    pub start: i64,
    /// The filtered total.
    pub total: i64,
}

/// A `FolderContentDto`.
pub fn content(
    conn: &Connection,
    portal: &str,
    actor: &Actor,
    current: &Folder,
    page: Page<'_>,
) -> Result<Value, ApiError> {
    let Page {
        folders: folder_list,
        files: file_list,
        start,
        total,
    } = page;
    let folders = folders(conn, portal, actor, folder_list)?;
    let files = files(conn, portal, actor, current, file_list)?;
    let count = folders.len() + files.len();
    Ok(json!({
        "files": files,
        "folders": folders,
        "current": folder(conn, portal, actor, current)?,
        "pathParts": path_parts(conn, current)?,
        "startIndex": start,
        "count": count,
        "total": total,
        "new": 0,
    }))
}

/// A `FileShareLink` (the `sharedLink` of a link share).
pub fn shared_link(portal: &str, l: &Link) -> Value {
    let expired = l
        .expiration
        .as_deref()
        .is_some_and(|e| parse_db_time(e) <= crate::time::now());
    let mut v = json!({
        "id": l.id,
        "title": l.title,
        "shareLink": match l.file_id {
            // A file's link opens the file (`ExternalShare.GetLinkDataAsync`: its web preview
            // with `share=`), a room's the room.
            Some(f) => format!("{portal}/doceditor?fileid={f}&share={}", l.key),
            None => format!("{portal}/rooms/share?key={}", l.key),
        },
        "linkType": l.link_type,
        "denyDownload": l.deny_download,
        "isExpired": expired,
        "primary": l.primary,
        "internal": l.internal,
        "requestToken": l.key,
        "currentUseCount": l.use_count,
    });
    if let Some(e) = &l.expiration {
        v["expirationDate"] = json!(date(e));
    }
    if let Some(p) = &l.password {
        v["password"] = json!(p);
    }
    if let Some(m) = l.max_use_count {
        v["maxUseCount"] = json!(m);
    }
    v
}

fn share_flags(can_edit: bool, is_owner: bool) -> Map<String, Value> {
    let mut v = Map::new();
    v.insert("isLocked".into(), json!(is_owner));
    v.insert("isOwner".into(), json!(is_owner));
    v.insert("canEditAccess".into(), json!(can_edit && !is_owner));
    v.insert("canEditInternal".into(), json!(can_edit));
    v.insert("canEditDenyDownload".into(), json!(can_edit));
    v.insert("canEditExpirationDate".into(), json!(can_edit));
    v.insert("canRevoke".into(), json!(can_edit && !is_owner));
    v
}

/// A `FileShareDto` for a user member.
pub fn user_share(portal: &str, user: &User, access: i64, is_owner: bool, can_edit: bool) -> Value {
    let mut v = share_flags(can_edit, is_owner);
    v.insert("access".into(), json!(access));
    v.insert("sharedToUser".into(), user.to_full_dto(portal));
    v.insert("sharedTo".into(), user.to_full_dto(portal));
    v.insert("subjectType".into(), json!(0));
    Value::Object(v)
}

/// A `FileShareDto` for a link.
pub fn link_share(portal: &str, l: &Link, can_edit: bool) -> Value {
    let mut v = share_flags(can_edit, false);
    let link = shared_link(portal, l);
    v.insert("access".into(), json!(l.access));
    v.insert("sharedLink".into(), link.clone());
    v.insert("sharedTo".into(), link);
    let subject = match (l.link_type, l.primary) {
        (0, _) => 3,
        (_, true) => 4,
        _ => 1,
    };
    v.insert("subjectType".into(), json!(subject));
    Value::Object(v)
}
