//! What can go wrong in an OAuth step, as types.

use std::time::Duration;

use super::{MissingScope, Scope};

/// An RFC 6749 §5.2 / §4.1.2.1 error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorCode {
    /// `invalid_request`
    InvalidRequest,
    /// `invalid_client`
    InvalidClient,
    /// `invalid_grant`: a code used twice or expired, a wrong verifier, a spent refresh token.
    InvalidGrant,
    /// `unauthorized_client`
    UnauthorizedClient,
    /// `unsupported_grant_type`
    UnsupportedGrantType,
    /// `unsupported_response_type`
    UnsupportedResponseType,
    /// `invalid_scope`
    InvalidScope,
    /// `access_denied`: the user declined.
    AccessDenied,
    /// Another code.
    Other(String),
}

impl ErrorCode {
    pub(super) fn parse(s: &str) -> ErrorCode {
        match s {
            "invalid_request" => ErrorCode::InvalidRequest,
            "invalid_client" => ErrorCode::InvalidClient,
            "invalid_grant" => ErrorCode::InvalidGrant,
            "unauthorized_client" => ErrorCode::UnauthorizedClient,
            "unsupported_grant_type" => ErrorCode::UnsupportedGrantType,
            "unsupported_response_type" => ErrorCode::UnsupportedResponseType,
            "invalid_scope" => ErrorCode::InvalidScope,
            "access_denied" => ErrorCode::AccessDenied,
            other => ErrorCode::Other(other.to_string()),
        }
    }
}

/// Why an OAuth step failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OAuthError {
    /// The server refused, with its RFC 6749 error.
    #[error("OAuth error {code:?}: {description}")]
    Refused {
        /// The error code.
        code: ErrorCode,
        /// `error_description`, or empty.
        description: String,
        /// HTTP status (0 for an error read from a redirect).
        status: u16,
    },
    /// The redirect's `state` is not the one sent: not this request's answer (CSRF).
    #[error("the redirect's state does not match the request")]
    StateMismatch,
    /// The redirect carries neither `code` nor `error`.
    #[error("the redirect carries no code")]
    NoCode,
    /// A code verifier outside RFC 7636 §4.1 (43–128 unreserved characters).
    #[error("a PKCE code verifier must be 43 to 128 characters of [A-Za-z0-9-._~]")]
    BadVerifier,
    /// No secure random source (a browser without `crypto.getRandomValues`).
    #[error("no secure random source: {0}")]
    NoRandomness(String),
    /// The request did not complete, or the answer was not a token response.
    #[error("token endpoint: {0}")]
    Transport(String),
    /// A redirect came back with no authorization pending here (another tab started it, the
    /// tab's storage was cleared, or it was already answered).
    #[error("no sign-in was started here, or it was already finished; start again")]
    NotStarted,
    /// The pending request could not be kept (storage full or blocked).
    #[error("cannot keep the pending sign-in: {0}")]
    Storage(String),
    /// A refresh was asked for tokens that came without a refresh token (a PKCE-only client):
    /// authorize again instead.
    #[error("no refresh token: authorize again")]
    NoRefreshToken,
    /// The user granted fewer scopes than the caller needs; these are missing.
    #[error("the sign-in did not grant the scopes {0:?}")]
    ScopesNotGranted(Vec<Scope>),
    /// A call the token's scopes do not cover (see [`Scope::check`]).
    #[error(transparent)]
    MissingScope(#[from] MissingScope),
    /// No redirect reached the loopback listener in time (native tools).
    #[error("no redirect arrived within {0:?}")]
    Timeout(Duration),
}
