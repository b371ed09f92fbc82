//! Recent and Favourites: one list of the entries the portal keeps for the user, each opened,
//! downloaded or (un)marked as a favourite from its row.

use docspace_api::models::{Entry, FolderContent, FolderType};
use docspace_api::{Client, Error};
use leptos::prelude::*;

use crate::components::{Button, EmptyState, ErrorState, Loading, VirtualList, use_toaster};
use crate::errors::user_message;
use crate::pages::room::entry_row::{EntryAction, EntryRow};
use crate::pages::room::place::set_favorite;
use crate::pages::room::transfer::{TransferKind, TransferList, Transfers};
use crate::state::use_session;
use crate::url::encode;

const ROW_HEIGHT: f64 = 52.0;
/// Entries per request (DocSpace's maximum), and at most this many pages.
const PAGE: u32 = 100;
const MAX_PAGES: u64 = 20;

/// Which section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Files the user opened.
    Recent,
    /// What the user marked.
    Favourites,
}

impl Section {
    fn texts(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Section::Recent => (
                "Recent",
                "No recent files",
                "Files you open are listed here, the latest first.",
            ),
            Section::Favourites => (
                "Favourites",
                "No favourites yet",
                "Choose “Add to favourites” in a file's menu to keep it here.",
            ),
        }
    }

    fn path(self) -> &'static str {
        match self {
            Section::Recent => "/recent",
            Section::Favourites => "/favourites",
        }
    }

    async fn load(self, client: &Client) -> Result<Vec<Entry>, Error> {
        let mut entries = Vec::new();
        for page in 0..MAX_PAGES {
            let folders = client.folders();
            let b = match self {
                Section::Recent => folders.recent(),
                Section::Favourites => folders.favorites(),
            };
            let v: FolderContent = b
                .start_index(page * u64::from(PAGE))
                .count(PAGE)
                .send()
                .await?;
            let total = v.total;
            let got = v.folders.len() + v.files.len();
            entries.extend(v.into_entries());
            if got == 0 || entries.len() as u64 >= total {
                break;
            }
        }
        Ok(entries)
    }
}

/// Where an entry opens: a folder's page in its room or in My documents, a file's editor.
fn hrefs(e: &Entry, back: &str) -> (String, Option<String>) {
    match e {
        Entry::Folder(f) => {
            let id = encode(&f.id.to_string());
            let href = if f.is_room() {
                format!("/rooms/{id}")
            } else if f.root_folder_type == Some(FolderType::User) {
                format!("/my/folders/{id}")
            } else if let Some(room) = &f.origin_room_id {
                format!("/rooms/{}/folders/{id}", encode(&room.to_string()))
            } else {
                "/rooms".to_string()
            };
            (href, None)
        }
        Entry::File(f) => {
            let id = encode(&f.id.to_string());
            let back = encode(back);
            (
                format!("/files/{id}?mode=edit&back={back}"),
                Some(format!("/files/{id}?mode=view&back={back}")),
            )
        }
    }
}

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
        EntryAction::Download(e) => transfers.start(
            TransferKind::Download,
            vec![e],
            None,
            Callback::new(|()| {}),
        ),
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
    let (title, empty_title, empty_text) = section.texts();
    view! {
        <div class="page page--fill section-page" data-testid=format!("section-{}", title.to_lowercase())>
            <div class="page-header"><h1>{title}</h1></div>
            <TransferList transfers=transfers/>
            {move || match data.get() {
                None => view! { <Loading label="Loading…"/> }.into_any(),
                Some(Err(e)) => view! {
                    <ErrorState title=format!("{title} could not be opened") message=user_message(&e)>
                        <Button on_click=Callback::new(move |_| reload.run(()))>"Try again"</Button>
                    </ErrorState>
                }.into_any(),
                Some(Ok(v)) if v.is_empty() => view! {
                    <EmptyState title=empty_title description=empty_text/>
                }.into_any(),
                Some(Ok(v)) => view! {
                    <VirtualList count=v.len() row_height=ROW_HEIGHT label=title row=row/>
                }.into_any(),
            }}
        </div>
    }
}
