//! Login sessions: the hashed tokens behind `asc_auth_key`.

use rusqlite::Connection;

use crate::auth::hash_secret;
use crate::envelope::ApiError;
use crate::time::db_time;

/// Stores a new session for `token` (only its hash is kept).
pub fn insert(
    conn: &Connection,
    token: &str,
    user_id: &str,
    expires: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO sessions (token_hash, user_id, created, expires) VALUES (?1, ?2, ?3, ?4)",
        rusqlite::params![
            hash_secret(token),
            user_id,
            db_time(crate::time::now()),
            expires.map(db_time)
        ],
    )?;
    Ok(())
}

/// Invalidates the session of `token`; true if there was one.
pub fn delete(conn: &Connection, token: &str) -> Result<bool, ApiError> {
    Ok(conn.execute(
        "DELETE FROM sessions WHERE token_hash = ?1",
        [hash_secret(token)],
    )? > 0)
}
