//! Room types and the access levels each room type allows.
//!
//! Sources: <https://api.onlyoffice.com/docspace/javascript-sdk/usage-sdk/enumerations/RoomType>
//! (the numbers and DocSpace's names) and ONLYOFFICE/DocSpace-server `products/ASC.Files/Core/Core/Security/FileSecurity.cs`
//! (`AvailableRoomAccesses`: which `FileShare` levels a user, an invitation link or an external
//! link may hold in each room type).

use crate::files::{FileShare, FolderType};

crate::int_enum! {
    /// The kind of a room. The create body takes the name, everything else the integer.
    ///
    /// ```
    /// use docspace_types::{FolderType, RoomType};
    /// assert_eq!(RoomType::Custom.value(), 5);
    /// assert_eq!(RoomType::Custom.name(), Some("CustomRoom"));
    /// assert_eq!(RoomType::Custom.folder_type(), FolderType::CustomRoom);
    /// ```
    pub enum RoomType {
        /// Form filling room.
        FillingForms = 1 => "FillingFormsRoom",
        /// Collaboration room (DocSpace's `EditingRoom`).
        Editing = 2 => "EditingRoom",
        /// Custom room.
        Custom = 5 => "CustomRoom",
        /// Public room.
        Public = 6 => "PublicRoom",
        /// Virtual data room.
        VirtualData = 8 => "VirtualDataRoom",
        /// AI room.
        Ai = 9 => "AiRoom",
    }
}

impl RoomType {
    /// The folder type a room of this kind has.
    pub fn folder_type(self) -> FolderType {
        match self {
            RoomType::FillingForms => FolderType::FillingFormsRoom,
            RoomType::Editing => FolderType::EditingRoom,
            RoomType::Custom => FolderType::CustomRoom,
            RoomType::Public => FolderType::PublicRoom,
            RoomType::VirtualData => FolderType::VirtualDataRoom,
            RoomType::Ai => FolderType::AiRoom,
            RoomType::Unknown(_) => FolderType::Unknown(-1),
        }
    }
}

// Beside `RoomType::folder_type`: the two directions of one mapping in one place.
impl FolderType {
    /// The room type of a room folder.
    pub fn room_type(self) -> Option<RoomType> {
        RoomType::ALL
            .iter()
            .copied()
            .find(|r| r.folder_type() == self)
    }
}

impl RoomType {
    /// The room type's name in DocSpace's interface ("Collaboration room" for `EditingRoom`).
    ///
    /// ```
    /// assert_eq!(docspace_types::RoomType::Editing.label(), "Collaboration room");
    /// ```
    pub const fn label(self) -> &'static str {
        match self {
            RoomType::FillingForms => "Form filling room",
            RoomType::Editing => "Collaboration room",
            RoomType::Custom => "Custom room",
            RoomType::Public => "Public room",
            RoomType::VirtualData => "Virtual data room",
            RoomType::Ai => "AI room",
            RoomType::Unknown(_) => "Room",
        }
    }

    /// Access levels a user may hold in a room of this type, highest first, `None` (which
    /// removes a member) last; `None` for a type this crate does not know.
    ///
    /// ```
    /// use docspace_types::{FileShare, RoomType};
    /// let public = RoomType::Public.user_accesses().unwrap_or(&[]);
    /// assert_eq!(public, &[FileShare::RoomManager, FileShare::ContentCreator, FileShare::None]);
    /// ```
    pub const fn user_accesses(self) -> Option<&'static [FileShare]> {
        use FileShare::*;
        Some(match self {
            RoomType::Custom => &[
                RoomManager,
                ContentCreator,
                Editing,
                Review,
                Comment,
                Read,
                None,
            ],
            RoomType::Public => &[RoomManager, ContentCreator, None],
            RoomType::FillingForms => &[RoomManager, ContentCreator, FillForms, None],
            RoomType::Editing => &[RoomManager, ContentCreator, Editing, Read, None],
            RoomType::VirtualData => &[RoomManager, ContentCreator, Editing, Read, FillForms, None],
            RoomType::Ai => &[RoomManager, ContentCreator, Read, None],
            RoomType::Unknown(_) => return Option::None,
        })
    }

    /// Access levels an invitation link of a room of this type may grant: a user's levels but
    /// room manager; a public room's link may also grant `Read`.
    pub fn invitation_link_accesses(self) -> Option<Vec<FileShare>> {
        let mut v: Vec<FileShare> = self
            .user_accesses()?
            .iter()
            .copied()
            .filter(|a| *a != FileShare::RoomManager)
            .collect();
        if self == RoomType::Public && !v.contains(&FileShare::Read) {
            v.insert(v.len() - 1, FileShare::Read);
        }
        Some(v)
    }

    /// Access levels an external (public) link of a room of this type may grant, `None` (which
    /// revokes) last; `None` when rooms of this type have no external links.
    pub const fn external_link_accesses(self) -> Option<&'static [FileShare]> {
        use FileShare::*;
        match self {
            RoomType::Custom | RoomType::Public => {
                Some(&[Editing, FillForms, Review, Comment, Read, None])
            }
            RoomType::FillingForms => Some(&[FillForms, Read, None]),
            _ => Option::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_types_map_to_folder_types_and_names() {
        for (rt, v, ft) in [
            (RoomType::FillingForms, 1, 15),
            (RoomType::Editing, 2, 16),
            (RoomType::Custom, 5, 19),
            (RoomType::Public, 6, 22),
            (RoomType::VirtualData, 8, 29),
            (RoomType::Ai, 9, 31),
        ] {
            assert_eq!(rt.value(), v);
            assert_eq!(rt.folder_type().value(), ft);
            assert_eq!(FolderType::from_value(ft).room_type(), Some(rt));
            let by_name: RoomType =
                serde_json::from_value(serde_json::json!(rt.name().unwrap())).unwrap();
            assert_eq!(by_name, rt);
            assert_ne!(rt.label(), "Room");
        }
        assert_eq!(RoomType::ALL.len(), 6);
        let r: RoomType = serde_json::from_str("12").unwrap();
        assert_eq!(r, RoomType::Unknown(12));
        assert_eq!(serde_json::to_string(&RoomType::Ai).unwrap(), "9");
        let r: RoomType = serde_json::from_str("\"5\"").unwrap();
        assert_eq!(r, RoomType::Custom);
        assert!(serde_json::from_str::<RoomType>("\"NoSuchRoom\"").is_err());
    }

    #[test]
    fn every_room_type_offers_manager_creator_and_none() {
        for t in RoomType::ALL {
            let a = t.user_accesses().unwrap_or(&[]);
            assert_eq!(a.first(), Some(&FileShare::RoomManager), "{t}");
            assert_eq!(a.get(1), Some(&FileShare::ContentCreator), "{t}");
            assert_eq!(a.last(), Some(&FileShare::None), "{t}");
        }
        assert!(RoomType::Unknown(3).user_accesses().is_none());
        assert!(
            !RoomType::Public
                .user_accesses()
                .unwrap_or(&[])
                .contains(&FileShare::Read)
        );
    }

    #[test]
    fn links_grant_what_each_room_type_allows() {
        use FileShare::*;
        assert_eq!(
            RoomType::Public.invitation_link_accesses(),
            Some(vec![ContentCreator, Read, None])
        );
        assert_eq!(
            RoomType::FillingForms.external_link_accesses(),
            Some(&[FillForms, Read, None][..])
        );
        assert!(RoomType::Editing.external_link_accesses().is_none());
        assert!(RoomType::Unknown(3).invitation_link_accesses().is_none());
    }
}
