//! The user's own sections, as DocSpace 3.x's web UI has them beside Rooms: My documents (a
//! folder view like a room's, without the room's members and links; guests have none), Recent
//! (the files they opened, latest first) and Favourites (what they marked).

mod list;
mod section;

use docspace_api::Client;
use docspace_api::models::FolderId;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

pub use self::list::{Section, SectionPage};
use crate::components::{Button, ErrorState, Loading};
use crate::errors::user_message;
use crate::i18n::{t, use_i18n};
use crate::locale::text;
use crate::pages::room::FolderPage;
use crate::pages::room::place::Place;
use crate::state::use_session;
use crate::url::decode;

/// `/my` and `/my/folders/:folder`.
#[component]
pub fn MyDocumentsPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let folder = Memo::new(move |_| params.with(|p| p.get("folder").map(|f| decode(&f))));
    move || {
        let client = session.client()?;
        Some(match folder.get() {
            Some(f) => {
                view! { <FolderPage client=client place=Place::My folder=FolderId::from(f)/> }
                    .into_any()
            }
            None => view! { <MyRoot client=client/> }.into_any(),
        })
    }
}

/// My documents' own folder: its id first (uploads and new folders need the number, not `@my`).
#[component]
fn MyRoot(client: Client) -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0u32);
    let lookup = client.clone();
    let root = LocalResource::new(move || {
        version.track();
        let c = lookup.clone();
        async move {
            c.folders()
                .my_documents()
                .count(1)
                .send()
                .await
                .map(|v| v.current.id)
        }
    });
    let client = StoredValue::new_local(client);
    move || {
        match root.get() {
        None => view! { <Loading label=text!(i18n, sections.opening_my)/> }.into_any(),
        Some(Err(e)) => view! {
            <div class="page">
                <ErrorState title=text!(i18n, sections.my_failed) message=user_message(&e)>
                    <Button on_click=Callback::new(move |_| version.update(|v| *v += 1))>{t!(i18n, common.try_again)}</Button>
                </ErrorState>
            </div>
        }
        .into_any(),
        Some(Ok(id)) => {
            view! { <FolderPage client=client.get_value() place=Place::My folder=id/> }.into_any()
        }
    }
    }
}

/// `/recent`.
#[component]
pub fn RecentPage() -> impl IntoView {
    view! { <SectionPage section=Section::Recent/> }
}

/// `/favourites`.
#[component]
pub fn FavouritesPage() -> impl IntoView {
    view! { <SectionPage section=Section::Favourites/> }
}
