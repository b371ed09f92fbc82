//! What DocSpace's room types and access levels mean, in words for people. Which access levels
//! each room type offers is DocSpace's `FileSecurity.AvailableRoomAccesses`, kept once in
//! `docspace-types`.

use docspace_api::models::{FileShare, RoomType};

/// The room types a user can create, in the order DocSpace offers them.
pub const ROOM_TYPES: [RoomType; 6] = [
    RoomType::Editing,
    RoomType::Public,
    RoomType::FillingForms,
    RoomType::VirtualData,
    RoomType::Custom,
    RoomType::Ai,
];

/// A room type's name, as DocSpace's interface says it.
pub fn room_type_label(t: RoomType) -> &'static str {
    t.label()
}

/// What a room type is for, in one sentence.
pub fn room_type_description(t: RoomType) -> &'static str {
    match t {
        RoomType::Editing => {
            "Co-author documents with your team: members edit, review and comment together."
        }
        RoomType::Public => "Share files with anyone through a link; people need no account.",
        RoomType::FillingForms => "Hand out PDF forms and collect the filled-in copies.",
        RoomType::VirtualData => {
            "Keep sensitive files numbered and controlled: indexing, download restrictions, lifetimes."
        }
        RoomType::Custom => "For anything else: choose the members' access levels yourself.",
        RoomType::Ai => "Work on the room's documents with an AI assistant.",
        RoomType::Unknown(_) => "A room type this app does not know.",
    }
}

/// The room type with `key` (its number).
pub fn room_type_from_key(key: &str) -> Option<RoomType> {
    key.parse::<i32>()
        .ok()
        .map(RoomType::from)
        .filter(|t| ROOM_TYPES.contains(t))
}

/// Whether rooms of this type can number their contents.
pub fn supports_indexing(t: RoomType) -> bool {
    t == RoomType::VirtualData
}

/// An access level's name.
pub fn access_label(a: FileShare) -> &'static str {
    match a {
        FileShare::RoomManager => "Room manager",
        FileShare::ContentCreator => "Content creator",
        FileShare::Editing => "Editor",
        FileShare::Review => "Reviewer",
        FileShare::Comment => "Commenter",
        FileShare::Read => "Viewer",
        FileShare::FillForms => "Form filler",
        FileShare::ReadWrite => "Full access",
        FileShare::None => "No access",
        _ => "Other",
    }
}

/// Access levels a room of type `t` can give its members, highest first (`None`, which removes,
/// is left out); DocSpace's table lives in [`RoomType::user_accesses`].
pub fn member_accesses(t: RoomType) -> Vec<FileShare> {
    match t.user_accesses() {
        Some(all) => without_none(all),
        None => vec![FileShare::Read],
    }
}

/// Access levels an external (public) link of a room of type `t` can give; empty when the type
/// has no external links.
pub fn link_accesses(t: RoomType) -> Vec<FileShare> {
    t.external_link_accesses()
        .map(without_none)
        .unwrap_or_default()
}

fn without_none(levels: &[FileShare]) -> Vec<FileShare> {
    levels
        .iter()
        .copied()
        .filter(|a| *a != FileShare::None)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_creatable_type_has_a_name_a_description_and_members() {
        for t in ROOM_TYPES {
            assert_ne!(room_type_label(t), "Room");
            assert!(room_type_description(t).ends_with('.'));
            assert_eq!(member_accesses(t)[0], FileShare::RoomManager);
            assert_eq!(room_type_from_key(&t.value().to_string()), Some(t));
        }
        assert_eq!(room_type_from_key("3"), None);
        assert_eq!(room_type_from_key("x"), None);
    }
}
