//! The MCP servers an agent may use, and each server's tools switched on or off.
//!
//! DocSpace links servers to the agent's room (`ai/rooms/{id}/servers`, who may edit the room),
//! at most [`MAX_SERVERS_PER_ROOM`] of them; a box that would pass the limit is disabled here,
//! and the portal refuses it anyway. Tool switches are the caller's own, per agent and server
//! (`ai/rooms/{id}/servers/{server}/tools`): the portal lists the tools live from the server, so
//! a server that cannot be reached says so under its name. Every change is saved at once, and
//! every refusal shows where it happened, in the portal's words.

use std::collections::BTreeSet;

use docspace_api::Client;
use docspace_api::api::{MAX_SERVERS_PER_ROOM, McpServerShort, McpServerStatus, McpTool};
use futures::TryStreamExt;
use leptos::prelude::*;

use crate::components::{Loading, unique_id};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{Said, text};

/// A server offered to the agent: its id and name.
#[derive(Clone, PartialEq, Eq)]
struct Offered {
    id: String,
    name: String,
}

/// The servers to offer: the enabled ones, and any linked one that was disabled since (so that
/// it can still be taken away), by name.
fn offered(available: Vec<McpServerShort>, linked: &[McpServerStatus]) -> Vec<Offered> {
    let mut all: Vec<Offered> = available
        .into_iter()
        .map(|s| Offered {
            id: s.id,
            name: s.name,
        })
        .collect();
    for l in linked {
        if !all.iter().any(|o| o.id == l.id) {
            all.push(Offered {
                id: l.id.clone(),
                name: l.name.clone(),
            });
        }
    }
    all.sort_by(|a, b| a.name.cmp(&b.name));
    all
}

/// The section, for agent `agent_id`.
#[component]
pub fn AgentServers(client: Client, agent_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let stored = StoredValue::new_local(client);
    let loaded = LocalResource::new(move || async move {
        let client = stored.get_value();
        let mcp = client.mcp();
        let linked = mcp.room_servers(agent_id).await?;
        // Every enabled server: the portal lists 100 a request.
        let available: Vec<_> = mcp.stream_available().try_collect().await?;
        Ok::<_, docspace_api::Error>((offered(available, &linked), linked))
    });
    let linked = RwSignal::new(BTreeSet::<String>::new());
    Effect::new(move |_| {
        if let Some(Ok((_, l))) = loaded.get() {
            linked.set(l.into_iter().map(|s| s.id).collect());
        }
    });
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<Said>);
    let toggle = Callback::new(move |(id, on): (String, bool)| {
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let client = stored.get_value();
            let mcp = client.mcp();
            let outcome = if on {
                mcp.add_to_room(agent_id, &[id.as_str()])
                    .await
                    .map(|now| now.into_iter().map(|s| s.id).collect::<BTreeSet<_>>())
            } else {
                mcp.remove_from_room(agent_id, &[id.as_str()])
                    .await
                    .map(|()| {
                        let mut now = linked.get_untracked();
                        now.remove(&id);
                        now
                    })
            };
            busy.set(false);
            match outcome {
                Ok(now) => linked.set(now),
                Err(e) => error.set(Some(user_message(&e))),
            }
        });
    });
    view! {
        <section class="agent-mcp" aria-labelledby="agent-mcp-title" data-testid="agent-mcp">
            <h2 id="agent-mcp-title" class="agent-mcp__title">{t!(i18n, agents.mcp.agent_title)}</h2>
            <p class="muted">{move || t_string!(i18n, agents.mcp.agent_hint, max = MAX_SERVERS_PER_ROOM).to_string()}</p>
            {move || match loaded.get() {
                None => view! { <Loading label=text!(i18n, agents.mcp.loading)/> }.into_any(),
                Some(Err(e)) => view! {
                    <p class="field__error" role="alert">{t_string!(i18n, agents.mcp.agent_failed, reason = user_message(&e).shown()).to_string()}</p>
                }.into_any(),
                Some(Ok((servers, _))) if servers.is_empty() => view! {
                    <p class="muted" data-testid="agent-mcp-none">{t!(i18n, agents.mcp.agent_none)}</p>
                }.into_any(),
                Some(Ok((servers, _))) => view! {
                    <ul class="agent-mcp__servers">
                        {servers.into_iter().map(|s| view! {
                            <ServerChoice client=stored.get_value() agent_id=agent_id server=s linked=linked busy=busy on_toggle=toggle/>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <p class="field__error" role="alert" data-testid="agent-mcp-error" hidden=move || error.with(Option::is_none)>
                {move || error.get().map(|e| e.shown())}
            </p>
        </section>
    }
}

/// Reads what the user asked of a checkbox and puts the box back as it was: the boxes show
/// what the portal holds, and change when it has answered (a refusal leaves them as they were).
/// Boxes are not disabled while a change is saved, which would take keyboard focus from them;
/// a change asked meanwhile is ignored.
pub(super) fn asked(ev: &leptos::ev::Event) -> bool {
    let input = event_target::<web_sys::HtmlInputElement>(ev);
    let wanted = input.checked();
    input.set_checked(!wanted);
    wanted
}

/// One server's box and, while it is linked, its tools.
#[component]
fn ServerChoice(
    client: Client,
    agent_id: i64,
    server: Offered,
    linked: RwSignal<BTreeSet<String>>,
    busy: RwSignal<bool>,
    on_toggle: Callback<(String, bool)>,
) -> impl IntoView {
    let box_id = unique_id("mcp-server");
    let stored = StoredValue::new_local(client);
    let Offered { id, name } = server;
    let (here, for_tools, tools_name) = (id.clone(), id.clone(), name.clone());
    let is_linked = Memo::new(move |_| linked.with(|l| l.contains(&here)));
    // A sixth box stays disabled: DocSpace takes at most five servers per agent.
    let full = move || linked.with(|l| l.len() >= MAX_SERVERS_PER_ROOM) && !is_linked.get();
    view! {
        <li class="agent-mcp__server" data-testid="agent-mcp-server" data-name=name.clone()>
            <div class="check">
                <input
                    id=box_id.clone()
                    class="check__input"
                    type="checkbox"
                    prop:checked=move || is_linked.get()
                    disabled=full
                    aria-busy=move || busy.get().then_some("true")
                    on:change=move |ev| {
                        let wanted = asked(&ev);
                        if !busy.get_untracked() {
                            on_toggle.run((id.clone(), wanted));
                        }
                    }
                />
                <label class="check__label" for=box_id>{name.clone()}</label>
            </div>
            <Show when=move || is_linked.get()>
                <ServerTools client=stored.get_value() agent_id=agent_id server_id=for_tools.clone() server_name=tools_name.clone()/>
            </Show>
        </li>
    }
}

/// The tools of a linked server, each with its switch.
#[component]
fn ServerTools(
    client: Client,
    agent_id: i64,
    server_id: String,
    server_name: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let stored = StoredValue::new_local(client);
    let server = StoredValue::new(server_id);
    let tools = RwSignal::new(None::<Vec<McpTool>>);
    // The names alone: switching a tool changes no name, so the boxes (and focus) stay.
    let names = Memo::new(move |_| {
        tools.with(|t| {
            t.as_ref()
                .map(|t| t.iter().map(|x| x.name.clone()).collect::<Vec<_>>())
        })
    });
    let error = RwSignal::new(None::<Said>);
    let busy = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        let listed = stored
            .get_value()
            .mcp()
            .tools(agent_id, &server.get_value())
            .await;
        match listed {
            Ok(t) => tools.set(Some(t)),
            Err(e) => error.set(Some(user_message(&e))),
        }
    });
    let switch = Callback::new(move |(tool, on): (String, bool)| {
        // The portal takes the whole set of switched-off tools at once.
        let Some(now) = tools.get_untracked() else {
            return;
        };
        let off: Vec<String> = now
            .iter()
            .filter(|t| if t.name == tool { !on } else { !t.enabled })
            .map(|t| t.name.clone())
            .collect();
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let off: Vec<&str> = off.iter().map(String::as_str).collect();
            let saved = stored
                .get_value()
                .mcp()
                .set_disabled_tools(agent_id, &server.get_value(), &off)
                .await;
            busy.set(false);
            match saved {
                Ok(t) => tools.set(Some(t)),
                Err(e) => error.set(Some(user_message(&e))),
            }
        });
    });
    let enabled = move |name: &str| {
        tools.with(|t| {
            t.as_ref()
                .and_then(|t| t.iter().find(|x| x.name == name))
                .is_some_and(|x| x.enabled)
        })
    };
    let label = t_string!(i18n, agents.mcp.tools_of, name = &server_name).to_string();
    view! {
        <fieldset class="agent-mcp__tools" data-testid="mcp-tools" aria-busy=move || busy.get().then_some("true")>
            <legend>{label}</legend>
            {move || match names.get() {
                None if error.with(Option::is_none) => view! { <Loading label=text!(i18n, agents.mcp.tools_loading)/> }.into_any(),
                None => ().into_any(),
                Some(list) if list.is_empty() => view! { <p class="muted">{t!(i18n, agents.mcp.no_tools)}</p> }.into_any(),
                Some(list) => list.into_iter().map(|name| {
                    let id = unique_id("mcp-tool");
                    let (shown, asked_for, text) = (name.clone(), name.clone(), name.clone());
                    view! {
                        <div class="check" data-testid="mcp-tool" data-name=name>
                            <input
                                id=id.clone()
                                class="check__input"
                                type="checkbox"
                                prop:checked=move || enabled(&shown)
                                on:change=move |ev| {
                                    let wanted = asked(&ev);
                                    if !busy.get_untracked() {
                                        switch.run((asked_for.clone(), wanted));
                                    }
                                }
                            />
                            <label class="check__label agent-mcp__tool" for=id>{text}</label>
                        </div>
                    }
                }).collect_view().into_any(),
            }}
            <p class="field__error" role="alert" data-testid="mcp-tools-error" hidden=move || error.with(Option::is_none)>
                {move || error.get().map(|e| e.shown())}
            </p>
        </fieldset>
    }
}
