//! The page for paths the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::i18n::{t, use_i18n};

/// 404.
#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    let i18n = use_i18n();
    let path = move || location.pathname.get();
    view! {
        <div class="page">
            <div class="empty-state" data-testid="not-found">
                <h1 class="empty-state__title">{t!(i18n, not_found.title)}</h1>
                <p class="empty-state__description">
                    {t!(i18n, not_found.nothing_at, path, <code> = <code/>)}
                </p>
                <div class="empty-state__actions">
                    <A href="/rooms">{t!(i18n, not_found.go_to_rooms)}</A>
                </div>
            </div>
        </div>
    }
}
