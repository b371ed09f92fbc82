//! Chunked-upload sessions (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/UploadController.cs`).

use serde::{Deserialize, Serialize};

use super::common::{FileId, FolderId, UploadSessionId, null_as_default};
use super::datetime::ApiDateTime;
use super::files::File;

/// A chunked-upload session (`ChunkedUploadSessionResponse`). Its dates are plain .NET
/// `DateTime`s and its size field is snake_case `bytes_total`, as DocSpace sends them.
///
/// ```
/// let s: docspace_api::models::UploadSession = serde_json::from_str(
///     r#"{"id":"a1","path":[3,57],"created":"2025-01-01T10:00:00","expired":"2025-01-02T10:00:00",
///         "location":"http://p/ChunkedUploader.ashx?uid=a1","bytes_total":1048576}"#)?;
/// assert_eq!(s.bytes_total, 1 << 20);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UploadSession {
    /// Session id.
    pub id: UploadSessionId,
    /// Folder ids from the section down to the target folder.
    #[serde(default, deserialize_with = "null_as_default")]
    pub path: Vec<FolderId>,
    /// When the session started.
    #[serde(default)]
    pub created: Option<ApiDateTime>,
    /// When it expires.
    #[serde(default)]
    pub expired: Option<ApiDateTime>,
    /// Legacy chunk endpoint (`ChunkedUploader.ashx`).
    #[serde(default)]
    pub location: Option<String>,
    /// The file's size in bytes.
    #[serde(default)]
    pub bytes_total: u64,
}

/// What a chunk upload or a finalisation answers (`UploadSessionResponseDto`).
///
/// ```
/// let r: docspace_api::models::UploadResult = serde_json::from_str(
///     r#"{"id":901,"folderId":57,"version":1,"title":"a.bin","uploaded":true,"file":{"id":901,"title":"a.bin"}}"#)?;
/// assert!(r.uploaded && r.file.is_some());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UploadResult {
    /// The file's id (once uploaded).
    #[serde(default)]
    pub id: Option<FileId>,
    /// The folder it went to.
    #[serde(default)]
    pub folder_id: Option<FolderId>,
    /// Its version.
    #[serde(default)]
    pub version: Option<u32>,
    /// Its title.
    #[serde(default)]
    pub title: Option<String>,
    /// Provider key (third-party storage).
    #[serde(default, alias = "provider_key")]
    pub provider_key: Option<String>,
    /// Whether the whole file arrived and was stored.
    #[serde(default)]
    pub uploaded: bool,
    /// The stored file.
    #[serde(default)]
    pub file: Option<File>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_decode_with_plain_dates_and_snake_case_size() {
        let s: UploadSession = serde_json::from_str(
            r#"{"id":"a1","path":[3,"57"],"created":"2025-01-01T10:00:00.1234567Z","bytes_total":5}"#,
        )
        .unwrap();
        assert_eq!(s.path, vec![FolderId::Int(3), FolderId::Int(57)]);
        assert_eq!(s.bytes_total, 5);
        assert!(s.expired.is_none() && s.location.is_none());
        // camelCase bytesTotal is not DocSpace's field; it must not be mistaken for it.
        let s: UploadSession = serde_json::from_str(r#"{"id":"a","bytesTotal":5}"#).unwrap();
        assert_eq!(s.bytes_total, 0);
    }

    #[test]
    fn results_decode_partial_and_final() {
        let r: UploadResult = serde_json::from_str(r#"{"uploaded":false}"#).unwrap();
        assert!(!r.uploaded && r.file.is_none());
        let r: UploadResult = serde_json::from_str(
            r#"{"id":901,"folderId":57,"provider_key":"x","uploaded":true,"file":{"id":901,"pureContentLength":3}}"#,
        )
        .unwrap();
        assert_eq!(r.file.unwrap().pure_content_length, 3);
        assert_eq!(r.provider_key.as_deref(), Some("x"));
    }
}
