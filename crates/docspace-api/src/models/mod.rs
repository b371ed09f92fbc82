//! Typed models of what the portal answers and what requests carry.
//!
//! Every DocSpace enum has all its known values and an `Unknown` fallback, so a newer portal
//! never breaks decoding; optional fields are `Option` or default; unknown fields are ignored.

mod auth;
mod common;
mod datetime;
mod files;
mod keys;
pub(crate) mod macros;
mod oauth_apps;
mod operations;
mod people;
mod rooms;
mod security;
mod sharing;
mod templates;
mod uploads;
mod versions;

pub use auth::{AuthToken, PasswordHashParams, Settings};
pub(crate) use common::is_guid;
pub use common::{
    ApiKeyId, FileId, FolderId, GroupId, LinkId, OperationId, RoomId, Secret, UploadSessionId,
    UserId,
};
pub use datetime::ApiDateTime;
pub use files::{
    ApplyFilterOption, Entry, EntryBase, EntrySecurity, File, FileEntryType, FileShare, FileStatus,
    FileType, FilterType, Folder, FolderContent, FolderType, PathPart, Room, RoomsPage,
    ThumbnailStatus,
};
pub use keys::{ApiKey, Scope};
pub use oauth_apps::{OAuthApp, OAuthAppPage};
pub use operations::{ConflictResolve, FileOperation, FileOperationType, OperationStatus};
pub use people::{
    Contact, Employee, EmployeeActivationStatus, EmployeeStatus, EmployeeSummary, EmployeeType,
    GroupSummary, PeopleArea,
};
pub use rooms::{
    ChatSettings, Color, Cover, LifetimePeriod, Logo, ProviderFilter, QuotaFilter, RoomLifetime,
    RoomType, RoomWatermark, SearchArea, SortBy, SortOrder, StorageFilter, WatermarkAdditions,
};
pub use security::Csp;
pub use sharing::{
    ExternalShare, LinkStatus, LinkType, RoomSecurity, Share, ShareFilterType, ShareLink,
    SubjectType,
};
pub use templates::{RoomFromTemplateStatus, TemplateStatus};
pub use uploads::{UploadResult, UploadSession};
pub use versions::{EditHistory, EditHistoryAuthor};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transport::RawResponse;

    /// Decodes `response` the way the client does: inside an envelope, through `envelope::decode`.
    fn via_envelope<T: serde::de::DeserializeOwned>(response: &str) -> T {
        let resp = RawResponse {
            status: 200,
            headers: vec![],
            body: format!(r#"{{"response":{response},"status":0}}"#).into_bytes(),
        };
        crate::envelope::decode(&resp).unwrap()
    }

    /// DocSpace writes `null` for empty lists and maps in places: every such field reads it as empty.
    #[test]
    fn null_lists_and_maps_decode_as_empty() {
        let maps = r#""availableShareRights":null,"shareSettings":null"#;
        let file: File = via_envelope(&format!(r#"{{"id":1,{maps},"viewAccessibility":null}}"#));
        assert!(file.available_share_rights.is_empty() && file.share_settings.is_empty());
        assert!(file.view_accessibility.is_empty());
        let folder: Folder = via_envelope(&format!(r#"{{"id":2,{maps},"tags":null}}"#));
        assert!(folder.available_share_rights.is_empty() && folder.share_settings.is_empty());
        assert!(folder.tags.is_empty());
        let content: FolderContent =
            via_envelope(r#"{"current":{"id":2},"files":null,"folders":null,"pathParts":null}"#);
        assert!(content.files.is_empty() && content.folders.is_empty());
        assert!(content.path_parts.is_empty());
        let op: FileOperation = via_envelope(r#"{"id":"x","files":null,"folders":null}"#);
        assert!(op.files.is_empty() && op.folders.is_empty());
        let e: Employee =
            via_envelope(r#"{"id":"u","contacts":null,"groups":null,"listAdminModules":null}"#);
        assert!(e.contacts.is_empty() && e.groups.is_empty() && e.list_admin_modules.is_empty());
        let csp: Csp = via_envelope(r#"{"domains":null}"#);
        assert!(csp.domains.is_empty());
        let sec: RoomSecurity = via_envelope(r#"{"members":null}"#);
        assert!(sec.members.is_empty());
        let up: UploadSession = via_envelope(r#"{"id":"a","path":null}"#);
        assert!(up.path.is_empty());
    }
}
