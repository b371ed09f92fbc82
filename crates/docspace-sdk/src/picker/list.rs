//! The contents list (ARIA `listbox`, multi-selectable in multiple mode). Focus stays on the
//! list; `aria-activedescendant` names the active option. Keys: Up/Down, Page Up/Down, Home/End
//! move; Space picks or unpicks; Enter opens a folder (or, in single mode, picks a file and
//! confirms); Backspace goes up; Ctrl+A picks all that fit.

use crate::texts::{Texts, fill};
use docspace_api::models::Entry;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::icon::{EntryIcon, Glyph, Mark, MarkIcon};
use super::selection::SelectionMode;
use super::source::Place;
use super::state::{PickerState, Status};

const PAGE_STEP: usize = 10;

/// The contents of the current place.
#[component]
pub fn ContentsList(picker: PickerState, #[prop(into)] on_confirm: Callback<()>) -> impl IntoView {
    let multi = matches!(
        picker.config.with_value(|c| c.mode),
        SelectionMode::Multiple { .. }
    );
    let scroll_active_into_view = move || {
        let id = picker.option_id(picker.active.get_untracked());
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&id) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        });
    };
    let activate = move |i: usize| {
        let Some(entry) = picker.entries.with_untracked(|e| e.get(i).cloned()) else {
            return;
        };
        match &entry {
            Entry::Folder(f) => picker.open(Place::Folder(f.id.clone())),
            Entry::File(_) => {
                let single = picker
                    .config
                    .with_value(|c| c.mode == SelectionMode::Single);
                picker.toggle(entry.clone());
                if single && picker.is_selected(&entry) {
                    on_confirm.run(());
                }
            }
        }
    };
    let on_keydown = move |ev: KeyboardEvent| {
        let len = picker.entries.with_untracked(Vec::len);
        let current = picker.active.get_untracked().min(len.saturating_sub(1));
        let key = ev.key();
        let target = match key.as_str() {
            "ArrowDown" => Some((current + 1).min(len.saturating_sub(1))),
            "ArrowUp" => Some(current.saturating_sub(1)),
            "PageDown" => Some((current + PAGE_STEP).min(len.saturating_sub(1))),
            "PageUp" => Some(current.saturating_sub(PAGE_STEP)),
            "Home" => Some(0),
            "End" => Some(len.saturating_sub(1)),
            _ => None,
        };
        if let Some(t) = target {
            ev.prevent_default();
            picker.active.set(t);
            scroll_active_into_view();
            return;
        }
        match key.as_str() {
            " " => {
                ev.prevent_default();
                if let Some(entry) = picker.entries.with_untracked(|e| e.get(current).cloned()) {
                    picker.toggle(entry);
                }
            }
            "Enter" => {
                ev.prevent_default();
                if len > 0 {
                    activate(current);
                }
            }
            "Backspace" => {
                ev.prevent_default();
                picker.up();
            }
            "a" | "A" if (ev.ctrl_key() || ev.meta_key()) && multi => {
                ev.prevent_default();
                let config = picker.config.get_value();
                let all = picker.entries.get_untracked();
                picker.selection.update(|s| {
                    for e in all.into_iter().filter(|e| config.accepts(e)) {
                        s.add(e);
                    }
                });
                let n = picker.selection.with_untracked(|s| s.len());
                let mode = picker.selection.with_untracked(|s| s.mode());
                picker.announce.set(format!("{}.", picker.tally(n, mode)));
            }
            _ => {}
        }
    };
    let label = move || {
        picker.status.get();
        let place = picker.place_title();
        picker
            .texts
            .with(|t| fill(&t.contents_of, &[("place", &place)]))
    };

    view! {
        <div class="ds-picker__list">
            <ul
                id=picker.listbox_id()
                class="ds-picker__listbox"
                role="listbox"
                tabindex="0"
                aria-label=label
                aria-multiselectable=multi.then_some("true")
                aria-busy=move || (picker.status.get() == Status::Loading).then_some("true")
                aria-activedescendant=move || {
                    let n = picker.entries.with(Vec::len);
                    (n > 0).then(|| picker.option_id(picker.active.get().min(n - 1)))
                }
                on:keydown=on_keydown
            >
                <For
                    each=move || picker.entries.get().into_iter().enumerate()
                    key=|(i, e)| (*i, super::selection::EntryKey::of(e))
                    let:((i, entry))
                >
                    <OptionRow picker=picker index=i entry=entry activate=activate/>
                </For>
            </ul>
            {move || match picker.status.get() {
                Status::Loading => Some(view! { <p class="ds-picker__status" role="status">{move || picker.texts.with(|t| t.loading.to_string())}</p> }.into_any()),
                Status::Failed(e) => Some(view! {
                    <p class="ds-picker__status ds-picker__status--error" role="alert">{e}</p>
                }.into_any()),
                Status::Ready if picker.entries.with(Vec::is_empty) => Some(view! {
                    <p class="ds-picker__status">
                        {move || picker.texts.with(|t| if picker.search.with(String::is_empty) { t.nothing_here.to_string() } else { t.nothing_matches.to_string() })}
                    </p>
                }.into_any()),
                Status::Ready => None,
            }}
            <Show when=move || picker.has_more() && picker.status.get() == Status::Ready>
                <button type="button" class="ds-picker__button ds-picker__more" on:click=move |_| picker.load_more()>
                    {move || picker.texts.with(|t| t.load_more.to_string())}
                </button>
            </Show>
        </div>
    }
}

#[component]
fn OptionRow<F>(picker: PickerState, index: usize, entry: Entry, activate: F) -> impl IntoView
where
    F: Fn(usize) + Copy + Send + Sync + 'static,
{
    let accepted = picker.config.with_value(|c| c.accepts(&entry));
    let selected = {
        let entry = entry.clone();
        Memo::new(move |_| picker.is_selected(&entry))
    };
    let meta = {
        let entry = entry.clone();
        move || picker.texts.with(|t| describe(&entry, t))
    };
    let glyph = Glyph::of(&entry);
    let is_folder = matches!(entry, Entry::Folder(_));
    let check_entry = entry.clone();
    // The square says what clicking it does (it is hidden from screen readers, which hear the
    // option's own selected state instead).
    let check_title = {
        let name = entry.title().to_string();
        move || {
            picker.texts.with(|t| {
                let template = if !accepted {
                    &t.cannot_select
                } else if selected.get() {
                    &t.deselect
                } else {
                    &t.select
                };
                fill(template, &[("name", &name)])
            })
        }
    };
    view! {
        <li
            id=picker.option_id(index)
            role="option"
            class="ds-picker__option"
            class:ds-picker__option--active=move || picker.active.get() == index
            class:ds-picker__option--blocked=!accepted && !is_folder
            aria-selected=move || accepted.then(|| if selected.get() { "true" } else { "false" })
            data-testid="picker-option"
            on:click=move |ev| {
                picker.active.set(index);
                // Keep keyboard focus on the list after a click.
                if let Some(list) = document()
                    .get_element_by_id(&picker.listbox_id())
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = list.focus();
                }
                let on_check = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|t| t.class_list().contains("ds-picker__check"));
                if on_check && accepted {
                    picker.toggle(check_entry.clone());
                } else {
                    activate(index);
                }
            }
        >
            <span class="ds-picker__check" aria-hidden="true" title=check_title data-testid="picker-check">
                {move || (accepted && selected.get()).then(|| view! { <MarkIcon mark=Mark::Check/> })}
            </span>
            <span class="ds-picker__icon"><EntryIcon glyph=glyph/></span>
            <span class="ds-picker__title">{entry.title().to_string()}</span>
            <span class="ds-picker__meta">{meta}</span>
        </li>
    }
}

/// A short description of `entry` (kind and size or contents), in `texts`.
fn describe(entry: &Entry, texts: &Texts) -> String {
    match entry {
        Entry::Folder(f) if f.is_room() => texts.room.to_string(),
        Entry::Folder(f) => fill(&texts.files_count, &[("n", &f.files_count.to_string())]),
        Entry::File(f) => f.content_length.clone().unwrap_or_default(),
    }
}
