//! Renaming in place, for an agent and for a chat: the new name with Save and Cancel (Escape
//! cancels too), the field focused with its text selected, and the portal's refusal shown under
//! it.

use std::future::Future;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::components::{Button, ButtonAppearance, TextField};
use crate::i18n::{t, use_i18n};
use crate::locale::{Said, shown};

/// How the form is laid out beside what it renames.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenameLayout {
    /// Field and buttons in one row (an agent's header).
    Row,
    /// The buttons under the field (a narrow chat list).
    Stacked,
}

/// The form. `save` gets the trimmed, non-blank name and answers with the portal's refusal, if
/// any; `on_done` says whether the name was saved (`false`: cancelled).
#[component]
pub fn RenameInPlace<F, Fut>(
    #[prop(into)] label: Signal<String>,
    current: String,
    /// What to say when the name is left blank.
    blank: Said,
    save: F,
    on_done: Callback<bool>,
    layout: RenameLayout,
    /// The test id prefix: `{testid}-form` and `{testid}-save`.
    testid: &'static str,
) -> impl IntoView
where
    F: Fn(String) -> Fut + Copy + 'static,
    Fut: Future<Output = Result<(), Said>> + 'static,
{
    let i18n = use_i18n();
    let value = RwSignal::new(current);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<Said>);
    let blank = StoredValue::new_local(blank);
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
            el.select();
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let name = value.get_untracked().trim().to_string();
        if name.is_empty() {
            error.set(Some(blank.get_value()));
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let saved = save(name).await;
            busy.set(false);
            match saved {
                Ok(()) => on_done.run(true),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let (form_class, actions_class) = match layout {
        RenameLayout::Row => ("rename-in-place", "rename-in-place__actions"),
        RenameLayout::Stacked => (
            "rename-in-place rename-in-place--stacked",
            "rename-in-place__actions",
        ),
    };
    view! {
        <form
            class=form_class
            data-testid=format!("{testid}-form")
            on:submit=on_submit
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { ev.stop_propagation(); on_done.run(false) }
        >
            <TextField label=label value=value required=true error=shown(error) node_ref=input/>
            <span class=actions_class>
                <span data-testid=format!("{testid}-save")>
                    <Button appearance=ButtonAppearance::Primary submit=true busy=busy>{t!(i18n, common.save)}</Button>
                </span>
                <Button on_click=Callback::new(move |_| on_done.run(false))>{t!(i18n, common.cancel)}</Button>
            </span>
        </form>
    }
}
