//! Test support for the workspace's browser and HTTP tests.
//!
//! - [`with_browser`] runs a test body with a fresh headless Chromium (Debian's `chromium` through
//!   Debian's `chromedriver`), and always closes both, even when the body panics.
//! - [`PageServer`] serves ad-hoc HTML pages on a loopback port, so that a test can play an
//!   integrator's page on an origin other than the portal's.
//! - [`AuthProxy`] is a forward proxy on loopback that demands credentials (407 without them).
//! - [`free_port`] and [`dead_url`] give loopback ports.

mod browser;
mod pages;
mod proxy;

pub use browser::{text_of, wait_for, wait_until, with_browser};
pub use pages::PageServer;
pub use proxy::AuthProxy;
pub use thirtyfour;

use std::net::TcpListener;

/// A loopback port that was free a moment ago.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("no free loopback port: {e}"))
}

/// A loopback URL nothing listens on.
pub fn dead_url() -> String {
    format!("http://127.0.0.1:{}", free_port())
}
