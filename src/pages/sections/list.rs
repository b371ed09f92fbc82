//! Recent and Favourites: one list of the entries the portal keeps for the user, each opened,
//! downloaded or (un)marked as a favourite from its row.

use docspace_api::Client;
use leptos::prelude::*;

use crate::components::{Button, EmptyState, ErrorState, Loading, VirtualList, use_toaster};
use crate::errors::user_message;
use crate::pages::room::entry_row::{EntryAction, EntryRow};
use crate::pages::room::place::set_favorite;
use crate::pages::room::transfer::{TransferList, Transfers};
use crate::state::use_session;

pub use super::section::Section;
use super::section::hrefs;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::text;

const ROW_HEIGHT: f64 = 52.0;

/// The page of one section.
#[component]
pub fn SectionPage(section: Section) -> impl IntoView {
    let session = use_session();
    move || {
        session
            .client()
            .map(|client| view! { <SectionList client=client section=section/> })
    }
}

#[component]
fn SectionList(client: Client, section: Section) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let transfers = Transfers::new(client.clone(), toaster);
    let client = StoredValue::new_local(client);
    let version = RwSignal::new(0u32);
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    let data = LocalResource::new(move || {
        version.track();
        async move { section.load(&client.get_value()).await }
    });
    let entries = Memo::new(move |_| data.get().and_then(|r| r.ok()).unwrap_or_default());
    let on_action = Callback::new(move |a: EntryAction| match a {
        EntryAction::Download(e) => transfers.download(vec![e]),
        EntryAction::Favorite(e, add) => set_favorite(client.get_value(), e, add, toaster, reload),
        _ => {}
    });
    let row = move |i: usize| {
        let entry = Memo::new(move |_| entries.with(|e| e.get(i).cloned()));
        move || {
            entry.get().map(|e| {
                let (open_href, viewer_href) = hrefs(&e, section.path());
                view! {
                    <EntryRow
                        entry=e
                        open_href=open_href
                        viewer_href=viewer_href
                        selected=Signal::derive(|| false)
                        on_select=Callback::new(|_: bool| {})
                        on_action=on_action
                        limited=true
                    />
                }
            })
        }
    };
    let texts = move || section.texts(i18n.get_locale());
    let title = move || texts().0;
    view! {
        <div class="page page--fill section-page" data-testid=format!("section-{}", section.key())>
            <div class="page-header"><h1>{title}</h1></div>
            <TransferList transfers=transfers/>
            {move || match data.get() {
                None => view! { <Loading label=text!(i18n, sections.loading)/> }.into_any(),
                Some(Err(e)) => view! {
                    <ErrorState title=Signal::derive(move || t_string!(i18n, sections.open_failed, section = title()).to_string()) message=user_message(&e)>
                        <Button on_click=Callback::new(move |_| reload.run(()))>{t!(i18n, common.try_again)}</Button>
                    </ErrorState>
                }.into_any(),
                Some(Ok(v)) if v.is_empty() => view! {
                    <EmptyState title=Signal::derive(move || texts().1.to_string()) description=Signal::derive(move || texts().2.to_string())/>
                }.into_any(),
                Some(Ok(v)) => view! {
                    <VirtualList count=v.len() row_height=ROW_HEIGHT label=Signal::derive(move || title().to_string()) row=row/>
                }.into_any(),
            }}
        </div>
    }
}
