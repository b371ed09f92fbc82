//! The calls behind signing in and out: REST login/logout through `docspace-api`, and the frames'
//! session through `docspace-sdk`'s system frame.
//!
//! TEMPORARY (until `api-client` and `sdk-bridge` land their login helpers): these report that
//! sign-in is not available instead of pretending.

use docspace_api::{Client, Error};

use crate::app_config::AppConfig;

/// Logs in with e-mail and password; returns the login token.
pub async fn rest_login(
    _config: &AppConfig,
    _email: &str,
    _password: &str,
) -> Result<String, Error> {
    Err(Error::invalid(
        "sign-in",
        "password sign-in is not available in this build yet",
    ))
}

/// Ends the REST session of `client`.
pub async fn rest_logout(_client: &Client) -> Result<(), Error> {
    Ok(())
}

/// Logs the embedded frames in (the portal's session cookie, set by its own system frame).
pub async fn sign_in_frames(
    _config: &AppConfig,
    _email: &str,
    _password: &str,
) -> Result<(), String> {
    Err("frames sign-in is not available in this build yet".into())
}

/// Logs the embedded frames out.
pub async fn sign_out_frames(_config: &AppConfig) -> Result<(), String> {
    Ok(())
}
