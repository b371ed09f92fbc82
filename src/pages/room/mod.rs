//! A room or one of its folders: breadcrumbs, the entries (sortable), creating folders and
//! documents, uploads by button and drag and drop, rename, copy, move and delete with progress,
//! files added from other rooms through the file picker, members and external links, and a
//! file's details (versions and links).

mod conflict;
mod details;
pub(crate) mod entry_row;
mod filter_bar;
pub(crate) mod filters;
mod links;
pub(crate) mod listing;
mod member_picker;
mod members;
mod name_form;
mod panel;
mod perform;
pub(crate) mod place;
pub(crate) mod transfer;
mod upload;

use std::collections::HashSet;

use docspace_api::Client;
use docspace_api::models::{Entry, FolderId};
use docspace_sdk::picker::EntryKey;
use docspace_sdk::picker::{Mark, MarkIcon};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

use self::entry_row::{EntryAction, EntryRow, entry_can};
use self::filter_bar::{FilterBar, use_set_filters};
use self::filters::{FolderFilters, Layout};
use self::panel::{Panel, PanelScope};
use self::place::{Place, set_favorite};
use self::transfer::{TransferKind, TransferList, Transfers};
use self::upload::{UploadList, Uploads};
use crate::catalog::room_type_label;
use crate::components::{
    Breadcrumbs, Button, ButtonAppearance, Dialog, EmptyState, ErrorState, Loading, Menu, MenuItem,
    VirtualList, use_toaster,
};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{counted, said, text};
use crate::picked_files::{chosen_files, chosen_folder, dropped, forget_choice};
use crate::state::use_session;
use crate::url::{decode, encode};

const ROW_HEIGHT: f64 = 52.0;
/// A row of tiles: the tile and the gap below it.
const TILE_ROW_HEIGHT: f64 = 168.0;
/// The narrowest a tile gets; the grid fits as many as the list's width holds.
const TILE_MIN_WIDTH: f64 = 176.0;

/// The path of folder `folder` in room `room`.
pub fn folder_href(room: &FolderId, folder: &FolderId) -> String {
    if room == folder {
        format!("/rooms/{}", encode(&room.to_string()))
    } else {
        format!(
            "/rooms/{}/folders/{}",
            encode(&room.to_string()),
            encode(&folder.to_string())
        )
    }
}

/// The route's room page.
#[component]
pub fn RoomPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let ids = Memo::new(move |_| {
        params.with(|p| {
            let room = p.get("room").map(|r| FolderId::from(decode(&r)));
            let folder = p.get("folder").map(|f| FolderId::from(decode(&f)));
            room.map(|r| (r.clone(), folder.unwrap_or(r)))
        })
    });
    move || match (session.client(), ids.get()) {
        (Some(client), Some((room, folder))) => {
            view! { <FolderPage client=client place=Place::Room(room) folder=folder/> }.into_any()
        }
        _ => ().into_any(),
    }
}

/// A folder of a room or of My documents: its entries and everything done to them.
#[component]
pub(crate) fn FolderPage(client: Client, place: Place, folder: FolderId) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let query = use_query_map();
    let location = use_location();
    let filters = Memo::new(move |_| query.with(FolderFilters::from_query));
    let set_filters = StoredValue::new_local(use_set_filters());
    let version = RwSignal::new(0u32);
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    let uploads = Uploads::new(client.clone());
    let transfers = Transfers::new(client.clone(), toaster);
    let client = StoredValue::new_local(client);
    // The room (for My documents, the folder: where the pickers start).
    let room = StoredValue::new(match &place {
        Place::Room(r) => r.clone(),
        Place::My => folder.clone(),
    });
    let place = StoredValue::new(place);
    let folder = StoredValue::new(folder);

    // A memo of its own, so that a change of layout alone does not fetch the listing again.
    let asked = Memo::new(move |_| filters.with(FolderFilters::listing_part));
    let view_data = LocalResource::new(move || {
        version.track();
        let f = asked.get();
        async move { listing::load(&client.get_value(), folder.get_value(), &f).await }
    });
    let room_info = LocalResource::new(move || async move {
        if !place.with_value(Place::is_room) {
            return None;
        }
        client.get_value().rooms().get(room.get_value()).await.ok()
    });

    let selection = RwSignal::new(HashSet::<EntryKey>::new());
    let panel = RwSignal::new(None::<Panel>);
    let panel_open = RwSignal::new(false);
    Effect::new(move |_| {
        if !panel_open.get() {
            panel.set(None);
        }
    });
    let open_panel = move |p: Panel| {
        panel.set(Some(p));
        panel_open.set(true);
    };
    let close_panel = Callback::new(move |()| panel_open.set(false));

    let entries = Memo::new(move |_| {
        view_data
            .get()
            .and_then(|r| r.ok())
            .map(|v| v.entries)
            .unwrap_or_default()
    });
    let selected_entries = move || {
        let keys = selection.get_untracked();
        entries
            .get_untracked()
            .into_iter()
            .filter(|e| keys.contains(&EntryKey::of(e)))
            .collect::<Vec<_>>()
    };
    let after_change = Callback::new(move |()| {
        selection.set(HashSet::new());
        reload.run(());
    });

    let on_action = Callback::new(move |a: EntryAction| match a {
        EntryAction::Rename(e) => open_panel(Panel::Rename(e)),
        EntryAction::Copy(e) => open_panel(Panel::Destination(TransferKind::Copy, vec![e])),
        EntryAction::Move(e) => open_panel(Panel::Destination(TransferKind::Move, vec![e])),
        EntryAction::Delete(e) => open_panel(Panel::ConfirmDelete(vec![e])),
        EntryAction::Details(Entry::File(f)) => open_panel(Panel::Details(f)),
        EntryAction::Details(Entry::Folder(_)) => {}
        EntryAction::Download(e) => transfers.download(vec![e]),
        EntryAction::Favorite(e, add) => set_favorite(client.get_value(), e, add, toaster, reload),
    });
    let download_selected = move |_| transfers.download(selected_entries());
    let may_download_selected = move || {
        let chosen = selected_entries();
        selection.track();
        chosen.iter().all(|e| entry_can(e, "Download"))
    };

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
        let into = folder.get_value();
        leptos::task::spawn_local(async move {
            match items.files().await {
                Ok(files) => uploads.add_picked(files, into, after_change),
                Err(e) => toaster.error(said!(room.uploads.folder_unread), e),
            }
        });
    };

    let new_items = vec![
        MenuItem::new(text!(i18n, room.create_menu.folder), move || {
            open_panel(Panel::NewFolder)
        })
        .test_id("new-folder"),
        MenuItem::new(text!(i18n, room.create_menu.document), move || {
            open_panel(Panel::NewFile("document", ".docx"))
        })
        .test_id("new-document"),
        MenuItem::new(text!(i18n, room.create_menu.spreadsheet), move || {
            open_panel(Panel::NewFile("spreadsheet", ".xlsx"))
        })
        .test_id("new-spreadsheet"),
        MenuItem::new(text!(i18n, room.create_menu.presentation), move || {
            open_panel(Panel::NewFile("presentation", ".pptx"))
        })
        .test_id("new-presentation"),
        MenuItem::new(text!(i18n, room.create_menu.form), move || {
            open_panel(Panel::NewFile("form", ".pdf"))
        })
        .test_id("new-form"),
    ];

    let crumbs = Signal::derive(move || match view_data.get() {
        Some(Ok(v)) => place.with_value(|p| p.crumbs(&v.path, i18n.get_locale())),
        _ => place.with_value(|p| p.crumbs(&[], i18n.get_locale())),
    });
    let heading = move || match view_data.get() {
        Some(Ok(v)) => v.current.title,
        _ => String::new(),
    };
    // What the folder's `security` allows the user: creating and uploading need `Create`,
    // members and links `EditAccess` (DocSpace's web UI hides these commands otherwise).
    let allows = move |action: &'static str| {
        Signal::derive(move || {
            view_data
                .get()
                .and_then(|r| r.ok())
                .is_some_and(|v| v.current.security.can(action))
        })
    };
    let can_create = allows("Create");
    let room_kind = move || {
        room_info
            .get()
            .flatten()
            .and_then(|r| r.room_type)
            .map(|t| room_type_label(t, i18n.get_locale()))
    };

    view! {
        <div class="page page--fill room-page">
            <Breadcrumbs crumbs=crumbs/>
            <div class="page-header">
                <div class="room-page__title">
                    <h1 data-testid="folder-title">{heading}</h1>
                    <span class="muted">{room_kind}</span>
                </div>
                <div class="toolbar">
                    <Show when=move || can_create.get()>
                        <Menu label=text!(i18n, room.create_menu.menu) items=new_items.clone()>
                            <span class="btn btn--secondary" data-testid="new-menu">{t!(i18n, room.create_menu.button)}" "<MarkIcon mark=Mark::Expanded/></span>
                        </Menu>
                        <label class="btn btn--primary room-page__upload" data-testid="upload-button">
                            {t!(i18n, room.upload)}
                            <input
                                type="file"
                                multiple=true
                                class="visually-hidden"
                                data-testid="upload-input"
                                on:change=move |ev| {
                                    if let Some(files) = chosen_files(&ev) {
                                        uploads.add(files, folder.get_value(), after_change);
                                    }
                                    forget_choice(&ev);
                                }
                            />
                        </label>
                        // A folder with everything in it, as DocSpace's "Upload folder".
                        <label class="btn btn--secondary room-page__upload" data-testid="upload-folder-button">
                            {t!(i18n, room.upload_folder)}
                            <input
                                type="file"
                                prop:webkitdirectory=true
                                multiple=true
                                class="visually-hidden"
                                data-testid="upload-folder-input"
                                on:change=move |ev| {
                                    let files = chosen_folder(&ev);
                                    if !files.is_empty() {
                                        uploads.add_picked(files, folder.get_value(), after_change);
                                    }
                                    forget_choice(&ev);
                                }
                            />
                        </label>
                        <span data-testid="add-from-rooms">
                            <Button on_click=Callback::new(move |_| open_panel(Panel::AddFromRooms))>{t!(i18n, room.add_from_rooms)}</Button>
                        </span>
                    </Show>
                    <Show when=move || place.with_value(Place::is_room)>
                    <span data-testid="open-room-info">
                        <Button appearance=ButtonAppearance::Subtle on_click=Callback::new(move |_| open_panel(Panel::RoomInfo))>{t!(i18n, room.info_button)}</Button>
                    </span>
                    <span data-testid="open-members">
                        <Button appearance=ButtonAppearance::Subtle on_click=Callback::new(move |_| open_panel(Panel::Members))>{t!(i18n, room.members)}</Button>
                    </span>
                    <span data-testid="open-links">
                        <Button appearance=ButtonAppearance::Subtle on_click=Callback::new(move |_| open_panel(Panel::Links))>{t!(i18n, room.links)}</Button>
                    </span>
                    </Show>
                </div>
            </div>
            <div class="toolbar room-page__bar">
                <FilterBar filters=filters/>
                <Show when=move || selection.with(|s| !s.is_empty())>
                    <div class="room-page__bulk" role="group" aria-label=move || t_string!(i18n, room.selected_items) data-testid="bulk-actions">
                        <span>{move || counted!(i18n.get_locale(), selection.with(HashSet::len) as u64, room.selected)}</span>
                        <Show when=may_download_selected>
                            <span data-testid="bulk-download"><Button on_click=Callback::new(download_selected)>{t!(i18n, room.download)}</Button></span>
                        </Show>
                        <Button on_click=Callback::new(move |_| open_panel(Panel::Destination(TransferKind::Copy, selected_entries())))>{t!(i18n, room.copy_to)}</Button>
                        <Button on_click=Callback::new(move |_| open_panel(Panel::Destination(TransferKind::Move, selected_entries())))>{t!(i18n, room.move_to)}</Button>
                        <Button appearance=ButtonAppearance::Danger on_click=Callback::new(move |_| open_panel(Panel::ConfirmDelete(selected_entries())))>{t!(i18n, rooms.menu.delete)}</Button>
                        <Button appearance=ButtonAppearance::Subtle on_click=Callback::new(move |_| selection.set(HashSet::new()))>{t!(i18n, room.clear)}</Button>
                    </div>
                </Show>
            </div>
            <TransferList transfers=transfers/>
            <UploadList uploads=uploads/>
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
                            <Button on_click=Callback::new(move |_| reload.run(()))>{t!(i18n, common.try_again)}</Button>
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
        </div>
        <Dialog open=panel_open wide=true title=Signal::derive(move || panel.with(|p| p.as_ref().map(|p| p.title(i18n.get_locale())).unwrap_or_default()))>
            {move || panel.get().map(|p| p.body(PanelScope {
                client: client.get_value(),
                room: room.get_value(),
                folder: folder.get_value(),
                room_info: room_info.get().flatten(),
                transfers,
                after_change,
                close: close_panel,
            }))}
        </Dialog>
    }
}
