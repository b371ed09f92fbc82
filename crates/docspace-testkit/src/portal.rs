//! A DocSpace-compatible portal for your own tests (feature `portal`): one call starts a
//! devportal on a free loopback port, in memory, seeded with a user of every type and a room of
//! every type, with known credentials. Dropping it stops it.
//!
//! ```no_run
//! # async fn demo() {
//! use docspace_testkit::{Role, TestPortal};
//! use docspace_types::RoomType;
//!
//! let portal = TestPortal::start().await;
//! let rooms = portal.client().rooms().list().send().await.expect("rooms");
//! assert!(!rooms.folders.is_empty());
//! let guest = portal.client_as(Role::Guest).await.expect("the guest signs in");
//! let me = guest.people().me().await.expect("@self");
//! assert_eq!(me.email.as_deref(), Some(Role::Guest.email()));
//! let contracts = portal.room(RoomType::Custom).await.expect("the seeded custom room");
//! # let _ = contracts;
//! # }
//! ```

use docspace_api::Client;
use docspace_api::models::Room;
use docspace_devportal::{PortalConfig, RateLimits, RunningPortal, Seed};
use docspace_types::RoomType;

/// The seeded users, one per DocSpace user type. They all share [`TestPortal::password`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The portal's owner.
    Owner,
    /// A DocSpace admin.
    DocSpaceAdmin,
    /// A room admin (may create rooms).
    RoomAdmin,
    /// A user (works in rooms they are invited to).
    User,
    /// A guest.
    Guest,
}

impl Role {
    /// Every role, the owner first.
    pub const ALL: [Role; 5] = [
        Role::Owner,
        Role::DocSpaceAdmin,
        Role::RoomAdmin,
        Role::User,
        Role::Guest,
    ];

    /// The seeded user's sign-in e-mail.
    pub fn email(self) -> &'static str {
        match self {
            Role::Owner => docspace_devportal::seed::OWNER_EMAIL,
            Role::DocSpaceAdmin => "admin@example.com",
            Role::RoomAdmin => "roomadmin@example.com",
            Role::User => "user@example.com",
            Role::Guest => "guest@example.com",
        }
    }
}

/// A running devportal for one test; stops when dropped.
pub struct TestPortal {
    portal: RunningPortal,
}

/// Options for [`TestPortal::builder`].
#[derive(Debug, Clone)]
pub struct TestPortalBuilder {
    config: PortalConfig,
}

impl TestPortalBuilder {
    /// Enforce DocSpace's rate limits (off by default, so that a test suite is never slowed).
    pub fn rate_limits(mut self, on: bool) -> Self {
        self.config.rate_limits = if on {
            RateLimits::default()
        } else {
            RateLimits::off()
        };
        self
    }

    /// Let pages on `origin` embed the portal's frames (its allowed domains, as set under
    /// Developer Tools → JavaScript SDK on a real portal). Repeatable.
    pub fn allow_origin(mut self, origin: impl Into<String>) -> Self {
        self.config.allow_origins.push(origin.into());
        self
    }

    /// Only the owner: no demo users, rooms or files.
    pub fn empty(mut self) -> Self {
        self.config.seed = Seed::Empty;
        self
    }

    /// The password of every seeded user (a random one by default).
    pub fn password(mut self, password: impl Into<String>) -> Self {
        self.config.owner_password = Some(password.into());
        self
    }

    /// The owner's API key (`sk-` and 64 hex digits; a random one by default).
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.config.api_key = Some(key.into());
        self
    }

    /// Where the official Embed SDK's npm packages are (`node_modules`), for pages that load
    /// `api.js` from the portal; by default `$DOCSPACE_SDK_DIR`, else next to the workspace.
    pub fn sdk_dir(mut self, dir: impl Into<std::path::PathBuf>) -> Self {
        self.config.sdk_dir = Some(dir.into());
        self
    }

    /// Starts the portal.
    pub async fn start(self) -> Result<TestPortal, String> {
        docspace_devportal::start(self.config)
            .await
            .map(|portal| TestPortal { portal })
            .map_err(|e| format!("the test portal did not start: {e:#}"))
    }
}

impl TestPortal {
    /// Starts a seeded portal with rate limits off; panics (failing the test) if it cannot.
    pub async fn start() -> TestPortal {
        TestPortal::builder()
            .start()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// A portal to configure before it starts.
    pub fn builder() -> TestPortalBuilder {
        let mut config = PortalConfig::for_tests();
        config.rate_limits = RateLimits::off();
        config.seed = Seed::Demo;
        TestPortalBuilder { config }
    }

    /// `http://127.0.0.1:PORT`: the portal's origin, for the Embed SDK's `src` and the REST
    /// client's base URL.
    pub fn url(&self) -> String {
        self.portal.base_url()
    }

    /// The owner's API key.
    pub fn api_key(&self) -> &str {
        &self.portal.owner.api_key
    }

    /// The password of every seeded user.
    pub fn password(&self) -> &str {
        &self.portal.owner.password
    }

    /// A REST client acting as the owner (through the API key).
    pub fn client(&self) -> Client {
        Client::builder(self.url())
            .api_key(self.api_key().to_string())
            .build()
            .unwrap_or_else(|e| panic!("a client for {}: {e}", self.url()))
    }

    /// A REST client signed in as the seeded user of `role`, with their password.
    pub async fn client_as(&self, role: Role) -> Result<Client, docspace_api::Error> {
        let client = Client::builder(self.url()).build()?;
        client
            .auth()
            .login(role.email(), self.password())
            .send()
            .await?;
        Ok(client)
    }

    /// The seeded room of `room_type` (the demo seed has one of each).
    pub async fn room(&self, room_type: RoomType) -> Result<Room, String> {
        let page = self
            .client()
            .rooms()
            .list()
            .room_type(room_type)
            .send()
            .await
            .map_err(|e| format!("listing rooms: {e}"))?;
        page.folders
            .into_iter()
            .next()
            .ok_or_else(|| format!("no seeded room of type {room_type:?}"))
    }

    /// The devportal itself, for what the test kit does not wrap (its counters, for one).
    pub fn devportal(&self) -> &RunningPortal {
        &self.portal
    }
}
