//! The folder page's commands: creating (a menu of folder and document kinds), uploading files
//! or a whole folder, adding files from other rooms; in a room, its info, members and links;
//! and, while entries are selected, what can be done to all of them at once.

use std::collections::HashSet;

use docspace_api::models::Entry;
use docspace_sdk::picker::{EntryKey, Mark, MarkIcon};
use leptos::prelude::*;

use super::FolderState;
use super::entry_row::entry_can;
use super::panel::Panel;
use super::place::Place;
use super::transfer::{TransferKind, Transfers};
use crate::components::{Button, ButtonAppearance, Menu, MenuItem};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{counted, text};
use crate::picked_files::{chosen_files, chosen_folder, forget_choice};

/// The page header's commands. Creating and uploading are offered where the folder allows
/// `Create`; a room's info, members and links only in a room.
#[component]
pub(super) fn FolderCommands(
    page: FolderState,
    can_create: Signal<bool>,
    open_panel: Callback<Panel>,
) -> impl IntoView {
    let i18n = use_i18n();
    let FolderState {
        place,
        folder,
        uploads,
        after_change,
        ..
    } = page;
    let create = |label, panel: fn() -> Panel, test_id| {
        MenuItem::new(label, move || open_panel.run(panel())).test_id(test_id)
    };
    let new_items = vec![
        create(
            text!(i18n, room.create_menu.folder),
            || Panel::NewFolder,
            "new-folder",
        ),
        create(
            text!(i18n, room.create_menu.document),
            || Panel::NewFile("document", ".docx"),
            "new-document",
        ),
        create(
            text!(i18n, room.create_menu.spreadsheet),
            || Panel::NewFile("spreadsheet", ".xlsx"),
            "new-spreadsheet",
        ),
        create(
            text!(i18n, room.create_menu.presentation),
            || Panel::NewFile("presentation", ".pptx"),
            "new-presentation",
        ),
        create(
            text!(i18n, room.create_menu.form),
            || Panel::NewFile("form", ".pdf"),
            "new-form",
        ),
    ];
    let opens = move |panel: fn() -> Panel| Callback::new(move |_| open_panel.run(panel()));

    view! {
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
                    <Button on_click=opens(|| Panel::AddFromRooms)>{t!(i18n, room.add_from_rooms)}</Button>
                </span>
            </Show>
            <Show when=move || place.with_value(Place::is_room)>
                <span data-testid="open-room-info">
                    <Button appearance=ButtonAppearance::Subtle on_click=opens(|| Panel::RoomInfo)>{t!(i18n, room.info_button)}</Button>
                </span>
                <span data-testid="open-members">
                    <Button appearance=ButtonAppearance::Subtle on_click=opens(|| Panel::Members)>{t!(i18n, room.members)}</Button>
                </span>
                <span data-testid="open-links">
                    <Button appearance=ButtonAppearance::Subtle on_click=opens(|| Panel::Links)>{t!(i18n, room.links)}</Button>
                </span>
            </Show>
        </div>
    }
}

/// What can be done to every selected entry at once: download (when each of them allows it),
/// copy, move, delete; and clearing the selection.
#[component]
pub(super) fn BulkActions(
    selection: RwSignal<HashSet<EntryKey>>,
    entries: Memo<Vec<Entry>>,
    transfers: Transfers,
    open_panel: Callback<Panel>,
) -> impl IntoView {
    let i18n = use_i18n();
    let selected_entries = move || {
        let keys = selection.get_untracked();
        entries
            .get_untracked()
            .into_iter()
            .filter(|e| keys.contains(&EntryKey::of(e)))
            .collect::<Vec<_>>()
    };
    let may_download_selected = move || {
        let chosen = selected_entries();
        selection.track();
        chosen.iter().all(|e| entry_can(e, "Download"))
    };
    let opens = move |panel: fn(Vec<Entry>) -> Panel| {
        Callback::new(move |_| open_panel.run(panel(selected_entries())))
    };

    view! {
        <Show when=move || selection.with(|s| !s.is_empty())>
            <div class="room-page__bulk" role="group" aria-label=move || t_string!(i18n, room.selected_items) data-testid="bulk-actions">
                <span>{move || counted!(i18n.get_locale(), selection.with(HashSet::len) as u64, room.selected)}</span>
                <Show when=may_download_selected>
                    <span data-testid="bulk-download"><Button on_click=Callback::new(move |_| transfers.download(selected_entries()))>{t!(i18n, room.download)}</Button></span>
                </Show>
                <Button on_click=opens(|e| Panel::Destination(TransferKind::Copy, e))>{t!(i18n, room.copy_to)}</Button>
                <Button on_click=opens(|e| Panel::Destination(TransferKind::Move, e))>{t!(i18n, room.move_to)}</Button>
                <Button appearance=ButtonAppearance::Danger on_click=opens(Panel::ConfirmDelete)>{t!(i18n, rooms.menu.delete)}</Button>
                <Button appearance=ButtonAppearance::Subtle on_click=Callback::new(move |_| selection.set(HashSet::new()))>{t!(i18n, room.clear)}</Button>
            </div>
        </Show>
    }
}
