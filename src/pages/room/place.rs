//! Where a folder page lives: inside a room, or in the user's My documents. The folder view, its
//! uploads and file operations are the same; the links, the first breadcrumb and the room's own
//! commands (members, links, info) differ.

use docspace_api::models::{Entry, FolderId, FolderType, PathPart};
use docspace_api::{Client, Error};
use leptos::prelude::*;

use crate::components::{Crumb, Toaster};
use crate::i18n::{Locale, td_string};
use crate::locale::said;
use crate::url::encode;

/// The section a folder page shows a folder of.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    /// Inside this room.
    Room(FolderId),
    /// In My documents.
    My,
}

impl Place {
    /// The page of `folder` here.
    pub fn href(&self, folder: &FolderId) -> String {
        match self {
            Place::Room(room) => super::folder_href(room, folder),
            Place::My => format!("/my/folders/{}", encode(&folder.to_string())),
        }
    }

    /// Whether room commands (members, links, room info) apply.
    pub fn is_room(&self) -> bool {
        matches!(self, Place::Room(_))
    }

    /// The breadcrumb from the section down to the folder (`path` as the portal gives it, in
    /// the profile's language; the app's own "Rooms" in `locale`).
    pub fn crumbs(&self, path: &[PathPart], locale: Locale) -> Vec<Crumb> {
        let mut out = Vec::new();
        if self.is_room() {
            out.push(Crumb {
                label: td_string!(locale, nav.rooms).into(),
                href: "/rooms".into(),
            });
        }
        for p in path {
            let href = match p.folder_type {
                Some(FolderType::VirtualRooms | FolderType::Archive) => continue,
                Some(FolderType::User) => "/my".to_string(),
                _ => self.href(&p.id),
            };
            out.push(Crumb {
                label: p.title.clone(),
                href,
            });
        }
        out
    }
}

/// Adds `entry` to the user's favourites (`add`) or removes it, says how it went, and runs
/// `done` after a success.
pub fn set_favorite(client: Client, entry: Entry, add: bool, toaster: Toaster, done: Callback<()>) {
    leptos::task::spawn_local(async move {
        let result: Result<bool, Error> = {
            let ops = client.operations();
            let b = if add {
                ops.add_favorites()
            } else {
                ops.remove_favorites()
            };
            match &entry {
                Entry::File(f) => b.file(&f.id),
                Entry::Folder(f) => b.folder(&f.id),
            }
            .send()
            .await
        };
        match result {
            Ok(_) if add => {
                let title = entry.title().to_string();
                toaster.success(said!(room.entry.favourited, title = &title))
            }
            Ok(_) => {
                let title = entry.title().to_string();
                toaster.success(said!(room.entry.unfavourited, title = &title))
            }
            Err(e) => toaster.error(
                said!(room.entry.favourite_failed),
                crate::errors::user_message(&e),
            ),
        }
        done.run(());
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(id: i64, title: &str, t: Option<FolderType>) -> PathPart {
        PathPart {
            id: FolderId::from(id),
            title: title.into(),
            room_type: None,
            folder_type: t,
        }
    }

    fn pairs(crumbs: Vec<Crumb>) -> Vec<(String, String)> {
        crumbs.into_iter().map(|c| (c.label, c.href)).collect()
    }

    #[test]
    fn my_documents_crumbs_start_at_the_section_and_folders_link_under_my() {
        let path = [
            part(5, "My documents", Some(FolderType::User)),
            part(9, "Plans", Some(FolderType::Default)),
        ];
        assert_eq!(
            pairs(Place::My.crumbs(&path, Locale::en)),
            [
                ("My documents".to_string(), "/my".to_string()),
                ("Plans".to_string(), "/my/folders/9".to_string()),
            ]
        );
        assert!(!Place::My.is_room());
    }

    #[test]
    fn room_crumbs_start_at_rooms_and_skip_the_section() {
        let room = Place::Room(FolderId::from(7));
        let path = [
            part(1, "Rooms", Some(FolderType::VirtualRooms)),
            part(7, "Board", None),
            part(8, "Drafts", Some(FolderType::Default)),
        ];
        assert_eq!(
            pairs(room.crumbs(&path, Locale::en)),
            [
                ("Rooms".to_string(), "/rooms".to_string()),
                ("Board".to_string(), "/rooms/7".to_string()),
                ("Drafts".to_string(), "/rooms/7/folders/8".to_string()),
            ]
        );
        assert!(room.is_room());
    }
}
