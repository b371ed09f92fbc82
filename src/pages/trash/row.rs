//! One row of the Trash: a selection checkbox, the entry, where it was deleted from, when, and
//! the actions its `security` flags allow (Download, Restore, Delete forever, as DocSpace's
//! Trash offers them).

use docspace_api::models::Entry;
use docspace_sdk::picker::{Glyph, Mark, MarkIcon};
use leptos::prelude::*;

use crate::components::{Menu, MenuItem, actions_label};
use crate::i18n::{Locale, t_string, use_i18n};
use crate::pages::room::entry_row::{EntryCheck, entry_can};
use leptos_i18n::I18nContext;

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
    /// What the menus say, in the reader's language.
    pub fn label(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            TrashAction::Download => t_string!(i18n, room.download),
            TrashAction::Restore => t_string!(i18n, common.restore),
            TrashAction::DeleteForever => t_string!(i18n, trash.delete_forever_menu),
        }
    }

    /// The action's name in test ids (`trash-bulk-…`), in no language.
    pub fn key(self) -> &'static str {
        match self {
            TrashAction::Download => "download",
            TrashAction::Restore => "restore",
            TrashAction::DeleteForever => "delete-forever",
        }
    }

    /// The right the portal must grant (DocSpace restores with a move).
    fn right(self) -> &'static str {
        match self {
            TrashAction::Download => "Download",
            TrashAction::Restore => "Move",
            TrashAction::DeleteForever => "Delete",
        }
    }

    /// Whether every one of `entries` allows it.
    pub fn allowed(self, entries: &[Entry]) -> bool {
        let right = self.right();
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
    let i18n = use_i18n();
    let tag = crate::locale::tag();
    let title = entry.title().to_string();
    let (origin, deleted) = match &entry {
        Entry::File(f) => (f.origin_title.clone(), f.updated),
        Entry::Folder(f) => (f.origin_title.clone(), f.updated),
    };
    let deleted = move || {
        deleted
            .map(|d| crate::locale::format_date_time(&d, tag.get()))
            .unwrap_or_default()
    };
    let items = [
        TrashAction::Download,
        TrashAction::Restore,
        TrashAction::DeleteForever,
    ]
    .into_iter()
    .filter(|a| a.allowed(std::slice::from_ref(&entry)))
    .map(|a| {
        let entry = entry.clone();
        let label = Signal::derive(move || a.label(i18n).to_string());
        let item = MenuItem::new(label, move || on_action.run((a, entry.clone())));
        match a {
            TrashAction::Download => item.test_id("trash-download"),
            TrashAction::Restore => item.test_id("trash-restore"),
            TrashAction::DeleteForever => item.danger().test_id("trash-delete-forever"),
        }
    })
    .collect::<Vec<_>>();
    let menu_label = actions_label(title.clone());
    let shown = title.clone();
    view! {
        <div class="entry-row" data-testid="trash-row" data-title=title.clone()>
            <EntryCheck glyph=Glyph::of(&entry) title=title.clone() selected on_select/>
            <span class="entry-row__title" data-testid="trash-title">{shown}</span>
            <span class="entry-row__meta trash-row__origin muted" title=move || t_string!(i18n, trash.deleted_from)>{origin}</span>
            <span class="entry-row__meta entry-row__date muted" title=move || t_string!(i18n, trash.deleted)>{deleted}</span>
            {(!items.is_empty()).then(|| view! { <Menu label=menu_label items=items><MarkIcon mark=Mark::More/></Menu> })}
        </div>
    }
}
