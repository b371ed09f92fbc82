//! A file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::entry_fields::file_entry;
use super::{
    EntrySecurity, FileEntryType, FileShare, FileStatus, FileType, FolderType, ThumbnailStatus,
};
use crate::models::common::{FileId, FolderId, null_as_default};
use crate::models::datetime::ApiDateTime;
use crate::models::people::EmployeeSummary;

file_entry! {
    /// A file (`FileDto`).
    ///
    /// ```
    /// let f: docspace_api::models::File = serde_json::from_str(
    ///     r#"{"id":812,"title":"Q3.xlsx","fileExst":".xlsx","fileType":5,"folderId":57,"version":1,"pureContentLength":14533}"#)?;
    /// assert_eq!(f.pure_content_length, 14533);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct File {
        /// Id.
        pub id: FileId,
        /// The folder holding it.
        #[serde(default)]
        pub folder_id: Option<FolderId>,
        /// Version number.
        #[serde(default)]
        pub version: u32,
        /// Version group.
        #[serde(default)]
        pub version_group: Option<u32>,
        /// Size for people (`"14.2 KB"`).
        #[serde(default)]
        pub content_length: Option<String>,
        /// Size in bytes (DocSpace omits it when 0).
        #[serde(default)]
        pub pure_content_length: u64,
        /// State flags.
        #[serde(default)]
        pub file_status: FileStatus,
        /// Notifications muted.
        #[serde(default)]
        pub mute: bool,
        /// Download URL (needs credentials).
        #[serde(default)]
        pub view_url: Option<String>,
        /// URL to open it in the browser.
        #[serde(default)]
        pub web_url: Option<String>,
        /// Kind of document.
        #[serde(default)]
        pub file_type: Option<FileType>,
        /// Extension with the dot (`.docx`).
        #[serde(default)]
        pub file_exst: Option<String>,
        /// Version comment.
        #[serde(default)]
        pub comment: Option<String>,
        /// Encrypted.
        #[serde(default)]
        pub encrypted: Option<bool>,
        /// Thumbnail URL.
        #[serde(default)]
        pub thumbnail_url: Option<String>,
        /// Thumbnail state.
        #[serde(default)]
        pub thumbnail_status: Option<ThumbnailStatus>,
        /// Locked.
        #[serde(default)]
        pub locked: Option<bool>,
        /// Who locked it.
        #[serde(default)]
        pub locked_by: Option<String>,
        /// Has a draft.
        #[serde(default)]
        pub has_draft: Option<bool>,
        /// A form.
        #[serde(default)]
        pub is_form: Option<bool>,
        /// Custom filter on.
        #[serde(default)]
        pub custom_filter_enabled: Option<bool>,
        /// Who turned the custom filter on.
        #[serde(default)]
        pub custom_filter_enabled_by: Option<String>,
        /// Form filling started.
        #[serde(default)]
        pub start_filling: Option<bool>,
        /// What the viewer can do with it in the browser.
        #[serde(default, deserialize_with = "null_as_default")]
        pub view_accessibility: BTreeMap<String, bool>,
        /// Last opened.
        #[serde(default)]
        pub last_opened: Option<ApiDateTime>,
        /// Expired.
        #[serde(default)]
        pub expired: Option<bool>,
    }
}

impl File {
    /// The levels a link to this file may grant, in the portal's order: its
    /// `availableShareRights` for `PrimaryExternalLink` (the primary link) or `ExternalLink`,
    /// which DocSpace works out from the room, the format and the caller
    /// (`FileSecurity.GetAccesses`, ONLYOFFICE/DocSpace-server). None is left out: it revokes a
    /// link rather than grants. `None` when the portal sent no levels for links.
    ///
    /// ```
    /// use docspace_api::models::File;
    /// use docspace_types::FileShare;
    /// let f: File = serde_json::from_str(r#"{"id":7,"title":"Plan.docx",
    ///   "availableShareRights":{"ExternalLink":["Editing","Read","None"],"PrimaryExternalLink":["Read"]}}"#)?;
    /// assert_eq!(f.link_levels(false), Some(vec![FileShare::Editing, FileShare::Read]));
    /// assert_eq!(f.link_levels(true), Some(vec![FileShare::Read]));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn link_levels(&self, primary: bool) -> Option<Vec<FileShare>> {
        let subject = if primary {
            "PrimaryExternalLink"
        } else {
            "ExternalLink"
        };
        let names = self.available_share_rights.get(subject)?;
        Some(
            names
                .iter()
                .filter_map(|n| FileShare::from_name(n))
                .filter(|l| *l != FileShare::None)
                .collect(),
        )
    }

    /// The extension without the dot, lower-case (`"docx"`).
    pub fn extension(&self) -> Option<String> {
        self.file_exst
            .as_deref()
            .map(|e| e.trim_start_matches('.').to_ascii_lowercase())
    }
}
