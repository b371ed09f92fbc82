//! Files: create, info, rename, delete, and saving edited content (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/FilesController.cs`).

use axum::extract::{Multipart, Path};
use serde::Deserialize;
use serde_json::json;

use super::extract::{FileInPath, JsonBody, PathAndBody, Query, title};
use super::folders::{DeleteRequest, TITLE_MAX};
use super::lookup::{load_file, resolve_folder};
use super::{dto, fileops};
use crate::api::Call;
use crate::db::entries::{self, folder_type};
use crate::envelope::{ApiError, ApiResult};
use crate::permissions::{self, RoomAction};

/// Extensions a new file keeps; anything else gets `.docx` appended, as DocSpace does.
const CREATABLE: &[&str] = &[
    ".docx", ".xlsx", ".pptx", ".pdf", ".txt", ".md", ".docxf", ".oform", ".csv", ".html", ".vsdx",
];

/// The placeholder content of a new, empty file of this type.
fn blank_content(title: &str) -> Vec<u8> {
    match entries::split_ext(title).1.to_ascii_lowercase().as_str() {
        ".txt" | ".md" | ".csv" | ".html" => Vec::new(),
        // Office formats would be a template package in DocSpace; the stand-in editor edits text.
        _ => format!("{title}\n").into_bytes(),
    }
}

/// `CreateFileJsonElement`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateFile {
    title: Option<String>,
    #[serde(default)]
    template_id: Option<fileops::EntryId>,
    #[serde(default)]
    #[allow(dead_code)] // No form gallery here.
    form_id: Option<i64>,
    #[serde(default)]
    enable_external_ext: Option<bool>,
}

/// `POST /api/2.0/files/{folderId}/file` (and `@my`) → `FileDto`.
pub async fn create(
    Call { actor, portal, db }: Call,
    Path(folder): Path<String>,
    JsonBody(req): JsonBody<CreateFile>,
) -> ApiResult {
    let mut t = title(req.title.as_deref().unwrap_or(""), "title", TITLE_MAX)?;
    let ext = entries::split_ext(&t).1.to_ascii_lowercase();
    if !CREATABLE.contains(&ext.as_str()) && !req.enable_external_ext.unwrap_or(false) {
        t.push_str(".docx");
    }
    let template = req
        .template_id
        .as_ref()
        .map(|t| t.int("File"))
        .transpose()?;
    db.write(move |tx| {
        let user = actor.user()?.id.clone();
        let parent = resolve_folder(tx, &actor, &folder)?;
        if matches!(
            parent.folder_type,
            folder_type::VIRTUAL_ROOMS | folder_type::ARCHIVE | folder_type::TRASH
        ) {
            return Err(ApiError::AccessDenied);
        }
        permissions::folder_level(tx, &actor, &parent)?.require(RoomAction::Create)?;
        let content = match template {
            Some(tid) => {
                let src = load_file(tx, tid)?;
                let src_parent = resolve_folder(tx, &actor, &src.folder_id.to_string())?;
                permissions::folder_level(tx, &actor, &src_parent)?.require(RoomAction::Read)?;
                entries::content(tx, tid, None)?.unwrap_or_default()
            }
            None => blank_content(&t),
        };
        let t = entries::unique_file_title(tx, parent.id, &t)?;
        let f = entries::insert_file(tx, parent.id, &t, &user, &content)?;
        dto::file(tx, &portal, &actor, &f)
    })
    .await
}

/// `GET /api/2.0/files/file/{fileId}` (`?version=`) → `FileDto`.
pub async fn info(
    Call { actor, portal, db }: Call,
    FileInPath(id): FileInPath,
    q: Query,
) -> ApiResult {
    let version = q.int("version")?;
    db.read(move |c| {
        let f = load_file(c, id)?;
        let parent = resolve_folder(c, &actor, &f.folder_id.to_string())?;
        permissions::file_level(c, &actor, f.id, &parent)?.require(RoomAction::Read)?;
        if let Some(ver) = version
            && !entries::has_version(c, f.id, ver)?
        {
            return Err(ApiError::NotFound(format!(
                "Version {ver} of the file could not be found"
            )));
        }
        let mut v = dto::file(c, &portal, &actor, &f)?;
        if let Some(ver) = version {
            v["version"] = json!(ver);
        }
        Ok(v)
    })
    .await
}

/// `UpdateFile`: rename and/or restore a version.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateFile {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    last_version: Option<i64>,
}

/// `PUT /api/2.0/files/file/{fileId}` → `FileDto`.
pub async fn update(
    Call { actor, portal, db }: Call,
    PathAndBody(FileInPath(id), req): PathAndBody<FileInPath, UpdateFile>,
) -> ApiResult {
    let new_title = req
        .title
        .as_deref()
        .map(|t| title(t, "title", TITLE_MAX))
        .transpose()?;
    db.write(move |tx| {
        let user = actor.user()?.id.clone();
        let f = load_file(tx, id)?;
        let parent = resolve_folder(tx, &actor, &f.folder_id.to_string())?;
        let level = permissions::folder_level(tx, &actor, &parent)?;
        if let Some(mut t) = new_title {
            if !level.may_modify(&actor, &f.owner_id) {
                return Err(ApiError::AccessDenied);
            }
            // DocSpace keeps the extension when the new title has none of its own.
            let ext = entries::split_ext(&f.title).1;
            if !ext.is_empty() && !t.to_ascii_lowercase().ends_with(&ext.to_ascii_lowercase()) {
                t.push_str(ext);
            }
            if t != f.title {
                entries::rename_file(tx, f.id, &t, &user)?;
            }
        }
        if let Some(ver) = req.last_version.filter(|v| *v > 0) {
            // `FilesControllerHelper.UpdateFileAsync` restores through `UpdateToVersionAsync`.
            let f = load_file(tx, id)?;
            super::versions::restore(tx, &actor, &f, ver, false)?;
        }
        let f = load_file(tx, id)?;
        dto::file(tx, &portal, &actor, &f)
    })
    .await
}

/// `DELETE /api/2.0/files/file/{fileId}` (body required) → `FileOperationDto[]`.
pub async fn delete(
    Call { actor, db, .. }: Call,
    PathAndBody(FileInPath(id), req): PathAndBody<FileInPath, DeleteRequest>,
) -> ApiResult {
    db.write(move |tx| {
        let op = fileops::remove(tx, &actor, &[], &[id], req.immediately.unwrap_or(false))?;
        Ok(json!([op]))
    })
    .await
}

/// `PUT /api/2.0/files/file/{fileId}/saveediting`, multipart (`File`, `FileExtension`,
/// `Forcesave`) as the official SDK sends it → `FileDto` of the new version.
pub async fn save_editing(
    Call { actor, portal, db }: Call,
    FileInPath(id): FileInPath,
    q: Query,
    mut form: Multipart,
) -> ApiResult {
    let mut content: Option<Vec<u8>> = None;
    let mut extension: Option<String> = None;
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|e| ApiError::BadRequest(format!("Malformed multipart body: {e}")))?
    {
        let name = field.name().unwrap_or_default().to_ascii_lowercase();
        match name.as_str() {
            "file" => {
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|e| ApiError::BadRequest(format!("Malformed multipart body: {e}")))?;
                content = Some(bytes.to_vec());
            }
            "fileextension" => {
                extension =
                    Some(field.text().await.map_err(|e| {
                        ApiError::BadRequest(format!("Malformed multipart body: {e}"))
                    })?);
            }
            _ => {}
        }
    }
    let Some(content) = content else {
        let msg = if q.get("DownloadUri").is_some() {
            "This portal does not download content from other servers; send the content as the File part"
        } else {
            "The File part is required"
        };
        return Err(ApiError::BadRequest(msg.into()));
    };
    db.write(move |tx| {
        let user = actor.user()?.id.clone();
        let f = load_file(tx, id)?;
        if let Some(ext) = extension
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
        {
            let ext = if ext.starts_with('.') {
                ext.to_string()
            } else {
                format!(".{ext}")
            };
            if !f
                .title
                .to_ascii_lowercase()
                .ends_with(&ext.to_ascii_lowercase())
            {
                return Err(ApiError::BadRequest(format!(
                    "The file is not a {ext} file"
                )));
            }
        }
        let parent = resolve_folder(tx, &actor, &f.folder_id.to_string())?;
        permissions::folder_level(tx, &actor, &parent)?.require(RoomAction::EditContent)?;
        let f = entries::add_version(tx, f.id, &user, &content)?;
        dto::file(tx, &portal, &actor, &f)
    })
    .await
}
