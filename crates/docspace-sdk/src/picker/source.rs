//! Where the picker's lists come from: the rooms list, folder contents and subfolders, a page at
//! a time, through `docspace-api` (which keeps within the portal's rate limits).

use docspace_api::models::{
    ApplyFilterOption, Entry, FilterType, Folder, FolderId, PathPart, SortBy, SortOrder,
};
use docspace_api::{Client, Error};

/// Entries per request (DocSpace's maximum).
pub const PAGE: u32 = 100;

/// Where the list is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Place {
    /// The rooms the user can see.
    Rooms,
    /// A room or folder.
    Folder(FolderId),
}

/// A kind of file to list, as the user filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TypeFilter {
    /// Everything.
    #[default]
    All,
    /// Text documents.
    Documents,
    /// Spreadsheets.
    Spreadsheets,
    /// Presentations.
    Presentations,
    /// PDF files.
    Pdf,
    /// Images.
    Images,
}

impl TypeFilter {
    /// Every choice, in menu order.
    pub const ALL: [TypeFilter; 6] = [
        TypeFilter::All,
        TypeFilter::Documents,
        TypeFilter::Spreadsheets,
        TypeFilter::Presentations,
        TypeFilter::Pdf,
        TypeFilter::Images,
    ];

    /// What the menu says, in `texts`.
    pub fn label(self, texts: &crate::texts::Texts) -> String {
        match self {
            TypeFilter::All => &texts.type_all,
            TypeFilter::Documents => &texts.type_documents,
            TypeFilter::Spreadsheets => &texts.type_spreadsheets,
            TypeFilter::Presentations => &texts.type_presentations,
            TypeFilter::Pdf => &texts.type_pdf,
            TypeFilter::Images => &texts.type_images,
        }
        .to_string()
    }

    /// A stable value for the `<select>`.
    pub fn key(self) -> &'static str {
        match self {
            TypeFilter::All => "all",
            TypeFilter::Documents => "documents",
            TypeFilter::Spreadsheets => "spreadsheets",
            TypeFilter::Presentations => "presentations",
            TypeFilter::Pdf => "pdf",
            TypeFilter::Images => "images",
        }
    }

    /// The choice with `key`.
    pub fn from_key(key: &str) -> TypeFilter {
        TypeFilter::ALL
            .into_iter()
            .find(|t| t.key() == key)
            .unwrap_or_default()
    }

    fn filter_type(self) -> Option<FilterType> {
        match self {
            TypeFilter::All => None,
            TypeFilter::Documents => Some(FilterType::DocumentsOnly),
            TypeFilter::Spreadsheets => Some(FilterType::SpreadsheetsOnly),
            TypeFilter::Presentations => Some(FilterType::PresentationsOnly),
            TypeFilter::Pdf => Some(FilterType::Pdf),
            TypeFilter::Images => Some(FilterType::ImagesOnly),
        }
    }
}

/// One page of a listing.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    /// Folders first, then files.
    pub entries: Vec<Entry>,
    /// Entries in the whole listing (as the portal counts them).
    pub total: u64,
    /// Breadcrumb from the rooms list down to this folder (empty for the rooms list).
    pub path: Vec<PathPart>,
    /// The folder or room listed (`None` for the rooms list).
    pub current: Option<Folder>,
}

/// Loads a page of `place` starting at `start`.
pub async fn list(
    client: &Client,
    place: &Place,
    search: &str,
    types: TypeFilter,
    start: u64,
) -> Result<Listing, Error> {
    match place {
        Place::Rooms => {
            let mut q = client
                .rooms()
                .list()
                .sort_by(SortBy::Title)
                .sort_order(SortOrder::Ascending)
                .start_index(start)
                .count(PAGE);
            if !search.is_empty() {
                q = q.filter_value(search);
            }
            let content = q.send().await?;
            Ok(Listing {
                total: content.total,
                entries: content
                    .folders
                    .into_iter()
                    .map(|f| Entry::Folder(Box::new(f)))
                    .collect(),
                path: Vec::new(),
                current: None,
            })
        }
        Place::Folder(id) => {
            let mut q = client
                .folders()
                .contents(id.clone())
                .start_index(start)
                .count(PAGE);
            if !search.is_empty() {
                q = q.filter_value(search);
            }
            if let Some(ft) = types.filter_type() {
                q = q.filter_type(ft);
            }
            let content = q.send().await?;
            let total = content.total;
            let path = content.path_parts.clone();
            let current = content.current.clone();
            Ok(Listing {
                entries: content.into_entries(),
                total,
                path,
                current: Some(current),
            })
        }
    }
}

/// The subfolders of `place`, for the tree (first page; rooms sorted by title).
pub async fn subfolders(client: &Client, place: &Place) -> Result<Vec<(FolderId, String)>, Error> {
    let folders = match place {
        Place::Rooms => {
            client
                .rooms()
                .list()
                .sort_by(SortBy::Title)
                .sort_order(SortOrder::Ascending)
                .count(PAGE)
                .send()
                .await?
                .folders
        }
        Place::Folder(id) => {
            client
                .folders()
                .contents(id.clone())
                .apply_filter_option(ApplyFilterOption::Folders)
                .count(PAGE)
                .send()
                .await?
                .folders
        }
    };
    Ok(folders.into_iter().map(|f| (f.id, f.title)).collect())
}
