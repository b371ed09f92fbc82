//! What the signed-in user may do, decided before offering an action, so that nobody is shown a
//! command the portal will refuse. Per-room actions follow the room's `security` flags (the
//! portal computes them per user); actions outside any room follow the user's type, as DocSpace's
//! own web UI does.

use docspace_api::models::{
    Employee, EmployeeActivationStatus, EmployeeStatus, EmployeeType, FileShare, Room, RoomType,
};

use crate::catalog::member_accesses;

/// Whether `user` may create rooms: DocSpace admins (the owner included) and room admins.
/// DocSpace's web UI creates a room only for a user who is not a guest and whose Rooms section
/// allows `Create` (ONLYOFFICE/DocSpace-client, the files hotkeys' `onCreateRoom`:
/// `!isVisitor && isRoomsFolder && security?.Create`); the portal grants that to these two types
/// and refuses `POST files/rooms` to users and guests.
pub fn may_create_rooms(user: &Employee) -> bool {
    matches!(
        user.employee_type(),
        EmployeeType::DocSpaceAdmin | EmployeeType::RoomAdmin
    )
}

/// Whether `person` may hold `access` in a room. Room manager is a paid role: only DocSpace
/// admins and room admins may be given it (DocSpace-client's invite panel, `isPaidUserRole`;
/// the portal refuses it for users and guests).
pub fn may_hold(person: &Employee, access: FileShare) -> bool {
    access != FileShare::RoomManager
        || matches!(
            person.employee_type(),
            EmployeeType::DocSpaceAdmin | EmployeeType::RoomAdmin
        )
}

/// Whether `person` may be given a room (`POST files/owner`): an active DocSpace admin or room
/// admin. The portal answers "You cannot select this user" for anyone else
/// (ONLYOFFICE/DocSpace-server `products/ASC.Files/Core/Core/FileStorageService.cs`,
/// `ChangeOwnerAsync`); an invitee who has not joined is `Pending`, not `Active`.
pub fn may_own_rooms(person: &Employee) -> bool {
    may_create_rooms(person) && person.status == Some(EmployeeStatus::Active)
}

/// Whether `person` was invited and has not joined yet (their invitation can be sent again).
pub fn is_pending(person: &Employee) -> bool {
    person.status != Some(EmployeeStatus::Terminated)
        && (person.status == Some(EmployeeStatus::Pending)
            || person.activation_status == Some(EmployeeActivationStatus::Pending))
}

/// The access levels of a room of type `kind` that `person` may hold, highest first.
pub fn accesses_for(kind: RoomType, person: &Employee) -> Vec<FileShare> {
    member_accesses(kind)
        .into_iter()
        .filter(|a| may_hold(person, *a))
        .collect()
}

/// A command on a room in the rooms list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoomCommand {
    /// Edit the room's settings.
    Edit,
    /// Pin or unpin it.
    Pin,
    /// Move it to the archive.
    Archive,
    /// Bring it back from the archive.
    Unarchive,
    /// Delete it.
    Delete,
    /// Save it as a room template.
    SaveAsTemplate,
}

/// A command on a room template in the templates view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateCommand {
    /// Create a room from it.
    CreateRoom,
    /// Make it public or not.
    Public,
}

/// The commands `room` offers the user, from its `security` flags, as DocSpace's context menu
/// does (ONLYOFFICE/DocSpace-client: `packages/client/src/store/FilesStore.js`,
/// `getFilesContextOptions`: `EditRoom` for edit, `Pin` for pin, `Move` for archive and restore,
/// `Delete` for delete). An archived room offers only unarchive and delete.
pub fn room_commands(room: &Room, archived: bool) -> Vec<RoomCommand> {
    let s = &room.security;
    let wanted: &[(RoomCommand, &str)] = if archived {
        &[
            (RoomCommand::Unarchive, "Move"),
            (RoomCommand::Delete, "Delete"),
        ]
    } else {
        &[
            (RoomCommand::Edit, "EditRoom"),
            (RoomCommand::Pin, "Pin"),
            (RoomCommand::Archive, "Move"),
            // DocSpace copies an active room into a template for whoever may edit the room
            // (`FileStorageService.CreateRoomTemplateAsync` checks `CanEditRoomAsync`).
            (RoomCommand::SaveAsTemplate, "EditRoom"),
        ]
    };
    wanted
        .iter()
        .filter(|(_, flag)| s.can(flag))
        .map(|(c, _)| *c)
        .collect()
}

/// The commands `template` offers the user: creating a room from it for those who may create
/// rooms ([`may_create_rooms`]), and making it public for those who manage its access
/// (`EditAccess`; DocSpace's `SetPublic` requires it).
pub fn template_commands(template: &Room, may_create: bool) -> Vec<TemplateCommand> {
    let mut out = Vec::new();
    if may_create {
        out.push(TemplateCommand::CreateRoom);
    }
    if template.security.can("EditAccess") {
        out.push(TemplateCommand::Public);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(flags: &str) -> Employee {
        serde_json::from_str(&format!(
            r#"{{"id":"66faa6e4-f133-11ea-b126-00ffeec8b4ef","displayName":"Ann"{flags}}}"#
        ))
        .expect("employee")
    }

    fn room(security: &str) -> Room {
        serde_json::from_str(&format!(
            r#"{{"id":5,"title":"R","roomType":6,"security":{security}}}"#
        ))
        .expect("room")
    }

    #[test]
    fn only_admins_and_room_admins_create_rooms() {
        assert!(may_create_rooms(&person(r#","isOwner":true"#)));
        assert!(may_create_rooms(&person(r#","isAdmin":true"#)));
        assert!(may_create_rooms(&person(r#","isRoomAdmin":true"#)));
        assert!(!may_create_rooms(&person(r#","isCollaborator":true"#)));
        assert!(!may_create_rooms(&person(r#","isVisitor":true"#)));
    }

    #[test]
    fn guests_and_users_are_not_offered_room_manager() {
        let guest = person(r#","isVisitor":true"#);
        let user = person("");
        let room_admin = person(r#","isRoomAdmin":true"#);
        for p in [&guest, &user] {
            let levels = accesses_for(RoomType::Custom, p);
            assert!(!levels.contains(&FileShare::RoomManager));
            assert!(levels.contains(&FileShare::Read));
        }
        assert_eq!(
            accesses_for(RoomType::Custom, &room_admin)[0],
            FileShare::RoomManager
        );
    }

    #[test]
    fn room_commands_follow_the_security_flags() {
        let viewer = room(r#"{"Read":true,"Pin":true,"EditRoom":false,"Move":false}"#);
        assert_eq!(room_commands(&viewer, false), [RoomCommand::Pin]);
        let owner = room(r#"{"Read":true,"Pin":true,"EditRoom":true,"Move":true,"Delete":true}"#);
        assert_eq!(
            room_commands(&owner, false),
            [
                RoomCommand::Edit,
                RoomCommand::Pin,
                RoomCommand::Archive,
                RoomCommand::SaveAsTemplate
            ]
        );
        assert_eq!(
            room_commands(&owner, true),
            [RoomCommand::Unarchive, RoomCommand::Delete]
        );
        assert!(room_commands(&room("{}"), true).is_empty());
    }

    #[test]
    fn template_commands_follow_room_creation_and_access() {
        let managed = room(r#"{"Read":true,"EditAccess":true}"#);
        let read_only = room(r#"{"Read":true}"#);
        assert_eq!(
            template_commands(&managed, true),
            [TemplateCommand::CreateRoom, TemplateCommand::Public]
        );
        assert_eq!(
            template_commands(&read_only, true),
            [TemplateCommand::CreateRoom]
        );
        assert!(template_commands(&read_only, false).is_empty());
    }
}
