//! DocSpace's response DTOs (`FolderDto`, `FileDto`, `FolderContentDto`, `FileShareDto`, …) built
//! from rows, with every per-entry look-up batched so a page of 100 rooms costs a fixed number of
//! queries.

mod content;
mod file_kinds;
mod files;
mod folders;
mod security;
mod shares;

pub use content::{Page, content, path_parts};
pub use file_kinds::{file_type, human_size, opens_in_editor};
pub use files::{file, files};
pub use folders::{folder, folders};
pub use shares::{link_share, user_share};

use std::collections::HashMap;

use rusqlite::Connection;
use serde_json::{Value, json};

use crate::envelope::ApiError;
use crate::time::{api_datetime, parse_db_time};
use crate::users::{self, User};

/// Formats a stored time as an `ApiDateTime`.
pub fn date(stored: &str) -> String {
    api_datetime(parse_db_time(stored))
}

/// The `EmployeeDto` of a user id (a placeholder for a deleted user).
pub fn employee(portal: &str, users: &HashMap<String, User>, id: &str) -> Value {
    match users.get(id) {
        Some(u) => u.to_dto(portal),
        None => {
            json!({ "id": id, "displayName": "Deleted user", "hasAvatar": false, "isAnonim": false })
        }
    }
}

/// Loads every user the entries mention.
pub(super) fn users_of<'a>(
    conn: &Connection,
    ids: impl Iterator<Item = &'a str>,
) -> Result<HashMap<String, User>, ApiError> {
    let mut ids: Vec<&str> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    users::by_ids(conn, &ids)
}
