//! Who may do what: the permission model of the portal, in one place.
//!
//! DocSpace decides in two layers. The caller's **user type** decides portal-wide actions; the
//! caller's **standing in a room** decides what they may do inside it. The room's owner (its
//! creator) may do everything in it; a member has the `FileShare` level a room manager gave them;
//! an anonymous visitor holding a room's external link has the link's level in that room only.
//! A DocSpace admin (the portal owner included) who is not a member may only see the room and its
//! contents, download, pin, archive and unarchive it, and hand it to another owner: no content
//! rights, no members, no links (DocSpace 3.x's `FileSecurity.FilterEntryAsync`,
//! `ONLYOFFICE/DocSpace-server: products/ASC.Files/Core/Core/Security/FileSecurity.cs`, the
//! `isDocSpaceAdmin` branch of `case FolderType.VirtualRooms`, then `HasFullAccessAsync` for the
//! owner). Archiving a room is DocSpace's `Move` of the room, which only its owner or an admin
//! gets; so is deleting it. A refusal is `403 Access denied`.
//!
//! The two tables below are the specification: `tests/permissions_matrix.rs` parses them from this
//! file and checks every cell over HTTP, so the docs and the behaviour cannot drift apart.
//!
//! ## Portal actions by user type
//!
//! | action | Owner | DocSpace admin | Room admin | User | Guest |
//! |---|---|---|---|---|---|
//! | create a room | yes | yes | yes | no | no |
//! | create a tag | yes | yes | yes | no | no |
//! | list people | yes | yes | yes | no | no |
//! | invite a User | yes | yes | yes | no | no |
//! | invite a Room admin | yes | yes | no | no | no |
//! | invite a DocSpace admin | yes | no | no | no | no |
//! | invite a Guest | no | no | no | no | no |
//! | change the CSP list | yes | yes | no | no | no |
//! | create an API key | yes | yes | yes | yes | no |
//! | open My documents | yes | yes | yes | yes | no |
//! | read a room without membership | yes | yes | no | no | no |
//!
//! ## Room actions by access level
//!
//! Columns: the room's owner (its creator), a DocSpace admin and the portal owner who are not
//! members, then members by level.
//!
//! | action | Room owner | DocSpace admin | Portal owner | Room manager | Content creator | Editor | Reviewer | Commenter | Viewer | Form filler | not a member |
//! |---|---|---|---|---|---|---|---|---|---|---|---|
//! | read the room and list its contents | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | no |
//! | download a file | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | no |
//! | copy a file out of the room | yes | no | no | yes | yes | yes | yes | yes | yes | yes | no |
//! | create a folder or file, upload | yes | no | no | yes | yes | no | no | no | no | no | no |
//! | save edited content of a file | yes | no | no | yes | yes | yes | no | no | no | no | no |
//! | rename or delete another member's file | yes | no | no | yes | no | no | no | no | no | no | no |
//! | update the room and its tags | yes | no | no | yes | no | no | no | no | no | no | no |
//! | manage members and links | yes | no | no | yes | no | no | no | no | no | no | no |
//! | list the room's links | yes | no | no | yes | no | no | no | no | no | no | no |
//! | pin the room | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | no |
//! | archive the room | yes | yes | yes | no | no | no | no | no | no | no | no |
//!
//! A room that is not archived may be deleted by its owner only.
//!
//! ## Actions in an archived room
//!
//! An archived room is read-only for everyone, whatever their level: DocSpace's
//! `FileSecurity.FilterEntryAsync` (`ONLYOFFICE/DocSpace-server:
//! products/ASC.Files/Core/Core/Security/FileSecurity.cs`, `case FolderType.Archive`) refuses
//! every action on an entry whose root is the Archive except Read, Download, Copy (out),
//! ReadHistory, ReadLinks and IndexExport, and Delete and Move (unarchive) of the room itself,
//! which only a DocSpace admin or the room's owner (`HasFullAccessAsync`: its creator) get; room
//! tags are refused there too (`CustomTagsService.AddRoomTagsAsync`). The links are the members'
//! business: an admin who is not a member reads, downloads and copies out, but does not see them.
//! The cap lives in [`Level::allows`], so every handler obeys it. Columns: the owner (creator) of the room, a
//! DocSpace admin who is not a member, then members by level.
//!
//! | action | Room owner | DocSpace admin | Room manager | Content creator | Editor | Viewer | not a member |
//! |---|---|---|---|---|---|---|---|
//! | read the room and list its contents | yes | yes | yes | yes | yes | yes | no |
//! | download a file | yes | yes | yes | yes | yes | yes | no |
//! | copy a file out of the room | yes | yes | yes | yes | yes | yes | no |
//! | list the room's links | yes | no | yes | no | no | no | no |
//! | create a folder | no | no | no | no | no | no | no |
//! | create a file | no | no | no | no | no | no | no |
//! | upload a file | no | no | no | no | no | no | no |
//! | open a chunked upload | no | no | no | no | no | no | no |
//! | finish a chunked upload opened before archiving | no | no | no | no | no | no | no |
//! | save edited content of a file | no | no | no | no | no | no | no |
//! | rename a file | no | no | no | no | no | no | no |
//! | rename a folder | no | no | no | no | no | no | no |
//! | delete a file | no | no | no | no | no | no | no |
//! | delete a folder | no | no | no | no | no | no | no |
//! | copy a file into the room | no | no | no | no | no | no | no |
//! | move a file into the room | no | no | no | no | no | no | no |
//! | move a file out of the room | no | no | no | no | no | no | no |
//! | update the room | no | no | no | no | no | no | no |
//! | add a tag to the room | no | no | no | no | no | no | no |
//! | remove a tag from the room | no | no | no | no | no | no | no |
//! | change members | no | no | no | no | no | no | no |
//! | create a link | no | no | no | no | no | no | no |
//! | pin the room | no | no | no | no | no | no | no |
//! | unarchive the room | yes | yes | no | no | no | no | no |
//! | delete the room | yes | yes | no | no | no | no | no |
//!
//! Which levels a member may be given depends on the room type (DocSpace's
//! `AvailableRoomAccesses`, see [`valid_member_access`]); room manager needs a DocSpace admin or
//! room admin. In a room with `denyDownload`, only room managers may download.

mod actor;
mod history;
mod level;
mod room_types;
pub mod share;
mod sharing;

pub use actor::{Actor, LinkGrant};
pub use history::{may_edit_history, may_read_history};
pub use level::{Level, file_level, folder_level, level_in_room, room_level};
pub use room_types::{external_link_levels, invitation_link_levels, valid_member_access};
pub use sharing::{FileSharing, Subject, file_accesses, max_links};

use crate::users::{EmployeeType, User};

/// Portal-wide actions (the first table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortalAction {
    /// `POST files/rooms`.
    CreateRoom,
    /// `POST/PUT/DELETE files/tags`.
    ManageTags,
    /// `GET people`.
    ListPeople,
    /// `POST people/invite` of this type.
    Invite(EmployeeType),
    /// `POST security/csp`.
    EditCsp,
    /// `POST keys`.
    CreateApiKey,
    /// `files/@my`.
    MyDocuments,
    /// Rooms the caller is not a member of.
    ReadAnyRoom,
}

/// Room actions (the second table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoomAction {
    /// See the room, list folders, read file info.
    Read,
    /// Download content.
    Download,
    /// Create folders and files, upload.
    Create,
    /// Save new content of an existing file.
    EditContent,
    /// Rename, move or delete entries someone else created.
    ModifyOthers,
    /// Rename, move or delete one's own entries.
    ModifyOwn,
    /// Update the room's settings and tags.
    EditRoom,
    /// Members, invitation and external links.
    ManageAccess,
    /// See the room's invitation and external links.
    ReadLinks,
    /// Archive or unarchive the room (DocSpace's `Move` of a room; also deletes an archived one).
    Archive,
    /// Delete a room that is not archived.
    DeleteRoom,
    /// Copy a file or folder out of the room.
    Copy,
    /// Hand the room to another owner.
    ChangeOwner,
    /// Pin or unpin for oneself.
    Pin,
}

/// Whether a user of this kind may do a portal action.
pub fn portal_allows(user: &User, action: PortalAction) -> bool {
    use EmployeeType::*;
    let t = user.user_type;
    let admin = user.is_admin();
    match action {
        PortalAction::CreateRoom | PortalAction::ManageTags => admin || t == RoomAdmin,
        // `UserController.GetByFilterAsync` refuses users and guests.
        PortalAction::ListPeople => admin || t == RoomAdmin,
        PortalAction::Invite(kind) => match kind {
            User => admin || t == RoomAdmin,
            RoomAdmin => admin,
            DocSpaceAdmin => user.is_owner,
            Guest => false,
        },
        PortalAction::EditCsp | PortalAction::ReadAnyRoom => admin,
        PortalAction::CreateApiKey | PortalAction::MyDocuments => t != Guest,
    }
}

/// Whether a room access level (`FileShare`) permits a room action.
pub fn room_allows(access: i64, action: RoomAction) -> bool {
    use share::*;
    let reader = matches!(
        access,
        READ_WRITE
            | READ
            | REVIEW
            | COMMENT
            | FILL_FORMS
            | CUSTOM_FILTER
            | ROOM_MANAGER
            | EDITING
            | CONTENT_CREATOR
    );
    match action {
        RoomAction::Read | RoomAction::Download | RoomAction::Copy | RoomAction::Pin => reader,
        RoomAction::Create | RoomAction::ModifyOwn => {
            matches!(access, ROOM_MANAGER | CONTENT_CREATOR | READ_WRITE)
        }
        RoomAction::EditContent => {
            matches!(
                access,
                ROOM_MANAGER | CONTENT_CREATOR | EDITING | READ_WRITE
            )
        }
        RoomAction::ModifyOthers
        | RoomAction::EditRoom
        | RoomAction::ManageAccess
        | RoomAction::ReadLinks => access == ROOM_MANAGER,
        // Membership never grants these: only ownership or being a DocSpace admin does (see
        // `Standing::allows`).
        RoomAction::Archive | RoomAction::DeleteRoom | RoomAction::ChangeOwner => false,
    }
}
