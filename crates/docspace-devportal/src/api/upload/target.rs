//! Where an upload lands: the name check, the target folder (and the folders a `relativePath`
//! names), and storing the bytes as a new file or a new version.

use rusqlite::Connection;

use super::super::dto;
use super::super::extract::title;
use super::super::folders::TITLE_MAX;
use super::super::lookup::resolve_folder;
use crate::db::entries::{self, Folder, folder_type};
use crate::db::versions;
use crate::envelope::ApiError;
use crate::permissions::{self, Actor, RoomAction};

/// Extensions the portal accepts for upload (anything else is a 415, as DocSpace answers).
pub fn uploadable(title: &str) -> bool {
    const EXTRA: &[&str] = &[
        ".json", ".xml", ".log", ".yaml", ".yml", ".css", ".js", ".ini", ".docxf", ".oform", ".eml",
    ];
    let ext = entries::split_ext(title).1.to_ascii_lowercase();
    dto::file_type(title) != 0 || EXTRA.contains(&ext.as_str())
}

pub(super) fn check_name(name: &str) -> Result<String, ApiError> {
    let t = title(name, "title", TITLE_MAX)?;
    if !uploadable(&t) {
        return Err(ApiError::UnsupportedMedia(format!(
            "The file type of {t} cannot be uploaded"
        )));
    }
    Ok(t)
}

pub(super) fn upload_target(
    conn: &Connection,
    actor: &Actor,
    raw: &str,
) -> Result<Folder, ApiError> {
    let folder = resolve_folder(conn, actor, raw)?;
    may_upload_into(conn, actor, &folder)?;
    Ok(folder)
}

/// DocSpace's check before an upload lands in `folder`: not the rooms list, the archive or the
/// Trash, and the caller may create there (`FileUploader.GetFolderIdAsync`).
fn may_upload_into(conn: &Connection, actor: &Actor, folder: &Folder) -> Result<(), ApiError> {
    if matches!(
        folder.folder_type,
        folder_type::VIRTUAL_ROOMS | folder_type::ARCHIVE | folder_type::TRASH
    ) {
        return Err(ApiError::AccessDenied);
    }
    permissions::folder_level(conn, actor, folder)?.require(RoomAction::Create)
}

/// DocSpace's longest stored title; longer ones are cut (`Global.MaxTitle`).
const STORED_TITLE_MAX: usize = 170;

/// A title as DocSpace stores it (ONLYOFFICE/DocSpace-server:
/// `products/ASC.Files/Core/Helpers/Global.cs`, `ReplaceInvalidCharsAndTruncate`): trimmed, cut
/// to 170 UTF-16 units (keeping an extension that starts in the last 20), and each of
/// `\t * + : " < > ? | \ /` and each UTF-16 surrogate (so an emoji becomes `__`) replaced by `_`.
pub fn stored_title(raw: &str) -> String {
    let units: Vec<u16> = raw.trim().encode_utf16().collect();
    let units = if units.len() > STORED_TITLE_MAX {
        let dot = units.iter().rposition(|&u| u == u16::from(b'.'));
        match dot {
            Some(pos) if pos > STORED_TITLE_MAX - 20 => {
                // .NET would throw for an extension longer than the limit; keep it whole.
                let keep = STORED_TITLE_MAX.saturating_sub(units.len() - pos);
                [&units[..keep], &units[pos..]].concat()
            }
            _ => units[..STORED_TITLE_MAX].to_vec(),
        }
    } else {
        units
    };
    char::decode_utf16(units.iter().copied())
        .flat_map(|c| match c {
            Ok(c) if "\t*+:\"<>?|\\/".contains(c) => vec!['_'],
            // Both units of a pair are surrogates, and so is a lone one.
            Ok(c) if c.len_utf16() == 2 => vec!['_', '_'],
            Ok(c) => vec![c],
            Err(_) => vec!['_'],
        })
        .collect()
}

/// The folder a file with DocSpace's `relativePath` lands in: from `folder`, each `/`-separated
/// title in turn, as stored ([`stored_title`]), names the child folder of that title, created
/// when missing; an empty title ends the walk there. Each folder reached must take uploads
/// ([`may_upload_into`]). `..` and `.` are titles like any other here, as in DocSpace (its
/// folders are rows, not paths): ONLYOFFICE/DocSpace-server
/// `products/ASC.Files/Core/Utils/FileUploader.cs`, `GetFolderIdAsync`.
pub(super) fn folder_at_path(
    conn: &Connection,
    actor: &Actor,
    folder: Folder,
    relative_path: &str,
) -> Result<Folder, ApiError> {
    let mut here = folder;
    for segment in relative_path.split('/') {
        let t = stored_title(segment);
        if t.is_empty() {
            break;
        }
        here = match entries::folder_by_title(conn, here.id, &t)? {
            Some(f) => f,
            None => entries::insert_folder(
                conn,
                &here,
                &entries::NewFolder {
                    title: t,
                    folder_type: folder_type::DEFAULT,
                    room_type: None,
                    owner_id: actor.user()?.id.clone(),
                },
            )?,
        };
        may_upload_into(conn, actor, &here)?;
    }
    Ok(here)
}

/// Stores `content` as `name` in `folder`: a new version of a same-named file unless
/// `create_new`, else a new file with a free title.
pub(super) fn store(
    conn: &Connection,
    actor: &Actor,
    folder: &Folder,
    name: &str,
    content: entries::Body<'_>,
    create_new: bool,
) -> Result<entries::File, ApiError> {
    let me = actor.user()?;
    let user = me.id.clone();
    // DocSpace updates a same-named file only for a caller who may edit it and is not a guest
    // (`FileUploader.CanEditAsync`); anyone else gets a new file with a free title. The new
    // version is commented "Uploaded" (`FilesCommonResource.CommentUpload`).
    let may_update = me.user_type != crate::users::EmployeeType::Guest
        && permissions::folder_level(conn, actor, folder)?.allows(RoomAction::EditContent);
    if !create_new
        && may_update
        && let Some(existing) = entries::file_by_title(conn, folder.id, name)?
    {
        let f = entries::add_version_with(conn, existing.id, &user, content)?;
        versions::set_comment(conn, f.id, f.version, versions::COMMENT_UPLOAD)?;
        return Ok(f);
    }
    let t = entries::unique_file_title(conn, folder.id, name)?;
    entries::insert_file_with(conn, folder.id, &t, &user, content)
}

#[cfg(test)]
mod tests {
    use super::stored_title;

    #[test]
    fn titles_are_stored_as_docspace_stores_them() {
        assert_eq!(stored_title("  Photos "), "Photos");
        assert_eq!(
            stored_title("a+b:c*d?e|f\"g<h>i\\j/k\tl"),
            "a_b_c_d_e_f_g_h_i_j_k_l"
        );
        // Each UTF-16 unit of an emoji is a surrogate, each replaced.
        assert_eq!(stored_title("trip 🏖"), "trip __");
        assert_eq!(stored_title(".."), "..");
        assert_eq!(stored_title("  "), "");
        // Cut to 170 UTF-16 units, keeping an extension that starts in the last 20.
        let long = "x".repeat(200);
        assert_eq!(stored_title(&long).encode_utf16().count(), 170);
        let named = format!("{}.docx", "y".repeat(200));
        let cut = stored_title(&named);
        assert_eq!(cut.encode_utf16().count(), 170);
        assert!(cut.ends_with("y.docx"), "{cut}");
        // An extension further back is cut with the rest.
        let early = format!("a.{}", "z".repeat(200));
        assert_eq!(stored_title(&early), format!("a.{}", "z".repeat(168)));
    }
}
