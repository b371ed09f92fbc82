//! The caller's standing on an entry, and how it is worked out for rooms, folders and files.

use super::{Actor, RoomAction, room_allows, share};
use rusqlite::Connection;

use crate::db::entries::{self, Folder, folder_type};
use crate::db::members;
use crate::envelope::ApiError;
use crate::users::{EmployeeType, User};

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
