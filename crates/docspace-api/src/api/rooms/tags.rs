//! A room's tags (`PUT` and `DELETE /api/2.0/files/rooms/{id}/tags`).

use super::{RoomsHandler, room_path};
use crate::error::Error;
use crate::models::{Room, RoomId};
use crate::request::Request;
use crate::validate;

impl<'c> RoomsHandler<'c> {
    /// Adds tags to a room (creating missing ones).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let room = client.rooms().add_tags(57, ["legal", "2025"]).await?;
    /// assert!(room.tags.contains(&"legal".to_string()));
    /// # Ok(()) }
    /// ```
    pub async fn add_tags<I, S>(&self, id: impl Into<RoomId>, names: I) -> Result<Room, Error>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.tag_request(Request::put, id.into(), names).await
    }

    /// Removes tags from a room.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.rooms().remove_tags(57, ["2025"]).await?;
    /// # Ok(()) }
    /// ```
    pub async fn remove_tags<I, S>(&self, id: impl Into<RoomId>, names: I) -> Result<Room, Error>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.tag_request(Request::delete, id.into(), names).await
    }

    async fn tag_request<I, S>(
        &self,
        method: fn(String) -> Request,
        id: RoomId,
        names: I,
    ) -> Result<Room, Error>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let names = validate::tag_names("names", names)?;
        let req = method(format!("{}/tags", room_path(&id)))
            .json(&crate::api::bodies::Names { names: &names })?;
        self.client.call(req).await
    }
}
