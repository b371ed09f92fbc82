//! The agent's instructions (DocSpace's "prompt"), a labelled multi-line field.

use leptos::prelude::*;

use crate::components::unique_id;
use crate::i18n::{t, t_string, use_i18n};

/// A labelled text area bound to `value`.
#[component]
pub fn PromptField(value: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let id = unique_id("agent-prompt");
    view! {
        <div class="field">
            <label class="field__label" for=id.clone()>{t!(i18n, agents.instructions)}</label>
            <textarea
                id=id
                class="field__input agents__prompt"
                data-testid="agent-prompt"
                rows="4"
                placeholder=move || t_string!(i18n, agents.instructions_placeholder)
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        </div>
    }
}
