//! Empty and failed states: a title, an explanation, and what to do next. The texts are signals,
//! so that a change of language re-words a state already on screen.

use leptos::prelude::*;

/// Shown where a list has nothing to show. `children` holds the actions.
#[component]
pub fn EmptyState(
    #[prop(into)] title: Signal<String>,
    #[prop(optional, into)] description: Option<Signal<String>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="empty-state" data-testid="empty-state">
            <p class="empty-state__title">{title}</p>
            {description.map(|d| view! { <p class="empty-state__description">{d}</p> })}
            {children.map(|c| view! { <div class="empty-state__actions">{c()}</div> })}
        </div>
    }
}

/// Shown where loading failed; `message` is the server's or the app's explanation.
#[component]
pub fn ErrorState(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] message: Signal<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="empty-state empty-state--error" role="alert" data-testid="error-state">
            <p class="empty-state__title">{title}</p>
            <p class="empty-state__description" data-testid="error-message">{message}</p>
            {children.map(|c| view! { <div class="empty-state__actions">{c()}</div> })}
        </div>
    }
}
