//! Files, folders, rooms-as-folders and folder contents (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/FilesController.cs`, `FoldersController.cs`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::{FileId, FolderId, null_as_default};
use super::datetime::ApiDateTime;
use super::macros::{flags, int_enum};
use super::people::EmployeeSummary;
use super::rooms::{ChatSettings, Logo, RoomLifetime, RoomType, RoomWatermark};
pub use docspace_types::{FileEntryType, FileShare, FileType, FolderType};

int_enum! {
    /// Thumbnail generation state.
    ///
    /// ```
    /// assert_eq!(docspace_api::models::ThumbnailStatus::Created.value(), 1);
    /// ```
    pub enum ThumbnailStatus {
        /// Waiting.
        Waiting = 0 => "Waiting",
        /// Ready.
        Created = 1 => "Created",
        /// Failed.
        Error = 2 => "Error",
        /// Not needed.
        NotRequired = 3 => "NotRequired",
        /// Being made.
        Creating = 4 => "Creating",
    }
}

int_enum! {
    /// What a folder listing keeps (`filterType`).
    ///
    /// ```
    /// assert_eq!(docspace_api::models::FilterType::FoldersOnly.value(), 2);
    /// ```
    pub enum FilterType {
        /// Everything.
        None = 0 => "None",
        /// Files only.
        FilesOnly = 1 => "FilesOnly",
        /// Folders only.
        FoldersOnly = 2 => "FoldersOnly",
        /// Documents.
        DocumentsOnly = 3 => "DocumentsOnly",
        /// Presentations.
        PresentationsOnly = 4 => "PresentationsOnly",
        /// Spreadsheets.
        SpreadsheetsOnly = 5 => "SpreadsheetsOnly",
        /// Images.
        ImagesOnly = 7 => "ImagesOnly",
        /// By user.
        ByUser = 8 => "ByUser",
        /// By department.
        ByDepartment = 9 => "ByDepartment",
        /// Archives.
        ArchiveOnly = 10 => "ArchiveOnly",
        /// By extension.
        ByExtension = 11 => "ByExtension",
        /// Media.
        MediaOnly = 12 => "MediaOnly",
        /// Form filling rooms.
        FillingFormsRooms = 13 => "FillingFormsRooms",
        /// Collaboration rooms.
        EditingRooms = 14 => "EditingRooms",
        /// Custom rooms.
        CustomRooms = 17 => "CustomRooms",
        /// Public rooms.
        PublicRooms = 20 => "PublicRooms",
        /// PDF.
        Pdf = 22 => "Pdf",
        /// PDF forms.
        PdfForm = 23 => "PdfForm",
        /// Virtual data rooms.
        VirtualDataRooms = 24 => "VirtualDataRooms",
        /// Diagrams.
        DiagramsOnly = 25 => "DiagramsOnly",
        /// AI rooms.
        AiRooms = 26 => "AiRooms",
    }
}

int_enum! {
    /// Whether a listing returns files, folders or both (`applyFilterOption`).
    ///
    /// ```
    /// assert_eq!(docspace_api::models::ApplyFilterOption::Folders.value(), 2);
    /// ```
    pub enum ApplyFilterOption {
        /// Both.
        All = 0 => "All",
        /// Files.
        Files = 1 => "Files",
        /// Folders.
        Folders = 2 => "Folders",
    }
}

flags! {
    /// State flags of a file (`fileStatus`).
    ///
    /// ```
    /// use docspace_api::models::FileStatus;
    /// let s = FileStatus(2 | 32);
    /// assert!(s.contains(FileStatus::IS_NEW) && s.contains(FileStatus::IS_FAVORITE));
    /// ```
    pub struct FileStatus {
        /// Being edited.
        const IS_EDITING = 1;
        /// New for the caller.
        const IS_NEW = 2;
        /// Being converted.
        const IS_CONVERTING = 4;
        /// Kept in its original format.
        const IS_ORIGINAL = 8;
        /// Edited by one user.
        const IS_EDITING_ALONE = 16;
        /// A favorite.
        const IS_FAVORITE = 32;
        /// A template.
        const IS_TEMPLATE = 64;
        /// A form-filling draft.
        const IS_FILL_FORM_DRAFT = 128;
        /// A completed form.
        const IS_COMPLETED_FORM = 256;
    }
}

/// What the caller may do with an entry: DocSpace's `security` object, PascalCase action names
/// to booleans (`Read`, `Edit`, `Delete`, `EditRoom`, …). Actions the portal does not list are
/// not allowed.
///
/// ```
/// let s: docspace_api::models::EntrySecurity = serde_json::from_str(r#"{"Read":true,"Edit":false}"#)?;
/// assert!(s.can("Read") && !s.can("Edit") && !s.can("Delete"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntrySecurity(pub BTreeMap<String, bool>);

impl EntrySecurity {
    /// Whether `action` (a PascalCase name such as `"Edit"`) is allowed.
    pub fn can(&self, action: &str) -> bool {
        self.0.get(action).copied().unwrap_or(false)
    }

    /// The allowed actions.
    pub fn allowed(&self) -> impl Iterator<Item = &str> {
        self.0.iter().filter(|(_, v)| **v).map(|(k, _)| k.as_str())
    }
}

/// Declares an entry struct: its id, the fields DocSpace gives every folder and file (the base
/// DTOs in ONLYOFFICE/DocSpace-server `products/ASC.Files/Core/ApiModels/ResponseDto/FileEntryDto.cs`),
/// then its own. One list of the shared fields, so a folder and a file cannot drift apart.
macro_rules! file_entry {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(#[$id_meta:meta])*
            pub id: $id:ty,
            $( $(#[$field_meta:meta])* pub $field:ident: $ty:ty, )*
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $(#[$id_meta])*
            pub id: $id,
            /// Title (a file's with its extension).
            #[serde(default)]
            pub title: String,
            /// The caller's access level.
            #[serde(default)]
            pub access: Option<FileShare>,
            /// Shared with someone.
            #[serde(default)]
            pub shared: bool,
            /// Shared with the caller.
            #[serde(default)]
            pub shared_for_user: Option<bool>,
            /// Shared through an external link.
            #[serde(default)]
            pub shared_external: Option<bool>,
            /// A parent is shared.
            #[serde(default)]
            pub parent_shared: Option<bool>,
            /// Short URL.
            #[serde(default)]
            pub short_web_url: Option<String>,
            /// Creation time.
            #[serde(default)]
            pub created: Option<ApiDateTime>,
            /// Creator.
            #[serde(default)]
            pub created_by: Option<EmployeeSummary>,
            /// Last change.
            #[serde(default)]
            pub updated: Option<ApiDateTime>,
            /// Last editor.
            #[serde(default)]
            pub updated_by: Option<EmployeeSummary>,
            /// When Trash deletes it.
            #[serde(default)]
            pub auto_delete: Option<ApiDateTime>,
            /// The section it is in.
            #[serde(default)]
            pub root_folder_type: Option<FolderType>,
            /// The room it is in.
            #[serde(default)]
            pub parent_room_type: Option<FolderType>,
            /// Stored by a third-party provider.
            #[serde(default)]
            pub provider_item: Option<bool>,
            /// Provider key.
            #[serde(default)]
            pub provider_key: Option<String>,
            /// Provider id.
            #[serde(default)]
            pub provider_id: Option<i64>,
            /// Position (VDR indexing).
            #[serde(default)]
            pub order: Option<String>,
            /// A favorite.
            #[serde(default)]
            pub is_favorite: Option<bool>,
            /// Folder or file.
            #[serde(default)]
            pub file_entry_type: Option<FileEntryType>,
            /// Id of its section.
            #[serde(default)]
            pub root_folder_id: Option<FolderId>,
            /// Where it came from (Trash, Recent).
            #[serde(default)]
            pub origin_id: Option<FolderId>,
            /// Room it came from.
            #[serde(default)]
            pub origin_room_id: Option<FolderId>,
            /// Title of its origin.
            #[serde(default)]
            pub origin_title: Option<String>,
            /// Title of its origin room.
            #[serde(default)]
            pub origin_room_title: Option<String>,
            /// The caller may share it.
            #[serde(default)]
            pub can_share: Option<bool>,
            /// What the caller may do.
            #[serde(default)]
            pub security: EntrySecurity,
            /// Access levels the caller may grant, by subject kind (`User`, `Group`, `ExternalLink`…), as
            /// [`FileShare`] names.
            #[serde(default, deserialize_with = "null_as_default")]
            pub available_share_rights: BTreeMap<String, Vec<String>>,
            /// Sharing settings by subject kind.
            #[serde(default, deserialize_with = "null_as_default")]
            pub share_settings: BTreeMap<String, i64>,
            /// Token of the link it was opened through.
            #[serde(default)]
            pub request_token: Option<String>,
            /// Opened through an external link.
            #[serde(default)]
            pub external: Option<bool>,
            /// Link expiry.
            #[serde(default)]
            pub expiration_date: Option<ApiDateTime>,
            /// The link expired.
            #[serde(default)]
            pub is_link_expired: Option<bool>,
            $( $(#[$field_meta])* pub $field: $ty, )*
        }
    };
}

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

/// A folder's contents, one page of them (`FolderContentDto`).
///
/// ```
/// let c: docspace_api::models::FolderContent = serde_json::from_str(r#"{
///   "files":[],"folders":[{"id":58,"title":"Drafts"}],"current":{"id":57,"title":"Contracts"},
///   "pathParts":[{"id":3,"title":"Rooms"}],"startIndex":0,"count":1,"total":1,"new":0}"#)?;
/// assert_eq!(c.folders[0].title, "Drafts");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FolderContent {
    /// Files on this page.
    #[serde(default, deserialize_with = "null_as_default")]
    pub files: Vec<File>,
    /// Folders (or rooms) on this page.
    #[serde(default, deserialize_with = "null_as_default")]
    pub folders: Vec<Folder>,
    /// The folder listed.
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

#[cfg(test)]
mod tests {
    use super::*;

    const ROOM: &str = r#"{"id":57,"title":"Contracts","access":0,"shared":false,"created":"2025-05-02T10:11:12.0000000+02:00",
      "createdBy":{"id":"u","displayName":"Owner"},"updated":"2025-05-02T10:11:12.0000000+02:00",
      "rootFolderType":14,"parentRoomType":19,"fileEntryType":1,"rootFolderId":3,"canShare":true,
      "security":{"Read":true,"EditRoom":true,"Delete":false,"FutureAction":true},
      "availableShareRights":{"User":["RoomManager","ContentCreator","Editing","Review","Comment","Read","None"],"ExternalLink":["Read","Teleport"]},
      "shareSettings":{"PrimaryExternalLink":1},"parentId":3,"filesCount":2,"foldersCount":1,"isShareable":true,
      "new":0,"mute":false,"tags":["legal","q3"],"logo":{"original":"","large":"","medium":"","small":"","color":"5299E0","cover":{"id":"sun","data":"<svg/>"}},
      "pinned":true,"roomType":5,"private":false,"indexing":false,"denyDownload":true,
      "lifetime":{"deletePermanently":false,"period":0,"value":30},
      "watermark":{"additions":9,"text":"x","rotate":-45},"type":19,"inRoom":true,"quotaLimit":-2,
      "isCustomQuota":false,"usedSpace":14533}"#;

    #[test]
    fn a_room_decodes_with_everything() {
        let r: Folder = serde_json::from_str(ROOM).unwrap();
        assert!(r.is_room());
        assert_eq!(r.room_type, Some(RoomType::Custom));
        assert_eq!(r.folder_type, Some(FolderType::CustomRoom));
        assert_eq!(r.folder_type.unwrap().room_type(), Some(RoomType::Custom));
        assert_eq!(r.color(), Some("5299E0"));
        assert!(r.security.can("EditRoom") && !r.security.can("Delete"));
        assert!(r.security.can("FutureAction"));
        assert_eq!(r.available_share_rights["ExternalLink"][1], "Teleport");
        assert_eq!(
            FileShare::from_name(&r.available_share_rights["User"][0]),
            Some(FileShare::RoomManager)
        );
        assert_eq!(r.tags, vec!["legal", "q3"]);
        assert_eq!(r.lifetime.as_ref().unwrap().value, 30);
        assert_eq!(r.watermark.as_ref().unwrap().rotate, -45);
        assert_eq!(r.created_by.as_ref().unwrap().display_name, "Owner");
        assert!(r.pinned && r.deny_download);
    }

    #[test]
    fn a_plain_folder_decodes_with_defaults() {
        let f: Folder = serde_json::from_str(r#"{"id":"sbox-1|/x","tags":null}"#).unwrap();
        assert!(!f.is_room());
        assert_eq!(f.id, FolderId::Text("sbox-1|/x".into()));
        assert!(f.tags.is_empty() && f.security.allowed().count() == 0);
    }

    #[test]
    fn unknown_enum_values_in_entries_survive() {
        let f: Folder = serde_json::from_str(
            r#"{"id":1,"roomType":42,"type":99,"rootFolderType":77,"access":50,"fileEntryType":3}"#,
        )
        .unwrap();
        assert_eq!(f.room_type, Some(RoomType::Unknown(42)));
        assert_eq!(f.folder_type, Some(FolderType::Unknown(99)));
        assert_eq!(f.access, Some(FileShare::Unknown(50)));
        assert_eq!(f.file_entry_type, Some(FileEntryType::Unknown(3)));
        let f: File =
            serde_json::from_str(r#"{"id":1,"fileType":12,"thumbnailStatus":9,"fileStatus":1024}"#)
                .unwrap();
        assert_eq!(f.file_type, Some(FileType::Unknown(12)));
        assert_eq!(f.thumbnail_status, Some(ThumbnailStatus::Unknown(9)));
        assert_eq!(f.file_status, FileStatus(1024));
    }

    #[test]
    fn a_file_decodes() {
        let f: File = serde_json::from_str(
            r#"{"id":812,"title":"Q3.xlsx","fileExst":".XLSX","fileType":5,"folderId":57,"version":1,
               "versionGroup":1,"contentLength":"14.2 KB","pureContentLength":14533,"fileStatus":34,
               "viewUrl":"http://p/filehandler.ashx?action=download&fileid=812",
               "webUrl":"http://p/doceditor?fileid=812&version=1","access":0,"rootFolderType":14,
               "parentRoomType":19,"created":"2025-05-02T10:11:12.0000000+02:00","fileEntryType":2,
               "security":{"Read":true,"Edit":true},"thumbnailStatus":3,"locked":false,
               "viewAccessibility":{"WebView":true}}"#,
        )
        .unwrap();
        assert_eq!(f.id, FileId::Int(812));
        assert_eq!(f.extension().as_deref(), Some("xlsx"));
        assert_eq!(f.file_type, Some(FileType::Spreadsheet));
        assert!(f.file_status.contains(FileStatus::IS_NEW));
        assert_eq!(f.folder_id, Some(FolderId::Int(57)));
        assert!(f.view_accessibility["WebView"]);
        let bare: File = serde_json::from_str(r#"{"id":"sbox|f"}"#).unwrap();
        assert_eq!(bare.pure_content_length, 0);
        assert_eq!(bare.version, 0);
    }

    #[test]
    fn folder_contents_decode_into_entries() {
        let json = format!(
            r#"{{"files":[{{"id":812,"title":"Q3.xlsx"}}],"folders":[{ROOM}],"current":{{"id":3,"title":"Rooms","type":14}},
               "pathParts":[{{"id":3,"title":"Rooms","folderType":14}}],"startIndex":0,"count":2,"total":9,"new":0}}"#
        );
        let c: FolderContent = serde_json::from_str(&json).unwrap();
        assert_eq!(c.total, 9);
        assert_eq!(c.current.folder_type, Some(FolderType::VirtualRooms));
        assert_eq!(c.path_parts[0].folder_type, Some(FolderType::VirtualRooms));
        let entries = c.into_entries();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].title(), "Contracts");
        assert!(matches!(entries[1], Entry::File(_)));
        let c: FolderContent = serde_json::from_str(r#"{"current":{"id":5}}"#).unwrap();
        assert!(c.files.is_empty() && c.path_parts.is_empty());
    }

    #[test]
    fn entry_bases_decode() {
        let v: Vec<EntryBase> = serde_json::from_str(
            r#"[{"id":3,"title":"Rooms","fileEntryType":1,"rootFolderType":14},{"id":58}]"#,
        )
        .unwrap();
        assert_eq!(v[0].root_folder_type, Some(FolderType::VirtualRooms));
        assert_eq!(v[1].title, "");
    }
}
