//! Which of the user's sections a list shows (Recent, Favourites), how it loads them, and where
//! each entry opens.

use docspace_api::models::{Entry, FolderContent, FolderType};
use docspace_api::{Client, Error};

use crate::i18n::{Locale, td_string};
use crate::url::encode;

/// Entries per request (DocSpace's maximum), and at most this many pages.
const PAGE: u32 = 100;
const MAX_PAGES: u64 = 20;

/// Which section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Files the user opened.
    Recent,
    /// What the user marked.
    Favourites,
}

impl Section {
    /// The section's name in test ids (`section-…`), in no language.
    pub(super) fn key(self) -> &'static str {
        match self {
            Section::Recent => "recent",
            Section::Favourites => "favourites",
        }
    }

    /// Its title, what it says when empty, and the hint below that, in `locale`.
    pub(super) fn texts(self, locale: Locale) -> (&'static str, &'static str, &'static str) {
        match self {
            Section::Recent => (
                td_string!(locale, nav.recent),
                td_string!(locale, sections.recent_empty),
                td_string!(locale, sections.recent_hint),
            ),
            Section::Favourites => (
                td_string!(locale, nav.favourites),
                td_string!(locale, sections.favourites_empty),
                td_string!(locale, sections.favourites_hint),
            ),
        }
    }

    pub(super) fn path(self) -> &'static str {
        match self {
            Section::Recent => "/recent",
            Section::Favourites => "/favourites",
        }
    }

    pub(super) async fn load(self, client: &Client) -> Result<Vec<Entry>, Error> {
        let mut entries = Vec::new();
        for page in 0..MAX_PAGES {
            let folders = client.folders();
            let b = match self {
                Section::Recent => folders.recent(),
                Section::Favourites => folders.favorites(),
            };
            let v: FolderContent = b
                .start_index(page * u64::from(PAGE))
                .count(PAGE)
                .send()
                .await?;
            let total = v.total;
            let got = v.folders.len() + v.files.len();
            entries.extend(v.into_entries());
            if got == 0 || entries.len() as u64 >= total {
                break;
            }
        }
        Ok(entries)
    }
}

/// Where an entry opens: a folder's page in its room or in My documents, a file's editor.
pub(super) fn hrefs(e: &Entry, back: &str) -> (String, Option<String>) {
    match e {
        Entry::Folder(f) => {
            let id = encode(&f.id.to_string());
            let href = if f.is_room() {
                format!("/rooms/{id}")
            } else if f.root_folder_type == Some(FolderType::User) {
                format!("/my/folders/{id}")
            } else if let Some(room) = &f.origin_room_id {
                format!("/rooms/{}/folders/{id}", encode(&room.to_string()))
            } else {
                "/rooms".to_string()
            };
            (href, None)
        }
        Entry::File(f) => {
            let id = encode(&f.id.to_string());
            let back = encode(back);
            (
                format!("/files/{id}?mode=edit&back={back}"),
                Some(format!("/files/{id}?mode=view&back={back}")),
            )
        }
    }
}
