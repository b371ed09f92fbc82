#![doc = include_str!("../README.md")]
//!
//! ## Layout
//!
//! | module | what it holds |
//! |---|---|
//! | `ai` | DocSpace's AI: the access switch, OpenAI-compatible providers, agents (rooms of type 9), chats streamed as server-sent events |
//! | `api` | one module per API area (auth, keys, people, settings, rooms, tags, shares and links, folders, files, fileops, upload, csp, downloads) behind one middleware: CORS, authentication, key scopes, rate limits, counters, the envelope's self link and `?fields=`; the route table is `api/routes.rs`, the middleware `api/middleware.rs`, the caller extractors `api/caller.rs` |
//! | `envelope` | DocSpace's success envelope, exception bodies, validation ProblemDetails and the empty-body 401/403/429 |
//! | [`auth`] | API keys, login tokens, the `asc_auth_key` cookie, PBKDF2 password hashes |
//! | [`client_addr`] | the client address of a request: the TCP peer, or the trusted proxy's `X-Forwarded-For` |
//! | `csrf` | what a cookie-authenticated write must carry (own origin, JSON body) |
//! | `permissions` | who may do what: the permission matrix (a table in its docs, tested cell by cell) |
//! | `login_guard` | DocSpace's brute-force guard on sign-in (per login and address) |
//! | `ratelimit` | the sliding window, the concurrency caps and the sensitive-endpoint budget |
//! | `db` | SQLite (WAL, transactions, append-only migrations), one repository module per table group; file content is stored as BLOBs so a 2xx is durable |
//! | [`seed`] | the owner's credentials and the `demo` data |
//! | `oauth` | OAuth2 as DocSpace's identity service: client registration, authorize/consent, tokens, JWKS, discovery |
//! | [`stats`] | `GET /devportal/stats` counters |
//! | `archives` | bulk-download archives kept in memory, bounded, until fetched or expired |
//!
//! Only what a user of the crate needs is public: starting a portal ([`start`], [`router`],
//! [`PortalConfig`]), its counters ([`stats`]), the seeded credentials ([`seed`]), the command
//! line ([`cli`]), and the few helpers the host shares ([`auth`], [`client_addr`]). The rest is
//! the portal's inside, `pub(crate)`.

#![warn(missing_docs)]

pub(crate) mod ai;
pub(crate) mod api;
pub(crate) mod archives;
pub mod auth;
pub mod cli;
pub mod client_addr;
pub mod config;
pub(crate) mod csrf;
pub(crate) mod db;
pub(crate) mod envelope;
pub(crate) mod frames;
pub(crate) mod login_guard;
pub(crate) mod oauth;
pub(crate) mod people_rules;
pub(crate) mod permissions;
pub(crate) mod plugins;
pub(crate) mod ratelimit;
pub(crate) mod sdk_assets;
pub(crate) mod secrets;
pub mod seed;
pub mod server;
pub(crate) mod state;
pub mod stats;
pub(crate) mod time;
pub(crate) mod upload_budget;
pub(crate) mod users;

pub use config::{PortalConfig, RateLimits, Seed, Storage};
pub use server::{OwnerCredentials, RunningPortal, router, start};
pub use stats::StatsSnapshot;
pub use time::Clock;
