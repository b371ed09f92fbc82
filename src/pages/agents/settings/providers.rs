//! The registered providers (never with their keys: the portal does not return them), each
//! deletable after a confirmation, and the form to add one.

use docspace_api::Client;
use docspace_api::api::Provider;
use leptos::prelude::*;

use super::add_provider::AddProvider;
use crate::components::{
    Button, ButtonAppearance, Dialog, EmptyState, ErrorState, Loading, use_toaster,
};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{said, text};

/// The providers section.
#[component]
pub fn Providers(client: Client) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let stored = StoredValue::new_local(client);
    let version = RwSignal::new(0u32);
    let list = LocalResource::new(move || {
        version.track();
        async move { stored.get_value().ai().providers().await }
    });
    let refresh = Callback::new(move |()| version.update(|v| *v += 1));
    let deleting = RwSignal::new(None::<Provider>);
    let confirm_open = RwSignal::new(false);
    Effect::new(move |_| confirm_open.set(deleting.with(Option::is_some)));
    let delete = Callback::new(move |_| {
        let Some(p) = deleting.get_untracked() else {
            return;
        };
        deleting.set(None);
        leptos::task::spawn_local(async move {
            match stored.get_value().ai().delete_providers(&[p.id]).await {
                Ok(()) => {
                    let title = p.title.clone();
                    toaster.success(said!(agents.settings.deleted, title = &title))
                }
                Err(e) => {
                    let title = p.title.clone();
                    toaster.error(
                        said!(agents.settings.not_deleted, title = &title),
                        user_message(&e),
                    )
                }
            }
            refresh.run(());
        });
    });
    view! {
        <section class="ai-settings__section" aria-labelledby="ai-providers-title">
            <h2 id="ai-providers-title">{t!(i18n, agents.settings.providers)}</h2>
            {move || match list.get() {
                None => view! { <Loading label=text!(i18n, agents.settings.loading)/> }.into_any(),
                Some(Err(e)) => view! {
                    <ErrorState title=text!(i18n, agents.settings.list_failed) message=user_message(&e)/>
                }.into_any(),
                Some(Ok(ps)) if ps.is_empty() => view! {
                    <EmptyState title=text!(i18n, agents.settings.none) description=text!(i18n, agents.settings.none_hint)/>
                }.into_any(),
                Some(Ok(ps)) => view! {
                    <ul class="ai-settings__providers" data-testid="providers">
                        {ps.into_iter().map(|p| view! { <ProviderRow provider=p deleting=deleting/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <AddProvider client=stored.get_value() on_added=refresh/>
        </section>
        <Dialog open=confirm_open title=text!(i18n, agents.settings.delete_title) on_close=Callback::new(move |()| deleting.set(None))>
            <p>{move || deleting.with(|p| p.as_ref().map(|p| t_string!(i18n, agents.settings.delete_question, title = &p.title).to_string()))}</p>
            <div class="dialog__actions">
                <Button on_click=Callback::new(move |_| deleting.set(None))>{t!(i18n, common.cancel)}</Button>
                <span data-testid="confirm-delete-provider">
                    <Button appearance=ButtonAppearance::Danger on_click=delete>{t!(i18n, common.delete)}</Button>
                </span>
            </div>
        </Dialog>
    }
}

#[component]
fn ProviderRow(provider: Provider, deleting: RwSignal<Option<Provider>>) -> impl IntoView {
    let i18n = use_i18n();
    let url = provider.url.clone().unwrap_or_default();
    let note = provider
        .need_reset
        .then_some(t_string!(i18n, agents.settings.need_reset));
    let title = provider.title.clone();
    view! {
        <li class="ai-settings__provider" data-testid="provider-row" data-title=title.clone()>
            <span class="ai-settings__provider-title">{title.clone()}</span>
            <span class="muted ai-settings__provider-url">{url}</span>
            {note.map(|n| view! { <span class="field__error">{n}</span> })}
            <Button appearance=ButtonAppearance::Subtle label=t_string!(i18n, agents.settings.delete_one, title = &title).to_string() on_click=Callback::new(move |_| deleting.set(Some(provider.clone())))>
                {t!(i18n, common.delete)}
            </Button>
        </li>
    }
}
