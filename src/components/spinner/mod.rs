//! Loading indicators.

use leptos::prelude::*;

/// A spinner with a visible label, announced politely. The label may follow a signal (a
/// translated text that changes with the language).
#[component]
pub fn Loading(#[prop(into)] label: Signal<String>) -> impl IntoView {
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="loading__spinner" aria-hidden="true"></span>
            <span>{move || label.get()}</span>
        </div>
    }
}
