//! Editing an agent's provider, model and instructions (who may edit the room; the portal
//! refuses the rest, and its message shows here).

use docspace_api::Client;
use docspace_api::api::Agent;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::picker::ProviderModelPicker;
use super::prompt::PromptField;
use crate::components::{Button, ButtonAppearance, use_toaster};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{Said, said};

/// The form, filled from `agent`; `on_saved` gets the agent as saved.
#[component]
pub fn AgentSettingsForm(client: Client, agent: Agent, on_saved: Callback<Agent>) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let settings = agent.chat_settings.clone();
    let provider = RwSignal::new(
        settings
            .as_ref()
            .map(|s| s.provider_id.to_string())
            .unwrap_or_default(),
    );
    let model = RwSignal::new(
        settings
            .as_ref()
            .map(|s| s.model_id.clone())
            .unwrap_or_default(),
    );
    let prompt = RwSignal::new(settings.map(|s| s.prompt).unwrap_or_default());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<Said>);
    let stored = StoredValue::new_local(client.clone());
    let id = agent.id;
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Ok(provider_id) = provider.get_untracked().parse::<i64>() else {
            error.set(Some(said!(agents.choose_provider)));
            return;
        };
        busy.set(true);
        error.set(None);
        let client = stored.get_value();
        let (m, p) = (model.get_untracked(), prompt.get_untracked());
        leptos::task::spawn_local(async move {
            let saved = client.ai().update_agent(id, provider_id, m, p).await;
            busy.set(false);
            match saved {
                Ok(agent) => {
                    toaster.success(said!(agents.saved));
                    on_saved.run(agent);
                }
                Err(e) => error.set(Some(user_message(&e))),
            }
        });
    };
    view! {
        <form class="agents__form agents__settings" aria-label=move || t_string!(i18n, agents.settings_label) data-testid="agent-settings" on:submit=on_submit>
            <ProviderModelPicker client=client provider=provider model=model/>
            <PromptField value=prompt/>
            <p class="field__error" role="alert" data-testid="agent-settings-error" hidden=move || error.with(Option::is_none)>
                {move || error.get().map(|e| e.shown())}
            </p>
            <div class="toolbar">
                <span data-testid="agent-save">
                    <Button appearance=ButtonAppearance::Primary submit=true busy=busy>{t!(i18n, common.save)}</Button>
                </span>
            </div>
        </form>
    }
}
