//! A folder, and a room (a folder with a room type).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::entry_fields::file_entry;
use super::{EntrySecurity, FileEntryType, FileShare, FolderType};
use crate::models::common::{FolderId, null_as_default};
use crate::models::datetime::ApiDateTime;
use crate::models::people::EmployeeSummary;
use crate::models::rooms::{ChatSettings, Logo, RoomLifetime, RoomType, RoomWatermark};

file_entry! {
    /// A folder or a room (`FolderDto`). Rooms have `room_type` set.
    ///
    /// ```
    /// let f: docspace_api::models::Folder = serde_json::from_str(
    ///     r#"{"id":57,"title":"Contracts","roomType":5,"type":19,"tags":["legal"],"fileEntryType":1}"#)?;
    /// assert!(f.is_room());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Folder {
        /// Id.
        pub id: FolderId,
        /// Parent folder.
        #[serde(default)]
        pub parent_id: Option<FolderId>,
        /// Files inside.
        #[serde(default)]
        pub files_count: u64,
        /// Folders inside.
        #[serde(default)]
        pub folders_count: u64,
        /// May be shared.
        #[serde(default)]
        pub is_shareable: Option<bool>,
        /// New items for the caller.
        #[serde(default)]
        pub new: u64,
        /// Notifications muted.
        #[serde(default)]
        pub mute: bool,
        /// Tags (rooms).
        #[serde(default, deserialize_with = "null_as_default")]
        pub tags: Vec<String>,
        /// Logo and color (rooms).
        #[serde(default)]
        pub logo: Option<Logo>,
        /// Pinned (rooms).
        #[serde(default)]
        pub pinned: bool,
        /// The room's type; `None` for ordinary folders.
        #[serde(default)]
        pub room_type: Option<RoomType>,
        /// A private (encrypted) room.
        #[serde(default)]
        pub private: bool,
        /// Numbering on (VDR).
        #[serde(default)]
        pub indexing: bool,
        /// Downloads denied.
        #[serde(default)]
        pub deny_download: bool,
        /// Content lifetime.
        #[serde(default)]
        pub lifetime: Option<RoomLifetime>,
        /// Watermark.
        #[serde(default)]
        pub watermark: Option<RoomWatermark>,
        /// Folder type.
        #[serde(default, rename = "type")]
        pub folder_type: Option<FolderType>,
        /// Inside a room.
        #[serde(default)]
        pub in_room: Option<bool>,
        /// Quota in bytes (−1 unlimited).
        #[serde(default)]
        pub quota_limit: Option<i64>,
        /// Custom quota.
        #[serde(default)]
        pub is_custom_quota: Option<bool>,
        /// Used bytes.
        #[serde(default)]
        pub used_space: Option<i64>,
        /// Protected by a link password.
        #[serde(default)]
        pub password_protected: Option<bool>,
        /// Expired (links).
        #[serde(default)]
        pub expired: Option<bool>,
        /// AI chat settings.
        #[serde(default)]
        pub chat_settings: Option<ChatSettings>,
        /// Type of the room at the root.
        #[serde(default)]
        pub root_room_type: Option<RoomType>,
    }
}

impl Folder {
    /// Whether this folder is a room.
    pub fn is_room(&self) -> bool {
        self.room_type.is_some()
    }

    /// The room color, if any.
    pub fn color(&self) -> Option<&str> {
        self.logo.as_ref().and_then(|l| l.color.as_deref())
    }
}

/// A room: rooms are folders with a `room_type`.
pub type Room = Folder;
