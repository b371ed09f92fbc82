//! The one error type of the client.

use std::time::Duration;

/// Everything that can go wrong with a call, keeping the portal's message and what a caller needs
/// to act on it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// 400: the portal rejected the input. `field_errors` lists per-field messages from a
    /// validation envelope (empty for argument errors).
    #[error("bad request: {message}")]
    BadRequest {
        /// The portal's message.
        message: String,
        /// `(field, message)` pairs from a validation failure.
        field_errors: Vec<(String, String)>,
    },
    /// 401: missing, wrong or expired credentials.
    #[error("unauthorized: {message}")]
    Unauthorized {
        /// The portal's message, or a description when the body was empty.
        message: String,
    },
    /// 403: the user (or the key's scopes) may not do this.
    #[error("forbidden: {message}")]
    Forbidden {
        /// The portal's message, or a description when the body was empty.
        message: String,
    },
    /// 404: the item does not exist (or the route is unknown).
    #[error("not found: {message}")]
    NotFound {
        /// The portal's message.
        message: String,
    },
    /// 407: a proxy between the client and the portal wants credentials, and the client has
    /// none for it (or the wrong ones). Nothing reached the portal.
    #[error(
        "a proxy between this client and the portal asks for credentials{}: give the proxy's \
         user and password in its URL (`HTTPS_PROXY=http://user:password@proxy:port`, or \
         `ClientBuilder::proxy` on native), or ask the proxy's administrator to let this \
         client through",
        challenge.as_ref().map(|c| format!(" ({c})")).unwrap_or_default()
    )]
    ProxyAuthentication {
        /// The proxy's `Proxy-Authenticate` challenge (`Basic realm="…"`), when it sent one.
        challenge: Option<String>,
    },
    /// 429: a rate limit refused the request (after the client's own retries).
    #[error("rate limited{}", retry_after.map(|d| format!("; retry after {}", span(d))).unwrap_or_default())]
    RateLimited {
        /// When the portal says to try again, if it said.
        retry_after: Option<Duration>,
    },
    /// 5xx, or another status the client does not model.
    #[error("server error {status}: {message}")]
    Server {
        /// HTTP status.
        status: u16,
        /// The portal's message.
        message: String,
    },
    /// The request never got an answer (connection refused, DNS, CORS, aborted…).
    #[error("network error: {0}")]
    Network(String),
    /// No answer within the request's timeout.
    #[error("timed out after {}", span(*.0))]
    Timeout(Duration),
    /// The answer could not be decoded.
    #[error("cannot decode the answer: {message}{}", body_start(snippet))]
    Decode {
        /// What failed.
        message: String,
        /// The first bytes of the body.
        snippet: String,
    },
    /// A file operation (copy, move, delete, archive…) finished with an error.
    #[error("operation {id} failed: {message}")]
    OperationFailed {
        /// The operation's id.
        id: String,
        /// The portal's message.
        message: String,
    },
    /// One block of a server-sent-events answer (a chat's) grew past the client's cap before
    /// it ended: the server sends something other than DocSpace's events. Reading stops there.
    #[error("an event of the answer's stream is larger than {limit} bytes")]
    EventTooLarge {
        /// The cap, in bytes.
        limit: usize,
    },
    /// A streamed answer (a chat's) stopped before its end: the connection was cut, or the
    /// body ended before the last event (`message_stop`). What arrived before stays valid.
    #[error("the answer's stream was cut: {0}")]
    StreamInterrupted(String),
    /// The caller gave input that cannot be sent; nothing was sent.
    #[error("invalid {field}: {message}")]
    InvalidInput {
        /// The offending field.
        field: &'static str,
        /// Why it is invalid.
        message: String,
    },
}

/// A wait or a timeout as a person reads it: whole seconds ("3 s"), else milliseconds ("1500 ms").
/// Integer arithmetic only: `Duration`'s `Debug` ("Some(3s)" inside an `Option`) reads badly
/// and pulls float formatting into every wasm page that can show an error.
fn span(d: Duration) -> String {
    match d.subsec_millis() {
        0 if d.as_secs() > 0 => format!("{} s", d.as_secs()),
        ms => {
            let total = d
                .as_secs()
                .saturating_mul(1000)
                .saturating_add(u64::from(ms));
            format!("{total} ms")
        }
    }
}

/// The start of an undecodable body, quoted, with control characters (line breaks, tabs) as
/// spaces so the message stays one line; nothing when no body is kept.
fn body_start(snippet: &str) -> String {
    if snippet.is_empty() {
        return String::new();
    }
    let flat: String = snippet
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    format!(" (body starts: “{flat}”)")
}

impl Error {
    /// An [`Error::InvalidInput`] for `field`.
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Error {
        Error::InvalidInput {
            field,
            message: message.into(),
        }
    }

    /// How long the portal asked to wait, for [`Error::RateLimited`].
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::RateLimited { retry_after } => *retry_after,
            _ => None,
        }
    }

    /// The HTTP status behind this error, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::BadRequest { .. } => Some(400),
            Error::Unauthorized { .. } => Some(401),
            Error::Forbidden { .. } => Some(403),
            Error::NotFound { .. } => Some(404),
            Error::ProxyAuthentication { .. } => Some(407),
            Error::RateLimited { .. } => Some(429),
            Error::Server { status, .. } => Some(*status),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn waits_read_in_seconds_or_milliseconds() {
        let limited = |s: Option<Duration>| Error::RateLimited { retry_after: s }.to_string();
        assert_eq!(
            limited(Some(Duration::from_secs(3))),
            "rate limited; retry after 3 s"
        );
        assert_eq!(limited(None), "rate limited");
        let timeout = Error::Timeout(Duration::from_millis(1500)).to_string();
        assert_eq!(timeout, "timed out after 1500 ms");
        assert_eq!(
            Error::Timeout(Duration::ZERO).to_string(),
            "timed out after 0 ms"
        );
    }

    #[test]
    fn an_undecodable_body_is_quoted_on_one_line() {
        let decode = |snippet: &str| {
            Error::Decode {
                message: "expected value".into(),
                snippet: snippet.into(),
            }
            .to_string()
        };
        assert_eq!(
            decode("<html>\n\t<body>"),
            "cannot decode the answer: expected value (body starts: “<html>  <body>”)"
        );
        assert_eq!(decode(""), "cannot decode the answer: expected value");
    }
}
