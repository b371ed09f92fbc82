//! Room links: invitation links (type 0) and external links (type 1) with their secret keys; and
//! the external links of single files, which are the same rows with `file_id` set (their
//! `room_id` is the file's folder then, kept only because the column is required).

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::envelope::ApiError;

/// A link row.
#[derive(Debug, Clone)]
pub struct Link {
    /// GUID.
    pub id: String,
    /// The room.
    pub room_id: i64,
    /// 0 invitation, 1 external.
    pub link_type: i64,
    /// `FileShare` it grants.
    pub access: i64,
    /// Title.
    pub title: String,
    /// The secret in the link URL (`requestToken`).
    pub key: String,
    /// Expiry (stored form).
    pub expiration: Option<String>,
    /// Password, when set.
    pub password: Option<String>,
    /// Downloads denied through this link.
    pub deny_download: bool,
    /// Only for portal users.
    pub internal: bool,
    /// Invitation use cap.
    pub max_use_count: Option<i64>,
    /// Invitation uses so far.
    pub use_count: i64,
    /// The room's (or file's) primary external link.
    pub primary: bool,
    /// The file, for a file's link.
    pub file_id: Option<i64>,
}

impl Link {
    /// A new link of a room with a fresh id and key and no options set: no expiry, password,
    /// download restriction, sign-in requirement or use cap.
    pub fn new(room_id: i64, link_type: i64, access: i64, title: &str, primary: bool) -> Link {
        Link {
            id: uuid::Uuid::new_v4().to_string(),
            room_id,
            link_type,
            access,
            title: title.into(),
            key: crate::secrets::random_hex(24),
            expiration: None,
            password: None,
            deny_download: false,
            internal: false,
            max_use_count: None,
            use_count: 0,
            primary,
            file_id: None,
        }
    }
}

/// Migration "file-links": a link may belong to one file (deleted with it).
pub const FILE_LINKS_MIGRATION: &str = r#"
    ALTER TABLE links ADD COLUMN file_id INTEGER REFERENCES files(id) ON DELETE CASCADE;
    CREATE INDEX links_file ON links(file_id, is_primary);
"#;

const COLUMNS: &str = "id, room_id, link_type, access, title, key, expiration, password, deny_download, internal, \
     max_use_count, use_count, is_primary, file_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Link> {
    Ok(Link {
        id: r.get(0)?,
        room_id: r.get(1)?,
        link_type: r.get(2)?,
        access: r.get(3)?,
        title: r.get(4)?,
        key: r.get(5)?,
        expiration: r.get(6)?,
        password: r.get(7)?,
        deny_download: r.get(8)?,
        internal: r.get(9)?,
        max_use_count: r.get(10)?,
        use_count: r.get(11)?,
        primary: r.get(12)?,
        file_id: r.get(13)?,
    })
}

/// Links of a room, optionally of one type, primary first.
pub fn of_room(
    conn: &Connection,
    room: i64,
    link_type: Option<i64>,
) -> Result<Vec<Link>, ApiError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM links WHERE room_id = ?1 AND file_id IS NULL \
         AND (?2 IS NULL OR link_type = ?2) \
         ORDER BY is_primary DESC, created, id LIMIT 100"
    ))?;
    let rows = stmt.query_map(params![room, link_type], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// External links of a file, primary first, then by creation.
pub fn of_file(conn: &Connection, file_id: i64) -> Result<Vec<Link>, ApiError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM links WHERE file_id = ?1 ORDER BY is_primary DESC, created, id"
    ))?;
    let rows = stmt.query_map([file_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A link by id.
pub fn by_id(conn: &Connection, id: &str) -> Result<Option<Link>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM links WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// A link by its secret key.
pub fn by_key(conn: &Connection, key: &str) -> Result<Option<Link>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM links WHERE key = ?1"),
            [key],
            from_row,
        )
        .optional()?)
}

/// Inserts or replaces a link.
pub fn save(conn: &Connection, l: &Link) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO links (id, room_id, link_type, access, title, key, expiration, password, deny_download, \
         internal, max_use_count, use_count, is_primary, created, file_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) \
         ON CONFLICT(id) DO UPDATE SET access = ?4, title = ?5, expiration = ?7, password = ?8, deny_download = ?9, \
         internal = ?10, max_use_count = ?11",
        params![
            l.id,
            l.room_id,
            l.link_type,
            l.access,
            l.title,
            l.key,
            l.expiration,
            l.password,
            l.deny_download,
            l.internal,
            l.max_use_count,
            l.use_count,
            l.primary,
            crate::time::db_time(crate::time::now()),
            l.file_id
        ],
    )?;
    Ok(())
}

/// Deletes a link.
pub fn delete(conn: &Connection, id: &str) -> Result<(), ApiError> {
    conn.execute("DELETE FROM links WHERE id = ?1", [id])?;
    Ok(())
}
