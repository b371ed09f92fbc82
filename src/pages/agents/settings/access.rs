//! The portal's AI switch (`settings/ai-access`): with AI off, agents, chats and providers are
//! refused for everyone.

use docspace_api::Client;
use leptos::prelude::*;

use crate::components::{Button, ButtonAppearance, Loading};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{Said, text};

/// Shows and flips the switch; `enabled` holds its state once known.
#[component]
pub fn AccessSwitch(client: Client, enabled: RwSignal<Option<bool>>) -> impl IntoView {
    let i18n = use_i18n();
    let stored = StoredValue::new_local(client);
    let error = RwSignal::new(None::<Said>);
    let busy = RwSignal::new(false);
    let load = move || {
        leptos::task::spawn_local(async move {
            match stored.get_value().ai().access().await {
                Ok(on) => enabled.set(Some(on)),
                Err(e) => error.set(Some(user_message(&e))),
            }
        })
    };
    load();
    let flip = Callback::new(move |_| {
        let Some(on) = enabled.get_untracked() else {
            return;
        };
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match stored.get_value().ai().set_access(!on).await {
                Ok(now) => enabled.set(Some(now)),
                Err(e) => error.set(Some(user_message(&e))),
            }
            busy.set(false);
        });
    });
    view! {
        <section class="ai-settings__section" aria-labelledby="ai-access-title">
            <h2 id="ai-access-title">{t!(i18n, agents.settings.access)}</h2>
            {move || match enabled.get() {
                None if error.with(Option::is_none) => view! { <Loading label=text!(i18n, sections.loading)/> }.into_any(),
                None => ().into_any(),
                Some(on) => view! {
                    <p data-testid="ai-access-state">
                        {move || if on { t_string!(i18n, agents.settings.on) } else { t_string!(i18n, agents.settings.off) }}
                    </p>
                    <span data-testid="ai-access-toggle">
                        <Button appearance=if on { ButtonAppearance::Secondary } else { ButtonAppearance::Primary } busy=busy on_click=flip>
                            {move || if on { t_string!(i18n, agents.settings.switch_off) } else { t_string!(i18n, agents.settings.switch_on) }}
                        </Button>
                    </span>
                }.into_any(),
            }}
            <p class="field__error" role="alert" data-testid="ai-access-error" hidden=move || error.with(Option::is_none)>
                {move || error.get().map(|e| e.shown())}
            </p>
        </section>
    }
}
