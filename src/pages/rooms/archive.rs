//! Archiving and restoring rooms: a confirmation that names the room (as DocSpace's web UI asks
//! before both), then the operation's progress above the list, then a notice with Undo.

use docspace_api::Client;
use docspace_api::models::Room;
use leptos::prelude::*;

use super::feed::RoomsFeed;
use crate::components::{Button, ButtonAppearance, ProgressBar, Toaster};
use crate::errors::user_message;
use crate::ops;

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
        }
    }

    /// Archives (`archive`) or restores `room`; the notice of success offers Undo.
    pub fn run(&self, room: Room, archive: bool) {
        self.start(room, archive, true);
    }

    fn start(&self, room: Room, archive: bool, offer_undo: bool) {
        let id = self.next.get_value() + 1;
        self.next.set_value(id);
        let verb = if archive { "Archiving" } else { "Restoring" };
        self.running.update(|r| {
            r.push(Running {
                id,
                label: format!("{verb} “{}”", room.title),
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
                        format!("“{title}” moved to the archive")
                    } else {
                        format!("“{title}” is active again")
                    };
                    if offer_undo {
                        this.toaster.success_with_action(done, "Undo", move || {
                            this.start(room.clone(), !archive, false)
                        });
                    } else {
                        this.toaster.success(done);
                    }
                }
                Err(e) => this.toaster.error(
                    format!(
                        "“{title}” was not {}",
                        if archive { "archived" } else { "restored" }
                    ),
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
    let question = if archive {
        "It becomes read-only for everyone until it is restored."
    } else {
        "Its members will be able to work in it again."
    };
    view! {
        <p data-testid="archive-question">
            {if archive { "Move the room “" } else { "Restore the room “" }}
            <strong>{room.title.clone()}</strong>
            {if archive { "” to the archive?" } else { "” from the archive?" }}
        </p>
        <p class="muted">{question}</p>
        <div class="dialog__actions">
            <span data-testid="cancel-archive">
                <Button on_click=Callback::new(move |_| on_cancel.run(()))>"Cancel"</Button>
            </span>
            <span data-testid="confirm-archive">
                <Button appearance=ButtonAppearance::Primary on_click=Callback::new(move |_| on_confirm.run(()))>
                    {if archive { "Move to archive" } else { "Restore" }}
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
