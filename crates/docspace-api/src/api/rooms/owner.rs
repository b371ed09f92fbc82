//! A room's owner and its invitations: give a room to another person (`POST /api/2.0/files/owner`)
//! and send room invitations again (`POST /api/2.0/files/rooms/{id}/resend`), as
//! ONLYOFFICE/DocSpace-server serves them (`products/ASC.Files/Server/Api/SecurityController.cs`
//! `ChangeFileOwner`, `products/ASC.Files/Server/Api/VirtualRoomsController.cs`
//! `ResendEmailInvitations`).
//!
//! DocSpace decides: the new owner must be an active DocSpace admin or room admin ("You cannot
//! select this user" otherwise), and only the room's owner or a DocSpace admin may give it away;
//! refusals come back as [`Error::Forbidden`] with the portal's message.

use serde::Serialize;

use super::{RoomsHandler, room_path};
use crate::client::Client;
use crate::error::Error;
use crate::models::{Room, RoomId, UserId};
use crate::request::Request;
use crate::validate;

/// `ChangeOwnerRequestDto`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ChangeOwner<'a> {
    folder_ids: Vec<&'a RoomId>,
    file_ids: [u8; 0],
    user_id: &'a str,
}

/// `RoomInvitationRequestDto` (the body of `UserInvitationRequestDto`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Resend<'a> {
    users_ids: Vec<&'a str>,
    resend_all: bool,
}

impl<'c> RoomsHandler<'c> {
    /// Gives `room` to `owner`; the former owner stays a room manager. Answers the room as the
    /// portal now sees it.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client, user: docspace_api::models::UserId) -> Result<(), docspace_api::Error> {
    /// let room = client.rooms().change_owner(57, user.clone()).await?;
    /// assert_eq!(room.created_by.map(|u| u.id), Some(user));
    /// # Ok(()) }
    /// ```
    pub async fn change_owner(
        &self,
        room: impl Into<RoomId>,
        owner: impl Into<UserId>,
    ) -> Result<Room, Error> {
        let (room, owner) = (room.into(), owner.into());
        validate::guid("owner", owner.as_str())?;
        let body = ChangeOwner {
            folder_ids: vec![&room],
            file_ids: [],
            user_id: owner.as_str(),
        };
        let changed: Vec<Room> = self
            .client
            .call(Request::post("files/owner").json(&body)?)
            .await?;
        changed.into_iter().next().ok_or_else(|| Error::Decode {
            message: "the portal answered no room".into(),
            snippet: "[]".into(),
        })
    }

    /// Starts sending the invitations of `room` again.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client, user: docspace_api::models::UserId) -> Result<(), docspace_api::Error> {
    /// client.rooms().resend_invitations(57).user(user).send().await?;
    /// client.rooms().resend_invitations(57).all_pending().send().await?;
    /// # Ok(()) }
    /// ```
    pub fn resend_invitations(&self, room: impl Into<RoomId>) -> ResendInvitationsBuilder<'c> {
        ResendInvitationsBuilder {
            client: self.client,
            room: room.into(),
            users: Vec::new(),
            all: false,
        }
    }
}

/// `POST /api/2.0/files/rooms/{id}/resend`; see [`RoomsHandler::resend_invitations`].
#[derive(Debug, Clone)]
pub struct ResendInvitationsBuilder<'c> {
    client: &'c Client,
    room: RoomId,
    users: Vec<UserId>,
    all: bool,
}

impl ResendInvitationsBuilder<'_> {
    /// Adds a member whose invitation is sent again.
    pub fn user(mut self, id: impl Into<UserId>) -> Self {
        self.users.push(id.into());
        self
    }

    /// Sends to every member who has not joined the portal yet instead.
    pub fn all_pending(mut self) -> Self {
        self.all = true;
        self
    }

    /// Sends. Asking for nobody is refused before anything is sent (the portal would do
    /// nothing).
    pub async fn send(self) -> Result<(), Error> {
        if !self.all && self.users.is_empty() {
            return Err(Error::invalid(
                "users",
                "name at least one member, or all pending ones",
            ));
        }
        let users = self
            .users
            .iter()
            .map(|u| validate::guid("users", u.as_str()).map(|_| u.as_str()))
            .collect::<Result<Vec<_>, _>>()?;
        let body = Resend {
            users_ids: users,
            resend_all: self.all,
        };
        let path = format!("{}/resend", room_path(&self.room));
        let _: Option<serde_json::Value> =
            self.client.call(Request::post(path).json(&body)?).await?;
        Ok(())
    }
}
