//! "New agent": a title, a provider, one of its models and the instructions. DocSpace creates
//! the agent as a room with its Knowledge and Result storage folders; the page opens it.

use docspace_api::Client;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::picker::ProviderModelPicker;
use super::prompt::PromptField;
use crate::components::{Button, ButtonAppearance, Dialog, TextField};
use crate::errors::user_message;
use crate::i18n::{t, use_i18n};
use crate::locale::{Said, said, shown, text};

/// The dialog, shown while `open`.
#[component]
pub fn NewAgentDialog(client: Client, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let client = StoredValue::new_local(client);
    view! {
        <Dialog open=open title=text!(i18n, agents.new_agent)>
            <NewAgentForm client=client.get_value() open=open/>
        </Dialog>
    }
}

#[component]
fn NewAgentForm(client: Client, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let title = RwSignal::new(String::new());
    let provider = RwSignal::new(String::new());
    let model = RwSignal::new(String::new());
    let prompt = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<Said>);
    let title_error = RwSignal::new(None::<Said>);
    let stored = StoredValue::new_local(client.clone());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let name = title.get_untracked().trim().to_string();
        if name.is_empty() {
            title_error.set(Some(said!(agents.name_blank)));
            return;
        }
        title_error.set(None);
        let Ok(provider_id) = provider.get_untracked().parse::<i64>() else {
            error.set(Some(said!(agents.choose_provider)));
            return;
        };
        let model_id = model.get_untracked();
        if model_id.is_empty() {
            error.set(Some(said!(agents.choose_model)));
            return;
        }
        busy.set(true);
        error.set(None);
        let client = stored.get_value();
        let navigate = navigate.clone();
        let instructions = prompt.get_untracked();
        leptos::task::spawn_local(async move {
            let created = client
                .ai()
                .create_agent(name, provider_id, model_id)
                .prompt(instructions)
                .send()
                .await;
            busy.set(false);
            match created {
                Ok(agent) => {
                    open.set(false);
                    navigate(&format!("/agents/{}", agent.id), Default::default());
                }
                Err(e) => error.set(Some(user_message(&e))),
            }
        });
    };
    view! {
        <form class="agents__form" data-testid="new-agent-form" on:submit=on_submit>
            <div data-testid="agent-title">
                <TextField label=text!(i18n, room.panel.name) value=title required=true error=shown(title_error)/>
            </div>
            <ProviderModelPicker client=client provider=provider model=model/>
            <PromptField value=prompt/>
            <p class="field__error" role="alert" data-testid="new-agent-error" hidden=move || error.with(Option::is_none)>
                {move || error.get().map(|e| e.shown())}
            </p>
            <div class="dialog__actions">
                <Button on_click=Callback::new(move |_| open.set(false))>{t!(i18n, common.cancel)}</Button>
                <span data-testid="new-agent-create">
                    <Button appearance=ButtonAppearance::Primary submit=true busy=busy>{t!(i18n, room.panel.create)}</Button>
                </span>
            </div>
        </form>
    }
}
