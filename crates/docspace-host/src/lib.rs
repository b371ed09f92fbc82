//! `docspace-host`: our own server for the DocSpace embed app.
//!
//! It serves the built app (hashed assets cached for a year, brotli/gzip precompressed, a strict
//! Content-Security-Policy), answers the app's runtime configuration, proxies `/api/2.0/*` to a
//! DocSpace portal (adding an API key held server-side when given one, passing the portal's
//! 429s and `X-RateLimit-*` headers through), and starts an embedded devportal when no portal is
//! named.
//!
//! ```no_run
//! # async fn demo() -> anyhow::Result<()> {
//! use docspace_host::{HostConfig, start};
//!
//! let host = start(HostConfig::default()).await?;
//! println!("app at {}, portal at {}", host.base_url(), host.portal_url());
//! # Ok(()) }
//! ```

mod config;
mod csp;
mod frame_boot;
pub mod oauth_app;
mod proxy;
mod same_origin;
mod server;
mod session;
mod state;
mod static_files;

pub use config::{HostConfig, PortalTarget};
pub use server::{RunningHost, start, start_on};
pub use state::DemoAccount;
