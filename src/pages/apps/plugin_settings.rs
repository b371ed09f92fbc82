//! A plugin's settings, as text. DocSpace keeps one string per plugin (`PUT
//! settings/webplugins/{name}` takes `{enabled, settings}`, settings required and at most 255
//! characters: ONLYOFFICE/DocSpace-server `web/ASC.Web.Api/ApiModels/RequestsDto/WebPluginRequestsDto.cs`)
//! and hands it to the plugin's script (`setAdminPluginSettingsValue`, for plugins with the
//! `Settings` scope). DocSpace's own web client shows the form the plugin's script draws
//! (ONLYOFFICE/DocSpace-client `packages/client/src/components/dialogs/SettingsPluginDialog`);
//! this app never runs plugin scripts, so it offers what can honestly be edited without one:
//! the stored text itself, checked as the portal checks it. Plugins built with the plugin SDK
//! keep JSON there, so text that starts like JSON must be JSON.
//!
//! The settings are no secret from the portal's users: DocSpace sends them to every signed-in
//! browser with the plugin list.

use docspace_api::Client;
use docspace_api::api::PLUGIN_SETTINGS_MAX;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::components::{
    Button, ButtonAppearance, PendingError, unique_id, use_pending, use_toaster,
};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{Said, said};

/// Why `text` cannot be saved, in the reader's language; `None` when it can.
fn refusal(text: &str) -> Option<Said> {
    let len = docspace_types::dotnet_len(text);
    if len > PLUGIN_SETTINGS_MAX {
        return Some(said!(
            plugins.settings_too_long,
            max = PLUGIN_SETTINGS_MAX,
            len
        ));
    }
    let looks_json = matches!(text.trim_start().chars().next(), Some('{' | '['));
    match serde_json::from_str::<serde_json::Value>(text) {
        Err(e) if looks_json => {
            let reason = e.to_string();
            Some(said!(plugins.settings_not_json, reason = &reason))
        }
        _ => None,
    }
}

/// The form for plugin `name`, now `enabled` with `settings`; `on_saved` runs once the portal
/// has the new text, `on_cancel` when the admin leaves it.
#[component]
pub fn PluginSettings(
    client: Client,
    name: String,
    enabled: bool,
    settings: String,
    /// Whether the plugin declares the `Settings` scope (reads the text at all).
    reads_settings: bool,
    on_saved: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let client = StoredValue::new_local(client);
    let plugin = StoredValue::new(name);
    let text = RwSignal::new(settings);
    let pending = use_pending();
    let error = pending.error;
    let on_submit = move |ev: SubmitEvent| {
        if !pending.submits(&ev) {
            return;
        }
        let value = text.get_untracked();
        if let Some(why) = refusal(&value) {
            return pending.refuse(why);
        }
        let name = plugin.get_value();
        // The switch stays as it is: the portal takes both at once.
        let update = async move {
            client
                .get_value()
                .plugins()
                .update(&name, enabled, &value)
                .await
        };
        pending.run(update, move |()| {
            let name = plugin.get_value();
            toaster.success(said!(plugins.settings_saved, name = &name));
            on_saved.run(());
        });
    };
    let id = unique_id("plugin-settings");
    let (hint_id, count_id, error_id) = (
        format!("{id}-hint"),
        format!("{id}-count"),
        format!("{id}-error"),
    );
    let described = format!("{hint_id} {count_id} {error_id}");
    let count = move || {
        let len = text.with(|t| docspace_types::dotnet_len(t));
        t_string!(i18n, plugins.settings_count, len, max = PLUGIN_SETTINGS_MAX).to_string()
    };
    let title = move || t_string!(i18n, plugins.settings_of, name = plugin.get_value()).to_string();
    view! {
        <form class="apps__plugin-settings" aria-label=title data-testid="plugin-settings" on:submit=on_submit>
            <label class="field__label" for=id.clone()>{t!(i18n, plugins.settings_label)}</label>
            <textarea
                id=id
                class="field__input apps__plugin-settings-text"
                data-testid="plugin-settings-text"
                rows="4"
                spellcheck="false"
                aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    error.set(None);
                }
            ></textarea>
            <p class="field__hint" id=hint_id>
                {move || if reads_settings {
                    t_string!(i18n, plugins.settings_hint).to_string()
                } else {
                    t_string!(i18n, plugins.settings_unread).to_string()
                }}
            </p>
            <p class="field__hint" id=count_id data-testid="plugin-settings-count">{count}</p>
            <PendingError pending testid="plugin-settings-error" id=error_id/>
            <div class="apps__plugin-settings-actions">
                <span data-testid="plugin-settings-save">
                    <Button appearance=ButtonAppearance::Primary submit=true busy=pending.busy>{t!(i18n, common.save)}</Button>
                </span>
                <Button appearance=ButtonAppearance::Subtle on_click=Callback::new(move |_| on_cancel.run(()))>{t!(i18n, common.cancel)}</Button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_refused_as_the_portal_would_and_broken_json_too() {
        assert!(refusal("").is_none());
        assert!(refusal("{\"apiKey\":\"k\"}").is_none());
        assert!(refusal("plain token").is_none());
        assert!(refusal(&"x".repeat(PLUGIN_SETTINGS_MAX)).is_none());
        assert!(refusal(&"x".repeat(PLUGIN_SETTINGS_MAX + 1)).is_some());
        // 128 emoji are 256 UTF-16 units: .NET counts those.
        assert!(refusal(&"😀".repeat(128)).is_some());
        assert!(refusal("{\"apiKey\": ").is_some());
        assert!(refusal("[1, 2").is_some());
    }
}
