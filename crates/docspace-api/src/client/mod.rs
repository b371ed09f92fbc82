//! The client, its builder, and how requests are authenticated.

mod auth;
mod builder;
mod send;

pub use auth::{Auth, HOST_KEY_HEADER, LINK_KEY_HEADER};
pub use builder::ClientBuilder;

use std::sync::{Arc, RwLock};
use std::time::Duration;

use crate::api::{
    AuthHandler, FilesHandler, FoldersHandler, KeysHandler, OperationsHandler, PeopleHandler,
    RoomsHandler, SecurityHandler, TagsHandler, UploadsHandler,
};
use crate::scheduler::{Metrics, RateLimits, Scheduler};
use crate::transport::Transport;

#[derive(Debug)]
struct Inner {
    base_url: String,
    auth: RwLock<Auth>,
    /// The external link the client acts through, if any.
    link_key: Option<String>,
    timeout: Duration,
    transport: Transport,
    scheduler: Scheduler,
}

/// A DocSpace REST client. Cheap to clone; clones share connections, credentials and the
/// rate-limit budget.
///
/// Each API area has a handler (`client.rooms()`, `client.files()`…) whose methods return a
/// builder per endpoint; `send()` checks the input, then sends it through the client's scheduler.
///
/// ```no_run
/// # async fn demo() -> Result<(), docspace_api::Error> {
/// use docspace_api::Client;
/// use docspace_api::models::{Color, RoomType};
///
/// let client = Client::builder("http://127.0.0.1:8092").api_key("sk-…").build()?;
/// let room = client
///     .rooms()
///     .create("Contracts", RoomType::Custom)
///     .color(Color::from_hex("5299E0")?)
///     .tags(["legal"])
///     .send()
///     .await?;
/// println!("room {} created", room.id);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

impl Client {
    /// The portal's base URL, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// Replaces the credentials of this client and its clones.
    pub fn set_credentials(&self, auth: Auth) {
        if let Ok(mut a) = self.inner.auth.write() {
            *a = auth;
        }
    }

    /// The credentials in use (secrets redacted in `Debug`).
    pub fn credentials(&self) -> Auth {
        self.inner
            .auth
            .read()
            .map(|a| a.clone())
            .unwrap_or(Auth::None)
    }

    /// The limits the scheduler keeps.
    pub fn rate_limits(&self) -> &RateLimits {
        self.inner.scheduler.limits()
    }

    /// What the scheduler has done so far.
    pub fn metrics(&self) -> Metrics {
        self.inner.scheduler.metrics()
    }

    /// Sign-in, sign-out and the portal's public settings.
    pub fn auth(&self) -> AuthHandler<'_> {
        AuthHandler::new(self)
    }

    /// OAuth apps registered with the portal's identity service.
    pub fn oauth_apps(&self) -> crate::api::OAuthAppsHandler<'_> {
        crate::api::OAuthAppsHandler::new(self)
    }

    /// API keys.
    pub fn keys(&self) -> KeysHandler<'_> {
        KeysHandler::new(self)
    }

    /// People: the current user and the portal's users.
    pub fn people(&self) -> PeopleHandler<'_> {
        PeopleHandler::new(self)
    }

    /// Rooms, their members, links and tags.
    pub fn rooms(&self) -> RoomsHandler<'_> {
        RoomsHandler::new(self)
    }

    /// Folders and folder contents.
    pub fn folders(&self) -> FoldersHandler<'_> {
        FoldersHandler::new(self)
    }

    /// Files: create, read, rename, delete, download, upload.
    pub fn files(&self) -> FilesHandler<'_> {
        FilesHandler::new(self)
    }

    /// AI: the access switch, providers, agents and chats.
    pub fn ai(&self) -> crate::api::AiHandler<'_> {
        crate::api::AiHandler::new(self)
    }

    /// MCP servers: the portal's list, each agent room's servers and tool switches.
    pub fn mcp(&self) -> crate::api::McpHandler<'_> {
        crate::api::McpHandler::new(self)
    }

    /// Web plugins: upload, list, enable with settings, delete.
    pub fn plugins(&self) -> crate::api::PluginsHandler<'_> {
        crate::api::PluginsHandler::new(self)
    }

    /// The portal's tag list.
    pub fn tags(&self) -> TagsHandler<'_> {
        TagsHandler::new(self)
    }

    /// Embedding settings: the CSP list.
    pub fn security(&self) -> SecurityHandler<'_> {
        SecurityHandler::new(self)
    }

    /// Room templates: save a room as one, list them, create rooms from them.
    pub fn templates(&self) -> crate::api::TemplatesHandler<'_> {
        crate::api::TemplatesHandler::new(self)
    }

    /// File operations: copy, move, delete, and waiting for them.
    pub fn operations(&self) -> OperationsHandler<'_> {
        OperationsHandler::new(self)
    }

    /// External links: what a key opens, and the password of a protected link.
    pub fn links(&self) -> crate::api::LinksHandler<'_> {
        crate::api::LinksHandler::new(self)
    }

    /// Chunked uploads.
    pub fn uploads(&self) -> UploadsHandler<'_> {
        UploadsHandler::new(self)
    }
}
