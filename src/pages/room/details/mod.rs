//! A file's details panel: what the file is (size, version, author, dates), its version history
//! and its external links, each section with the actions the user's rights allow.

mod file_links;
mod link_form;
mod link_item;
mod room_info;
mod version_row;
mod versions;

use docspace_api::Client;
use docspace_api::models::{File, RoomType};
use leptos::prelude::*;

use self::file_links::FileLinks;
pub use self::room_info::RoomInfo;
use self::versions::Versions;
use crate::i18n::{t, use_i18n};

/// The details of `file`. `can_manage_links` is the room's `EditAccess`; `on_changed` runs when
/// the file itself changed (a restored version), so the folder list can reload.
#[component]
pub fn FileDetails(
    client: Client,
    file: File,
    room_type: Option<RoomType>,
    can_manage_links: bool,
    #[prop(into)] on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let tag = crate::locale::tag();
    let date = move |d: Option<docspace_api::models::ApiDateTime>| {
        d.map(|d| crate::locale::format_date_time(&d, tag.get()))
            .unwrap_or_default()
    };
    let bytes = file.pure_content_length;
    let author = file
        .created_by
        .as_ref()
        .map(|u| u.display_name.clone())
        .unwrap_or_default();
    view! {
        <div class="details" data-testid="file-details">
            <dl class="details__facts">
                <dt>{t!(i18n, room.sort.size)}</dt><dd>{move || crate::locale::format_size(bytes, tag.get())}</dd>
                <dt>{t!(i18n, room.details.version)}</dt><dd data-testid="details-version">{file.version}</dd>
                <dt>{t!(i18n, room.details.created_by)}</dt><dd>{author}</dd>
                <dt>{t!(i18n, room.info.created)}</dt><dd>{move || date(file.created)}</dd>
                <dt>{t!(i18n, room.info.modified)}</dt><dd>{move || date(file.updated)}</dd>
            </dl>
            <Versions client=client.clone() file=file.clone() on_changed=on_changed/>
            <FileLinks client=client file=file room_type=room_type can_manage=can_manage_links/>
        </div>
    }
}
