#![doc = include_str!("../README.md")]
//!
//! ## What it does
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
//! - OAuth2 helpers in [`oauth`]: scopes as types, PKCE, the authorize URL, code exchange,
//!   refresh and revocation with typed errors; the whole flow ([`oauth::AuthorizationFlow`]) for
//!   a browser tab (`sessionStorage`, `oauth::browser`) and for command-line tools (a loopback
//!   redirect, `oauth::loopback`); OAuth apps with [`Client::oauth_apps`].

#![deny(missing_docs)]

pub mod api;
mod client;
pub mod early;
mod envelope;
mod error;
pub mod models;
pub mod oauth;
mod paging;
pub mod password;
mod request;
mod rt;
mod scheduler;
pub mod sse;
mod transport;
mod validate;

pub use client::{Auth, Client, ClientBuilder, HOST_KEY_HEADER, LINK_KEY_HEADER};
pub use error::Error;
pub use paging::Page;
pub use scheduler::{Metrics, PortalLimits, RateLimits, RetryPolicy};
#[cfg(not(target_arch = "wasm32"))]
pub use transport::refused_by_proxy;
