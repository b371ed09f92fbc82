//! `/agents/settings`: the AI switch, the providers and the MCP servers, for DocSpace admins and the owner only
//! (the portal refuses these calls to anyone else; the page is not offered to them).

mod access;
mod add_mcp;
mod add_provider;
mod edit_mcp;
mod mcp_headers;
mod mcp_servers;
mod providers;

use leptos::prelude::*;
use leptos_router::components::A;

use self::access::AccessSwitch;
use self::mcp_servers::McpServers;
use self::providers::Providers;
use super::may_manage_ai;
use crate::components::EmptyState;
use crate::i18n::{t, use_i18n};
use crate::locale::text;
use crate::state::use_session;

/// The route's page.
#[component]
pub fn AiSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    move || {
        let (client, user) = (session.client()?, session.user()?);
        let view = if may_manage_ai(&user) {
            let enabled = RwSignal::new(None::<bool>);
            let stored = StoredValue::new_local(client);
            view! {
                <AccessSwitch client=stored.get_value() enabled=enabled/>
                <Show when=move || enabled.get() == Some(true)>
                    <Providers client=stored.get_value()/>
                    <McpServers client=stored.get_value()/>
                </Show>
            }
            .into_any()
        } else {
            view! {
                <EmptyState title=text!(i18n, agents.settings.admins_only) description=text!(i18n, agents.settings.admins_only_hint)/>
            }
            .into_any()
        };
        Some(view! {
            <div class="page agents ai-settings" data-testid="ai-settings">
                <p class="agents__back"><A href="/agents">{t!(i18n, agents.back)}</A></p>
                <h1>{t!(i18n, agents.settings.title)}</h1>
                {view}
            </div>
        })
    }
}
