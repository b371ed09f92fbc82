//! A room's owner and its pending invitations, as DocSpace serves them:
//!
//! - `POST /api/2.0/files/owner` (`SecurityControllerCommon.ChangeFileOwner` →
//!   `FileStorageService.ChangeOwnerAsync`, ONLYOFFICE/DocSpace-server
//!   `products/ASC.Files/Server/Api/SecurityController.cs`,
//!   `products/ASC.Files/Core/Core/FileStorageService.cs`). The new owner must be active and
//!   neither a guest nor a user ("You cannot select this user"); each folder must be a room the
//!   caller may `ChangeOwner` (its owner or a DocSpace admin). The new owner's own membership is
//!   dropped (the owner holds the room by ownership) and the former owner stays as a room manager.
//!   Files are refused: only files of DocSpace's `COMMON` root change owner there, and DocSpace
//!   rooms hold none.
//! - `POST /api/2.0/files/rooms/{id}/resend` (`VirtualRoomsController.ResendEmailInvitations` →
//!   `ResendEmailInvitationsAsync`): nothing happens for an empty list without `resendAll`; else the
//!   caller must be able to edit the room, and the room invitations of the listed users (or of every
//!   pending member) are sent again. The portal answers 200 with no `response`; this one sends no
//!   mail, so the count of invitations it would have sent is kept in `GET /devportal/stats`.

use axum::extract::State;
use serde::Deserialize;
use serde_json::Value;

use super::dto;
use super::extract::{JsonBody, PathAndBody, RoomInPath};
use super::fileops::EntryId;
use super::rooms::load_room;
use crate::api::SignedInCall;
use crate::auth::Caller;
use crate::db::{entries, members};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::permissions::{self, RoomAction};
use crate::state::AppState;
use crate::users::{self, EmployeeType};

/// DocSpace's `FilesCommonResource.ErrorMessage_ChangeOwner`.
const CANNOT_SELECT: &str = "You cannot select this user";
/// DocSpace's `FilesCommonResource.ErrorMessage_SecurityException`.
const SECURITY: &str = "You don't have enough permission to perform the operation";
/// `FileShare.RoomManager`: what the former owner keeps.
const ROOM_MANAGER: i64 = 9;

/// `ChangeOwnerRequestDto`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ChangeOwnerRequest {
    #[serde(default)]
    folder_ids: Vec<EntryId>,
    #[serde(default)]
    file_ids: Vec<EntryId>,
    user_id: Option<String>,
}

/// `POST /api/2.0/files/owner` → the changed entries (`FileEntryDto` list).
pub(crate) async fn change_owner(
    SignedInCall { caller, portal, db }: SignedInCall,
    JsonBody(req): JsonBody<ChangeOwnerRequest>,
) -> ApiResult {
    let folders = req
        .folder_ids
        .iter()
        .map(|i| i.int("Folder"))
        .collect::<Result<Vec<_>, _>>()?;
    let files = req.file_ids.len();
    let new_owner = req.user_id.unwrap_or_default();
    let actor = caller.actor();
    db.write(move |tx| {
        let owner = users::by_id(tx, new_owner.trim())?
            .filter(|u| {
                u.status == 1 && !matches!(u.user_type, EmployeeType::Guest | EmployeeType::User)
            })
            .ok_or_else(|| ApiError::InvalidOperation(CANNOT_SELECT.into()))?;
        let mut out = Vec::new();
        for id in folders {
            let mut room = entries::folder(tx, id)?
                .ok_or_else(|| ApiError::NotFound("The folder could not be found".into()))?;
            // A folder that is not a room never allows `ChangeOwner` (`FileSecurity`).
            if !room.is_room()
                || !permissions::room_level(tx, &actor, &room)?.allows(RoomAction::ChangeOwner)
            {
                return Err(ApiError::InvalidOperation(SECURITY.into()));
            }
            if room.owner_id != owner.id {
                members::set(tx, room.id, &owner.id, 0)?;
                members::set(tx, room.id, &room.owner_id, ROOM_MANAGER)?;
                entries::set_owner(tx, room.id, &owner.id)?;
                room.owner_id = owner.id.clone();
            }
            out.push(dto::folder(tx, &portal, &actor, &room)?);
        }
        if files > 0 {
            return Err(ApiError::InvalidOperation(SECURITY.into()));
        }
        Ok(Value::Array(out))
    })
    .await
}

/// `UserInvitationRequestDto`'s body.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ResendRequest {
    #[serde(default)]
    users_ids: Vec<String>,
    #[serde(default)]
    resend_all: bool,
}

/// `POST /api/2.0/files/rooms/{id}/resend`.
pub(crate) async fn resend_invitations(
    State(state): State<AppState>,
    caller: Caller,
    PathAndBody(RoomInPath(id), req): PathAndBody<RoomInPath, ResendRequest>,
) -> ApiResult {
    if !req.resend_all && req.users_ids.is_empty() {
        return Ok(Envelope::from_value(Value::Null));
    }
    let actor = caller.actor();
    let sent = state
        .db
        .read(move |c| {
            let room = load_room(c, id)?;
            if !permissions::room_level(c, &actor, &room)?.allows(RoomAction::EditRoom) {
                return Err(ApiError::InvalidOperation(SECURITY.into()));
            }
            let listed = members::list(c, room.id)?;
            let ids: Vec<&str> = listed.iter().map(|(u, _)| u.as_str()).collect();
            let people = users::by_ids(c, &ids)?;
            let mut sent = 0u64;
            for (user, _) in &listed {
                let asked = req.resend_all || req.users_ids.iter().any(|u| u == user);
                let pending = people.get(user).is_some_and(|u| u.activation_status == 2);
                // Without `resendAll`, DocSpace resends to every listed member; with it, to the
                // pending ones (`GetPureSharesAsync(room, User, Pending, …)`).
                if asked && (pending || !req.resend_all) {
                    sent += 1;
                }
            }
            Ok(sent)
        })
        .await?;
    state.stats.count_room_invitations(sent);
    Ok(Envelope::from_value(Value::Null))
}
