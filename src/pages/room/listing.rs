//! Loading a folder: its breadcrumb and all its entries, a page at a time.

use docspace_api::models::{Entry, Folder, FolderId, PathPart, SortOrder};
use docspace_api::{Client, Error};

use super::filters::FolderFilters;

/// Entries per request (DocSpace's maximum).
const PAGE: u32 = 100;
/// A folder is listed up to this many entries (a bound on the requests one view makes).
const MAX_ENTRIES: u64 = 20_000;

/// A folder as the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct FolderView {
    /// The folder (or room) itself.
    pub current: Folder,
    /// From the section root down to `current`.
    pub path: Vec<PathPart>,
    /// Folders first, then files.
    pub entries: Vec<Entry>,
    /// Entries the portal counts in the folder.
    pub total: u64,
}

/// Loads what `filters` keeps of `folder`, in their order.
pub async fn load(
    client: &Client,
    folder: FolderId,
    filters: &FolderFilters,
) -> Result<FolderView, Error> {
    let order = if filters.ascending {
        SortOrder::Ascending
    } else {
        SortOrder::Descending
    };
    let page = |start: u64| {
        let mut request = client
            .folders()
            .contents(folder.clone())
            .sort_by(filters.sort.sort_by())
            .sort_order(order)
            .start_index(start)
            .count(PAGE);
        if let Some(t) = filters.kind.filter_type() {
            request = request.filter_type(t);
        }
        let text = filters.search.trim();
        if !text.is_empty() {
            request = request.filter_value(text);
        }
        request.send()
    };
    let first = page(0).await?;
    let total = first.total;
    let current = first.current.clone();
    let path = first.path_parts.clone();
    let mut fetched = (first.folders.len() + first.files.len()) as u64;
    let mut entries = first.into_entries();
    while fetched < total.min(MAX_ENTRIES) {
        let next = page(fetched).await?;
        let n = (next.folders.len() + next.files.len()) as u64;
        if n == 0 {
            break;
        }
        fetched += n;
        entries.extend(next.into_entries());
    }
    Ok(FolderView {
        current,
        path,
        entries,
        total,
    })
}
