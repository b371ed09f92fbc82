//! One external link of a file (inside the list item that also holds its edit form): its name, access and settings, its address to copy, and Change
//! and Revoke (which asks first) where the portal allows them. Whether a password is set is shown; the password
//! itself is not.

use docspace_api::models::{LinkId, Share};
use leptos::prelude::*;

use crate::catalog::access_label;
use crate::components::{Button, ButtonAppearance, ConfirmInline, use_toaster};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::text;

/// A link row.
#[component]
pub fn LinkItem(
    share: Share,
    can_manage: bool,
    busy: RwSignal<bool>,
    #[prop(into)] on_change: Callback<()>,
    #[prop(into)] on_revoke: Callback<LinkId>,
) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let Some(link) = share.link().cloned() else {
        return ().into_any();
    };
    let mut facts = vec![access_label(share.access, i18n.get_locale_untracked()).to_string()];
    if link.primary {
        facts.push(t_string!(i18n, links.fact.primary).into());
    }
    match link.expiration_date.filter(|d| !d.is_unset()) {
        Some(_) if link.is_expired => facts.push(t_string!(i18n, links.fact.expired).into()),
        Some(d) => {
            let date = d.in_utc().calendar_date();
            facts.push(t_string!(i18n, links.fact.expires, date).to_string())
        }
        None => {}
    }
    if link.password.as_deref().is_some_and(|p| !p.is_empty()) {
        facts.push(t_string!(i18n, links.fact.password).into());
    }
    if link.deny_download {
        facts.push(t_string!(i18n, links.fact.no_download).into());
    }
    if link.internal {
        facts.push(t_string!(i18n, links.fact.internal).into());
    }
    let url = link.share_link.clone().unwrap_or_default();
    let copy_url = url.clone();
    let title = link.title.clone();
    let may_change = can_manage && share.can_edit_access;
    let may_revoke = can_manage && share.can_revoke;
    let id = link.id.clone();
    let revoke_label = {
        let title = title.clone();
        Signal::derive(move || {
            t_string!(i18n, links.revoke_named, title = title.as_str()).to_string()
        })
    };
    view! {
        <div class="links__item" data-testid="file-link" data-link-id=link.id.as_str().to_string()>
            <div class="links__head">
                <span class="links__title">{title.clone()}</span>
                <span class="muted" data-testid="file-link-facts">{facts.join(" · ")}</span>
            </div>
            <input class="field__input links__url" type="text" readonly=true aria-label={ let title = title.clone(); move || t_string!(i18n, links.address_of, title = &title).to_string() } prop:value=url data-testid="file-link-url"/>
            <div class="links__actions">
                <button type="button" class="btn btn--secondary" data-testid="file-link-copy" on:click=move |_| super::super::links::copy(copy_url.clone(), toaster)>{t!(i18n, links.copy)}</button>
                {may_change.then(|| view! {
                    <span data-testid="file-link-change">
                        <Button appearance=ButtonAppearance::Subtle on_click=Callback::new(move |_| on_change.run(()))>{t!(i18n, links.change)}</Button>
                    </span>
                })}
                {may_revoke.then(|| view! {
                    <ConfirmInline
                        label=text!(i18n, links.revoke)
                        question=text!(i18n, links.revoke_question)
                        busy=busy
                        aria_label=revoke_label
                        testid="file-link-revoke"
                        on_confirm=Callback::new(move |()| on_revoke.run(id.clone()))
                    />
                })}
            </div>
        </div>
    }
    .into_any()
}
