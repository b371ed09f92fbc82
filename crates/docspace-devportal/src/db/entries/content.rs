//! File contents: a file's versions as BLOBs, written whole or filled in place.

use rusqlite::{Connection, OptionalExtension, params};

use super::*;
use crate::envelope::ApiError;
use crate::time::{db_time, now};

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
