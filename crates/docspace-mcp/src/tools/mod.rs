//! One module per toolset, each an `impl DocSpaceMcp` block whose `#[tool_router]` builds that
//! toolset's router. Tool names, inputs and answers follow the official server
//! (`ONLYOFFICE/docspace-mcp: lib/mcp/regular-tools.ts`): camelCase inputs, listing options
//! under `filters`, the portal's JSON as the answer and a sentence for operations.
//!
//! Inputs are checked by serde against their schemas before a tool runs; a bad value is the
//! client's protocol error, a refused call is a tool error (see `crate::output`).

/// Applies a [`Paging`] (`count`, `startIndex`, `filterValue`, `sortOrder`) to a listing builder:
/// the rooms list, a folder's contents and the people list each have these setters of their own.
macro_rules! paged {
    ($builder:expr, $paging:expr) => {{
        let paging: &$crate::tools::Paging = &$paging;
        let mut b = $builder.count(paging.count());
        if let Some(n) = paging.start_index {
            b = b.start_index(n);
        }
        if let Some(v) = paging.filter_value() {
            b = b.filter_value(v);
        }
        if let Some(o) = paging.sort_order() {
            b = b.sort_order(o);
        }
        b
    }};
}

mod files;
mod folders;
mod people;
mod rooms;

use docspace_api::models::{FileId, FolderId, SortBy, SortOrder};
use schemars::JsonSchema;
use serde::Deserialize;

/// An id of a file or folder: a number for the portal's own storage, a string for third-party
/// storage.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum EntryId {
    /// The portal's own storage.
    Int(i64),
    /// Third-party storage (`"sbox-1|/docs"`), or a number written as a string.
    Text(String),
}

impl From<EntryId> for FolderId {
    fn from(id: EntryId) -> Self {
        match id {
            EntryId::Int(i) => FolderId::Int(i),
            EntryId::Text(t) => FolderId::from(t),
        }
    }
}

impl From<EntryId> for FileId {
    fn from(id: EntryId) -> Self {
        match id {
            EntryId::Int(i) => FileId::Int(i),
            EntryId::Text(t) => FileId::from(t),
        }
    }
}

/// Paging and text search shared by the listings.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Paging {
    /// The maximum number of items to return (1 to 50, default 30).
    #[schemars(range(min = 1, max = 50))]
    pub count: Option<u32>,
    /// The zero-based index of the first item to return.
    pub start_index: Option<u64>,
    /// Text to search for.
    pub filter_value: Option<String>,
    /// The order of the results: 0 ascending, 1 descending.
    #[schemars(range(min = 0, max = 1))]
    pub sort_order: Option<i32>,
}

impl Paging {
    /// The page size: the official server's default of 30 and ceiling of 50 keep answers small
    /// enough for a model's context.
    pub fn count(&self) -> u32 {
        self.count.unwrap_or(30).clamp(1, 50)
    }

    pub fn sort_order(&self) -> Option<SortOrder> {
        self.sort_order.map(SortOrder::from_value)
    }

    pub fn filter_value(&self) -> Option<String> {
        self.filter_value.clone().filter(|v| !v.trim().is_empty())
    }
}

/// A `sortBy` name as DocSpace spells it (`DateAndTime`, `AZ`, `Size`, `Author`, `Type`,
/// `RoomType`, `Tags`…).
pub(crate) fn sort_by(name: &Option<String>) -> Option<SortBy> {
    name.as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(SortBy::from_name)
}
