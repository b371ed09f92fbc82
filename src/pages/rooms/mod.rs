//! The rooms dashboard: every room, searchable and filterable (type, tags, archive), sortable,
//! in a virtualized list that scrolls through 10,000 rooms while fetching only the pages in
//! view; create and edit in a dialog; pin, archive, unarchive and delete with progress; room
//! templates: save a room as one, list them, create a room from one, make one public.

mod archive;
mod delete;
mod dialogs;
mod feed;
mod filters;
mod open_dialogs;
mod room_form;
mod row;
mod template_dialog;
mod templates;

use docspace_api::Client;
use docspace_api::models::Room;
use docspace_sdk::picker::{Mark, MarkIcon};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use self::archive::{Archiver, RunningList};
use self::feed::RoomsFeed;
use self::filters::{RoomFilters, RoomSort};
use self::open_dialogs::{DashboardDialogs, Dialogs};
use self::row::{PlaceholderRow, RoomAction, RoomRow, RowKind};
use self::template_dialog::TemplateTask;
use crate::catalog::{ROOM_TYPES, room_type_label};
use crate::components::{
    Button, ButtonAppearance, EmptyState, ErrorState, InputKind, Loading, Select, SelectOption,
    TextField, Toaster, VirtualList, after_typing_pause, use_toaster,
};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{counted, said, text};
use crate::rights::may_create_rooms;
use crate::state::use_session;

/// Row height in pixels (the CSS gives rows this height too).
const ROW_HEIGHT: f64 = 60.0;

/// The dashboard.
#[component]
pub fn RoomsPage() -> impl IntoView {
    let session = use_session();
    let Some(client) = session.client() else {
        // The route is guarded; without a session there is nothing to show.
        return ().into_any();
    };
    // Only those who may create rooms are offered to (a guest or a user would be refused).
    let can_create = session.user().is_some_and(|u| may_create_rooms(&u));
    view! { <Dashboard client=client can_create=can_create/> }.into_any()
}

#[component]
fn Dashboard(client: Client, can_create: bool) -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    let query = use_query_map();
    let filters = Memo::new(move |_| query.with(RoomFilters::from_query));
    let feed = RoomsFeed::new(client.clone());
    let client = StoredValue::new_local(client);
    Effect::new(move |_| feed.reset(filters.get()));
    let update = filter_updater(filters);

    let tag_names = LocalResource::new(move || async move {
        client
            .get_value()
            .tags()
            .list()
            .send()
            .await
            .unwrap_or_default()
    });
    let tag_suggestions = Signal::derive(move || tag_names.get().unwrap_or_default());
    let archiver = Archiver::new(client.get_value(), toaster, feed);
    let open = DashboardDialogs::new(toaster);
    let on_action = Callback::new(move |action: RoomAction| match action {
        RoomAction::Edit(room) => open.edit(room),
        RoomAction::TogglePin(room) => toggle_pin(client.get_value(), feed, toaster, room),
        RoomAction::Archive(room) => open.confirm_archive(room, true),
        RoomAction::Unarchive(room) => open.confirm_archive(room, false),
        RoomAction::Delete(room) => open.delete(room),
        RoomAction::SaveTemplate(room) => open.template(TemplateTask::Save(room)),
        RoomAction::FromTemplate(t) => open.template(TemplateTask::CreateRoom(t)),
        RoomAction::TemplatePublic(t) => open.template(TemplateTask::Public(t)),
    });

    // Once the list is on screen, the dialogs' code is fetched while the browser is idle, so
    // "New room" usually opens at once, as before the split.
    Effect::new(move |preloaded: Option<bool>| {
        if preloaded == Some(true) || feed.total.get().is_none() {
            return preloaded.unwrap_or(false);
        }
        request_idle_callback(dialogs::preload);
        true
    });

    let archived = Signal::derive(move || filters.with(|f| f.archived && !f.templates));
    let templates = Signal::derive(move || filters.with(|f| f.templates));
    let kind = Signal::derive(move || {
        if templates.get() {
            RowKind::Template {
                may_create: can_create,
            }
        } else if archived.get() {
            RowKind::Archived
        } else {
            RowKind::Active
        }
    });

    view! {
        <div class="page page--fill rooms">
            <div class="page-header">
                <h1>{move || if templates.get() { t_string!(i18n, rooms.templates_title) } else if archived.get() { t_string!(i18n, rooms.archived_title) } else { t_string!(i18n, rooms.title) }}</h1>
                {can_create.then(|| view! {
                    <span data-testid="create-room">
                        <Button appearance=ButtonAppearance::Primary on_click=Callback::new(move |_| open.create())>
                            {t!(i18n, rooms.new_room)}
                        </Button>
                    </span>
                })}
            </div>
            <Toolbar filters=filters update=update tags=tag_suggestions/>
            <RunningList archiver=archiver/>
            <p class="rooms__count muted" aria-live="polite" data-testid="rooms-count">
                {move || feed.total.get().map(|t| counted!(i18n.get_locale(), t as u64, rooms.count))}
            </p>
            <RoomsList feed=feed filters=filters kind=kind on_action=on_action/>
        </div>
        <Dialogs
            state=open
            client=client.get_value()
            feed=feed
            archiver=archiver
            tag_suggestions=tag_suggestions
            on_tags_changed=Callback::new(move |_| tag_names.refetch())
        />
    }
}

/// Changing the filters changes the URL (`/rooms?…`), which the page's state follows: a filter
/// view can be bookmarked, shared and reached with Back.
fn filter_updater(filters: Memo<RoomFilters>) -> impl Fn(&dyn Fn(&mut RoomFilters)) + Copy {
    let navigate = StoredValue::new_local(use_navigate());
    move |change: &dyn Fn(&mut RoomFilters)| {
        let mut f = filters.get_untracked();
        change(&mut f);
        navigate.with_value(|navigate| {
            navigate(
                &format!("/rooms{}", f.to_query()),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            )
        });
    }
}

/// Pins `room` or unpins it, then reloads the list: pinned rooms sort first.
fn toggle_pin(client: Client, feed: RoomsFeed, toaster: Toaster, room: Room) {
    leptos::task::spawn_local(async move {
        let result = if room.pinned {
            client.rooms().unpin(room.id.clone()).await
        } else {
            client.rooms().pin(room.id.clone()).await
        };
        match result {
            Ok(_) => feed.refresh(),
            Err(e) => {
                let title = room.title.clone();
                toaster.error(said!(rooms.pin_failed, title = &title), user_message(&e))
            }
        }
    });
}

/// The list itself: loading, the reason it failed, an empty state that says why, or the rows.
#[component]
fn RoomsList(
    feed: RoomsFeed,
    filters: Memo<RoomFilters>,
    kind: Signal<RowKind>,
    on_action: Callback<RoomAction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = Signal::derive(move || feed.rows.with(Vec::len));
    let row = move |i: usize| {
        let slot = Memo::new(move |_| feed.rows.with(|r| r.get(i).cloned().flatten()));
        move || match slot.get() {
            Some(r) => view! { <RoomRow room=r.0 kind=kind.get_untracked() on_action=on_action/> }
                .into_any(),
            None => view! { <PlaceholderRow/> }.into_any(),
        }
    };
    view! {
        <div class="rooms__list">
            {move || {
                if let Some(e) = feed.error.get() && feed.total.get().is_none() {
                    return view! {
                        <ErrorState title=text!(i18n, rooms.load_failed) message=e>
                            <Button on_click=Callback::new(move |_| feed.refresh())>{t!(i18n, rooms.try_again)}</Button>
                        </ErrorState>
                    }.into_any();
                }
                match feed.total.get() {
                    None => view! { <Loading label=text!(i18n, rooms.loading)/> }.into_any(),
                    Some(0) => {
                        let f = filters.get();
                        let (title, desc) = if f.narrows() {
                            (text!(i18n, rooms.none_match), text!(i18n, rooms.none_match_hint))
                        } else if f.templates {
                            (text!(i18n, rooms.no_templates), text!(i18n, rooms.no_templates_hint))
                        } else if f.archived {
                            (text!(i18n, rooms.archive_empty), text!(i18n, rooms.archive_empty_hint))
                        } else {
                            (text!(i18n, rooms.none_yet), text!(i18n, rooms.none_yet_hint))
                        };
                        view! { <EmptyState title=title description=desc/> }.into_any()
                    }
                    Some(_) => view! {
                        <VirtualList
                            count=count
                            row_height=ROW_HEIGHT
                            label=text!(i18n, rooms.list)
                            on_range=Callback::new(move |r| feed.ensure(r))
                            row=row
                        />
                    }.into_any(),
                }
            }}
        </div>
    }
}

/// Search, type, tag, archive and sort controls.
#[component]
fn Toolbar<U>(filters: Memo<RoomFilters>, update: U, tags: Signal<Vec<String>>) -> impl IntoView
where
    U: Fn(&dyn Fn(&mut RoomFilters)) + Copy + Send + Sync + 'static,
{
    let i18n = use_i18n();
    // The search field updates the URL after a pause in typing.
    let search = RwSignal::new(filters.get_untracked().search);
    after_typing_pause(search, move |text| update(&|f| f.search = text.clone()));

    let type_value = RwSignal::new(
        filters
            .get_untracked()
            .room_type
            .map(|t| t.value().to_string())
            .unwrap_or_default(),
    );
    Effect::new(move |prev: Option<()>| {
        let v = type_value.get();
        if prev.is_some() {
            update(&|f| f.room_type = crate::catalog::room_type_from_key(&v));
        }
    });
    let type_options = Signal::derive(move || {
        std::iter::once(SelectOption::new("", t_string!(i18n, rooms.all_types)))
            .chain(ROOM_TYPES.into_iter().map(|t| {
                SelectOption::new(t.value().to_string(), room_type_label(t, i18n.get_locale()))
            }))
            .collect()
    });

    let tag_value = RwSignal::new(
        filters
            .get_untracked()
            .tags
            .first()
            .cloned()
            .unwrap_or_default(),
    );
    Effect::new(move |prev: Option<()>| {
        let v = tag_value.get();
        if prev.is_some() {
            update(&|f| {
                f.tags = if v.is_empty() {
                    Vec::new()
                } else {
                    vec![v.clone()]
                }
            });
        }
    });
    let tag_options = Signal::derive(move || {
        std::iter::once(SelectOption::new("", t_string!(i18n, rooms.any_tag)))
            .chain(
                tags.get()
                    .into_iter()
                    .map(|t| SelectOption::new(t.clone(), t)),
            )
            .collect()
    });

    let sort_value = RwSignal::new(filters.get_untracked().sort.key().to_string());
    Effect::new(move |prev: Option<()>| {
        let v = sort_value.get();
        if prev.is_some() {
            update(&|f| {
                f.sort = RoomSort::ALL
                    .into_iter()
                    .find(|s| s.key() == v)
                    .unwrap_or_default();
                f.ascending = None;
            });
        }
    });
    let sort_options = Signal::derive(move || {
        RoomSort::ALL
            .into_iter()
            .map(|s| SelectOption::new(s.key(), s.label(i18n)))
            .collect()
    });

    let archived = move || filters.with(|f| f.archived && !f.templates);
    let templates = move || filters.with(|f| f.templates);
    let active = move || !archived() && !templates();
    let pressed = |on: bool| if on { "true" } else { "false" };
    let ascending = move || filters.with(RoomFilters::is_ascending);
    view! {
        <div class="toolbar rooms__toolbar" role="search">
            <div class="rooms__search" data-testid="rooms-search">
                <TextField label=text!(i18n, rooms.search) value=search kind=InputKind::Search placeholder=text!(i18n, rooms.search_placeholder) hide_label=true/>
            </div>
            <div data-testid="filter-type"><Select label=text!(i18n, rooms.room_type) value=type_value options=type_options hide_label=true/></div>
            <div data-testid="filter-tag"><Select label=text!(i18n, rooms.tag) value=tag_value options=tag_options hide_label=true/></div>
            <div class="segmented" role="group" aria-label=move || t_string!(i18n, rooms.views)>
                <button
                    type="button"
                    class="segmented__item"
                    aria-pressed=move || pressed(active())
                    data-testid="show-active"
                    on:click=move |_| update(&|f| { f.archived = false; f.templates = false; })
                >
                    {t!(i18n, rooms.active)}
                </button>
                <button
                    type="button"
                    class="segmented__item"
                    aria-pressed=move || pressed(archived())
                    data-testid="show-archived"
                    on:click=move |_| update(&|f| { f.archived = true; f.templates = false; })
                >
                    {t!(i18n, rooms.archived)}
                </button>
                <button
                    type="button"
                    class="segmented__item"
                    aria-pressed=move || pressed(templates())
                    data-testid="show-templates"
                    on:click=move |_| update(&|f| { f.templates = true; f.archived = false; })
                >
                    {t!(i18n, rooms.templates)}
                </button>
            </div>
            <div data-testid="sort"><Select label=text!(i18n, rooms.sort_by) value=sort_value options=sort_options hide_label=true/></div>
            <button
                type="button"
                class="btn btn--secondary rooms__order"
                aria-label=move || if ascending() { t_string!(i18n, rooms.ascending) } else { t_string!(i18n, rooms.descending) }
                on:click=move |_| update(&|f| f.ascending = Some(!f.is_ascending()))
            >
                {move || view! { <MarkIcon mark=if ascending() { Mark::Ascending } else { Mark::Descending }/> }}
            </button>
        </div>
    }
}
