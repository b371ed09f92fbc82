//! One row of the Trash: a selection checkbox, the entry, where it was deleted from, when, and
//! the actions its `security` flags allow (Download, Restore, Delete forever, as DocSpace's
//! Trash offers them).

use docspace_api::models::Entry;
use docspace_sdk::picker::{EntryIcon, Glyph};
use leptos::prelude::*;

use crate::components::{Menu, MenuItem};
use crate::pages::room::entry_row::entry_can;

/// What a Trash row asks the page to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrashAction {
    /// Download it.
    Download,
    /// Move it back where it was deleted from.
    Restore,
    /// Delete it for good (after confirmation).
    DeleteForever,
}

impl TrashAction {
    /// What the menus say, and the right the portal must grant (DocSpace restores with a move).
    pub fn label_and_right(self) -> (&'static str, &'static str) {
        match self {
            TrashAction::Download => ("Download", "Download"),
            TrashAction::Restore => ("Restore", "Move"),
            TrashAction::DeleteForever => ("Delete forever…", "Delete"),
        }
    }

    /// Whether every one of `entries` allows it.
    pub fn allowed(self, entries: &[Entry]) -> bool {
        let right = self.label_and_right().1;
        !entries.is_empty() && entries.iter().all(|e| entry_can(e, right))
    }
}

/// A Trash row.
#[component]
pub fn TrashRow(
    entry: Entry,
    selected: Signal<bool>,
    #[prop(into)] on_select: Callback<bool>,
    #[prop(into)] on_action: Callback<(TrashAction, Entry)>,
) -> impl IntoView {
    let title = entry.title().to_string();
    let (origin, deleted) = match &entry {
        Entry::File(f) => (f.origin_title.clone(), f.updated),
        Entry::Folder(f) => (f.origin_title.clone(), f.updated),
    };
    let deleted = deleted
        .map(|d| d.as_datetime().format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default();
    let items = [
        TrashAction::Download,
        TrashAction::Restore,
        TrashAction::DeleteForever,
    ]
    .into_iter()
    .filter(|a| a.allowed(std::slice::from_ref(&entry)))
    .map(|a| {
        let entry = entry.clone();
        let item = MenuItem::new(a.label_and_right().0, move || {
            on_action.run((a, entry.clone()))
        });
        match a {
            TrashAction::Download => item.test_id("trash-download"),
            TrashAction::Restore => item.test_id("trash-restore"),
            TrashAction::DeleteForever => item.danger().test_id("trash-delete-forever"),
        }
    })
    .collect::<Vec<_>>();
    let menu_label = format!("Actions for {title}");
    let shown = title.clone();
    let select_label = format!("Select {title}");
    view! {
        <div class="entry-row" data-testid="trash-row" data-title=title.clone()>

            <input
                type="checkbox"
                class="entry-row__check"
                aria-label=select_label
                prop:checked=move || selected.get()
                on:change=move |ev| on_select.run(event_target_checked(&ev))
            />
            <span class="entry-row__icon"><EntryIcon glyph=Glyph::of(&entry)/></span>
            <span class="entry-row__title" data-testid="trash-title">{shown}</span>
            <span class="entry-row__meta trash-row__origin muted" title="Deleted from">{origin}</span>
            <span class="entry-row__meta entry-row__date muted" title="Deleted">{deleted}</span>
            {(!items.is_empty()).then(|| view! { <Menu label=menu_label items=items>"⋯"</Menu> })}
        </div>
    }
}
