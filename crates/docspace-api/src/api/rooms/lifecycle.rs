//! Archiving, restoring, deleting and pinning a room.

use super::{RoomsHandler, room_path};
use crate::client::Client;
use crate::error::Error;
use crate::models::{FileOperation, Room, RoomId};
use crate::request::Request;

impl<'c> RoomsHandler<'c> {
    /// Starts moving a room to the archive (an operation to wait for).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.rooms().archive(57).wait().await?;
    /// # Ok(()) }
    /// ```
    pub fn archive(&self, id: impl Into<RoomId>) -> RoomOperationBuilder<'c> {
        RoomOperationBuilder::new(self.client, id.into(), RoomAction::Archive)
    }

    /// Starts moving a room back from the archive (an operation to wait for).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.rooms().unarchive(57).wait().await?;
    /// # Ok(()) }
    /// ```
    pub fn unarchive(&self, id: impl Into<RoomId>) -> RoomOperationBuilder<'c> {
        RoomOperationBuilder::new(self.client, id.into(), RoomAction::Unarchive)
    }

    /// Starts deleting a room (an operation to wait for).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.rooms().delete(57).wait().await?;
    /// # Ok(()) }
    /// ```
    pub fn delete(&self, id: impl Into<RoomId>) -> RoomOperationBuilder<'c> {
        RoomOperationBuilder::new(self.client, id.into(), RoomAction::Delete)
    }

    /// Pins a room to the top of the list.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// assert!(client.rooms().pin(57).await?.pinned);
    /// # Ok(()) }
    /// ```
    pub async fn pin(&self, id: impl Into<RoomId>) -> Result<Room, Error> {
        let path = format!("{}/pin", room_path(&id.into()));
        self.client.call(Request::put(path)).await
    }

    /// Unpins a room.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// assert!(!client.rooms().unpin(57).await?.pinned);
    /// # Ok(()) }
    /// ```
    pub async fn unpin(&self, id: impl Into<RoomId>) -> Result<Room, Error> {
        let path = format!("{}/unpin", room_path(&id.into()));
        self.client.call(Request::put(path)).await
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RoomAction {
    Archive,
    Unarchive,
    Delete,
}

/// Archive, unarchive or delete a room: each starts a file operation.
#[derive(Debug, Clone)]
pub struct RoomOperationBuilder<'c> {
    client: &'c Client,
    id: RoomId,
    action: RoomAction,
    delete_after: Option<bool>,
}

impl<'c> RoomOperationBuilder<'c> {
    fn new(client: &'c Client, id: RoomId, action: RoomAction) -> Self {
        RoomOperationBuilder {
            client,
            id,
            action,
            delete_after: None,
        }
    }

    /// Deletes the operation's record when it ends.
    pub fn delete_after(mut self, yes: bool) -> Self {
        self.delete_after = Some(yes);
        self
    }

    /// Starts the operation.
    pub async fn send(self) -> Result<FileOperation, Error> {
        let base = room_path(&self.id);
        let body = crate::api::bodies::DeleteOptions {
            delete_after: self.delete_after,
            immediately: None,
        };
        let req = match self.action {
            RoomAction::Archive => Request::put(format!("{base}/archive")),
            RoomAction::Unarchive => Request::put(format!("{base}/unarchive")),
            RoomAction::Delete => Request::delete(base),
        }
        .json(&body)?;
        let op: crate::api::OneOrMany<FileOperation> = self.client.call(req).await?;
        op.first().ok_or_else(|| Error::Decode {
            message: "the portal started no operation".into(),
            snippet: String::new(),
        })
    }

    /// Starts the operation and waits until it ends.
    pub async fn wait(self) -> Result<FileOperation, Error> {
        let client = self.client;
        let op = self.send().await?;
        client.operations().wait(&op).send().await
    }
}
