//! The page for paths the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// 404.
#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    view! {
        <div class="page">
            <div class="empty-state" data-testid="not-found">
                <h1 class="empty-state__title">"Page not found"</h1>
                <p class="empty-state__description">
                    "Nothing lives at " <code>{move || location.pathname.get()}</code> "."
                </p>
                <div class="empty-state__actions">
                    <A href="/rooms">"Go to your rooms"</A>
                </div>
            </div>
        </div>
    }
}
