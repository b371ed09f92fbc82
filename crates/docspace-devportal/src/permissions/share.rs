//! DocSpace's `FileShare` access levels, as the integers the database stores
//! ([`docspace_types::FileShare`]).

use docspace_types::FileShare;

/// No access (0); in a share request it removes the member.
pub const NONE: i64 = FileShare::None.value() as i64;
/// Full access (1).
pub const READ_WRITE: i64 = FileShare::ReadWrite.value() as i64;
/// Viewer (2).
pub const READ: i64 = FileShare::Read.value() as i64;
/// Denied (3).
pub const RESTRICT: i64 = FileShare::Restrict.value() as i64;
/// Reviewer (5).
pub const REVIEW: i64 = FileShare::Review.value() as i64;
/// Commenter (6).
pub const COMMENT: i64 = FileShare::Comment.value() as i64;
/// Form filler (7).
pub const FILL_FORMS: i64 = FileShare::FillForms.value() as i64;
/// Custom filter (8).
pub const CUSTOM_FILTER: i64 = FileShare::CustomFilter.value() as i64;
/// Room manager (9).
pub const ROOM_MANAGER: i64 = FileShare::RoomManager.value() as i64;
/// Editor (10).
pub const EDITING: i64 = FileShare::Editing.value() as i64;
/// Content creator (11).
pub const CONTENT_CREATOR: i64 = FileShare::ContentCreator.value() as i64;
