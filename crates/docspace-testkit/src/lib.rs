#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

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
