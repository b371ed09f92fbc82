//! A room's members: who has access and at which level (only the levels the room's type offers),
//! changing and removing them, and inviting people by e-mail or from the portal's users.

use docspace_api::Client;
use docspace_api::models::{Employee, FileShare, Room, RoomType, Share, UserId};
use leptos::prelude::*;

use crate::catalog::{access_label, member_accesses};
use crate::components::{
    Button, ButtonAppearance, EmptyState, ErrorState, InputKind, Loading, Select, SelectOption,
    TextField, use_toaster,
};
use crate::errors::user_message;
use crate::i18n::{Locale, t, t_string, td_string, use_i18n};
use crate::locale::{Said, said, text};
use crate::rights::{accesses_for, is_pending, may_hold, may_own_rooms};

use super::member_picker::PeoplePicker;

fn access_options(levels: Vec<FileShare>, locale: Locale) -> Vec<SelectOption> {
    levels
        .into_iter()
        .map(|a| SelectOption::new(a.value().to_string(), access_label(a, locale)))
        .collect()
}

fn parse_access(v: &str) -> Option<FileShare> {
    v.parse::<i32>().ok().map(FileShare::from)
}

/// Checks an e-mail address enough to catch typing mistakes; the portal has the last word. The
/// message is in `locale`.
pub fn check_email(email: &str, locale: Locale) -> Result<String, String> {
    let e = email.trim();
    match e.split_once('@') {
        Some((user, domain))
            if !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !e.contains(char::is_whitespace) =>
        {
            Ok(e.to_string())
        }
        _ if e.is_empty() => Err(td_string!(locale, members.enter_email).into()),
        _ => Err(td_string!(locale, members.not_an_email).into()),
    }
}

/// The members panel of `room`.
#[component]
pub fn Members(client: Client, room: Room) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let client = StoredValue::new_local(client);
    let room_id = room.id.clone();
    let kind = room.room_type.unwrap_or(RoomType::Custom);
    // Inviting and changing access need the room's `EditAccess` (a room manager's right).
    let may_invite = room.security.can("EditAccess");
    let version = RwSignal::new(0u32);
    let members = LocalResource::new({
        let room_id = room_id.clone();
        move || {
            version.track();
            let room_id = room_id.clone();
            async move {
                client
                    .get_value()
                    .rooms()
                    .members(room_id)
                    .send()
                    .await
                    .map(|p| p.items)
                    .map_err(|e| user_message(&e))
            }
        }
    });
    let set_access = {
        let room_id = room_id.clone();
        move |user: UserId, name: String, access: FileShare| {
            let room_id = room_id.clone();
            leptos::task::spawn_local(async move {
                let result = client
                    .get_value()
                    .rooms()
                    .share(room_id)
                    .user(user, access)
                    .notify(false)
                    .send()
                    .await;
                match result {
                    Ok(r) if r.is_ok() => {
                        if access == FileShare::None {
                            toaster.success(said!(members.removed, name = &name));
                        } else {
                            toaster.success(Said::new(move |l| {
                                let level = access_label(access, l);
                                td_string!(l, members.changed, name = &name, level).to_string()
                            }));
                        }
                    }
                    Ok(r) => toaster.error(
                        said!(members.not_changed, name = &name),
                        // The portal's warning, in its words; else the app's.
                        r.warning.map_or_else(|| said!(members.refused), Said::from),
                    ),
                    Err(e) => {
                        toaster.error(said!(members.not_changed, name = &name), user_message(&e))
                    }
                }
                version.update(|v| *v += 1);
            });
        }
    };
    let set_access = StoredValue::new_local(set_access);
    let room_key = StoredValue::new(room_id.clone());
    // Sending a pending member's room invitation again, as DocSpace's member list offers it.
    let resend = Callback::new(move |(user, name): (UserId, String)| {
        leptos::task::spawn_local(async move {
            let sent = client
                .get_value()
                .rooms()
                .resend_invitations(room_key.get_value())
                .user(user)
                .send()
                .await;
            match sent {
                Ok(()) => toaster.success(said!(members.resent, name = &name)),
                Err(e) => toaster.error(said!(members.not_resent, name = &name), user_message(&e)),
            }
        });
    });
    // Giving the room to another admin: the portal keeps the former owner as room manager.
    let make_owner = Callback::new(move |(user, name): (UserId, String)| {
        leptos::task::spawn_local(async move {
            let changed = client
                .get_value()
                .rooms()
                .change_owner(room_key.get_value(), user)
                .await;
            match changed {
                Ok(_) => toaster.success(said!(members.owner_changed, name = &name)),
                Err(e) => toaster.error(
                    said!(members.owner_not_changed, name = &name),
                    user_message(&e),
                ),
            }
            version.update(|v| *v += 1);
        });
    });
    let row_actions = RowActions {
        resend: may_invite.then_some(resend),
        make_owner: room.security.can("ChangeOwner").then_some(make_owner),
    };

    view! {
        <div class="members" data-testid="members">
            {may_invite.then(|| view! {
                <Invite client=client.get_value() room_id=room_id.clone() kind=kind on_invited=Callback::new(move |_| version.update(|v| *v += 1))/>
            })}
            <h3>{t!(i18n, room.members)}</h3>
            {move || match members.get() {
                None => view! { <Loading label=text!(i18n, members.loading)/> }.into_any(),
                Some(Err(e)) => view! { <ErrorState title=text!(i18n, members.load_failed) message=e/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <EmptyState title=text!(i18n, members.none)/> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="members__list">
                        {list.into_iter().filter_map(|share| member_row(share, kind, set_access, row_actions)).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </div>
    }
}

/// What a member's row offers besides the access level, when the room allows it.
#[derive(Clone, Copy)]
struct RowActions {
    /// Send a pending member's invitation again.
    resend: Option<Callback<(UserId, String)>>,
    /// Give the room to the member.
    make_owner: Option<Callback<(UserId, String)>>,
}

fn member_row<F>(
    share: Share,
    kind: RoomType,
    set_access: StoredValue<F, LocalStorage>,
    actions: RowActions,
) -> Option<impl IntoView + use<F>>
where
    F: Fn(UserId, String, FileShare) + 'static,
{
    let i18n = use_i18n();
    let user = share.user()?.clone();
    let name = user.display_name.clone();
    let email = user.email.clone().unwrap_or_default();
    let email_attr = email.clone();
    let editable = share.can_edit_access && !share.is_owner && !share.is_locked;
    let value = RwSignal::new(share.access.value().to_string());
    // Only the levels this member's type may hold (no room manager for a user or a guest).
    let levels = accesses_for(kind, &user);
    let options = Signal::derive(move || access_options(levels.clone(), i18n.get_locale()));
    let (uid, uname) = (user.id.clone(), name.clone());
    Effect::new(move |prev: Option<()>| {
        let v = value.get();
        if prev.is_some()
            && let Some(a) = parse_access(&v)
        {
            set_access.with_value(|f| f(uid.clone(), uname.clone(), a));
        }
    });
    let (rid, rname) = (user.id.clone(), name.clone());
    let remove = move |_| set_access.with_value(|f| f(rid.clone(), rname.clone(), FileShare::None));
    let resend = actions
        .resend
        .filter(|_| !share.is_owner && is_pending(&user))
        .map(|cb| {
            let (id, n) = (user.id.clone(), name.clone());
            let label = t_string!(i18n, members.resend_to, name = &name).to_string();
            view! {
                <button type="button" class="btn btn--subtle" data-testid="member-resend" aria-label=label on:click=move |_| cb.run((id.clone(), n.clone()))>{t!(i18n, members.resend)}</button>
            }
        });
    let make_owner = actions
        .make_owner
        .filter(|_| !share.is_owner && may_own_rooms(&user))
        .map(|cb| {
            let (id, n) = (user.id.clone(), name.clone());
            let label = t_string!(i18n, members.make_owner_of, name = &name).to_string();
            view! {
                <button type="button" class="btn btn--subtle" data-testid="member-make-owner" aria-label=label on:click=move |_| cb.run((id.clone(), n.clone()))>{t!(i18n, members.make_owner)}</button>
            }
        });
    Some(view! {
        <li class="members__item" data-testid="member" data-email=email_attr>
            <div class="members__who">
                <span class="members__name">{name.clone()}</span>
                <span class="members__email muted">{email}</span>
            </div>
            {if editable {
                view! {
                    <Select label=t_string!(i18n, members.access_of, name = &name).to_string() value=value options=options hide_label=true/>
                    <button type="button" class="btn btn--subtle" aria-label={ let name = name.clone(); move || t_string!(i18n, members.remove_one, name = &name).to_string() } on:click=remove>{t!(i18n, members.remove)}</button>
                }.into_any()
            } else {
                view! {
                    <span class="members__access">
                        {move || if share.is_owner { t_string!(i18n, members.owner) } else { access_label(share.access, i18n.get_locale()) }}
                    </span>
                }.into_any()
            }}
            {resend}
            {make_owner}
        </li>
    })
}

/// Inviting portal users (several at once, found by a search) and people by e-mail.
#[component]
fn Invite(
    client: Client,
    room_id: docspace_api::models::RoomId,
    kind: RoomType,
    #[prop(into)] on_invited: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let picker_client = client.clone();
    let client = StoredValue::new_local(client);
    let room_id = StoredValue::new(room_id);
    let email = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<Employee>::new());
    // Viewer-like default: the lowest level the room offers.
    let default_access = member_accesses(kind)
        .last()
        .copied()
        .unwrap_or(FileShare::Read);
    let access = RwSignal::new(default_access.value().to_string());
    let tried = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let form_error = RwSignal::new(None::<Said>);
    let email_error = Signal::derive(move || {
        (tried.get() && !email.with(|e| e.trim().is_empty()))
            .then(|| check_email(&email.get(), i18n.get_locale()).err())
            .flatten()
    });
    let chosen_level = Memo::new(move |_| parse_access(&access.get()));
    // The levels offered are those every chosen person may hold: a guest is never offered as
    // room manager, and the picker greys out who may not hold the level chosen.
    let access_opts = Signal::derive(move || {
        let levels = chosen.with(|people| {
            member_accesses(kind)
                .into_iter()
                .filter(|l| people.iter().all(|p| may_hold(p, *l)))
                .collect::<Vec<_>>()
        });
        access_options(levels, i18n.get_locale())
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        form_error.set(None);
        if busy.get_untracked() {
            return;
        }
        let Some(level) = parse_access(&access.get_untracked()) else {
            return;
        };
        let typed = email.get_untracked();
        let address = if typed.trim().is_empty() {
            None
        } else {
            match check_email(&typed, i18n.get_locale_untracked()) {
                Ok(e) => Some(e),
                Err(_) => return,
            }
        };
        let people = chosen.get_untracked();
        if people.is_empty() && address.is_none() {
            form_error.set(Some(said!(members.pick_someone)));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let client = client.get_value();
            let mut share = client.rooms().share(room_id.get_value()).notify(false);
            let mut names: Vec<String> = Vec::new();
            for p in &people {
                share = share.user(p.id.clone(), level);
                names.push(p.display_name.clone());
            }
            if let Some(e) = &address {
                share = share.email(e.clone(), level);
                names.push(e.clone());
            }
            match share.send().await {
                Ok(r) if r.is_ok() => {
                    let names = names.join(", ");
                    toaster.success(Said::new(move |l| {
                        let access = access_label(level, l);
                        td_string!(l, members.invited, names = &names, access).to_string()
                    }));
                    email.set(String::new());
                    chosen.set(Vec::new());
                    tried.set(false);
                    on_invited.run(());
                }
                Ok(r) => form_error.set(Some(
                    r.warning
                        .map_or_else(|| said!(members.invite_refused), Said::from),
                )),
                Err(e) => form_error.set(Some(user_message(&e))),
            }
            busy.set(false);
        });
    };
    view! {
        <form class="stack members__invite" on:submit=submit novalidate=true data-testid="invite-form">
            <h3>{t!(i18n, members.invite)}</h3>
            <div data-testid="invite-access">
                <Select label=text!(i18n, members.access) value=access options=access_opts/>
            </div>
            <PeoplePicker client=picker_client chosen=chosen level=chosen_level/>
            <TextField label=text!(i18n, members.or_email) value=email kind=InputKind::Email error=email_error autocomplete="off"/>
            <p class="form-error" role="alert" hidden=move || form_error.with(Option::is_none)>{move || form_error.get().map(|e| e.shown())}</p>
            <div>
                <Button appearance=ButtonAppearance::Primary submit=true busy=busy>{t!(i18n, members.invite)}</Button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::check_email;
    use crate::i18n::Locale;

    #[test]
    fn e_mail_addresses_are_checked_loosely() {
        assert_eq!(
            check_email(" ann@example.com ", Locale::en).as_deref(),
            Ok("ann@example.com")
        );
        assert!(check_email("", Locale::en).is_err());
        assert!(check_email("ann@example", Locale::en).is_err());
        assert!(check_email("ann example@x.com", Locale::en).is_err());
        assert!(check_email("@example.com", Locale::en).is_err());
    }
}
