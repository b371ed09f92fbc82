//! The folder's entries: loading, the reason they could not be read, an empty state that says
//! why, or the entries as rows or tiles in a virtual list; and the drop zone around them, where
//! files and folders dragged in from the desktop are uploaded.

use docspace_api::Error;
use docspace_api::models::Entry;
use docspace_sdk::picker::EntryKey;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::FolderState;
use super::entry_row::{EntryAction, EntryRow};
use super::filter_bar::use_set_filters;
use super::filters::{FolderFilters, Layout};
use super::listing::FolderView;
use crate::components::{Button, EmptyState, ErrorState, Loading, VirtualList, use_toaster};
use crate::errors::user_message;
use crate::i18n::{t, use_i18n};
use crate::locale::{said, text};
use crate::picked_files::dropped;
use crate::url::encode;

const ROW_HEIGHT: f64 = 52.0;
/// A row of tiles: the tile and the gap below it.
const TILE_ROW_HEIGHT: f64 = 168.0;
/// The narrowest a tile gets; the grid fits as many as the list's width holds.
const TILE_MIN_WIDTH: f64 = 176.0;

/// The entries of the folder as the listing `view_data` holds them. Selecting goes to the page's
/// selection and the rows' commands to `on_action`; drops are uploaded into the folder.
#[component]
pub(super) fn EntriesArea(
    view_data: LocalResource<Result<FolderView, Error>>,
    entries: Memo<Vec<Entry>>,
    filters: Memo<FolderFilters>,
    page: FolderState,
    on_action: Callback<EntryAction>,
) -> impl IntoView {
    let FolderState {
        place, selection, ..
    } = page;
    let i18n = use_i18n();
    let toaster = use_toaster();
    let location = use_location();
    let set_filters = StoredValue::new_local(use_set_filters());

    // Where a file's editor or viewer comes back to.
    let here = move || {
        format!(
            "{}{}",
            location.pathname.get_untracked(),
            location.search.get_untracked()
        )
    };
    let entry_view = move |i: usize, tile: bool| {
        let entry = Memo::new(move |_| entries.with(|e| e.get(i).cloned()));
        move || {
            entry.get().map(|e| {
                let key = EntryKey::of(&e);
                let (open_href, viewer_href) = match &e {
                    Entry::Folder(f) => (place.with_value(|p| p.href(&f.id)), None),
                    Entry::File(f) => {
                        let back = encode(&here());
                        let id = encode(&f.id.to_string());
                        (
                            format!("/files/{id}?mode=edit&back={back}"),
                            Some(format!("/files/{id}?mode=view&back={back}")),
                        )
                    }
                };
                let k = key.clone();
                let selected = Signal::derive(move || selection.with(|s| s.contains(&k)));
                view! {
                    <EntryRow
                        entry=e
                        open_href=open_href
                        viewer_href=viewer_href
                        selected=selected
                        on_select=Callback::new(move |on: bool| selection.update(|s| {
                            if on { s.insert(key.clone()); } else { s.remove(&key); }
                        }))
                        on_action=on_action
                        tile=tile
                    />
                }
            })
        }
    };
    let row = move |i: usize| entry_view(i, false);
    // Tiles: each virtual row holds as many tiles as the list is wide enough for.
    let list_width = RwSignal::new(0.0f64);
    let list_ref = NodeRef::<leptos::html::Div>::new();
    let measure = move || {
        if let Some(el) = list_ref.get_untracked() {
            list_width.set(f64::from(el.client_width()));
        }
    };
    Effect::new(move |_| {
        list_ref.track();
        measure();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let columns = Memo::new(move |_| ((list_width.get() / TILE_MIN_WIDTH).floor() as usize).max(1));
    let tile_row = move |r: usize| {
        let cols = columns.get_untracked();
        let n = entries.with_untracked(Vec::len);
        view! {
            <div class="entry-tiles" style:grid-template-columns=format!("repeat({cols}, minmax(0, 1fr))")>
                {(r * cols..((r + 1) * cols).min(n)).map(|i| entry_view(i, true)).collect_view()}
            </div>
        }
    };

    let drag_over = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        drag_over.set(false);
        // Taken now: a drop's items cannot be read once its handler has returned.
        let items = dropped(&ev);
        if items.is_empty() {
            return;
        }
        let into = page.folder.get_value();
        leptos::task::spawn_local(async move {
            match items.files().await {
                Ok(files) => page.uploads.add_picked(files, into, page.after_change),
                Err(e) => toaster.error(said!(room.uploads.folder_unread), e),
            }
        });
    };

    view! {
        <div
            node_ref=list_ref
            class="room-page__drop"
            class:room-page__drop--active=move || drag_over.get()
            data-testid="drop-zone"
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                drag_over.set(true);
            }
            on:dragleave=move |_| drag_over.set(false)
            on:drop=on_drop
        >
            {move || match view_data.get() {
                None => view! { <Loading label=text!(i18n, room.loading)/> }.into_any(),
                Some(Err(e)) => view! {
                    <ErrorState title=text!(i18n, room.open_failed) message=user_message(&e)>
                        <Button on_click=Callback::new(move |_| page.reload.run(()))>{t!(i18n, common.try_again)}</Button>
                    </ErrorState>
                }.into_any(),
                Some(Ok(v)) if v.entries.is_empty() && filters.with(FolderFilters::narrows) => view! {
                    <EmptyState title=text!(i18n, room.no_match) description=text!(i18n, room.no_match_hint)>
                        <span data-testid="clear-filter">
                            <Button on_click=Callback::new(move |_| set_filters.with_value(|set| set(filters.get_untracked().cleared())))>{t!(i18n, room.clear_filter)}</Button>
                        </span>
                    </EmptyState>
                }.into_any(),
                Some(Ok(v)) if v.entries.is_empty() => view! {
                    <EmptyState title=text!(i18n, room.empty) description=text!(i18n, room.empty_hint)/>
                }.into_any(),
                Some(Ok(v)) if filters.with(|f| f.layout == Layout::Tiles) => {
                    // Read here so that a new column count lays the tiles out again.
                    let count = v.entries.len().div_ceil(columns.get());
                    view! { <VirtualList count=count row_height=TILE_ROW_HEIGHT label=text!(i18n, room.contents) row=tile_row/> }.into_any()
                }
                Some(Ok(v)) => {
                    let count = v.entries.len();
                    view! { <VirtualList count=count row_height=ROW_HEIGHT label=text!(i18n, room.contents) row=row/> }.into_any()
                }
            }}
            <p class="room-page__drop-hint" aria-hidden="true">{t!(i18n, room.drop_hint)}</p>
        </div>
    }
}
