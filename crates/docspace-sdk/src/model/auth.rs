//! Sign-in values: DocSpace's password-hash parameters, the hash, and the outcome.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::SdkError;

/// The portal's password-hash parameters (`getHashSettings`; PBKDF2-HMAC-SHA256).
///
/// ```
/// use docspace_sdk::HashSettings;
/// let s: HashSettings = serde_json::from_str(r#"{"size":256,"iterations":100000,"salt":"abc"}"#).unwrap();
/// assert_eq!(s.iterations, 100_000);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HashSettings {
    /// Derived key size in bits.
    pub size: u32,
    /// PBKDF2 iterations.
    pub iterations: u32,
    /// The salt (used as a UTF-8 string).
    pub salt: String,
}

/// A password on its way to the frame's `createHash`. Its `Debug` output hides it.
///
/// ```
/// use docspace_sdk::Password;
/// let p = Password::from("hunter2");
/// assert_eq!(format!("{p:?}"), "Password(…)");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// Wraps a password.
    pub fn new(password: impl Into<String>) -> Self {
        Password(password.into())
    }

    /// The password itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(…)")
    }
}

impl<S: Into<String>> From<S> for Password {
    fn from(s: S) -> Self {
        Password::new(s)
    }
}

/// A password hash from `createHash` (hex). It signs in like the password: `Debug` hides it and
/// the bridge never logs it.
///
/// ```
/// use docspace_sdk::PasswordHash;
/// assert_eq!(format!("{:?}", PasswordHash::new("ab12")), "PasswordHash(…)");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHash(String);

impl PasswordHash {
    /// Wraps a hash.
    pub fn new(hash: impl Into<String>) -> Self {
        PasswordHash(hash.into())
    }

    /// The hash itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHash(…)")
    }
}

/// What `login` achieved.
///
/// ```
/// use docspace_sdk::LoginOutcome;
/// let o = LoginOutcome::SignedIn { url: Some("/".into()) };
/// assert!(matches!(o, LoginOutcome::SignedIn { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginOutcome {
    /// Signed in; `url` is the portal's start page for the user.
    SignedIn {
        /// The page DocSpace would open next.
        url: Option<String>,
    },
    /// The account uses two-factor authentication: the user must confirm at `url` (a portal
    /// page) before the session exists.
    SecondFactorRequired {
        /// The confirmation page (a path on the portal).
        url: String,
    },
}

/// What `login` answered: `{url}`, `{url, user, hash}` for a second factor, or an error text.
pub(crate) fn login_outcome(value: Value) -> Result<LoginOutcome, SdkError> {
    match value {
        Value::String(message) => Err(SdkError::LoginFailed {
            message,
            status: None,
        }),
        Value::Object(m) => {
            let url = m.get("url").and_then(Value::as_str).map(str::to_string);
            if m.contains_key("user") || m.contains_key("hash") {
                url.map(|url| LoginOutcome::SecondFactorRequired { url })
                    .ok_or_else(|| SdkError::UnexpectedReply {
                        method: "login".into(),
                        detail: "a second-factor answer without a URL".into(),
                    })
            } else {
                Ok(LoginOutcome::SignedIn { url })
            }
        }
        other => Err(SdkError::UnexpectedReply {
            method: "login".into(),
            detail: format!("unexpected {other}"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn secrets_are_redacted() {
        assert_eq!(format!("{:?}", Password::new("hunter2")), "Password(…)");
        assert_eq!(
            format!("{:?}", PasswordHash::new("abcd")),
            "PasswordHash(…)"
        );
    }

    #[test]
    fn login_answers_map_to_outcomes() {
        assert_eq!(
            login_outcome(json!({"url": "/rooms/shared"})),
            Ok(LoginOutcome::SignedIn {
                url: Some("/rooms/shared".into())
            })
        );
        assert_eq!(
            login_outcome(json!({"url": "/confirm/TfaAuth", "user": "a@b", "hash": "h"})),
            Ok(LoginOutcome::SecondFactorRequired {
                url: "/confirm/TfaAuth".into()
            })
        );
        assert!(matches!(
            login_outcome(json!("User authentication failed")),
            Err(SdkError::LoginFailed { .. })
        ));
    }
}
