//! Picking portal users to invite to a room: a search over the portal's people (as DocSpace's
//! invite panel searches them, `GET /api/2.0/people/filter?filterValue=…`), several at once, each
//! chosen person shown as a chip that can be taken back. People who may not hold the chosen
//! access are shown but cannot be picked (ONLYOFFICE/DocSpace-client's invite panel greys out
//! users and guests for the paid room manager role).

use docspace_api::Client;
use docspace_api::models::{Employee, FileShare};
use docspace_sdk::picker::{Mark, MarkIcon};
use leptos::prelude::*;

use crate::components::{InputKind, Loading, TextField, after_typing_pause};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::text;
use crate::rights::may_hold;

/// People shown per search: enough to pick from, few enough to read; a search narrows it.
const SHOWN: u32 = 25;

/// The search and the people it finds; `chosen` holds the picked ones, `level` is the access
/// being granted (`None` while unknown).
#[component]
pub fn PeoplePicker(
    client: Client,
    chosen: RwSignal<Vec<Employee>>,
    #[prop(into)] level: Signal<Option<FileShare>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = StoredValue::new_local(client);
    let typed = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    after_typing_pause(typed, move |t| query.set(t.trim().to_string()));
    let found = LocalResource::new(move || {
        let q = query.get();
        async move {
            let client = client.get_value();
            let mut request = client.people().list().count(SHOWN);
            if !q.is_empty() {
                request = request.filter_value(q);
            }
            request
                .send()
                .await
                .map(|p| p.items)
                .map_err(|e| user_message(&e))
        }
    });
    let is_chosen = move |p: &Employee| chosen.with(|c| c.iter().any(|x| x.id == p.id));
    let toggle = move |p: Employee| {
        chosen.update(|c| match c.iter().position(|x| x.id == p.id) {
            Some(i) => {
                c.remove(i);
            }
            None => c.push(p),
        })
    };
    // A level chosen after the people: whoever may not hold it leaves the invitation.
    Effect::new(move |_| {
        if let Some(l) = level.get()
            && chosen.with_untracked(|c| c.iter().any(|p| !may_hold(p, l)))
        {
            chosen.update(|c| c.retain(|p| may_hold(p, l)));
        }
    });

    let chips = move || {
        chosen
            .get()
            .into_iter()
            .map(|p| {
                let name = p.display_name.clone();
                let email = p.email.clone().unwrap_or_default();
                let label = {
                    let name = name.clone();
                    move || t_string!(i18n, members.unpick, name = &name).to_string()
                };
                view! {
                    <li class="chip" data-testid="picked-person" data-email=email>
                        <span>{name}</span>
                        <button type="button" class="chip__remove" aria-label=label on:click=move |_| toggle(p.clone())><MarkIcon mark=Mark::Close/></button>
                    </li>
                }
            })
            .collect_view()
    };
    let results = move || match found.get() {
        None => view! { <Loading label=text!(i18n, members.searching)/> }.into_any(),
        Some(Err(e)) => {
            view! { <p class="form-error" role="alert">{move || e.shown()}</p> }.into_any()
        }
        Some(Ok(list)) if list.is_empty() => {
            view! { <p class="muted">{t!(i18n, members.no_people)}</p> }.into_any()
        }
        Some(Ok(list)) => view! {
            <ul class="member-picker__results">
                {list.into_iter().map(|p| {
                    let allowed = Signal::derive({
                        let p = p.clone();
                        move || level.get().is_none_or(|l| may_hold(&p, l))
                    });
                    let checked = {
                        let p = p.clone();
                        move || is_chosen(&p)
                    };
                    let email = p.email.clone().unwrap_or_default();
                    let email_attr = email.clone();
                    let name = p.display_name.clone();
                    view! {
                        <li data-testid="pick-person" data-email=email_attr>
                            <label class="member-picker__person" class:muted=move || !allowed.get()>
                                <input
                                    type="checkbox"
                                    prop:checked=checked
                                    disabled=move || !allowed.get()
                                    on:change=move |_| toggle(p.clone())
                                />
                                <span class="member-picker__name">{name}</span>
                                <span class="muted">{email}</span>
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any(),
    };
    view! {
        <fieldset class="member-picker" data-testid="people-picker">
            <legend>{t!(i18n, members.portal_users)}</legend>
            <div data-testid="people-search">
                <TextField label=text!(i18n, members.search_people) value=typed kind=InputKind::Search placeholder=text!(i18n, members.search_placeholder) hide_label=true/>
            </div>
            <ul class="member-picker__chosen" aria-label=move || t_string!(i18n, members.chosen) aria-live="polite">{chips}</ul>
            {results}
        </fieldset>
    }
}
