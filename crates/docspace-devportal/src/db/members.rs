//! Room members and their access levels (`FileShare`).

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use crate::envelope::ApiError;

/// A user's stored access level in a room.
pub fn access(conn: &Connection, room: i64, user: &str) -> Result<Option<i64>, ApiError> {
    Ok(conn
        .query_row(
            "SELECT access FROM room_members WHERE room_id = ?1 AND user_id = ?2",
            params![room, user],
            |r| r.get(0),
        )
        .optional()?)
}

/// The user's access level in each of `rooms` where they are a member.
pub fn access_in(
    conn: &Connection,
    user: &str,
    rooms: &[i64],
) -> Result<HashMap<i64, i64>, ApiError> {
    if rooms.is_empty() {
        return Ok(HashMap::new());
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT room_id, access FROM room_members WHERE user_id = ? AND room_id IN ({})",
        super::placeholders(rooms.len())
    ))?;
    let args: Vec<rusqlite::types::Value> =
        std::iter::once(rusqlite::types::Value::Text(user.into()))
            .chain(rooms.iter().map(|r| rusqlite::types::Value::Integer(*r)))
            .collect();
    let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// All members of a room as `(user id, access)`, managers first.
pub fn list(conn: &Connection, room: i64) -> Result<Vec<(String, i64)>, ApiError> {
    let mut stmt = conn.prepare(
        "SELECT m.user_id, m.access FROM room_members m JOIN users u ON u.id = m.user_id \
         WHERE m.room_id = ?1 AND m.access <> 0 ORDER BY (m.access = 9) DESC, u.first_name, u.last_name",
    )?;
    let rows = stmt.query_map([room], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Sets (or with access 0 removes) a member.
pub fn set(conn: &Connection, room: i64, user: &str, access: i64) -> Result<(), ApiError> {
    if access == 0 {
        conn.execute(
            "DELETE FROM room_members WHERE room_id = ?1 AND user_id = ?2",
            params![room, user],
        )?;
    } else {
        conn.execute(
            "INSERT INTO room_members (room_id, user_id, access) VALUES (?1, ?2, ?3) \
             ON CONFLICT(room_id, user_id) DO UPDATE SET access = ?3",
            params![room, user, access],
        )?;
    }
    Ok(())
}
