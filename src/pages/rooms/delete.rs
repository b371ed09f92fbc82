//! Deleting a room: a confirmation that names the room, then the operation's progress.

use docspace_api::Client;
use docspace_api::models::Room;
use leptos::prelude::*;

use crate::components::{Button, ButtonAppearance, ProgressBar};
use crate::errors::user_message;
use crate::i18n::{t, use_i18n};
use crate::locale::{Said, text};
use crate::ops;

/// The body of the delete dialog for `room`.
#[component]
pub fn DeleteRoom(
    client: Client,
    room: Room,
    #[prop(into)] on_done: Callback<()>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = StoredValue::new_local(client);
    let progress = RwSignal::new(None::<Option<f64>>);
    let error = RwSignal::new(None::<Said>);
    let id = room.id.clone();
    let confirm = move |_| {
        if progress.get_untracked().is_some() {
            return;
        }
        progress.set(Some(None));
        error.set(None);
        let id = id.clone();
        leptos::task::spawn_local(async move {
            let client = client.get_value();
            let outcome = match client.rooms().delete(id).send().await {
                Ok(op) => ops::follow(&client, op, |p| progress.set(Some(Some(p))))
                    .await
                    .map(|_| ()),
                Err(e) => Err(e),
            };
            match outcome {
                Ok(()) => on_done.run(()),
                Err(e) => {
                    progress.set(None);
                    error.set(Some(user_message(&e)));
                }
            }
        });
    };
    let title = room.title;
    view! {
        <p>{t!(i18n, rooms.delete_question, title, <strong> = <strong/>)}</p>
        <Show when=move || progress.with(Option::is_some)>
            <div data-testid="delete-progress">
                <ProgressBar value=Signal::derive(move || progress.get().flatten()) label=text!(i18n, rooms.deleting)/>
            </div>
        </Show>
        <p class="form-error" role="alert" hidden=move || error.with(Option::is_none)>{move || error.get().map(|e| e.shown())}</p>
        <div class="dialog__actions">
            <Button on_click=Callback::new(move |_| on_cancel.run(()))>{t!(i18n, common.cancel)}</Button>
            <span data-testid="confirm-delete">
                <Button
                    appearance=ButtonAppearance::Danger
                    busy=Signal::derive(move || progress.with(Option::is_some))
                    on_click=Callback::new(confirm)
                >
                    {t!(i18n, common.delete)}
                </Button>
            </span>
        </div>
    }
}
