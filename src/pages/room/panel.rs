//! The room page's dialogs: which one is open, its title and its content.

use docspace_api::Client;
use docspace_api::models::{Entry, File, FolderId, Room};
use docspace_sdk::picker::{FilePicker, PickKind, PickerConfig};
use leptos::prelude::*;

use super::details::{FileDetails, RoomInfo};
use super::links::Links;
use super::members::Members;
use super::name_form::NameForm;
use super::transfer::{TransferKind, Transfers, describe};
use crate::components::{Button, ButtonAppearance, Loading};
use crate::errors::user_message;

/// Which dialog is open.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Panel {
    NewFolder,
    NewFile(&'static str, &'static str),
    Rename(Entry),
    Destination(TransferKind, Vec<Entry>),
    AddFromRooms,
    ConfirmDelete(Vec<Entry>),
    Members,
    Links,
    Details(Box<File>),
    RoomInfo,
}

impl Panel {
    pub(super) fn title(&self) -> String {
        match self {
            Panel::NewFolder => "New folder".into(),
            Panel::NewFile(kind, _) => format!("New {kind}"),
            Panel::Rename(e) => format!("Rename “{}”", e.title()),
            Panel::Destination(TransferKind::Copy, e) => format!("Copy {} to…", describe(e)),
            Panel::Destination(_, e) => format!("Move {} to…", describe(e)),
            Panel::AddFromRooms => "Add files from other rooms".into(),
            Panel::ConfirmDelete(e) => format!("Delete {}?", describe(e)),
            Panel::Members => "Members".into(),
            Panel::Links => "External links".into(),
            Panel::Details(f) => format!("Details of “{}”", f.title),
            Panel::RoomInfo => "Room info".into(),
        }
    }
}

/// What a dialog acts on: the folder the page shows and its room, and what to do after.
pub(super) struct PanelScope {
    pub client: Client,
    pub room: FolderId,
    pub folder: FolderId,
    pub room_info: Option<Room>,
    pub transfers: Transfers,
    pub after_change: Callback<()>,
    pub close: Callback<()>,
}

impl Panel {
    /// The dialog's content.
    pub(super) fn body(self, scope: PanelScope) -> AnyView {
        let PanelScope {
            client,
            room,
            folder,
            room_info,
            transfers,
            after_change,
            close,
        } = scope;
        let client = StoredValue::new_local(client);
        match self {
            Panel::NewFolder => {
                let folder = folder.clone();
                view! {
                <NameForm label="Folder name" initial="" action="Create" on_cancel=close submit=move |name: String| {
                    let folder = folder.clone();
                    async move {
                        client.get_value().folders().create(folder, name).await.map_err(|e| user_message(&e))?;
                        close.run(());
                        after_change.run(());
                        Ok(())
                    }
                }/>
            }.into_any()
            }
            Panel::NewFile(_, ext) => {
                let folder = folder.clone();
                view! {
                <NameForm label="Name" initial="" action="Create" suffix=ext on_cancel=close submit=move |name: String| {
                    let folder = folder.clone();
                    async move {
                        let title = if name.to_ascii_lowercase().ends_with(ext) { name } else { format!("{name}{ext}") };
                        client.get_value().files().create(folder, title).send().await.map_err(|e| user_message(&e))?;
                        close.run(());
                        after_change.run(());
                        Ok(())
                    }
                }/>
            }.into_any()
            }
            Panel::Rename(entry) => {
                let initial = entry.title().to_string();
                view! {
                <NameForm label="New name" initial=initial action="Rename" on_cancel=close submit=move |name: String| {
                    let entry = entry.clone();
                    async move {
                        let c = client.get_value();
                        match entry {
                            Entry::File(f) => c.files().rename(f.id, name).await.map(|_| ()),
                            Entry::Folder(f) => c.folders().rename(f.id, name).await.map(|_| ()),
                        }
                        .map_err(|e| user_message(&e))?;
                        close.run(());
                        after_change.run(());
                        Ok(())
                    }
                }/>
            }.into_any()
            }
            Panel::Destination(kind, entries) => {
                let (accept, right) = if kind == TransferKind::Copy {
                    ("Copy here", "CopyTo")
                } else {
                    ("Move here", "MoveTo")
                };
                // "Copy here" acts on the folder the user has opened (no row to tick), and only
                // where the portal lets them copy or move into.
                let config = PickerConfig::new()
                    .pick(PickKind::Folders)
                    .single()
                    .folder_right(right)
                    .start_in(room.clone())
                    .accept_label(accept)
                    .title("Choose the destination folder");
                view! {
                    <FilePicker
                        client=client.get_value()
                        config=config
                        on_pick={move |picked: Vec<Entry>| {
                            if let Some(Entry::Folder(dest)) = picked.into_iter().next() {
                                close.run(());
                                transfers.start(kind, entries.clone(), Some(dest.id), after_change);
                            }
                        }}
                        on_cancel=close
                    />
                }
                .into_any()
            }
            Panel::AddFromRooms => {
                let config = PickerConfig::new()
                    .multiple(Some(20))
                    .accept_label("Copy into this folder")
                    .title("Choose files to copy here");
                view! {
                <FilePicker
                    client=client.get_value()
                    config=config
                    on_pick={move |picked: Vec<Entry>| {
                        close.run(());
                        transfers.start(TransferKind::Copy, picked, Some(folder.clone()), after_change);
                    }}
                    on_cancel=close
                />
            }.into_any()
            }
            Panel::ConfirmDelete(entries) => {
                let what = describe(&entries);
                let confirm = Callback::new(move |_| {
                    close.run(());
                    transfers.start(TransferKind::Delete, entries.clone(), None, after_change);
                });
                view! {
                <p>"Move " <strong>{what}</strong> " to the trash?"</p>
                <div class="dialog__actions">
                    <Button on_click=Callback::new(move |_| close.run(()))>"Cancel"</Button>
                    <span data-testid="confirm-delete-entries">
                        <Button appearance=ButtonAppearance::Danger on_click=confirm>"Delete"</Button>
                    </span>
                </div>
            }.into_any()
            }
            Panel::Members => match room_info {
                Some(r) => view! { <Members client=client.get_value() room=r/> }.into_any(),
                None => view! { <Loading label="Loading the room…"/> }.into_any(),
            },
            Panel::RoomInfo => match room_info {
                Some(r) => view! { <RoomInfo client=client.get_value() room=r/> }.into_any(),
                None => view! { <Loading label="Loading the room…"/> }.into_any(),
            },
            Panel::Links => match room_info {
                Some(r) => view! { <Links client=client.get_value() room=r/> }.into_any(),
                None => view! { <Loading label="Loading the room…"/> }.into_any(),
            },
            Panel::Details(file) => {
                // Links are the room's access: managed with its `EditAccess`.
                let manage = room_info
                    .as_ref()
                    .is_some_and(|r| r.security.can("EditAccess"));
                let kind = room_info.and_then(|r| r.room_type);
                view! { <FileDetails client=client.get_value() file=*file room_type=kind can_manage_links=manage on_changed=after_change/> }.into_any()
            }
        }
    }
}
