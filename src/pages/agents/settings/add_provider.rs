//! Registering an OpenAI-compatible provider: its name, URL and key. The portal lists the
//! provider's models first and refuses it, with its own message, when it cannot; every model
//! listed is enabled for agents. The key is sent once and never shown again (the field is
//! cleared, and the portal never returns it).

use docspace_api::Client;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::components::{
    Button, ButtonAppearance, InputKind, PendingError, TextField, use_pending, use_toaster,
};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{Said, said, text};

/// The form; `on_added` runs once a provider is registered.
#[component]
pub fn AddProvider(client: Client, on_added: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let stored = StoredValue::new_local(client);
    let title = RwSignal::new(String::new());
    let url = RwSignal::new(String::new());
    let key = RwSignal::new(String::new());
    let pending = use_pending();
    let on_submit = move |ev: SubmitEvent| {
        if !pending.submits(&ev) {
            return;
        }
        let (t, u, k) = (
            title.get_untracked().trim().to_string(),
            url.get_untracked().trim().to_string(),
            key.get_untracked(),
        );
        let added = t.clone();
        let call = async move { register(&stored.get_value(), &t, &u, &k).await };
        pending.run(call, move |()| {
            key.set(String::new());
            title.set(String::new());
            url.set(String::new());
            toaster.success(said!(agents.settings.added, title = &added));
            on_added.run(());
        });
    };
    view! {
        <form class="agents__form ai-settings__add" aria-label=move || t_string!(i18n, agents.settings.add_title) data-testid="add-provider" on:submit=on_submit>
            <h3>{t!(i18n, agents.settings.add_title)}</h3>
            <div data-testid="provider-title"><TextField label=text!(i18n, room.panel.name) value=title required=true/></div>
            <div data-testid="provider-url">
                <TextField label="URL" value=url required=true placeholder="https://api.example.com/v1" hint=text!(i18n, agents.settings.url_hint)/>
            </div>
            <div data-testid="provider-key">
                <TextField label=text!(i18n, agents.settings.api_key) value=key required=true kind=InputKind::Password autocomplete="off"/>
            </div>
            <PendingError pending testid="add-provider-error"/>
            <span data-testid="add-provider-submit">
                <Button appearance=ButtonAppearance::Primary submit=true busy=pending.busy>{t!(i18n, agents.settings.add)}</Button>
            </span>
        </form>
    }
}

/// Lists the provider's models, then registers it with all of them enabled.
async fn register(client: &Client, title: &str, url: &str, key: &str) -> Result<(), Said> {
    let ai = client.ai();
    let models = ai
        .preview_models(url, key)
        .await
        .map_err(|e| user_message(&e))?;
    if models.is_empty() {
        return Err(said!(agents.settings.no_models));
    }
    let mut b = ai.create_provider(title, url, key);
    for m in models {
        b = b.enable_model(m.id);
    }
    b.send().await.map(drop).map_err(|e| user_message(&e))
}
