//! A folder's contents: a page of its entries, its breadcrumb, the light form of an entry.

use serde::{Deserialize, Serialize};

use super::{File, FileEntryType, FileShare, Folder, FolderType};
use crate::models::common::{FolderId, null_as_default};
use crate::models::datetime::ApiDateTime;
use crate::models::rooms::RoomType;

/// Declares a page of a folder's contents (`FolderContentDto` in ONLYOFFICE/DocSpace-server
/// `products/ASC.Files/Core/ApiModels/ResponseDto/FolderContentDto.cs`): its own fields, then the
/// ones every such page has. One list of those, so the two pages cannot drift apart.
macro_rules! folder_page {
    (
        $(#[$meta:meta])*
        pub struct $name:ident { $( $(#[$field_meta:meta])* pub $field:ident: $ty:ty, )* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $( $(#[$field_meta])* pub $field: $ty, )*
            /// Folders (or rooms) on this page.
            #[serde(default, deserialize_with = "null_as_default")]
            pub folders: Vec<Folder>,
            /// The folder listed (for rooms: the rooms section or the archive).
            pub current: Folder,
            /// Breadcrumb from the section to `current`.
            #[serde(default, deserialize_with = "null_as_default")]
            pub path_parts: Vec<PathPart>,
            /// Offset of this page.
            #[serde(default)]
            pub start_index: u64,
            /// Entries on this page.
            #[serde(default)]
            pub count: u64,
            /// Entries matching the filter, on all pages.
            #[serde(default)]
            pub total: u64,
            /// New entries for the caller.
            #[serde(default)]
            pub new: u64,
        }
    };
}

/// One step of a folder's breadcrumb.
///
/// ```
/// let p: docspace_api::models::PathPart = serde_json::from_str(r#"{"id":57,"title":"Contracts","roomType":5,"folderType":19}"#)?;
/// assert_eq!(p.title, "Contracts");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PathPart {
    /// Folder id.
    pub id: FolderId,
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Room type (rooms only).
    #[serde(default)]
    pub room_type: Option<RoomType>,
    /// Folder type.
    #[serde(default)]
    pub folder_type: Option<FolderType>,
}

folder_page! {
    /// A folder's contents, one page of them (`FolderContentDto`).
    ///
    /// ```
    /// let c: docspace_api::models::FolderContent = serde_json::from_str(r#"{
    ///   "files":[],"folders":[{"id":58,"title":"Drafts"}],"current":{"id":57,"title":"Contracts"},
    ///   "pathParts":[{"id":3,"title":"Rooms"}],"startIndex":0,"count":1,"total":1,"new":0}"#)?;
    /// assert_eq!(c.folders[0].title, "Drafts");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct FolderContent {
        /// Files on this page.
        #[serde(default, deserialize_with = "null_as_default")]
        pub files: Vec<File>,
    }
}

folder_page! {
    /// One page of the rooms section (`GET api/2.0/files/rooms`).
    ///
    /// DocSpace answers with a folder's contents (`FolderContentDto`, `GetRoomsFolder` in
    /// ONLYOFFICE/DocSpace-server `products/ASC.Files/Server/Api/VirtualRoomsController.cs`), whose
    /// filter there maps room types to folder filters (`RoomTypeExtensions.MapToFilterType`): the
    /// section holds rooms only and `files` is always empty. This type leaves `files` out, so that a
    /// page that lists rooms does not carry a file's decoder (a page of [`FolderContent`] does).
    ///
    /// ```
    /// let p: docspace_api::models::RoomsPage = serde_json::from_str(r#"{
    ///   "files":[],"folders":[{"id":57,"title":"Contracts","roomType":5}],"current":{"id":3,"title":"Rooms"},
    ///   "pathParts":[{"id":3,"title":"Rooms"}],"startIndex":0,"count":1,"total":1,"new":0}"#)?;
    /// assert_eq!(p.folders[0].title, "Contracts");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct RoomsPage {}
}

/// An entry of a folder: a folder (or room) or a file.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A folder or room.
    Folder(Box<Folder>),
    /// A file.
    File(Box<File>),
}

impl Entry {
    /// The entry's title.
    pub fn title(&self) -> &str {
        match self {
            Entry::Folder(f) => &f.title,
            Entry::File(f) => &f.title,
        }
    }
}

impl FolderContent {
    /// Folders first, then files, as DocSpace lists them.
    pub fn into_entries(self) -> Vec<Entry> {
        let folders = self.folders.into_iter().map(|f| Entry::Folder(Box::new(f)));
        let files = self.files.into_iter().map(|f| Entry::File(Box::new(f)));
        folders.chain(files).collect()
    }
}

/// The light form of an entry (`FileEntryBaseDto`): breadcrumbs, subfolder lists, converted copies.
///
/// ```
/// let e: docspace_api::models::EntryBase = serde_json::from_str(r#"{"id":58,"title":"Drafts","fileEntryType":1}"#)?;
/// assert_eq!(e.id.to_string(), "58");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryBase {
    /// Id (folder or file, by `file_entry_type`).
    pub id: FolderId,
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Folder or file.
    #[serde(default)]
    pub file_entry_type: Option<FileEntryType>,
    /// The caller's access level.
    #[serde(default)]
    pub access: Option<FileShare>,
    /// Creation time.
    #[serde(default)]
    pub created: Option<ApiDateTime>,
    /// Last change.
    #[serde(default)]
    pub updated: Option<ApiDateTime>,
    /// The section it is in.
    #[serde(default)]
    pub root_folder_type: Option<FolderType>,
}
