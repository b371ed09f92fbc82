//! What the user has picked: an ordered set of entries, with a mode and an upper bound.

use docspace_api::models::{Entry, FileId, FolderId};

/// Identifies an entry across listings (a folder and a file may share a number).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EntryKey {
    /// A folder or room.
    Folder(FolderId),
    /// A file.
    File(FileId),
}

impl EntryKey {
    /// The key of `entry`.
    pub fn of(entry: &Entry) -> EntryKey {
        match entry {
            Entry::Folder(f) => EntryKey::Folder(f.id.clone()),
            Entry::File(f) => EntryKey::File(f.id.clone()),
        }
    }
}

/// How many entries may be picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SelectionMode {
    /// Exactly one; picking another replaces it.
    #[default]
    Single,
    /// Any number up to `max` (no bound when `None`).
    Multiple {
        /// The most entries that may be picked.
        max: Option<usize>,
    },
}

/// What [`Selection::toggle`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toggled {
    /// The entry was added.
    Added,
    /// The entry was removed.
    Removed,
    /// The entry replaced the single picked one.
    Replaced,
    /// Nothing changed: the maximum is reached.
    LimitReached,
}

/// The picked entries, in the order they were picked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Selection {
    mode: SelectionMode,
    items: Vec<Entry>,
}

impl Selection {
    /// An empty selection in `mode`.
    pub fn new(mode: SelectionMode) -> Self {
        Selection {
            mode,
            items: Vec::new(),
        }
    }

    /// The mode.
    pub fn mode(&self) -> SelectionMode {
        self.mode
    }

    /// The picked entries.
    pub fn items(&self) -> &[Entry] {
        &self.items
    }

    /// How many are picked.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether nothing is picked.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Whether `key` is picked.
    pub fn contains(&self, key: &EntryKey) -> bool {
        self.items.iter().any(|e| &EntryKey::of(e) == key)
    }

    /// Whether another entry may be added.
    pub fn is_full(&self) -> bool {
        match self.mode {
            SelectionMode::Single => false,
            SelectionMode::Multiple { max } => max.is_some_and(|m| self.items.len() >= m),
        }
    }

    /// Adds `entry`, or removes it when already picked.
    pub fn toggle(&mut self, entry: Entry) -> Toggled {
        let key = EntryKey::of(&entry);
        if let Some(i) = self.items.iter().position(|e| EntryKey::of(e) == key) {
            self.items.remove(i);
            return Toggled::Removed;
        }
        match self.mode {
            SelectionMode::Single => {
                let replaced = !self.items.is_empty();
                self.items = vec![entry];
                if replaced {
                    Toggled::Replaced
                } else {
                    Toggled::Added
                }
            }
            SelectionMode::Multiple { .. } if self.is_full() => Toggled::LimitReached,
            SelectionMode::Multiple { .. } => {
                self.items.push(entry);
                Toggled::Added
            }
        }
    }

    /// Adds `entry` unless it is picked already or the selection is full; true when added.
    pub fn add(&mut self, entry: Entry) -> bool {
        if self.contains(&EntryKey::of(&entry)) || self.is_full() {
            return false;
        }
        if self.mode == SelectionMode::Single {
            self.items.clear();
        }
        self.items.push(entry);
        true
    }

    /// Removes `key` if picked.
    pub fn remove(&mut self, key: &EntryKey) {
        self.items.retain(|e| &EntryKey::of(e) != key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use docspace_api::models::{File, Folder};

    fn file(id: i64) -> Entry {
        let f: File =
            serde_json::from_value(serde_json::json!({"id": id, "title": format!("f{id}.docx")}))
                .expect("file");
        Entry::File(Box::new(f))
    }

    fn folder(id: i64) -> Entry {
        let f: Folder =
            serde_json::from_value(serde_json::json!({"id": id, "title": format!("d{id}")}))
                .expect("folder");
        Entry::Folder(Box::new(f))
    }

    #[test]
    fn single_mode_replaces() {
        let mut s = Selection::new(SelectionMode::Single);
        assert_eq!(s.toggle(file(1)), Toggled::Added);
        assert_eq!(s.toggle(file(2)), Toggled::Replaced);
        assert_eq!(s.len(), 1);
        assert!(s.contains(&EntryKey::File(2.into())));
        assert_eq!(s.toggle(file(2)), Toggled::Removed);
        assert!(s.is_empty());
    }

    #[test]
    fn multiple_mode_keeps_order_and_stops_at_the_maximum() {
        let mut s = Selection::new(SelectionMode::Multiple { max: Some(2) });
        assert_eq!(s.toggle(file(3)), Toggled::Added);
        assert_eq!(s.toggle(file(1)), Toggled::Added);
        assert_eq!(s.toggle(file(2)), Toggled::LimitReached);
        assert!(s.is_full());
        let titles: Vec<_> = s.items().iter().map(|e| e.title().to_string()).collect();
        assert_eq!(titles, ["f3.docx", "f1.docx"]);
        assert!(!s.add(file(9)), "add respects the maximum too");
        s.remove(&EntryKey::File(3.into()));
        assert!(s.add(file(9)));
    }

    #[test]
    fn a_folder_and_a_file_with_the_same_number_are_different_entries() {
        let mut s = Selection::new(SelectionMode::Multiple { max: None });
        s.toggle(file(7));
        s.toggle(folder(7));
        assert_eq!(s.len(), 2);
        assert!(!s.add(file(7)), "no duplicates");
    }
}
