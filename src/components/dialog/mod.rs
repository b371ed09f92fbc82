//! A modal dialog on the native `<dialog>` element: the rest of the page is inert while it is
//! open, Tab and Shift+Tab cycle inside it, Escape closes it, and focus returns to whatever had it
//! before the dialog opened.

use docspace_sdk::picker::{Mark, MarkIcon};
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::unique_id;
use crate::i18n::{t_string, use_i18n};

/// What counts as focusable for the focus trap.
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), \
     textarea:not([disabled]), iframe, [tabindex]:not([tabindex='-1']), [contenteditable='true']";

/// A modal dialog shown while `open` is true. Its content is created on every opening, so forms
/// inside start fresh. Put buttons in a `<div class="dialog__actions">` at the end.
#[component]
pub fn Dialog(
    open: RwSignal<bool>,
    #[prop(into)] title: Signal<String>,
    /// Runs whenever the dialog closes (Escape, the close button, a click on the backdrop, or
    /// `open` set to false).
    #[prop(optional, into)]
    on_close: Option<Callback<()>>,
    /// Wider dialogs for pickers and tables.
    #[prop(optional)]
    wide: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let dialog_ref = NodeRef::<html::Dialog>::new();
    let title_id = unique_id("dialog-title");
    let heading_id = title_id.clone();
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);

    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        let Some(dialog) = dialog_ref.get() else {
            return is_open;
        };
        if is_open && was_open != Some(true) {
            opener.set_value(active_element());
            if !dialog.open() {
                // Fails only if the element is detached, which NodeRef rules out here.
                let _ = dialog.show_modal();
            }
            // The content appears in the same tick; focus it once it is laid out.
            let dialog = dialog.clone();
            request_animation_frame(move || focus_initial(&dialog));
        } else if !is_open && was_open == Some(true) {
            if dialog.open() {
                dialog.close();
            }
            if let Some(el) = opener.get_value() {
                let _ = el.focus();
            }
            if let Some(cb) = on_close {
                cb.run(());
            }
        }
        is_open
    });

    let on_keydown = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            ev.stop_propagation();
            open.set(false);
        }
        "Tab" => {
            if let Some(dialog) = dialog_ref.get() {
                trap_tab(&dialog, &ev);
            }
        }
        _ => {}
    };

    view! {
        <dialog
            node_ref=dialog_ref
            class="dialog"
            class:dialog--wide=wide
            aria-labelledby=title_id
            on:keydown=on_keydown
            // The browser's own Escape handling (and `dialog.close()` from elsewhere) must update
            // the state too.
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                open.set(false);
            }
            on:close=move |_| open.set(false)
            on:click=move |ev| {
                // A click on the <dialog> itself (not its content) is a click on the backdrop.
                let on_backdrop = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlDialogElement>().ok())
                    .is_some();
                if on_backdrop {
                    open.set(false);
                }
            }
        >
            <Show when=move || open.get()>
                <div class="dialog__panel">
                    <header class="dialog__header">
                        <h2 class="dialog__title" id=heading_id.clone()>{move || title.get()}</h2>
                        <button
                            type="button"
                            class="dialog__close"
                            aria-label=move || t_string!(i18n, common.close)
                            on:click=move |_| open.set(false)
                        >
                            <MarkIcon mark=Mark::Close/>
                        </button>
                    </header>
                    <div class="dialog__body">{children()}</div>
                </div>
            </Show>
        </dialog>
    }
}

fn active_element() -> Option<web_sys::HtmlElement> {
    document()
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

fn focusables(dialog: &web_sys::HtmlDialogElement) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        // Hidden elements cannot take focus.
        .filter(|e| e.get_client_rects().length() > 0)
        .collect()
}

/// Focuses the element marked `autofocus`, else the first field, else the first control after the
/// close button.
fn focus_initial(dialog: &web_sys::HtmlDialogElement) {
    let preferred = dialog
        .query_selector(
            "[autofocus], .dialog__body input, .dialog__body select, .dialog__body textarea",
        )
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let target = preferred.or_else(|| focusables(dialog).into_iter().nth(1));
    if let Some(el) = target {
        let _ = el.focus();
    }
}

/// Keeps Tab inside the dialog: from the last control to the first and back.
fn trap_tab(dialog: &web_sys::HtmlDialogElement, ev: &KeyboardEvent) {
    let items = focusables(dialog);
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        ev.prevent_default();
        return;
    };
    let active = active_element();
    let inside = active
        .as_ref()
        .is_some_and(|a| dialog.contains(Some(a.unchecked_ref())));
    let at = |el: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a == el);
    if ev.shift_key() && (at(first) || !inside) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && (at(last) || !inside) {
        ev.prevent_default();
        let _ = first.focus();
    }
}
