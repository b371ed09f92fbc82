//! One person in the People list: name, e-mail, type, status, and the actions the signed-in user
//! may take on them.

use docspace_api::models::{Employee, EmployeeType};
use docspace_sdk::picker::{Mark, MarkIcon};
use leptos::prelude::*;

use super::rules::{self, Offered};
use crate::components::{Menu, MenuItem, actions_label};
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::locale::text;
use leptos_i18n::I18nContext;

/// What a row asks the page to do.
#[derive(Debug, Clone)]
pub enum PersonAction {
    /// Change the type.
    ChangeType(Employee, EmployeeType),
    /// Disable (`true`) or enable (`false`).
    Disable(Employee, bool),
    /// Delete, after confirmation.
    Delete(Employee),
    /// Send the invitation again.
    Resend(Employee),
}

impl PersonAction {
    /// Whose account the action is on.
    pub fn person(&self) -> &Employee {
        match self {
            PersonAction::ChangeType(u, _)
            | PersonAction::Disable(u, _)
            | PersonAction::Delete(u)
            | PersonAction::Resend(u) => u,
        }
    }
}

fn items(
    person: &Employee,
    offered: Offered,
    on_action: Callback<PersonAction>,
    i18n: I18nContext<Locale>,
) -> Vec<MenuItem> {
    let act = |a: PersonAction| move || on_action.run(a.clone());
    let mut out = Vec::new();
    for t in offered.change_to {
        let id = match t {
            EmployeeType::DocSpaceAdmin => "person-type-docspaceadmin",
            EmployeeType::RoomAdmin => "person-type-roomadmin",
            _ => "person-type-user",
        };
        let label = {
            let t = t.clone();
            Signal::derive(move || {
                let kind = rules::type_label(&t, i18n.get_locale());
                t_string!(i18n, people.make, kind).to_string()
            })
        };
        out.push(
            MenuItem::new(label, act(PersonAction::ChangeType(person.clone(), t))).test_id(id),
        );
    }
    if offered.resend {
        out.push(
            MenuItem::new(
                text!(i18n, people.resend),
                act(PersonAction::Resend(person.clone())),
            )
            .test_id("person-resend"),
        );
    }
    if offered.enable {
        out.push(
            MenuItem::new(
                text!(i18n, people.enable),
                act(PersonAction::Disable(person.clone(), false)),
            )
            .test_id("person-enable"),
        );
    }
    if offered.disable {
        out.push(
            MenuItem::new(
                text!(i18n, people.disable),
                act(PersonAction::Disable(person.clone(), true)),
            )
            .danger()
            .test_id("person-disable"),
        );
    }
    if offered.delete {
        out.push(
            MenuItem::new(
                text!(i18n, rooms.menu.delete),
                act(PersonAction::Delete(person.clone())),
            )
            .danger()
            .test_id("person-delete"),
        );
    }
    out
}

/// A row of the list.
#[component]
pub fn PersonRow(
    person: Employee,
    me: Employee,
    #[prop(into)] on_action: Callback<PersonAction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let offered = rules::offered(&me, &person);
    let items = items(&person, offered, on_action, i18n);
    let name = person.display_name.clone();
    let email = person.email.clone().unwrap_or_default();
    let status = rules::status_label(&person, Locale::en);
    let shown_status = {
        let person = person.clone();
        move || rules::status_label(&person, i18n.get_locale())
    };
    let shown_type = {
        let person = person.clone();
        move || rules::person_label(&person, i18n.get_locale())
    };
    view! {
        <li class="person-row" data-testid="person-row" data-email=email.clone() data-status=status>
            <div class="person-row__main">
                <span class="person-row__name">{if name.is_empty() { email.clone() } else { name.clone() }}</span>
                <span class="person-row__email muted">{email.clone()}</span>
            </div>
            <span class="person-row__type" data-testid="person-type">{shown_type}</span>
            <span class="person-row__status" data-testid="person-status">{shown_status}</span>
            {if items.is_empty() {
                view! { <span class="person-row__none muted">{t!(i18n, people.no_actions)}</span> }.into_any()
            } else {
                view! { <Menu label=actions_label(email.clone()) items=items><MarkIcon mark=Mark::More/></Menu> }.into_any()
            }}
        </li>
    }
}
