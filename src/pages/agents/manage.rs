//! Renaming and deleting an agent, from its page. Renaming keeps its provider, model and
//! instructions; deleting asks first, in place, and says what goes with it: DocSpace deletes the
//! agent past the trash, with its chats and knowledge. Only the agent's owner may delete it;
//! anyone else gets the portal's refusal under the button.

use docspace_api::Client;
use docspace_api::api::Agent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::rename::{RenameInPlace, RenameLayout};
use crate::components::{Button, ButtonAppearance, ConfirmInline, use_toaster};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{Said, said, text};

/// Rename and Delete for agent `agent`; `on_renamed` gets the agent as saved.
#[component]
pub fn AgentActions(client: Client, agent: Agent, on_renamed: Callback<Agent>) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    // Kept local: the router's navigate is not `Send`, and callbacks must be.
    let navigate = StoredValue::new_local(use_navigate());
    let stored = StoredValue::new_local(client);
    let id = agent.id;
    let title = RwSignal::new(agent.title.clone());
    let renaming = RwSignal::new(false);
    let deleting = RwSignal::new(false);
    let error = RwSignal::new(None::<Said>);
    let rename_button = NodeRef::<leptos::html::Span>::new();
    return_focus(renaming, rename_button);
    let delete = Callback::new(move |()| {
        deleting.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let outcome = stored.get_value().ai().delete_agent(id).await;
            deleting.set(false);
            match outcome {
                Ok(_) => {
                    let title = title.get_untracked();
                    toaster.success(said!(agents.manage.deleted, title = &title));
                    navigate.try_with_value(|go| go("/agents", Default::default()));
                }
                Err(e) => error.set(Some(user_message(&e))),
            }
        });
    });
    let on_saved = Callback::new(move |a: Agent| {
        title.set(a.title.clone());
        renaming.set(false);
        on_renamed.run(a);
    });
    view! {
        <div class="agent-actions" data-testid="agent-actions">
            <Show
                when=move || renaming.get()
                fallback=move || view! {
                    <span data-testid="agent-rename" node_ref=rename_button>
                        <Button appearance=ButtonAppearance::Subtle on_click=Callback::new(move |_| renaming.set(true))>{t!(i18n, agents.manage.rename)}</Button>
                    </span>
                    <ConfirmInline
                        label=text!(i18n, agents.manage.delete)
                        question=Signal::derive(move || t_string!(i18n, agents.manage.delete_question, title = title.get()).to_string())
                        busy=deleting
                        testid="agent-delete"
                        on_confirm=delete
                    />
                }
            >
                <RenameInPlace
                    label=text!(i18n, agents.manage.new_name)
                    current=title.get_untracked()
                    blank=said!(agents.name_blank)
                    save=move |name| async move {
                        let agent = stored.get_value().ai().rename_agent(id, name).await;
                        agent.map(|a| on_saved.run(a)).map_err(|e| user_message(&e))
                    }
                    on_done=Callback::new(move |_| renaming.set(false))
                    layout=RenameLayout::Row
                    testid="agent-rename"
                />
            </Show>
            <p class="field__error" role="alert" data-testid="agent-actions-error" hidden=move || error.with(Option::is_none)>
                {move || error.get().map(|e| e.shown())}
            </p>
        </div>
    }
}

/// When an in-place form closes (saved, Cancel or Escape), focus goes back to the button that
/// opened it, inside `host`, instead of being lost with the form.
pub(super) fn return_focus(open: RwSignal<bool>, host: NodeRef<leptos::html::Span>) {
    Effect::new(move |was_open: Option<bool>| {
        let now = open.get();
        if was_open == Some(true) && !now {
            let button = host
                .get()
                .and_then(|h| h.query_selector("button").ok().flatten())
                .and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok());
            if let Some(b) = button {
                let _ = b.focus();
            }
        }
        now
    });
}
