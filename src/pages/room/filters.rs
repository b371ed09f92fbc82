//! A folder's view, kept in the URL query so that a reload, a typed URL or a shared link shows
//! the same listing: `?q=…&type=documents&sort=size&order=desc&view=tiles`.
//!
//! The search and the kinds are the portal's own folder filter (`filterValue`, `filterType` of
//! `GET /api/2.0/files/{folderId}`, ONLYOFFICE/DocSpace-server
//! `products/ASC.Files/Core/ApiModels/RequestDto/FolderContentRequestDto.cs`), the kinds those
//! DocSpace's web client offers in a room's filter (ONLYOFFICE/DocSpace-client
//! `packages/client/src/pages/Home/Section/Filter/index.js`). Both apply to the folder shown: the
//! portal's `withSubfolders` is not sent, as the web client's search box does not send it.

use docspace_api::models::{FilterType, SortBy};
use leptos_i18n::I18nContext;
use leptos_router::params::ParamsMap;

use crate::i18n::{Locale, t_string, td_string};

/// How the entries are sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EntrySort {
    /// By title.
    #[default]
    Title,
    /// By last change.
    Updated,
    /// By size.
    Size,
    /// By type.
    Type,
}

impl EntrySort {
    /// Every choice, in menu order.
    pub const ALL: [EntrySort; 4] = [
        EntrySort::Title,
        EntrySort::Updated,
        EntrySort::Size,
        EntrySort::Type,
    ];

    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            EntrySort::Title => "title",
            EntrySort::Updated => "updated",
            EntrySort::Size => "size",
            EntrySort::Type => "type",
        }
    }

    /// What the menu says.
    pub fn label(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            EntrySort::Title => t_string!(i18n, room.sort.name),
            EntrySort::Updated => t_string!(i18n, rooms.sort_updated),
            EntrySort::Size => t_string!(i18n, room.sort.size),
            EntrySort::Type => t_string!(i18n, room.sort.kind),
        }
    }

    /// The choice with `key` (the default when unknown).
    pub fn from_key(key: &str) -> EntrySort {
        EntrySort::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .unwrap_or_default()
    }

    /// The portal's sort field for this choice.
    pub fn sort_by(self) -> SortBy {
        match self {
            EntrySort::Title => SortBy::Title,
            EntrySort::Updated => SortBy::DateAndTime,
            EntrySort::Size => SortBy::Size,
            EntrySort::Type => SortBy::Type,
        }
    }
}

/// Which entries the listing keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EntryKind {
    /// Everything.
    #[default]
    All,
    /// Folders.
    Folders,
    /// Files of any kind.
    Files,
    /// Text documents.
    Documents,
    /// Spreadsheets.
    Spreadsheets,
    /// Presentations.
    Presentations,
    /// PDF files (forms included).
    Pdf,
    /// Images.
    Images,
    /// Audio and video.
    Media,
    /// Archives.
    Archives,
}

impl EntryKind {
    /// Every choice, in menu order.
    pub const ALL: [EntryKind; 10] = [
        EntryKind::All,
        EntryKind::Folders,
        EntryKind::Files,
        EntryKind::Documents,
        EntryKind::Spreadsheets,
        EntryKind::Presentations,
        EntryKind::Pdf,
        EntryKind::Images,
        EntryKind::Media,
        EntryKind::Archives,
    ];

    /// The URL value (empty for everything).
    pub fn key(self) -> &'static str {
        match self {
            EntryKind::All => "",
            EntryKind::Folders => "folders",
            EntryKind::Files => "files",
            EntryKind::Documents => "documents",
            EntryKind::Spreadsheets => "spreadsheets",
            EntryKind::Presentations => "presentations",
            EntryKind::Pdf => "pdf",
            EntryKind::Images => "images",
            EntryKind::Media => "media",
            EntryKind::Archives => "archives",
        }
    }

    /// The choice with `key` (everything when unknown).
    pub fn from_key(key: &str) -> EntryKind {
        EntryKind::ALL
            .into_iter()
            .find(|k| k.key() == key)
            .unwrap_or_default()
    }

    /// The portal's filter, if any.
    pub fn filter_type(self) -> Option<FilterType> {
        match self {
            EntryKind::All => None,
            EntryKind::Folders => Some(FilterType::FoldersOnly),
            EntryKind::Files => Some(FilterType::FilesOnly),
            EntryKind::Documents => Some(FilterType::DocumentsOnly),
            EntryKind::Spreadsheets => Some(FilterType::SpreadsheetsOnly),
            EntryKind::Presentations => Some(FilterType::PresentationsOnly),
            EntryKind::Pdf => Some(FilterType::Pdf),
            EntryKind::Images => Some(FilterType::ImagesOnly),
            EntryKind::Media => Some(FilterType::MediaOnly),
            EntryKind::Archives => Some(FilterType::ArchiveOnly),
        }
    }

    /// What the menu says, in `locale`.
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            EntryKind::All => td_string!(locale, room.kind.all),
            EntryKind::Folders => td_string!(locale, room.kind.folders),
            EntryKind::Files => td_string!(locale, room.kind.files),
            EntryKind::Documents => td_string!(locale, room.kind.documents),
            EntryKind::Spreadsheets => td_string!(locale, room.kind.spreadsheets),
            EntryKind::Presentations => td_string!(locale, room.kind.presentations),
            EntryKind::Pdf => td_string!(locale, room.kind.pdf),
            EntryKind::Images => td_string!(locale, room.kind.images),
            EntryKind::Media => td_string!(locale, room.kind.media),
            EntryKind::Archives => td_string!(locale, room.kind.archives),
        }
    }
}

/// How entries are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// One row per entry, with size and date.
    #[default]
    Rows,
    /// Tiles in a grid.
    Tiles,
}

/// A folder's view: what is listed, in which order, and how.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FolderFilters {
    /// Title search.
    pub search: String,
    /// Which entries.
    pub kind: EntryKind,
    /// Sort key.
    pub sort: EntrySort,
    /// Direction.
    pub ascending: bool,
    /// Rows or tiles.
    pub layout: Layout,
}

impl FolderFilters {
    /// Reads the view from a URL query; unknown or malformed values fall back to defaults.
    pub fn from_query(q: &ParamsMap) -> FolderFilters {
        Self::from_lookup(|k| q.get(k))
    }

    fn from_lookup(q: impl Fn(&str) -> Option<String>) -> FolderFilters {
        FolderFilters {
            search: q("q").unwrap_or_default(),
            kind: EntryKind::from_key(&q("type").unwrap_or_default()),
            sort: EntrySort::from_key(&q("sort").unwrap_or_default()),
            ascending: q("order").as_deref() != Some("desc"),
            layout: if q("view").as_deref() == Some("tiles") {
                Layout::Tiles
            } else {
                Layout::Rows
            },
        }
    }

    /// The URL query for this view (defaults left out), with its leading `?` when not empty.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if !self.search.is_empty() {
            parts.push(format!("q={}", crate::url::encode(&self.search)));
        }
        if self.kind != EntryKind::All {
            parts.push(format!("type={}", self.kind.key()));
        }
        if self.sort != EntrySort::default() {
            parts.push(format!("sort={}", self.sort.key()));
        }
        if !self.ascending {
            parts.push("order=desc".into());
        }
        if self.layout == Layout::Tiles {
            parts.push("view=tiles".into());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// Whether the search or the kind leaves entries out (for the empty state's wording).
    pub fn narrows(&self) -> bool {
        !self.search.trim().is_empty() || self.kind != EntryKind::All
    }

    /// What the portal is asked for: the layout left out, so that switching between rows and
    /// tiles lays out the entries already listed instead of fetching them again.
    pub fn listing_part(&self) -> FolderFilters {
        FolderFilters {
            layout: Layout::default(),
            ..self.clone()
        }
    }

    /// The same view showing everything again (sort and layout kept).
    pub fn cleared(&self) -> FolderFilters {
        FolderFilters {
            search: String::new(),
            kind: EntryKind::All,
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &str) -> FolderFilters {
        let map: std::collections::HashMap<String, String> = query
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| (k.to_string(), crate::url::decode(v)))
            .collect();
        FolderFilters::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn the_default_view_has_an_empty_query() {
        let f = FolderFilters {
            ascending: true,
            ..FolderFilters::default()
        };
        assert_eq!(f.to_query(), "");
        assert_eq!(parse(""), f);
        assert!(!f.narrows());
    }

    #[test]
    fn every_part_round_trips_through_the_url() {
        for kind in EntryKind::ALL {
            let f = FolderFilters {
                search: "Q3 & Q4 ü".into(),
                kind,
                sort: EntrySort::Size,
                ascending: false,
                layout: Layout::Tiles,
            };
            assert_eq!(parse(&f.to_query()), f, "{}", f.to_query());
            assert!(f.narrows());
            let c = f.cleared();
            assert_eq!((c.sort, c.layout, c.ascending), (f.sort, f.layout, false));
            assert!(!c.narrows());
        }
    }

    #[test]
    fn the_layout_is_not_part_of_what_the_portal_is_asked() {
        let rows = parse("?q=plan&sort=size");
        let tiles = parse("?q=plan&sort=size&view=tiles");
        assert_ne!(rows, tiles);
        assert_eq!(rows.listing_part(), tiles.listing_part());
        assert_ne!(
            rows.listing_part(),
            parse("?q=plans&sort=size").listing_part()
        );
    }

    #[test]
    fn unknown_values_fall_back_to_defaults() {
        let f = parse("?type=spaceships&sort=weight&view=carousel&order=sideways");
        assert_eq!(f.kind, EntryKind::All);
        assert_eq!(f.sort, EntrySort::default());
        assert_eq!(f.layout, Layout::Rows);
        assert!(f.ascending);
    }

    #[test]
    fn each_kind_but_everything_asks_the_portal_to_filter() {
        for kind in EntryKind::ALL {
            assert_eq!(kind.filter_type().is_none(), kind == EntryKind::All);
            assert_eq!(EntryKind::from_key(kind.key()), kind);
        }
    }
}
