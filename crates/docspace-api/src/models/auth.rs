//! Sign-in: portal settings, password-hash parameters, login tokens (ONLYOFFICE/DocSpace-server: `web/ASC.Web.Api/Api/AuthenticationController.cs`, `PasswordHasher.cs`).

use serde::{Deserialize, Serialize};

use super::common::Secret;
use super::datetime::ApiDateTime;

/// How the portal hashes passwords on the client: PBKDF2-HMAC-SHA256 with the UTF-8 bytes of
/// `salt`, `iterations` rounds, `size` bits of output.
///
/// ```
/// let p: docspace_api::models::PasswordHashParams =
///     serde_json::from_str(r#"{"size":256,"iterations":100000,"salt":"ab12"}"#)?;
/// assert_eq!(p.iterations, 100_000);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordHashParams {
    /// Output size in bits (256).
    #[serde(default = "default_size")]
    pub size: u32,
    /// PBKDF2 rounds (100 000).
    pub iterations: u32,
    /// The salt string (its UTF-8 bytes are the salt).
    pub salt: String,
}

fn default_size() -> u32 {
    256
}

/// The portal's public settings (`SettingsDto`, the fields a client needs).
///
/// ```
/// let s: docspace_api::models::Settings = serde_json::from_str(
///     r#"{"culture":"en-US","timezone":"UTC","passwordHash":{"size":256,"iterations":100000,"salt":"ab"}}"#)?;
/// assert!(s.password_hash.is_some());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Default language.
    #[serde(default)]
    pub culture: Option<String>,
    /// Time zone id.
    #[serde(default)]
    pub timezone: Option<String>,
    /// Offset of the time zone from UTC (`"03:00:00"`).
    #[serde(default)]
    pub utc_offset: Option<String>,
    /// Offset in hours.
    #[serde(default)]
    pub utc_hours_offset: Option<f64>,
    /// Greeting title of the portal.
    #[serde(default)]
    pub greeting_settings: Option<String>,
    /// The owner's GUID.
    #[serde(default)]
    pub owner_id: Option<String>,
    /// Password hashing parameters (present for anonymous callers).
    #[serde(default)]
    pub password_hash: Option<PasswordHashParams>,
    /// Whether the caller is authenticated.
    #[serde(default)]
    pub is_authenticated: Option<bool>,
    /// Server version.
    #[serde(default)]
    pub version: Option<String>,
    /// The portal's tenant alias.
    #[serde(default)]
    pub tenant_alias: Option<String>,
    /// The portal's status.
    #[serde(default)]
    pub tenant_status: Option<i32>,
}

/// What `POST /api/2.0/authentication` answers (`AuthenticationTokenDto`).
///
/// The token is a [`Secret`]: it never shows in `Debug` output.
///
/// ```
/// let t: docspace_api::models::AuthToken = serde_json::from_str(
///     r#"{"token":"abc","expires":"2027-01-01T12:00:00.0000000+03:00"}"#)?;
/// assert_eq!(t.token.as_ref().map(|s| s.expose()), Some("abc"));
/// assert!(!format!("{t:?}").contains("abc"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthToken {
    /// The login token (absent while a second factor is pending).
    #[serde(default)]
    pub token: Option<Secret>,
    /// When the token expires (absent for browser-session logins).
    #[serde(default)]
    pub expires: Option<ApiDateTime>,
    /// A code was sent by SMS.
    #[serde(default)]
    pub sms: Option<bool>,
    /// The masked phone number the SMS went to.
    #[serde(default)]
    pub phone_noise: Option<String>,
    /// A TOTP code is required.
    #[serde(default)]
    pub tfa: Option<bool>,
    /// Key to set up the authenticator app.
    #[serde(default)]
    pub tfa_key: Option<Secret>,
    /// Where to confirm the second factor.
    #[serde(default)]
    pub confirm_url: Option<String>,
}

impl AuthToken {
    /// Whether the portal wants a second factor before it issues a token.
    pub fn needs_second_factor(&self) -> bool {
        self.token.is_none() && (self.tfa == Some(true) || self.sms == Some(true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_decode_with_and_without_hash() {
        let s: Settings = serde_json::from_str(
            r#"{"culture":"en-US","timezone":"UTC","utcOffset":"00:00:00","utcHoursOffset":0,
               "greetingSettings":"Portal","ownerId":"u","passwordHash":{"size":256,"iterations":100000,"salt":"5a"},
               "version":"3.7.0","futureField":[1,2]}"#,
        )
        .unwrap();
        let p = s.password_hash.unwrap();
        assert_eq!(
            (p.size, p.iterations, p.salt.as_str()),
            (256, 100_000, "5a")
        );
        let s: Settings = serde_json::from_str("{}").unwrap();
        assert!(s.password_hash.is_none());
        let p: PasswordHashParams =
            serde_json::from_str(r#"{"iterations":10,"salt":"x"}"#).unwrap();
        assert_eq!(p.size, 256);
    }

    #[test]
    fn tokens_decode_and_second_factor_is_detected() {
        let t: AuthToken = serde_json::from_str(r#"{"token":"t","expires":null}"#).unwrap();
        assert!(!t.needs_second_factor());
        assert!(t.expires.is_none());
        let t: AuthToken =
            serde_json::from_str(r#"{"tfa":true,"confirmUrl":"http://p/confirm"}"#).unwrap();
        assert!(t.needs_second_factor());
    }
}
