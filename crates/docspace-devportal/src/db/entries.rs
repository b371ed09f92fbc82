//! Folders and files: section roots (My documents, Rooms, Archive, Trash), rooms, sub-folders, and
//! files whose content versions are BLOBs in the same database.

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::envelope::ApiError;
use crate::time::{db_time, now};

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

/// The content of a new file version: bytes at hand, or room for `size` bytes that the caller
/// fills afterwards through [`version_blob`] (a chunked upload, written chunk by chunk so the
/// whole file is never in memory).
#[derive(Clone, Copy)]
pub enum Body<'a> {
    /// These bytes.
    Bytes(&'a [u8]),
    /// `size` zero bytes, to be overwritten.
    Reserved(i64),
}

impl Body<'_> {
    fn len(self) -> i64 {
        match self {
            Body::Bytes(b) => b.len() as i64,
            Body::Reserved(n) => n,
        }
    }
}

impl rusqlite::ToSql for Body<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        match *self {
            Body::Bytes(b) => b.to_sql(),
            Body::Reserved(n) => {
                let n = i32::try_from(n)
                    .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
                Ok(rusqlite::types::ToSqlOutput::ZeroBlob(n))
            }
        }
    }
}

/// Inserts a file with its first version and returns it.
pub fn insert_file(
    conn: &Connection,
    folder_id: i64,
    title: &str,
    owner: &str,
    content: &[u8],
) -> Result<File, ApiError> {
    insert_file_with(conn, folder_id, title, owner, Body::Bytes(content))
}

/// [`insert_file`] for any [`Body`].
pub fn insert_file_with(
    conn: &Connection,
    folder_id: i64,
    title: &str,
    owner: &str,
    content: Body<'_>,
) -> Result<File, ApiError> {
    let t = db_time(now());
    conn.execute(
        "INSERT INTO files (folder_id, title, version, size, owner_id, created, updated, updated_by) \
         VALUES (?1, ?2, 1, ?3, ?4, ?5, ?5, ?4)",
        params![folder_id, title, content.len(), owner, t],
    )?;
    let id = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO file_versions (file_id, version, content, created, created_by) VALUES (?1, 1, ?2, ?3, ?4)",
        params![id, content, t, owner],
    )?;
    touch_folder(conn, folder_id, owner)?;
    file(conn, id)?.ok_or_else(|| ApiError::Internal("file vanished".into()))
}

/// Stores `content` as the next version of a file and returns the file.
pub fn add_version(
    conn: &Connection,
    file_id: i64,
    user: &str,
    content: &[u8],
) -> Result<File, ApiError> {
    add_version_with(conn, file_id, user, Body::Bytes(content))
}

/// [`add_version`] for any [`Body`].
pub fn add_version_with(
    conn: &Connection,
    file_id: i64,
    user: &str,
    content: Body<'_>,
) -> Result<File, ApiError> {
    let t = db_time(now());
    conn.execute(
        "UPDATE files SET version = version + 1, size = ?2, updated = ?3, updated_by = ?4 WHERE id = ?1",
        params![file_id, content.len(), t, user],
    )?;
    conn.execute(
        // A new version starts a new version group after the previous version's, as every
        // upload, editor save and restore does in DocSpace (`file.VersionGroup++`).
        "INSERT INTO file_versions (file_id, version, content, created, created_by, version_group) \
         SELECT id, version, ?2, ?3, ?4, 1 + COALESCE((SELECT p.version_group FROM file_versions p \
         WHERE p.file_id = files.id AND p.version < files.version ORDER BY p.version DESC LIMIT 1), 0) \
         FROM files WHERE id = ?1",
        params![file_id, content, t, user],
    )?;
    file(conn, file_id)?.ok_or_else(|| ApiError::NotFound("File not found".into()))
}

/// The current version's content of a file, open for writing in place (to fill a
/// [`Body::Reserved`]).
pub fn version_blob<'c>(
    conn: &'c Connection,
    file: &File,
) -> Result<rusqlite::blob::Blob<'c>, ApiError> {
    let rowid: i64 = conn.query_row(
        "SELECT rowid FROM file_versions WHERE file_id = ?1 AND version = ?2",
        params![file.id, file.version],
        |r| r.get(0),
    )?;
    Ok(conn.blob_open(rusqlite::MAIN_DB, "file_versions", "content", rowid, false)?)
}

/// The content of a file version (the current one when `version` is `None`).
pub fn content(
    conn: &Connection,
    file_id: i64,
    version: Option<i64>,
) -> Result<Option<Vec<u8>>, ApiError> {
    Ok(conn
        .query_row(
            "SELECT v.content FROM file_versions v JOIN files f ON f.id = v.file_id \
             WHERE v.file_id = ?1 AND v.version = COALESCE(?2, f.version)",
            params![file_id, version],
            |r| r.get(0),
        )
        .optional()?)
}

/// Whether a version of a file exists.
pub fn has_version(conn: &Connection, file_id: i64, version: i64) -> Result<bool, ApiError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM file_versions WHERE file_id = ?1 AND version = ?2",
            params![file_id, version],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
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

/// A sort key for listings (DocSpace's `sortBy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Last modified (`DateAndTime`), the default.
    #[default]
    Updated,
    /// Creation time (`DateAndTimeCreation`).
    Created,
    /// Title (`AZ`).
    Title,
    /// Size.
    Size,
    /// Author.
    Author,
    /// Room type (`RoomType`) or file extension (`Type`).
    Type,
}

impl SortBy {
    /// From DocSpace's `sortBy` name (case-insensitive); unknown names give the default.
    pub fn parse(s: &str) -> SortBy {
        match s.to_ascii_lowercase().as_str() {
            "az" | "title" => SortBy::Title,
            "size" | "usedspace" => SortBy::Size,
            "author" => SortBy::Author,
            "type" | "roomtype" => SortBy::Type,
            "dateandtimecreation" => SortBy::Created,
            _ => SortBy::Updated,
        }
    }
}

/// Filters of a folder listing.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// Title contains (case-insensitive).
    pub search: Option<String>,
    /// Only folders / only files (`applyFilterOption`, `filterType`).
    pub folders: bool,
    /// See [`ListFilter::folders`].
    pub files: bool,
    /// Only files with one of these extensions (lowercase, with dot).
    pub extensions: Option<Vec<String>>,
    /// Only entries created by this user.
    pub author: Option<String>,
    /// Sort key.
    pub sort: SortBy,
    /// Descending.
    pub descending: bool,
}

fn order_clause(sort: SortBy, descending: bool, is_files: bool) -> String {
    let dir = if descending { "DESC" } else { "ASC" };
    let col = match sort {
        SortBy::Updated => "updated",
        SortBy::Created => "created",
        SortBy::Title => "title COLLATE NOCASE",
        SortBy::Size if is_files => "size",
        SortBy::Author => "owner_id",
        SortBy::Type if is_files => "lower(title)",
        _ => "title COLLATE NOCASE",
    };
    format!("ORDER BY {col} {dir}, id {dir}")
}

fn like_pattern(s: &str) -> String {
    let escaped = s
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// One page of a folder's children: sub-folders first, then files, and the filtered totals.
pub fn children(
    conn: &Connection,
    folder_id: i64,
    filter: &ListFilter,
    start: i64,
    count: i64,
) -> Result<(Vec<Folder>, Vec<File>, i64), ApiError> {
    let pattern = filter.search.as_deref().map(like_pattern);
    let want_folders = !filter.files || filter.folders;
    let want_files = !filter.folders || filter.files;
    let want_folders = want_folders && filter.extensions.is_none();

    let mut folders = Vec::new();
    let mut folder_total = 0;
    if want_folders {
        let where_ = "f.parent_id = ?1 AND (?2 IS NULL OR f.title LIKE ?2 ESCAPE '\\') AND (?3 IS NULL OR f.owner_id = ?3)";
        folder_total = conn.query_row(
            &format!("SELECT COUNT(*) FROM folders f WHERE {where_}"),
            params![folder_id, pattern, filter.author],
            |r| r.get(0),
        )?;
        if start < folder_total {
            let order = order_clause(filter.sort, filter.descending, false)
                .replace("ORDER BY ", "ORDER BY f.")
                .replace(", id", ", f.id");
            let mut stmt = conn.prepare(&format!(
                "SELECT {FOLDER_COLUMNS} FROM folders f WHERE {where_} {order} LIMIT ?4 OFFSET ?5"
            ))?;
            let rows = stmt.query_map(
                params![folder_id, pattern, filter.author, count, start],
                folder_from_row,
            )?;
            folders = rows.collect::<Result<_, _>>()?;
        }
    }
    let mut files = Vec::new();
    let mut file_total = 0;
    if want_files {
        // Extensions are user text: they are bound as parameters (?6, ?7, …), never spliced into
        // the SQL, and matched as an exact suffix rather than with LIKE, so `%`, `_` and `'` in
        // them are ordinary characters.
        let exts: &[String] = filter.extensions.as_deref().unwrap_or(&[]);
        let ext_clause = match &filter.extensions {
            Some(exts) if !exts.is_empty() => format!(
                " AND ({})",
                (0..exts.len())
                    .map(|i| {
                        let n = i + 6;
                        format!("(length(title) >= length(?{n}) AND substr(lower(title), -length(?{n})) = ?{n})")
                    })
                    .collect::<Vec<_>>()
                    .join(" OR ")
            ),
            Some(_) => " AND 0".to_string(),
            None => String::new(),
        };
        let where_ = format!(
            "folder_id = ?1 AND (?2 IS NULL OR title LIKE ?2 ESCAPE '\\') AND (?3 IS NULL OR owner_id = ?3){ext_clause}"
        );
        let bind = |limit: Option<i64>, offset: Option<i64>| {
            let mut v: Vec<rusqlite::types::Value> = vec![
                folder_id.into(),
                pattern.clone().into(),
                filter.author.clone().into(),
                limit.into(),
                offset.into(),
            ];
            v.extend(exts.iter().map(|e| rusqlite::types::Value::from(e.clone())));
            v
        };
        // `?4`/`?5` (LIMIT/OFFSET) are absent from the count but SQLite numbers parameters up to
        // the largest one used, so with extensions (`?6…`) they are bound there too, unused.
        let count_binds = if exts.is_empty() {
            bind(None, None)[..3].to_vec()
        } else {
            bind(None, None)
        };
        file_total = conn.query_row(
            &format!("SELECT COUNT(*) FROM files WHERE {where_}"),
            rusqlite::params_from_iter(count_binds),
            |r| r.get(0),
        )?;
        let file_start = (start - folder_total).max(0);
        let room_left = count - folders.len() as i64;
        if room_left > 0 && file_start < file_total {
            let order = order_clause(filter.sort, filter.descending, true);
            let mut stmt = conn.prepare(&format!(
                "SELECT {FILE_COLUMNS} FROM files WHERE {where_} {order} LIMIT ?4 OFFSET ?5"
            ))?;
            let rows = stmt.query_map(
                rusqlite::params_from_iter(bind(Some(room_left), Some(file_start))),
                file_from_row,
            )?;
            files = rows.collect::<Result<_, _>>()?;
        }
    }
    Ok((folders, files, folder_total + file_total))
}

/// `(filesCount, foldersCount)` for each of `ids`, counting direct children.
pub fn child_counts(
    conn: &Connection,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, (i64, i64)>, ApiError> {
    let mut out: std::collections::HashMap<i64, (i64, i64)> =
        ids.iter().map(|id| (*id, (0, 0))).collect();
    if ids.is_empty() {
        return Ok(out);
    }
    let ph = super::placeholders(ids.len());
    let mut stmt = conn.prepare(&format!(
        "SELECT folder_id, COUNT(*) FROM files WHERE folder_id IN ({ph}) GROUP BY folder_id"
    ))?;
    for row in stmt.query_map(rusqlite::params_from_iter(ids), |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
    })? {
        let (id, n) = row?;
        out.entry(id).or_default().0 = n;
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT parent_id, COUNT(*) FROM folders WHERE parent_id IN ({ph}) GROUP BY parent_id"
    ))?;
    for row in stmt.query_map(rusqlite::params_from_iter(ids), |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
    })? {
        let (id, n) = row?;
        out.entry(id).or_default().1 = n;
    }
    Ok(out)
}

/// Whether `folder` has a child folder titled `title` (case-insensitive).
pub fn folder_title_taken(conn: &Connection, parent: i64, title: &str) -> Result<bool, ApiError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM folders WHERE parent_id = ?1 AND title = ?2 COLLATE NOCASE",
            params![parent, title],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// The file titled `title` (case-insensitive) in `folder`, if any.
pub fn file_by_title(
    conn: &Connection,
    folder: i64,
    title: &str,
) -> Result<Option<File>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {FILE_COLUMNS} FROM files WHERE folder_id = ?1 AND title = ?2 COLLATE NOCASE"),
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

/// Renames a folder.
pub fn rename_folder(conn: &Connection, id: i64, title: &str, user: &str) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE folders SET title = ?2, updated = ?3, updated_by = ?4 WHERE id = ?1",
        params![id, title, db_time(now()), user],
    )?;
    Ok(())
}

/// Renames a file.
pub fn rename_file(conn: &Connection, id: i64, title: &str, user: &str) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE files SET title = ?2, updated = ?3, updated_by = ?4 WHERE id = ?1",
        params![id, title, db_time(now()), user],
    )?;
    Ok(())
}

/// Ids of `folder` and every folder below it.
pub fn subtree(conn: &Connection, folder: i64) -> Result<Vec<i64>, ApiError> {
    let mut stmt = conn.prepare(
        "WITH RECURSIVE down(id) AS (SELECT ?1 UNION ALL SELECT f.id FROM folders f JOIN down ON f.parent_id = down.id) \
         SELECT id FROM down",
    )?;
    let rows = stmt.query_map([folder], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Moves a folder under `dest`, re-homing its subtree's section root and room.
pub fn move_folder(conn: &Connection, id: i64, dest: &Folder, user: &str) -> Result<(), ApiError> {
    let ids = subtree(conn, id)?;
    let ph = super::placeholders(ids.len());
    conn.execute(
        &format!("UPDATE folders SET root_id = ?, room_id = CASE WHEN room_type IS NOT NULL THEN id ELSE ? END WHERE id IN ({ph})"),
        rusqlite::params_from_iter(
            [Some(dest.root_id), dest.room_id]
                .into_iter()
                .chain(ids.iter().map(|i| Some(*i))),
        ),
    )?;
    conn.execute(
        "UPDATE folders SET parent_id = ?2, updated = ?3, updated_by = ?4 WHERE id = ?1",
        params![id, dest.id, db_time(now()), user],
    )?;
    touch_folder(conn, dest.id, user)?;
    Ok(())
}

/// Moves a file into `dest`.
pub fn move_file(conn: &Connection, id: i64, dest: i64, user: &str) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE files SET folder_id = ?2, updated = ?3, updated_by = ?4 WHERE id = ?1",
        params![id, dest, db_time(now()), user],
    )?;
    touch_folder(conn, dest, user)?;
    Ok(())
}

/// Copies a file (current version) into `dest` as `title`.
pub fn copy_file(
    conn: &Connection,
    src: &File,
    dest: i64,
    title: &str,
    user: &str,
) -> Result<File, ApiError> {
    let data = content(conn, src.id, None)?.unwrap_or_default();
    insert_file(conn, dest, title, user, &data)
}

/// Copies a folder and everything in it under `dest` as `title`; returns the copy.
pub fn copy_folder(
    conn: &Connection,
    src: &Folder,
    dest: &Folder,
    title: &str,
    user: &str,
) -> Result<Folder, ApiError> {
    if subtree(conn, src.id)?.contains(&dest.id) {
        return Err(ApiError::InvalidOperation(
            "The destination folder is a subfolder of the source folder".into(),
        ));
    }
    let copy = insert_folder(
        conn,
        dest,
        &NewFolder {
            title: title.to_string(),
            folder_type: folder_type::DEFAULT,
            room_type: None,
            owner_id: user.to_string(),
        },
    )?;
    let everything = ListFilter::default();
    let (sub, files, _) = children(conn, src.id, &everything, 0, i64::MAX)?;
    for f in files {
        copy_file(conn, &f, copy.id, &f.title, user)?;
    }
    for s in sub {
        copy_folder(conn, &s, &copy, &s.title, user)?;
    }
    Ok(copy)
}

/// Deletes a folder and everything below it.
pub fn delete_folder(conn: &Connection, id: i64) -> Result<(), ApiError> {
    conn.execute("DELETE FROM folders WHERE id = ?1", [id])?;
    Ok(())
}

/// Deletes a file and its versions.
pub fn delete_file(conn: &Connection, id: i64) -> Result<(), ApiError> {
    conn.execute("DELETE FROM files WHERE id = ?1", [id])?;
    Ok(())
}

/// Records where a trashed entry came from.
pub fn set_origin(
    conn: &Connection,
    table: &str,
    id: i64,
    origin: Option<i64>,
) -> Result<(), ApiError> {
    // `table` is one of two literals chosen by the caller, never input.
    let table = if table == "files" { "files" } else { "folders" };
    conn.execute(
        &format!("UPDATE {table} SET origin_id = ?2 WHERE id = ?1"),
        params![id, origin],
    )?;
    Ok(())
}
