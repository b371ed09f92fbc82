//! One handler per API area, each with a builder per endpoint (octocrab's shape): the handler
//! borrows the client, the builder collects and checks the input, `send()` sends it.

mod auth;
mod files;
mod folders;
mod keys;
mod operations;
mod people;
mod rooms;
mod security;
mod tags;
mod uploads;

pub use auth::{AuthHandler, LoginBuilder};
pub use files::{
    CreateFileBuilder, DeleteFileBuilder, FilesHandler, GetFileBuilder, UploadBuilder,
};
pub use folders::{DeleteFolderBuilder, FolderContentsBuilder, FoldersHandler};
pub use keys::{CreateKeyBuilder, KeysHandler, UpdateKeyBuilder};
pub use operations::{DeleteEntriesBuilder, OperationsHandler, TransferBuilder, WaitBuilder};
pub use people::{InviteBuilder, ListPeopleBuilder, PeopleHandler};
pub use rooms::{
    CreateRoomBuilder, LinkBuilder, ListMembersBuilder, ListRoomsBuilder, RoomOperationBuilder,
    RoomsHandler, ShareRoomBuilder, UpdateRoomBuilder,
};
pub use security::{SecurityHandler, SetCspBuilder};
pub use tags::{ListTagsBuilder, TagsHandler};
pub use uploads::{ChunkedUpload, ChunkedUploadBuilder, UploadProgress, UploadsHandler};

use serde::Deserialize;

/// DocSpace answers some calls with one object and others, for the same data, with a list of one.
#[derive(Deserialize)]
#[serde(untagged)]
pub(crate) enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    /// The first item, if any.
    pub(crate) fn first(self) -> Option<T> {
        match self {
            OneOrMany::One(t) => Some(t),
            OneOrMany::Many(v) => v.into_iter().next(),
        }
    }

    /// All items.
    pub(crate) fn into_vec(self) -> Vec<T> {
        match self {
            OneOrMany::One(t) => vec![t],
            OneOrMany::Many(v) => v,
        }
    }
}
