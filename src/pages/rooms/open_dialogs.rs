//! Which of the dashboard's dialogs is open and on what room, and the dialogs themselves: create
//! or edit a room, confirm archiving or restoring, delete, and the template tasks. The list's
//! rows ask for them through [`DashboardDialogs`]; the page renders [`Dialogs`] once.

use docspace_api::Client;
use docspace_api::models::Room;
use leptos::prelude::*;

use super::archive::{Archiver, ConfirmArchive};
use super::dialogs::{self, RoomsDialog};
use super::feed::RoomsFeed;
use super::template_dialog::{TemplateDialog, TemplateTask};
use crate::components::{Dialog, Toaster};
use crate::i18n::{t_string, use_i18n};
use crate::locale::{said, text};

/// The dashboard's dialog state: what each dialog is about and whether it is open.
#[derive(Clone, Copy)]
pub struct DashboardDialogs {
    form_open: RwSignal<bool>,
    /// The room the form edits; `None` when it creates one.
    editing: RwSignal<Option<Room>>,
    deleting: RwSignal<Option<Room>>,
    delete_open: RwSignal<bool>,
    /// The room waiting for the archive or restore confirmation, and which of the two.
    confirming: RwSignal<Option<(Room, bool)>>,
    confirm_open: RwSignal<bool>,
    template_task: RwSignal<Option<TemplateTask>>,
    template_open: RwSignal<bool>,
    toaster: Toaster,
}

impl DashboardDialogs {
    /// All closed.
    pub fn new(toaster: Toaster) -> Self {
        DashboardDialogs {
            form_open: RwSignal::new(false),
            editing: RwSignal::new(None),
            deleting: RwSignal::new(None),
            delete_open: RwSignal::new(false),
            confirming: RwSignal::new(None),
            confirm_open: RwSignal::new(false),
            template_task: RwSignal::new(None),
            template_open: RwSignal::new(false),
            toaster,
        }
    }

    /// The form, for a new room.
    pub fn create(&self) {
        self.editing.set(None);
        dialogs::open(self.form_open, self.toaster);
    }

    /// The form, on `room`.
    pub fn edit(&self, room: Room) {
        self.editing.set(Some(room));
        dialogs::open(self.form_open, self.toaster);
    }

    /// The confirmation before archiving `room` (`archive`) or restoring it.
    pub fn confirm_archive(&self, room: Room, archive: bool) {
        self.confirming.set(Some((room, archive)));
        self.confirm_open.set(true);
    }

    /// The confirmation before deleting `room`.
    pub fn delete(&self, room: Room) {
        self.deleting.set(Some(room));
        dialogs::open(self.delete_open, self.toaster);
    }

    /// A template task: save a room as a template, create a room from one, make one public.
    pub fn template(&self, task: TemplateTask) {
        self.template_task.set(Some(task));
        dialogs::open(self.template_open, self.toaster);
    }
}

/// The dashboard's dialogs. After a change they tell the user and bring `feed` up to date;
/// `on_tags_changed` runs after a room was saved (its tags may be new).
#[component]
pub fn Dialogs(
    state: DashboardDialogs,
    client: Client,
    feed: RoomsFeed,
    archiver: Archiver,
    tag_suggestions: Signal<Vec<String>>,
    on_tags_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let DashboardDialogs {
        form_open,
        editing,
        deleting,
        delete_open,
        confirming,
        confirm_open,
        template_task,
        template_open,
        toaster,
    } = state;
    let client = StoredValue::new_local(client);
    let on_saved = Callback::new(move |room: Room| {
        let was_edit = editing.get_untracked().is_some();
        form_open.set(false);
        let title = room.title.clone();
        if was_edit {
            toaster.success(said!(rooms.saved, title = &title));
            feed.replace(room);
        } else {
            toaster.success(said!(rooms.created, title = &title));
            feed.refresh();
        }
        on_tags_changed.run(());
    });

    view! {
        <Dialog
            open=form_open
            title=Signal::derive(move || if editing.with(Option::is_some) { t_string!(i18n, rooms.edit_room) } else { t_string!(i18n, rooms.new_room) }.to_string())
        >
            {dialogs::content(RoomsDialog::Form {
                client: client.get_value(),
                editing: editing.get_untracked(),
                on_saved,
                on_cancel: Callback::new(move |_| form_open.set(false)),
                tag_suggestions,
            })}
        </Dialog>
        <Dialog
            open=confirm_open
            title=Signal::derive(move || if confirming.with(|c| c.as_ref().is_some_and(|c| c.1)) { t_string!(i18n, rooms.move_to_archive) } else { t_string!(i18n, rooms.restore_room) }.to_string())
        >
            {move || confirming.get().map(|(room, archive)| view! {
                <ConfirmArchive
                    room=room.clone()
                    archive=archive
                    on_confirm=Callback::new(move |_| {
                        confirm_open.set(false);
                        archiver.run(room.clone(), archive);
                    })
                    on_cancel=Callback::new(move |_| confirm_open.set(false))
                />
            })}
        </Dialog>
        <TemplateDialog client=client.get_value() task=template_task open=template_open toaster=toaster feed=feed tag_suggestions=tag_suggestions/>
        <Dialog open=delete_open title=text!(i18n, rooms.delete_room)>
            {move || deleting.get().map(|room| {
                let title = room.title.clone();
                dialogs::content(RoomsDialog::Delete {
                    client: client.get_value(),
                    room,
                    on_done: Callback::new(move |_| {
                        delete_open.set(false);
                        let title = title.clone();
                        toaster.success(said!(rooms.deleted, title = &title));
                        feed.refresh();
                    }),
                    on_cancel: Callback::new(move |_| delete_open.set(false)),
                })
            })}
        </Dialog>
    }
}
