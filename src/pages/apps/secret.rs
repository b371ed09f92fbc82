//! A secret shown once, right after it was made.

use leptos::prelude::*;

use crate::components::{Button, ButtonAppearance};
use crate::i18n::{t, use_i18n};

/// Shows `secret` under `title` until the user says it is saved; the app keeps no copy.
#[component]
pub fn SecretOnce(
    #[prop(into)] title: Signal<String>,
    secret: RwSignal<Option<String>>,
    #[prop(optional, into)] note: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let done = Callback::new(move |_| secret.set(None));
    move || {
        secret.get().map(|s| {
            view! {
                <div class="apps__secret card" role="status" data-testid="secret-once">
                    <p><strong>{move || title.get()}</strong></p>
                    <p class="muted">{t!(i18n, apps.copy_now)}</p>
                    {note.map(|n| view! { <p class="muted">{move || n.get()}</p> })}
                    <code class="apps__secret-value" data-testid="secret-value">{s}</code>
                    <Button appearance=ButtonAppearance::Secondary on_click=done>{t!(i18n, apps.saved_it)}</Button>
                </div>
            }
        })
    }
}
