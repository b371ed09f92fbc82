//! Room queries: the filtered, paged room listing and the per-room batch look-ups it needs.

use std::collections::{HashMap, HashSet};

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, params};

use super::entries::{Folder, SortBy};
use crate::envelope::ApiError;

/// Filters of `GET files/rooms` (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/VirtualRoomsController.cs`, `GetRoomsFolderAsync`).
#[derive(Debug, Clone, Default)]
pub struct RoomFilter {
    /// Section folders to list (Rooms, Archive, or both).
    pub parents: Vec<i64>,
    /// Room types (empty = all).
    pub types: Vec<i64>,
    /// Rooms where this user is a member or the owner.
    pub subject: Option<String>,
    /// Rooms owned by this user.
    pub owner: Option<String>,
    /// Rooms with none of the user-visible tags.
    pub without_tags: bool,
    /// Rooms with any of these tags.
    pub tags: Vec<String>,
    /// Title contains.
    pub search: Option<String>,
    /// Sort key and direction.
    pub sort: SortBy,
    /// Descending.
    pub descending: bool,
    /// Only rooms this user may see (`None` = all rooms: admins).
    pub visible_to: Option<String>,
    /// Whose pins float to the top.
    pub pinned_for: String,
}

/// One page of rooms and the filtered total.
pub fn list(
    conn: &Connection,
    filter: &RoomFilter,
    start: i64,
    count: i64,
) -> Result<(Vec<Folder>, i64), ApiError> {
    let mut clauses = vec!["f.room_type IS NOT NULL".to_string()];
    let mut args: Vec<SqlValue> = Vec::new();
    let push_in =
        |clauses: &mut Vec<String>, col: &str, vals: Vec<SqlValue>, args: &mut Vec<SqlValue>| {
            clauses.push(format!("{col} IN ({})", super::placeholders(vals.len())));
            args.extend(vals);
        };
    push_in(
        &mut clauses,
        "f.parent_id",
        filter
            .parents
            .iter()
            .map(|p| SqlValue::Integer(*p))
            .collect(),
        &mut args,
    );
    if !filter.types.is_empty() {
        push_in(
            &mut clauses,
            "f.room_type",
            filter.types.iter().map(|t| SqlValue::Integer(*t)).collect(),
            &mut args,
        );
    }
    if let Some(me) = &filter.visible_to {
        clauses.push(
            // A public template is shared with the Everyone group
            // (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/RoomTemplatesController.cs`).
            "(f.owner_id = ? OR EXISTS (SELECT 1 FROM room_members m WHERE m.room_id = f.id AND m.user_id = ? AND m.access <> 0) \
             OR EXISTS (SELECT 1 FROM room_templates t WHERE t.template_id = f.id AND t.is_public = 1))"
                .into(),
        );
        args.push(SqlValue::Text(me.clone()));
        args.push(SqlValue::Text(me.clone()));
    }
    if let Some(s) = &filter.subject {
        clauses.push(
            "(f.owner_id = ? OR EXISTS (SELECT 1 FROM room_members m WHERE m.room_id = f.id AND m.user_id = ? AND m.access <> 0))"
                .into(),
        );
        args.push(SqlValue::Text(s.clone()));
        args.push(SqlValue::Text(s.clone()));
    }
    if let Some(o) = &filter.owner {
        clauses.push("f.owner_id = ?".into());
        args.push(SqlValue::Text(o.clone()));
    }
    if filter.without_tags {
        clauses.push("NOT EXISTS (SELECT 1 FROM room_tags t WHERE t.room_id = f.id)".into());
    }
    if !filter.tags.is_empty() {
        clauses.push(format!(
            "EXISTS (SELECT 1 FROM room_tags t WHERE t.room_id = f.id AND t.tag IN ({}))",
            super::placeholders(filter.tags.len())
        ));
        args.extend(filter.tags.iter().map(|t| SqlValue::Text(t.clone())));
    }
    if let Some(s) = &filter.search {
        let escaped = s
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        clauses.push("f.title LIKE ? ESCAPE '\\'".into());
        args.push(SqlValue::Text(format!("%{escaped}%")));
    }
    let where_ = clauses.join(" AND ");
    let total: i64 = conn.query_row(
        &format!("SELECT COUNT(*) FROM folders f WHERE {where_}"),
        rusqlite::params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    let dir = if filter.descending { "DESC" } else { "ASC" };
    let key = match filter.sort {
        SortBy::Title => "f.title COLLATE NOCASE",
        SortBy::Created => "f.created",
        SortBy::Type => "f.room_type",
        SortBy::Author => "f.owner_id",
        SortBy::Size | SortBy::Updated => "f.updated",
    };
    // Pinned rooms come first. They are few, so they are listed apart and the rest is paged
    // straight off the section's sort index (selecting ids only), instead of sorting every room.
    let ids_where = |pinned: bool| {
        format!(
            "SELECT f.id FROM folders f WHERE {where_} AND f.id {} (SELECT room_id FROM pins WHERE user_id = ?) \
             ORDER BY {key} {dir}, f.id {dir}",
            if pinned { "IN" } else { "NOT IN" }
        )
    };
    let with_user = |extra: &[SqlValue]| -> Vec<SqlValue> {
        let mut all = args.clone();
        all.push(SqlValue::Text(filter.pinned_for.clone()));
        all.extend_from_slice(extra);
        all
    };
    let ids_of = |sql: String, params: Vec<SqlValue>| -> Result<Vec<i64>, ApiError> {
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    };
    let pinned = ids_of(ids_where(true), with_user(&[]))?;
    let mut page: Vec<i64> = pinned
        .iter()
        .skip(start as usize)
        .take(count as usize)
        .copied()
        .collect();
    let left = count - page.len() as i64;
    if left > 0 {
        let offset = (start - pinned.len() as i64).max(0);
        let sql = format!("{} LIMIT ? OFFSET ?", ids_where(false));
        page.extend(ids_of(
            sql,
            with_user(&[SqlValue::Integer(left), SqlValue::Integer(offset)]),
        )?);
    }
    let mut rows: std::collections::HashMap<i64, Folder> =
        super::entries::folders_by_ids(conn, &page)?
            .into_iter()
            .map(|f| (f.id, f))
            .collect();
    Ok((
        page.iter().filter_map(|id| rows.remove(id)).collect(),
        total,
    ))
}

/// Tags of each room, sorted by name.
pub fn tags_of(conn: &Connection, rooms: &[i64]) -> Result<HashMap<i64, Vec<String>>, ApiError> {
    let mut out: HashMap<i64, Vec<String>> = HashMap::new();
    if rooms.is_empty() {
        return Ok(out);
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT room_id, tag FROM room_tags WHERE room_id IN ({}) ORDER BY tag",
        super::placeholders(rooms.len())
    ))?;
    for row in stmt.query_map(rusqlite::params_from_iter(rooms), |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })? {
        let (id, tag) = row?;
        out.entry(id).or_default().push(tag);
    }
    Ok(out)
}

/// Which of `rooms` `user` pinned.
pub fn pinned_of(conn: &Connection, user: &str, rooms: &[i64]) -> Result<HashSet<i64>, ApiError> {
    if rooms.is_empty() {
        return Ok(HashSet::new());
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT room_id FROM pins WHERE user_id = ? AND room_id IN ({})",
        super::placeholders(rooms.len())
    ))?;
    let args: Vec<SqlValue> = std::iter::once(SqlValue::Text(user.to_string()))
        .chain(rooms.iter().map(|r| SqlValue::Integer(*r)))
        .collect();
    let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Bytes used in each room.
pub fn used_space_of(conn: &Connection, rooms: &[i64]) -> Result<HashMap<i64, i64>, ApiError> {
    if rooms.is_empty() {
        return Ok(HashMap::new());
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT fo.room_id, SUM(fi.size) FROM files fi JOIN folders fo ON fo.id = fi.folder_id \
         WHERE fo.room_id IN ({}) GROUP BY fo.room_id",
        super::placeholders(rooms.len())
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(rooms), |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Which of `rooms` have at least one external link.
pub fn shared_of(conn: &Connection, rooms: &[i64]) -> Result<HashSet<i64>, ApiError> {
    if rooms.is_empty() {
        return Ok(HashSet::new());
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT DISTINCT room_id FROM links WHERE link_type = 1 AND access <> 0 AND room_id IN ({})",
        super::placeholders(rooms.len())
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(rooms), |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Pins or unpins a room for a user.
pub fn set_pinned(conn: &Connection, user: &str, room: i64, pinned: bool) -> Result<(), ApiError> {
    if pinned {
        conn.execute(
            "INSERT OR IGNORE INTO pins (user_id, room_id) VALUES (?1, ?2)",
            params![user, room],
        )?;
    } else {
        conn.execute(
            "DELETE FROM pins WHERE user_id = ?1 AND room_id = ?2",
            params![user, room],
        )?;
    }
    Ok(())
}

/// Writes a room's title and settings.
pub fn update(conn: &Connection, room: &Folder, user: &str) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE folders SET title = ?2, private = ?3, indexing = ?4, deny_download = ?5, quota = ?6, color = ?7, \
         cover = ?8, lifetime = ?9, watermark = ?10, updated = ?11, updated_by = ?12 WHERE id = ?1",
        params![
            room.id,
            room.title,
            room.private,
            room.indexing,
            room.deny_download,
            room.quota,
            room.color,
            room.cover,
            room.lifetime,
            room.watermark,
            crate::time::db_time(crate::time::now()),
            user
        ],
    )?;
    Ok(())
}

/// Moves a room into another section (Rooms ↔ Archive), re-homing its contents.
pub fn move_to_section(
    conn: &Connection,
    room: i64,
    section: &Folder,
    user: &str,
) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE folders SET root_id = ?2 WHERE room_id = ?1",
        params![room, section.id],
    )?;
    conn.execute(
        "UPDATE folders SET parent_id = ?2, updated = ?3, updated_by = ?4 WHERE id = ?1",
        params![
            room,
            section.id,
            crate::time::db_time(crate::time::now()),
            user
        ],
    )?;
    Ok(())
}
