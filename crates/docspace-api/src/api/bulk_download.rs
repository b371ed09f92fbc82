//! Downloading several files and folders as one archive, and emptying the Trash
//! (`PUT files/fileops/bulkdownload`, `PUT files/fileops/emptytrash`;
//! ONLYOFFICE/DocSpace-server `products/ASC.Files/Server/Api/OperationController.cs`).

use serde::Serialize;

use super::single;
use crate::client::Client;
use crate::error::Error;
use crate::models::{FileId, FileOperation, FolderId};
use crate::request::Request;

/// `PUT /api/2.0/files/fileops/bulkdownload`; see
/// [`OperationsHandler::download`](super::OperationsHandler::download).
#[derive(Debug, Clone)]
pub struct DownloadBuilder<'c> {
    pub(super) client: &'c Client,
    pub(super) files: Vec<FileId>,
    pub(super) folders: Vec<FolderId>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DownloadBody<'a> {
    file_ids: &'a [FileId],
    folder_ids: &'a [FolderId],
    return_single_operation: bool,
}

impl<'c> DownloadBuilder<'c> {
    entry_setters!();

    /// Starts making the archive; the finished operation's `url` fetches it.
    pub async fn send(self) -> Result<FileOperation, Error> {
        if self.files.is_empty() && self.folders.is_empty() {
            return Err(Error::invalid("files", "add at least one file or folder"));
        }
        let body = DownloadBody {
            file_ids: &self.files,
            folder_ids: &self.folders,
            return_single_operation: true,
        };
        single(
            self.client
                .call(Request::put("files/fileops/bulkdownload").json(&body)?)
                .await?,
        )
    }

    /// Makes the archive, waits for it, and returns its bytes: a zip, or the file itself when a
    /// single file was chosen.
    pub async fn fetch(self) -> Result<Vec<u8>, Error> {
        let client = self.client;
        let op = self.send().await?;
        let done = client.operations().wait(&op).send().await?;
        archive(client, &done).await
    }
}

/// What a finished download operation made: its bytes and the name the portal gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archive {
    /// The file name from the answer's `Content-Disposition`. The operation's `url` names the
    /// archive only by an opaque (in DocSpace, encrypted) key: this is the name a browser
    /// would save it under (`{title}.zip` for one folder, the file's own title for one file).
    pub name: Option<String>,
    /// The archive, or the one file.
    pub bytes: Vec<u8>,
}

/// The archive a finished download operation made, fetched through this client (so through the
/// same origin and credentials as its other calls, whatever host the portal put in the URL).
pub(super) async fn archive(client: &Client, op: &FileOperation) -> Result<Vec<u8>, Error> {
    Ok(named_archive(client, op).await?.bytes)
}

/// [`archive`] with the name the portal gives it.
pub(super) async fn named_archive(client: &Client, op: &FileOperation) -> Result<Archive, Error> {
    let url = op
        .url
        .as_deref()
        .ok_or_else(|| Error::invalid("operation", "it made no archive (no url)"))?;
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
    let name = form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "filename")
        .map(|(_, v)| v.into_owned())
        .ok_or_else(|| Error::invalid("operation", "its url names no archive"))?;
    let req = Request::get_raw("filehandler.ashx")
        .query("action", "bulk")
        .query("filename", name);
    let resp = client.execute(req).await?;
    Ok(Archive {
        name: resp
            .header("content-disposition")
            .and_then(disposition_name),
        bytes: resp.body,
    })
}

/// The file name of a `Content-Disposition` value: RFC 6266's `filename*` (UTF-8,
/// percent-encoded) when present, else `filename` (quoted or not).
pub fn disposition_name(value: &str) -> Option<String> {
    let params = value.split(';').map(str::trim);
    let mut plain = None;
    for p in params {
        let Some((key, v)) = p.split_once('=') else {
            continue;
        };
        match key.trim().to_ascii_lowercase().as_str() {
            "filename*" => {
                let v = v.trim();
                let encoded = v
                    .strip_prefix("UTF-8''")
                    .or_else(|| v.strip_prefix("utf-8''"))?;
                let decoded = docspace_types::percent::decode(encoded);
                return (!decoded.is_empty()).then_some(decoded);
            }
            "filename" => plain = Some(v.trim().trim_matches('"').to_string()),
            _ => {}
        }
    }
    plain.filter(|n| !n.is_empty())
}

#[cfg(test)]
mod tests {
    use super::disposition_name;

    #[test]
    fn the_name_comes_from_content_disposition() {
        assert_eq!(
            disposition_name("attachment; filename=\"Q_3.zip\"; filename*=UTF-8''Q%C3%BC%203.zip")
                .as_deref(),
            Some("Qü 3.zip")
        );
        assert_eq!(
            disposition_name("attachment; filename=\"notes.txt\"").as_deref(),
            Some("notes.txt")
        );
        assert_eq!(
            disposition_name("attachment; filename=plain.zip").as_deref(),
            Some("plain.zip")
        );
        assert_eq!(disposition_name("inline"), None);
    }
}
