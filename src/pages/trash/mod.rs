//! The Trash, as DocSpace's web UI keeps it: what the user deleted, where from and when; each
//! entry downloaded, restored to where it was deleted from (asking first, as for a move, when a
//! name there is taken again), or deleted forever, one at a time or several selected; and
//! "Empty Trash", after a confirmation. Every action shows its progress and says how it ended.

mod confirm;
mod row;

use std::collections::HashSet;

use docspace_api::Client;
use docspace_api::models::{Entry, FolderId};
use docspace_sdk::picker::EntryKey;
use leptos::prelude::*;

use self::confirm::{Confirm, ConfirmDialog};
use self::row::{TrashAction, TrashRow};
use crate::components::{
    Button, ButtonAppearance, EmptyState, ErrorState, Loading, VirtualList, use_toaster,
};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{counted, text};
use crate::pages::room::filters::EntrySort;
use crate::pages::room::filters::FolderFilters;
use crate::pages::room::listing;
use crate::pages::room::transfer::{TransferKind, TransferList, Transfers};
use crate::state::use_session;

const ROW_HEIGHT: f64 = 52.0;

/// The route's page.
#[component]
pub fn TrashPage() -> impl IntoView {
    let session = use_session();
    move || {
        session
            .client()
            .map(|client| view! { <Trash client=client/> })
    }
}

#[component]
fn Trash(client: Client) -> impl IntoView {
    let i18n = use_i18n();
    let transfers = Transfers::new(client.clone(), use_toaster());
    let client = StoredValue::new_local(client);
    let version = RwSignal::new(0u32);
    // Newest deletions first, as DocSpace lists its Trash.
    let data = LocalResource::new(move || {
        version.track();
        async move {
            let newest_first = FolderFilters {
                sort: EntrySort::Updated,
                ascending: false,
                ..FolderFilters::default()
            };
            listing::load(&client.get_value(), FolderId::from("@trash"), &newest_first).await
        }
    });
    let entries = Memo::new(move |_| {
        data.get()
            .and_then(|r| r.ok())
            .map(|v| v.entries)
            .unwrap_or_default()
    });
    let selection = RwSignal::new(HashSet::<EntryKey>::new());
    let selected = move || {
        let keys = selection.get();
        entries.with(|all| {
            all.iter()
                .filter(|e| keys.contains(&EntryKey::of(e)))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let after = Callback::new(move |()| {
        selection.set(HashSet::new());
        version.update(|v| *v += 1);
    });
    let confirm = RwSignal::new(None::<Confirm>);
    let act = move |action: TrashAction, chosen: Vec<Entry>| match action {
        TrashAction::Download => transfers.download(chosen),
        TrashAction::Restore => transfers.start(TransferKind::Restore, chosen, None, after),
        TrashAction::DeleteForever => confirm.set(Some(Confirm::DeleteForever(chosen))),
    };
    let on_confirmed = Callback::new(move |c: Confirm| match c {
        Confirm::DeleteForever(chosen) => {
            transfers.start(TransferKind::DeleteForever, chosen, None, after)
        }
        Confirm::EmptyTrash => transfers.start(TransferKind::EmptyTrash, Vec::new(), None, after),
    });
    let row = move |i: usize| {
        let entry = Memo::new(move |_| entries.with(|e| e.get(i).cloned()));
        move || {
            entry.get().map(|e| {
                let key = EntryKey::of(&e);
                let k = key.clone();
                view! {
                    <TrashRow
                        entry=e
                        selected=Signal::derive(move || selection.with(|s| s.contains(&k)))
                        on_select=Callback::new(move |on: bool| selection.update(|s| {
                            if on { s.insert(key.clone()); } else { s.remove(&key); }
                        }))
                        on_action=Callback::new(move |(a, e): (TrashAction, Entry)| act(a, vec![e]))
                    />
                }
            })
        }
    };
    let bulk = move |a: TrashAction| {
        let appearance = if a == TrashAction::DeleteForever {
            ButtonAppearance::Danger
        } else {
            ButtonAppearance::Secondary
        };
        view! {
            <Show when=move || a.allowed(&selected())>
                <span data-testid=format!("trash-bulk-{}", a.key())>
                    <Button appearance=appearance on_click=Callback::new(move |_| act(a, selected()))>{move || a.label(i18n)}</Button>
                </span>
            </Show>
        }
    };
    view! {
        <div class="page page--fill trash-page">
            <div class="page-header">
                <h1>{t!(i18n, nav.trash)}</h1>
                <div class="toolbar">
                    <span data-testid="empty-trash">
                        <Button
                            appearance=ButtonAppearance::Danger
                            disabled=Signal::derive(move || entries.with(Vec::is_empty))
                            on_click=Callback::new(move |_| confirm.set(Some(Confirm::EmptyTrash)))
                        >{t!(i18n, trash.empty_trash)}</Button>
                    </span>
                </div>
            </div>
            <div class="toolbar trash-page__bar">
                <Show when=move || selection.with(|s| !s.is_empty())>
                    <div class="room-page__bulk" role="group" aria-label=move || t_string!(i18n, room.selected_items) data-testid="trash-bulk">
                        <span>{move || counted!(i18n.get_locale(), selection.with(HashSet::len) as u64, room.selected)}</span>
                        {bulk(TrashAction::Download)}
                        {bulk(TrashAction::Restore)}
                        {bulk(TrashAction::DeleteForever)}
                        <Button appearance=ButtonAppearance::Subtle on_click=Callback::new(move |_| selection.set(HashSet::new()))>{t!(i18n, room.clear)}</Button>
                    </div>
                </Show>
            </div>
            <TransferList transfers=transfers/>
            {move || match data.get() {
                None => view! { <Loading label=text!(i18n, trash.loading)/> }.into_any(),
                Some(Err(e)) => view! {
                    <ErrorState title=text!(i18n, trash.open_failed) message=user_message(&e)>
                        <Button on_click=Callback::new(move |_| version.update(|v| *v += 1))>{t!(i18n, common.try_again)}</Button>
                    </ErrorState>
                }.into_any(),
                Some(Ok(v)) if v.entries.is_empty() => view! {
                    <EmptyState title=text!(i18n, trash.empty) description=text!(i18n, trash.empty_hint)/>
                }.into_any(),
                Some(Ok(v)) => view! {
                    <VirtualList count=v.entries.len() row_height=ROW_HEIGHT label=text!(i18n, trash.contents) row=row/>
                }.into_any(),
            }}
        </div>
        <ConfirmDialog pending=confirm on_confirm=on_confirmed/>
    }
}
