//! An actions menu: a button that opens a list of commands in the top layer (the Popover API),
//! so it is never clipped by a scrolling list. Keyboard, as the WAI-ARIA menu button pattern has it
//! (<https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/>): Enter, Space or Arrow Down opens it on
//! the first item, Arrow Up on the last; arrows, Home and End move inside it; Escape closes it and
//! returns focus to the button; Tab closes it and moves on from the button
//! (<https://www.w3.org/WAI/ARIA/apg/patterns/menubar/>, "Tab").
//!
//! The list sits in the top layer but, in the DOM, inside the row that holds the button, and the
//! rows' list (`VirtualList`) moves between rows on the same keys: every key the menu answers
//! stops there, so an open menu keeps the keyboard to itself.

use crate::components::px;
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::unique_id;
use crate::i18n::{t_string, use_i18n};

/// One command of a [`Menu`].
#[derive(Clone)]
pub struct MenuItem {
    /// A signal, so that an open menu follows a change of language.
    label: Signal<String>,
    on_select: Callback<()>,
    danger: bool,
    test_id: Option<&'static str>,
}

impl MenuItem {
    /// A command named `label` that runs `on_select`.
    pub fn new(
        label: impl Into<Signal<String>>,
        on_select: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        MenuItem {
            label: label.into(),
            on_select: Callback::new(move |()| on_select()),
            danger: false,
            test_id: None,
        }
    }

    /// Marks the command as destructive.
    pub fn danger(mut self) -> Self {
        self.danger = true;
        self
    }

    /// A `data-testid` for end-to-end tests.
    pub fn test_id(mut self, id: &'static str) -> Self {
        self.test_id = Some(id);
        self
    }
}

/// The name of a row's actions menu, "Actions for {title}", following the app's language.
pub fn actions_label(title: String) -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || t_string!(i18n, rooms.actions_for, title = &title).to_string())
}

/// A button (showing `children`, named `label`) that opens `items`.
#[component]
pub fn Menu(
    #[prop(into)] label: Signal<String>,
    items: Vec<MenuItem>,
    children: Children,
) -> impl IntoView {
    let list_id = unique_id("menu");
    let trigger = NodeRef::<html::Button>::new();
    let list = NodeRef::<html::Div>::new();
    let open = RwSignal::new(false);
    // The items are built when the menu is about to be used (its button hovered or focused) or
    // opened: a list shows many closed menus (one per row), and their items would be most of
    // each row's nodes and signals.
    let built = RwSignal::new(false);
    let build = move || {
        if !built.get_untracked() {
            built.set(true);
        }
    };
    let pos = RwSignal::new((0.0, 0.0));

    let show = move |focus_last: bool| {
        let (Some(t), Some(l)) = (trigger.get_untracked(), list.get_untracked()) else {
            return;
        };
        pos.set(place_below(&t.get_bounding_client_rect()));
        if l.show_popover().is_ok() {
            open.set(true);
            let edge = if focus_last { Edge::Last } else { Edge::First };
            if built.get_untracked() {
                focus_item(&l, edge);
            } else {
                // Opened without a hover or focus first (a script's click): the items are built
                // in this turn's render, before the next frame; focus then.
                build();
                request_animation_frame(move || focus_item(&l, edge));
            }
        }
    };
    let hide = move |refocus: bool| {
        if let Some(l) = list.get_untracked() {
            let _ = l.hide_popover();
        }
        open.set(false);
        if refocus && let Some(t) = trigger.get_untracked() {
            let _ = t.focus();
        }
    };

    let on_trigger_key = move |ev: KeyboardEvent| {
        let last = match ev.key().as_str() {
            "ArrowDown" | "Enter" | " " => false,
            "ArrowUp" => true,
            _ => return,
        };
        ev.prevent_default();
        ev.stop_propagation();
        show(last);
    };
    let on_list_key = move |ev: KeyboardEvent| {
        let Some(l) = list.get_untracked() else {
            return;
        };
        let edge = match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                ev.stop_propagation();
                hide(true);
                return;
            }
            // Back on the button before the browser moves focus, so that Tab (or Shift+Tab)
            // goes on from the button: the items are out of the tab order, and the list, once
            // hidden, would leave focus nowhere.
            "Tab" => {
                ev.stop_propagation();
                hide(true);
                return;
            }
            "ArrowDown" => Edge::Next,
            "ArrowUp" => Edge::Previous,
            "Home" => Edge::First,
            "End" => Edge::Last,
            _ => return,
        };
        ev.prevent_default();
        ev.stop_propagation();
        focus_item(&l, edge);
    };

    let items = StoredValue::new(items);
    let render_item = move |item: &MenuItem| {
        let MenuItem {
            label,
            on_select,
            danger,
            test_id,
        } = item.clone();
        view! {
            <button
                type="button"
                role="menuitem"
                tabindex="-1"
                class="menu__item"
                class:menu__item--danger=danger
                data-testid=test_id
                on:click=move |_| {
                    hide(true);
                    on_select.run(());
                }
            >
                {label}
            </button>
        }
    };

    view! {
        <button
            node_ref=trigger
            type="button"
            class="menu__trigger"
            aria-label=label
            aria-haspopup="menu"
            aria-controls=list_id.clone()
            aria-expanded=move || if open.get() { "true" } else { "false" }
            on:click=move |_| if open.get_untracked() { hide(false) } else { show(false) }
            on:keydown=on_trigger_key
            on:focus=move |_| build()
            on:pointerenter=move |_| build()
        >
            {children()}
        </button>
        <div
            node_ref=list
            id=list_id
            popover="auto"
            role="menu"
            class="menu__list"
            style:top=move || px(pos.get().0)
            style:left=move || px(pos.get().1)
            on:keydown=on_list_key
            // Light dismiss (a click elsewhere) closes the popover without asking us.
            on:toggle=move |ev| {
                let closed = ev
                    .dyn_ref::<web_sys::ToggleEvent>()
                    .is_some_and(|t| t.new_state() == "closed");
                if closed {
                    open.set(false);
                }
            }
        >
            {move || built.get().then(|| items.with_value(|items| items.iter().map(render_item).collect_view()))}
        </div>
    }
}

/// Top-left corner for a menu under the trigger, right-aligned with it, kept on screen.
fn place_below(rect: &web_sys::DomRect) -> (f64, f64) {
    const MENU_WIDTH: f64 = 200.0;
    let vw = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(1024.0);
    let left = (rect.right() - MENU_WIDTH).clamp(8.0, (vw - MENU_WIDTH - 8.0).max(8.0));
    (rect.bottom() + 4.0, left)
}

enum Edge {
    First,
    Last,
    Next,
    Previous,
}

fn focus_item(list: &web_sys::HtmlDivElement, edge: Edge) {
    let Ok(nodes) = list.query_selector_all("[role='menuitem']") else {
        return;
    };
    let items: Vec<web_sys::HtmlElement> = (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.dyn_into().ok())
        .collect();
    if items.is_empty() {
        return;
    }
    let active = document().active_element();
    let current = items.iter().position(|i| {
        active
            .as_ref()
            .is_some_and(|a| a == i.unchecked_ref::<web_sys::Element>())
    });
    let last = items.len() - 1;
    let index = match (edge, current) {
        (Edge::First, _) | (Edge::Next, None) => 0,
        (Edge::Last, _) | (Edge::Previous, None) => last,
        (Edge::Next, Some(i)) => (i + 1) % items.len(),
        (Edge::Previous, Some(i)) => i.checked_sub(1).unwrap_or(last),
    };
    let _ = items[index].focus();
}
