//! The portal's web plugins, for admins: upload a package (with its progress), switch a plugin
//! on or off, edit its settings, delete it (`/api/2.0/settings/webplugins`,
//! ONLYOFFICE/DocSpace-server `web/ASC.Web.Api/Api/Settings/WebPluginsController.cs`). Plugins
//! run in DocSpace's own web client; this app manages them and never loads their scripts, which
//! would otherwise run with the signed-in user's rights in this page.
//!
//! A package goes up in one multipart request (DocSpace takes no chunks here); its progress
//! comes from docspace-api's `upload_with_progress`, which in a browser sends it with an
//! `XMLHttpRequest` because `fetch` reports nothing of an upload.

use docspace_api::Client;
use docspace_api::api::WebPlugin;
use leptos::prelude::*;

use super::plugin_settings::PluginSettings;
use super::reloadable;
use crate::components::{Button, ButtonAppearance, ConfirmInline, ProgressBar, use_toaster};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{Said, said, text};
use crate::picked_files::{chosen_files, forget_choice, read_whole};

/// The package going up (or last gone up): its file name and the fraction sent.
#[derive(Clone, Debug, PartialEq)]
struct Upload {
    file: String,
    sent: f64,
    done: bool,
}

/// The plugins section of Apps and keys.
#[component]
pub fn PluginsSection(client: Client) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let (reload, list) = reloadable(&client, |c| async move { c.plugins().list(None).await });
    let client = StoredValue::new_local(client);
    let error = RwSignal::new(None::<Said>);
    let busy = RwSignal::new(false);
    let upload = RwSignal::new(None::<Upload>);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_files(&ev).and_then(|l| l.get(0)) else {
            return;
        };
        // The same file may be chosen again after a fix.
        forget_choice(&ev);
        error.set(None);
        busy.set(true);
        let file_name = file.name();
        upload.set(Some(Upload {
            file: file_name.clone(),
            sent: 0.0,
            done: false,
        }));
        leptos::task::spawn_local(async move {
            let result = match read_whole(&file).await {
                Ok(bytes) => client
                    .get_value()
                    .plugins()
                    .upload_with_progress(&file_name, &bytes, move |p| {
                        upload.update(|u| {
                            if let Some(u) = u {
                                u.sent = p.fraction();
                            }
                        })
                    })
                    .await
                    .map_err(|e| user_message(&e)),
                Err(e) => Err(e),
            };
            // Sent or not, the bar says how it ended: full once the portal took it, gone if not
            // (the reason shows instead).
            let taken = result.is_ok();
            upload.update(|u| match u {
                Some(up) if taken => {
                    up.sent = 1.0;
                    up.done = true;
                }
                _ => *u = None,
            });
            match result {
                Ok(p) => {
                    let name = p.name.clone();
                    toaster.success(said!(plugins.uploaded, name = &name));
                    reload.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let changed = Callback::new(move |()| reload.update(|n| *n += 1));
    view! {
        <section class="card apps__section" data-testid="plugins">
            <h2>{t!(i18n, plugins.title)}</h2>
            <p class="muted">{t!(i18n, plugins.intro)}</p>
            <label class="btn btn--secondary apps__upload" class:btn--busy=move || busy.get()>
                {t!(i18n, plugins.upload)}
                <input
                    type="file"
                    accept=".zip,application/zip"
                    class="visually-hidden"
                    data-testid="plugin-upload"
                    disabled=move || busy.get()
                    on:change=on_file
                />
            </label>
            {move || upload.get().map(|u| view! { <UploadBar upload=u/> })}
            <p class="sign-in__error" role="alert" data-testid="plugin-error" hidden=move || error.with(Option::is_none)>
                {move || error.get().map(|e| e.shown())}
            </p>
            {move || list.get().map(|r| match r {
                Err(e) => view! { <p class="sign-in__error" role="alert">{move || e.shown()}</p> }.into_any(),
                Ok(plugins) if plugins.is_empty() => {
                    view! { <p class="muted" data-testid="plugins-empty">{t!(i18n, plugins.none)}</p> }.into_any()
                }
                Ok(plugins) => view! {
                    <ul class="apps__list">
                        {plugins
                            .into_iter()
                            .map(|p| view! { <PluginRow client=client.get_value() plugin=p on_change=changed/> })
                            .collect_view()}
                    </ul>
                }
                .into_any(),
            })}
        </section>
    }
}

/// How far the package has gone up, and when the portal has taken it.
#[component]
fn UploadBar(upload: Upload) -> impl IntoView {
    let i18n = use_i18n();
    let Upload { file, sent, done } = upload;
    let percent = (sent.clamp(0.0, 1.0) * 100.0).round() as u32;
    let (label_file, status_file) = (file.clone(), file);
    view! {
        <div class="apps__upload-progress" data-testid="plugin-progress" data-done=done.to_string()>
            <ProgressBar
                value=Signal::derive(move || Some(sent))
                label=Signal::derive(move || t_string!(i18n, plugins.uploading, file = &label_file).to_string())
            />
            <span class="muted" role="status">
                {move || if done {
                    t_string!(i18n, plugins.upload_done, file = &status_file).to_string()
                } else {
                    t_string!(i18n, plugins.upload_percent, file = &status_file, percent).to_string()
                }}
            </span>
        </div>
    }
}

/// One plugin: what it is, whether it is on, and its actions. Deleting asks first, in the row.
#[component]
fn PluginRow(client: Client, plugin: WebPlugin, on_change: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let client = StoredValue::new_local(client);
    let name = plugin.name.clone();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<Said>);
    let enabled = plugin.enabled;
    let settings = plugin.settings.clone().unwrap_or_default();
    let editing = RwSignal::new(false);
    let reads_settings = plugin.scopes.as_deref().is_some_and(|s| {
        s.split(',')
            .any(|x| x.trim().eq_ignore_ascii_case("Settings"))
    });
    let (form_name, form_settings) = (name.clone(), settings.clone());
    let switch = {
        let name = name.clone();
        Callback::new(move |_| {
            let (name, settings) = (name.clone(), settings.clone());
            busy.set(true);
            error.set(None);
            leptos::task::spawn_local(async move {
                let done = client
                    .get_value()
                    .plugins()
                    .update(&name, !enabled, &settings)
                    .await;
                busy.set(false);
                match done {
                    Ok(()) => on_change.run(()),
                    Err(e) => error.set(Some(user_message(&e))),
                }
            });
        })
    };
    let delete = {
        let name = name.clone();
        Callback::new(move |()| {
            let name = name.clone();
            busy.set(true);
            error.set(None);
            leptos::task::spawn_local(async move {
                let done = client.get_value().plugins().delete(&name).await;
                busy.set(false);
                match done {
                    Ok(()) => {
                        let name = name.clone();
                        toaster.success(said!(plugins.deleted, name = &name));
                        on_change.run(());
                    }
                    Err(e) => error.set(Some(user_message(&e))),
                }
            });
        })
    };
    let facts = [
        plugin.version.as_deref().map(|v| format!("v{v}")),
        plugin.author.clone(),
        plugin.scopes.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let state = if enabled {
        t_string!(i18n, plugins.enabled)
    } else {
        t_string!(i18n, plugins.disabled)
    };
    let switch_label = if enabled {
        t_string!(i18n, plugins.disable)
    } else {
        t_string!(i18n, plugins.enable)
    };
    let system = plugin.system;
    view! {
        <li class="apps__row" data-testid="plugin-row" data-name=name.clone() data-enabled=enabled.to_string()>
            <span class="apps__name">{name.clone()}</span>
            <span class="muted">{facts}</span>
            <span class="muted">{plugin.description.clone().unwrap_or_default()}</span>
            <span data-testid="plugin-state">{state}</span>
            <Button appearance=ButtonAppearance::Secondary busy=busy on_click=switch>
                {switch_label}
            </Button>
            <span data-testid="plugin-settings-toggle">
                <Button
                    appearance=ButtonAppearance::Secondary
                    label=Signal::derive({ let name = name.clone(); move || t_string!(i18n, plugins.settings_of, name = &name).to_string() })
                    on_click=Callback::new(move |_| editing.update(|e| *e = !*e))
                >
                    {t!(i18n, plugins.settings)}
                </Button>
            </span>
            // A system plugin belongs to the server's administrator: the portal keeps it.
            {(!system).then(|| view! {
                <ConfirmInline
                    label=text!(i18n, plugins.delete)
                    question=text!(i18n, plugins.delete_question)
                    busy=busy
                    aria_label=Signal::derive({ let name = name.clone(); move || format!("{} {name}", t_string!(i18n, plugins.delete)) })
                    testid="plugin-delete"
                    on_confirm=delete
                />
            })}
            <p class="sign-in__error" role="alert" hidden=move || error.with(Option::is_none)>
                {move || error.get().map(|e| e.shown())}
            </p>
            <Show when=move || editing.get()>
                <PluginSettings
                    client=client.get_value()
                    name=form_name.clone()
                    enabled=enabled
                    settings=form_settings.clone()
                    reads_settings=reads_settings
                    on_saved=on_change
                    on_cancel=Callback::new(move |()| editing.set(false))
                />
            </Show>
        </li>
    }
}
