//! Room templates: rooms kept in the shared "Room templates" section (DocSpace's
//! `FolderType.RoomTemplates`, 30), whether each is public (shared with the Everyone group), and
//! the statuses of the background operations that make templates and rooms from them
//! (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Core/RoomTemplates/Operations/*.cs`).

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use super::entries::{self, Folder, ListFilter, NewFolder, folder_type};
use super::{operations, rooms, tags};
use crate::envelope::ApiError;

/// Migration "room-templates": one row per template, `is_public` when the Everyone group reads it.
pub const MIGRATION: &str = r#"
    CREATE TABLE room_templates (
        template_id INTEGER PRIMARY KEY REFERENCES folders(id) ON DELETE CASCADE,
        is_public INTEGER NOT NULL DEFAULT 0
    );
"#;

/// `FolderType.RoomTemplates`.
pub const SECTION_TYPE: i64 = 30;

/// Operation kind of "save a room as a template" in the operations table (not a `FileOperationType`:
/// these statuses are read only through `files/roomtemplate/status`).
pub const OP_TEMPLATE: i64 = super::operations::FIRST_INTERNAL_KIND;
/// Operation kind of "create a room from a template" (`files/rooms/fromTemplate/status`).
pub const OP_FROM_TEMPLATE: i64 = super::operations::FIRST_INTERNAL_KIND + 1;

/// The shared templates section, if any template was ever made.
pub fn section(conn: &Connection) -> Result<Option<Folder>, ApiError> {
    entries::section(conn, SECTION_TYPE, None)
}

/// The shared templates section, created on first use.
pub fn ensure_section(conn: &Connection, owner: &str) -> Result<Folder, ApiError> {
    entries::ensure_section(conn, SECTION_TYPE, "Room templates", owner, true)
}

/// Whether `folder` is a template (a room directly in the templates section).
pub fn is_template(conn: &Connection, folder: &Folder) -> Result<bool, ApiError> {
    Ok(folder.is_room() && entries::folder_type_of(conn, folder.root_id)? == Some(SECTION_TYPE))
}

/// Whether the template is public.
pub fn is_public(conn: &Connection, template: i64) -> Result<bool, ApiError> {
    Ok(conn
        .query_row(
            "SELECT is_public FROM room_templates WHERE template_id = ?1",
            [template],
            |r| r.get::<_, bool>(0),
        )
        .optional()?
        .unwrap_or(false))
}

/// Marks a template public or not.
pub fn set_public(conn: &Connection, template: i64, public: bool) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO room_templates (template_id, is_public) VALUES (?1, ?2) \
         ON CONFLICT(template_id) DO UPDATE SET is_public = ?2",
        params![template, public],
    )?;
    Ok(())
}

/// What a room copy is given besides the source's settings.
pub struct Copy<'a> {
    /// Title of the copy.
    pub title: &'a str,
    /// Creator and owner of the copy.
    pub owner: &'a str,
    /// Colour; `None` picks one as room creation does.
    pub color: Option<String>,
    /// Cover id.
    pub cover: Option<String>,
    /// Tags (already checked).
    pub tags: &'a [String],
    /// The request's quota, which replaces the source's once the contents are copied
    /// (`FolderQuotaChangeAsync` at the end of both operations); `None` keeps the source's.
    pub quota: Option<i64>,
}

/// Makes the room of a copy under `section`: the source's type and settings (private, indexing,
/// quota, lifetime, download, watermark) with the copy's own title, colour and cover, but no tags
/// or contents yet (DocSpace saves a logo between the two, and a failing logo stops there).
pub fn new_room(
    conn: &Connection,
    src: &Folder,
    section: &Folder,
    copy: &Copy<'_>,
) -> Result<Folder, ApiError> {
    let mut room = entries::insert_folder(
        conn,
        section,
        &NewFolder {
            title: copy.title.to_string(),
            folder_type: src.folder_type,
            room_type: src.room_type,
            owner_id: copy.owner.to_string(),
        },
    )?;
    room.private = src.private;
    room.indexing = src.indexing;
    room.deny_download = src.deny_download;
    room.quota = src.quota;
    room.lifetime = src.lifetime.clone();
    room.watermark = src.watermark.clone();
    room.cover = copy.cover.clone();
    room.color = copy.color.clone().or_else(|| {
        // DocSpace picks a random colour; derive one from the id so it is stable.
        const PALETTE: [&str; 6] = ["5299E0", "6191F2", "55C1C1", "D05E8D", "B06DD9", "4FB7A2"];
        Some(PALETTE[(room.id as usize) % PALETTE.len()].to_string())
    });
    rooms::update(conn, &room, copy.owner)?;
    Ok(room)
}

/// Completes a room made by [`new_room`]: its tags, the files and folders of `src`, then the
/// request's quota. Returns the room as stored and how many files were copied.
pub fn fill_room(
    conn: &Connection,
    src: &Folder,
    mut room: Folder,
    copy: &Copy<'_>,
) -> Result<(Folder, usize), ApiError> {
    for tag in copy.tags {
        tags::attach(conn, room.id, tag, copy.owner)?;
    }
    let copied = copy_contents(conn, src, &room, copy.owner)?;
    if let Some(q) = copy.quota {
        room.quota = q;
        rooms::update(conn, &room, copy.owner)?;
    }
    Ok((room, copied))
}

/// Copies the files and folders of `src` into `dest`; returns how many files were copied.
fn copy_contents(
    conn: &Connection,
    src: &Folder,
    dest: &Folder,
    user: &str,
) -> Result<usize, ApiError> {
    let (folders, files, _) = entries::children(conn, src.id, &ListFilter::default(), 0, i64::MAX)?;
    let mut copied = files.len();
    for f in &files {
        entries::copy_file(conn, f, dest.id, &f.title, user)?;
    }
    for sub in &folders {
        let new = entries::insert_folder(
            conn,
            dest,
            &NewFolder {
                title: sub.title.clone(),
                folder_type: folder_type::DEFAULT,
                room_type: None,
                owner_id: user.to_string(),
            },
        )?;
        copied += copy_contents(conn, sub, &new, user)?;
    }
    Ok(copied)
}

/// Stores the status of the portal's template operation of `kind`, started by `user`. DocSpace
/// keeps one task of each kind per portal (tenant), replaced when a finished one is followed by
/// a new one, and its status endpoints answer that task to any signed-in caller
/// (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Core/RoomTemplates/RoomTemplatesWorker.cs`:
/// `FirstOrDefault(t => t.TenantId == tenantId)` in `StartCreateTemplateAsync` and
/// `GetStatusTemplateCreatingAsync`). Here every task finishes within its request, so a new one
/// always replaces the last.
pub fn save_status(
    conn: &Connection,
    user: &str,
    kind: i64,
    status: &Value,
) -> Result<(), ApiError> {
    operations::prune(conn)?;
    conn.execute("DELETE FROM operations WHERE op_type = ?1", params![kind])?;
    operations::save(conn, &uuid::Uuid::new_v4().to_string(), user, kind, status)
}

/// The status of the portal's template operation of `kind`, whoever started it, if any.
pub fn status(conn: &Connection, kind: i64) -> Result<Option<Value>, ApiError> {
    let body: Option<String> = conn
        .query_row(
            "SELECT body FROM operations WHERE op_type = ?1 ORDER BY created DESC, rowid DESC LIMIT 1",
            [kind],
            |r| r.get(0),
        )
        .optional()?;
    body.map(|s| {
        serde_json::from_str(&s).map_err(|e| ApiError::Internal(format!("stored status: {e}")))
    })
    .transpose()
}
