//! Choosing an agent's provider and then one of that provider's models (listed live by the
//! portal, so a provider that cannot be reached says so here, under the field).

use docspace_api::Client;
use leptos::prelude::*;

use crate::components::{Select, SelectOption};
use crate::errors::user_message;
use crate::i18n::{t_string, use_i18n};
use crate::locale::text;

/// A provider select and a model select bound to `provider` (its id as text) and `model`. The
/// first provider and model are chosen when nothing (or something no longer offered) is.
#[component]
pub fn ProviderModelPicker(
    client: Client,
    provider: RwSignal<String>,
    model: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = StoredValue::new_local(client);
    let providers =
        LocalResource::new(move || async move { client.get_value().ai().providers().await });
    let models = LocalResource::new(move || {
        let id = provider.get().parse::<i64>().ok();
        async move {
            match id {
                Some(id) => client.get_value().ai().models(Some(id)).await.map(Some),
                None => Ok(None),
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(list)) = providers.get() {
            let current = provider.get_untracked();
            if !list.iter().any(|p| p.id.to_string() == current) {
                provider.set(list.first().map(|p| p.id.to_string()).unwrap_or_default());
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(Some(list))) = models.get() {
            let current = model.get_untracked();
            if !list.iter().any(|m| m.model_id == current) {
                model.set(list.first().map(|m| m.model_id.clone()).unwrap_or_default());
            }
        }
    });
    let provider_options = Signal::derive(move || match providers.get() {
        Some(Ok(list)) => list
            .iter()
            .map(|p| SelectOption::new(p.id.to_string(), p.title.clone()))
            .collect(),
        _ => Vec::new(),
    });
    let model_options = Signal::derive(move || match models.get() {
        Some(Ok(Some(list))) => list
            .iter()
            .map(|m| {
                let label = m.alias.clone().unwrap_or_else(|| m.model_id.clone());
                SelectOption::new(m.model_id.clone(), label)
            })
            .collect(),
        _ => Vec::new(),
    });
    let problem = move || match (providers.get(), models.get()) {
        (Some(Err(e)), _) => Some(
            t_string!(
                i18n,
                agents.providers_failed,
                reason = user_message(&e).shown()
            )
            .to_string(),
        ),
        (Some(Ok(list)), _) if list.is_empty() => Some(t_string!(i18n, agents.no_provider).into()),
        (_, Some(Err(e))) => Some(
            t_string!(
                i18n,
                agents.models_failed,
                reason = user_message(&e).shown()
            )
            .to_string(),
        ),
        _ => None,
    };
    view! {
        <div data-testid="agent-provider">
            <Select label=text!(i18n, agents.provider) value=provider options=provider_options/>
        </div>
        <div data-testid="agent-model">
            <Select label=text!(i18n, agents.model) value=model options=model_options/>
        </div>
        <p class="field__error agents__problem" role="alert" data-testid="picker-error" hidden=move || problem().is_none()>
            {problem}
        </p>
    }
}
