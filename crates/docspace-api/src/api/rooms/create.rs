//! Creating a room and changing its settings (`POST` and `PUT /api/2.0/files/rooms[/{id}]`).

use serde::Serialize;

use super::settings::{RoomSettings, room_setters};
use super::{RoomsHandler, TITLE_MAX, room_path};
use crate::client::Client;
use crate::error::Error;
use crate::models::{FileShare, Room, RoomId, RoomType, UserId};
use crate::request::Request;
use crate::validate;

impl<'c> RoomsHandler<'c> {
    /// Starts creating a room.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// use docspace_api::models::RoomType;
    /// let room = client.rooms().create("Board", RoomType::Editing).send().await?;
    /// assert_eq!(room.room_type, Some(RoomType::Editing));
    /// # Ok(()) }
    /// ```
    pub fn create(&self, title: impl Into<String>, room_type: RoomType) -> CreateRoomBuilder<'c> {
        CreateRoomBuilder {
            client: self.client,
            body: CreateRoomBody {
                title: title.into(),
                room_type,
                settings: RoomSettings::default(),
                private: None,
                share: Vec::new(),
            },
        }
    }

    /// Starts changing a room's settings (its type and privacy cannot change).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let room = client.rooms().update(57).title("Contracts 2025").deny_download(true).send().await?;
    /// # let _ = room;
    /// # Ok(()) }
    /// ```
    pub fn update(&self, id: impl Into<RoomId>) -> UpdateRoomBuilder<'c> {
        UpdateRoomBuilder {
            client: self.client,
            id: id.into(),
            title: None,
            settings: RoomSettings::default(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct CreateRoomBody {
    title: String,
    #[serde(serialize_with = "room_type_name")]
    room_type: RoomType,
    #[serde(flatten)]
    settings: RoomSettings,
    #[serde(skip_serializing_if = "Option::is_none")]
    private: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    share: Vec<Invitation>,
}

/// The create body takes the room type's name (DocSpace's `JsonStringEnumConverter`).
fn room_type_name<S: serde::Serializer>(t: &RoomType, s: S) -> Result<S::Ok, S::Error> {
    match t.name() {
        Some(n) => s.serialize_str(n),
        None => s.serialize_i32(t.value()),
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Invitation {
    #[serde(skip_serializing_if = "Option::is_none", rename = "shareTo")]
    user: Option<UserId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    access: FileShare,
}

/// `POST /api/2.0/files/rooms`; see [`RoomsHandler::create`].
#[derive(Debug, Clone)]
pub struct CreateRoomBuilder<'c> {
    client: &'c Client,
    body: CreateRoomBody,
}

impl<'c> CreateRoomBuilder<'c> {
    fn settings_mut(&mut self) -> &mut RoomSettings {
        &mut self.body.settings
    }

    room_setters!();

    /// A private (end-to-end encrypted) room.
    pub fn private(mut self, yes: bool) -> Self {
        self.body.private = Some(yes);
        self
    }

    /// Adds an existing user as a member with `access`.
    pub fn invite_user(mut self, user: impl Into<UserId>, access: FileShare) -> Self {
        self.body.share.push(Invitation {
            user: Some(user.into()),
            email: None,
            access,
        });
        self
    }

    /// Invites a person by e-mail as a member with `access`.
    pub fn invite_email(mut self, email: impl Into<String>, access: FileShare) -> Self {
        self.body.share.push(Invitation {
            user: None,
            email: Some(email.into()),
            access,
        });
        self
    }

    /// Creates the room.
    pub async fn send(self) -> Result<Room, Error> {
        validate::title("title", &self.body.title, TITLE_MAX)?;
        let kind = self.body.room_type;
        validate::known("room_type", kind, kind.name(), "a room type")?;
        self.body.settings.validate()?;
        let allowed = self.body.room_type.user_accesses().unwrap_or(&[]);
        for inv in &self.body.share {
            if let Some(u) = &inv.user {
                validate::guid("share.user", u.as_str())?;
            }
            if let Some(e) = &inv.email {
                validate::email("share.email", e)?;
            }
            if !allowed.contains(&inv.access) {
                return Err(Error::invalid(
                    "share.access",
                    format!(
                        "{} is not an access level of a {} room",
                        inv.access, self.body.room_type
                    ),
                ));
            }
        }
        // Creating is not idempotent: an unknown outcome is never retried (no duplicate rooms).
        self.client
            .call(Request::post("files/rooms").json(&self.body)?)
            .await
    }
}

/// `PUT /api/2.0/files/rooms/{id}`; see [`RoomsHandler::update`].
#[derive(Debug, Clone)]
pub struct UpdateRoomBuilder<'c> {
    client: &'c Client,
    id: RoomId,
    title: Option<String>,
    settings: RoomSettings,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct UpdateRoomBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(flatten)]
    settings: &'a RoomSettings,
}

impl<'c> UpdateRoomBuilder<'c> {
    fn settings_mut(&mut self) -> &mut RoomSettings {
        &mut self.settings
    }

    room_setters!();

    /// Renames the room.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Applies the changes.
    pub async fn send(self) -> Result<Room, Error> {
        if let Some(t) = &self.title {
            validate::title("title", t, TITLE_MAX)?;
        }
        self.settings.validate()?;
        let body = UpdateRoomBody {
            title: self.title.as_deref(),
            settings: &self.settings,
        };
        self.client
            .call(Request::put(room_path(&self.id)).json(&body)?)
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::Color;

    #[test]
    fn the_create_body_uses_the_room_type_name_and_omits_unset_fields() {
        let c = super::super::offline_client();
        let b = c
            .rooms()
            .create("Contracts", RoomType::Custom)
            .color(Color::from_hex("5299E0").unwrap())
            .tags(["legal"])
            .quota(-2);
        let json = serde_json::to_value(&b.body).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"title":"Contracts","roomType":"CustomRoom","color":"5299E0","tags":["legal"],"quota":-2})
        );
    }

    /// The client refuses, before sending, what DocSpace would refuse: the client below points
    /// at a closed port, so only a check in the builder can answer `InvalidInput`.
    fn refused_before_sending(r: Result<Room, Error>) -> &'static str {
        match r {
            Err(Error::InvalidInput { field, .. }) => field,
            other => panic!("expected a typed InvalidInput, got {other:?}"),
        }
    }

    /// 100 emoji are 100 characters but 200 UTF-16 units, and DocSpace (.NET) counts the
    /// latter against the 170 limit.
    #[test]
    fn a_hundred_emoji_room_title_is_refused_before_sending() {
        let c = super::super::offline_client();
        let title = "😀".repeat(100);
        let create = c.rooms().create(title.clone(), RoomType::Custom).send();
        assert_eq!(
            refused_before_sending(futures::executor::block_on(create)),
            "title"
        );
        let rename = c.rooms().update(1i64).title(title).send();
        assert_eq!(
            refused_before_sending(futures::executor::block_on(rename)),
            "title"
        );
    }

    #[test]
    fn invitations_offer_only_the_room_types_access_levels() {
        let c = super::super::offline_client();
        let public_viewer = c
            .rooms()
            .create("Site", RoomType::Public)
            .invite_email("ann@example.com", FileShare::Read)
            .send();
        assert_eq!(
            refused_before_sending(futures::executor::block_on(public_viewer)),
            "share.access"
        );
    }
}
