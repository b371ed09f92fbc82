//! One HTTP exchange, on the platform's HTTP stack: `fetch` through gloo-net on wasm32, reqwest
//! with rustls on native.

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(not(target_arch = "wasm32"))]
pub use native::Transport;
#[cfg(target_arch = "wasm32")]
pub use wasm::Transport;

use std::time::Duration;

/// HTTP methods the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // POST/PUT/DELETE arrive with the endpoints that need them.
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// DELETE
    Delete,
}

/// A request ready to send.
#[derive(Debug, Clone)]
pub struct RawRequest {
    /// Method.
    pub method: Method,
    /// Absolute or (on wasm) page-relative URL.
    pub url: String,
    /// Extra headers.
    pub headers: Vec<(String, String)>,
    /// JSON body.
    pub json: Option<String>,
    /// Give up after this long.
    pub timeout: Duration,
}

/// An answer, whatever its status.
#[derive(Debug, Clone)]
pub struct RawResponse {
    /// HTTP status.
    pub status: u16,
    /// Headers with lower-case names.
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    pub body: Vec<u8>,
}

impl RawResponse {
    /// The first header named `name` (lower-case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}
