//! AI agents, as DocSpace 3.7 offers them: the agents the user can see, "New agent" for those who
//! may create one (DocSpace admins and room admins), each agent's page with its settings, its MCP
//! servers and a chat whose answers stream in, and the admins' AI settings (the AI switch, the
//! providers and the MCP servers).
//! Everything here is one lazy chunk (`ai`, src/pages/lazy.rs).

mod agent;
mod chat;
mod edit;
mod knowledge;
mod manage;
mod mcp;
mod new_agent;
mod picker;
mod prompt;
mod rename;
mod settings;

use docspace_api::Client;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use self::agent::AgentPage;
use self::new_agent::NewAgentDialog;
use self::settings::AiSettingsPage;
use crate::components::{Button, ButtonAppearance, EmptyState, ErrorState, Loading};
use crate::errors::user_message;
use crate::i18n::{t, use_i18n};
use crate::locale::text;
use crate::rights::may_create_rooms;
use crate::state::use_session;

/// Whether `user` sees the AI settings: DocSpace admins and the owner (the portal refuses the
/// rest: `settings/ai-access` and `ai/providers` demand an admin).
pub fn may_manage_ai(user: &docspace_api::models::Employee) -> bool {
    user.is_admin || user.is_owner
}

/// `/agents` (the list), `/agents/settings` and `/agents/:id` (an agent): one lazy route for
/// the three, which costs the main module less than three.
#[component]
pub fn AgentsSection() -> impl IntoView {
    let params = use_params_map();
    let sub = Memo::new(move |_| params.with(|p| p.get("id")));
    move || match sub.get().as_deref() {
        None => view! { <AgentsPage/> }.into_any(),
        Some("settings") => view! { <AiSettingsPage/> }.into_any(),
        Some(_) => view! { <AgentPage/> }.into_any(),
    }
}

/// `/agents`.
#[component]
fn AgentsPage() -> impl IntoView {
    let session = use_session();
    move || {
        let (client, user) = (session.client()?, session.user()?);
        let can_create = may_create_rooms(&user);
        let admin = may_manage_ai(&user);
        Some(view! { <AgentList client=client can_create=can_create admin=admin/> })
    }
}

#[component]
fn AgentList(client: Client, can_create: bool, admin: bool) -> impl IntoView {
    let i18n = use_i18n();
    let stored = StoredValue::new_local(client);
    let version = RwSignal::new(0u32);
    let agents = LocalResource::new(move || {
        version.track();
        async move {
            let client = stored.get_value();
            let ai = client.ai();
            // With AI switched off the portal refuses every AI call; say so plainly.
            if !ai.access().await? {
                return Ok(None);
            }
            ai.agents().await.map(Some)
        }
    });
    let new_open = RwSignal::new(false);
    view! {
        <div class="page agents">
            <div class="page-header">
                <h1>{t!(i18n, nav.agents)}</h1>
                <div class="toolbar">
                    {admin.then(|| view! {
                        <A href="/agents/settings" attr:class="btn btn--subtle" attr:data-testid="ai-settings-link">{t!(i18n, agents.settings.title)}</A>
                    })}
                    {can_create.then(|| view! {
                        <span data-testid="new-agent">
                            <Button appearance=ButtonAppearance::Primary on_click=Callback::new(move |_| new_open.set(true))>{t!(i18n, agents.new_agent)}</Button>
                        </span>
                    })}
                </div>
            </div>
            {move || match agents.get() {
                None => view! { <Loading label=text!(i18n, agents.loading)/> }.into_any(),
                Some(Err(e)) => view! {
                    <ErrorState title=text!(i18n, agents.list_failed) message=user_message(&e)>
                        <Button on_click=Callback::new(move |_| version.update(|v| *v += 1))>{t!(i18n, common.try_again)}</Button>
                    </ErrorState>
                }.into_any(),
                Some(Ok(None)) => view! {
                    <EmptyState title=text!(i18n, agents.ai_off) description=text!(i18n, agents.ai_off_hint)/>
                }.into_any(),
                Some(Ok(Some(list))) if list.is_empty() => view! {
                    <EmptyState title=text!(i18n, agents.none) description=text!(i18n, agents.none_hint)/>
                }.into_any(),
                Some(Ok(Some(list))) => view! {
                    <ul class="agents__list" data-testid="agents-list">
                        {list.into_iter().map(|a| {
                            let model = a.chat_settings.map(|s| s.model_id).unwrap_or_default();
                            view! {
                                <li class="agents__item">
                                    <A href=format!("/agents/{}", a.id) attr:class="agents__link" attr:data-testid="agent-link">{a.title}</A>
                                    <span class="muted">{model}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </div>
        {can_create.then(|| view! { <NewAgentDialog client=stored.get_value() open=new_open/> })}
    }
}
