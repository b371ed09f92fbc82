//! A secret shown once, right after it was made.

use leptos::prelude::*;

use crate::components::{Button, ButtonAppearance};

/// Shows `secret` under `title` until the user says it is saved; the app keeps no copy.
#[component]
pub fn SecretOnce(
    #[prop(into)] title: String,
    secret: RwSignal<Option<String>>,
    #[prop(optional, into)] note: Option<String>,
) -> impl IntoView {
    let done = Callback::new(move |_| secret.set(None));
    move || {
        secret.get().map(|s| {
            view! {
                <div class="apps__secret card" role="status" data-testid="secret-once">
                    <p><strong>{title.clone()}</strong></p>
                    <p class="muted">"Copy it now: it will not be shown again."</p>
                    {note.clone().map(|n| view! { <p class="muted">{n}</p> })}
                    <code class="apps__secret-value" data-testid="secret-value">{s}</code>
                    <Button appearance=ButtonAppearance::Secondary on_click=done>"I have saved it"</Button>
                </div>
            }
        })
    }
}
