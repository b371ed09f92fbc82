//! People: the portal's users, searchable and filterable (type, status, invited by me), with an
//! invite dialog and per-person actions (change type, disable, enable, delete, resend the
//! invitation), each offered only when the signed-in user may take it; the portal's refusal still
//! shows if it disagrees.

mod invite;
mod row;
mod rules;

use docspace_api::Client;
use docspace_api::models::{Employee, EmployeeStatus, EmployeeType};
use leptos::prelude::*;

use self::invite::InviteForm;
use self::row::{PersonAction, PersonRow};
use crate::components::{
    Button, ButtonAppearance, Checkbox, Dialog, EmptyState, ErrorState, InputKind, Loading, Select,
    SelectOption, TextField, Toaster, after_typing_pause, use_toaster,
};
use crate::errors::user_message;
use crate::i18n::{Locale, t, t_string, td_string, use_i18n};
use crate::locale::{Said, counted, said, text};
use crate::state::use_session;

/// Users fetched per page.
const PAGE: u32 = 50;

/// The list's filters.
#[derive(Debug, Clone, Default, PartialEq)]
struct Filters {
    search: String,
    /// `EmployeeType` integer, or empty for any.
    kind: String,
    /// `EmployeeStatus` name, or empty for any.
    status: String,
    invited_by_me: bool,
}

/// The People page.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let (Some(client), Some(me)) = (session.client(), session.user()) else {
        return ().into_any();
    };
    if !rules::may_list(&me) {
        return view! {
            <div class="page people">
                <h1>{t!(i18n, nav.people)}</h1>
                <EmptyState
                    title=text!(i18n, people.admins_only)
                    description=text!(i18n, people.admins_only_hint)
                />
                <Explanation/>
            </div>
        }
        .into_any();
    }
    view! { <Directory client=client me=me/> }.into_any()
}

async fn fetch(client: &Client, f: &Filters, start: u64) -> Result<(Vec<Employee>, u64), Said> {
    let mut b = client.people().list().count(PAGE).start_index(start);
    if !f.search.trim().is_empty() {
        b = b.filter_value(f.search.trim());
    }
    if let Ok(n) = f.kind.parse::<i64>() {
        b = b.employee_type(EmployeeType::from_value(n));
    }
    match f.status.as_str() {
        "Active" => b = b.employee_status(EmployeeStatus::Active),
        "Pending" => b = b.employee_status(EmployeeStatus::Pending),
        "Terminated" => b = b.employee_status(EmployeeStatus::Terminated),
        _ => {}
    }
    if f.invited_by_me {
        b = b.invited_by_me(true);
    }
    let page = b.send().await.map_err(|e| user_message(&e))?;
    let total = page.total.unwrap_or(start + page.items.len() as u64);
    Ok((page.items, total))
}

#[component]
fn Directory(client: Client, me: Employee) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let client = StoredValue::new_local(client);
    let me = StoredValue::new(me);
    let filters = RwSignal::new(Filters::default());
    let people = RwSignal::new(Vec::<Employee>::new());
    let total = RwSignal::new(None::<u64>);
    let error = RwSignal::new(None::<Said>);
    let generation = StoredValue::new(0u64);

    // Loads from `start` (0 replaces the list); answers that arrive after a newer load are dropped.
    let load = move |start: u64| {
        let n = generation.get_value() + 1;
        generation.set_value(n);
        let f = filters.get_untracked();
        if start == 0 {
            total.set(None);
        }
        leptos::task::spawn_local(async move {
            let result = fetch(&client.get_value(), &f, start).await;
            if generation.get_value() != n {
                return;
            }
            match result {
                Ok((items, t)) => {
                    if start == 0 {
                        people.set(items);
                    } else {
                        people.update(|p| p.extend(items));
                    }
                    total.set(Some(t));
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    Effect::new(move |_| {
        filters.track();
        load(0);
    });

    let invite_open = RwSignal::new(false);
    let deleting = RwSignal::new(None::<Employee>);
    let delete_open = RwSignal::new(false);

    let run = move |action: PersonAction| {
        perform(client.get_value(), toaster, action, move || load(0));
    };
    let on_action = Callback::new(move |action: PersonAction| match action {
        PersonAction::Delete(u) => {
            deleting.set(Some(u));
            delete_open.set(true);
        }
        other => run(other),
    });

    let invite_types = rules::invite_types(&me.get_value());
    let can_invite = !invite_types.is_empty();
    let loaded = Signal::derive(move || people.with(Vec::len) as u64);
    view! {
        <div class="page people">
            <div class="page-header">
                <h1>{t!(i18n, nav.people)}</h1>
                <Show when=move || can_invite>
                    <span data-testid="invite-open">
                        <Button appearance=ButtonAppearance::Primary on_click=Callback::new(move |_| invite_open.set(true))>
                            {t!(i18n, people.invite)}
                        </Button>
                    </span>
                </Show>
            </div>
            <Toolbar filters=filters/>
            <p class="people__count muted" aria-live="polite" data-testid="people-count">
                {move || total.get().map(|t| counted!(i18n.get_locale(), t, people.count))}
            </p>
            {move || {
                if let Some(e) = error.get() && total.get().is_none() {
                    return view! {
                        <ErrorState title=text!(i18n, people.load_failed) message=e>
                            <Button on_click=Callback::new(move |_| load(0))>{t!(i18n, common.try_again)}</Button>
                        </ErrorState>
                    }.into_any();
                }
                match total.get() {
                    None => view! { <Loading label=text!(i18n, people.loading)/> }.into_any(),
                    Some(0) => view! { <EmptyState title=text!(i18n, people.none_match) description=text!(i18n, rooms.none_match_hint)/> }.into_any(),
                    Some(_) => view! {
                        <ul class="people__list" aria-label=move || t_string!(i18n, nav.people) data-testid="people-list">
                            <For each=move || people.get() key=|p| (p.id.clone(), p.status, p.is_admin, p.is_room_admin, p.is_visitor) let:person>
                                <PersonRow person=person me=me.get_value() on_action=on_action/>
                            </For>
                        </ul>
                    }.into_any(),
                }
            }}
            <Show when=move || total.get().is_some_and(|t| loaded.get() < t)>
                <Button on_click=Callback::new(move |_| load(loaded.get_untracked()))>{t!(i18n, people.show_more)}</Button>
            </Show>
            <Explanation/>
        </div>
        <Dialog open=invite_open title=text!(i18n, people.invite_title)>
            <InviteForm
                client=client.get_value()
                types=invite_types.clone()
                on_done=Callback::new(move |email: String| {
                    invite_open.set(false);
                    toaster.success(said!(people.invited, email = &email));
                    load(0);
                })
                on_cancel=Callback::new(move |_| invite_open.set(false))
            />
        </Dialog>
        <ConfirmDelete
            open=delete_open
            person=deleting
            on_confirm=Callback::new(move |target: Employee| run(PersonAction::Delete(target)))
        />
    }
}

/// Runs `action` on the account it names, tells the user how it went, then runs `then` (the list
/// reloads either way: a refused change may still mean the list is out of date).
fn perform(client: Client, toaster: Toaster, action: PersonAction, then: impl FnOnce() + 'static) {
    let what = action.clone();
    leptos::task::spawn_local(async move {
        let p = client.people();
        let outcome = match action {
            PersonAction::ChangeType(u, t) => p.change_type(t).user(u.id).send().await.map(drop),
            PersonAction::Disable(u, off) => {
                let status = if off {
                    EmployeeStatus::Terminated
                } else {
                    EmployeeStatus::Active
                };
                p.set_status(status).user(u.id).send().await.map(drop)
            }
            PersonAction::Resend(u) => p.resend_invites().user(u.id).send().await.map(drop),
            PersonAction::Delete(u) => p.delete(u.id).await.map(drop),
        };
        let person = what.person();
        let name = person.email.clone().unwrap_or(person.display_name.clone());
        match outcome {
            Ok(()) => toaster.success(Said::new(move |l| action_done(&what, &name, l))),
            Err(e) => toaster.error(
                Said::new(move |l| action_failed(&what, &name, l)),
                user_message(&e),
            ),
        }
        then();
    });
}

/// Asks before deleting `person`'s account; `on_confirm` gets the person.
#[component]
fn ConfirmDelete(
    open: RwSignal<bool>,
    person: RwSignal<Option<Employee>>,
    on_confirm: Callback<Employee>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Dialog open=open title=text!(i18n, people.delete_title)>
            {move || person.get().map(|person| {
                let email = person.email.clone().unwrap_or_default();
                view! {
                    <p>{t!(i18n, people.delete_question, email, <strong> = <strong/>)}</p>
                    <div class="dialog__actions">
                        <Button on_click=Callback::new(move |_| open.set(false))>{t!(i18n, common.cancel)}</Button>
                        <span data-testid="confirm-delete-person">
                            <Button
                                appearance=ButtonAppearance::Danger
                                on_click=Callback::new(move |_| {
                                    open.set(false);
                                    on_confirm.run(person.clone());
                                })
                            >
                                {t!(i18n, common.delete)}
                            </Button>
                        </span>
                    </div>
                }
            })}
        </Dialog>
    }
}

/// Search, type, status and "invited by me".
#[component]
fn Toolbar(filters: RwSignal<Filters>) -> impl IntoView {
    let i18n = use_i18n();
    let search = RwSignal::new(String::new());
    // The search applies after a pause in typing.
    after_typing_pause(search, move |text| filters.update(|f| f.search = text));
    let kind = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let mine = RwSignal::new(false);
    Effect::new(move |prev: Option<()>| {
        let (k, s, m) = (kind.get(), status.get(), mine.get());
        if prev.is_some() {
            filters.update(|f| {
                f.kind = k;
                f.status = s;
                f.invited_by_me = m;
            });
        }
    });
    let kinds = Signal::derive(move || {
        let locale = i18n.get_locale();
        let mut v = vec![SelectOption::new("", t_string!(i18n, rooms.all_types))];
        for t in [
            EmployeeType::DocSpaceAdmin,
            EmployeeType::RoomAdmin,
            EmployeeType::User,
            EmployeeType::Guest,
        ] {
            if let Some(n) = t.value() {
                v.push(SelectOption::new(
                    n.to_string(),
                    rules::type_label(&t, locale),
                ));
            }
        }
        v
    });
    let statuses = Signal::derive(move || {
        vec![
            SelectOption::new("", t_string!(i18n, people.any_status)),
            SelectOption::new("Active", t_string!(i18n, people.status.active)),
            SelectOption::new("Pending", t_string!(i18n, people.status.pending)),
            SelectOption::new("Terminated", t_string!(i18n, people.status.disabled)),
        ]
    });
    view! {
        <div class="toolbar people__toolbar" role="search">
            <div class="people__search" data-testid="people-search">
                <TextField label=text!(i18n, people.search) value=search kind=InputKind::Search placeholder=text!(i18n, people.search_placeholder) hide_label=true/>
            </div>
            <div data-testid="people-filter-type"><Select label=text!(i18n, room.sort.kind) value=kind options=kinds hide_label=true/></div>
            <div data-testid="people-filter-status"><Select label=text!(i18n, people.status_label) value=status options=statuses hide_label=true/></div>
            <div data-testid="people-filter-mine"><Checkbox label=text!(i18n, people.invited_by_me) checked=mine/></div>
        </div>
    }
}

/// How the documentation's words map to DocSpace's user types and room roles.
#[component]
fn Explanation() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="people__help" data-testid="people-help">
            <summary>{t!(i18n, people.help.summary)}</summary>
            <p>{t!(i18n, people.help.types, <strong> = <strong/>, <code> = <code/>)}</p>
            <p>{t!(i18n, people.help.roles, <strong> = <strong/>)}</p>
        </details>
    }
}

/// The notice after `action` on the person `name`, in `locale`.
fn action_done(action: &PersonAction, name: &str, locale: Locale) -> String {
    match action {
        PersonAction::ChangeType(_, t) => {
            let kind = rules::type_label(t, locale);
            td_string!(locale, people.done.type_changed, name, kind).to_string()
        }
        PersonAction::Disable(_, true) => {
            td_string!(locale, people.done.disabled, name).to_string()
        }
        PersonAction::Disable(_, false) => {
            td_string!(locale, people.done.enabled, name).to_string()
        }
        PersonAction::Resend(_) => td_string!(locale, people.done.resent, name).to_string(),
        PersonAction::Delete(_) => td_string!(locale, people.done.deleted, name).to_string(),
    }
}

/// The error title when `action` on `name` failed, in `locale`.
fn action_failed(action: &PersonAction, name: &str, locale: Locale) -> String {
    match action {
        PersonAction::ChangeType(..) => {
            td_string!(locale, people.failed.change_type, name).to_string()
        }
        PersonAction::Disable(_, true) => {
            td_string!(locale, people.failed.disable, name).to_string()
        }
        PersonAction::Disable(_, false) => {
            td_string!(locale, people.failed.enable, name).to_string()
        }
        PersonAction::Resend(_) => td_string!(locale, people.failed.resend, name).to_string(),
        PersonAction::Delete(_) => td_string!(locale, people.failed.delete, name).to_string(),
    }
}
