//! A folder's contents (`FolderContentDto`) and its breadcrumb.

use super::{files, folder, folders};

use rusqlite::Connection;
use serde_json::{Value, json};

use crate::db::entries::{self, File, Folder};
use crate::envelope::ApiError;
use crate::permissions::Actor;

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
