//! A room's info panel, as DocSpace's Info panel shows a room's details: owner, type, creation
//! and modification dates, what it holds, the storage it uses, and how many members it has.

use docspace_api::Client;
use docspace_api::models::{ApiDateTime, Room, RoomType};
use leptos::prelude::*;

use crate::catalog::room_type_label;
use crate::errors::user_message;
use crate::i18n::{t, td_string, use_i18n};
use crate::locale::counted;
use crate::locale::{self, format_date_time, format_size};

/// The details of `room`; the member count is asked from the portal.
#[component]
pub fn RoomInfo(client: Client, room: Room) -> impl IntoView {
    let i18n = use_i18n();
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
    let kind = room.room_type.unwrap_or(RoomType::Unknown(0));
    let (files, folders) = (room.files_count, room.folders_count);
    let holds = move || {
        let locale = i18n.get_locale();
        td_string!(
            locale,
            room.info.holds,
            files = counted!(locale, files, room.files_count),
            folders = counted!(locale, folders, room.folders_count),
        )
        .to_string()
    };
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
                <dt>{t!(i18n, room.info.owner)}</dt><dd data-testid="room-info-owner">{owner}</dd>
                <dt>{t!(i18n, room.sort.kind)}</dt><dd>{move || room_type_label(kind, i18n.get_locale())}</dd>
                <dt>{t!(i18n, room.info.created)}</dt><dd>{move || date(created)}</dd>
                <dt>{t!(i18n, room.info.modified)}</dt><dd>{move || date(updated)}</dd>
                <dt>{t!(i18n, room.info.contents)}</dt><dd data-testid="room-info-contents">{holds}</dd>
                <dt>{t!(i18n, room.info.storage)}</dt><dd data-testid="room-info-size">{size}</dd>
                <dt>{t!(i18n, room.members)}</dt>
                <dd data-testid="room-info-members">{move || match members.get() {
                    None => "…".to_string(),
                    Some(Ok(n)) => n.to_string(),
                    Some(Err(e)) => e.shown(),
                }}</dd>
            </dl>
        </div>
    }
}
