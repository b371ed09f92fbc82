//! A file picker built on `docspace-api`: browse rooms and folders, search, filter by type or
//! extension, pick one or several entries (with a maximum and pre-selection), entirely from the
//! keyboard, with ARIA `tree` and `listbox` roles. It hands back typed entries
//! ([`docspace_api::models::Entry`]), never raw JSON.
//!
//! Unlike the SDK's `FileSelector` frame (single file, cookie session, untyped payload), the
//! picker runs in the page with the app's own [`Client`], so it works wherever the REST API
//! does.
//!
//! Needs the crate's `picker` feature (off by default: it brings in `docspace-api`).
//!
//! ```no_run
//! use docspace_api::Client;
//! use docspace_api::models::Entry;
//! use docspace_sdk::picker::{FilePicker, PickerConfig};
//! use leptos::prelude::*;
//!
//! #[component]
//! fn ChooseReports(client: Client) -> impl IntoView {
//!     let picked = RwSignal::new(Vec::<String>::new());
//!     view! {
//!         <FilePicker
//!             client=client
//!             config=PickerConfig::new().multiple(Some(5)).extensions(["docx", "xlsx"])
//!             on_pick={move |entries: Vec<Entry>| {
//!                 picked.set(entries.iter().map(|e| e.title().to_string()).collect())
//!             }}
//!         />
//!         <p>{move || picked.get().join(", ")}</p>
//!     }
//! }
//! ```

mod config;
mod icon;
mod list;
mod selection;
mod source;
mod state;
mod style;
mod tree;

pub use config::{PickKind, PickerConfig, file_extension};
pub use icon::{EntryIcon, Glyph, Mark, MarkIcon};
pub use selection::{EntryKey, Selection, SelectionMode, Toggled};
pub use source::{Place, TypeFilter};

use crate::texts::fill;
use docspace_api::Client;
use docspace_api::models::Entry;
use leptos::prelude::*;

use self::list::ContentsList;
use self::state::{PickerState, is_section};
use self::tree::{Tree, TreeState};

/// The picker. `on_pick` receives the picked entries when the user confirms; `on_cancel` runs
/// when they cancel (the Cancel button, or Escape inside the picker).
#[component]
pub fn FilePicker(
    /// The client the picker lists with (its credentials decide what is visible).
    client: Client,
    /// What may be picked, how many, and what starts selected.
    #[prop(optional)]
    config: PickerConfig,
    /// Receives the picked entries when the user confirms.
    #[prop(into)]
    on_pick: Callback<Vec<Entry>>,
    /// Runs when the user cancels.
    #[prop(optional, into)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    style::ensure();
    let preselected = config.preselected.clone();
    let picker = PickerState::new(client, config);
    let tree = TreeState::new();
    picker.reload();
    preselect(picker, preselected);

    let confirm = Callback::new(move |()| {
        let items = picker.target();
        if !items.is_empty() {
            on_pick.run(items);
        }
    });
    let search_draft = RwSignal::new(String::new());
    let debounce = StoredValue::new(0u64);
    let on_search = move |ev| {
        let text = event_target_value(&ev);
        search_draft.set(text.clone());
        let n = debounce.get_value() + 1;
        debounce.set_value(n);
        set_timeout(
            move || {
                if debounce.get_value() == n {
                    picker.search.set(text);
                    picker.reload();
                }
            },
            std::time::Duration::from_millis(250),
        );
    };
    // Navigation clears the search.
    Effect::new(move |_| search_draft.set(picker.search.get()));

    let texts = picker.texts;
    // The config's own labels, else the app's texts (which may change with its language).
    let (title, accept, cancel) = picker.config.with_value(|c| {
        (
            c.title.clone(),
            c.accept_label.clone(),
            c.cancel_label.clone(),
        )
    });
    let title = Signal::derive(move || {
        title
            .clone()
            .unwrap_or_else(|| texts.with(|t| t.picker_title.to_string()))
    });
    let accept_label = Signal::derive(move || {
        accept
            .clone()
            .unwrap_or_else(|| texts.with(|t| t.picker_accept.to_string()))
    });
    let cancel_label = Signal::derive(move || {
        cancel
            .clone()
            .unwrap_or_else(|| texts.with(|t| t.picker_cancel.to_string()))
    });
    let listbox_id = picker.listbox_id();
    let types_disabled = move || picker.place.get() == Place::Rooms;

    view! {
        <div
            class="ds-picker"
            role="group"
            aria-label=move || title.get()
            data-testid="file-picker"
            on:keydown=move |ev| {
                if ev.key() == "Escape"
                    && let Some(cb) = on_cancel
                {
                    ev.stop_propagation();
                    ev.prevent_default();
                    cb.run(());
                }
            }
        >
            <div class="ds-picker__bar">
                <Crumbs picker=picker/>
                <input
                    type="search"
                    class="ds-picker__search"
                    aria-label=move || texts.with(|t| t.search_label.to_string())
                    aria-controls=listbox_id
                    placeholder=move || texts.with(|t| t.search_placeholder.to_string())
                    data-testid="picker-search"
                    prop:value=move || search_draft.get()
                    on:input=on_search
                />
                <select
                    class="ds-picker__types"
                    aria-label=move || texts.with(|t| t.file_type.to_string())
                    disabled=types_disabled
                    on:change=move |ev| {
                        picker.types.set(TypeFilter::from_key(&event_target_value(&ev)));
                        picker.reload();
                    }
                >
                    {TypeFilter::ALL
                        .into_iter()
                        .map(|t| view! { <option value=t.key()>{move || texts.with(|x| t.label(x))}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="ds-picker__panes">
                <Tree picker=picker tree=tree/>
                <ContentsList picker=picker on_confirm=confirm/>
            </div>
            <Footer picker=picker accept_label=accept_label cancel_label=cancel_label confirm=confirm on_cancel=on_cancel/>
            <p class="ds-picker__sr" aria-live="polite">{move || picker.announce.get()}</p>
        </div>
    }
}

/// Loads the pre-selected files and picks them (within the maximum); unknown ids are reported.
fn preselect(picker: PickerState, files: Vec<docspace_api::models::FileId>) {
    if files.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        let client = picker.client.get_value();
        let mut missing = Vec::new();
        for id in files {
            match client.files().get(id.clone()).send().await {
                Ok(file) => picker.selection.update(|s| {
                    s.add(Entry::File(Box::new(file)));
                }),
                Err(_) => missing.push(id.to_string()),
            }
        }
        if !missing.is_empty() {
            let ids = missing.join(", ");
            picker.announce.set(
                picker
                    .texts
                    .with_untracked(|t| fill(&t.missing_preselected, &[("ids", &ids)])),
            );
        }
    });
}

#[component]
fn Crumbs(picker: PickerState) -> impl IntoView {
    view! {
        <ol class="ds-picker__crumbs" aria-label=move || picker.texts.with(|t| t.location.to_string())>
            <li>
                <button
                    type="button"
                    class="ds-picker__crumb"
                    aria-current=move || (picker.place.get() == Place::Rooms).then_some("location")
                    on:click=move |_| picker.open(Place::Rooms)
                >
                    {move || picker.texts.with(|t| t.rooms.to_string())}
                </button>
            </li>
            {move || {
                if picker.place.get() == Place::Rooms {
                    return Vec::new();
                }
                let steps: Vec<_> = picker.path.get().into_iter().filter(|p| !is_section(p)).collect();
                let last = steps.len().saturating_sub(1);
                steps
                    .into_iter()
                    .enumerate()
                    .map(|(i, step)| {
                        let id = step.id.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="ds-picker__crumb"
                                    aria-current=(i == last).then_some("location")
                                    on:click=move |_| picker.open(Place::Folder(id.clone()))
                                >
                                    {step.title}
                                </button>
                            </li>
                        }
                    })
                    .collect::<Vec<_>>()
            }}
        </ol>
    }
}

#[component]
fn Footer(
    picker: PickerState,
    accept_label: Signal<String>,
    cancel_label: Signal<String>,
    confirm: Callback<()>,
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let summary = move || {
        if picker.selection.with(Selection::is_empty)
            && let Some(Entry::Folder(here)) = picker.target().into_iter().next()
        {
            return picker
                .texts
                .with(|t| fill(&t.into, &[("place", &here.title)]));
        }
        picker.texts.track();
        picker.selection.with(|s| picker.tally(s.len(), s.mode()))
    };
    view! {
        <div class="ds-picker__footer">
            <div class="ds-picker__summary">
                <span data-testid="picker-count">{summary}</span>
                <ul class="ds-picker__summary" aria-label=move || picker.texts.with(|t| t.selected_list.to_string())>
                    <For
                        each=move || picker.selection.with(|s| s.items().to_vec())
                        key=EntryKey::of
                        let:entry
                    >
                        {
                            let title = entry.title().to_string();
                            let key = EntryKey::of(&entry);
                            view! {
                                <li class="ds-picker__chip" data-testid="picker-chip">
                                    <span>{title.clone()}</span>
                                    <button
                                        type="button"
                                        aria-label={
                                            let title = title.clone();
                                            move || picker.texts.with(|t| fill(&t.deselect, &[("name", &title)]))
                                        }
                                        on:click=move |_| picker.selection.update(|s| s.remove(&key))
                                    >
                                        <MarkIcon mark=Mark::Close/>
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </div>
            <div class="ds-picker__actions">
                {on_cancel.map(|cb| view! {
                    <button type="button" class="ds-picker__button" on:click=move |_| cb.run(())>
                        {move || cancel_label.get()}
                    </button>
                })}
                <button
                    type="button"
                    class="ds-picker__button ds-picker__button--primary"
                    data-testid="picker-accept"
                    disabled=move || picker.target().is_empty()
                    on:click=move |_| confirm.run(())
                >
                    {move || accept_label.get()}
                </button>
            </div>
        </div>
    }
}
