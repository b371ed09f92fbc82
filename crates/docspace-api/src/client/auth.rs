//! How requests are authenticated: the credentials and the headers that carry them.

use std::fmt;

/// How the client proves who it is. Secrets never show in `Debug` output.
///
/// ```
/// use docspace_api::Auth;
/// let auth = Auth::ApiKey("sk-secret".into());
/// assert_eq!(format!("{auth:?}"), "Auth::ApiKey(<redacted>)");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub enum Auth {
    /// No credentials: anonymous endpoints only.
    None,
    /// An API key, sent as `Authorization: Bearer sk-…`.
    ApiKey(String),
    /// A login token from `POST /api/2.0/authentication`, sent as `Authorization`.
    Token(String),
    /// An OAuth access token (JWT) obtained by the caller, sent as `Authorization: Bearer …`.
    OAuth(String),
    /// The `asc_auth_key` session cookie, sent by the HTTP stack itself: in a browser on the
    /// portal's own origin (fetch sends same-origin cookies; DocSpace's CORS allows none
    /// cross-origin), natively from the client's cookie store after a login.
    Cookie,
    /// A server in front of the portal holds the credential (the `docspace-host` proxy with its
    /// API key). Requests carry [`HOST_KEY_HEADER`]`: 1` instead of a secret: a header that only
    /// a same-origin script can add without a CORS preflight, which the host grants to nobody,
    /// so the host adds its key to its own app's requests and no other page's.
    HostProxy,
}

/// The header that carries an external link's key (`HttpRequestExtensions.RequestTokenHeader`
/// in DocSpace's server).
pub const LINK_KEY_HEADER: &str = "request-token";

/// The header by which an app asks the `docspace-host` proxy to add the key it holds
/// (see [`Auth::HostProxy`]).
pub const HOST_KEY_HEADER: &str = "x-docspace-host-key";

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Auth::None => "Auth::None",
            Auth::ApiKey(_) => "Auth::ApiKey(<redacted>)",
            Auth::Token(_) => "Auth::Token(<redacted>)",
            Auth::OAuth(_) => "Auth::OAuth(<redacted>)",
            Auth::Cookie => "Auth::Cookie",
            Auth::HostProxy => "Auth::HostProxy",
        })
    }
}

impl Auth {
    /// The header that carries this credential, if the client sends one.
    pub fn header(&self) -> Option<(&'static str, String)> {
        match self {
            Auth::None | Auth::Cookie => None,
            Auth::ApiKey(k) | Auth::OAuth(k) => Some(("authorization", format!("Bearer {k}"))),
            Auth::Token(t) => Some(("authorization", t.clone())),
            Auth::HostProxy => Some((HOST_KEY_HEADER, "1".to_string())),
        }
    }
}
