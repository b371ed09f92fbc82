//! Apps and keys, for admins: the portal's OAuth apps (register, rename, show the client id,
//! delete), API keys (create with permissions and an expiry, list, revoke) and web plugins
//! (upload with progress, switch on or off, edit settings, delete). A secret (a new key, a new app's client secret) is shown
//! once, when it is made, and never kept by the app.

mod keys;
mod oauth_apps;
mod plugin_settings;
mod plugins;
mod secret;

use std::future::Future;

use docspace_api::Client;
use leptos::prelude::*;

use self::keys::KeysSection;
use self::oauth_apps::OAuthAppsSection;
use self::plugins::PluginsSection;
use crate::components::EmptyState;
use crate::errors::user_message;
use crate::i18n::{t, use_i18n};
use crate::locale::{Said, text};
use crate::state::{Credential, SessionState, use_session};

/// `/apps`.
#[component]
pub fn AppsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let (Some(client), Some(me)) = (session.client(), session.user()) else {
        return ().into_any();
    };
    if !(me.is_admin || me.is_owner) {
        return view! {
            <div class="page apps">
                <h1>{t!(i18n, nav.apps)}</h1>
                <EmptyState
                    title=text!(i18n, apps.admins_only)
                    description=text!(i18n, apps.admins_only_hint)
                />
            </div>
        }
        .into_any();
    }
    let via_oauth = session.state.with_untracked(
        |s| matches!(s, SessionState::SignedIn(s) if s.credential == Credential::OAuth),
    );
    view! {
        <div class="page apps">
            <h1>{t!(i18n, nav.apps)}</h1>
            {via_oauth.then(|| view! {
                <p class="sign-in__error" role="note" data-testid="apps-oauth-note">
                    {t!(i18n, apps.oauth_note)}
                </p>
            })}
            <p class="muted">
                {t!(i18n, apps.intro)}
            </p>
            <KeysSection client=client.clone()/>
            <OAuthAppsSection client=client.clone()/>
            <PluginsSection client=client/>
        </div>
    }
    .into_any()
}

/// A section's list, fetched by `fetch` with `client` and again whenever the returned counter
/// changes (`reload.update(|n| *n += 1)` after the section changed something).
fn reloadable<T, Fut>(
    client: &Client,
    fetch: impl Fn(Client) -> Fut + 'static,
) -> (RwSignal<u32>, LocalResource<Result<T, Said>>)
where
    T: 'static,
    Fut: Future<Output = Result<T, docspace_api::Error>> + 'static,
{
    let reload = RwSignal::new(0u32);
    let client = client.clone();
    let list = LocalResource::new(move || {
        reload.track();
        let fetched = fetch(client.clone());
        async move { fetched.await.map_err(|e| user_message(&e)) }
    });
    (reload, list)
}
