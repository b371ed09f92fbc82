//! What to tell people when a frame cannot work: what is wrong and how to fix it.

use crate::error::SdkError;

/// A problem explained for the person embedding DocSpace.
///
/// ```
/// use docspace_sdk::SdkError;
/// let d = SdkError::PortalUnreachable { portal: "http://127.0.0.1:9".into(), detail: "refused".into() }.diagnosis();
/// assert_eq!(d.title, "Cannot reach the DocSpace portal");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    /// One line: what is wrong.
    pub title: String,
    /// The facts behind it.
    pub detail: String,
    /// What to do about it.
    pub fix: String,
}

impl SdkError {
    /// Explains the error for people.
    ///
    /// ```
    /// use docspace_sdk::SdkError;
    /// let d = SdkError::CspOriginMissing {
    ///     origin: "http://127.0.0.1:3000".into(),
    ///     portal: "https://docs.example.com".into(),
    ///     allowed: vec!["http://127.0.0.1".into()],
    /// }
    /// .diagnosis();
    /// assert!(d.fix.contains("http://127.0.0.1:3000"));
    /// ```
    pub fn diagnosis(&self) -> Diagnosis {
        let d = |title: &str, detail: String, fix: String| Diagnosis {
            title: title.to_string(),
            detail,
            fix,
        };
        match self {
            SdkError::PortalUnreachable { portal, detail } => d(
                "Cannot reach the DocSpace portal",
                format!("Nothing answered at {portal} ({detail})."),
                format!(
                    "Check that the portal address is right and the portal is running, and that \
                     this browser can open {portal}."
                ),
            ),
            SdkError::NotAPortal { portal, detail } => d(
                "This address is not a DocSpace portal",
                format!("{portal} answered, but not like DocSpace: {detail}."),
                "Use the portal's own address (scheme, host and port, no path), e.g. \
                 https://yourname.onlyoffice.com."
                    .into(),
            ),
            SdkError::ScriptUnreachable { url } => d(
                "The DocSpace SDK script did not load",
                format!("The browser could not load {url}."),
                "Open that URL in the browser: the portal must serve this SDK version. If it \
                 opens, this page's own Content-Security-Policy must allow scripts from the \
                 portal (script-src)."
                    .into(),
            ),
            SdkError::NoSdk { url } => d(
                "The script is not the DocSpace SDK",
                format!("{url} loaded but defined no DocSpace.SDK."),
                "Check the portal address and the SDK version; a proxy or error page may be \
                 answering instead of the portal."
                    .into(),
            ),
            SdkError::LoadTimeout { url, millis } => d(
                "The DocSpace SDK script is too slow",
                format!("{url} did not finish loading in {} s.", millis / 1000),
                "Check the network and the portal's load, then try again.".into(),
            ),
            SdkError::CspOriginMissing {
                origin,
                portal,
                allowed,
            } => d(
                "This site is not allowed to embed the portal",
                format!(
                    "{portal} allows embedding only from: {}. This page is {origin}.",
                    if allowed.is_empty() {
                        "no site".to_string()
                    } else {
                        allowed.join(", ")
                    }
                ),
                format!(
                    "As a DocSpace admin, add {origin} exactly (scheme, host and port) under \
                     Developer Tools → JavaScript SDK, or send it with POST /api/2.0/security/csp."
                ),
            ),
            SdkError::MixedContent { page, portal } => d(
                "An HTTPS page cannot embed an HTTP portal",
                format!(
                    "This page is {page}; the portal is {portal}. Browsers block it as mixed content."
                ),
                "Serve the portal over HTTPS (or, in development, the page over HTTP).".into(),
            ),
            SdkError::FrameNotReady { mode, url, millis } => d(
                "DocSpace did not start in the frame",
                format!(
                    "The {} at {url} loaded but did not complete the SDK handshake in {} s.",
                    mode.label(),
                    millis / 1000
                ),
                "Open the URL in a new tab: a sign-in page means there is no session (sign in \
                 through the system frame); an error page names the problem. If the browser \
                 blocks third-party cookies, host the portal on the same site as this page."
                    .into(),
            ),
            SdkError::InvalidPortal(p) => d(
                "The portal address is not valid",
                format!("`{p}` is not an origin."),
                "Give the portal as http(s)://host[:port], without a path.".into(),
            ),
            other => d(
                "DocSpace reported a problem",
                other.to_string(),
                "Try again; if it persists, check the portal's status.".into(),
            ),
        }
    }
}
