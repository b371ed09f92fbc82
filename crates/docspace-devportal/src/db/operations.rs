//! File operations (copy, move, delete, archive …) as their clients poll them: each is stored as
//! the `FileOperationDto` JSON it is reported as.

use rusqlite::{Connection, params};
use serde_json::Value;

use crate::envelope::ApiError;
use crate::time::{db_time, now};

/// Stores an operation's report.
pub fn save(
    conn: &Connection,
    id: &str,
    user: &str,
    op_type: i64,
    body: &Value,
) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO operations (id, user_id, op_type, body, created) VALUES (?1, ?2, ?3, ?4, ?5) \
         ON CONFLICT(id) DO UPDATE SET body = ?4",
        params![id, user, op_type, body.to_string(), db_time(now())],
    )?;
    Ok(())
}

/// Operation kinds from here on are the devportal's own statuses that DocSpace reports through
/// other endpoints (room templates: `db::templates`), never in the file operations list.
pub const FIRST_INTERNAL_KIND: i64 = 1000;

/// A user's recent operations (newest last), optionally of one type or one id. Without a type,
/// only file operations (kinds below [`FIRST_INTERNAL_KIND`]).
pub fn list(
    conn: &Connection,
    user: &str,
    op_type: Option<i64>,
    id: Option<&str>,
) -> Result<Vec<Value>, ApiError> {
    let mut stmt = conn.prepare(
        "SELECT body FROM (SELECT body, created, rowid FROM operations WHERE user_id = ?1 \
         AND ((?2 IS NULL AND op_type < ?4) OR op_type = ?2) AND (?3 IS NULL OR id = ?3) \
         ORDER BY created DESC, rowid DESC LIMIT 100) \
         ORDER BY created, rowid",
    )?;
    let rows = stmt.query_map(params![user, op_type, id, FIRST_INTERNAL_KIND], |r| {
        r.get::<_, String>(0)
    })?;
    rows.map(|r| {
        let s = r?;
        serde_json::from_str(&s).map_err(|e| ApiError::Internal(format!("stored operation: {e}")))
    })
    .collect()
}

/// Drops finished operations older than a day (DocSpace forgets them too).
pub fn prune(conn: &Connection) -> Result<(), ApiError> {
    conn.execute(
        "DELETE FROM operations WHERE created < ?1",
        [db_time(now() - chrono::Duration::days(1))],
    )?;
    Ok(())
}
