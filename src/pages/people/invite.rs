//! The invite dialog: an e-mail and one of the types the signed-in user may give.

use docspace_api::Client;
use docspace_api::models::EmployeeType;
use leptos::prelude::*;

use super::rules::type_label;
use crate::components::{Button, ButtonAppearance, InputKind, Select, SelectOption, TextField};
use crate::errors::user_message;
use crate::i18n::{t, use_i18n};
use crate::locale::{Said, text};

/// The body of the invite dialog.
#[component]
pub fn InviteForm(
    client: Client,
    types: Vec<EmployeeType>,
    #[prop(into)] on_done: Callback<String>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = StoredValue::new_local(client);
    let email = RwSignal::new(String::new());
    let kind = RwSignal::new(
        types
            .last()
            .and_then(EmployeeType::value)
            .map(|v| v.to_string())
            .unwrap_or_default(),
    );
    let options: Vec<SelectOption> = types
        .iter()
        .filter_map(|t| {
            t.value().map(|v| {
                SelectOption::new(v.to_string(), type_label(t, i18n.get_locale_untracked()))
            })
        })
        .collect();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<Said>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let address = email.get_untracked().trim().to_string();
        let t = kind
            .get_untracked()
            .parse::<i64>()
            .map(EmployeeType::from_value)
            .unwrap_or(EmployeeType::User);
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let sent = client
                .get_value()
                .people()
                .invite()
                .email(address.clone(), t)
                .send()
                .await;
            busy.set(false);
            match sent {
                Ok(_) => on_done.run(address),
                Err(e) => error.set(Some(user_message(&e))),
            }
        });
    };
    view! {
        <form class="form" data-testid="invite-form" on:submit=submit>
            <TextField label=text!(i18n, sign_in.email) value=email kind=InputKind::Email required=true autocomplete="off"/>
            <Select
                label=text!(i18n, room.sort.kind)
                value=kind
                options=Signal::derive(move || options.clone())
                hint=text!(i18n, people.invite_hint)
            />
            <p class="form-error" role="alert" hidden=move || error.with(Option::is_none)>{move || error.get().map(|e| e.shown())}</p>
            <div class="dialog__actions">
                <Button on_click=Callback::new(move |_| on_cancel.run(()))>{t!(i18n, common.cancel)}</Button>
                <span data-testid="invite-send">
                    <Button appearance=ButtonAppearance::Primary submit=true busy=Signal::derive(move || busy.get())>
                        {t!(i18n, people.send_invitation)}
                    </Button>
                </span>
            </div>
        </form>
    }
}
