//! A typed REST client for ONLYOFFICE DocSpace, on wasm32 (browser `fetch`) and native (reqwest
//! with rustls), that never trips the portal's rate limits.
//!
//! - One [`Client`], cheap to clone; a handler per API area (`client.rooms()`, `.folders()`,
//!   `.files()`, `.people()`, `.keys()`, `.auth()`, `.tags()`, `.security()`, `.operations()`,
//!   `.uploads()`) and a builder per endpoint that checks input before anything is sent.
//! - Typed [`models`] for everything DocSpace answers, tolerant of values a newer portal adds.
//! - A scheduler inside the client keeps DocSpace's limits (50 concurrent GETs, 15 other
//!   requests, 1500 per sliding minute; see [`RateLimits`]), honours `Retry-After` and
//!   `X-RateLimit-*`, retries what is safe to retry and never sends a create twice
//!   ([`RetryPolicy`]).
//! - Paging streams, waiting for file operations, resumable chunked uploads.
//!
//! ```no_run
//! # async fn demo() -> Result<(), docspace_api::Error> {
//! use docspace_api::Client;
//! use docspace_api::models::{Color, RoomType};
//! use futures::TryStreamExt;
//!
//! let client = Client::builder("http://127.0.0.1:8092").api_key("sk-…").build()?;
//! let me = client.people().me().await?;
//! println!("signed in as {}", me.display_name);
//!
//! let room = client
//!     .rooms()
//!     .create("Contracts", RoomType::Custom)
//!     .color(Color::from_hex("5299E0")?)
//!     .tags(["legal"])
//!     .send()
//!     .await?;
//! let rooms: Vec<_> = client.rooms().list().tags(["legal"]).stream().try_collect().await?;
//! assert!(rooms.iter().any(|r| r.id == room.id));
//! # Ok(()) }
//! ```

#![deny(missing_docs)]

pub mod api;
mod client;
mod envelope;
mod error;
pub mod models;
mod paging;
pub mod password;
mod request;
mod rt;
mod scheduler;
mod transport;
mod validate;

pub use client::{Auth, Client, ClientBuilder, HOST_KEY_HEADER};
pub use error::Error;
pub use paging::Page;
pub use scheduler::{Metrics, PortalLimits, RateLimits, RetryPolicy};
