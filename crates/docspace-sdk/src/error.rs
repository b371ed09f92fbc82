//! Typed errors of the bridge.

/// What can go wrong when embedding DocSpace.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SdkError {
    /// The portal's `api.js` could not be fetched (wrong URL, portal down, blocked by CSP).
    #[error("the DocSpace SDK script at {url} could not be loaded")]
    ScriptUnreachable {
        /// The script URL.
        url: String,
    },
    /// The script loaded but did not define the SDK.
    #[error("the script at {url} loaded but defined no DocSpace SDK")]
    NoSdk {
        /// The script URL.
        url: String,
    },
    /// Loading took longer than allowed.
    #[error("loading {url} timed out after {millis} ms")]
    LoadTimeout {
        /// The script URL.
        url: String,
        /// The limit.
        millis: u32,
    },
    /// The portal URL is not usable.
    #[error("invalid portal URL `{0}`: expected http(s)://host[:port]")]
    InvalidPortal(String),
    /// There is no browser window (called outside a browser).
    #[error("no browser window")]
    NoWindow,
}
