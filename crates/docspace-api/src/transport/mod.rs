//! One HTTP exchange, on the platform's HTTP stack: `fetch` through gloo-net on wasm32, reqwest
//! with rustls on native. No retries or limits here: the scheduler does those.
//!
//! An answer is either read whole (`Transport::send`) or opened (`Transport::open`): its status
//! and headers first, then its body chunk by chunk through a `BodyReader` (streamed chat
//! answers). Dropping a reader mid-body aborts the exchange.
//!
//! A request may carry a [`BodyProgress`]: on wasm32 its body then goes out through an
//! `XMLHttpRequest`, whose upload events say how much has been sent (`fetch` has none); natively
//! it is told once, when the answer arrives.

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(not(target_arch = "wasm32"))]
pub use native::{BodyReader, ProxyChoice, Transport, refused_by_proxy};
#[cfg(target_arch = "wasm32")]
pub use wasm::{BodyReader, Transport};

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::error::Error;

/// The callback behind a [`BodyProgress`]: `Send + Sync` natively, any closure on wasm, where
/// there is one thread.
#[cfg(not(target_arch = "wasm32"))]
type ProgressFn = dyn Fn(u64, u64) + Send + Sync;
#[cfg(target_arch = "wasm32")]
type ProgressFn = dyn Fn(u64, u64);

/// A closure a [`BodyProgress`] can hold: `Send + Sync` natively, any on wasm.
#[cfg(not(target_arch = "wasm32"))]
pub trait BodyProgressFn: Fn(u64, u64) + Send + Sync + 'static {}
#[cfg(not(target_arch = "wasm32"))]
impl<F: Fn(u64, u64) + Send + Sync + 'static> BodyProgressFn for F {}
/// A closure a [`BodyProgress`] can hold: `Send + Sync` natively, any on wasm.
#[cfg(target_arch = "wasm32")]
pub trait BodyProgressFn: Fn(u64, u64) + 'static {}
#[cfg(target_arch = "wasm32")]
impl<F: Fn(u64, u64) + 'static> BodyProgressFn for F {}

/// Told `(sent, total)` bytes of a request's body as it goes out.
#[derive(Clone)]
pub struct BodyProgress(Arc<ProgressFn>);

impl BodyProgress {
    /// Wraps `f`.
    pub fn new(f: impl BodyProgressFn) -> BodyProgress {
        BodyProgress(Arc::new(f))
    }

    /// Reports `sent` of `total` bytes.
    pub fn report(&self, sent: u64, total: u64) {
        (self.0)(sent.min(total), total)
    }
}

impl fmt::Debug for BodyProgress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BodyProgress(<callback>)")
    }
}

/// HTTP methods the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// A request body.
#[derive(Debug, Clone)]
pub enum Body {
    /// No body.
    Empty,
    /// A JSON document.
    Json(String),
    /// Raw bytes with their content type (multipart uploads).
    Bytes {
        /// `Content-Type` header value.
        content_type: String,
        /// The bytes; cheap to clone for retries.
        data: bytes::Bytes,
    },
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
    /// Body.
    pub body: Body,
    /// Give up after this long.
    pub timeout: Duration,
    /// Told how much of the body has been sent, when set.
    pub progress: Option<BodyProgress>,
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

/// Why an exchange produced no answer. The scheduler needs to know whether the request may have
/// reached the portal: only then is retrying a non-idempotent request unsafe.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The connection was never made: nothing reached the portal.
    NotSent(String),
    /// Failed after (or while) sending: the portal may have acted on it.
    Unknown(String),
    /// No answer within the timeout: the portal may have acted on it.
    Timeout(Duration),
    /// The proxy on the way refused to open a tunnel without credentials (a `CONNECT` answered
    /// 407): nothing reached the portal. Native only: a browser answers proxies itself.
    #[cfg(not(target_arch = "wasm32"))]
    ProxyAuthentication,
}

impl Failure {
    /// Whether the request certainly never reached the portal.
    pub fn never_sent(&self) -> bool {
        match self {
            Failure::NotSent(_) => true,
            #[cfg(not(target_arch = "wasm32"))]
            Failure::ProxyAuthentication => true,
            Failure::Unknown(_) | Failure::Timeout(_) => false,
        }
    }

    /// Whether trying again could succeed: not when a proxy wants credentials the client lacks.
    pub fn may_pass_later(&self) -> bool {
        match self {
            #[cfg(not(target_arch = "wasm32"))]
            Failure::ProxyAuthentication => false,
            _ => true,
        }
    }
}

impl From<Failure> for Error {
    fn from(f: Failure) -> Error {
        match f {
            Failure::NotSent(m) | Failure::Unknown(m) => Error::Network(m),
            Failure::Timeout(d) => Error::Timeout(d),
            #[cfg(not(target_arch = "wasm32"))]
            Failure::ProxyAuthentication => Error::ProxyAuthentication { challenge: None },
        }
    }
}

impl BodyReader {
    /// Reads the rest of the body into `head.body` (an error answer to an opened request).
    pub async fn read_into(mut self, head: &mut RawResponse) -> Result<(), Failure> {
        while let Some(chunk) = self.chunk().await? {
            head.body.extend_from_slice(&chunk);
        }
        Ok(())
    }
}
