//! An action that asks once more where it was started: its button turns into the question with
//! a confirm and a cancel button, for actions that cannot be undone but do not deserve a dialog
//! (revoking a link, deleting a plugin). The question takes focus's place: focus moves to Cancel,
//! the safe choice; Cancel or Escape puts the action's button back and focus on it.

use leptos::html;
use leptos::prelude::*;

use super::{Button, ButtonAppearance};
use crate::i18n::use_i18n;
use crate::locale::text;

/// The action's button, and its question once pressed.
#[component]
pub fn ConfirmInline(
    /// The action's button text ("Revoke").
    #[prop(into)]
    label: Signal<String>,
    /// The question ("Revoke this link?").
    #[prop(into)]
    question: Signal<String>,
    /// The confirming button's text; the action's own by default.
    #[prop(optional, into)]
    confirm: Option<Signal<String>>,
    /// The cancelling button's text; "Cancel" in the reader's language by default.
    #[prop(optional, into)]
    cancel: Option<Signal<String>>,
    /// While the action runs.
    #[prop(optional, into)]
    busy: Signal<bool>,
    /// Accessible name of the action's button, where its text alone is ambiguous in a list.
    #[prop(optional, into)]
    aria_label: Option<Signal<String>>,
    /// `data-testid` of the wrapper; the question is `{testid}-confirm`.
    #[prop(optional)]
    testid: &'static str,
    /// Runs on confirm.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let confirm = confirm.unwrap_or(label);
    let cancel = cancel.unwrap_or_else(|| text!(i18n, common.cancel));
    let asking = RwSignal::new(false);
    let trigger = NodeRef::<html::Span>::new();
    let question_ref = NodeRef::<html::Span>::new();
    // Focus follows the swap: to Cancel when asking, back to the action's button after.
    let focus_first_button = |host: Option<web_sys::HtmlSpanElement>, last: bool| {
        let Some(host) = host else { return };
        let selector = if last {
            "button:last-of-type"
        } else {
            "button"
        };
        if let Ok(Some(el)) = host.query_selector(selector)
            && let Ok(button) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el)
        {
            let _ = button.focus();
        }
    };
    Effect::new(move |was_asking: Option<bool>| {
        let now = asking.get();
        match (was_asking, now) {
            (_, true) => focus_first_button(question_ref.get(), true),
            (Some(true), false) => focus_first_button(trigger.get(), false),
            _ => {}
        }
        now
    });
    let back = Callback::new(move |_| asking.set(false));
    let run = Callback::new(move |_| {
        on_confirm.run(());
        asking.set(false);
    });
    let question_id = super::unique_id("confirm");
    let question_testid = format!("{testid}-confirm");
    view! {
        <span class="confirm" data-testid=testid>
            <Show
                when=move || asking.get()
                fallback=move || view! {
                    <span node_ref=trigger>
                        <button
                            type="button"
                            class="btn btn--subtle"
                            aria-label=aria_label
                            aria-disabled=move || busy.get().then_some("true")
                            on:click=move |_| if !busy.get_untracked() { asking.set(true) }
                        >
                            {move || label.get()}
                        </button>
                    </span>
                }
            >
                <span
                    node_ref=question_ref
                    class="confirm__question"
                    role="group"
                    aria-labelledby=question_id.clone()
                    data-testid=question_testid.clone()
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            ev.stop_propagation();
                            asking.set(false);
                        }
                    }
                >
                    <span id=question_id.clone()>{move || question.get()}</span>
                    <Button appearance=ButtonAppearance::Danger busy=busy on_click=run>
                        {move || confirm.get()}
                    </Button>
                    <Button appearance=ButtonAppearance::Secondary on_click=back>
                        {move || cancel.get()}
                    </Button>
                </span>
            </Show>
        </span>
    }
}
