//! The agent's instructions (DocSpace's "prompt"), a labelled multi-line field.

use leptos::prelude::*;

use crate::components::unique_id;

/// A labelled text area bound to `value`.
#[component]
pub fn PromptField(value: RwSignal<String>) -> impl IntoView {
    let id = unique_id("agent-prompt");
    view! {
        <div class="field">
            <label class="field__label" for=id.clone()>"Instructions"</label>
            <textarea
                id=id
                class="field__input agents__prompt"
                data-testid="agent-prompt"
                rows="4"
                placeholder="What the agent should do and how it should answer"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        </div>
    }
}
