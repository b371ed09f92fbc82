//! A file's external links in its details panel: the primary link and the others, each with its
//! access, expiry, password, download and internal settings; creating, changing, copying and
//! revoking them. Only a user who may manage the room's access is offered changes (DocSpace's
//! `EditAccess`), and per link only what the portal marks changeable (`canEditAccess`,
//! `canRevoke`). A link's address grants access and its password guards it: both are shown only
//! here, never logged or put in the app's address.

use docspace_api::Client;
use docspace_api::models::{File, FileId, FileShare, LinkId, RoomType, Share};
use leptos::prelude::*;

use super::link_form::{LinkForm, LinkSettings};
use super::link_item::LinkItem;
use crate::components::{Button, ButtonAppearance, EmptyState, ErrorState, Loading};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{Said, shown, text};

/// Which form is open.
#[derive(Debug, Clone, PartialEq)]
enum Editing {
    New,
    Link(LinkId),
}

/// The links section of `file`'s details; the portal's `availableShareRights` for the file decide
/// which access levels links offer (`room_type` only where a portal sends none).
#[component]
pub fn FileLinks(
    client: Client,
    file: File,
    room_type: Option<RoomType>,
    can_manage: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let levels = link_levels(&file, room_type);
    let client = StoredValue::new_local(client);
    let id = StoredValue::new(file.id.clone());
    let reload = RwSignal::new(0u32);
    let links = LocalResource::new(move || {
        reload.track();
        async move {
            let listed = client.get_value().files().links(id.get_value()).await;
            listed.map_err(|e| user_message(&e)).map(|all| {
                all.into_iter()
                    .filter(|s| s.access != FileShare::None && s.link().is_some())
                    .collect::<Vec<_>>()
            })
        }
    });
    let editing = RwSignal::new(None::<Editing>);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<Said>);
    let has_primary = move || {
        links
            .get()
            .and_then(Result::ok)
            .is_some_and(|l| l.iter().any(|s| s.link().is_some_and(|l| l.primary)))
    };
    let save = Callback::new(move |settings: LinkSettings| {
        let Some(target) = editing.get_untracked() else {
            return;
        };
        // The first link of a file is its primary link, as DocSpace's "Copy link" makes it.
        let primary = target == Editing::New && !has_primary();
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let link = match target {
                Editing::New => None,
                Editing::Link(l) => Some(l),
            };
            match store(&client.get_value(), id.get_value(), link, settings, primary).await {
                Ok(()) => {
                    editing.set(None);
                    reload.update(|v| *v += 1);
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    });
    let revoke = Callback::new(move |link: LinkId| {
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let done = client
                .get_value()
                .files()
                .revoke_link(id.get_value(), link)
                .await;
            if let Err(e) = done {
                error.set(Some(user_message(&e)));
            }
            busy.set(false);
            reload.update(|v| *v += 1);
        });
    });
    let open = move |e: Editing| {
        error.set(None);
        editing.set(Some(e));
    };
    let cancel = Callback::new(move |()| editing.set(None));
    let form = move |initial: LinkSettings, action: &'static str| {
        view! { <LinkForm initial=initial levels=levels.clone() action=action submit=save on_cancel=cancel busy=busy error=shown(error)/> }
    };
    let form = StoredValue::new(form);

    view! {
        <section class="details__section" data-testid="file-links" aria-labelledby="file-links-heading">
            <div class="details__section-head">
                <h3 id="file-links-heading" class="details__heading">{t!(i18n, room.panel.external_links)}</h3>
                {can_manage.then(|| view! {
                    <span data-testid="file-link-new">
                        <Button appearance=ButtonAppearance::Secondary on_click=Callback::new(move |_| open(Editing::New))>{t!(i18n, links.new_link)}</Button>
                    </span>
                })}
            </div>
            <p class="details__error" role="alert" data-testid="file-links-error" hidden=move || error.with(Option::is_none) || editing.with(Option::is_some)>
                {move || error.get().map(|e| e.shown())}
            </p>
            {move || (editing.get() == Some(Editing::New)).then(|| form.with_value(|f| f(new_settings(), t_string!(i18n, links.create))))}
            {move || match links.get() {
                None => view! { <Loading label=text!(i18n, links.loading)/> }.into_any(),
                Some(Err(e)) => view! { <ErrorState title=text!(i18n, links.load_failed) message=e/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <EmptyState title=text!(i18n, links.none_for_file)/> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="links__list">
                        {list.into_iter().map(|share: Share| {
                            let link_id = share.link().map(|l| l.id.clone());
                            let this = link_id.clone().map(Editing::Link);
                            let settings = LinkSettings::of(&share);
                            let change = Callback::new(move |()| if let Some(l) = link_id.clone() { open(Editing::Link(l)) });
                            view! {
                                <li class="details__link">
                                    <LinkItem share=share can_manage=can_manage busy=busy on_change=change on_revoke=revoke/>
                                    {move || (editing.get() == this).then(|| form.with_value(|f| f(settings.clone(), t_string!(i18n, links.save))))}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

/// A new link's starting settings: read-only, no options.
fn new_settings() -> LinkSettings {
    LinkSettings {
        access: FileShare::Read,
        title: String::new(),
        expires: String::new(),
        password: String::new(),
        deny_download: false,
        internal: false,
    }
}

/// The access levels a link to `file` may grant: the portal's own list
/// (`availableShareRights`, which DocSpace works out from the room, the format and the caller).
/// A portal that sends none is offered the one level every link in such a room may have.
pub fn link_levels(file: &File, room_type: Option<RoomType>) -> Vec<FileShare> {
    match file.link_levels(false) {
        Some(levels) if !levels.is_empty() => levels,
        _ if room_type == Some(RoomType::FillingForms) => vec![FileShare::FillForms],
        _ => vec![FileShare::Read],
    }
}

/// Creates a link (`link` None) or replaces one's settings with `s`.
async fn store(
    client: &Client,
    file: FileId,
    link: Option<LinkId>,
    s: LinkSettings,
    primary: bool,
) -> Result<(), Said> {
    let expiry = s.expiry().map_err(|e| user_message(&e))?;
    let files = client.files();
    let mut b = match link {
        Some(l) => files.update_link(file, l, s.access),
        None => files.create_link(file, s.access).primary(primary),
    };
    if !s.title.trim().is_empty() {
        b = b.title(s.title.trim());
    }
    if let Some(at) = expiry {
        b = b.expires(at);
    }
    if !s.password.is_empty() {
        b = b.password(s.password);
    }
    b.deny_download(s.deny_download)
        .internal(s.internal)
        .send()
        .await
        .map(drop)
        .map_err(|e| user_message(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_offer_the_portals_levels_or_the_one_every_link_may_have() {
        use FileShare::{Comment, Editing, FillForms, Read, Review};
        let file = |rights: &str| -> File {
            serde_json::from_str(&format!(
                r#"{{"id":7,"title":"Plan.docx","availableShareRights":{rights}}}"#
            ))
            .expect("file")
        };
        let offered = file(r#"{"ExternalLink":["Editing","Review","Comment","Read","None"]}"#);
        assert_eq!(
            link_levels(&offered, Some(RoomType::Custom)),
            [Editing, Review, Comment, Read]
        );
        assert_eq!(link_levels(&file("{}"), None), [Read]);
        assert_eq!(
            link_levels(&file("null"), Some(RoomType::FillingForms)),
            [FillForms]
        );
    }
}
