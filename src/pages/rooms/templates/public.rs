//! Making a template public (everyone on the portal may create rooms from it) or not.

use docspace_api::Client;
use docspace_api::models::Room;
use leptos::prelude::*;

use crate::components::{Button, ButtonAppearance, Checkbox, Loading};
use crate::errors::user_message;
use crate::i18n::{t, use_i18n};
use crate::locale::{Said, text};

/// The body of the template access dialog; `on_done` gets the saved setting.
#[component]
pub fn TemplatePublic(
    client: Client,
    template: Room,
    #[prop(into)] on_done: Callback<bool>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = StoredValue::new_local(client);
    let id = StoredValue::new(template.id.clone());
    let public = RwSignal::new(false);
    let loaded = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<Said>);
    leptos::task::spawn_local(async move {
        match client
            .get_value()
            .templates()
            .is_public(id.get_value())
            .await
        {
            Ok(p) => public.set(p),
            Err(e) => error.set(Some(user_message(&e))),
        }
        loaded.set(true);
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || !loaded.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let want = public.get_untracked();
        leptos::task::spawn_local(async move {
            match client
                .get_value()
                .templates()
                .set_public(id.get_value(), want)
                .await
            {
                Ok(()) => on_done.run(want),
                Err(e) => error.set(Some(user_message(&e))),
            }
            busy.set(false);
        });
    };
    view! {
        <form class="stack template-form" data-testid="template-public-form" on:submit=save>
            <Show when=move || loaded.get() fallback=move || view! { <Loading label=text!(i18n, rooms.template.loading_access)/> }>
                <div data-testid="template-public">
                    <Checkbox
                        label=text!(i18n, rooms.template.public)
                        checked=public
                        hint=text!(i18n, rooms.template.public_hint)
                    />
                </div>
            </Show>
            <p class="form-error" role="alert" hidden=move || error.with(Option::is_none)>{move || error.get().map(|e| e.shown())}</p>
            <div class="dialog__actions">
                <Button on_click=Callback::new(move |_| on_cancel.run(()))>{t!(i18n, common.cancel)}</Button>
                <span data-testid="template-public-save">
                    <Button appearance=ButtonAppearance::Primary submit=true busy=busy>{t!(i18n, common.save)}</Button>
                </span>
            </div>
        </form>
    }
}
