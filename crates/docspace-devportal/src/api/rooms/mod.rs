//! Rooms: `/api/2.0/files/rooms…` (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/VirtualRoomsController.cs`).

mod covers;
mod create;
mod lifecycle;
mod listing;
mod settings;

pub use covers::{cover_svg, covers};
pub use create::{create, create_room, update};
pub use lifecycle::{RoomOpRequest, delete, delete_now, set_archived, set_pinned};
pub use listing::list;
pub use settings::{Lifetime, RoomRequest, Watermark};
pub(crate) use settings::{check_color, check_tags, lifetime_json, required_title, watermark_json};

use rusqlite::Connection;

use super::dto;
use super::extract::RoomInPath;
use crate::api::Call;
use crate::db::entries::{self, Folder, folder_type};
use crate::envelope::{ApiError, ApiResult};
use crate::permissions::{self, Actor, Level, RoomAction};

/// A room by id, or 404.
pub fn load_room(conn: &Connection, id: i64) -> Result<Folder, ApiError> {
    entries::folder(conn, id)?
        .filter(Folder::is_room)
        .ok_or_else(|| ApiError::NotFound("The room could not be found".into()))
}

/// The room `id`, once `actor` is found to have `action` on it.
pub fn room_allowing(
    conn: &Connection,
    actor: &Actor,
    id: i64,
    action: RoomAction,
) -> Result<Folder, ApiError> {
    room_and_level(conn, actor, id, action).map(|(room, _)| room)
}

/// The room `id` and `actor`'s level in it, once the level is found to allow `action`: for the
/// handlers that go on to ask the level more (whether the caller also manages access, say).
pub fn room_and_level(
    conn: &Connection,
    actor: &Actor,
    id: i64,
    action: RoomAction,
) -> Result<(Folder, Level), ApiError> {
    let room = load_room(conn, id)?;
    let level = permissions::room_level(conn, actor, &room)?;
    level.require(action)?;
    Ok((room, level))
}

/// The shared Rooms section.
pub fn rooms_section(conn: &Connection) -> Result<Folder, ApiError> {
    entries::section(conn, folder_type::VIRTUAL_ROOMS, None)?
        .ok_or_else(|| ApiError::Internal("the Rooms section is missing".into()))
}

/// The shared Archive section.
pub fn archive_section(conn: &Connection) -> Result<Folder, ApiError> {
    entries::section(conn, folder_type::ARCHIVE, None)?
        .ok_or_else(|| ApiError::Internal("the Archive section is missing".into()))
}

/// `GET /api/2.0/files/rooms/{id}`.
pub async fn get(Call { actor, portal, db }: Call, RoomInPath(id): RoomInPath) -> ApiResult {
    db.read(move |c| {
        let room = room_allowing(c, &actor, id, RoomAction::Read)?;
        dto::folder(c, &portal, &actor, &room)
    })
    .await
}
