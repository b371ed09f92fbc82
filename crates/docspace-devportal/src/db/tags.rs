//! Custom tags and the rooms they are attached to.

use rusqlite::{Connection, OptionalExtension, params};

use crate::envelope::ApiError;
use crate::time::{db_time, now};

/// Longest tag name, in characters: DocSpace's `CreateTag.Name` is `[StringLength(255)]` and its
/// column `DbFilesTag.Name` is `[MaxLength(255)]` (`ONLYOFFICE/DocSpace-server:
/// products/ASC.Files/Server/ApiModels/RequestDto/CreateTag.cs`,
/// `products/ASC.Files/Core/Core/EF/DbFilesTag.cs`).
pub const NAME_MAX: usize = 255;

/// Most tags one room may carry. DocSpace sets no such limit (`CustomTagsService.AddRoomTagsAsync`
/// in `ONLYOFFICE/DocSpace-server: products/ASC.Files/Core/Core/VirtualRooms/CustomTagsService.cs`
/// saves whatever names it is given), but every room DTO in every listing carries all of its tags,
/// so an unbounded list lets one room admin make every listing arbitrarily large. 100 is far more
/// than any room's tag row can show and small enough to keep a page of rooms cheap.
pub const MAX_PER_ROOM: usize = 100;

/// The refusal when a room would carry more than [`MAX_PER_ROOM`] tags.
pub fn too_many() -> ApiError {
    ApiError::BadRequest(format!("A room can have at most {MAX_PER_ROOM} tags"))
}

/// Whether a tag exists.
pub fn exists(conn: &Connection, name: &str) -> Result<bool, ApiError> {
    Ok(conn
        .query_row("SELECT 1 FROM tags WHERE name = ?1", [name], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Creates a tag if it does not exist.
pub fn ensure(conn: &Connection, name: &str, owner: &str) -> Result<(), ApiError> {
    conn.execute(
        "INSERT OR IGNORE INTO tags (name, owner_id, created) VALUES (?1, ?2, ?3)",
        params![name, owner, db_time(now())],
    )?;
    Ok(())
}

/// Tag names matching `search`, paged; `visible_to` limits to tags of rooms the user sees.
pub fn list(
    conn: &Connection,
    search: Option<&str>,
    visible_to: Option<&str>,
    start: i64,
    count: i64,
) -> Result<Vec<String>, ApiError> {
    let pattern = search.map(|s| format!("%{}%", s.replace('%', "\\%").replace('_', "\\_")));
    let mut stmt = conn.prepare(
        "SELECT t.name FROM tags t WHERE (?1 IS NULL OR t.name LIKE ?1 ESCAPE '\\') AND (?2 IS NULL OR EXISTS ( \
           SELECT 1 FROM room_tags rt JOIN folders f ON f.id = rt.room_id WHERE rt.tag = t.name AND ( \
             f.owner_id = ?2 OR EXISTS (SELECT 1 FROM room_members m WHERE m.room_id = f.id AND m.user_id = ?2)))) \
         ORDER BY t.name LIMIT ?3 OFFSET ?4",
    )?;
    let rows = stmt.query_map(params![pattern, visible_to, count, start], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Renames a tag (room links follow by `ON UPDATE CASCADE`).
pub fn rename(conn: &Connection, old: &str, new: &str) -> Result<bool, ApiError> {
    Ok(conn.execute(
        "UPDATE tags SET name = ?2 WHERE name = ?1",
        params![old, new],
    )? > 0)
}

/// Deletes a tag everywhere.
pub fn delete(conn: &Connection, name: &str) -> Result<(), ApiError> {
    conn.execute("DELETE FROM tags WHERE name = ?1", [name])?;
    Ok(())
}

/// Whether any room carries the tag.
pub fn has_links(conn: &Connection, name: &str) -> Result<bool, ApiError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM room_tags WHERE tag = ?1 LIMIT 1",
            [name],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Attaches a tag (created if missing) to a room; refused past [`MAX_PER_ROOM`] tags (the
/// caller's transaction then rolls back, so nothing of the request stays).
pub fn attach(conn: &Connection, room: i64, name: &str, owner: &str) -> Result<(), ApiError> {
    ensure(conn, name, owner)?;
    conn.execute(
        "INSERT OR IGNORE INTO room_tags (room_id, tag) VALUES (?1, ?2)",
        params![room, name],
    )?;
    let n: i64 = conn.query_row(
        "SELECT COUNT(*) FROM room_tags WHERE room_id = ?1",
        [room],
        |r| r.get(0),
    )?;
    if n as usize > MAX_PER_ROOM {
        return Err(too_many());
    }
    Ok(())
}

/// Detaches a tag from a room.
pub fn detach(conn: &Connection, room: i64, name: &str) -> Result<(), ApiError> {
    conn.execute(
        "DELETE FROM room_tags WHERE room_id = ?1 AND tag = ?2",
        params![room, name],
    )?;
    Ok(())
}
