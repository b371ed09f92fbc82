//! A room or one of its folders: breadcrumbs, the entries (sortable), creating folders and
//! documents, uploads by button and drag and drop, rename, copy, move and delete with progress,
//! files added from other rooms through the file picker, members and external links, and a
//! file's details (versions and links).

mod conflict;
mod details;
mod entries;
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
mod toolbar;
pub(crate) mod transfer;
mod upload;

use std::collections::HashSet;

use docspace_api::Client;
use docspace_api::models::{Entry, FolderId};
use docspace_sdk::picker::EntryKey;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use self::entries::EntriesArea;
use self::entry_row::EntryAction;
use self::filter_bar::FilterBar;
use self::filters::FolderFilters;
use self::panel::{Panel, PanelScope};
use self::place::{Place, set_favorite};
use self::toolbar::{BulkActions, FolderCommands};
use self::transfer::{TransferKind, TransferList, Transfers};
use self::upload::{UploadList, Uploads};
use crate::catalog::room_type_label;
use crate::components::{Breadcrumbs, Dialog, use_toaster};
use crate::i18n::use_i18n;
use crate::state::use_session;
use crate::url::{decode, encode};

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

/// What the folder page's parts share: where the page is, what is selected, the uploads, and
/// what runs after a change.
#[derive(Clone, Copy)]
pub(crate) struct FolderState {
    place: StoredValue<Place>,
    folder: StoredValue<FolderId>,
    selection: RwSignal<HashSet<EntryKey>>,
    uploads: Uploads,
    /// Clears the selection and reloads the listing.
    after_change: Callback<()>,
    /// Reloads the listing.
    reload: Callback<()>,
}

/// A folder of a room or of My documents: its entries and everything done to them.
#[component]
pub(crate) fn FolderPage(client: Client, place: Place, folder: FolderId) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let query = use_query_map();
    let filters = Memo::new(move |_| query.with(FolderFilters::from_query));
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
    let open_panel = Callback::new(move |p: Panel| {
        panel.set(Some(p));
        panel_open.set(true);
    });
    let close_panel = Callback::new(move |()| panel_open.set(false));

    let entries = Memo::new(move |_| {
        view_data
            .get()
            .and_then(|r| r.ok())
            .map(|v| v.entries)
            .unwrap_or_default()
    });
    let after_change = Callback::new(move |()| {
        selection.set(HashSet::new());
        reload.run(());
    });
    let page = FolderState {
        place,
        folder,
        selection,
        uploads,
        after_change,
        reload,
    };

    let on_action = Callback::new(move |a: EntryAction| match a {
        EntryAction::Rename(e) => open_panel.run(Panel::Rename(e)),
        EntryAction::Copy(e) => open_panel.run(Panel::Destination(TransferKind::Copy, vec![e])),
        EntryAction::Move(e) => open_panel.run(Panel::Destination(TransferKind::Move, vec![e])),
        EntryAction::Delete(e) => open_panel.run(Panel::ConfirmDelete(vec![e])),
        EntryAction::Details(Entry::File(f)) => open_panel.run(Panel::Details(f)),
        EntryAction::Details(Entry::Folder(_)) => {}
        EntryAction::Download(e) => transfers.download(vec![e]),
        EntryAction::Favorite(e, add) => set_favorite(client.get_value(), e, add, toaster, reload),
    });

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
    let can_create = Signal::derive(move || {
        view_data
            .get()
            .and_then(|r| r.ok())
            .is_some_and(|v| v.current.security.can("Create"))
    });
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
                <FolderCommands page=page can_create=can_create open_panel=open_panel/>
            </div>
            <div class="toolbar room-page__bar">
                <FilterBar filters=filters/>
                <BulkActions selection=selection entries=entries transfers=transfers open_panel=open_panel/>
            </div>
            <TransferList transfers=transfers/>
            <UploadList uploads=uploads/>
            <EntriesArea view_data=view_data entries=entries filters=filters page=page on_action=on_action/>
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
