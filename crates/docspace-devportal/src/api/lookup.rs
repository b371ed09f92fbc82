//! Entries a request names, looked up with DocSpace's not-found messages: the lookups that files,
//! folders, versions, links, uploads and file operations share, kept below all of them.

use rusqlite::Connection;

use super::extract::int_id;
use crate::db::entries::{self, File, Folder, folder_type};
use crate::envelope::ApiError;
use crate::permissions::{Actor, PortalAction, portal_allows};

/// `FilesCommonResource.ErrorMessage_FileNotFound`.
pub const FILE_NOT_FOUND: &str = "The required file was not found";

/// Resolves `@my`, `@trash` or a numeric id to a folder.
pub fn resolve_folder(conn: &Connection, actor: &Actor, raw: &str) -> Result<Folder, ApiError> {
    match raw.to_ascii_lowercase().as_str() {
        "@my" => {
            let user = actor.user()?;
            if !portal_allows(user, PortalAction::MyDocuments) {
                return Err(ApiError::AccessDenied);
            }
            entries::section(conn, folder_type::USER, Some(&user.id))?
                .ok_or_else(|| ApiError::NotFound("My documents could not be found".into()))
        }
        "@trash" => {
            let user = actor.user()?;
            entries::section(conn, folder_type::TRASH, Some(&user.id))?
                .ok_or_else(|| ApiError::NotFound("Trash could not be found".into()))
        }
        _ => {
            let id = int_id(raw, "Folder")?;
            entries::folder(conn, id)?
                .ok_or_else(|| ApiError::NotFound("The folder could not be found".into()))
        }
    }
}

/// Loads a folder, or 404.
pub fn load_folder(conn: &Connection, id: i64) -> Result<Folder, ApiError> {
    entries::folder(conn, id)?
        .ok_or_else(|| ApiError::NotFound("The folder could not be found".into()))
}

/// Loads a file, or 404.
pub fn load_file(conn: &Connection, id: i64) -> Result<File, ApiError> {
    entries::file(conn, id)?.ok_or_else(|| ApiError::NotFound("The file could not be found".into()))
}
