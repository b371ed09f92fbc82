//! `/api/2.0/files/rooms`: rooms, their members, links and tags, one file per concern.

mod create;
mod lifecycle;
mod links;
mod listing;
mod members;
mod owner;
pub(crate) mod settings;
mod tags;

pub use create::{CreateRoomBuilder, UpdateRoomBuilder};
pub use lifecycle::RoomOperationBuilder;
pub use links::LinkBuilder;
pub use listing::ListRoomsBuilder;
pub use members::{ListMembersBuilder, ShareRoomBuilder};
pub use owner::ResendInvitationsBuilder;

use crate::client::Client;
use crate::error::Error;
use crate::models::{Cover, Room, RoomId};
use crate::request::{Request, seg};

/// Longest room title DocSpace accepts, in UTF-16 units.
pub(crate) const TITLE_MAX: usize = docspace_types::ROOM_TITLE_MAX;

/// Rooms; get one with [`Client::rooms`].
///
/// ```no_run
/// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
/// use docspace_api::models::{Color, RoomType};
/// let room = client.rooms().create("Contracts", RoomType::Custom)
///     .color(Color::from_hex("5299E0")?).tags(["legal"]).send().await?;
/// client.rooms().archive(&room.id).wait().await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct RoomsHandler<'c> {
    client: &'c Client,
}

/// `files/rooms/{id}`, the path every call on one room starts with.
pub(crate) fn room_path(id: &RoomId) -> String {
    format!("files/rooms/{}", seg(id))
}

impl<'c> RoomsHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        RoomsHandler { client }
    }

    /// A room by id.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let room = client.rooms().get(57).await?;
    /// println!("{}", room.title);
    /// # Ok(()) }
    /// ```
    pub async fn get(&self, id: impl Into<RoomId>) -> Result<Room, Error> {
        self.client.call(Request::get(room_path(&id.into()))).await
    }

    /// The preset covers rooms may use.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let covers = client.rooms().covers().await?;
    /// # let _ = covers;
    /// # Ok(()) }
    /// ```
    pub async fn covers(&self) -> Result<Vec<Cover>, Error> {
        self.client.call(Request::get("files/rooms/covers")).await
    }
}

/// A client whose portal is a closed port: only a builder's own checks can answer.
#[cfg(test)]
fn offline_client() -> Client {
    Client::builder("http://127.0.0.1:9").build().unwrap()
}
