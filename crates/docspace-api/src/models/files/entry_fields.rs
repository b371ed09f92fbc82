//! The fields every folder and file has, declared once for both.

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

pub(super) use file_entry;
