//! File versions as the editor's history sees them (`EditHistoryDto`, ONLYOFFICE/DocSpace-server:
//! `products/ASC.Files/Server/ApiModels/ResponseDto/EditHistoryDto.cs`). The version list itself
//! is a list of [`super::File`]s, one per version.

use serde::{Deserialize, Serialize};

use super::FileId;
use super::datetime::ApiDateTime;

/// Who stored a version (`EditHistoryAuthor`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EditHistoryAuthor {
    /// User GUID.
    #[serde(default)]
    pub id: Option<String>,
    /// Name as shown.
    #[serde(default)]
    pub name: Option<String>,
}

/// One version in the editor's history (`EditHistoryDto`).
///
/// ```
/// let h: docspace_api::models::EditHistory = serde_json::from_str(
///     r#"{"id":5,"key":"5_2","version":2,"versionGroup":2,"user":{"id":"u","name":"Ann"},
///         "created":"2026-01-01T00:00:00.0000000Z","changesHistory":null,"changes":[],"serverVersion":null}"#)?;
/// assert_eq!((h.version, h.version_group), (2, 2));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EditHistory {
    /// The file's id (`EditHistoryDto.ID`).
    #[serde(default)]
    pub id: Option<FileId>,
    /// The document key of the version.
    #[serde(default)]
    pub key: Option<String>,
    /// The version.
    pub version: u32,
    /// Its version group (the revision it belongs to).
    #[serde(default)]
    pub version_group: u32,
    /// Who stored it.
    #[serde(default)]
    pub user: Option<EditHistoryAuthor>,
    /// When.
    #[serde(default)]
    pub created: Option<ApiDateTime>,
    /// The editor's change log, when it kept one.
    #[serde(default)]
    pub changes_history: Option<String>,
    /// The document server version that stored it.
    #[serde(default)]
    pub server_version: Option<String>,
}
