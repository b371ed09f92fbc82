//! The box for the next message, with Send, and Stop while an answer streams. Enter sends;
//! Shift+Enter starts a new line.

use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::prelude::*;

use crate::components::{Button, ButtonAppearance};
use crate::i18n::{t, t_string, use_i18n};

/// Sends the typed text through `on_send` (then clears it); `on_stop` stops the answer.
#[component]
pub fn Composer(
    streaming: Signal<bool>,
    on_send: Callback<String>,
    on_stop: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let send = move || {
        let t = text.get_untracked();
        if t.trim().is_empty() || streaming.get_untracked() {
            return;
        }
        text.set(String::new());
        on_send.run(t);
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        send();
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Enter" && !ev.shift_key() && !ev.is_composing() {
            ev.prevent_default();
            send();
        }
    };
    view! {
        <form class="chat__composer" on:submit=on_submit>
            <label class="visually-hidden" for="chat-input">{t!(i18n, agents.chat.message)}</label>
            <textarea
                id="chat-input"
                class="field__input chat__input"
                data-testid="chat-input"
                rows="2"
                placeholder=move || t_string!(i18n, agents.chat.placeholder)
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                on:keydown=on_keydown
            ></textarea>
            <Show
                when=move || streaming.get()
                fallback=move || view! {
                    <span data-testid="chat-send">
                        <Button appearance=ButtonAppearance::Primary submit=true disabled=Signal::derive(move || text.with(|t| t.trim().is_empty()))>{t!(i18n, agents.chat.send)}</Button>
                    </span>
                }
            >
                <span data-testid="chat-stop">
                    <Button appearance=ButtonAppearance::Danger on_click=Callback::new(move |_| on_stop.run(()))>{t!(i18n, agents.chat.stop)}</Button>
                </span>
            </Show>
        </form>
    }
}
