//! Listing a folder's children: DocSpace's sort keys and filters, one page at a time, and the
//! counts a listing shows.

use rusqlite::{Connection, params};

use super::*;
use crate::envelope::ApiError;

/// A sort key for listings (DocSpace's `sortBy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Last modified (`DateAndTime`), the default.
    #[default]
    Updated,
    /// Creation time (`DateAndTimeCreation`).
    Created,
    /// Title (`AZ`).
    Title,
    /// Size.
    Size,
    /// Author.
    Author,
    /// Room type (`RoomType`) or file extension (`Type`).
    Type,
}

impl SortBy {
    /// From DocSpace's `sortBy` name (case-insensitive); unknown names give the default.
    pub fn parse(s: &str) -> SortBy {
        match s.to_ascii_lowercase().as_str() {
            "az" | "title" => SortBy::Title,
            "size" | "usedspace" => SortBy::Size,
            "author" => SortBy::Author,
            "type" | "roomtype" => SortBy::Type,
            "dateandtimecreation" => SortBy::Created,
            _ => SortBy::Updated,
        }
    }
}

/// Filters of a folder listing.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// Title contains (case-insensitive).
    pub search: Option<String>,
    /// Only folders / only files (`applyFilterOption`, `filterType`).
    pub folders: bool,
    /// See [`ListFilter::folders`].
    pub files: bool,
    /// Only files with one of these extensions (lowercase, with dot).
    pub extensions: Option<Vec<String>>,
    /// Only entries created by this user.
    pub author: Option<String>,
    /// Sort key.
    pub sort: SortBy,
    /// Descending.
    pub descending: bool,
}

fn order_clause(sort: SortBy, descending: bool, is_files: bool) -> String {
    let dir = if descending { "DESC" } else { "ASC" };
    let col = match sort {
        SortBy::Updated => "updated",
        SortBy::Created => "created",
        SortBy::Title => "title COLLATE NOCASE",
        SortBy::Size if is_files => "size",
        SortBy::Author => "owner_id",
        SortBy::Type if is_files => "lower(title)",
        _ => "title COLLATE NOCASE",
    };
    format!("ORDER BY {col} {dir}, id {dir}")
}

fn like_pattern(s: &str) -> String {
    let escaped = s
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// One page of a folder's children: sub-folders first, then files, and the filtered totals.
pub fn children(
    conn: &Connection,
    folder_id: i64,
    filter: &ListFilter,
    start: i64,
    count: i64,
) -> Result<(Vec<Folder>, Vec<File>, i64), ApiError> {
    let pattern = filter.search.as_deref().map(like_pattern);
    let want_folders = !filter.files || filter.folders;
    let want_files = !filter.folders || filter.files;
    let want_folders = want_folders && filter.extensions.is_none();

    let mut folders = Vec::new();
    let mut folder_total = 0;
    if want_folders {
        let where_ = "f.parent_id = ?1 AND (?2 IS NULL OR f.title LIKE ?2 ESCAPE '\\') AND (?3 IS NULL OR f.owner_id = ?3)";
        folder_total = conn.query_row(
            &format!("SELECT COUNT(*) FROM folders f WHERE {where_}"),
            params![folder_id, pattern, filter.author],
            |r| r.get(0),
        )?;
        if start < folder_total {
            let order = order_clause(filter.sort, filter.descending, false)
                .replace("ORDER BY ", "ORDER BY f.")
                .replace(", id", ", f.id");
            let mut stmt = conn.prepare(&format!(
                "SELECT {FOLDER_COLUMNS} FROM folders f WHERE {where_} {order} LIMIT ?4 OFFSET ?5"
            ))?;
            let rows = stmt.query_map(
                params![folder_id, pattern, filter.author, count, start],
                folder_from_row,
            )?;
            folders = rows.collect::<Result<_, _>>()?;
        }
    }
    let mut files = Vec::new();
    let mut file_total = 0;
    if want_files {
        // Extensions are user text: they are bound as parameters (?6, ?7, …), never spliced into
        // the SQL, and matched as an exact suffix rather than with LIKE, so `%`, `_` and `'` in
        // them are ordinary characters.
        let exts: &[String] = filter.extensions.as_deref().unwrap_or(&[]);
        let ext_clause = match &filter.extensions {
            Some(exts) if !exts.is_empty() => format!(
                " AND ({})",
                (0..exts.len())
                    .map(|i| {
                        let n = i + 6;
                        format!("(length(title) >= length(?{n}) AND substr(lower(title), -length(?{n})) = ?{n})")
                    })
                    .collect::<Vec<_>>()
                    .join(" OR ")
            ),
            Some(_) => " AND 0".to_string(),
            None => String::new(),
        };
        let where_ = format!(
            "folder_id = ?1 AND (?2 IS NULL OR title LIKE ?2 ESCAPE '\\') AND (?3 IS NULL OR owner_id = ?3){ext_clause}"
        );
        let bind = |limit: Option<i64>, offset: Option<i64>| {
            let mut v: Vec<rusqlite::types::Value> = vec![
                folder_id.into(),
                pattern.clone().into(),
                filter.author.clone().into(),
                limit.into(),
                offset.into(),
            ];
            v.extend(exts.iter().map(|e| rusqlite::types::Value::from(e.clone())));
            v
        };
        // `?4`/`?5` (LIMIT/OFFSET) are absent from the count but SQLite numbers parameters up to
        // the largest one used, so with extensions (`?6…`) they are bound there too, unused.
        let count_binds = if exts.is_empty() {
            bind(None, None)[..3].to_vec()
        } else {
            bind(None, None)
        };
        file_total = conn.query_row(
            &format!("SELECT COUNT(*) FROM files WHERE {where_}"),
            rusqlite::params_from_iter(count_binds),
            |r| r.get(0),
        )?;
        let file_start = (start - folder_total).max(0);
        let room_left = count - folders.len() as i64;
        if room_left > 0 && file_start < file_total {
            let order = order_clause(filter.sort, filter.descending, true);
            let mut stmt = conn.prepare(&format!(
                "SELECT {FILE_COLUMNS} FROM files WHERE {where_} {order} LIMIT ?4 OFFSET ?5"
            ))?;
            let rows = stmt.query_map(
                rusqlite::params_from_iter(bind(Some(room_left), Some(file_start))),
                file_from_row,
            )?;
            files = rows.collect::<Result<_, _>>()?;
        }
    }
    Ok((folders, files, folder_total + file_total))
}

/// `(filesCount, foldersCount)` for each of `ids`, counting direct children.
pub fn child_counts(
    conn: &Connection,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, (i64, i64)>, ApiError> {
    let mut out: std::collections::HashMap<i64, (i64, i64)> =
        ids.iter().map(|id| (*id, (0, 0))).collect();
    if ids.is_empty() {
        return Ok(out);
    }
    let ph = crate::db::placeholders(ids.len());
    let mut stmt = conn.prepare(&format!(
        "SELECT folder_id, COUNT(*) FROM files WHERE folder_id IN ({ph}) GROUP BY folder_id"
    ))?;
    for row in stmt.query_map(rusqlite::params_from_iter(ids), |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
    })? {
        let (id, n) = row?;
        out.entry(id).or_default().0 = n;
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT parent_id, COUNT(*) FROM folders WHERE parent_id IN ({ph}) GROUP BY parent_id"
    ))?;
    for row in stmt.query_map(rusqlite::params_from_iter(ids), |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
    })? {
        let (id, n) = row?;
        out.entry(id).or_default().1 = n;
    }
    Ok(out)
}
