//! `PUT /api/2.0/files/fileops/bulkdownload`: files and folders as one archive, as DocSpace's
//! `OperationController.BulkDownload` and `FileDownloadOperation` make it
//! (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/OperationController.cs`,
//! `products/ASC.Files/Core/Services/WCFService/FileOperations/FileDownloadOperation.cs`):
//! - a single file is handed out as it is, not zipped; a single folder as `{title}.zip`; anything
//!   else as `{portal alias}-download-{yyyy-MM-dd}.zip`, folders as directories inside;
//! - the operation (`FileOperationType.Download`) reports the archive's URL,
//!   `filehandler.ashx?action=bulk&filename=…`, which only the same user (or the same link
//!   visitor) can open;
//! - every entry must allow downloading for the caller, rooms that deny downloads included.
//!
//! The archive is made inside the request and kept in memory ([`crate::archives`]), with a cap
//! on its size.

use std::io::Write;

use axum::extract::State;
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::{Value, json};

use super::Portal;
use super::download::check_download;
use super::extract::JsonBody;
use super::fileops::{EntryId, record_download};
use crate::archives::{MAX_ARCHIVE_BYTES, owner_of};
use crate::db::entries::{self, File, Folder, ListFilter};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::permissions::{self, Actor, RoomAction};
use crate::state::AppState;

/// `DownloadRequestDto`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct DownloadRequest {
    #[serde(default)]
    folder_ids: Vec<EntryId>,
    #[serde(default)]
    file_ids: Vec<EntryId>,
    /// Files to convert on the way (`{key: id, value: target extension, password}`).
    #[serde(default)]
    file_convert_ids: Vec<ConvertItem>,
    #[serde(default)]
    #[allow(dead_code)] // Operations finish inside the request: the answer is this one alone.
    return_single_operation: Option<bool>,
}

/// One `fileConvertIds` item.
#[derive(Deserialize)]
pub struct ConvertItem {
    key: EntryId,
    #[serde(default)]
    value: Option<String>,
}

/// `PUT /api/2.0/files/fileops/bulkdownload`.
pub async fn start(
    State(state): State<AppState>,
    actor: Actor,
    Portal(portal): Portal,
    JsonBody(req): JsonBody<DownloadRequest>,
) -> ApiResult {
    let mut file_ids = req
        .file_ids
        .iter()
        .map(|i| i.int("File"))
        .collect::<Result<Vec<_>, _>>()?;
    for c in &req.file_convert_ids {
        // The devportal converts nothing; asking for the file's own format is a plain download.
        if c.value.as_deref().is_some_and(|v| !v.is_empty()) {
            return Err(ApiError::BadRequest(
                "The devportal cannot convert files; download them in their own format".into(),
            ));
        }
        file_ids.push(c.key.int("File")?);
    }
    let folder_ids = req
        .folder_ids
        .iter()
        .map(|i| i.int("Folder"))
        .collect::<Result<Vec<_>, _>>()?;
    if file_ids.is_empty() && folder_ids.is_empty() {
        return Err(ApiError::BadRequest("Nothing to download".into()));
    }
    let owner = owner_of(&actor)?;
    let alias = alias_of(&portal);
    let made = state
        .db
        .read(move |c| build(c, &actor, &file_ids, &folder_ids, &alias))
        .await?;
    let name = state
        .archives
        .keep(owner.clone(), made.file_name, made.bytes);
    let (files, folders) = (made.files, made.folders);
    let url = format!("{portal}/filehandler.ashx?action=bulk&filename={name}");
    let record_owner = owner;
    let v = state
        .db
        .write(move |tx| record_download(tx, &record_owner, files, folders, url))
        .await?;
    Ok(Envelope::from_value(json!([v])))
}

/// The portal's alias, as DocSpace names multi-entry archives: the first label of its host name
/// (`docspace` for a portal reached by IP address).
fn alias_of(portal: &str) -> String {
    let host = portal
        .split("://")
        .nth(1)
        .unwrap_or(portal)
        .split(['/', ':'])
        .next()
        .unwrap_or_default();
    if host.is_empty() || host.parse::<std::net::Ipv4Addr>().is_ok() || host.starts_with('[') {
        return "docspace".into();
    }
    host.split('.').next().unwrap_or(host).to_lowercase()
}

/// What a download made: the archive's file name and bytes, and the operation's file and
/// folder lists.
struct Made {
    file_name: String,
    bytes: Vec<u8>,
    files: Vec<Value>,
    folders: Vec<Value>,
}

/// Checks every entry and makes the archive.
fn build(
    conn: &Connection,
    actor: &Actor,
    file_ids: &[i64],
    folder_ids: &[i64],
    alias: &str,
) -> Result<Made, ApiError> {
    let mut files = Vec::new();
    for id in file_ids {
        let f = entries::file(conn, *id)?
            .ok_or_else(|| ApiError::NotFound("The file could not be found".into()))?;
        check_download(conn, actor, &f)?;
        files.push(f);
    }
    let mut folders = Vec::new();
    for id in folder_ids {
        let f = entries::folder(conn, *id)?
            .ok_or_else(|| ApiError::NotFound("The folder could not be found".into()))?;
        let level = permissions::folder_level(conn, actor, &f)?;
        level.require(RoomAction::Download)?;
        folders.push(f);
    }
    let reported_files = files
        .iter()
        .map(|f| json!({ "id": f.id, "title": f.title, "fileEntryType": 2 }))
        .collect();
    let reported_folders = folders
        .iter()
        .map(|f| json!({ "id": f.id, "title": f.title, "fileEntryType": 1 }))
        .collect();
    let (file_name, bytes) = if let ([file], []) = (files.as_slice(), folders.as_slice()) {
        let bytes = entries::content(conn, file.id, None)?
            .ok_or_else(|| ApiError::NotFound("The file could not be found".into()))?;
        (file.title.clone(), bytes)
    } else {
        let name = match (files.as_slice(), folders.as_slice()) {
            ([], [folder]) => format!("{}.zip", folder.title),
            _ => format!(
                "{alias}-download-{}.zip",
                chrono::Utc::now().format("%Y-%m-%d")
            ),
        };
        let mut zip = Zipper::new();
        for f in &files {
            zip.file(conn, "", f)?;
        }
        for f in &folders {
            zip.folder(conn, actor, "", f)?;
        }
        (name, zip.finish()?)
    };
    Ok(Made {
        file_name,
        bytes,
        files: reported_files,
        folders: reported_folders,
    })
}

/// Writes entries into a zip, keeping names unique within each directory and the total under
/// [`MAX_ARCHIVE_BYTES`].
struct Zipper {
    writer: zip::ZipWriter<std::io::Cursor<Vec<u8>>>,
    names: std::collections::HashSet<String>,
    size: usize,
}

fn zip_error(e: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(format!("archive: {e}"))
}

impl Zipper {
    fn new() -> Zipper {
        Zipper {
            writer: zip::ZipWriter::new(std::io::Cursor::new(Vec::new())),
            names: std::collections::HashSet::new(),
            size: 0,
        }
    }

    /// `dir` + `title`, made unique as DocSpace does for a repeated name: `name (1).ext`.
    fn unique(&mut self, dir: &str, title: &str) -> String {
        let (stem, ext) = entries::split_ext(title);
        let mut candidate = format!("{dir}{title}");
        let mut n = 1;
        while self.names.contains(&candidate.to_lowercase()) {
            candidate = format!("{dir}{stem} ({n}){ext}");
            n += 1;
        }
        self.names.insert(candidate.to_lowercase());
        candidate
    }

    fn file(&mut self, conn: &Connection, dir: &str, f: &File) -> Result<(), ApiError> {
        let bytes = entries::content(conn, f.id, None)?.unwrap_or_default();
        self.size += bytes.len();
        if self.size > MAX_ARCHIVE_BYTES {
            return Err(ApiError::BadRequest(format!(
                "The selection is larger than {} MiB; download fewer files at once",
                MAX_ARCHIVE_BYTES / (1024 * 1024)
            )));
        }
        let path = self.unique(dir, &f.title);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        self.writer.start_file(path, options).map_err(zip_error)?;
        self.writer.write_all(&bytes).map_err(zip_error)
    }

    fn folder(
        &mut self,
        conn: &Connection,
        actor: &Actor,
        dir: &str,
        f: &Folder,
    ) -> Result<(), ApiError> {
        let path = format!("{}/", self.unique(dir, &f.title));
        self.writer
            .add_directory(path.as_str(), zip::write::SimpleFileOptions::default())
            .map_err(zip_error)?;
        let (sub, files, _) = entries::children(conn, f.id, &ListFilter::default(), 0, i64::MAX)?;
        for file in &files {
            // What the caller may not download inside a folder they may is left out, not refused.
            if check_download(conn, actor, file).is_ok() {
                self.file(conn, &path, file)?;
            }
        }
        for s in &sub {
            self.folder(conn, actor, &path, s)?;
        }
        Ok(())
    }

    fn finish(self) -> Result<Vec<u8>, ApiError> {
        Ok(self.writer.finish().map_err(zip_error)?.into_inner())
    }
}
