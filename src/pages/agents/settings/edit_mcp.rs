//! Editing a registered MCP server in place: its name, description, URL and headers, as
//! DocSpace's own edit dialog offers them (ONLYOFFICE/DocSpace-client
//! `packages/client/src/pages/PortalSettings/categories/ai-settings/servers/dialogs/edit/index.tsx`).
//!
//! Like that dialog, only what changed is sent (`PUT ai/servers/{id}`): the portal connects to
//! the server again when the URL or the headers change, and refuses with its own message when it
//! cannot (`McpService.UpdateCustomServerAsync`). Unlike it, header values are never shown: the
//! rows name the headers, and a value left empty keeps the portal's (`mcp_headers`). A server
//! whose credentials the portal can no longer read (`needReset`) has them typed again.

use std::collections::BTreeMap;

use docspace_api::Client;
use docspace_api::api::McpServer;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::mcp_headers::{HeaderList, HeaderRow, header_map};
use crate::components::{Button, ButtonAppearance, PendingError, TextField, use_pending};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::text;

/// The form for `server`; `on_saved` gets the server as the portal now has it, `on_cancel`
/// runs when the admin leaves it unchanged.
#[component]
pub fn EditMcpServer(
    client: Client,
    server: McpServer,
    on_saved: Callback<McpServer>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let stored = StoredValue::new_local(client);
    let held = server.headers.clone().unwrap_or_default();
    let need_reset = server.need_reset;
    let name = RwSignal::new(server.name.clone());
    let description = RwSignal::new(server.description.clone().unwrap_or_default());
    let url = RwSignal::new(server.endpoint.clone().unwrap_or_default());
    let rows: Vec<HeaderRow> = held
        .keys()
        .enumerate()
        .map(|(i, k)| HeaderRow::existing(i as u32, k))
        .collect();
    let headers = RwSignal::new(rows);
    let original = StoredValue::new(server);
    let held = StoredValue::new(held);
    let pending = use_pending();
    let on_submit = move |ev: SubmitEvent| {
        if !pending.submits(&ev) {
            return;
        }
        // With `needReset` the held values are of no use: every value is typed again.
        let kept = if need_reset {
            BTreeMap::new()
        } else {
            held.get_value()
        };
        let map = match header_map(&headers.get_untracked(), &kept) {
            Ok(m) => m,
            Err(m) => return pending.refuse(m),
        };
        let before = original.get_value();
        let change = Change::between(
            &before,
            &held.get_value(),
            need_reset,
            Change {
                name: name.get_untracked().trim().to_string(),
                description: description.get_untracked().trim().to_string(),
                endpoint: url.get_untracked().trim().to_string(),
                headers: Some(map),
            },
        );
        let Some(change) = change else {
            on_cancel.run(());
            return;
        };
        let update = async move {
            let client = stored.get_value();
            let mut b = client.mcp().update(before.id.clone());
            if !change.name.is_empty() {
                b = b.name(change.name);
            }
            if !change.description.is_empty() {
                b = b.description(change.description);
            }
            if !change.endpoint.is_empty() {
                b = b.endpoint(change.endpoint);
            }
            if let Some(h) = change.headers {
                b = b.headers(h);
            }
            b.send().await
        };
        pending.run(update, move |saved| on_saved.run(saved));
    };
    let shown = original.with_value(|s| s.name.clone());
    let title = move || t_string!(i18n, agents.mcp.edit_title, name = &shown).to_string();
    let heading = title.clone();
    view! {
        <form class="agents__form ai-settings__edit" aria-label=title data-testid="edit-mcp" on:submit=on_submit>
            <h3>{heading}</h3>
            <div data-testid="edit-mcp-name">
                <TextField label=text!(i18n, room.panel.name) value=name required=true hint=text!(i18n, agents.mcp.name_hint)/>
            </div>
            <div data-testid="edit-mcp-description">
                <TextField label=text!(i18n, agents.mcp.description) value=description required=true/>
            </div>
            <div data-testid="edit-mcp-url">
                <TextField label="URL" value=url required=true hint=text!(i18n, agents.mcp.url_hint)/>
            </div>
            <HeaderList headers=headers add_testid="edit-mcp-add-header">
                <p class="muted">
                    {move || if need_reset {
                        t_string!(i18n, agents.mcp.headers_reset).to_string()
                    } else {
                        t_string!(i18n, agents.mcp.headers_edit_hint).to_string()
                    }}
                </p>
            </HeaderList>
            <PendingError pending testid="edit-mcp-error"/>
            <div class="ai-settings__edit-actions">
                <span data-testid="edit-mcp-save">
                    <Button appearance=ButtonAppearance::Primary submit=true busy=pending.busy>{t!(i18n, common.save)}</Button>
                </span>
                <span data-testid="edit-mcp-cancel">
                    <Button appearance=ButtonAppearance::Subtle on_click=Callback::new(move |_| on_cancel.run(()))>{t!(i18n, common.cancel)}</Button>
                </span>
            </div>
        </form>
    }
}

/// What an edit sends: empty texts and `None` headers are left as they are (the portal skips
/// empty fields and keeps headers it is not sent).
#[derive(Debug, Clone, PartialEq)]
struct Change {
    name: String,
    description: String,
    endpoint: String,
    headers: Option<BTreeMap<String, String>>,
}

impl Change {
    /// What `typed` changes of `before` (whose headers are `held`), or `None` for nothing. The
    /// headers go whole when any differs, or always when the portal asked for them again.
    fn between(
        before: &McpServer,
        held: &BTreeMap<String, String>,
        need_reset: bool,
        typed: Change,
    ) -> Option<Change> {
        let differs = |now: String, was: Option<&str>| {
            if Some(now.as_str()) == was {
                String::new()
            } else {
                now
            }
        };
        let change = Change {
            name: differs(typed.name, Some(before.name.as_str())),
            description: differs(typed.description, before.description.as_deref()),
            endpoint: differs(typed.endpoint, before.endpoint.as_deref()),
            headers: typed.headers.filter(|h| need_reset || h != held),
        };
        let unchanged = change.name.is_empty()
            && change.description.is_empty()
            && change.endpoint.is_empty()
            && change.headers.is_none();
        (!unchanged).then_some(change)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server() -> McpServer {
        McpServer {
            id: "00000000-0000-0000-0000-000000000001".into(),
            name: "tools".into(),
            description: Some("Our tools".into()),
            endpoint: Some("http://127.0.0.1:1/mcp".into()),
            server_type: 0,
            headers: Some(BTreeMap::from([(
                "Authorization".into(),
                "Bearer k".into(),
            )])),
            enabled: true,
            need_reset: false,
        }
    }

    fn typed(name: &str, headers: &[(&str, &str)]) -> Change {
        Change {
            name: name.into(),
            description: "Our tools".into(),
            endpoint: "http://127.0.0.1:1/mcp".into(),
            headers: Some(
                headers
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            ),
        }
    }

    #[test]
    fn only_what_changed_is_sent_and_headers_go_whole() {
        let s = server();
        let held = s.headers.clone().unwrap_or_default();
        let same = typed("tools", &[("Authorization", "Bearer k")]);
        assert_eq!(Change::between(&s, &held, false, same.clone()), None);
        let renamed = Change::between(
            &s,
            &held,
            false,
            typed("tools2", &[("Authorization", "Bearer k")]),
        );
        assert_eq!(
            renamed,
            Some(Change {
                name: "tools2".into(),
                description: String::new(),
                endpoint: String::new(),
                headers: None,
            })
        );
        let more = Change::between(
            &s,
            &held,
            false,
            typed("tools", &[("Authorization", "Bearer k"), ("X-Team", "a")]),
        );
        assert_eq!(more.and_then(|c| c.headers).map(|h| h.len()), Some(2));
        // Asked again for its credentials: the headers go even when they look the same.
        assert!(Change::between(&s, &held, true, same).is_some_and(|c| c.headers.is_some()));
    }
}
