//! Buttons: one component, four appearances, an optional busy state.

use leptos::ev::MouseEvent;
use leptos::prelude::*;

/// How prominent a button is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ButtonAppearance {
    /// The one main action of a view.
    Primary,
    /// Everything else.
    #[default]
    Secondary,
    /// Low-emphasis actions in toolbars and rows.
    Subtle,
    /// Destructive actions.
    Danger,
}

impl ButtonAppearance {
    fn class(self) -> &'static str {
        match self {
            ButtonAppearance::Primary => "btn btn--primary",
            ButtonAppearance::Secondary => "btn btn--secondary",
            ButtonAppearance::Subtle => "btn btn--subtle",
            ButtonAppearance::Danger => "btn btn--danger",
        }
    }
}

/// A button. While `busy` it shows a spinner, stays focusable, and ignores clicks
/// (`aria-disabled`, not `disabled`, so that keyboard focus is not lost mid-action).
#[component]
pub fn Button(
    #[prop(optional)] appearance: ButtonAppearance,
    /// `submit` inside forms; `button` otherwise.
    #[prop(optional)]
    submit: bool,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(optional, into)] busy: Signal<bool>,
    /// Accessible name for buttons whose content is an icon.
    #[prop(optional, into)]
    label: Option<Signal<String>>,
    #[prop(optional, into)] on_click: Option<Callback<MouseEvent>>,
    children: Children,
) -> impl IntoView {
    let inert = move || disabled.get() || busy.get();
    view! {
        <button
            type=if submit { "submit" } else { "button" }
            class=appearance.class()
            class:btn--busy=move || busy.get()
            disabled=move || disabled.get()
            aria-disabled=move || inert().then_some("true")
            aria-busy=move || busy.get().then_some("true")
            aria-label=label
            on:click=move |ev: MouseEvent| {
                if inert() {
                    ev.prevent_default();
                    return;
                }
                if let Some(cb) = on_click {
                    cb.run(ev);
                }
            }
        >
            <span class="btn__spinner" aria-hidden="true"></span>
            <span class="btn__content">{children()}</span>
        </button>
    }
}
