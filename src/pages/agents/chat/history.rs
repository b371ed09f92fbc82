//! The user's chats with the agent (DocSpace keeps each user's chats private), newest first, and
//! "New chat". Reloaded whenever a new chat starts.

use docspace_api::Client;
use leptos::prelude::*;

use crate::components::{Button, ButtonAppearance};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};

/// Lists the chats of agent `agent_id`; `on_open` opens one (`None`: a new chat).
#[component]
pub fn History(
    client: Client,
    agent_id: i64,
    current: RwSignal<Option<String>>,
    version: RwSignal<u32>,
    on_open: Callback<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = StoredValue::new_local(client);
    let chats = LocalResource::new(move || {
        version.track();
        async move { client.get_value().ai().chats(agent_id).await }
    });
    view! {
        <nav class="chat__history" aria-label=move || t_string!(i18n, agents.chat.chats)>
            <span data-testid="chat-new">
                <Button appearance=ButtonAppearance::Secondary on_click=Callback::new(move |_| on_open.run(None))>{t!(i18n, agents.chat.new_chat)}</Button>
            </span>
            {move || match chats.get() {
                None => view! { <p class="muted">{t!(i18n, agents.chat.loading)}</p> }.into_any(),
                Some(Err(e)) => view! {
                    <p class="chat__error" role="alert">{t_string!(i18n, agents.chat.list_failed, reason = user_message(&e)).to_string()}</p>
                }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="muted">{t!(i18n, agents.chat.none)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="chat__history-list">
                        {list.into_iter().map(|c| {
                            let id = c.id.clone();
                            let here = c.id.clone();
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="chat__history-item"
                                        data-testid="chat-history-item"
                                        aria-current=move || (current.get().as_deref() == Some(here.as_str())).then_some("true")
                                        on:click=move |_| on_open.run(Some(id.clone()))
                                    >{c.title}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </nav>
    }
}
