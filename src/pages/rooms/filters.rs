//! The dashboard's filters, kept in the URL query so a filtered view can be reloaded and shared:
//! `?q=…&type=5&tag=legal&archived=1&sort=title&order=asc`, or `?view=templates` for the room
//! templates.

use docspace_api::models::{RoomType, SortBy, SortOrder};
use leptos_router::params::ParamsMap;

use crate::catalog::room_type_from_key;
use crate::i18n::{Locale, t_string};
use leptos_i18n::I18nContext;

/// What the list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RoomSort {
    /// Last change, newest first by default.
    #[default]
    Updated,
    /// Title.
    Title,
    /// Room type.
    Type,
}

impl RoomSort {
    /// Every choice, in menu order.
    pub const ALL: [RoomSort; 3] = [RoomSort::Updated, RoomSort::Title, RoomSort::Type];

    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            RoomSort::Updated => "updated",
            RoomSort::Title => "title",
            RoomSort::Type => "type",
        }
    }

    /// What the menu says, in the reader's language.
    pub fn label(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            RoomSort::Updated => t_string!(i18n, rooms.sort_updated),
            RoomSort::Title => t_string!(i18n, common.title),
            RoomSort::Type => t_string!(i18n, rooms.room_type),
        }
    }

    fn from_key(s: &str) -> RoomSort {
        RoomSort::ALL
            .into_iter()
            .find(|r| r.key() == s)
            .unwrap_or_default()
    }

    /// The portal's sort key.
    pub fn sort_by(self) -> SortBy {
        match self {
            RoomSort::Updated => SortBy::DateAndTime,
            RoomSort::Title => SortBy::Title,
            RoomSort::Type => SortBy::RoomType,
        }
    }
}

/// The dashboard's view of the rooms.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoomFilters {
    /// Title search.
    pub search: String,
    /// One room type, or all.
    pub room_type: Option<RoomType>,
    /// Rooms carrying all these tags.
    pub tags: Vec<String>,
    /// The archive instead of active rooms.
    pub archived: bool,
    /// Room templates instead of rooms (wins over `archived`).
    pub templates: bool,
    /// Sort key.
    pub sort: RoomSort,
    /// Direction; `None` is the natural one (newest first, A to Z).
    pub ascending: Option<bool>,
}

impl RoomFilters {
    /// Reads the filters from a URL query; unknown or malformed values fall back to defaults.
    pub fn from_query(q: &ParamsMap) -> RoomFilters {
        Self::from_lookup(|k| q.get(k))
    }

    /// Reads the filters from (decoded) query values looked up by name.
    fn from_lookup(q: impl Fn(&str) -> Option<String>) -> RoomFilters {
        RoomFilters {
            search: q("q").unwrap_or_default(),
            room_type: q("type").and_then(|t| room_type_from_key(&t)),
            tags: q("tag")
                .map(|t| {
                    t.split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default(),
            archived: q("archived").is_some_and(|a| a == "1"),
            templates: q("view").is_some_and(|v| v == "templates"),
            sort: q("sort")
                .map(|s| RoomSort::from_key(&s))
                .unwrap_or_default(),
            ascending: q("order").and_then(|o| match o.as_str() {
                "asc" => Some(true),
                "desc" => Some(false),
                _ => None,
            }),
        }
    }

    /// The URL query for these filters (defaults left out), with its leading `?` when not empty.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        let enc = crate::url::encode;
        if !self.search.is_empty() {
            parts.push(format!("q={}", enc(&self.search)));
        }
        if let Some(t) = self.room_type {
            parts.push(format!("type={}", t.value()));
        }
        if !self.tags.is_empty() {
            parts.push(format!("tag={}", enc(&self.tags.join(","))));
        }
        if self.archived {
            parts.push("archived=1".into());
        }
        if self.templates {
            parts.push("view=templates".into());
        }
        if self.sort != RoomSort::default() {
            parts.push(format!("sort={}", self.sort.key()));
        }
        if let Some(a) = self.ascending {
            parts.push(format!("order={}", if a { "asc" } else { "desc" }));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// Whether the list is ascending.
    pub fn is_ascending(&self) -> bool {
        self.ascending.unwrap_or(self.sort != RoomSort::Updated)
    }

    /// The portal's sort direction.
    pub fn sort_order(&self) -> SortOrder {
        if self.is_ascending() {
            SortOrder::Ascending
        } else {
            SortOrder::Descending
        }
    }

    /// Whether anything narrows the list (for the empty state's wording).
    pub fn narrows(&self) -> bool {
        !self.search.is_empty() || self.room_type.is_some() || !self.tags.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_natural_directions() {
        let f = RoomFilters::default();
        assert_eq!(f.to_query(), "");
        assert!(!f.is_ascending(), "newest first");
        let f = RoomFilters {
            sort: RoomSort::Title,
            ..RoomFilters::default()
        };
        assert!(f.is_ascending(), "A to Z");
        assert_eq!(f.to_query(), "?sort=title");
    }

    #[test]
    fn round_trips_through_the_url() {
        let f = RoomFilters {
            search: "Q3 & Q4".into(),
            room_type: Some(RoomType::Public),
            tags: vec!["legal".into(), "hr team".into()],
            archived: true,
            templates: false,
            sort: RoomSort::Type,
            ascending: Some(false),
        };
        let q = f.to_query();
        let map: std::collections::HashMap<String, String> = q
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| (k.to_string(), crate::url::decode(v)))
            .collect();
        assert_eq!(RoomFilters::from_lookup(|k| map.get(k).cloned()), f);
    }

    #[test]
    fn the_templates_view_is_in_the_url() {
        let f = RoomFilters {
            templates: true,
            ..RoomFilters::default()
        };
        assert_eq!(f.to_query(), "?view=templates");
        let back = RoomFilters::from_lookup(|k| (k == "view").then(|| "templates".to_string()));
        assert_eq!(back, f);
    }
}
