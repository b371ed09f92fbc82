//! The headers an MCP server is sent with every call (an `Authorization`, typically; DocSpace
//! takes any name/value pairs: `AddServerRequestDto.Headers`, `UpdateServerRequestBody.Headers`
//! in ONLYOFFICE/DocSpace-server `products/ASC.AI/Server/Models/RequestDto/`), typed in rows
//! shared by the form that registers a server and the one that edits it.
//!
//! Values are credentials: they are typed like passwords and never put back on screen. Editing
//! a server lists its headers by name with empty values; DocSpace replaces a server's headers as
//! a whole (`McpService.UpdateCustomServerAsync`), so a value left empty keeps the one the
//! portal holds, which the page has in memory (the admin list returns it) and never shows.

use std::collections::BTreeMap;

use docspace_sdk::picker::{Mark, MarkIcon};
use leptos::prelude::*;

use crate::components::{Button, ButtonAppearance, InputKind, TextField};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{Said, said, text};

/// One header being typed.
#[derive(Clone, Copy)]
pub struct HeaderRow {
    pub key: u32,
    pub name: RwSignal<String>,
    pub value: RwSignal<String>,
    /// For a header the server has: its name there, whose value an empty field keeps.
    pub kept: Option<StoredValue<String>>,
}

impl HeaderRow {
    /// A new, empty row.
    pub fn new(key: u32) -> Self {
        HeaderRow {
            key,
            name: RwSignal::new(String::new()),
            value: RwSignal::new(String::new()),
            kept: None,
        }
    }

    /// A row for the server's header `name`, its value not shown.
    pub fn existing(key: u32, name: &str) -> Self {
        HeaderRow {
            key,
            name: RwSignal::new(name.to_string()),
            value: RwSignal::new(String::new()),
            kept: Some(StoredValue::new(name.to_string())),
        }
    }
}

/// A header's name and value, and a button that takes the row away.
#[component]
pub fn HeaderFields(row: HeaderRow, on_remove: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    // A kept header's empty value means "as it is"; saying so is the only trace of it here.
    let kept = row.kept.is_some();
    let placeholder = Signal::derive(move || {
        if kept {
            t_string!(i18n, agents.mcp.header_kept).to_string()
        } else {
            String::new()
        }
    });
    view! {
        <div class="ai-settings__header-row" data-testid="mcp-header">
            <div data-testid="mcp-header-name">
                <TextField label=text!(i18n, agents.mcp.header_name) value=row.name placeholder="Authorization" autocomplete="off"/>
            </div>
            <div data-testid="mcp-header-value">
                <TextField label=text!(i18n, agents.mcp.header_value) value=row.value kind=InputKind::Password autocomplete="off" placeholder=placeholder/>
            </div>
            <Button appearance=ButtonAppearance::Subtle label=t_string!(i18n, agents.mcp.remove_header).to_string() on_click=Callback::new(move |_| on_remove.run(()))>
                <MarkIcon mark=Mark::Close/>
            </Button>
        </div>
    }
}

/// A form's header rows, with the button that adds one; `children` says what the rows mean on
/// this form. `add_testid` marks the button for the tests.
#[component]
pub fn HeaderList(
    headers: RwSignal<Vec<HeaderRow>>,
    add_testid: &'static str,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    // Keys of new rows follow those the form started with.
    let next_key = StoredValue::new(headers.with_untracked(|h| h.len() as u32));
    let add_header = Callback::new(move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        headers.update(|h| h.push(HeaderRow::new(key)));
    });
    view! {
        <fieldset class="ai-settings__headers">
            <legend>{t!(i18n, agents.mcp.headers)}</legend>
            {children()}
            <For each=move || headers.get() key=|h| h.key let:row>
                <HeaderFields row=row on_remove=Callback::new(move |()| headers.update(|h| h.retain(|r| r.key != row.key)))/>
            </For>
            <span data-testid=add_testid>
                <Button appearance=ButtonAppearance::Subtle on_click=add_header>{t!(i18n, agents.mcp.add_header)}</Button>
            </span>
        </fieldset>
    }
}

/// The headers to send, from the rows and the values the portal holds (`held`, by name):
/// rows left blank are dropped; a value without a name is refused here, since the portal would
/// keep it under an empty name; a kept header's empty value is the held one, and must be typed
/// again when the portal holds none (it asked for the credentials again: `needReset`).
pub fn header_map(
    rows: &[HeaderRow],
    held: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, Said> {
    let mut out = BTreeMap::new();
    for r in rows {
        let (n, v) = (r.name.get_untracked(), r.value.get_untracked());
        let name = n.trim();
        let value = match (name, v.is_empty(), r.kept) {
            ("", true, _) => continue,
            ("", false, _) => {
                return Err(said!(agents.mcp.header_unnamed));
            }
            (_, true, Some(kept)) => match held.get(&kept.get_value()) {
                Some(v) => v.clone(),
                None => {
                    let name = name.to_string();
                    return Err(said!(agents.mcp.header_retype, name = &name));
                }
            },
            (_, _, _) => v,
        };
        out.insert(name.to_string(), value);
    }
    Ok(out)
}
