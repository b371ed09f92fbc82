//! The manager's list filter (`TFrameFilter`), sent in the manager's URL.

use serde_json::{Map, Value};

use crate::config::enums::{SortBy, SortOrder};
use crate::config::wire::{Wire, write_object};
use crate::model::ItemId;

/// Paging, sorting and search of the manager's list, with the SDK's defaults
/// (100 items, page 1, newest first).
///
/// DocSpace itself reads `sortBy`/`sortOrder` only for room lists; inside folders its file list
/// expects lowercase keys and ignores these (a known DocSpace quirk), and room lists ignore
/// `search`.
///
/// ```
/// use docspace_sdk::{Filter, SortBy, SortOrder};
/// let f = Filter::default().count(25).sort_by(SortBy::Name).sort_order(SortOrder::Ascending);
/// assert_eq!(f.to_json()["count"], "25");
/// assert_eq!(f.to_json()["sortBy"], "AZ");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    count: u32,
    page: u32,
    sort_order: SortOrder,
    sort_by: SortBy,
    search: String,
    with_subfolders: bool,
    folder: Option<ItemId>,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            count: 100,
            page: 1,
            sort_order: SortOrder::Descending,
            sort_by: SortBy::ModifiedDate,
            search: String::new(),
            with_subfolders: false,
            folder: None,
        }
    }
}

impl Filter {
    /// Items per page (default 100).
    pub fn count(mut self, count: u32) -> Self {
        self.count = count;
        self
    }

    /// Page number, from 1 (default 1).
    pub fn page(mut self, page: u32) -> Self {
        self.page = page;
        self
    }

    /// Sort direction (default descending).
    pub fn sort_order(mut self, order: SortOrder) -> Self {
        self.sort_order = order;
        self
    }

    /// Sort key (default modification date).
    pub fn sort_by(mut self, by: SortBy) -> Self {
        self.sort_by = by;
        self
    }

    /// Search text (default none).
    pub fn search(mut self, text: impl Into<String>) -> Self {
        self.search = text.into();
        self
    }

    /// Search in subfolders too (default no).
    pub fn with_subfolders(mut self, yes: bool) -> Self {
        self.with_subfolders = yes;
        self
    }

    /// The folder to list; the config's `id` wins when both are set (as in api.js).
    pub fn folder(mut self, id: impl Into<ItemId>) -> Self {
        self.folder = Some(id.into());
        self
    }

    /// The filter as api.js expects it: a fresh object each time, so api.js's in-place edits
    /// (it sets `folder` and deletes `withSubfolders`) never reach the caller's value.
    pub fn to_json(&self) -> Value {
        Value::Object(
            self.pairs()
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_value()))
                .collect::<Map<_, _>>(),
        )
    }

    /// The filter as JSON text, keys in the SDK's order.
    pub(crate) fn to_json_text(&self) -> String {
        let mut out = String::with_capacity(160);
        write_object(&mut out, &self.pairs());
        out
    }

    /// The keys in the SDK's order, which is the order of the manager URL's query.
    pub(crate) fn pairs(&self) -> Vec<(&'static str, Wire<'_>)> {
        let mut pairs = vec![
            ("count", Wire::from(self.count.to_string())),
            ("page", Wire::from(self.page.to_string())),
            ("sortOrder", Wire::from(self.sort_order.as_str())),
            ("sortBy", Wire::from(self.sort_by.as_str())),
            ("search", Wire::from(self.search.as_str())),
            ("withSubfolders", Wire::from(self.with_subfolders)),
        ];
        if let Some(folder) = &self.folder {
            pairs.push(("folder", folder.to_wire()));
        }
        pairs
    }
}
