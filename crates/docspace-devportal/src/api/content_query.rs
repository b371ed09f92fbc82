//! The listing parameters of a folder's contents (filter, search, sort, paging), read once for
//! folders and for the sections (favorites, recent) that list like folders.

use super::extract::{Paging, Query};
use crate::db::entries::{ListFilter, SortBy};
use crate::envelope::ApiError;

/// `FilterType` → (folders only, files only, extensions).
fn filter_type(n: i64) -> Result<(bool, bool, Option<Vec<String>>), ApiError> {
    let exts = |e: &[&str]| Some(e.iter().map(|s| s.to_string()).collect());
    Ok(match n {
        0 => (false, false, None),
        1 => (false, true, None),
        2 => (true, false, None),
        3 => (
            false,
            true,
            exts(&[
                ".docx", ".doc", ".odt", ".rtf", ".txt", ".md", ".html", ".htm", ".docm", ".dotx",
                ".epub",
            ]),
        ),
        4 => (false, true, exts(&[".pptx", ".ppt", ".odp", ".pptm"])),
        5 => (
            false,
            true,
            exts(&[".xlsx", ".xls", ".ods", ".csv", ".xlsm"]),
        ),
        7 => (
            false,
            true,
            exts(&[
                ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".svg", ".webp", ".tiff",
            ]),
        ),
        10 => (false, true, exts(&[".zip", ".rar", ".7z", ".tar", ".gz"])),
        12 => (
            false,
            true,
            exts(&[
                ".mp4", ".webm", ".avi", ".mov", ".mkv", ".mp3", ".wav", ".ogg", ".m4a", ".flac",
            ]),
        ),
        22 => (false, true, exts(&[".pdf"])),
        8 | 9 | 11 | 13 | 14 | 17 | 20 | 23 | 24 | 25 | 26 => (false, false, None),
        _ => {
            return Err(ApiError::field(
                "FilterType",
                "The value is not a valid FilterType.",
            ));
        }
    })
}

/// Listing parameters shared by folder contents, `@my` and `@root`.
pub struct ContentQuery {
    pub paging: Paging,
    pub filter: ListFilter,
}

impl ContentQuery {
    /// Reads and validates the query.
    pub fn parse(q: &Query) -> Result<ContentQuery, ApiError> {
        let paging = Paging::from_query(q)?;
        let (mut folders, mut files, mut extensions) =
            filter_type(q.int("filterType")?.unwrap_or(0))?;
        match q.int("applyFilterOption")?.unwrap_or(0) {
            0 => {}
            1 => files = true,
            2 => folders = true,
            _ => {
                return Err(ApiError::field(
                    "ApplyFilterOption",
                    "The value is not valid.",
                ));
            }
        }
        if let Some(e) = q.get("extension") {
            let e = e.to_ascii_lowercase();
            let e = if e.starts_with('.') {
                e
            } else {
                format!(".{e}")
            };
            extensions = Some(vec![e]);
            files = true;
        }
        for name in ["searchArea", "roomId", "location", "formsItemType"] {
            q.int(name)?;
        }
        let sort = SortBy::parse(q.get("sortBy").unwrap_or("DateAndTime"));
        let descending = match q.get("sortOrder") {
            Some(s) => matches!(s.to_ascii_lowercase().as_str(), "1" | "descending"),
            None => sort != SortBy::Title,
        };
        Ok(ContentQuery {
            paging,
            filter: ListFilter {
                search: q.get("filterValue").map(str::to_string),
                folders: folders && !files,
                files: files && !folders,
                extensions,
                author: q.get("userIdOrGroupId").map(str::to_string),
                sort,
                descending,
            },
        })
    }
}
