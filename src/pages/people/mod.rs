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
    SelectOption, TextField, after_typing_pause, use_toaster,
};
use crate::errors::user_message;
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
    let session = use_session();
    let (Some(client), Some(me)) = (session.client(), session.user()) else {
        return ().into_any();
    };
    if !rules::may_list(&me) {
        return view! {
            <div class="page people">
                <h1>"People"</h1>
                <EmptyState
                    title="People is for admins"
                    description="DocSpace shows the list of people to DocSpace admins and room admins only."
                />
                <Explanation/>
            </div>
        }
        .into_any();
    }
    view! { <Directory client=client me=me/> }.into_any()
}

async fn fetch(client: &Client, f: &Filters, start: u64) -> Result<(Vec<Employee>, u64), String> {
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
    let toaster = use_toaster();
    let client = StoredValue::new_local(client);
    let me = StoredValue::new(me);
    let filters = RwSignal::new(Filters::default());
    let people = RwSignal::new(Vec::<Employee>::new());
    let total = RwSignal::new(None::<u64>);
    let error = RwSignal::new(None::<String>);
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

    let run = move |person: Employee, what: &'static str, done: String, action: PersonAction| {
        leptos::task::spawn_local(async move {
            let people_api = client.get_value();
            let p = people_api.people();
            let outcome = match action {
                PersonAction::ChangeType(u, t) => {
                    p.change_type(t).user(u.id).send().await.map(drop)
                }
                PersonAction::Disable(u, true) => p
                    .set_status(EmployeeStatus::Terminated)
                    .user(u.id)
                    .send()
                    .await
                    .map(drop),
                PersonAction::Disable(u, false) => p
                    .set_status(EmployeeStatus::Active)
                    .user(u.id)
                    .send()
                    .await
                    .map(drop),
                PersonAction::Resend(u) => p.resend_invites().user(u.id).send().await.map(drop),
                PersonAction::Delete(u) => p.delete(u.id).await.map(drop),
            };
            let name = person.email.clone().unwrap_or(person.display_name.clone());
            match outcome {
                Ok(()) => toaster.success(format!("{name}: {done}")),
                Err(e) => toaster.error(format!("Could not {what} {name}"), user_message(&e)),
            }
            load(0);
        });
    };
    let on_action = Callback::new(move |action: PersonAction| match &action {
        PersonAction::ChangeType(u, t) => {
            let done = format!("now {}", rules::type_label(t));
            run(u.clone(), "change the type of", done, action.clone())
        }
        PersonAction::Disable(u, true) => {
            run(u.clone(), "disable", "disabled".into(), action.clone())
        }
        PersonAction::Disable(u, false) => {
            run(u.clone(), "enable", "enabled".into(), action.clone())
        }
        PersonAction::Resend(u) => run(
            u.clone(),
            "re-invite",
            "invitation sent again".into(),
            action.clone(),
        ),
        PersonAction::Delete(u) => {
            deleting.set(Some(u.clone()));
            delete_open.set(true);
        }
    });

    let invite_types = rules::invite_types(&me.get_value());
    let can_invite = !invite_types.is_empty();
    let loaded = Signal::derive(move || people.with(Vec::len) as u64);
    view! {
        <div class="page people">
            <div class="page-header">
                <h1>"People"</h1>
                <Show when=move || can_invite>
                    <span data-testid="invite-open">
                        <Button appearance=ButtonAppearance::Primary on_click=Callback::new(move |_| invite_open.set(true))>
                            "Invite…"
                        </Button>
                    </span>
                </Show>
            </div>
            <Toolbar filters=filters/>
            <p class="people__count muted" aria-live="polite" data-testid="people-count">
                {move || total.get().map(|t| if t == 1 { "1 person".to_string() } else { format!("{t} people") })}
            </p>
            {move || {
                if let Some(e) = error.get() && total.get().is_none() {
                    return view! {
                        <ErrorState title="People could not be loaded" message=e>
                            <Button on_click=Callback::new(move |_| load(0))>"Try again"</Button>
                        </ErrorState>
                    }.into_any();
                }
                match total.get() {
                    None => view! { <Loading label="Loading people…"/> }.into_any(),
                    Some(0) => view! { <EmptyState title="Nobody matches" description="Change the search or the filters."/> }.into_any(),
                    Some(_) => view! {
                        <ul class="people__list" aria-label="People" data-testid="people-list">
                            <For each=move || people.get() key=|p| (p.id.clone(), p.status, p.is_admin, p.is_room_admin, p.is_visitor) let:person>
                                <PersonRow person=person me=me.get_value() on_action=on_action/>
                            </For>
                        </ul>
                    }.into_any(),
                }
            }}
            <Show when=move || total.get().is_some_and(|t| loaded.get() < t)>
                <Button on_click=Callback::new(move |_| load(loaded.get_untracked()))>"Show more"</Button>
            </Show>
            <Explanation/>
        </div>
        <Dialog open=invite_open title="Invite someone">
            <InviteForm
                client=client.get_value()
                types=invite_types.clone()
                on_done=Callback::new(move |email: String| {
                    invite_open.set(false);
                    toaster.success(format!("Invited {email}"));
                    load(0);
                })
                on_cancel=Callback::new(move |_| invite_open.set(false))
            />
        </Dialog>
        <Dialog open=delete_open title="Delete person">
            {move || deleting.get().map(|person| {
                let email = person.email.clone().unwrap_or_default();
                let target = person.clone();
                view! {
                    <p>"Delete " <strong>{email}</strong> " for good? Their personal documents go with them."</p>
                    <div class="dialog__actions">
                        <Button on_click=Callback::new(move |_| delete_open.set(false))>"Cancel"</Button>
                        <span data-testid="confirm-delete-person">
                            <Button
                                appearance=ButtonAppearance::Danger
                                on_click=Callback::new(move |_| {
                                    delete_open.set(false);
                                    run(target.clone(), "delete", "deleted".into(), PersonAction::Delete(target.clone()));
                                })
                            >
                                "Delete"
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
    let kinds = Signal::derive(|| {
        let mut v = vec![SelectOption::new("", "All types")];
        for t in [
            EmployeeType::DocSpaceAdmin,
            EmployeeType::RoomAdmin,
            EmployeeType::User,
            EmployeeType::Guest,
        ] {
            if let Some(n) = t.value() {
                v.push(SelectOption::new(n.to_string(), rules::type_label(&t)));
            }
        }
        v
    });
    let statuses = Signal::derive(|| {
        vec![
            SelectOption::new("", "Any status"),
            SelectOption::new("Active", "Active"),
            SelectOption::new("Pending", "Pending"),
            SelectOption::new("Terminated", "Disabled"),
        ]
    });
    view! {
        <div class="toolbar people__toolbar" role="search">
            <div class="people__search" data-testid="people-search">
                <TextField label="Search people" value=search kind=InputKind::Search placeholder="Name or e-mail" hide_label=true/>
            </div>
            <div data-testid="people-filter-type"><Select label="Type" value=kind options=kinds hide_label=true/></div>
            <div data-testid="people-filter-status"><Select label="Status" value=status options=statuses hide_label=true/></div>
            <div data-testid="people-filter-mine"><Checkbox label="Invited by me" checked=mine/></div>
        </div>
    }
}

/// How the documentation's words map to DocSpace's user types and room roles.
#[component]
fn Explanation() -> impl IntoView {
    view! {
        <details class="people__help" data-testid="people-help">
            <summary>"Power user, editor, viewer: what do the words mean here?"</summary>
            <p>
                "A user type is portal-wide; a room role is given per room. The owner and DocSpace admins run the portal. "
                "Room admins create rooms and invite people. A " <strong>"power user"</strong>
                " is the type the API calls " <code>"User"</code> " (formerly " <code>"Collaborator"</code>
                "): they have My documents and may be given any room role but room manager. A "
                <strong>"guest"</strong> " only sees the rooms they were invited to."
            </p>
            <p>
                <strong>"Editor"</strong> " and " <strong>"viewer"</strong>
                " are not user types: they are room roles (DocSpace's access levels Editing and Read), "
                "set in a room's members list. Anyone, guests included, can be an editor or a viewer in a room."
            </p>
        </details>
    }
}
