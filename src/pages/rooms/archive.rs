//! Archiving and restoring rooms: a confirmation that names the room (as DocSpace's web UI asks
//! before both), then the operation's progress above the list, then a notice with Undo.

use docspace_api::Client;
use docspace_api::models::Room;
use leptos::prelude::*;

use super::feed::RoomsFeed;
use crate::components::{Button, ButtonAppearance, ProgressBar, Toaster};
use crate::errors::user_message;
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::locale::said;
use crate::ops;
use leptos_i18n::I18nContext;

/// A room operation in progress, shown above the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Running {
    pub id: u64,
    pub label: String,
    pub progress: Option<f64>,
}

/// Runs archive and unarchive operations for the dashboard.
#[derive(Clone, Copy)]
pub struct Archiver {
    /// The operations in progress.
    pub running: RwSignal<Vec<Running>>,
    next: StoredValue<u64>,
    client: StoredValue<Client, LocalStorage>,
    toaster: Toaster,
    feed: RoomsFeed,
    i18n: I18nContext<Locale>,
}

impl Archiver {
    /// Operations through `client`; `feed` reloads after each.
    pub fn new(client: Client, toaster: Toaster, feed: RoomsFeed) -> Archiver {
        Archiver {
            running: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
            client: StoredValue::new_local(client),
            toaster,
            feed,
            i18n: use_i18n(),
        }
    }

    /// Archives (`archive`) or restores `room`; the notice of success offers Undo.
    pub fn run(&self, room: Room, archive: bool) {
        self.start(room, archive, true);
    }

    fn start(&self, room: Room, archive: bool, offer_undo: bool) {
        let id = self.next.get_value() + 1;
        self.next.set_value(id);
        let i18n = self.i18n;
        let label = if archive {
            t_string!(i18n, rooms.archiving, title = &room.title).to_string()
        } else {
            t_string!(i18n, rooms.restoring, title = &room.title).to_string()
        };
        self.running.update(|r| {
            r.push(Running {
                id,
                label,
                progress: None,
            })
        });
        let this = *self;
        leptos::task::spawn_local(async move {
            let client = this.client.get_value();
            let started = if archive {
                client.rooms().archive(room.id.clone()).send().await
            } else {
                client.rooms().unarchive(room.id.clone()).send().await
            };
            let report = |p: f64| {
                this.running.update(|r| {
                    if let Some(x) = r.iter_mut().find(|x| x.id == id) {
                        x.progress = Some(p);
                    }
                })
            };
            let outcome = match started {
                Ok(op) => ops::follow(&client, op, report).await,
                Err(e) => Err(e),
            };
            this.running.update(|r| r.retain(|x| x.id != id));
            let title = room.title.clone();
            match outcome {
                Ok(_) => {
                    let done = if archive {
                        said!(rooms.archived_done, title = &title)
                    } else {
                        said!(rooms.restored_done, title = &title)
                    };
                    if offer_undo {
                        this.toaster
                            .success_with_action(done, said!(common.undo), move || {
                                this.start(room.clone(), !archive, false)
                            });
                    } else {
                        this.toaster.success(done);
                    }
                }
                Err(e) => this.toaster.error(
                    if archive {
                        said!(rooms.archive_failed, title = &title)
                    } else {
                        said!(rooms.restore_failed, title = &title)
                    },
                    user_message(&e),
                ),
            }
            this.feed.refresh();
        });
    }
}

/// The body of the confirmation dialog: archive (`archive`) or restore `room`?
#[component]
pub fn ConfirmArchive(
    room: Room,
    archive: bool,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = room.title;
    let (question, hint) = if archive {
        (
            t!(i18n, rooms.archive_question, title, <strong> = <strong/>).into_any(),
            t!(i18n, rooms.archive_hint).into_any(),
        )
    } else {
        (
            t!(i18n, rooms.restore_question, title, <strong> = <strong/>).into_any(),
            t!(i18n, rooms.restore_hint).into_any(),
        )
    };
    view! {
        <p data-testid="archive-question">{question}</p>
        <p class="muted">{hint}</p>
        <div class="dialog__actions">
            <span data-testid="cancel-archive">
                <Button on_click=Callback::new(move |_| on_cancel.run(()))>{t!(i18n, common.cancel)}</Button>
            </span>
            <span data-testid="confirm-archive">
                <Button appearance=ButtonAppearance::Primary on_click=Callback::new(move |_| on_confirm.run(()))>
                    {move || if archive { t_string!(i18n, rooms.move_to_archive) } else { t_string!(i18n, common.restore) }}
                </Button>
            </span>
        </div>
    }
}

/// The operations in progress, each with its bar.
#[component]
pub fn RunningList(archiver: Archiver) -> impl IntoView {
    view! {
        <div class="rooms__running" aria-live="polite">
            <For each=move || archiver.running.get() key=|r| (r.id, r.progress.map(|p| (p * 100.0) as u32)) let:op>
                <div class="rooms__op" data-testid="room-operation">
                    <span>{op.label.clone()} "…"</span>
                    <ProgressBar value=Signal::derive(move || op.progress) label=op.label.clone()/>
                </div>
            </For>
        </div>
    }
}
