//! The signing keys.

use rusqlite::{Connection, params};

use crate::envelope::ApiError;

/// A stored signing key.
pub struct StoredKey {
    /// `kid`.
    pub kid: String,
    /// The PKCS#8 document.
    pub pkcs8: Vec<u8>,
    /// When it was made (`db_time`).
    pub created: String,
}

/// All stored keys, newest first.
pub fn keys(conn: &Connection) -> Result<Vec<StoredKey>, ApiError> {
    let mut stmt =
        conn.prepare("SELECT kid, pkcs8, created FROM oauth_keys ORDER BY created DESC, kid")?;
    let rows = stmt.query_map([], |r| {
        Ok(StoredKey {
            kid: r.get(0)?,
            pkcs8: r.get(1)?,
            created: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Stores a new signing key.
pub fn insert_key(conn: &Connection, kid: &str, pkcs8: &[u8], now: &str) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO oauth_keys (kid, pkcs8, created) VALUES (?1, ?2, ?3)",
        params![kid, pkcs8, now],
    )?;
    Ok(())
}

/// Deletes the keys in `kids`.
pub fn delete_keys(conn: &Connection, kids: &[String]) -> Result<(), ApiError> {
    for kid in kids {
        conn.execute("DELETE FROM oauth_keys WHERE kid = ?1", [kid])?;
    }
    Ok(())
}
