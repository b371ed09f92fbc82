//! The picker's state: where it is, what it lists, what is picked. All signals, `Copy`, shared by
//! the tree, the list and the footer.

use crate::texts::{Texts, fill};
use std::sync::atomic::{AtomicU64, Ordering};

use docspace_api::Client;
use docspace_api::models::{Entry, Folder, FolderType, PathPart};
use leptos::prelude::*;

use super::config::PickerConfig;
use super::selection::{EntryKey, Selection, SelectionMode, Toggled};
use super::source::{self, Listing, Place, TypeFilter};

/// Whether the list is loading or failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Waiting for the portal.
    Loading,
    /// Shown.
    Ready,
    /// The portal's message.
    Failed(String),
}

/// Everything one picker instance keeps.
#[derive(Clone, Copy)]
pub struct PickerState {
    pub client: StoredValue<Client, LocalStorage>,
    pub config: StoredValue<PickerConfig>,
    /// Prefix of this instance's element ids.
    pub ids: StoredValue<String>,
    pub place: RwSignal<Place>,
    pub search: RwSignal<String>,
    pub types: RwSignal<TypeFilter>,
    pub entries: RwSignal<Vec<Entry>>,
    pub path: RwSignal<Vec<PathPart>>,
    /// The folder or room listed (`None` for the rooms list, or while the first page loads).
    pub current: RwSignal<Option<Folder>>,
    pub total: RwSignal<u64>,
    /// Where the next page starts (entries the portal returned so far, before filtering).
    pub next_start: RwSignal<u64>,
    pub status: RwSignal<Status>,
    /// The list's active option (`aria-activedescendant`).
    pub active: RwSignal<usize>,
    pub selection: RwSignal<Selection>,
    /// Polite announcements for screen readers.
    pub announce: RwSignal<String>,
    /// The app's words ([`crate::texts`]).
    pub texts: Signal<Texts>,
    generation: StoredValue<u64>,
}

impl PickerState {
    pub fn new(client: Client, config: PickerConfig) -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        let ids = format!("ds-picker-{}", NEXT.fetch_add(1, Ordering::Relaxed));
        let place = config
            .start_in
            .clone()
            .map(Place::Folder)
            .unwrap_or(Place::Rooms);
        let mode = config.mode;
        PickerState {
            client: StoredValue::new_local(client),
            config: StoredValue::new(config),
            ids: StoredValue::new(ids),
            place: RwSignal::new(place),
            search: RwSignal::new(String::new()),
            types: RwSignal::new(TypeFilter::All),
            entries: RwSignal::new(Vec::new()),
            path: RwSignal::new(Vec::new()),
            current: RwSignal::new(None),
            total: RwSignal::new(0),
            next_start: RwSignal::new(0),
            status: RwSignal::new(Status::Loading),
            active: RwSignal::new(0),
            selection: RwSignal::new(Selection::new(mode)),
            announce: RwSignal::new(String::new()),
            texts: crate::texts::use_texts(),
            generation: StoredValue::new(0),
        }
    }

    /// The element id of option `i`.
    pub fn option_id(&self, i: usize) -> String {
        format!("{}-opt-{i}", self.ids.get_value())
    }

    /// The listbox's element id.
    pub fn listbox_id(&self) -> String {
        format!("{}-list", self.ids.get_value())
    }

    /// Loads the first page of the current place, search and type; older answers are dropped.
    pub fn reload(&self) {
        self.fetch(0);
    }

    /// Appends the next page.
    pub fn load_more(&self) {
        self.fetch(self.next_start.get_untracked());
    }

    /// Whether the portal has more entries than were loaded.
    pub fn has_more(&self) -> bool {
        self.next_start.get() < self.total.get()
    }

    fn fetch(&self, start: u64) {
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.status.set(Status::Loading);
        let this = *self;
        let place = self.place.get_untracked();
        let search = self.search.get_untracked();
        let types = self.types.get_untracked();
        leptos::task::spawn_local(async move {
            let client = this.client.get_value();
            let result = source::list(&client, &place, search.trim(), types, start).await;
            if this.generation.get_value() != generation {
                return;
            }
            match result {
                Ok(listing) => this.show(listing, start),
                Err(e) => this.status.set(Status::Failed(e.to_string())),
            }
        });
    }

    fn show(&self, listing: Listing, start: u64) {
        let Listing {
            entries,
            total,
            path,
            current,
        } = listing;
        let fetched = entries.len() as u64;
        let config = self.config.get_value();
        let kept: Vec<Entry> = entries.into_iter().filter(|e| config.lists(e)).collect();
        if start == 0 {
            self.entries.set(kept);
            self.active.set(0);
        } else {
            self.entries.update(|e| e.extend(kept));
        }
        self.total.set(total);
        self.next_start.set(start + fetched);
        self.path.set(path);
        self.current.set(current);
        self.status.set(Status::Ready);
        let shown = self.entries.with_untracked(Vec::len);
        let place = self.place_title();
        self.announce.set(self.texts.with_untracked(|t| {
            fill(&t.items_in, &[("n", &shown.to_string()), ("place", &place)])
        }));
    }

    /// Opens a room or folder (or the rooms list) in the list.
    pub fn open(&self, place: Place) {
        self.search.set(String::new());
        // Until the new place has loaded, the old one is not "here" any more.
        self.current.set(None);
        if self.config.with_value(PickerConfig::picks_current_folder) {
            // A destination is "here" or a folder ticked here; a tick left behind elsewhere
            // would make "Copy here" act on another folder than the one shown.
            self.selection.update(|s| *s = Selection::new(s.mode()));
        }
        self.place.set(place);
        self.reload();
    }

    /// Goes one level up.
    pub fn up(&self) {
        if self.place.get_untracked() == Place::Rooms {
            return;
        }
        let parent = self.path.with_untracked(|p| {
            let steps: Vec<&PathPart> = p.iter().filter(|s| !is_section(s)).collect();
            steps.len().checked_sub(2).map(|i| steps[i].id.clone())
        });
        self.open(parent.map(Place::Folder).unwrap_or(Place::Rooms));
    }

    /// The title of the place, for announcements and the list's name.
    pub fn place_title(&self) -> String {
        match self.place.get_untracked() {
            Place::Rooms => self.texts.with_untracked(|t| t.rooms.to_string()),
            Place::Folder(_) => self
                .path
                .with_untracked(|p| p.last().map(|s| s.title.clone()))
                .unwrap_or_else(|| self.texts.with_untracked(|t| t.this_folder.to_string())),
        }
    }

    /// Picks or unpicks `entry` (when the configuration allows picking it).
    pub fn toggle(&self, entry: Entry) {
        let config = self.config.get_value();
        if !config.accepts(&entry) {
            return;
        }
        let title = entry.title().to_string();
        let mut outcome = Toggled::LimitReached;
        self.selection.update(|s| outcome = s.toggle(entry));
        let (count, mode) = self.selection.with_untracked(|s| (s.len(), s.mode()));
        let tally = format!("{}.", self.tally(count, mode));
        let values = [("name", title.as_str()), ("tally", tally.as_str())];
        self.announce
            .set(self.texts.with_untracked(|t| match outcome {
                Toggled::Added | Toggled::Replaced => fill(&t.announce_selected, &values),
                Toggled::Removed => fill(&t.announce_deselected, &values),
                Toggled::LimitReached => fill(&t.announce_limit, &values),
            }));
    }

    /// "3 selected", or "3 of at most 5 selected" under a maximum (untracked).
    pub fn tally(&self, count: usize, mode: SelectionMode) -> String {
        let n = count.to_string();
        self.texts.with_untracked(|t| match mode {
            SelectionMode::Multiple { max: Some(m) } => {
                fill(&t.selected_of_max, &[("n", &n), ("max", &m.to_string())])
            }
            _ => fill(&t.selected_count, &[("n", &n)]),
        })
    }

    /// What confirming picks: the ticked entries, else (for a destination) the folder being
    /// viewed when it may be picked.
    pub fn target(&self) -> Vec<Entry> {
        let ticked = self.selection.with(|s| s.items().to_vec());
        if !ticked.is_empty() {
            return ticked;
        }
        let config = self.config.get_value();
        if !config.picks_current_folder() {
            return Vec::new();
        }
        self.current
            .get()
            .map(|f| Entry::Folder(Box::new(f)))
            .filter(|e| config.accepts(e))
            .into_iter()
            .collect()
    }

    /// Whether `entry` is picked.
    pub fn is_selected(&self, entry: &Entry) -> bool {
        let key = EntryKey::of(entry);
        self.selection.with(|s| s.contains(&key))
    }
}

/// Path steps that are sections (the Rooms root), not rooms or folders.
pub fn is_section(part: &PathPart) -> bool {
    matches!(
        part.folder_type,
        Some(FolderType::VirtualRooms | FolderType::Archive)
    )
}
