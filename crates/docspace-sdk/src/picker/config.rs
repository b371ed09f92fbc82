//! What a picker offers: which entries may be picked, how many, and where it starts.

use docspace_api::models::{Entry, File, FileId, FileType, FolderId};

use super::selection::SelectionMode;

/// Which kind of entry may be picked (the others can still be browsed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PickKind {
    /// Files only (the default).
    #[default]
    Files,
    /// Folders and rooms only: a destination chooser.
    Folders,
    /// Both.
    Any,
}

/// Configures a [`FilePicker`](super::FilePicker). Start from [`PickerConfig::new`].
///
/// ```
/// use docspace_sdk::picker::{PickerConfig, SelectionMode};
/// use docspace_api::models::FileType;
///
/// let config = PickerConfig::new()
///     .multiple(Some(5))
///     .file_types([FileType::Document, FileType::Spreadsheet])
///     .extensions([".docx", "xlsx"])
///     .preselect([812]);
/// assert_eq!(config.selection_mode(), SelectionMode::Multiple { max: Some(5) });
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PickerConfig {
    pub(crate) mode: SelectionMode,
    pub(crate) kind: PickKind,
    pub(crate) file_types: Vec<FileType>,
    pub(crate) extensions: Vec<String>,
    pub(crate) preselected: Vec<FileId>,
    pub(crate) start_in: Option<FolderId>,
    /// `None`: the app's [`crate::texts::Texts`] (`picker_accept`, `picker_cancel`,
    /// `picker_title`).
    pub(crate) accept_label: Option<String>,
    pub(crate) cancel_label: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) folder_right: Option<String>,
}

impl Default for PickerConfig {
    fn default() -> Self {
        PickerConfig {
            mode: SelectionMode::Single,
            kind: PickKind::Files,
            file_types: Vec::new(),
            extensions: Vec::new(),
            preselected: Vec::new(),
            start_in: None,
            accept_label: None,
            cancel_label: None,
            title: None,
            folder_right: None,
        }
    }
}

impl PickerConfig {
    /// Single selection of files, starting at the rooms list.
    pub fn new() -> Self {
        Self::default()
    }

    /// One entry at a time.
    pub fn single(mut self) -> Self {
        self.mode = SelectionMode::Single;
        self
    }

    /// Several entries, at most `max` (`None`: no bound). A `max` of 0 is treated as 1.
    pub fn multiple(mut self, max: Option<usize>) -> Self {
        self.mode = SelectionMode::Multiple {
            max: max.map(|m| m.max(1)),
        };
        self
    }

    /// Which kind of entry may be picked.
    pub fn pick(mut self, kind: PickKind) -> Self {
        self.kind = kind;
        self
    }

    /// Only files of these types may be picked (and are listed).
    pub fn file_types(mut self, types: impl IntoIterator<Item = FileType>) -> Self {
        self.file_types = types.into_iter().collect();
        self
    }

    /// Only files with these extensions may be picked (`".docx"` or `"docx"`, any case).
    pub fn extensions<S: AsRef<str>>(mut self, exts: impl IntoIterator<Item = S>) -> Self {
        self.extensions = exts
            .into_iter()
            .map(|e| {
                e.as_ref()
                    .trim()
                    .trim_start_matches('.')
                    .to_ascii_lowercase()
            })
            .filter(|e| !e.is_empty())
            .collect();
        self
    }

    /// Files picked when the picker opens.
    pub fn preselect<I: Into<FileId>>(mut self, files: impl IntoIterator<Item = I>) -> Self {
        self.preselected = files.into_iter().map(Into::into).collect();
        self
    }

    /// Opens in this folder or room instead of the rooms list.
    pub fn start_in(mut self, folder: impl Into<FolderId>) -> Self {
        self.start_in = Some(folder.into());
        self
    }

    /// The confirm button's label (default: [`Texts::picker_accept`](crate::texts::Texts),
    /// "Choose" in English).
    pub fn accept_label(mut self, label: impl Into<String>) -> Self {
        self.accept_label = Some(label.into());
        self
    }

    /// The cancel button's label (default: [`Texts::picker_cancel`](crate::texts::Texts),
    /// "Cancel" in English).
    pub fn cancel_label(mut self, label: impl Into<String>) -> Self {
        self.cancel_label = Some(label.into());
        self
    }

    /// The picker's accessible name and heading (default: [`Texts::picker_title`](crate::texts::Texts),
    /// "Choose files" in English).
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Only folders whose `security` grants `action` may be picked (e.g. `"CopyTo"` or
    /// `"MoveTo"` for a destination, as DocSpace's own folder selector requires); folders the
    /// portal sent no flags for are accepted, the portal having the last word.
    pub fn folder_right(mut self, action: impl Into<String>) -> Self {
        self.folder_right = Some(action.into());
        self
    }

    /// The selection mode.
    pub fn selection_mode(&self) -> SelectionMode {
        self.mode
    }

    /// Whether the folder being viewed is itself the pick when nothing is ticked: a single folder
    /// picked as a destination, where DocSpace's "Copy here" and "Move here" act on the folder
    /// the user has navigated to.
    pub fn picks_current_folder(&self) -> bool {
        self.kind == PickKind::Folders && self.mode == SelectionMode::Single
    }

    /// Whether `entry` may be picked under this configuration.
    pub fn accepts(&self, entry: &Entry) -> bool {
        match entry {
            Entry::Folder(f) => {
                let right_ok = match &self.folder_right {
                    Some(action) => f.security.0.is_empty() || f.security.can(action),
                    None => true,
                };
                matches!(self.kind, PickKind::Folders | PickKind::Any) && right_ok
            }
            Entry::File(f) => {
                if self.kind == PickKind::Folders {
                    return false;
                }
                let type_ok = self.file_types.is_empty()
                    || f.file_type.is_some_and(|t| self.file_types.contains(&t));
                let ext_ok = self.extensions.is_empty()
                    || file_extension(f).is_some_and(|e| self.extensions.contains(&e));
                type_ok && ext_ok
            }
        }
    }

    /// Whether `entry` is listed at all: folders always (to browse), files when they could be
    /// picked.
    pub fn lists(&self, entry: &Entry) -> bool {
        match entry {
            Entry::Folder(_) => true,
            Entry::File(_) => self.kind != PickKind::Folders && self.accepts(entry),
        }
    }
}

/// A file's extension, lower case, without the dot: from `fileExst`, else from the title.
pub fn file_extension(f: &File) -> Option<String> {
    f.extension().filter(|e| !e.is_empty()).or_else(|| {
        f.title
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .filter(|e| !e.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use docspace_api::models::Folder;

    fn file(title: &str, file_type: i32) -> Entry {
        let f: File = serde_json::from_value(serde_json::json!({
            "id": 1, "title": title, "fileType": file_type,
            "fileExst": title.rfind('.').map(|i| &title[i..]),
        }))
        .expect("file");
        Entry::File(Box::new(f))
    }

    fn folder() -> Entry {
        let f: Folder =
            serde_json::from_value(serde_json::json!({"id": 2, "title": "d"})).expect("folder");
        Entry::Folder(Box::new(f))
    }

    #[test]
    fn files_mode_lists_folders_to_browse_but_picks_only_matching_files() {
        let c = PickerConfig::new()
            .file_types([FileType::Document])
            .extensions(["DOCX"]);
        assert!(c.accepts(&file("a.docx", 7)));
        assert!(!c.accepts(&file("a.xlsx", 5)));
        assert!(
            !c.accepts(&file("a.odt", 7)),
            "the extension filter applies too"
        );
        assert!(!c.accepts(&folder()));
        assert!(c.lists(&folder()));
        assert!(!c.lists(&file("a.xlsx", 5)));
    }

    #[test]
    fn folders_mode_picks_folders_and_hides_files() {
        let c = PickerConfig::new().pick(PickKind::Folders);
        assert!(c.accepts(&folder()));
        assert!(!c.accepts(&file("a.docx", 7)));
        assert!(!c.lists(&file("a.docx", 7)));
    }

    #[test]
    fn a_destination_needs_the_folder_right_and_is_the_current_folder() {
        let c = PickerConfig::new()
            .pick(PickKind::Folders)
            .single()
            .folder_right("CopyTo");
        assert!(c.picks_current_folder());
        let with = |flags: serde_json::Value| {
            let f: Folder = serde_json::from_value(
                serde_json::json!({"id": 3, "title": "d", "security": flags}),
            )
            .expect("folder");
            Entry::Folder(Box::new(f))
        };
        assert!(c.accepts(&with(serde_json::json!({"CopyTo": true}))));
        assert!(!c.accepts(&with(serde_json::json!({"CopyTo": false, "Read": true}))));
        assert!(c.accepts(&folder()), "no flags: the portal decides");
        assert!(
            !PickerConfig::new()
                .multiple(None)
                .pick(PickKind::Folders)
                .picks_current_folder()
        );
        assert!(!PickerConfig::new().picks_current_folder());
    }

    #[test]
    fn extensions_are_normalized_and_a_zero_maximum_means_one() {
        let c = PickerConfig::new()
            .extensions([" .PDF ", "txt", "."])
            .multiple(Some(0));
        assert_eq!(c.extensions, ["pdf", "txt"]);
        assert_eq!(c.selection_mode(), SelectionMode::Multiple { max: Some(1) });
    }
}
