//! Form fields: text inputs, checkboxes and selects, each with a label, an optional hint and a
//! validation message wired up for assistive technology (`aria-invalid`, `aria-describedby`).

use leptos::html;
use leptos::prelude::*;

use crate::components::unique_id;

/// The kind of text a [`TextField`] takes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum InputKind {
    /// Free text.
    #[default]
    Text,
    /// An e-mail address.
    Email,
    /// A password (never echoed).
    Password,
    /// A search query.
    Search,
    /// A number.
    Number,
    /// A calendar day (`yyyy-mm-dd`).
    Date,
}

impl InputKind {
    fn as_str(self) -> &'static str {
        match self {
            InputKind::Text => "text",
            InputKind::Email => "email",
            InputKind::Password => "password",
            InputKind::Search => "search",
            InputKind::Number => "number",
            InputKind::Date => "date",
        }
    }
}

/// A labelled text input bound to `value`. `error` shows below the input and marks it invalid.
/// Label and hint may follow a signal (translated texts change with the language).
#[component]
pub fn TextField(
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional)] kind: InputKind,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] placeholder: Option<Signal<String>>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] disabled: Signal<bool>,
    /// Hides the label visually (it stays the input's accessible name).
    #[prop(optional)]
    hide_label: bool,
    #[prop(optional)] node_ref: Option<NodeRef<html::Input>>,
) -> impl IntoView {
    let id = unique_id("field");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let node_ref = node_ref.unwrap_or_default();
    view! {
        <div class="field" class:field--invalid=move || error.with(Option::is_some)>
            <label class="field__label" class:visually-hidden=hide_label for=id.clone()>
                {move || label.get()}
                {required.then(|| view! { <span class="field__required" aria-hidden="true">" *"</span> })}
            </label>
            <input
                node_ref=node_ref
                id=id
                class="field__input"
                type=kind.as_str()
                required=required
                placeholder=move || placeholder.map(|p| p.get())
                autocomplete=autocomplete
                disabled=move || disabled.get()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{move || h.get()}</p> })}
            <p class="field__error" id=error_id role="alert" hidden=move || error.with(Option::is_none)>
                {move || error.get()}
            </p>
        </div>
    }
}

/// A labelled checkbox bound to `checked`.
#[component]
pub fn Checkbox(
    #[prop(into)] label: Signal<String>,
    checked: RwSignal<bool>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let id = unique_id("check");
    let hint_id = format!("{id}-hint");
    let described = hint.is_some().then(|| hint_id.clone());
    view! {
        <div class="check">
            <input
                id=id.clone()
                class="check__input"
                type="checkbox"
                disabled=move || disabled.get()
                aria-describedby=described
                prop:checked=move || checked.get()
                on:change=move |ev| checked.set(event_target_checked(&ev))
            />
            <label class="check__label" for=id>{move || label.get()}</label>
            {hint.map(|h| view! { <p class="check__hint" id=hint_id>{move || h.get()}</p> })}
        </div>
    }
}

/// One choice of a [`Select`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectOption {
    /// The value bound to the select.
    pub value: String,
    /// What the user reads.
    pub label: String,
}

impl SelectOption {
    /// A choice with `value` shown as `label`.
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        SelectOption {
            value: value.into(),
            label: label.into(),
        }
    }
}

/// A labelled native select bound to `value`. Label and hint may follow a signal, as
/// [`TextField`]'s.
#[component]
pub fn Select(
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<SelectOption>>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(optional)] hide_label: bool,
) -> impl IntoView {
    let id = unique_id("select");
    let hint_id = format!("{id}-hint");
    let described = hint.is_some().then(|| hint_id.clone());
    view! {
        <div class="field">
            <label class="field__label" class:visually-hidden=hide_label for=id.clone()>{move || label.get()}</label>
            <select
                id=id
                class="field__input field__select"
                disabled=move || disabled.get()
                aria-describedby=described
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|o| {
                            let selected = o.value == current;
                            view! { <option value=o.value selected=selected>{o.label}</option> }
                        })
                        .collect_view()
                }}
            </select>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{move || h.get()}</p> })}
        </div>
    }
}
