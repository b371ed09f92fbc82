//! Chunked upload sessions and their chunks (BLOBs until the file is assembled).

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::envelope::ApiError;

/// A session row.
#[derive(Debug, Clone)]
pub struct UploadSession {
    /// Opaque id.
    pub id: String,
    /// Owner.
    pub user_id: String,
    /// Destination folder.
    pub folder_id: i64,
    /// File name.
    pub file_name: String,
    /// Announced size.
    pub file_size: i64,
    /// Create a new file even when one with the name exists.
    pub create_new: bool,
    /// Creation time (stored form).
    pub created: String,
    /// Expiry (stored form).
    pub expires: String,
}

const COLUMNS: &str = "id, user_id, folder_id, file_name, file_size, create_new, created, expires";

fn from_row(r: &Row<'_>) -> rusqlite::Result<UploadSession> {
    Ok(UploadSession {
        id: r.get(0)?,
        user_id: r.get(1)?,
        folder_id: r.get(2)?,
        file_name: r.get(3)?,
        file_size: r.get(4)?,
        create_new: r.get(5)?,
        created: r.get(6)?,
        expires: r.get(7)?,
    })
}

/// Stores a new session.
pub fn insert(conn: &Connection, s: &UploadSession) -> Result<(), ApiError> {
    conn.execute(
        &format!("INSERT INTO upload_sessions ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
        params![
            s.id,
            s.user_id,
            s.folder_id,
            s.file_name,
            s.file_size,
            s.create_new,
            s.created,
            s.expires
        ],
    )?;
    Ok(())
}

/// A session by id.
pub fn get(conn: &Connection, id: &str) -> Result<Option<UploadSession>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM upload_sessions WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// Stores chunk `n` (replacing a resent one).
pub fn put_chunk(conn: &Connection, id: &str, n: i64, data: &[u8]) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO upload_chunks (session_id, chunk_number, data) VALUES (?1, ?2, ?3) \
         ON CONFLICT(session_id, chunk_number) DO UPDATE SET data = ?3",
        params![id, n, data],
    )?;
    Ok(())
}

/// The next chunk number for a sequential upload.
pub fn next_chunk(conn: &Connection, id: &str) -> Result<i64, ApiError> {
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(chunk_number), 0) + 1 FROM upload_chunks WHERE session_id = ?1",
        [id],
        |r| r.get(0),
    )?)
}

/// Bytes received so far.
pub fn received(conn: &Connection, id: &str) -> Result<i64, ApiError> {
    Ok(conn.query_row(
        "SELECT COALESCE(SUM(length(data)), 0) FROM upload_chunks WHERE session_id = ?1",
        [id],
        |r| r.get(0),
    )?)
}

/// Writes the chunks, in chunk-number order, into `target` from its start, one chunk in memory
/// at a time; returns the bytes written.
pub fn write_chunks_into(
    conn: &Connection,
    id: &str,
    target: &mut rusqlite::blob::Blob<'_>,
) -> Result<i64, ApiError> {
    let mut stmt =
        conn.prepare("SELECT data FROM upload_chunks WHERE session_id = ?1 ORDER BY chunk_number")?;
    let mut at = 0usize;
    for chunk in stmt.query_map([id], |r| r.get::<_, Vec<u8>>(0))? {
        let chunk = chunk?;
        target.write_all_at(&chunk, at)?;
        at += chunk.len();
    }
    Ok(at as i64)
}

/// Deletes a session and its chunks.
pub fn delete(conn: &Connection, id: &str) -> Result<(), ApiError> {
    conn.execute("DELETE FROM upload_sessions WHERE id = ?1", [id])?;
    Ok(())
}
