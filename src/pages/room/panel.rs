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
use crate::i18n::{Locale, t, t_string, td_string, use_i18n};
use crate::locale::text;

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
    /// The dialog's title, in `locale`.
    pub(super) fn title(&self, locale: Locale) -> String {
        match self {
            Panel::NewFolder => td_string!(locale, room.panel.new_folder).into(),
            Panel::NewFile("spreadsheet", _) => {
                td_string!(locale, room.panel.new_spreadsheet).into()
            }
            Panel::NewFile("presentation", _) => {
                td_string!(locale, room.panel.new_presentation).into()
            }
            Panel::NewFile("form", _) => td_string!(locale, room.panel.new_form).into(),
            Panel::NewFile(..) => td_string!(locale, room.panel.new_document).into(),
            Panel::Rename(e) => {
                td_string!(locale, room.panel.rename, title = e.title()).to_string()
            }
            Panel::Destination(TransferKind::Copy, e) => {
                td_string!(locale, room.panel.copy_to, what = describe(e, locale)).to_string()
            }
            Panel::Destination(_, e) => {
                td_string!(locale, room.panel.move_to, what = describe(e, locale)).to_string()
            }
            Panel::AddFromRooms => td_string!(locale, room.panel.add_from_rooms).into(),
            Panel::ConfirmDelete(e) => {
                td_string!(locale, room.panel.delete, what = describe(e, locale)).to_string()
            }
            Panel::Members => td_string!(locale, room.members).into(),
            Panel::Links => td_string!(locale, room.panel.external_links).into(),
            Panel::Details(f) => {
                td_string!(locale, room.panel.details, title = &f.title).to_string()
            }
            Panel::RoomInfo => td_string!(locale, room.panel.room_info).into(),
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
        let i18n = use_i18n();
        let loading_room =
            move || view! { <Loading label=text!(i18n, room.panel.loading_room)/> }.into_any();
        match self {
            Panel::NewFolder => {
                let folder = folder.clone();
                view! {
                <NameForm label=text!(i18n, room.panel.folder_name) initial="" action=text!(i18n, room.panel.create) on_cancel=close submit=move |name: String| {
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
                <NameForm label=text!(i18n, room.panel.name) initial="" action=text!(i18n, room.panel.create) suffix=ext on_cancel=close submit=move |name: String| {
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
                <NameForm label=text!(i18n, room.panel.new_name) initial=initial action=text!(i18n, room.panel.rename_action) on_cancel=close submit=move |name: String| {
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
                    (t_string!(i18n, room.panel.copy_here), "CopyTo")
                } else {
                    (t_string!(i18n, room.panel.move_here), "MoveTo")
                };
                // "Copy here" acts on the folder the user has opened (no row to tick), and only
                // where the portal lets them copy or move into.
                let config = PickerConfig::new()
                    .pick(PickKind::Folders)
                    .single()
                    .folder_right(right)
                    .start_in(room.clone())
                    .accept_label(accept)
                    .title(t_string!(i18n, room.panel.choose_destination));
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
                    .accept_label(t_string!(i18n, room.panel.copy_into))
                    .title(t_string!(i18n, room.panel.choose_files));
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
                let what = describe(&entries, i18n.get_locale_untracked());
                let confirm = Callback::new(move |_| {
                    close.run(());
                    transfers.start(TransferKind::Delete, entries.clone(), None, after_change);
                });
                view! {
                <p>{t!(i18n, room.panel.to_trash, what, <strong> = <strong/>)}</p>
                <div class="dialog__actions">
                    <Button on_click=Callback::new(move |_| close.run(()))>{t!(i18n, common.cancel)}</Button>
                    <span data-testid="confirm-delete-entries">
                        <Button appearance=ButtonAppearance::Danger on_click=confirm>{t!(i18n, common.delete)}</Button>
                    </span>
                </div>
            }.into_any()
            }
            Panel::Members => match room_info {
                Some(r) => view! { <Members client=client.get_value() room=r/> }.into_any(),
                None => loading_room(),
            },
            Panel::RoomInfo => match room_info {
                Some(r) => view! { <RoomInfo client=client.get_value() room=r/> }.into_any(),
                None => loading_room(),
            },
            Panel::Links => match room_info {
                Some(r) => view! { <Links client=client.get_value() room=r/> }.into_any(),
                None => loading_room(),
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
