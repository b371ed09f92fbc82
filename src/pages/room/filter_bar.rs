//! The bar above a folder's entries: search, kind, sort and direction, rows or tiles. Every
//! control writes the URL ([`FolderFilters`]), and the listing follows the URL.

use docspace_sdk::picker::{Mark, MarkIcon};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

use super::filters::EntrySort;
use super::filters::{EntryKind, FolderFilters, Layout};
use crate::components::{InputKind, Select, SelectOption, TextField, after_typing_pause};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::text;

/// Writes `filters` into the URL of the folder shown, keeping the page's history entry.
pub fn use_set_filters() -> impl Fn(FolderFilters) + Clone + 'static {
    let navigate = use_navigate();
    let location = use_location();
    move |f: FolderFilters| {
        navigate(
            &format!("{}{}", location.pathname.get_untracked(), f.to_query()),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        )
    }
}

/// The controls; `filters` is the view the URL describes.
#[component]
pub fn FilterBar(filters: Memo<FolderFilters>) -> impl IntoView {
    let i18n = use_i18n();
    let set_filters = StoredValue::new_local(use_set_filters());
    let update = move |change: &dyn Fn(&mut FolderFilters)| {
        let mut f = filters.get_untracked();
        change(&mut f);
        set_filters.with_value(|s| s(f));
    };

    let search = RwSignal::new(filters.get_untracked().search);
    after_typing_pause(search, move |text| {
        update(&|f| f.search = text.trim().to_string())
    });
    // "Show everything" in the empty state clears the URL; the field follows.
    Effect::new(move |_| {
        let wanted = filters.with(|f| f.search.clone());
        if search.with_untracked(|s| s.trim() != wanted) {
            search.set(wanted);
        }
    });

    let kind = RwSignal::new(filters.get_untracked().kind.key().to_string());
    Effect::new(move |_| {
        let wanted = filters.with(|f| f.kind.key());
        if kind.with_untracked(|k| k != wanted) {
            kind.set(wanted.to_string());
        }
    });
    Effect::new(move |prev: Option<()>| {
        let v = kind.get();
        if prev.is_some() && filters.with_untracked(|f| f.kind.key() != v) {
            update(&|f| f.kind = EntryKind::from_key(&v));
        }
    });
    let kind_options = Signal::derive(move || {
        let locale = i18n.get_locale();
        EntryKind::ALL
            .into_iter()
            .map(|k| SelectOption::new(k.key(), k.label(locale)))
            .collect()
    });

    let sort = RwSignal::new(filters.get_untracked().sort.key().to_string());
    Effect::new(move |prev: Option<()>| {
        let v = sort.get();
        if prev.is_some() {
            update(&|f| f.sort = EntrySort::from_key(&v));
        }
    });
    let sort_options = Signal::derive(move || {
        EntrySort::ALL
            .into_iter()
            .map(|s| SelectOption::new(s.key(), s.label(i18n)))
            .collect()
    });
    let ascending = move || filters.with(|f| f.ascending);
    let tiles = move || filters.with(|f| f.layout == Layout::Tiles);
    let pressed = |on: bool| if on { "true" } else { "false" };

    view! {
        <div class="room-page__search" role="search" data-testid="entry-search">
            <TextField label=text!(i18n, room.search) value=search kind=InputKind::Search placeholder=text!(i18n, room.search_placeholder) hide_label=true/>
        </div>
        <div data-testid="entry-kind"><Select label=text!(i18n, room.kind.label) value=kind options=kind_options hide_label=true/></div>
        <div data-testid="entry-sort"><Select label=text!(i18n, rooms.sort_by) value=sort options=sort_options hide_label=true/></div>
        <button
            type="button"
            class="btn btn--secondary"
            data-testid="entry-order"
            aria-label=move || if ascending() { t_string!(i18n, rooms.ascending) } else { t_string!(i18n, rooms.descending) }
            on:click=move |_| update(&|f| f.ascending = !f.ascending)
        >
            {move || view! { <MarkIcon mark=if ascending() { Mark::Ascending } else { Mark::Descending }/> }}
        </button>
        <div class="segmented" role="group" aria-label=move || t_string!(i18n, room.layout.label)>
            <button
                type="button"
                class="segmented__item"
                aria-pressed=move || pressed(!tiles())
                data-testid="layout-rows"
                on:click=move |_| update(&|f| f.layout = Layout::Rows)
            >
                {t!(i18n, room.layout.rows)}
            </button>
            <button
                type="button"
                class="segmented__item"
                aria-pressed=move || pressed(tiles())
                data-testid="layout-tiles"
                on:click=move |_| update(&|f| f.layout = Layout::Tiles)
            >
                {t!(i18n, room.layout.tiles)}
            </button>
        </div>
    }
}
