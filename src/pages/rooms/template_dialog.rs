//! The dashboard's one dialog for room templates: save a room as a template, create a room from a
//! template, make a template public. Its bodies come through the split point in `dialogs.rs`.

use docspace_api::Client;
use docspace_api::models::{Room, RoomId};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::dialogs::{self, RoomsDialog};
use super::feed::RoomsFeed;
use crate::components::{Dialog, Toaster};
use crate::i18n::{Locale, t_string, use_i18n};
use crate::locale::said;
use leptos_i18n::I18nContext;

/// What the template dialog is for.
#[derive(Debug, Clone)]
pub enum TemplateTask {
    /// Save the room as a template.
    Save(Room),
    /// Create a room from the template.
    CreateRoom(Room),
    /// Make the template public or not.
    Public(Room),
}

impl TemplateTask {
    fn title(&self, i18n: I18nContext<Locale>) -> String {
        match self {
            TemplateTask::Save(r) => t_string!(i18n, rooms.template.save_title, title = &r.title),
            TemplateTask::CreateRoom(t) => {
                t_string!(i18n, rooms.template.from_title, title = &t.title)
            }
            TemplateTask::Public(t) => {
                t_string!(i18n, rooms.template.public_title, title = &t.title)
            }
        }
        .to_string()
    }
}

/// The dialog, open while `open` is; `task` says what it does.
#[component]
pub fn TemplateDialog(
    client: Client,
    task: RwSignal<Option<TemplateTask>>,
    open: RwSignal<bool>,
    toaster: Toaster,
    feed: RoomsFeed,
    tag_suggestions: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = StoredValue::new_local(client);
    let navigate = StoredValue::new_local(use_navigate());
    let close = Callback::new(move |()| open.set(false));
    let body = move |t: TemplateTask| {
        let client = client.get_value();
        let on_cancel = close;
        let dialog = match t {
            TemplateTask::Save(room) => RoomsDialog::SaveTemplate {
                client,
                room,
                on_done: Callback::new(move |title: String| {
                    open.set(false);
                    toaster.success(said!(rooms.template.saved, title = &title));
                }),
                on_cancel,
            },
            TemplateTask::CreateRoom(template) => RoomsDialog::FromTemplate {
                client,
                template,
                on_done: Callback::new(move |room: RoomId| {
                    open.set(false);
                    toaster.success(said!(rooms.template.created));
                    feed.refresh();
                    let href = format!("/rooms/{}", crate::url::encode(&room.to_string()));
                    navigate.with_value(|n| n(&href, Default::default()));
                }),
                on_cancel,
                tag_suggestions,
            },
            TemplateTask::Public(template) => {
                let name = template.title.clone();
                RoomsDialog::TemplatePublic {
                    client,
                    template,
                    on_done: Callback::new(move |public: bool| {
                        open.set(false);
                        let title = name.clone();
                        toaster.success(if public {
                            said!(rooms.template.is_public, title = &title)
                        } else {
                            said!(rooms.template.not_public, title = &title)
                        });
                    }),
                    on_cancel,
                }
            }
        };
        dialogs::content(dialog)
    };
    view! {
        <Dialog open=open title=Signal::derive(move || task.with(|t| t.as_ref().map(|t| t.title(i18n)).unwrap_or_default()))>
            {move || task.get().map(body)}
        </Dialog>
    }
}
