//! Saving a room as a template: a title (the room's by default) and whether everyone on the
//! portal may use it, then the copy's progress as the portal reports it.

use docspace_api::Client;
use docspace_api::models::Room;
use leptos::prelude::*;

use super::follow;
use crate::components::{Button, ButtonAppearance, Checkbox, ProgressBar, TextField};
use crate::errors::user_message;
use crate::i18n::{t, use_i18n};
use crate::locale::{Said, said, text};

/// The body of the "Save as template" dialog for `room`; `on_done` gets the template's title.
#[component]
pub fn SaveTemplate(
    client: Client,
    room: Room,
    #[prop(into)] on_done: Callback<String>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = StoredValue::new_local(client);
    let title = RwSignal::new(room.title.clone());
    let public = RwSignal::new(false);
    // `Some(None)` while starting, `Some(Some(p))` while copying.
    let progress = RwSignal::new(None::<Option<f64>>);
    let error = RwSignal::new(None::<Said>);
    let id = room.id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if progress.get_untracked().is_some() {
            return;
        }
        let name = title.get_untracked().trim().to_string();
        if name.is_empty() {
            error.set(Some(said!(rooms.template.title_blank)));
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
            <p>{t!(i18n, rooms.template.intro)}</p>
            <div data-testid="template-title"><TextField label=text!(i18n, rooms.template.template_title) value=title required=true/></div>
            <div data-testid="save-template-public"><Checkbox label=text!(i18n, rooms.template.public) checked=public/></div>
            <Show when=move || busy.get()>
                <div data-testid="save-template-progress">
                    <ProgressBar value=Signal::derive(move || progress.get().flatten()) label=text!(i18n, rooms.template.saving)/>
                </div>
            </Show>
            <p class="form-error" role="alert" data-testid="save-template-error" hidden=move || error.with(Option::is_none)>{move || error.get().map(|e| e.shown())}</p>
            <div class="dialog__actions">
                <Button on_click=Callback::new(move |_| on_cancel.run(()))>{t!(i18n, common.cancel)}</Button>
                <span data-testid="save-template-submit">
                    <Button appearance=ButtonAppearance::Primary submit=true busy=busy>{t!(i18n, rooms.template.save)}</Button>
                </span>
            </div>
        </form>
    }
}
