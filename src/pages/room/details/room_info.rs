//! A room's info panel, as DocSpace's Info panel shows a room's details: owner, type, creation
//! and modification dates, what it holds, the storage it uses, and how many members it has.

use docspace_api::Client;
use docspace_api::models::{ApiDateTime, Room};
use leptos::prelude::*;

use crate::catalog::room_type_label;
use crate::errors::user_message;
use crate::locale::{self, format_date_time, format_size};

/// The details of `room`; the member count is asked from the portal.
#[component]
pub fn RoomInfo(client: Client, room: Room) -> impl IntoView {
    let id = room.id.clone();
    let members = LocalResource::new(move || {
        let (client, id) = (client.clone(), id.clone());
        async move {
            client
                .rooms()
                .members(id)
                .send()
                .await
                .map(|p| p.total.unwrap_or(p.items.len() as u64))
                .map_err(|e| user_message(&e))
        }
    });
    let owner = room
        .created_by
        .as_ref()
        .map(|u| u.display_name.clone())
        .unwrap_or_default();
    let kind = room.room_type.map(|t| room_type_label(t, crate::locale::current())).unwrap_or_default();
    let holds = format!("{} files, {} folders", room.files_count, room.folders_count);
    let tag = locale::tag();
    let used = room.used_space;
    let size = move || {
        used.map(|n| format_size(n.max(0) as u64, tag.get()))
            .unwrap_or_default()
    };
    let (created, updated) = (room.created, room.updated);
    let date = move |d: Option<ApiDateTime>| {
        d.map(|d| format_date_time(&d, tag.get()))
            .unwrap_or_default()
    };
    view! {
        <div class="details" data-testid="room-info">
            <dl class="details__facts">
                <dt>"Owner"</dt><dd data-testid="room-info-owner">{owner}</dd>
                <dt>"Type"</dt><dd>{kind}</dd>
                <dt>"Creation date"</dt><dd>{move || date(created)}</dd>
                <dt>"Date modified"</dt><dd>{move || date(updated)}</dd>
                <dt>"Contents"</dt><dd data-testid="room-info-contents">{holds}</dd>
                <dt>"Storage used"</dt><dd data-testid="room-info-size">{size}</dd>
                <dt>"Members"</dt>
                <dd data-testid="room-info-members">{move || match members.get() {
                    None => "…".to_string(),
                    Some(Ok(n)) => n.to_string(),
                    Some(Err(e)) => e,
                }}</dd>
            </dl>
        </div>
    }
}
