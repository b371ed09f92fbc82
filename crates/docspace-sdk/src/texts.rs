//! The words the crate's components show (the file picker, the retry button of a diagnosis), in
//! English unless the embedding app supplies its own.
//!
//! The crate has no translations of its own and depends on no i18n library: an app that speaks
//! other languages builds a [`Texts`] from its translations and provides it once, above the
//! components, with [`provide_texts`]. It is a signal, so the components follow a change of
//! language without being created again. Fields not set keep their English default
//! (`..Texts::default()`).
//!
//! ```no_run
//! use docspace_sdk::texts::{Texts, provide_texts};
//! use leptos::prelude::*;
//!
//! #[component]
//! fn App() -> impl IntoView {
//!     let german = RwSignal::new(true);
//!     provide_texts(Signal::derive(move || {
//!         if german.get() {
//!             Texts { picker_cancel: "Abbrechen".into(), load_more: "Mehr laden".into(), ..Texts::default() }
//!         } else {
//!             Texts::default()
//!         }
//!     }));
//!     // … the app, with its FilePicker, DocSpace frames and so on …
//! }
//! ```
//!
//! Some texts are templates: `{name}`, `{n}`, `{max}`, `{place}`, `{tally}` and `{ids}` are
//! replaced as each field's documentation says; keep them in a translation. Counts are put in as
//! digits; word a template so that it reads for any count ("Selected: {n}" rather than a plural
//! form), as the crate does not know the language's plural rules.

use std::borrow::Cow;

use leptos::prelude::*;

/// One text, fixed or a template.
pub type Text = Cow<'static, str>;

/// Everything the components say. [`Texts::default`] is English.
#[derive(Debug, Clone, PartialEq)]
pub struct Texts {
    /// A diagnosis's retry button: "Try again".
    pub try_again: Text,
    /// The picker's name when its config sets none: "Choose files".
    pub picker_title: Text,
    /// The picker's confirm button when its config sets none: "Choose".
    pub picker_accept: Text,
    /// The picker's cancel button when its config sets none: "Cancel".
    pub picker_cancel: Text,
    /// The search field's name: "Search in this place".
    pub search_label: Text,
    /// The search field's placeholder: "Search".
    pub search_placeholder: Text,
    /// The type filter's name: "File type".
    pub file_type: Text,
    /// Type filter choices: "All types".
    pub type_all: Text,
    /// "Documents".
    pub type_documents: Text,
    /// "Spreadsheets".
    pub type_spreadsheets: Text,
    /// "Presentations".
    pub type_presentations: Text,
    /// "PDF".
    pub type_pdf: Text,
    /// "Images".
    pub type_images: Text,
    /// The breadcrumb's name: "Location".
    pub location: Text,
    /// The rooms list, in the breadcrumb and the tree: "Rooms".
    pub rooms: Text,
    /// A folder whose title is not known yet: "this folder".
    pub this_folder: Text,
    /// What a room row says it is: "Room".
    pub room: Text,
    /// A folder row's contents; `{n}` files: "{n} files".
    pub files_count: Text,
    /// The list's name; `{place}` is the room or folder: "Contents of {place}".
    pub contents_of: Text,
    /// An empty place: "Nothing here.".
    pub nothing_here: Text,
    /// A search without results: "Nothing matches the search.".
    pub nothing_matches: Text,
    /// While a page loads: "Loading…".
    pub loading: Text,
    /// The button that fetches the next page: "Load more".
    pub load_more: Text,
    /// The selected entries' list name: "Selected".
    pub selected_list: Text,
    /// The footer for a destination; `{place}` is the folder: "Into {place}".
    pub into: Text,
    /// How many are selected: "{n} selected".
    pub selected_count: Text,
    /// How many are selected, with a maximum: "{n} of at most {max} selected".
    pub selected_of_max: Text,
    /// A row's tick box: "Select {name}".
    pub select: Text,
    /// A ticked row's box and a chip's remove button: "Deselect {name}".
    pub deselect: Text,
    /// A row that may not be picked: "{name} cannot be selected".
    pub cannot_select: Text,
    /// Announced after loading: "{n} items in {place}.".
    pub items_in: Text,
    /// Announced after ticking; `{tally}` is the count sentence: "Selected {name}. {tally}".
    pub announce_selected: Text,
    /// Announced after unticking: "Deselected {name}. {tally}".
    pub announce_deselected: Text,
    /// Announced at the maximum: "Cannot select {name}: {tally} That is the maximum.".
    pub announce_limit: Text,
    /// Pre-selected files the portal did not find; `{ids}` lists them:
    /// "Some pre-selected files could not be found: {ids}.".
    pub missing_preselected: Text,
}

impl Default for Texts {
    fn default() -> Self {
        Texts {
            try_again: "Try again".into(),
            picker_title: "Choose files".into(),
            picker_accept: "Choose".into(),
            picker_cancel: "Cancel".into(),
            search_label: "Search in this place".into(),
            search_placeholder: "Search".into(),
            file_type: "File type".into(),
            type_all: "All types".into(),
            type_documents: "Documents".into(),
            type_spreadsheets: "Spreadsheets".into(),
            type_presentations: "Presentations".into(),
            type_pdf: "PDF".into(),
            type_images: "Images".into(),
            location: "Location".into(),
            rooms: "Rooms".into(),
            this_folder: "this folder".into(),
            room: "Room".into(),
            files_count: "{n} files".into(),
            contents_of: "Contents of {place}".into(),
            nothing_here: "Nothing here.".into(),
            nothing_matches: "Nothing matches the search.".into(),
            loading: "Loading…".into(),
            load_more: "Load more".into(),
            selected_list: "Selected".into(),
            into: "Into {place}".into(),
            selected_count: "{n} selected".into(),
            selected_of_max: "{n} of at most {max} selected".into(),
            select: "Select {name}".into(),
            deselect: "Deselect {name}".into(),
            cannot_select: "{name} cannot be selected".into(),
            items_in: "{n} items in {place}.".into(),
            announce_selected: "Selected {name}. {tally}".into(),
            announce_deselected: "Deselected {name}. {tally}".into(),
            announce_limit: "Cannot select {name}: {tally} That is the maximum.".into(),
            missing_preselected: "Some pre-selected files could not be found: {ids}.".into(),
        }
    }
}

/// Context carrying the app's texts.
#[derive(Clone, Copy)]
struct ProvidedTexts(Signal<Texts>);

/// Makes the components below the calling one speak `texts` (reactively: a new value re-words
/// what is on screen). Without it they speak English.
pub fn provide_texts(texts: Signal<Texts>) {
    provide_context(ProvidedTexts(texts));
}

/// The texts in effect where the calling component is created.
pub fn use_texts() -> Signal<Texts> {
    use_context::<ProvidedTexts>()
        .map(|p| p.0)
        .unwrap_or_else(|| Signal::stored(Texts::default()))
}

/// `template` with each `{key}` replaced by its value.
///
/// ```
/// use docspace_sdk::texts::fill;
/// assert_eq!(fill("{n} of at most {max} selected", &[("n", "2"), ("max", "5")]), "2 of at most 5 selected");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_filled_and_unknown_keys_left() {
        let t = Texts::default();
        assert_eq!(fill(&t.select, &[("name", "a.docx")]), "Select a.docx");
        assert_eq!(fill("{x} {n}", &[("n", "1")]), "{x} 1");
    }
}
