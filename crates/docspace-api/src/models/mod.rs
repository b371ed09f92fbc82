//! Typed models of what the portal answers and what requests carry.
//!
//! Every DocSpace enum has all its known values and an `Unknown` fallback, so a newer portal
//! never breaks decoding; optional fields are `Option` or default; unknown fields are ignored.

mod auth;
mod common;
mod files;
mod keys;
pub(crate) mod macros;
mod operations;
mod people;
mod rooms;
mod security;
mod sharing;
mod uploads;

pub use auth::{AuthToken, PasswordHashParams, Settings};
pub(crate) use common::is_guid;
pub use common::{
    ApiDateTime, ApiKeyId, FileId, FolderId, GroupId, LinkId, OperationId, RoomId, Secret,
    UploadSessionId, UserId,
};
pub use files::{
    ApplyFilterOption, Entry, EntryBase, EntrySecurity, File, FileEntryType, FileShare, FileStatus,
    FileType, FilterType, Folder, FolderContent, FolderType, PathPart, Room, ThumbnailStatus,
};
pub use keys::{ApiKey, Scope};
pub use operations::{ConflictResolve, FileOperation, FileOperationType, OperationStatus};
pub use people::{
    Contact, Employee, EmployeeActivationStatus, EmployeeStatus, EmployeeSummary, EmployeeType,
    GroupSummary,
};
pub use rooms::{
    ChatSettings, Color, Cover, LifetimePeriod, Logo, ProviderFilter, QuotaFilter, RoomLifetime,
    RoomType, RoomWatermark, SearchArea, SortBy, SortOrder, StorageFilter, WatermarkAdditions,
};
pub use security::Csp;
pub use sharing::{LinkType, RoomSecurity, Share, ShareFilterType, ShareLink, SubjectType};
pub use uploads::{UploadResult, UploadSession};
