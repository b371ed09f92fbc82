//! Changing entries: renaming, moving, copying, deleting, and where a deleted entry came from.

use rusqlite::{Connection, params};

use super::*;
use crate::envelope::ApiError;
use crate::time::{db_time, now};

/// Renames a folder.
pub fn rename_folder(conn: &Connection, id: i64, title: &str, user: &str) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE folders SET title = ?2, updated = ?3, updated_by = ?4 WHERE id = ?1",
        params![id, title, db_time(now()), user],
    )?;
    Ok(())
}

/// Renames a file.
pub fn rename_file(conn: &Connection, id: i64, title: &str, user: &str) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE files SET title = ?2, updated = ?3, updated_by = ?4 WHERE id = ?1",
        params![id, title, db_time(now()), user],
    )?;
    Ok(())
}

/// Ids of `folder` and every folder below it.
pub fn subtree(conn: &Connection, folder: i64) -> Result<Vec<i64>, ApiError> {
    let mut stmt = conn.prepare(
        "WITH RECURSIVE down(id) AS (SELECT ?1 UNION ALL SELECT f.id FROM folders f JOIN down ON f.parent_id = down.id) \
         SELECT id FROM down",
    )?;
    let rows = stmt.query_map([folder], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Moves a folder under `dest`, re-homing its subtree's section root and room.
pub fn move_folder(conn: &Connection, id: i64, dest: &Folder, user: &str) -> Result<(), ApiError> {
    let ids = subtree(conn, id)?;
    let ph = crate::db::placeholders(ids.len());
    conn.execute(
        &format!("UPDATE folders SET root_id = ?, room_id = CASE WHEN room_type IS NOT NULL THEN id ELSE ? END WHERE id IN ({ph})"),
        rusqlite::params_from_iter(
            [Some(dest.root_id), dest.room_id]
                .into_iter()
                .chain(ids.iter().map(|i| Some(*i))),
        ),
    )?;
    conn.execute(
        "UPDATE folders SET parent_id = ?2, updated = ?3, updated_by = ?4 WHERE id = ?1",
        params![id, dest.id, db_time(now()), user],
    )?;
    touch_folder(conn, dest.id, user)?;
    Ok(())
}

/// Moves a file into `dest`.
pub fn move_file(conn: &Connection, id: i64, dest: i64, user: &str) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE files SET folder_id = ?2, updated = ?3, updated_by = ?4 WHERE id = ?1",
        params![id, dest, db_time(now()), user],
    )?;
    touch_folder(conn, dest, user)?;
    Ok(())
}

/// Copies a file (current version) into `dest` as `title`.
pub fn copy_file(
    conn: &Connection,
    src: &File,
    dest: i64,
    title: &str,
    user: &str,
) -> Result<File, ApiError> {
    let data = content(conn, src.id, None)?.unwrap_or_default();
    insert_file(conn, dest, title, user, &data)
}

/// Deletes a folder and everything below it.
pub fn delete_folder(conn: &Connection, id: i64) -> Result<(), ApiError> {
    conn.execute("DELETE FROM folders WHERE id = ?1", [id])?;
    Ok(())
}

/// Deletes a file and its versions.
pub fn delete_file(conn: &Connection, id: i64) -> Result<(), ApiError> {
    conn.execute("DELETE FROM files WHERE id = ?1", [id])?;
    Ok(())
}

/// Records where a trashed entry came from.
pub fn set_origin(
    conn: &Connection,
    table: &str,
    id: i64,
    origin: Option<i64>,
) -> Result<(), ApiError> {
    // `table` is one of two literals chosen by the caller, never input.
    let table = if table == "files" { "files" } else { "folders" };
    conn.execute(
        &format!("UPDATE {table} SET origin_id = ?2 WHERE id = ?1"),
        params![id, origin],
    )?;
    Ok(())
}

/// Gives folder `id` (a room) to `owner` (`Folder.CreateBy` in DocSpace).
pub fn set_owner(conn: &Connection, id: i64, owner: &str) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE folders SET owner_id = ?2 WHERE id = ?1",
        rusqlite::params![id, owner],
    )?;
    Ok(())
}
