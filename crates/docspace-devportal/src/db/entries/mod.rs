//! Folders and files: section roots (My documents, Rooms, Archive, Trash), rooms, sub-folders, and
//! files whose content versions are BLOBs in the same database.

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::envelope::ApiError;
use crate::time::{db_time, now};

mod changes;
mod content;
mod listing;

pub use changes::*;
pub use content::*;
pub use listing::*;

/// DocSpace's `FolderType` values the portal uses.
pub mod folder_type {
    /// A plain folder (0).
    pub const DEFAULT: i64 = 0;
    /// Trash (3).
    pub const TRASH: i64 = 3;
    /// My documents (5).
    pub const USER: i64 = 5;
    /// The Rooms section (14).
    pub const VIRTUAL_ROOMS: i64 = 14;
    /// The Archive section (20).
    pub const ARCHIVE: i64 = 20;

    /// The folder type of a room of `RoomType` `room_type`.
    /// Types this portal does not know are stored as custom rooms (19).
    pub fn of_room(room_type: i64) -> i64 {
        i32::try_from(room_type)
            .ok()
            .and_then(|t| {
                docspace_types::RoomType::from_value(t)
                    .folder_type()
                    .room_type()
            })
            .map_or(19, |t| i64::from(t.folder_type().value()))
    }
}

/// A folder row (section roots and rooms are folders too).
#[derive(Debug, Clone)]
pub struct Folder {
    /// Id.
    pub id: i64,
    /// Parent folder; `None` for section roots.
    pub parent_id: Option<i64>,
    /// Title.
    pub title: String,
    /// `FolderType`.
    pub folder_type: i64,
    /// `RoomType` when this folder is a room.
    pub room_type: Option<i64>,
    /// The section root it lives under (itself for a root).
    pub root_id: i64,
    /// The room it lives in (itself for a room).
    pub room_id: Option<i64>,
    /// Creator.
    pub owner_id: String,
    /// Creation time (stored form).
    pub created: String,
    /// Last change (stored form).
    pub updated: String,
    /// Last changed by.
    pub updated_by: String,
    /// Room: private.
    pub private: bool,
    /// Room: VDR indexing.
    pub indexing: bool,
    /// Room: downloads denied.
    pub deny_download: bool,
    /// Room quota in bytes (−1 unlimited, −2 portal default).
    pub quota: i64,
    /// Room colour (6 hex digits).
    pub color: Option<String>,
    /// Room cover id.
    pub cover: Option<String>,
    /// Room lifetime settings (JSON).
    pub lifetime: Option<String>,
    /// Room watermark settings (JSON).
    pub watermark: Option<String>,
    /// For an entry in Trash: the folder it came from.
    pub origin_id: Option<i64>,
}

impl Folder {
    /// Whether this folder is a room.
    pub fn is_room(&self) -> bool {
        self.room_type.is_some()
    }
}

/// A file row; its content lives in `file_versions`.
#[derive(Debug, Clone)]
pub struct File {
    /// Id.
    pub id: i64,
    /// Containing folder.
    pub folder_id: i64,
    /// Title with extension.
    pub title: String,
    /// Current version (1-based).
    pub version: i64,
    /// Size of the current version in bytes.
    pub size: i64,
    /// Creator.
    pub owner_id: String,
    /// Creation time (stored form).
    pub created: String,
    /// Last change (stored form).
    pub updated: String,
    /// Last changed by.
    pub updated_by: String,
    /// For an entry in Trash: the folder it came from.
    pub origin_id: Option<i64>,
}

/// Columns of [`Folder`], in [`folder_from_row`] order.
pub const FOLDER_COLUMNS: &str = "f.id, f.parent_id, f.title, f.folder_type, f.room_type, f.root_id, f.room_id, \
     f.owner_id, f.created, f.updated, f.updated_by, f.private, f.indexing, f.deny_download, f.quota, \
     f.color, f.cover, f.lifetime, f.watermark, f.origin_id";

/// Reads a [`Folder`] from a row selected with [`FOLDER_COLUMNS`].
pub fn folder_from_row(r: &Row<'_>) -> rusqlite::Result<Folder> {
    Ok(Folder {
        id: r.get(0)?,
        parent_id: r.get(1)?,
        title: r.get(2)?,
        folder_type: r.get(3)?,
        room_type: r.get(4)?,
        root_id: r.get::<_, Option<i64>>(5)?.unwrap_or_default(),
        room_id: r.get(6)?,
        owner_id: r.get(7)?,
        created: r.get(8)?,
        updated: r.get(9)?,
        updated_by: r.get(10)?,
        private: r.get(11)?,
        indexing: r.get(12)?,
        deny_download: r.get(13)?,
        quota: r.get(14)?,
        color: r.get(15)?,
        cover: r.get(16)?,
        lifetime: r.get(17)?,
        watermark: r.get(18)?,
        origin_id: r.get(19)?,
    })
}

/// Columns of [`File`], in [`file_from_row`] order (unqualified: select them from `files`).
pub const FILE_COLUMNS: &str =
    "id, folder_id, title, version, size, owner_id, created, updated, updated_by, origin_id";

/// Reads a [`File`] from a row selected with [`FILE_COLUMNS`].
pub fn file_from_row(r: &Row<'_>) -> rusqlite::Result<File> {
    Ok(File {
        id: r.get(0)?,
        folder_id: r.get(1)?,
        title: r.get(2)?,
        version: r.get(3)?,
        size: r.get(4)?,
        owner_id: r.get(5)?,
        created: r.get(6)?,
        updated: r.get(7)?,
        updated_by: r.get(8)?,
        origin_id: r.get(9)?,
    })
}

/// A folder by id.
pub fn folder(conn: &Connection, id: i64) -> Result<Option<Folder>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {FOLDER_COLUMNS} FROM folders f WHERE f.id = ?1"),
            [id],
            folder_from_row,
        )
        .optional()?)
}

/// The `FolderType` of a folder, without loading the row.
pub fn folder_type_of(conn: &Connection, id: i64) -> Result<Option<i64>, ApiError> {
    Ok(conn
        .query_row("SELECT folder_type FROM folders WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Folders by id, in no particular order.
pub fn folders_by_ids(conn: &Connection, ids: &[i64]) -> Result<Vec<Folder>, ApiError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT {FOLDER_COLUMNS} FROM folders f WHERE f.id IN ({})",
        super::placeholders(ids.len())
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(ids), folder_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A file by id.
pub fn file(conn: &Connection, id: i64) -> Result<Option<File>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {FILE_COLUMNS} FROM files WHERE id = ?1"),
            [id],
            file_from_row,
        )
        .optional()?)
}

/// The section root of this type: a shared one (`owner` = `None`: Rooms, Archive) or a user's
/// (My documents, Trash).
pub fn section(
    conn: &Connection,
    folder_type: i64,
    owner: Option<&str>,
) -> Result<Option<Folder>, ApiError> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {FOLDER_COLUMNS} FROM folders f WHERE f.parent_id IS NULL AND f.folder_type = ?1 \
                 AND (?2 IS NULL OR f.owner_id = ?2) ORDER BY f.id LIMIT 1"
            ),
            params![folder_type, owner],
            folder_from_row,
        )
        .optional()?)
}

/// The section root of this type, created when missing.
pub fn ensure_section(
    conn: &Connection,
    folder_type: i64,
    title: &str,
    owner: &str,
    shared: bool,
) -> Result<Folder, ApiError> {
    let lookup_owner = if shared { None } else { Some(owner) };
    if let Some(f) = section(conn, folder_type, lookup_owner)? {
        return Ok(f);
    }
    let t = db_time(now());
    conn.execute(
        "INSERT INTO folders (parent_id, title, folder_type, owner_id, created, updated, updated_by) \
         VALUES (NULL, ?1, ?2, ?3, ?4, ?4, ?3)",
        params![title, folder_type, owner, t],
    )?;
    let id = conn.last_insert_rowid();
    conn.execute("UPDATE folders SET root_id = ?1 WHERE id = ?1", [id])?;
    folder(conn, id)?.ok_or_else(|| ApiError::Internal("section vanished".into()))
}

/// What a new folder (or room) is made of.
#[derive(Debug, Clone, Default)]
pub struct NewFolder {
    /// Title.
    pub title: String,
    /// `FolderType`.
    pub folder_type: i64,
    /// `RoomType` for rooms.
    pub room_type: Option<i64>,
    /// Creator.
    pub owner_id: String,
}

/// Inserts a folder under `parent` (which fixes its section root and room) and returns it.
pub fn insert_folder(
    conn: &Connection,
    parent: &Folder,
    new: &NewFolder,
) -> Result<Folder, ApiError> {
    let t = db_time(now());
    conn.execute(
        "INSERT INTO folders (parent_id, title, folder_type, room_type, root_id, room_id, owner_id, created, \
         updated, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?7)",
        params![
            parent.id,
            new.title,
            new.folder_type,
            new.room_type,
            parent.root_id,
            parent.room_id,
            new.owner_id,
            t
        ],
    )?;
    let id = conn.last_insert_rowid();
    if new.room_type.is_some() {
        conn.execute("UPDATE folders SET room_id = ?1 WHERE id = ?1", [id])?;
    }
    touch_folder(conn, parent.id, &new.owner_id)?;
    folder(conn, id)?.ok_or_else(|| ApiError::Internal("folder vanished".into()))
}

/// Marks a folder as changed now by `user`.
pub fn touch_folder(conn: &Connection, id: i64, user: &str) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE folders SET updated = ?2, updated_by = ?3 WHERE id = ?1",
        params![id, db_time(now()), user],
    )?;
    Ok(())
}

/// Folder ids from the section root down to `folder` (inclusive).
pub fn path(conn: &Connection, folder: &Folder) -> Result<Vec<Folder>, ApiError> {
    let mut stmt = conn.prepare(&format!(
        "WITH RECURSIVE up(id, depth) AS (SELECT ?1, 0 UNION ALL \
         SELECT f.parent_id, up.depth + 1 FROM folders f JOIN up ON f.id = up.id WHERE f.parent_id IS NOT NULL) \
         SELECT {FOLDER_COLUMNS} FROM up JOIN folders f ON f.id = up.id ORDER BY up.depth DESC"
    ))?;
    let rows = stmt.query_map([folder.id], folder_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Whether `folder` has a child folder titled `title` (case-insensitive).
pub fn folder_title_taken(conn: &Connection, parent: i64, title: &str) -> Result<bool, ApiError> {
    Ok(folder_by_title(conn, parent, title)?.is_some())
}

/// The child folder of `parent` titled `title` (case-insensitive), the oldest if there are
/// several (a move that keeps both leaves two of the same title, as DocSpace's does).
pub fn folder_by_title(
    conn: &Connection,
    parent: i64,
    title: &str,
) -> Result<Option<Folder>, ApiError> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {FOLDER_COLUMNS} FROM folders f WHERE f.parent_id = ?1 AND f.title = ?2 COLLATE NOCASE \
                 ORDER BY f.id LIMIT 1"
            ),
            params![parent, title],
            folder_from_row,
        )
        .optional()?)
}

/// Whether `folder` holds nothing (no file, no folder).
pub fn is_empty(conn: &Connection, folder: i64) -> Result<bool, ApiError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM folders WHERE parent_id = ?1 UNION ALL SELECT 1 FROM files WHERE folder_id = ?1 LIMIT 1",
            [folder],
            |_| Ok(()),
        )
        .optional()?
        .is_none())
}

/// The file titled `title` (case-insensitive) in `folder`, if any; the oldest if there are
/// several.
pub fn file_by_title(
    conn: &Connection,
    folder: i64,
    title: &str,
) -> Result<Option<File>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {FILE_COLUMNS} FROM files WHERE folder_id = ?1 AND title = ?2 COLLATE NOCASE ORDER BY id LIMIT 1"),
            params![folder, title],
            file_from_row,
        )
        .optional()?)
}

/// `name (1).ext`, `name (2).ext`, … : the first title not taken in `folder`.
pub fn unique_file_title(conn: &Connection, folder: i64, title: &str) -> Result<String, ApiError> {
    if file_by_title(conn, folder, title)?.is_none() {
        return Ok(title.to_string());
    }
    let (stem, ext) = split_ext(title);
    for n in 1..10_000 {
        let candidate = format!("{stem} ({n}){ext}");
        if file_by_title(conn, folder, &candidate)?.is_none() {
            return Ok(candidate);
        }
    }
    Err(ApiError::BadRequest(
        "Too many files with this title".into(),
    ))
}

/// `name (1)`, … : the first folder title not taken under `parent`.
pub fn unique_folder_title(
    conn: &Connection,
    parent: i64,
    title: &str,
) -> Result<String, ApiError> {
    if !folder_title_taken(conn, parent, title)? {
        return Ok(title.to_string());
    }
    for n in 1..10_000 {
        let candidate = format!("{title} ({n})");
        if !folder_title_taken(conn, parent, &candidate)? {
            return Ok(candidate);
        }
    }
    Err(ApiError::BadRequest(
        "Too many folders with this title".into(),
    ))
}

/// Splits `report.final.docx` into `("report.final", ".docx")`.
pub fn split_ext(title: &str) -> (&str, &str) {
    match title.rfind('.') {
        Some(i) if i > 0 => (&title[..i], &title[i..]),
        _ => (title, ""),
    }
}
