//! Registering an MCP server: a name, a description and its streamable HTTP URL, as DocSpace's
//! own dialog asks (`ai-settings/servers`), and optional headers sent with every call to it (an
//! `Authorization`, typically; DocSpace takes any name/value pairs). The portal connects to the
//! server before saving it and refuses it, with its own message, when it cannot. Header values
//! are typed like passwords and cleared once sent: they are credentials (`mcp_headers`).

use std::collections::BTreeMap;

use docspace_api::Client;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::mcp_headers::{HeaderList, HeaderRow, header_map};
use crate::components::{
    Button, ButtonAppearance, PendingError, TextField, use_pending, use_toaster,
};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{said, text};

/// The form; `on_added` runs once a server is registered.
#[component]
pub fn AddMcpServer(client: Client, on_added: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let stored = StoredValue::new_local(client);
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let url = RwSignal::new(String::new());
    let headers = RwSignal::new(Vec::<HeaderRow>::new());
    let pending = use_pending();
    let on_submit = move |ev: SubmitEvent| {
        if !pending.submits(&ev) {
            return;
        }
        let pairs = match header_map(&headers.get_untracked(), &BTreeMap::new()) {
            Ok(p) => p,
            Err(m) => return pending.refuse(m),
        };
        let (n, d, u) = (
            name.get_untracked().trim().to_string(),
            description.get_untracked().trim().to_string(),
            url.get_untracked().trim().to_string(),
        );
        let added = n.clone();
        let register = async move {
            let client = stored.get_value();
            let mut b = client.mcp().register(n, d, u);
            for (k, v) in pairs {
                b = b.header(k, v);
            }
            b.send().await
        };
        pending.run(register, move |_| {
            for s in [name, description, url] {
                s.set(String::new());
            }
            headers.set(Vec::new());
            toaster.success(said!(agents.mcp.added, name = &added));
            on_added.run(());
        });
    };
    view! {
        <form class="agents__form ai-settings__add" aria-label=move || t_string!(i18n, agents.mcp.add_title) data-testid="add-mcp" on:submit=on_submit>
            <h3>{t!(i18n, agents.mcp.add_title)}</h3>
            <div data-testid="mcp-name">
                <TextField label=text!(i18n, room.panel.name) value=name required=true hint=text!(i18n, agents.mcp.name_hint)/>
            </div>
            <div data-testid="mcp-description">
                <TextField label=text!(i18n, agents.mcp.description) value=description required=true/>
            </div>
            <div data-testid="mcp-url">
                <TextField label="URL" value=url required=true placeholder="https://mcp.example.com/mcp" hint=text!(i18n, agents.mcp.url_hint)/>
            </div>
            <HeaderList headers=headers add_testid="mcp-add-header">
                <p class="muted">{t!(i18n, agents.mcp.headers_hint)}</p>
            </HeaderList>
            <PendingError pending testid="add-mcp-error"/>
            <span data-testid="add-mcp-submit">
                <Button appearance=ButtonAppearance::Primary submit=true busy=pending.busy>{t!(i18n, agents.mcp.add)}</Button>
            </span>
        </form>
    }
}
