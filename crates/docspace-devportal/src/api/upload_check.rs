//! `POST /api/2.0/files/{folderId}/upload/check`: which of the titles a user is about to upload
//! the folder already holds, asked before the upload so that the user can choose to overwrite
//! (a new version), keep both (a new file with a free title) or skip, as DocSpace's web UI asks
//! (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/UploadController.cs`
//! `CheckUploadAsync`, `ApiModels/RequestDto/CheckUploadRequestDto.cs`; the client's
//! `UploadDataStore.handleUploadConflicts` calls it).
//!
//! The server's rules, in its order:
//! - the body's `filesTitle` must be there, else an `ArgumentNullException` (400);
//! - the folder must exist (`ErrorMessage_FolderNotFound`, 404) and the caller may create in it
//!   (`ErrorMessage_SecurityException_Create`, 403);
//! - the answer is a set (`HashSet<string>`) of the asked titles for which `GetFileAsync(folderId,
//!   title)` finds a file: the titles as asked, each once, in the order first asked. The
//!   lookup compares titles as the database does, case-insensitively; encrypted files (which
//!   this portal never holds) would not count.

use axum::extract::Path;
use serde::Deserialize;

use super::extract::JsonBody;
use super::lookup::resolve_folder;
use crate::api::Call;
use crate::db::entries;
use crate::envelope::{ApiError, ApiResult};
use crate::permissions::{self, RoomAction};

/// `FilesCommonResource.ErrorMessage_FolderNotFound`.
const FOLDER_NOT_FOUND: &str = "The required folder was not found";
/// `FilesCommonResource.ErrorMessage_SecurityException_Create`.
const MAY_NOT_CREATE: &str = "You don't have enough permission to create";

/// `CheckUploadRequest`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckRequest {
    #[serde(default)]
    files_title: Option<Vec<String>>,
}

/// `POST files/{folderId}/upload/check` with `{"filesTitle": [...]}` → the titles that clash.
pub async fn check(
    Call { actor, db, .. }: Call,
    Path(folder): Path<String>,
    JsonBody(req): JsonBody<CheckRequest>,
) -> ApiResult {
    let titles = req.files_title.ok_or_else(|| {
        ApiError::BadRequest("Value cannot be null. (Parameter 'filesTitle')".into())
    })?;
    db.read(move |c| {
        let folder = resolve_folder(c, &actor, &folder).map_err(|e| match e {
            ApiError::NotFound(_) => ApiError::NotFound(FOLDER_NOT_FOUND.into()),
            other => other,
        })?;
        if !permissions::folder_level(c, &actor, &folder)?.allows(RoomAction::Create) {
            return Err(ApiError::InvalidOperation(MAY_NOT_CREATE.into()));
        }
        let mut found: Vec<String> = Vec::new();
        for title in titles {
            if !found.contains(&title) && entries::file_by_title(c, folder.id, &title)?.is_some() {
                found.push(title);
            }
        }
        Ok(found)
    })
    .await
}
