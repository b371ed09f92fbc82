//! `FileDto`s, a page of files at a time.

use super::file_kinds::{file_type, human_size, view_url, web_url};
use super::folders::Origins;
use super::security::file_security;
use super::{date, employee, users_of};

use rusqlite::Connection;
use serde_json::{Map, Value, json};

use crate::db::entries::{self, File, Folder, folder_type};
use crate::db::marks::{EntryKind, Marks, Tag};
use crate::envelope::ApiError;
use crate::permissions::{self, Actor};
use crate::permissions::{FileSharing, file_accesses};

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
    let favorites = Marks::new(actor.id(), Tag::Favorite, EntryKind::File).among(conn, &ids)?;
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
