//! OAuth apps: register (the client secret shown once), rename, show the client id, delete.

use docspace_api::Client;
use docspace_api::models::OAuthApp;
use docspace_api::oauth::Scope;
use leptos::prelude::*;

use super::reloadable;
use super::secret::SecretOnce;
use crate::components::{Button, ButtonAppearance, Checkbox, TextField, use_toaster};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{Said, said, text};

fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The OAuth apps section.
#[component]
pub fn OAuthAppsSection(client: Client) -> impl IntoView {
    let i18n = use_i18n();
    let (reload, list) = reloadable(&client, |c| async move { c.oauth_apps().list().await });
    let name = RwSignal::new(String::new());
    let redirect = RwSignal::new(format!("{}/callback", origin()));
    let website = RwSignal::new(origin());
    let ticks: Vec<(Scope, RwSignal<bool>)> = Scope::FOR_APPS
        .iter()
        .map(|s| (*s, RwSignal::new(*s == Scope::RoomsRead)))
        .collect();
    let secret = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<Said>);
    let busy = RwSignal::new(false);
    let register = {
        let (client, ticks) = (client.clone(), ticks.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            error.set(None);
            let scopes: Vec<Scope> = ticks
                .iter()
                .filter(|(_, t)| t.get_untracked())
                .map(|(s, _)| *s)
                .collect();
            let client = client.clone();
            let (n, r, w) = (
                name.get_untracked().trim().to_string(),
                redirect.get_untracked().trim().to_string(),
                website.get_untracked().trim().to_string(),
            );
            busy.set(true);
            leptos::task::spawn_local(async move {
                let b = client
                    .oauth_apps()
                    .register(n, r, w.clone())
                    .scopes(scopes)
                    .allowed_origins([w]);
                match b.send().await {
                    Ok(app) => {
                        secret.set(app.client_secret.map(|s| s.expose().to_string()));
                        name.set(String::new());
                        reload.update(|n| *n += 1);
                    }
                    Err(e) => error.set(Some(user_message(&e))),
                }
                busy.set(false);
            });
        }
    };
    view! {
        <section class="card apps__section" data-testid="oauth-apps">
            <h2>{t!(i18n, apps.oauth)}</h2>
            <SecretOnce title=text!(i18n, apps.client_secret) secret=secret
                note=text!(i18n, apps.client_secret_note)/>
            <form class="stack" on:submit=register data-testid="app-form" novalidate=true>
                <TextField label=text!(i18n, room.panel.name) value=name required=true/>
                <TextField label=text!(i18n, apps.redirect) value=redirect required=true hint=text!(i18n, apps.redirect_hint)/>
                <TextField label=text!(i18n, apps.website) value=website required=true/>
                <fieldset class="apps__scopes">
                    <legend>{t!(i18n, apps.scopes)}</legend>
                    {ticks.into_iter().map(|(s, t)| view! { <Checkbox label=s.as_str() checked=t/> }).collect_view()}
                </fieldset>
                <p class="sign-in__error" role="alert" data-testid="app-error" hidden=move || error.with(Option::is_none)>
                    {move || error.get().map(|e| e.shown())}
                </p>
                <Button appearance=ButtonAppearance::Primary submit=true busy=busy>{t!(i18n, apps.register)}</Button>
            </form>
            {move || list.get().map(|r| match r {
                Err(e) => view! { <p class="sign-in__error" role="alert">{move || e.shown()}</p> }.into_any(),
                Ok(apps) if apps.is_empty() => view! { <p class="muted">{t!(i18n, apps.no_apps)}</p> }.into_any(),
                Ok(apps) => view! {
                    <ul class="apps__list">
                        {apps.into_iter().map(|a| view! { <AppRow client=client.clone() app=a reload=reload/> }).collect_view()}
                    </ul>
                }.into_any(),
            })}
        </section>
    }
}

/// One app: its name (editable), client id and scopes, and delete.
#[component]
fn AppRow(client: Client, app: OAuthApp, reload: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let editing = RwSignal::new(false);
    let new_name = RwSignal::new(app.name.clone());
    let app = StoredValue::new(app);
    let c2 = client.clone();
    let save = Callback::new(move |_| {
        let client = c2.clone();
        let a = app.get_value();
        leptos::task::spawn_local(async move {
            match client
                .oauth_apps()
                .update(&a)
                .name(new_name.get_untracked().trim())
                .send()
                .await
            {
                Ok(_) => {
                    editing.set(false);
                    reload.update(|n| *n += 1);
                }
                Err(e) => toaster.error(said!(apps.not_changed), user_message(&e)),
            }
        });
    });
    let delete = Callback::new(move |_| {
        let client = client.clone();
        let a = app.get_value();
        leptos::task::spawn_local(async move {
            match client.oauth_apps().delete(&a.client_id).await {
                Ok(()) => {
                    let name = a.name.clone();
                    toaster.success(said!(apps.deleted, name = &name));
                    reload.update(|n| *n += 1);
                }
                Err(e) => toaster.error(said!(apps.not_deleted), user_message(&e)),
            }
        });
    });
    let a = app.get_value();
    view! {
        <li class="apps__row" data-testid="app-row">
            <Show when=move || editing.get() fallback=move || view! { <span class="apps__name">{app.with_value(|a| a.name.clone())}</span> }>
                <TextField label=text!(i18n, room.panel.name) value=new_name hide_label=true/>
                <Button appearance=ButtonAppearance::Primary on_click=save>{t!(i18n, common.save)}</Button>
            </Show>
            <span>{t!(i18n, apps.client_id)}" "<code data-testid="app-client-id">{a.client_id.clone()}</code></span>
            <span class="muted">{a.scopes.join(", ")}</span>
            <Button appearance=ButtonAppearance::Secondary on_click=Callback::new(move |_| editing.update(|e| *e = !*e))>{t!(i18n, apps.edit)}</Button>
            <Button appearance=ButtonAppearance::Secondary label=t_string!(i18n, agents.settings.delete_one, title = &a.name).to_string() on_click=delete>{t!(i18n, common.delete)}</Button>
        </li>
    }
}
