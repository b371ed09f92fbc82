//! The dashboard's data: a listing of any length, fetched a page at a time as rows come into
//! view. The list is as long as the portal's total from the first page on; rows whose page has
//! not arrived show placeholders. A change of filters starts a new generation, and answers for
//! an older one are dropped.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use docspace_api::Client;
use docspace_api::models::{Room, SearchArea};
use leptos::prelude::*;

use super::filters::RoomFilters;
use crate::errors::user_message;
use crate::locale::Said;

/// Rooms per request (DocSpace's maximum).
pub const PAGE: usize = 100;

/// A room shared by the list and its row; equal only to itself, so a row re-renders exactly when
/// its room was replaced.
#[derive(Debug, Clone)]
pub struct RoomRef(pub Arc<Room>);

impl PartialEq for RoomRef {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The rooms of the current filters.
#[derive(Clone, Copy)]
pub struct RoomsFeed {
    /// One slot per room of the listing; `None` until its page arrives.
    pub rows: RwSignal<Vec<Option<RoomRef>>>,
    /// The portal's total (`None` until the first page).
    pub total: RwSignal<Option<usize>>,
    /// Why loading failed.
    pub error: RwSignal<Option<Said>>,
    requested: StoredValue<HashSet<usize>>,
    generation: StoredValue<u64>,
    filters: StoredValue<RoomFilters>,
    client: StoredValue<Client, LocalStorage>,
}

impl RoomsFeed {
    /// An empty feed that lists with `client`.
    pub fn new(client: Client) -> RoomsFeed {
        RoomsFeed {
            rows: RwSignal::new(Vec::new()),
            total: RwSignal::new(None),
            error: RwSignal::new(None),
            requested: StoredValue::new(HashSet::new()),
            generation: StoredValue::new(0),
            filters: StoredValue::new(RoomFilters::default()),
            client: StoredValue::new_local(client),
        }
    }

    /// Starts over with `filters`: the first page is fetched at once.
    pub fn reset(&self, filters: RoomFilters) {
        self.generation.update_value(|g| *g += 1);
        self.filters.set_value(filters);
        self.requested.update_value(HashSet::clear);
        self.rows.set(Vec::new());
        self.total.set(None);
        self.error.set(None);
        self.fetch(0);
    }

    /// Reloads the current filters (after a change on the portal).
    pub fn refresh(&self) {
        self.reset(self.filters.get_value());
    }

    /// Makes sure the pages covering `range` are fetched (or on their way).
    pub fn ensure(&self, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        for page in range.start / PAGE..=(range.end - 1) / PAGE {
            self.fetch(page);
        }
    }

    /// Replaces a room in place (after an edit or a pin), keeping its position.
    pub fn replace(&self, room: Room) {
        self.rows.update(|rows| {
            if let Some(slot) = rows
                .iter_mut()
                .find(|r| r.as_ref().is_some_and(|r| r.0.id == room.id))
            {
                *slot = Some(RoomRef(Arc::new(room)));
            }
        });
    }

    fn fetch(&self, page: usize) {
        let fresh = self
            .requested
            .try_update_value(|r| r.insert(page))
            .unwrap_or(false);
        if !fresh {
            return;
        }
        let generation = self.generation.get_value();
        let filters = self.filters.get_value();
        let this = *self;
        leptos::task::spawn_local(async move {
            let client = this.client.get_value();
            let mut q = client
                .rooms()
                .list()
                .sort_by(filters.sort.sort_by())
                .sort_order(filters.sort_order())
                .start_index((page * PAGE) as u64)
                .count(PAGE as u32);
            if !filters.search.trim().is_empty() {
                q = q.filter_value(filters.search.trim());
            }
            if let Some(t) = filters.room_type {
                q = q.room_type(t);
            }
            if !filters.tags.is_empty() {
                q = q.tags(filters.tags.clone());
            }
            if filters.templates {
                q = q.search_area(SearchArea::Templates);
            } else if filters.archived {
                q = q.search_area(SearchArea::Archive);
            }
            let result = q.send().await;
            if this.generation.get_value() != generation {
                return;
            }
            match result {
                Ok(content) => {
                    let first = this.total.get_untracked().is_none();
                    let total = content.total as usize;
                    this.rows.update(|rows| {
                        rows.resize(total, None);
                        for (i, room) in content.folders.into_iter().enumerate() {
                            if let Some(slot) = rows.get_mut(page * PAGE + i) {
                                *slot = Some(RoomRef(Arc::new(room)));
                            }
                        }
                    });
                    this.total.set(Some(total));
                    if first {
                        mark_first_screen();
                    }
                }
                Err(e) => {
                    // Let a later scroll try this page again.
                    this.requested.update_value(|r| {
                        r.remove(&page);
                    });
                    this.error.set(Some(user_message(&e)));
                }
            }
        });
    }
}

/// Performance marks for `cargo xtask bench`: data in hand, then the first frame painted with it.
fn mark_first_screen() {
    let Some(perf) = window().performance() else {
        return;
    };
    let _ = perf.mark("rooms:data");
    request_animation_frame(move || {
        let _ = perf.mark("rooms:rendered");
    });
}
