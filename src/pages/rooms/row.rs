//! One row of the rooms list: colour badge, title (a link to the room), type, tags, pin, and the
//! room's actions.

use std::sync::Arc;

use docspace_api::models::Room;
use docspace_sdk::picker::{EntryIcon, Glyph, Mark, MarkIcon};
use leptos::prelude::*;

use crate::catalog::room_type_label;
use crate::components::{Menu, MenuItem, actions_label};
use crate::i18n::{t_string, use_i18n};
use crate::locale::text;
use crate::rights::{RoomCommand, TemplateCommand, room_commands, template_commands};

/// What a row can ask the page to do.
#[derive(Debug, Clone)]
pub enum RoomAction {
    /// Open the edit dialog.
    Edit(Room),
    /// Pin or unpin.
    TogglePin(Room),
    /// Move to the archive.
    Archive(Room),
    /// Bring back from the archive.
    Unarchive(Room),
    /// Delete (after confirmation).
    Delete(Room),
    /// Save as a room template.
    SaveTemplate(Room),
    /// Create a room from this template.
    FromTemplate(Room),
    /// Make this template public or not.
    TemplatePublic(Room),
}

/// Which list a row is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Active rooms.
    Active,
    /// The archive.
    Archived,
    /// Room templates; `may_create` when the user may create rooms.
    Template { may_create: bool },
}

/// The link to a room's page.
fn room_href(room: &Room) -> String {
    format!("/rooms/{}", crate::url::encode(&room.id.to_string()))
}

/// A loaded row. The room is shared with the list (rows are rebuilt as they scroll into view);
/// an action gets its own copy when it runs.
#[component]
pub fn RoomRow(
    room: Arc<Room>,
    kind: RowKind,
    #[prop(into)] on_action: Callback<RoomAction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let color = room
        .color()
        .map(|c| format!("#{c}"))
        .unwrap_or_else(|| "#A1A8B3".into());
    let initial: String = room
        .title
        .chars()
        .find(|c| !c.is_whitespace())
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    let room_type = room
        .room_type
        .unwrap_or(docspace_api::models::RoomType::Unknown(0));
    let type_label = move || room_type_label(room_type, i18n.get_locale());
    let href = room_href(&room);
    let tags: Vec<String> = room.tags.iter().take(3).cloned().collect();
    let more_tags = room.tags.len().saturating_sub(3);
    let pinned = room.pinned;
    let r = room.clone();
    let act = move |make: fn(Room) -> RoomAction| {
        let r = r.clone();
        move || on_action.run(make((*r).clone()))
    };
    // Only what the room's security flags allow: a viewer sees Pin, not Edit or Archive.
    let commands = match kind {
        RowKind::Template { .. } => Vec::new(),
        k => room_commands(&room, k == RowKind::Archived),
    };
    let mut items: Vec<MenuItem> = commands
        .into_iter()
        .map(|c| match c {
            RoomCommand::Edit => MenuItem::new(text!(i18n, rooms.menu.edit), act(RoomAction::Edit))
                .test_id("room-edit"),
            RoomCommand::Pin => MenuItem::new(
                if pinned {
                    text!(i18n, rooms.menu.unpin)
                } else {
                    text!(i18n, rooms.menu.pin)
                },
                act(RoomAction::TogglePin),
            )
            .test_id("room-pin"),
            RoomCommand::Archive => {
                MenuItem::new(text!(i18n, rooms.menu.archive), act(RoomAction::Archive))
                    .test_id("room-archive")
            }
            RoomCommand::Unarchive => {
                MenuItem::new(text!(i18n, rooms.menu.restore), act(RoomAction::Unarchive))
                    .test_id("room-unarchive")
            }
            RoomCommand::Delete => {
                MenuItem::new(text!(i18n, rooms.menu.delete), act(RoomAction::Delete))
                    .danger()
                    .test_id("room-delete")
            }
            RoomCommand::SaveAsTemplate => MenuItem::new(
                text!(i18n, rooms.menu.save_template),
                act(RoomAction::SaveTemplate),
            )
            .test_id("room-save-template"),
        })
        .collect();
    if let RowKind::Template { may_create } = kind {
        items.extend(template_commands(&room, may_create).into_iter().map(|c| {
            match c {
                TemplateCommand::CreateRoom => MenuItem::new(
                    text!(i18n, rooms.menu.create_room),
                    act(RoomAction::FromTemplate),
                )
                .test_id("template-create-room"),
                TemplateCommand::Public => MenuItem::new(
                    text!(i18n, rooms.menu.public),
                    act(RoomAction::TemplatePublic),
                )
                .test_id("template-public"),
            }
        }));
    }
    let title = room.title.clone();
    view! {
        <div class="room-row" data-testid="room-row" data-room-id=room.id.to_string()>
            <span class="room-row__badge" aria-hidden="true" style:background-color=color>{initial}</span>
            <div class="room-row__main">
                // A plain link: the router follows it all the same (it handles every same-origin
                // `<a>`), without the per-link location tracking `<A>` adds for `aria-current`,
                // which a room never is.
                <a href=href class="room-row__title" data-testid="room-title" data-primary="">{room.title.clone()}</a>
                <span class="room-row__type">{type_label}</span>
            </div>
            <ul class="room-row__tags" aria-label=move || t_string!(i18n, common.tags)>
                {tags.into_iter().map(|t| view! { <li class="room-row__tag">{t}</li> }).collect_view()}
                {(more_tags > 0).then(|| view! { <li class="room-row__tag room-row__tag--more">{format!("+{more_tags}")}</li> })}
            </ul>
            {pinned.then(|| view! { <span class="room-row__pin" title=move || t_string!(i18n, rooms.pinned) data-testid="room-pinned"><EntryIcon glyph=Glyph::Pin/><span class="visually-hidden">{move || t_string!(i18n, rooms.pinned)}</span></span> })}
            {(!items.is_empty()).then(|| view! { <Menu label=actions_label(title) items=items><MarkIcon mark=Mark::More/></Menu> })}
        </div>
    }
}

/// A row whose page has not arrived yet.
#[component]
pub fn PlaceholderRow() -> impl IntoView {
    view! {
        <div class="room-row room-row--placeholder" aria-hidden="true">
            <span class="room-row__badge"></span>
            <div class="room-row__main"><span class="skeleton"></span></div>
        </div>
    }
}
