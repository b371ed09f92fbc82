//! API keys as stored: only a SHA-256 of the key and its last four characters are kept.

use rusqlite::{Connection, OptionalExtension, Row};

use crate::envelope::ApiError;
use crate::time::{db_time, now};

/// An API key row.
#[derive(Debug, Clone)]
pub struct ApiKey {
    /// GUID.
    pub id: String,
    /// Owner (the user the key acts as).
    pub user_id: String,
    /// Display name.
    pub name: String,
    /// Last four characters of the key.
    pub postfix: String,
    /// Scopes; `None` = full access.
    pub permissions: Option<Vec<String>>,
    /// Creation time (stored form).
    pub created: String,
    /// Expiry (stored form).
    pub expires: Option<String>,
    /// Last use (stored form).
    pub last_used: Option<String>,
    /// Whether the key may be used.
    pub active: bool,
}

const COLUMNS: &str =
    "id, user_id, name, key_postfix, permissions, created, expires, last_used, is_active";

fn from_row(r: &Row<'_>) -> rusqlite::Result<ApiKey> {
    let perms: Option<String> = r.get(4)?;
    Ok(ApiKey {
        id: r.get(0)?,
        user_id: r.get(1)?,
        name: r.get(2)?,
        postfix: r.get(3)?,
        permissions: perms.and_then(|p| serde_json::from_str(&p).ok()),
        created: r.get(5)?,
        expires: r.get(6)?,
        last_used: r.get(7)?,
        active: r.get(8)?,
    })
}

/// Stores a key by its hash.
pub fn insert(conn: &Connection, key: &ApiKey, key_hash: &str) -> Result<(), ApiError> {
    let perms = key
        .permissions
        .as_ref()
        .map(|p| serde_json::to_string(p).unwrap_or_default());
    conn.execute(
        "INSERT INTO api_keys (id, user_id, name, key_hash, key_postfix, permissions, created, expires, is_active) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        rusqlite::params![
            key.id,
            key.user_id,
            key.name,
            key_hash,
            key.postfix,
            perms,
            key.created,
            key.expires,
            key.active
        ],
    )?;
    Ok(())
}

/// The key with this hash.
pub fn by_hash(conn: &Connection, key_hash: &str) -> Result<Option<ApiKey>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM api_keys WHERE key_hash = ?1"),
            [key_hash],
            from_row,
        )
        .optional()?)
}

/// The key with this id.
pub fn by_id(conn: &Connection, id: &str) -> Result<Option<ApiKey>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM api_keys WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// Keys of one user, or of everyone when `user_id` is `None`, oldest first.
pub fn list(conn: &Connection, user_id: Option<&str>) -> Result<Vec<ApiKey>, ApiError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM api_keys WHERE ?1 IS NULL OR user_id = ?1 ORDER BY created, id"
    ))?;
    let rows = stmt.query_map([user_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Deletes a key.
pub fn delete(conn: &Connection, id: &str) -> Result<bool, ApiError> {
    Ok(conn.execute("DELETE FROM api_keys WHERE id = ?1", [id])? > 0)
}

/// Updates name, permissions and active flag.
pub fn update(conn: &Connection, key: &ApiKey) -> Result<(), ApiError> {
    let perms = key
        .permissions
        .as_ref()
        .map(|p| serde_json::to_string(p).unwrap_or_default());
    conn.execute(
        "UPDATE api_keys SET name = ?2, permissions = ?3, is_active = ?4 WHERE id = ?1",
        rusqlite::params![key.id, key.name, perms, key.active],
    )?;
    Ok(())
}

/// Records a use of the key (at most once a minute per key, so reads stay reads).
pub fn touch(conn: &Connection, id: &str) -> Result<(), ApiError> {
    let cutoff = db_time(now() - chrono::Duration::seconds(60));
    conn.execute(
        "UPDATE api_keys SET last_used = ?2 WHERE id = ?1 AND (last_used IS NULL OR last_used < ?3)",
        rusqlite::params![id, db_time(now()), cutoff],
    )?;
    Ok(())
}
