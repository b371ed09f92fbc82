//! API keys: create with permissions and an expiry, list, revoke.

use docspace_api::Client;
use docspace_api::models::{ApiKey, Scope};
use docspace_api::oauth::Scope as Offered;
use leptos::prelude::*;

use super::reloadable;
use super::secret::SecretOnce;
use crate::components::{Button, ButtonAppearance, Checkbox, InputKind, TextField, use_toaster};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{Said, said, text};
use crate::state::oauth::AREAS;

/// The permissions offered: the app's areas and reading everything; none ticked means full
/// access. API keys and OAuth tokens share DocSpace's scope names, so the app's OAuth list
/// serves here too.
const PERMISSIONS: [Offered; 8] = {
    let [a, b, c, d, e, f, g] = AREAS;
    [a, b, c, d, e, f, g, Offered::AllRead]
};

/// The expiry field: empty for never, else 1..=365 days; the message is in `locale`.
fn parse_days(s: &str) -> Result<Option<u32>, Said> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<u32>() {
        Ok(d) if (1..=365).contains(&d) => Ok(Some(d)),
        _ => Err(said!(apps.days_invalid)),
    }
}

/// The keys section.
#[component]
pub fn KeysSection(client: Client) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let (reload, list) = reloadable(&client, |c| async move { c.keys().list().await });
    let name = RwSignal::new(String::new());
    let days = RwSignal::new(String::new());
    let ticks: Vec<(Offered, RwSignal<bool>)> = PERMISSIONS
        .into_iter()
        .map(|s| (s, RwSignal::new(false)))
        .collect();
    let secret = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<Said>);
    let busy = RwSignal::new(false);
    let create = {
        let (client, ticks) = (client.clone(), ticks.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            error.set(None);
            let expiry = match parse_days(&days.get_untracked()) {
                Ok(d) => d,
                Err(e) => return error.set(Some(e)),
            };
            let chosen: Vec<Scope> = ticks
                .iter()
                .filter(|(_, t)| t.get_untracked())
                .map(|(s, _)| Scope::from_name(s.as_str()))
                .collect();
            let (client, key_name) = (client.clone(), name.get_untracked());
            busy.set(true);
            leptos::task::spawn_local(async move {
                let mut b = client.keys().create(key_name.trim());
                if !chosen.is_empty() {
                    b = b.permissions(chosen);
                }
                if let Some(d) = expiry {
                    b = b.expires_in_days(d);
                }
                match b.send().await {
                    Ok(k) => {
                        secret.set(k.key.map(|s| s.expose().to_string()));
                        name.set(String::new());
                        reload.update(|n| *n += 1);
                    }
                    Err(e) => error.set(Some(user_message(&e))),
                }
                busy.set(false);
            });
        }
    };
    let revoke = Callback::new(move |k: ApiKey| {
        let client = client.clone();
        leptos::task::spawn_local(async move {
            match client.keys().delete(k.id.clone()).await {
                Ok(_) => {
                    let name = k.name.clone();
                    toaster.success(said!(apps.key_revoked, name = &name));
                    reload.update(|n| *n += 1);
                }
                Err(e) => toaster.error(said!(apps.key_not_revoked), user_message(&e)),
            }
        });
    });
    view! {
        <section class="card apps__section" data-testid="api-keys">
            <h2>{t!(i18n, apps.keys)}</h2>
            <SecretOnce title=text!(i18n, apps.new_key) secret=secret/>
            <form class="stack" on:submit=create data-testid="key-form" novalidate=true>
                <TextField label=text!(i18n, room.panel.name) value=name required=true/>
                <fieldset class="apps__scopes">
                    <legend>{t!(i18n, apps.permissions)}</legend>
                    {ticks.into_iter().map(|(s, t)| view! { <Checkbox label=s.as_str() checked=t/> }).collect_view()}
                </fieldset>
                <TextField label=text!(i18n, apps.expires_days) value=days kind=InputKind::Number hint=text!(i18n, apps.expires_hint)/>
                <p class="sign-in__error" role="alert" data-testid="key-error" hidden=move || error.with(Option::is_none)>
                    {move || error.get().map(|e| e.shown())}
                </p>
                <Button appearance=ButtonAppearance::Primary submit=true busy=busy>{t!(i18n, apps.create_key)}</Button>
            </form>
            {move || list.get().map(|r| match r {
                Err(e) => view! { <p class="sign-in__error" role="alert">{move || e.shown()}</p> }.into_any(),
                Ok(keys) if keys.is_empty() => view! { <p class="muted">{t!(i18n, apps.no_keys)}</p> }.into_any(),
                Ok(keys) => view! {
                    <ul class="apps__list">
                        {keys.into_iter().map(|k| view! { <KeyRow key=k on_revoke=revoke/> }).collect_view()}
                    </ul>
                }.into_any(),
            })}
        </section>
    }
}

/// One key: its name, the end of its secret, permissions and expiry.
#[component]
fn KeyRow(key: ApiKey, on_revoke: Callback<ApiKey>) -> impl IntoView {
    let i18n = use_i18n();
    let perms = match key.permissions.as_deref() {
        None | Some([]) => t_string!(i18n, apps.full_access).to_string(),
        Some(p) => p.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "),
    };
    let expires =
        key.expires_at
            .as_ref()
            .map_or(t_string!(i18n, apps.never_expires).to_string(), |d| {
                let date = d.calendar_date();
                t_string!(i18n, links.fact.expires, date).to_string()
            });
    let label = t_string!(i18n, apps.revoke_one, name = &key.name).to_string();
    view! {
        <li class="apps__row" data-testid="key-row">
            <span class="apps__name">{key.name.clone()}</span>
            <code>{format!("…{}", key.key_postfix.clone().unwrap_or_default())}</code>
            <span class="muted">{perms}</span>
            <span class="muted">{expires}</span>
            <Button appearance=ButtonAppearance::Secondary label=label on_click=Callback::new(move |_| on_revoke.run(key.clone()))>
                {t!(i18n, links.revoke)}
            </Button>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_expiry_is_empty_or_a_day_count_the_portal_accepts() {
        assert_eq!(parse_days(" "), Ok(None));
        assert_eq!(parse_days("30"), Ok(Some(30)));
        assert!(parse_days("0").is_err());
        assert!(parse_days("366").is_err());
        assert!(parse_days("soon").is_err());
    }
}
