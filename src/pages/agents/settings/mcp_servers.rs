//! The MCP servers registered on the portal (`ai/servers`, DocSpace admins), each deletable
//! after asking in place, and the form to register one. Deleting a server also takes it from
//! every agent that used it (`McpDao.DeleteServersAsync`), which the question says.
//!
//! Header values are not shown: the portal returns them to admins, but they are credentials,
//! so the list names the headers only.

use docspace_api::Client;
use docspace_api::api::McpServer;
use leptos::prelude::*;

use super::add_mcp::AddMcpServer;
use crate::components::{ConfirmInline, EmptyState, ErrorState, Loading};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{Said, text};

/// How many servers the section lists: DocSpace pages at most 100, and a portal with more
/// registered than that is not one this page is for.
const PAGE: u32 = 100;

/// The MCP servers section.
#[component]
pub fn McpServers(client: Client) -> impl IntoView {
    let i18n = use_i18n();
    let stored = StoredValue::new_local(client);
    let version = RwSignal::new(0u32);
    let list = LocalResource::new(move || {
        version.track();
        async move { stored.get_value().mcp().list(0, PAGE).await }
    });
    let refresh = Callback::new(move |()| version.update(|v| *v += 1));
    view! {
        <section class="ai-settings__section" aria-labelledby="ai-mcp-title" data-testid="mcp-servers">
            <h2 id="ai-mcp-title">{t!(i18n, agents.mcp.title)}</h2>
            <p class="muted">{t!(i18n, agents.mcp.intro)}</p>
            {move || match list.get() {
                None => view! { <Loading label=text!(i18n, agents.mcp.loading)/> }.into_any(),
                Some(Err(e)) => view! {
                    <ErrorState title=t_string!(i18n, agents.mcp.list_failed) message=user_message(&e)/>
                }.into_any(),
                Some(Ok(page)) if page.items.is_empty() => view! {
                    <EmptyState title=t_string!(i18n, agents.mcp.none) description=t_string!(i18n, agents.mcp.none_hint)/>
                }.into_any(),
                Some(Ok(page)) => view! {
                    <ul class="ai-settings__providers" data-testid="mcp-list">
                        {page.items.into_iter().map(|s| view! {
                            <ServerRow client=stored.get_value() server=s on_deleted=refresh/>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <AddMcpServer client=stored.get_value() on_added=refresh/>
        </section>
    }
}

/// One server: its name, URL and header names, and Delete; a failure shows under it.
#[component]
fn ServerRow(client: Client, server: McpServer, on_deleted: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let stored = StoredValue::new_local(client);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<Said>);
    let McpServer {
        id,
        name,
        endpoint,
        headers,
        ..
    } = server;
    let header_names = headers
        .map(|h| h.into_keys().collect::<Vec<_>>().join(", "))
        .filter(|s| !s.is_empty());
    let delete = Callback::new(move |()| {
        let id = id.clone();
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let outcome = stored.get_value().mcp().delete(&[id.as_str()]).await;
            busy.set(false);
            match outcome {
                Ok(()) => on_deleted.run(()),
                Err(e) => error.set(Some(user_message(&e))),
            }
        });
    });
    let (label_name, question_name) = (name.clone(), name.clone());
    view! {
        <li class="ai-settings__provider" data-testid="mcp-row" data-name=name.clone()>
            <span class="ai-settings__provider-title">{name.clone()}</span>
            <span class="muted ai-settings__provider-url">{endpoint.unwrap_or_default()}</span>
            {header_names.map(|h| view! {
                <span class="muted">{move || t_string!(i18n, agents.mcp.sends_headers, names = &h).to_string()}</span>
            })}
            <ConfirmInline
                label=text!(i18n, common.delete)
                aria_label=t_string!(i18n, agents.settings.delete_one, title = &label_name).to_string()
                question=Signal::derive(move || t_string!(i18n, agents.mcp.delete_question, name = &question_name).to_string())
                busy=busy
                testid="mcp-delete"
                on_confirm=delete
            />
            <p class="field__error ai-settings__row-error" role="alert" data-testid="mcp-row-error" hidden=move || error.with(Option::is_none)>
                {move || error.get().map(|e| e.shown())}
            </p>
        </li>
    }
}
