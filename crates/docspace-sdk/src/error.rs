//! Typed errors of the bridge.
//!
//! Every failure a caller can meet has its own variant: loading the script, the pre-flight checks
//! that explain why a frame cannot work, the frame's life, and each method call.
//! [`SdkError::diagnosis`](crate::diagnostics::Diagnosis) turns one into a message for people.

use crate::config::Mode;

/// What can go wrong when embedding DocSpace.
///
/// ```
/// use docspace_sdk::SdkError;
///
/// let err = SdkError::Timeout { method: "getFiles".into(), millis: 15_000 };
/// assert_eq!(err.to_string(), "getFiles got no answer from the frame within 15000 ms");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SdkError {
    /// The portal's `api.js` could not be fetched (wrong URL, portal down, blocked by the page's
    /// own Content-Security-Policy).
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
    /// Nothing answers at the portal's address (down, wrong address, or blocked by CORS).
    #[error("cannot reach the portal at {portal}: {detail}")]
    PortalUnreachable {
        /// The portal origin.
        portal: String,
        /// What the browser reported.
        detail: String,
    },
    /// Something answers at the portal's address, but not as a DocSpace portal does.
    #[error("{portal} does not answer like a DocSpace portal: {detail}")]
    NotAPortal {
        /// The portal origin.
        portal: String,
        /// What was wrong with the answer.
        detail: String,
    },
    /// The page's origin is not in the portal's list of sites allowed to embed it
    /// (`GET /api/2.0/security/csp`), so the browser would refuse the frames.
    #[error(
        "{origin} is not allowed to embed {portal}: add it to the portal's JavaScript SDK allowed domains"
    )]
    CspOriginMissing {
        /// This page's origin, exactly as it must be listed.
        origin: String,
        /// The portal origin.
        portal: String,
        /// The domains the portal lists.
        allowed: Vec<String>,
    },
    /// An HTTPS page cannot load an HTTP portal: browsers block mixed content.
    #[error("mixed content: the HTTPS page {page} cannot embed the HTTP portal {portal}")]
    MixedContent {
        /// This page's origin.
        page: String,
        /// The portal origin.
        portal: String,
    },
    /// `api.js` refused to create the frame.
    #[error("the SDK could not create the frame: {0}")]
    MountFailed(String),
    /// The frame loaded but never completed DocSpace's handshake.
    #[error("the {mode} frame at {url} did not report ready within {millis} ms")]
    FrameNotReady {
        /// The mode.
        mode: Mode,
        /// The page the frame loaded.
        url: String,
        /// The limit.
        millis: u32,
    },
    /// The frame was destroyed (unmounted, or re-created for a new config) before the operation
    /// finished.
    #[error("the frame was destroyed")]
    Destroyed,
    /// A method got no answer in time. Later calls are not blocked by it.
    #[error("{method} got no answer from the frame within {millis} ms")]
    Timeout {
        /// The method.
        method: String,
        /// The limit.
        millis: u32,
    },
    /// The frame's page does not implement the method ("Wrong method for this mode").
    #[error("{method} is not available in {mode} mode")]
    WrongMode {
        /// The method.
        method: String,
        /// The frame's mode.
        mode: Mode,
    },
    /// The frame answered with an error (a serialized exception or failed REST call).
    #[error("{method} failed in the frame: {message}")]
    Frame {
        /// The method.
        method: String,
        /// The error's message, or a description when the frame sent none.
        message: String,
        /// The HTTP status of the failed REST call, when there was one.
        status: Option<u16>,
    },
    /// The frame answered with data of an unexpected shape.
    #[error("{method} answered with unexpected data: {detail}")]
    UnexpectedReply {
        /// The method or event.
        method: String,
        /// What did not fit.
        detail: String,
    },
    /// The portal refused the credentials.
    #[error("sign-in failed: {message}")]
    LoginFailed {
        /// The portal's message.
        message: String,
        /// The HTTP status, when known.
        status: Option<u16>,
    },
    /// An argument was rejected before anything was sent.
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
    /// The SDK or the frame reported an application error (`onAppError`).
    #[error("DocSpace reported an error: {0}")]
    App(String),
}

impl SdkError {
    /// Whether trying again later may help (the portal was down, slow or still starting).
    ///
    /// ```
    /// use docspace_sdk::SdkError;
    /// assert!(SdkError::Timeout { method: "getFiles".into(), millis: 1 }.is_transient());
    /// assert!(!SdkError::InvalidPortal("x".into()).is_transient());
    /// ```
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            SdkError::ScriptUnreachable { .. }
                | SdkError::LoadTimeout { .. }
                | SdkError::PortalUnreachable { .. }
                | SdkError::FrameNotReady { .. }
                | SdkError::Timeout { .. }
        )
    }
}
