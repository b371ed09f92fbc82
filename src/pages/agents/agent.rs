//! `/agents/:id`: one agent, its knowledge, its settings (provider, model, instructions, MCP
//! servers and their tools), Rename and Delete, and the chat panel.

use docspace_api::Client;
use docspace_api::api::Agent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::chat::ChatPanel;
use super::edit::AgentSettingsForm;
use super::knowledge::KnowledgeLink;
use super::manage::AgentActions;
use super::mcp::AgentServers;
use crate::components::{Button, ErrorState, Loading};
use crate::errors::user_message;
use crate::i18n::{t, use_i18n};
use crate::locale::text;
use crate::rights::may_create_rooms;
use crate::state::use_session;

/// The route's page.
#[component]
pub fn AgentPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok())));
    move || {
        match (session.client(), id.get()) {
        (Some(client), Some(id)) => view! { <AgentView client=client id=id/> }.into_any(),
        (Some(_), None) => view! {
            <div class="page"><ErrorState title=text!(i18n, agents.no_such) message=text!(i18n, agents.no_such_hint)/></div>
        }
        .into_any(),
        _ => ().into_any(),
    }
    }
}

#[component]
fn AgentView(client: Client, id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // Room admins and DocSpace admins manage agents; the portal refuses an edit to anyone else
    // who may not edit this agent's room, and says so in the form.
    let may_edit = session.user().is_some_and(|u| may_create_rooms(&u));
    let stored = StoredValue::new_local(client);
    let version = RwSignal::new(0u32);
    let agent = LocalResource::new(move || {
        version.track();
        async move { stored.get_value().ai().agent(id).await }
    });
    let saved = RwSignal::new(None::<Agent>);
    let current = move || saved.get().or_else(|| agent.get().and_then(Result::ok));
    let on_saved = Callback::new(move |a: Agent| saved.set(Some(a)));
    view! {
        <div class="page agents agent-page">
            <p class="agents__back"><A href="/agents">{t!(i18n, agents.back)}</A></p>
            {move || match agent.get() {
                None => view! { <Loading label=text!(i18n, agents.loading_one)/> }.into_any(),
                Some(Err(e)) => view! {
                    <ErrorState title=text!(i18n, agents.open_failed) message=user_message(&e)>
                        <Button on_click=Callback::new(move |_| version.update(|v| *v += 1))>{t!(i18n, common.try_again)}</Button>
                    </ErrorState>
                }.into_any(),
                Some(Ok(a)) => view! {
                    <div class="page-header">
                        <h1 data-testid="agent-name">{move || current().map(|a| a.title)}</h1>
                        <p class="muted" data-testid="agent-model-name">
                            {move || current().and_then(|a| a.chat_settings).map(|s| s.model_id)}
                        </p>
                        {may_edit.then(|| view! { <AgentActions client=stored.get_value() agent=a.clone() on_renamed=on_saved/> })}
                    </div>
                    <KnowledgeLink client=stored.get_value() agent_id=a.id/>
                    <div class="agent-page__body">
                        {may_edit.then(|| view! {
                            <details class="agent-page__settings">
                                <summary data-testid="agent-settings-toggle">{t!(i18n, agents.settings_toggle)}</summary>
                                <AgentSettingsForm client=stored.get_value() agent=a.clone() on_saved=on_saved/>
                                <AgentServers client=stored.get_value() agent_id=a.id/>
                            </details>
                        })}
                        <ChatPanel client=stored.get_value() agent_id=a.id/>
                    </div>
                }.into_any(),
            }}
        </div>
    }
}
