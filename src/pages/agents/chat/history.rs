//! The user's chats with the agent (DocSpace keeps each user's chats private), newest first, and
//! "New chat". Reloaded whenever a new chat starts. Each chat can be renamed in place, and
//! deleted after asking in place; deleting the open chat leaves an empty new one.

use docspace_api::Client;
use docspace_api::api::Chat;
use leptos::prelude::*;

use super::super::manage::return_focus;
use super::super::rename::{RenameInPlace, RenameLayout};
use crate::components::{Button, ButtonAppearance, ConfirmInline};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{Said, said, text};

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
    let changed = Callback::new(move |()| version.update(|v| *v += 1));
    view! {
        <nav class="chat__history" aria-label=move || t_string!(i18n, agents.chat.chats)>
            <span data-testid="chat-new">
                <Button appearance=ButtonAppearance::Secondary on_click=Callback::new(move |_| on_open.run(None))>{t!(i18n, agents.chat.new_chat)}</Button>
            </span>
            {move || match chats.get() {
                None => view! { <p class="muted">{t!(i18n, agents.chat.loading)}</p> }.into_any(),
                Some(Err(e)) => view! {
                    <p class="chat__error" role="alert">{t_string!(i18n, agents.chat.list_failed, reason = user_message(&e).shown()).to_string()}</p>
                }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="muted">{t!(i18n, agents.chat.none)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="chat__history-list">
                        {list.into_iter().map(|c| view! {
                            <ChatRow client=client.get_value() chat=c current=current on_open=on_open on_changed=changed/>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </nav>
    }
}

/// One chat: opens it, renames it, deletes it. A refusal shows under it.
#[component]
fn ChatRow(
    client: Client,
    chat: Chat,
    current: RwSignal<Option<String>>,
    on_open: Callback<Option<String>>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let stored = StoredValue::new_local(client);
    let Chat { id, title } = chat;
    let id = StoredValue::new(id);
    let title = StoredValue::new(title);
    let renaming = RwSignal::new(false);
    let deleting = RwSignal::new(false);
    let error = RwSignal::new(None::<Said>);
    let rename_button = NodeRef::<leptos::html::Span>::new();
    return_focus(renaming, rename_button);
    let is_current = move || current.get().as_deref() == Some(id.get_value().as_str());
    let delete = Callback::new(move |()| {
        deleting.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let chat = id.get_value();
            let outcome = stored.get_value().ai().delete_chat(&chat).await;
            deleting.set(false);
            match outcome {
                Ok(()) => {
                    if current.get_untracked().as_deref() == Some(chat.as_str()) {
                        on_open.run(None);
                    }
                    on_changed.run(());
                }
                Err(e) => error.set(Some(user_message(&e))),
            }
        });
    });
    view! {
        <li class="chat__history-row" data-testid="chat-row" data-title=title.get_value()>
            <Show
                when=move || renaming.get()
                fallback=move || view! {
                    <button
                        type="button"
                        class="chat__history-item"
                        data-testid="chat-history-item"
                        aria-current=move || is_current().then_some("true")
                        on:click=move |_| on_open.run(Some(id.get_value()))
                    >{title.get_value()}</button>
                    <span class="chat__history-actions">
                        <span data-testid="chat-rename" node_ref=rename_button>
                            <Button
                                appearance=ButtonAppearance::Subtle
                                label=t_string!(i18n, agents.chat.rename_one, title = title.get_value()).to_string()
                                on_click=Callback::new(move |_| renaming.set(true))
                            >{t!(i18n, agents.chat.rename)}</Button>
                        </span>
                        <ConfirmInline
                            label=text!(i18n, common.delete)
                            aria_label=t_string!(i18n, agents.chat.delete_one, title = title.get_value()).to_string()
                            question=text!(i18n, agents.chat.delete_question)
                            busy=deleting
                            testid="chat-delete"
                            on_confirm=delete
                        />
                    </span>
                }
            >
                <RenameInPlace
                    label=text!(i18n, agents.chat.new_name)
                    current=title.get_value()
                    blank=said!(agents.chat.name_blank)
                    save=move |name| async move {
                        let renamed = stored.get_value().ai().rename_chat(&id.get_value(), name).await;
                        renamed.map(|_| ()).map_err(|e| user_message(&e))
                    }
                    on_done=Callback::new(move |renamed: bool| {
                        renaming.set(false);
                        if renamed {
                            on_changed.run(());
                        }
                    })
                    layout=RenameLayout::Stacked
                    testid="chat-rename"
                />
            </Show>
            <p class="field__error" role="alert" data-testid="chat-row-error" hidden=move || error.with(Option::is_none)>
                {move || error.get().map(|e| e.shown())}
            </p>
        </li>
    }
}
