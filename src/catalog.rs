//! What DocSpace's room types and access levels mean, in words for people. Which access levels
//! each room type offers is DocSpace's `FileSecurity.AvailableRoomAccesses`, kept once in
//! `docspace-types`.

use docspace_api::models::{FileShare, RoomType};

use crate::i18n::{Locale, td_string};

/// The room types a user can create, in the order DocSpace offers them.
pub const ROOM_TYPES: [RoomType; 6] = [
    RoomType::Editing,
    RoomType::Public,
    RoomType::FillingForms,
    RoomType::VirtualData,
    RoomType::Custom,
    RoomType::Ai,
];

/// A room type's name, as DocSpace's interface says it, in `locale` (pass `i18n.get_locale()`
/// to follow the reader's language).
pub fn room_type_label(t: RoomType, locale: Locale) -> &'static str {
    match t {
        RoomType::Editing => td_string!(locale, catalog.type_name.editing),
        RoomType::Public => td_string!(locale, catalog.type_name.public),
        RoomType::FillingForms => td_string!(locale, catalog.type_name.filling_forms),
        RoomType::VirtualData => td_string!(locale, catalog.type_name.virtual_data),
        RoomType::Custom => td_string!(locale, catalog.type_name.custom),
        RoomType::Ai => td_string!(locale, catalog.type_name.ai),
        RoomType::Unknown(_) => td_string!(locale, catalog.type_name.unknown),
    }
}

/// What a room type is for, in one sentence, in `locale`.
pub fn room_type_description(t: RoomType, locale: Locale) -> &'static str {
    match t {
        RoomType::Editing => td_string!(locale, catalog.type_about.editing),
        RoomType::Public => td_string!(locale, catalog.type_about.public),
        RoomType::FillingForms => td_string!(locale, catalog.type_about.filling_forms),
        RoomType::VirtualData => td_string!(locale, catalog.type_about.virtual_data),
        RoomType::Custom => td_string!(locale, catalog.type_about.custom),
        RoomType::Ai => td_string!(locale, catalog.type_about.ai),
        RoomType::Unknown(_) => td_string!(locale, catalog.type_about.unknown),
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

/// An access level's name, in `locale`.
pub fn access_label(a: FileShare, locale: Locale) -> &'static str {
    match a {
        FileShare::RoomManager => td_string!(locale, catalog.access.room_manager),
        FileShare::ContentCreator => td_string!(locale, catalog.access.content_creator),
        FileShare::Editing => td_string!(locale, catalog.access.editor),
        FileShare::Review => td_string!(locale, catalog.access.reviewer),
        FileShare::Comment => td_string!(locale, catalog.access.commenter),
        FileShare::Read => td_string!(locale, catalog.access.viewer),
        FileShare::FillForms => td_string!(locale, catalog.access.form_filler),
        FileShare::ReadWrite => td_string!(locale, catalog.access.full_access),
        FileShare::None => td_string!(locale, catalog.access.no_access),
        _ => td_string!(locale, catalog.access.other),
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
            assert_eq!(
                room_type_label(t, Locale::en),
                t.label(),
                "DocSpace's own name"
            );
            assert!(room_type_description(t, Locale::en).ends_with('.'));
            assert_eq!(member_accesses(t)[0], FileShare::RoomManager);
            assert_eq!(room_type_from_key(&t.value().to_string()), Some(t));
        }
        assert_eq!(room_type_from_key("3"), None);
        assert_eq!(room_type_from_key("x"), None);
    }
}
