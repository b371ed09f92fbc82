//! A local ONLYOFFICE DocSpace-compatible portal.
//!
//! It serves the REST subset of `/api/2.0` with DocSpace's envelope, errors, auth schemes, roles and
//! rate limits, keeps its data in SQLite, serves the official Embed SDK `api.js`, and serves the
//! frame pages the SDK embeds. Official DocSpace clients work against it unchanged, so everything
//! can be developed and tested with no cloud account and no network.
//!
//! ```no_run
//! # async fn demo() -> anyhow::Result<()> {
//! use docspace_devportal::{PortalConfig, start};
//!
//! let portal = start(PortalConfig::for_tests()).await?;
//! println!("portal at {} — sign in as {}", portal.base_url(), portal.owner.email);
//! portal.shutdown().await;
//! # Ok(()) }
//! ```

pub mod api;
pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod envelope;
pub mod frames;
pub mod permissions;
pub mod ratelimit;
pub mod sdk_assets;
pub mod seed;
pub mod server;
pub mod state;
pub mod stats;
pub mod time;
pub mod users;

pub use config::{PortalConfig, RateLimits, Seed, Storage};
pub use server::{OwnerCredentials, RunningPortal, router, start};
pub use stats::StatsSnapshot;
