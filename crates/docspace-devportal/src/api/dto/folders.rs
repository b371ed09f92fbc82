//! `FolderDto`s, a page of folders or rooms at a time, their look-ups batched.

use super::security::folder_security;
use super::{date, employee, users_of};
use std::collections::HashMap;

use rusqlite::Connection;
use serde_json::{Map, Value, json};

use crate::db::entries::{self, Folder, folder_type};
use crate::db::marks::{EntryKind, Marks, Tag};
use crate::db::{members, rooms};
use crate::envelope::ApiError;
use crate::permissions::{self, Actor, Level, RoomAction};
use crate::users::User;

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
pub(super) struct Origins(HashMap<i64, Folder>);

impl Origins {
    pub(super) fn load(
        conn: &Connection,
        ids: impl Iterator<Item = i64>,
    ) -> Result<Origins, ApiError> {
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
    pub(super) fn insert(&self, v: &mut Map<String, Value>, origin: Option<i64>) {
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
        favorites: Marks::new(actor.id(), Tag::Favorite, EntryKind::Folder).among(conn, &ids)?,
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
