//! Portal settings: a key/value table (password salt, CSP domains).

use rusqlite::{Connection, OptionalExtension};

use crate::envelope::ApiError;

/// Key of the password salt.
pub const PASSWORD_SALT: &str = "password_salt";
/// Key of the CSP domain list (a JSON array of strings).
pub const CSP_DOMAINS: &str = "csp_domains";
/// Key of the time the CSP list last changed (stored form).
pub const CSP_MODIFIED: &str = "csp_modified";

/// Reads a setting.
pub fn get(conn: &Connection, key: &str) -> Result<Option<String>, ApiError> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Writes a setting.
pub fn set(conn: &Connection, key: &str, value: &str) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2",
        [key, value],
    )?;
    Ok(())
}
