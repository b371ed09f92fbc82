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

use docspace_types::{FileShare, RoomType};
use rusqlite::Connection;

use crate::db::entries::{self, Folder, folder_type};
use crate::db::members;
use crate::envelope::ApiError;
use crate::users::{EmployeeType, User};

/// Who is acting: a signed-in user, or an anonymous visitor holding a room's external link.
#[derive(Debug, Clone, Default)]
pub struct Actor {
    /// The signed-in user.
    pub user: Option<User>,
    /// The external link presented (`Request-Token` header or `share` parameter).
    pub link: Option<LinkGrant>,
}

/// What an external link grants.
#[derive(Debug, Clone)]
pub struct LinkGrant {
    /// The link's id.
    pub link_id: String,
    /// The room it opens (for a file's link, the file's folder: it opens nothing there).
    pub room_id: i64,
    /// The file a file's own external link opens, and nothing around it.
    pub file_id: Option<i64>,
    /// Its `FileShare` level.
    pub access: i64,
    /// Downloads refused through it.
    pub deny_download: bool,
}

impl Actor {
    /// A signed-in user acting without a link.
    pub fn signed_in(user: User) -> Actor {
        Actor {
            user: Some(user),
            link: None,
        }
    }

    /// The signed-in user, or 401.
    pub fn user(&self) -> Result<&User, ApiError> {
        self.user.as_ref().ok_or(ApiError::Unauthorized)
    }

    /// The user's id, or `""` for an anonymous visitor.
    pub fn id(&self) -> &str {
        self.user.as_ref().map(|u| u.id.as_str()).unwrap_or("")
    }
}

/// The caller's standing on an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Their own My documents or Trash: everything.
    Personal,
    /// The Rooms or Archive section: may look, not create.
    Section,
    /// Inside a room (active or archived). See the tables above.
    Room(Standing),
    /// Nothing.
    None,
}

/// Who the actor is to a room: the inputs of DocSpace's `FileSecurity.FilterEntryAsync`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    /// The `FileShare` level of the actor's membership, else of the room's external link they
    /// hold; `share::NONE` with neither.
    pub access: i64,
    /// The room's owner (its creator, or whom ownership was handed to), unless now a User or
    /// Guest: DocSpace's `HasFullAccessAsync`, which allows every action in the room.
    pub owner: bool,
    /// A DocSpace admin (the portal owner is one too): DocSpace's `isDocSpaceAdmin` branch,
    /// which adds Read, Download, Pin, archiving and ChangeOwner of any room, and nothing else.
    pub admin: bool,
    /// The room is in the Archive.
    pub archived: bool,
}

impl Standing {
    /// The `FileShare` level the rights of membership come from (the owner's is a manager's).
    fn member_access(self) -> i64 {
        if self.owner {
            share::ROOM_MANAGER
        } else {
            self.access
        }
    }

    fn allows(self, action: RoomAction) -> bool {
        use RoomAction::*;
        let member = |a| room_allows(self.member_access(), a);
        if self.archived {
            // `case FolderType.Archive`: read-only, and only the owner or an admin may take the
            // room out or delete it.
            return match action {
                Read | Download | Copy => self.admin || member(action),
                ReadLinks => member(action),
                Archive | DeleteRoom => self.owner || self.admin,
                _ => false,
            };
        }
        match action {
            // `case FolderType.VirtualRooms`, `if (isDocSpaceAdmin …)`: Read, Download, and
            // Move (archive), Pin, ChangeOwner of the room itself.
            Read | Download | Pin => self.admin || member(action),
            Archive | ChangeOwner => self.owner || self.admin,
            // Nobody but the owner may delete a room that is not archived (`case Delete`
            // grants room managers only plain folders and files).
            DeleteRoom => self.owner,
            _ => member(action),
        }
    }
}

impl Level {
    /// Whether the level permits `action`.
    pub fn allows(self, action: RoomAction) -> bool {
        match self {
            Level::Personal => true,
            Level::Section => matches!(action, RoomAction::Read),
            Level::Room(s) => s.allows(action),
            Level::None => false,
        }
    }

    /// The same standing without what being a DocSpace admin adds: what membership (or
    /// ownership) alone allows. The per-entry `security` flags DocSpace derives from the
    /// `FileShare` record (Comment, Edit, ReadHistory, Mute, …) use it.
    pub fn as_member(self) -> Level {
        match self {
            Level::Room(s) => {
                if s.owner || s.access != share::NONE {
                    Level::Room(Standing { admin: false, ..s })
                } else {
                    Level::None
                }
            }
            other => other,
        }
    }

    /// Whether the actor manages the room (archived or not): what lifts `denyDownload`.
    pub fn is_room_manager(self) -> bool {
        matches!(self, Level::Room(s) if s.member_access() == share::ROOM_MANAGER)
    }

    /// Whether the actor is in the room only as a DocSpace admin (no membership, no ownership).
    pub fn is_oversight_only(self) -> bool {
        matches!(self, Level::Room(s) if s.admin && !s.owner && s.access == share::NONE)
    }

    /// `Ok` if allowed, else 403 `Access denied`.
    pub fn require(self, action: RoomAction) -> Result<(), ApiError> {
        if self.allows(action) {
            Ok(())
        } else {
            Err(ApiError::AccessDenied)
        }
    }

    /// May the actor rename, move or delete an entry created by `creator`?
    pub fn may_modify(self, actor: &Actor, creator: &str) -> bool {
        self.allows(RoomAction::ModifyOthers)
            || (self.allows(RoomAction::ModifyOwn) && actor.id() == creator)
    }

    /// The `access` value DocSpace shows for the entry: a DocSpace admin who is not a member has
    /// no share record, so DocSpace shows its default for rooms, `Restrict`.
    pub fn share_value(self) -> i64 {
        match self {
            Level::Room(s) if s.owner || s.access != share::NONE => s.member_access(),
            Level::Room(_) => share::RESTRICT,
            Level::Section => share::READ,
            Level::Personal | Level::None => share::NONE,
        }
    }
}

/// The actor's level in a room (the room row itself).
pub fn room_level(conn: &Connection, actor: &Actor, room: &Folder) -> Result<Level, ApiError> {
    let member = match &actor.user {
        Some(u) => members::access(conn, room.id, &u.id)?,
        None => None,
    };
    let archived = entries::folder_type_of(conn, room.root_id)? == Some(folder_type::ARCHIVE);
    Ok(level_in_room(actor, room, member, archived))
}

/// The actor's level in `room`, given their membership level there (if any) and whether the room
/// is archived: the one rule [`room_level`] and batch listings share.
pub fn level_in_room(actor: &Actor, room: &Folder, member: Option<i64>, archived: bool) -> Level {
    let user = actor.user.as_ref();
    // `HasFullAccessAsync` refuses Users and Guests even when they own the room.
    let owner = user.is_some_and(|u| {
        u.id == room.owner_id && !matches!(u.user_type, EmployeeType::User | EmployeeType::Guest)
    });
    let admin = user.is_some_and(User::is_admin);
    let access = member
        .filter(|a| *a != share::NONE)
        .or_else(|| {
            actor
                .link
                .as_ref()
                .filter(|l| l.room_id == room.id && l.file_id.is_none())
                .map(|l| l.access)
        })
        .unwrap_or(share::NONE);
    if !owner && !admin && access == share::NONE {
        return Level::None;
    }
    Level::Room(Standing {
        access,
        owner,
        admin,
        archived,
    })
}

/// The actor's level on file `file_id` in `folder`: the folder's, else what the file's own
/// external link grants. DocSpace keeps a file's link as a share record of the file itself
/// (`ONLYOFFICE/DocSpace-server: products/ASC.Files/Core/Utils/FileSharing.cs`), so it opens that
/// file, with the link's access, and adds nothing to the folder around it.
pub fn file_level(
    conn: &Connection,
    actor: &Actor,
    file_id: i64,
    folder: &Folder,
) -> Result<Level, ApiError> {
    let level = folder_level(conn, actor, folder)?;
    if level != Level::None {
        return Ok(level);
    }
    let Some(link) = actor.link.as_ref().filter(|l| l.file_id == Some(file_id)) else {
        return Ok(level);
    };
    let archived = entries::folder_type_of(conn, folder.root_id)? == Some(folder_type::ARCHIVE);
    Ok(Level::Room(Standing {
        access: link.access,
        owner: false,
        admin: false,
        archived,
    }))
}

/// The actor's level on a folder (a section root, a room, or a folder anywhere below).
pub fn folder_level(conn: &Connection, actor: &Actor, folder: &Folder) -> Result<Level, ApiError> {
    if let Some(room_id) = folder.room_id {
        let room = if folder.id == room_id {
            folder.clone()
        } else {
            entries::folder(conn, room_id)?
                .ok_or_else(|| ApiError::NotFound("Room not found".into()))?
        };
        return room_level(conn, actor, &room);
    }
    let root = if folder.root_id == folder.id || folder.root_id == 0 {
        folder.clone()
    } else {
        entries::folder(conn, folder.root_id)?
            .ok_or_else(|| ApiError::NotFound("Folder not found".into()))?
    };
    Ok(match root.folder_type {
        folder_type::VIRTUAL_ROOMS | folder_type::ARCHIVE if actor.user.is_some() => Level::Section,
        folder_type::USER | folder_type::TRASH
            if actor.user.as_ref().is_some_and(|u| u.id == root.owner_id) =>
        {
            Level::Personal
        }
        _ => Level::None,
    })
}

/// DocSpace's `FileShare` access levels, as the integers the database stores
/// ([`docspace_types::FileShare`]).
pub mod share {
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
}

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

/// The shared `RoomType` of a stored one; types this portal does not know act as custom rooms.
fn room_kind(room_type: i64) -> RoomType {
    i32::try_from(room_type)
        .map(RoomType::from_value)
        .ok()
        .filter(|t| RoomType::ALL.contains(t))
        .unwrap_or(RoomType::Custom)
}

fn stored(levels: &[FileShare]) -> Vec<i64> {
    levels.iter().map(|a| i64::from(a.value())).collect()
}

/// Access levels a user may hold in a room of this `RoomType` (DocSpace's `AvailableRoomAccesses`,
/// kept in [`RoomType::user_accesses`]).
pub fn member_levels(room_type: i64) -> Vec<i64> {
    stored(room_kind(room_type).user_accesses().unwrap_or(&[]))
}

/// Access levels an external link of this room type may grant (`None` if the type has none).
pub fn external_link_levels(room_type: i64) -> Option<Vec<i64>> {
    room_kind(room_type).external_link_accesses().map(stored)
}

/// Access levels an invitation link of this room type may grant.
pub fn invitation_link_levels(room_type: i64) -> Vec<i64> {
    stored(
        &room_kind(room_type)
            .invitation_link_accesses()
            .unwrap_or_default(),
    )
}

/// Why a member assignment is refused, if it is.
pub fn valid_member_access(room_type: i64, access: i64, member: &User) -> Result<(), String> {
    if !member_levels(room_type).contains(&access) {
        return Err(format!(
            "Access level {access} is not available in a room of type {room_type}"
        ));
    }
    if access == share::ROOM_MANAGER
        && !(member.is_admin() || member.user_type == EmployeeType::RoomAdmin)
    {
        return Err("Only DocSpace admins and room admins can be room managers".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_room_type_offers_manager_creator_and_none() {
        for t in [1, 2, 5, 6, 8, 9] {
            let levels = member_levels(t);
            assert!(levels.contains(&share::ROOM_MANAGER) && levels.contains(&share::NONE));
        }
    }

    #[test]
    fn public_invitation_links_also_allow_read() {
        assert_eq!(
            invitation_link_levels(6),
            vec![share::CONTENT_CREATOR, share::READ, share::NONE]
        );
    }
}
