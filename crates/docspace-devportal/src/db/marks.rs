//! Each user's marks on files and folders: favourites and recently opened files. DocSpace keeps
//! both as per-user tags (`TagType.Favorite` = 2, `TagType.Recent` = 16 in
//! `ONLYOFFICE/DocSpace-server: products/ASC.Files/Core/Core/Entries/Tag.cs`); the Favourites and
//! Recent sections list the entries carrying the caller's tag.

use std::collections::HashSet;

use rusqlite::{Connection, params};

use super::entries::{FILE_COLUMNS, FOLDER_COLUMNS, File, Folder, file_from_row, folder_from_row};
use crate::envelope::ApiError;
use crate::time::{db_time, now};

/// The table, and triggers that drop the marks of deleted entries (also those a folder's deletion
/// removes by cascade), so a later entry that reuses an id does not inherit them.
pub const MIGRATION: &str = r#"
    CREATE TABLE entry_marks (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        tag INTEGER NOT NULL,
        entry_type INTEGER NOT NULL,
        entry_id INTEGER NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (user_id, tag, entry_type, entry_id)
    );
    CREATE INDEX entry_marks_entry ON entry_marks(entry_type, entry_id);
    CREATE TRIGGER entry_marks_file_gone AFTER DELETE ON files BEGIN
        DELETE FROM entry_marks WHERE entry_type = 2 AND entry_id = OLD.id;
    END;
    CREATE TRIGGER entry_marks_folder_gone AFTER DELETE ON folders BEGIN
        DELETE FROM entry_marks WHERE entry_type = 1 AND entry_id = OLD.id;
    END;
"#;

/// Which mark (DocSpace's `TagType` value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// `TagType.Favorite`.
    Favorite = 2,
    /// `TagType.Recent`.
    Recent = 16,
}

/// A folder (1) or a file (2): DocSpace's `FileEntryType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// `FileEntryType.Folder`.
    Folder = 1,
    /// `FileEntryType.File`.
    File = 2,
}

/// One user's `tag` on entries of one `kind`: the key of the rows that [`Marks::add`],
/// [`Marks::remove`] and [`Marks::among`] touch.
#[derive(Debug, Clone, Copy)]
pub struct Marks<'a> {
    user: &'a str,
    tag: Tag,
    kind: EntryKind,
}

impl<'a> Marks<'a> {
    /// `user`'s `tag` on entries of `kind`.
    pub fn new(user: &'a str, tag: Tag, kind: EntryKind) -> Marks<'a> {
        Marks { user, tag, kind }
    }

    /// Sets the mark on `ids`; an existing mark gets the current time (a file opened again moves
    /// to the top of Recent).
    pub fn add(&self, conn: &Connection, ids: &[i64]) -> Result<(), ApiError> {
        let at = db_time(now());
        let mut stmt = conn.prepare(
            "INSERT INTO entry_marks (user_id, tag, entry_type, entry_id, at) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (user_id, tag, entry_type, entry_id) DO UPDATE SET at = excluded.at",
        )?;
        for id in ids {
            stmt.execute(params![
                self.user,
                self.tag as i64,
                self.kind as i64,
                id,
                at
            ])?;
        }
        Ok(())
    }

    /// Removes the mark from `ids`.
    pub fn remove(&self, conn: &Connection, ids: &[i64]) -> Result<(), ApiError> {
        let mut stmt = conn.prepare(
            "DELETE FROM entry_marks WHERE user_id = ?1 AND tag = ?2 AND entry_type = ?3 AND entry_id = ?4",
        )?;
        for id in ids {
            stmt.execute(params![self.user, self.tag as i64, self.kind as i64, id])?;
        }
        Ok(())
    }

    /// Which of `ids` carry the mark.
    pub fn among(&self, conn: &Connection, ids: &[i64]) -> Result<HashSet<i64>, ApiError> {
        if ids.is_empty() || self.user.is_empty() {
            return Ok(HashSet::new());
        }
        let sql = format!(
            "SELECT entry_id FROM entry_marks WHERE user_id = ?1 AND tag = ?2 AND entry_type = ?3 \
             AND entry_id IN ({})",
            super::placeholders(ids.len())
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut args: Vec<rusqlite::types::Value> = vec![
            self.user.to_string().into(),
            (self.tag as i64).into(),
            (self.kind as i64).into(),
        ];
        args.extend(ids.iter().map(|&i| i.into()));
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// `user`'s files carrying `tag`, most recently marked first.
pub fn files(conn: &Connection, user: &str, tag: Tag) -> Result<Vec<File>, ApiError> {
    let cols = FILE_COLUMNS
        .split(", ")
        .map(|c| format!("x.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT {cols} FROM entry_marks m JOIN files x ON x.id = m.entry_id \
         WHERE m.user_id = ?1 AND m.tag = ?2 AND m.entry_type = 2 ORDER BY m.at DESC, x.id DESC"
    ))?;
    let rows = stmt.query_map(params![user, tag as i64], file_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// `user`'s folders carrying `tag`, most recently marked first.
pub fn folders(conn: &Connection, user: &str, tag: Tag) -> Result<Vec<Folder>, ApiError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {FOLDER_COLUMNS} FROM entry_marks m JOIN folders f ON f.id = m.entry_id \
         WHERE m.user_id = ?1 AND m.tag = ?2 AND m.entry_type = 1 ORDER BY m.at DESC, f.id DESC"
    ))?;
    let rows = stmt.query_map(params![user, tag as i64], folder_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}
