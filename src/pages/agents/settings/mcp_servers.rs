//! The MCP servers registered on the portal (`ai/servers`, DocSpace admins): each switched on or
//! off, edited in place, or deleted after asking in place, and the form to register one.
//! Deleting a server also takes it from every agent that used it (`McpDao.DeleteServersAsync`),
//! which the question says; a server switched off stays registered and linked, but is offered
//! to no agent and used in no chat (`McpController.SetServerStatusAsync`).
//!
//! The portal lists at most 100 servers a request (`PaginatedRequestDto`); the section reads
//! page after page until it has them all.
//!
//! Header values are not shown: the portal returns them to admins, but they are credentials,
//! so the list names the headers only.

use docspace_api::Client;
use docspace_api::api::McpServer;
use futures::TryStreamExt;
use leptos::prelude::*;

use super::super::mcp::asked;
use super::add_mcp::AddMcpServer;
use super::edit_mcp::EditMcpServer;
use crate::components::{
    Button, ButtonAppearance, ConfirmInline, EmptyState, ErrorState, Loading, PendingError,
    unique_id, use_pending, use_toaster,
};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{said, text};

/// The MCP servers section.
#[component]
pub fn McpServers(client: Client) -> impl IntoView {
    let i18n = use_i18n();
    let stored = StoredValue::new_local(client);
    let version = RwSignal::new(0u32);
    let list = LocalResource::new(move || {
        version.track();
        async move {
            stored
                .get_value()
                .mcp()
                .stream()
                .try_collect::<Vec<_>>()
                .await
        }
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
                Some(Ok(servers)) if servers.is_empty() => view! {
                    <EmptyState title=t_string!(i18n, agents.mcp.none) description=t_string!(i18n, agents.mcp.none_hint)/>
                }.into_any(),
                Some(Ok(servers)) => {
                    let count = servers.len();
                    view! {
                        <p class="muted" data-testid="mcp-count">{move || t_string!(i18n, agents.mcp.count, count).to_string()}</p>
                        <ul class="ai-settings__providers" data-testid="mcp-list">
                            {servers.into_iter().map(|s| view! {
                                <ServerRow client=stored.get_value() server=s on_deleted=refresh/>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <AddMcpServer client=stored.get_value() on_added=refresh/>
        </section>
    }
}

/// One server: its name, URL and header names, its switch, Edit and Delete; a failure shows
/// under it. The row shows the server as the portal last answered (a switch and an edit answer
/// with it), so it changes without listing every server again.
#[component]
fn ServerRow(client: Client, server: McpServer, on_deleted: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let stored = StoredValue::new_local(client);
    let pending = use_pending();
    let busy = pending.busy;
    let editing = RwSignal::new(false);
    let id = StoredValue::new(server.id.clone());
    let server = RwSignal::new(server);
    let name = Memo::new(move |_| server.with(|s| s.name.clone()));
    let enabled = Memo::new(move |_| server.with(|s| s.enabled));
    let header_names = move || {
        server.with(|s| {
            s.headers
                .as_ref()
                .map(|h| h.keys().cloned().collect::<Vec<_>>().join(", "))
                .filter(|n| !n.is_empty())
        })
    };
    let delete = Callback::new(move |()| {
        let call = async move {
            let mcp = stored.get_value();
            mcp.mcp().delete(&[id.get_value().as_str()]).await
        };
        pending.run(call, move |()| on_deleted.run(()));
    });
    let switch = move |on: bool| {
        let call = async move {
            let mcp = stored.get_value();
            mcp.mcp().set_enabled(&id.get_value(), on).await
        };
        pending.run(call, move |now| server.set(now));
    };
    let saved = Callback::new(move |now: McpServer| {
        let shown = now.name.clone();
        server.set(now);
        editing.set(false);
        toaster.success(said!(agents.mcp.updated, name = &shown));
    });
    let box_id = unique_id("mcp-enabled");
    let hint_id = format!("{box_id}-hint");
    view! {
        <li class="ai-settings__provider ai-settings__server" data-testid="mcp-row" data-name=move || name.get() data-enabled=move || enabled.get().to_string()>
            <span class="ai-settings__provider-title">{move || name.get()}</span>
            <span class="muted ai-settings__provider-url">{move || server.with(|s| s.endpoint.clone().unwrap_or_default())}</span>
            {move || header_names().map(|h| view! {
                <span class="muted">{move || t_string!(i18n, agents.mcp.sends_headers, names = &h).to_string()}</span>
            })}
            <div class="check" data-testid="mcp-enabled">
                <input
                    id=box_id.clone()
                    class="check__input"
                    type="checkbox"
                    role="switch"
                    aria-describedby=hint_id.clone()
                    aria-busy=move || busy.get().then_some("true")
                    prop:checked=move || enabled.get()
                    on:change=move |ev| {
                        let wanted = asked(&ev);
                        if !busy.get_untracked() {
                            switch(wanted);
                        }
                    }
                />
                <label class="check__label" for=box_id>{t!(i18n, agents.mcp.enabled)}</label>
                <span class="visually-hidden" id=hint_id>{t!(i18n, agents.mcp.enabled_hint)}</span>
            </div>
            <span data-testid="mcp-edit">
                <Button
                    appearance=ButtonAppearance::Secondary
                    label=Signal::derive(move || t_string!(i18n, agents.mcp.edit_one, name = &name.get()).to_string())
                    on_click=Callback::new(move |_| editing.update(|e| *e = !*e))
                >
                    {t!(i18n, agents.mcp.edit)}
                </Button>
            </span>
            <ConfirmInline
                label=text!(i18n, common.delete)
                aria_label=Signal::derive(move || t_string!(i18n, agents.settings.delete_one, title = &name.get()).to_string())
                question=Signal::derive(move || t_string!(i18n, agents.mcp.delete_question, name = &name.get()).to_string())
                busy=busy
                testid="mcp-delete"
                on_confirm=delete
            />
            <PendingError pending testid="mcp-row-error" class="field__error ai-settings__row-error"/>
            <Show when=move || editing.get()>
                <EditMcpServer
                    client=stored.get_value()
                    server=server.get_untracked()
                    on_saved=saved
                    on_cancel=Callback::new(move |()| editing.set(false))
                />
            </Show>
        </li>
    }
}
