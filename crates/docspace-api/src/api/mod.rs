//! One handler per API area, each with a builder per endpoint (octocrab's shape): the handler
//! borrows the client, the builder collects and checks the input, `send()` sends it.

/// `file`, `files`, `folder` and `folders`: the entries an operation acts on, for a builder with
/// `files: Vec<FileId>` and `folders: Vec<FolderId>` fields (copy, move, delete, download,
/// favourites).
macro_rules! entry_setters {
    () => {
        /// Adds a file.
        pub fn file(mut self, id: impl Into<$crate::models::FileId>) -> Self {
            self.files.push(id.into());
            self
        }

        /// Adds files.
        pub fn files<I, T>(mut self, ids: I) -> Self
        where
            I: IntoIterator<Item = T>,
            T: Into<$crate::models::FileId>,
        {
            self.files.extend(ids.into_iter().map(Into::into));
            self
        }

        /// Adds a folder (with everything in it).
        pub fn folder(mut self, id: impl Into<$crate::models::FolderId>) -> Self {
            self.folders.push(id.into());
            self
        }

        /// Adds folders (with everything in them).
        pub fn folders<I, T>(mut self, ids: I) -> Self
        where
            I: IntoIterator<Item = T>,
            T: Into<$crate::models::FolderId>,
        {
            self.folders.extend(ids.into_iter().map(Into::into));
            self
        }
    };
}

/// `immediately` and `delete_after`: the options of a deletion, for a builder with
/// `immediately: Option<bool>` and `delete_after: Option<bool>` fields (a file, a folder, a batch).
macro_rules! delete_setters {
    () => {
        /// Skips the Trash.
        pub fn immediately(mut self, yes: bool) -> Self {
            self.immediately = Some(yes);
            self
        }

        /// Deletes the operation's record when it ends.
        pub fn delete_after(mut self, yes: bool) -> Self {
            self.delete_after = Some(yes);
            self
        }
    };
}

mod ai;
mod ai_bodies;
mod auth;
mod bodies;
mod bulk_download;
pub mod chat_stream;
mod favorites;
mod file_links;
mod files;
mod folders;
mod keys;
mod link_access;
mod link_put;
mod mcp;
mod oauth_apps;
mod operations;
mod people;
mod people_admin;
mod plugins;
mod rooms;
mod security;
mod tags;
mod templates;
mod uploads;
mod versions;

pub use ai::{
    AGENT_TITLE_MAX, Agent, AiHandler, CHAT_NAME_MAX, Chat, ChatSettings, CreateAgentBuilder,
    CreateProviderBuilder, Message, Model, OPENAI_COMPATIBLE, Provider, ProviderModel,
};
pub use auth::{AuthHandler, LoginBuilder};
pub use bulk_download::{Archive, DownloadBuilder, disposition_name};
pub use chat_stream::{ChatError, ChatEvent, ChatStream, ToolCall};
pub use favorites::FavoritesBuilder;
pub use file_links::FileLinkBuilder;
pub use files::{
    CreateFileBuilder, DeleteFileBuilder, FilesHandler, GetFileBuilder, UploadBuilder,
};
pub use folders::{DeleteFolderBuilder, FolderContentsBuilder, FoldersHandler};
pub use keys::{CreateKeyBuilder, KeysHandler, UpdateKeyBuilder};
pub use link_access::LinksHandler;
pub use mcp::{
    MAX_SERVERS_PER_ROOM, McpHandler, McpServer, McpServerShort, McpServerStatus, McpTool,
    RESERVED_SERVER_NAMES, RegisterMcpBuilder, UpdateMcpBuilder,
};
pub use oauth_apps::{OAuthAppsHandler, PLACEHOLDER_LOGO, RegisterAppBuilder, UpdateAppBuilder};
pub use operations::{DeleteEntriesBuilder, OperationsHandler, TransferBuilder, WaitBuilder};
pub use people::{InviteBuilder, ListPeopleBuilder, PeopleHandler};
pub use people_admin::{ChangeTypeBuilder, ResendBuilder, SetStatusBuilder};
pub use plugins::{PLUGIN_MAX_SIZE, PLUGIN_SETTINGS_MAX, PluginsHandler, WebPlugin};
pub use rooms::{
    CreateRoomBuilder, LinkBuilder, ListMembersBuilder, ListRoomsBuilder, ResendInvitationsBuilder,
    RoomOperationBuilder, RoomsHandler, ShareRoomBuilder, UpdateRoomBuilder,
};
pub use security::{SecurityHandler, SetCspBuilder};
pub use tags::{ListTagsBuilder, TagsHandler};
pub use templates::{RoomFromTemplateBuilder, SaveTemplateBuilder, TemplatesHandler};
pub use uploads::{ChunkedUpload, ChunkedUploadBuilder, UploadProgress, UploadsHandler};
pub use versions::{COMMENT_MAX, ChangeHistoryBuilder, DeleteVersionsBuilder};

use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer, Error as _};

use crate::error::Error;
use crate::models::FileOperation;

/// DocSpace answers some calls with one object and others, for the same data, with a list of one.
pub(crate) enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

/// Chooses by the JSON's first character instead of `#[serde(untagged)]`, which buffers the value
/// and decodes `T` a second way (from serde's buffer), doubling `T`'s decoder in the wasm.
impl<'de, T: DeserializeOwned> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Borrowed: payloads are decoded from a `str` (see `envelope::from_payload`).
        let raw = <&serde_json::value::RawValue>::deserialize(d)?;
        let json = raw.get();
        let parsed = if json.trim_ascii_start().starts_with('[') {
            serde_json::from_str(json).map(OneOrMany::Many)
        } else {
            serde_json::from_str(json).map(OneOrMany::One)
        };
        parsed.map_err(D::Error::custom)
    }
}

/// The one operation a call started (DocSpace answers with one, or a list of one).
fn single(ops: OneOrMany<FileOperation>) -> Result<FileOperation, Error> {
    ops.first().ok_or_else(|| Error::Decode {
        message: "the portal started no operation".into(),
        snippet: String::new(),
    })
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

#[cfg(test)]
mod tests {
    use super::OneOrMany;

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Item {
        id: u32,
    }

    fn parse(json: &str) -> Result<Vec<Item>, serde_json::Error> {
        serde_json::from_str::<OneOrMany<Item>>(json).map(OneOrMany::into_vec)
    }

    #[test]
    fn one_or_many_reads_an_object_or_a_list() {
        assert_eq!(parse(r#"{"id":1}"#).unwrap(), vec![Item { id: 1 }]);
        assert_eq!(
            parse(r#" [{"id":1},{"id":2}]"#).unwrap(),
            vec![Item { id: 1 }, Item { id: 2 }]
        );
        assert_eq!(parse("[]").unwrap(), vec![]);
        let first = serde_json::from_str::<OneOrMany<Item>>(r#"[{"id":3}]"#).unwrap();
        assert_eq!(first.first(), Some(Item { id: 3 }));
    }

    #[test]
    fn one_or_many_rejects_other_shapes() {
        assert!(parse("null").is_err());
        assert!(parse(r#""x""#).is_err());
        assert!(parse(r#"[{"id":"x"}]"#).is_err());
        assert!(parse(r#"{"name":"no id"}"#).is_err());
    }
}
