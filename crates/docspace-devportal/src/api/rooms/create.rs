//! Creating a room and changing its settings.

use super::settings::{RoomRequest, apply_settings, check_tags, parse_room_type};
use super::{load_room, room_allowing, rooms_section};
use rusqlite::Connection;

use crate::api::extract::{JsonBody, PathAndBody, RoomInPath};
use crate::api::{SignedInCall, dto};
use crate::db::entries::{self, Folder, NewFolder, folder_type};
use crate::db::rooms::{self};
use crate::db::{members, tags};
use crate::envelope::{ApiError, ApiResult};
use crate::permissions::{self, PortalAction, RoomAction, portal_allows, share};
use crate::users;

/// Creates a room in a transaction; shared with the demo seed.
pub fn create_room(
    conn: &Connection,
    owner: &users::User,
    req: &RoomRequest,
) -> Result<Folder, ApiError> {
    let room_type = parse_room_type(
        req.room_type
            .as_ref()
            .ok_or_else(|| ApiError::field("RoomType", "The RoomType field is required."))?,
    )?;
    let t = super::required_title(req.title.as_deref())?;
    let section = rooms_section(conn)?;
    let mut room = entries::insert_folder(
        conn,
        &section,
        &NewFolder {
            title: t,
            folder_type: folder_type::of_room(room_type),
            room_type: Some(room_type),
            owner_id: owner.id.clone(),
        },
    )?;
    room.private = req.private.unwrap_or(false);
    apply_settings(&mut room, req)?;
    if room.color.is_none() {
        // DocSpace picks a random colour; derive one from the id so it is stable.
        const PALETTE: [&str; 6] = ["5299E0", "6191F2", "55C1C1", "D05E8D", "B06DD9", "4FB7A2"];
        room.color = Some(PALETTE[(room.id as usize) % PALETTE.len()].to_string());
    }
    rooms::update(conn, &room, &owner.id)?;
    for tag in check_tags(req.tags.as_deref().unwrap_or_default())? {
        tags::attach(conn, room.id, &tag, &owner.id)?;
    }
    for s in req.share.as_deref().unwrap_or_default() {
        let member = match (&s.share_to, &s.email) {
            (Some(id), _) => users::by_id(conn, id)?,
            (None, Some(email)) => users::by_email(conn, email)?,
            (None, None) => None,
        }
        .ok_or_else(|| ApiError::BadRequest("The user to share with could not be found".into()))?;
        let access = s.access.unwrap_or(share::READ);
        permissions::valid_member_access(room_type, access, &member)
            .map_err(ApiError::BadRequest)?;
        if member.id != owner.id {
            members::set(conn, room.id, &member.id, access)?;
        }
    }
    if room_type == 6 {
        crate::api::shares::create_primary_link(conn, &room)?;
    }
    load_room(conn, room.id)
}

/// `POST /api/2.0/files/rooms`.
pub async fn create(
    SignedInCall { caller, portal, db }: SignedInCall,
    JsonBody(req): JsonBody<RoomRequest>,
) -> ApiResult {
    let actor = caller.actor();
    if !portal_allows(&caller.user, PortalAction::CreateRoom) {
        return Err(ApiError::AccessDenied);
    }
    db.write(move |tx| {
        let room = create_room(tx, &caller.user, &req)?;
        dto::folder(tx, &portal, &actor, &room)
    })
    .await
}

/// `PUT /api/2.0/files/rooms/{id}`.
pub async fn update(
    SignedInCall { caller, portal, db }: SignedInCall,
    PathAndBody(RoomInPath(id), req): PathAndBody<RoomInPath, RoomRequest>,
) -> ApiResult {
    let actor = caller.actor();
    db.write(move |tx| {
        let mut room = room_allowing(tx, &actor, id, RoomAction::EditRoom)?;
        apply_settings(&mut room, &req)?;
        rooms::update(tx, &room, &caller.user.id)?;
        if let Some(t) = &req.tags {
            let wanted = check_tags(t)?;
            for old in rooms::tags_of(tx, &[room.id])?
                .remove(&room.id)
                .unwrap_or_default()
            {
                if !wanted.contains(&old) {
                    tags::detach(tx, room.id, &old)?;
                }
            }
            for tag in wanted {
                tags::attach(tx, room.id, &tag, &caller.user.id)?;
            }
        }
        let room = load_room(tx, id)?;
        dto::folder(tx, &portal, &actor, &room)
    })
    .await
}
