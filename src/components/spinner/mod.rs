//! Loading indicators.

use leptos::prelude::*;

/// A spinner with a visible label, announced politely.
#[component]
pub fn Loading(#[prop(into)] label: String) -> impl IntoView {
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="loading__spinner" aria-hidden="true"></span>
            <span>{label}</span>
        </div>
    }
}
