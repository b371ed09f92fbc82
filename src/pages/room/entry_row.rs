//! One row of a folder's listing: a selection checkbox, an icon, the title (a link into a folder
//! or to the file's editor), size and date, and the entry's actions.

use docspace_api::models::Entry;
use docspace_sdk::picker::{EntryIcon, Glyph, Mark, MarkIcon};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{Menu, MenuItem, actions_label};
use crate::i18n::{t_string, use_i18n};
use crate::locale::{self, counted, format_date_time, format_size, text};

/// What a row asks the page to do.
#[derive(Debug, Clone)]
pub enum EntryAction {
    /// Rename (dialog).
    Rename(Entry),
    /// Copy to a folder chosen in the picker.
    Copy(Entry),
    /// Move to a folder chosen in the picker.
    Move(Entry),
    /// Delete (after confirmation).
    Delete(Entry),
    /// Show a file's details: its versions and links.
    Details(Entry),
    /// Download: a file as it is, a folder as an archive.
    Download(Entry),
    /// Add to (`true`) or remove from (`false`) the user's favourites.
    Favorite(Entry, bool),
}

/// Whether `entry` is one of the user's favourites (`isFavorite`, or `FileStatus.IsFavorite`).
pub fn is_favorite(entry: &Entry) -> bool {
    use docspace_api::models::FileStatus;
    match entry {
        Entry::File(f) => {
            f.is_favorite == Some(true) || f.file_status.contains(FileStatus::IS_FAVORITE)
        }
        Entry::Folder(f) => f.is_favorite == Some(true),
    }
}

/// Whether the portal lets the user do `action` to `entry` (its `security` flags).
pub fn entry_can(entry: &Entry, action: &str) -> bool {
    match entry {
        Entry::File(f) => f.security.can(action),
        Entry::Folder(f) => f.security.can(action),
    }
}

/// A listing row. `open_href` leads into a folder or to the file's editor; `viewer_href` to its
/// viewer. A `limited` row (Recent, Favourites) offers only opening, downloading and the
/// favourite toggle: DocSpace turns off renaming, deleting and editing for entries listed there.
#[component]
pub fn EntryRow(
    entry: Entry,
    open_href: String,
    viewer_href: Option<String>,
    selected: Signal<bool>,
    #[prop(into)] on_select: Callback<bool>,
    #[prop(into)] on_action: Callback<EntryAction>,
    #[prop(optional)] limited: bool,
    /// Laid out as a tile of a grid rather than a row.
    #[prop(optional)]
    tile: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let tag = locale::tag();
    let title = entry.title().to_string();
    let is_file = matches!(entry, Entry::File(_));
    // Sizes, counts and dates in the reader's language (they follow a change of language).
    let (bytes, files, when) = match &entry {
        Entry::File(f) => (Some(f.pure_content_length), None, f.updated),
        Entry::Folder(f) => (None, Some(f.files_count), f.updated),
    };
    let size = move || match (bytes, files) {
        (Some(b), _) => format_size(b, tag.get()),
        (None, Some(n)) => counted!(i18n.get_locale(), n, room.files_count),
        _ => String::new(),
    };
    let updated = move || {
        when.as_ref()
            .map(|d| format_date_time(d, tag.get()))
            .unwrap_or_default()
    };
    let act = {
        let entry = entry.clone();
        move |make: fn(Entry) -> EntryAction| {
            let entry = entry.clone();
            move || on_action.run(make(entry.clone()))
        }
    };
    let mut items = Vec::new();
    if let Some(v) = viewer_href.clone() {
        let navigate = leptos_router::hooks::use_navigate();
        items.push(
            MenuItem::new(text!(i18n, room.entry.open_viewer), move || {
                navigate(&v, Default::default())
            })
            .test_id("entry-view"),
        );
    }
    if is_file && !limited {
        items.push(
            MenuItem::new(text!(i18n, room.entry.details), act(EntryAction::Details))
                .test_id("entry-details"),
        );
    }
    if entry_can(&entry, "Download") {
        items.push(
            MenuItem::new(text!(i18n, room.download), act(EntryAction::Download))
                .test_id("entry-download"),
        );
    }
    // DocSpace's web UI offers the favourite toggle on files ("Add to favorites"/"Remove from
    // favorites" in ONLYOFFICE/DocSpace-client's files context menu).
    if is_file {
        let favorite = is_favorite(&entry);
        let (label, id) = if favorite {
            (text!(i18n, room.entry.unfavourite), "entry-unfavorite")
        } else {
            (text!(i18n, room.entry.favourite), "entry-favorite")
        };
        let e = entry.clone();
        items.push(
            MenuItem::new(label, move || {
                on_action.run(EntryAction::Favorite(e.clone(), !favorite))
            })
            .test_id(id),
        );
    }
    if !limited {
        items.push(
            MenuItem::new(text!(i18n, room.entry.rename), act(EntryAction::Rename))
                .test_id("entry-rename"),
        );
        items.push(
            MenuItem::new(text!(i18n, room.copy_to), act(EntryAction::Copy)).test_id("entry-copy"),
        );
        items.push(
            MenuItem::new(text!(i18n, room.move_to), act(EntryAction::Move)).test_id("entry-move"),
        );
        items.push(
            MenuItem::new(text!(i18n, rooms.menu.delete), act(EntryAction::Delete))
                .danger()
                .test_id("entry-delete"),
        );
    }
    let menu_label = actions_label(title.clone());
    view! {
        <div class="entry-row" class:entry-row--tile=tile data-testid="entry-row" data-kind=if is_file { "file" } else { "folder" }>
            <EntryCheck glyph=Glyph::of(&entry) title=title.clone() selected on_select/>
            <A href=open_href attr:class="entry-row__title" attr:data-testid="entry-title" attr:data-primary="">{title}</A>
            <span class="entry-row__meta muted">{size}</span>
            <span class="entry-row__meta entry-row__date muted">{updated}</span>
            <Menu label=menu_label items=items><MarkIcon mark=Mark::More/></Menu>
        </div>
    }
}

/// The start of a listing's row: its selection checkbox, named after the entry's `title` for
/// screen readers, and the entry's icon.
#[component]
pub fn EntryCheck(
    glyph: Glyph,
    title: String,
    selected: Signal<bool>,
    on_select: Callback<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let select_label = move || t_string!(i18n, room.entry.select, title = &title).to_string();
    view! {
        <input
            type="checkbox"
            class="entry-row__check"
            aria-label=select_label
            prop:checked=move || selected.get()
            on:change=move |ev| on_select.run(event_target_checked(&ev))
        />
        <span class="entry-row__icon"><EntryIcon glyph/></span>
    }
}
