//! The version rows of a file (`file_versions`) as DocSpace keeps them: each version has its own
//! content, author, date, comment and *version group*. A group is what the portal's history panel
//! shows as one revision; DocSpace starts a new group with every upload, edit session and restore
//! (`ONLYOFFICE/DocSpace-server: products/ASC.Files/Core/Utils/FileUploader.cs`, `file.VersionGroup++`)
//! and merges groups when a version is "continued" (`…/Core/EF/Queries/FileQueries.cs`,
//! `UpdateVersionGroupAsync`).

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::envelope::ApiError;

/// Migration "file-versions-groups-comments": the version group and comment of each version.
/// Existing versions each get their own group, which is what the portal showed for them so far.
pub const MIGRATION: &str = r#"
    ALTER TABLE file_versions ADD COLUMN version_group INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE file_versions ADD COLUMN comment TEXT;
    UPDATE file_versions SET version_group = version;
"#;

/// DocSpace's comment of a version nobody commented (`FilesCommonResource.CommentCreate`).
pub const COMMENT_CREATE: &str = "Created";
/// … of a version saved from the editor (`CommentEdit`).
pub const COMMENT_EDIT: &str = "Edited";
/// … of an upload over a same-named file (`CommentUpload`).
pub const COMMENT_UPLOAD: &str = "Uploaded";
/// The most characters a comment keeps (`FileDao.UpdateCommentAsync` cuts at 255).
pub const COMMENT_MAX: usize = 255;

/// One version of a file, without its content.
#[derive(Debug, Clone)]
pub struct Version {
    /// The version number (1-based).
    pub version: i64,
    /// Its version group.
    pub version_group: i64,
    /// Its comment, if one was stored.
    pub comment: Option<String>,
    /// Content size in bytes.
    pub size: i64,
    /// When it was stored (database form).
    pub created: String,
    /// Who stored it.
    pub created_by: String,
}

impl Version {
    /// The comment as DocSpace shows it: the stored one, else "Created" for the first version
    /// and "Edited" for a later one.
    pub fn comment_text(&self) -> &str {
        match &self.comment {
            Some(c) => c,
            None if self.version == 1 => COMMENT_CREATE,
            None => COMMENT_EDIT,
        }
    }
}

// `length(content)` reads the BLOB's size from the record header, not the BLOB itself.
const COLUMNS: &str = "version, version_group, comment, length(content), created, created_by";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Version> {
    Ok(Version {
        version: r.get(0)?,
        version_group: r.get(1)?,
        comment: r.get(2)?,
        size: r.get(3)?,
        created: r.get(4)?,
        created_by: r.get(5)?,
    })
}

/// Every version of a file, newest first (`DbFileQueriesAsync` orders by version descending).
pub fn list(conn: &Connection, file_id: i64) -> Result<Vec<Version>, ApiError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM file_versions WHERE file_id = ?1 ORDER BY version DESC"
    ))?;
    let rows = stmt.query_map([file_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One version of a file.
pub fn get(conn: &Connection, file_id: i64, version: i64) -> Result<Option<Version>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM file_versions WHERE file_id = ?1 AND version = ?2"),
            params![file_id, version],
            from_row,
        )
        .optional()?)
}

/// The version group and stored comment of the current version of each file in `ids`.
pub fn current_meta(
    conn: &Connection,
    ids: &[i64],
) -> Result<HashMap<i64, (i64, Option<String>)>, ApiError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT v.file_id, v.version_group, v.comment FROM file_versions v \
         JOIN files f ON f.id = v.file_id AND f.version = v.version WHERE v.file_id IN ({})",
        super::placeholders(ids.len())
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(ids), |r| {
        Ok((r.get::<_, i64>(0)?, (r.get(1)?, r.get(2)?)))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Stores a version's comment, cut to 255 characters as DocSpace does; returns what was stored.
pub fn set_comment(
    conn: &Connection,
    file_id: i64,
    version: i64,
    comment: &str,
) -> Result<String, ApiError> {
    let kept: String = comment.chars().take(COMMENT_MAX).collect();
    conn.execute(
        "UPDATE file_versions SET comment = ?3 WHERE file_id = ?1 AND version = ?2",
        params![file_id, version, kept],
    )?;
    Ok(kept)
}

/// "Continue version": the versions after `version` whose group is above its group move one
/// group down, joining the revision before them (`FileDao.ContinueVersionAsync`).
pub fn continue_version(conn: &Connection, file_id: i64, version: i64) -> Result<(), ApiError> {
    let group: i64 = conn
        .query_row(
            "SELECT version_group FROM file_versions WHERE file_id = ?1 AND version = ?2",
            params![file_id, version],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0);
    conn.execute(
        "UPDATE file_versions SET version_group = version_group - 1 \
         WHERE file_id = ?1 AND version > ?2 AND version_group > ?3",
        params![file_id, version, group],
    )?;
    Ok(())
}

/// Deletes one (non-current) version and its content.
pub fn delete(conn: &Connection, file_id: i64, version: i64) -> Result<(), ApiError> {
    conn.execute(
        "DELETE FROM file_versions WHERE file_id = ?1 AND version = ?2",
        params![file_id, version],
    )?;
    Ok(())
}
