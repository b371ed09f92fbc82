//! The REST subset under `/api/2.0`, one module per API area, behind one per-request middleware:
//! CORS as DocSpace (`*`, no credentials; an OAuth app's `allowed_origins` for its tokens), authentication, API-key scopes, rate limits, counters,
//! the envelope's self link and `?fields=` pruning.
//!
//! A handler names what it needs as extractors, so its body starts at its own logic: who calls and
//! from where ([`Call`]: an actor, which a link can be; [`SignedInCall`]: a signed-in user only;
//! [`crate::ai::AiFeature`] around either for the AI switch), its inputs (`extract`), and ends
//! with [`Store::read`] or [`Store::write`], which run its logic on the database and answer the
//! value in DocSpace's envelope. Errors of every layer are one type, [`crate::envelope::ApiError`],
//! answered by one mapping to HTTP.

mod auth;
mod bulk_download;
mod caller;
mod content_query;
mod cors;
pub mod csp;
pub mod download;
pub mod dto;
mod early;
pub mod extract;
mod file_links;
pub(crate) mod fileops;
mod fileops_check;
mod files;
mod folders;
mod keys;
mod link_access;
mod lookup;
mod middleware;
mod password;
mod people;
mod people_admin;
mod room_owner;
pub mod rooms;
pub(crate) mod routes;
pub mod scopes;
mod sections;
mod settings;
mod shares;
mod store;
mod tags;
mod templates;
mod upload;
mod upload_body;
mod upload_check;
mod versions;

pub(crate) use caller::{Call, SignedInCall};
pub use caller::{ClientIp, Portal, portal_url};
pub(crate) use store::Store;

/// Headers a browser page on another origin may read (rate-limit state).
pub const EXPOSED_HEADERS: &str =
    "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After";

/// Header carrying an external-link key (`requestToken`) for anonymous access, as DocSpace reads it.
pub const REQUEST_TOKEN_HEADER: &str = "request-token";
