//! Saving a room as a template: a title (the room's by default) and whether everyone on the
//! portal may use it, then the copy's progress as the portal reports it.

use docspace_api::Client;
use docspace_api::models::Room;
use leptos::prelude::*;

use super::follow;
use crate::components::{Button, ButtonAppearance, Checkbox, ProgressBar, TextField};
use crate::errors::user_message;

/// The body of the "Save as template" dialog for `room`; `on_done` gets the template's title.
#[component]
pub fn SaveTemplate(
    client: Client,
    room: Room,
    #[prop(into)] on_done: Callback<String>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let client = StoredValue::new_local(client);
    let title = RwSignal::new(room.title.clone());
    let public = RwSignal::new(false);
    // `Some(None)` while starting, `Some(Some(p))` while copying.
    let progress = RwSignal::new(None::<Option<f64>>);
    let error = RwSignal::new(None::<String>);
    let id = room.id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if progress.get_untracked().is_some() {
            return;
        }
        let name = title.get_untracked().trim().to_string();
        if name.is_empty() {
            error.set(Some("Give the template a title.".into()));
            return;
        }
        progress.set(Some(None));
        error.set(None);
        let (id, open) = (id.clone(), public.get_untracked());
        leptos::task::spawn_local(async move {
            let client = client.get_value();
            let started = client
                .templates()
                .save(id)
                .title(name.clone())
                .public(open)
                .send()
                .await
                .map_err(|e| user_message(&e));
            let outcome = match started {
                Ok(first) => follow(&client, first, |p| progress.set(Some(Some(p)))).await,
                Err(e) => Err(e),
            };
            match outcome {
                Ok(_) => on_done.run(name),
                Err(e) => {
                    progress.set(None);
                    error.set(Some(e));
                }
            }
        });
    };
    let busy = Signal::derive(move || progress.with(Option::is_some));
    view! {
        <form class="stack template-form" data-testid="save-template-form" on:submit=save>
            <p>"The template keeps the room’s type, settings, folders and files."</p>
            <div data-testid="template-title"><TextField label="Template title" value=title required=true/></div>
            <Checkbox label="Public: everyone on the portal may create rooms from it" checked=public/>
            <Show when=move || busy.get()>
                <div data-testid="save-template-progress">
                    <ProgressBar value=Signal::derive(move || progress.get().flatten()) label="Saving the template"/>
                </div>
            </Show>
            <p class="form-error" role="alert" data-testid="save-template-error" hidden=move || error.with(Option::is_none)>{move || error.get()}</p>
            <div class="dialog__actions">
                <Button on_click=Callback::new(move |_| on_cancel.run(()))>"Cancel"</Button>
                <span data-testid="save-template-submit">
                    <Button appearance=ButtonAppearance::Primary submit=true busy=busy>"Save template"</Button>
                </span>
            </div>
        </form>
    }
}
