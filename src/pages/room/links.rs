//! A room's external links: create one with an access level the room type allows, copy its
//! address, revoke it. A link's address grants access, so it is shown only here, never logged.

use docspace_api::Client;
use docspace_api::models::{FileShare, LinkType, Room, RoomType, Share};
use leptos::prelude::*;

use crate::catalog::{access_label, link_accesses};
use crate::components::{
    Button, ButtonAppearance, ConfirmInline, EmptyState, ErrorState, Loading, Select, SelectOption,
    TextField, use_toaster,
};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{said, text};

/// The links panel of `room`.
#[component]
pub fn Links(client: Client, room: Room) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let client = StoredValue::new_local(client);
    let room_id = StoredValue::new(room.id.clone());
    let kind = room.room_type.unwrap_or(RoomType::Custom);
    let levels = link_accesses(kind);
    if levels.is_empty() {
        return view! {
            <EmptyState
                title=text!(i18n, links.unavailable)
                description=text!(i18n, links.unavailable_hint)
            />
        }
        .into_any();
    }
    let version = RwSignal::new(0u32);
    let links = LocalResource::new(move || {
        version.track();
        async move {
            client
                .get_value()
                .rooms()
                .links(room_id.get_value(), Some(LinkType::External))
                .await
                .map_err(|e| user_message(&e))
        }
    });

    let title = RwSignal::new(String::new());
    let access = RwSignal::new(
        levels
            .last()
            .copied()
            .unwrap_or(FileShare::Read)
            .value()
            .to_string(),
    );
    let options = Signal::derive(move || {
        levels
            .iter()
            .map(|a| SelectOption::new(a.value().to_string(), access_label(*a, i18n.get_locale())))
            .collect()
    });
    let busy = RwSignal::new(false);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(level) = access
            .get_untracked()
            .parse::<i32>()
            .ok()
            .map(FileShare::from)
        else {
            return;
        };
        busy.set(true);
        let name = title.get_untracked();
        leptos::task::spawn_local(async move {
            let client = client.get_value();
            let mut b = client
                .rooms()
                .create_link(room_id.get_value(), LinkType::External)
                .access(level);
            if !name.trim().is_empty() {
                b = b.title(name.trim());
            }
            match b.send().await {
                Ok(_) => {
                    toaster.success(said!(links.created));
                    title.set(String::new());
                    version.update(|v| *v += 1);
                }
                Err(e) => toaster.error(said!(links.not_created), user_message(&e)),
            }
            busy.set(false);
        });
    };
    let revoke = move |share: Share| {
        let Some(link) = share.link().cloned() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match client
                .get_value()
                .rooms()
                .revoke_link(room_id.get_value(), link.id, LinkType::External)
                .await
            {
                Ok(_) => {
                    let title = link.title.clone();
                    toaster.success(said!(links.revoked, title = &title))
                }
                Err(e) => toaster.error(said!(links.not_revoked), user_message(&e)),
            }
            version.update(|v| *v += 1);
        });
    };

    view! {
        <div class="links" data-testid="links">
            <form class="links__create" on:submit=create data-testid="link-form">
                <TextField label=text!(i18n, links.name) value=title/>
                <Select label=text!(i18n, members.access) value=access options=options/>
                <Button appearance=ButtonAppearance::Primary submit=true busy=busy>{t!(i18n, links.create)}</Button>
            </form>
            {move || match links.get() {
                None => view! { <Loading label=text!(i18n, links.loading)/> }.into_any(),
                Some(Err(e)) => view! { <ErrorState title=text!(i18n, links.load_failed) message=e/> }.into_any(),
                Some(Ok(list)) => {
                    let active: Vec<Share> = list.into_iter().filter(|s| s.access != FileShare::None && s.link().is_some()).collect();
                    if active.is_empty() {
                        return view! { <EmptyState title=text!(i18n, links.none)/> }.into_any();
                    }
                    view! {
                        <ul class="links__list">
                            {active.into_iter().map(|share| {
                                let link = share.link().cloned();
                                let title = link.as_ref().map(|l| l.title.clone()).unwrap_or_default();
                                let url = link.as_ref().and_then(|l| l.share_link.clone()).unwrap_or_default();
                                let expired = link.as_ref().is_some_and(|l| l.is_expired);
                                let level = access_label(share.access, i18n.get_locale_untracked());
                                let copy_url = url.clone();
                                let share_for_revoke = share.clone();
                                let revoke_label = { let title = title.clone(); Signal::derive(move || t_string!(i18n, links.revoke_named, title = title.as_str()).to_string()) };
                                view! {
                                    <li class="links__item" data-testid="link">
                                        <div class="links__head">
                                            <span class="links__title">{title.clone()}</span>
                                            <span class="muted">{level}{expired.then(|| format!(" · {}", t_string!(i18n, links.fact.expired)))}</span>
                                        </div>
                                        <input class="field__input links__url" type="text" readonly=true aria-label={ let title = title.clone(); move || t_string!(i18n, links.address_of, title = &title).to_string() } prop:value=url data-testid="link-url"/>
                                        <div class="links__actions">
                                            <button type="button" class="btn btn--secondary" data-testid="link-copy" on:click=move |_| copy(copy_url.clone(), toaster)>{t!(i18n, links.copy)}</button>
                                            <ConfirmInline
                                                label=text!(i18n, links.revoke)
                                                question=text!(i18n, links.revoke_question)
                                                aria_label=revoke_label
                                                testid="link-revoke"
                                                on_confirm=Callback::new(move |()| revoke(share_for_revoke.clone()))
                                            />
                                        </div>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </div>
    }
    .into_any()
}

/// Puts `text` on the clipboard and says whether that worked.
pub(super) fn copy(text: String, toaster: crate::components::Toaster) {
    let clipboard = window().navigator().clipboard();
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await {
            Ok(_) => toaster.success(said!(links.copied)),
            Err(_) => toaster.error(said!(links.not_copied), said!(links.clipboard_denied)),
        }
    });
}
