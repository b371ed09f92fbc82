//! The `personal_access_token` grant: a developer token for the signed-in user, issued to an
//! OAuth app that authenticates with its secret, as DocSpace's identity service issues it
//! (`authorization-application/.../security/oauth/converter/PersonalAccessTokenAuthenticationConverter.java`
//! and `.../provider/PersonalAccessTokenAuthenticationProvider.java` under
//! `ONLYOFFICE/DocSpace-server: common/ASC.Identity/authorization/`):
//! - `scope` must be sent exactly once, non-empty and space-delimited (`invalid_request`), and
//!   lie within the app's scopes (`invalid_scope`);
//! - the user is the one whose portal session comes with the request (DocSpace's gateway turns
//!   the session into the `x-signature` the converter reads; here the `asc_auth_key` cookie is
//!   read directly); without one, `unauthorized_client`;
//! - guests may not have one (`access_denied`, "Guests are not allowed to generate personal
//!   access tokens");
//! - the answer is an access token only, with the usual lifetime: no refresh token.

use axum::http::HeaderMap;
use rusqlite::Connection;
use serde_json::Value;

use super::form;
use super::store::{self, Authorization, Client};
use super::token::issuing::{OAuthError, issue};
use crate::auth::{self, Credential};
use crate::secrets::{hash_secret, random_hex};
use crate::time::db_time;
use crate::users::EmployeeType;
use chrono::{DateTime, Utc};

/// Issues a developer token to `client` (already authenticated by its secret).
pub(super) fn grant(
    conn: &Connection,
    headers: &HeaderMap,
    f: &[(String, String)],
    client: &Client,
    portal: &str,
    now: DateTime<Utc>,
) -> Result<Value, OAuthError> {
    let scope = form::one(f, "scope")
        .ok_or_else(|| OAuthError::new("invalid_request", "OAuth 2.0 Parameter: scope"))?;
    let scopes: Vec<String> = form::scopes(&[("scope".to_string(), scope)]);
    let session = auth::cookie_value(headers, auth::AUTH_COOKIE)
        .map(Credential::Token)
        .map(|cred| auth::resolve(conn, &cred, now))
        .transpose()?
        .flatten()
        .ok_or_else(|| OAuthError::new("unauthorized_client", "OAuth 2.0 Parameter: token"))?;
    if session.user.user_type == EmployeeType::Guest {
        return Err(OAuthError::new(
            "access_denied",
            "Guests are not allowed to generate personal access tokens",
        ));
    }
    if !scopes.iter().all(|s| client.scopes.contains(s)) {
        return Err(OAuthError::new(
            "invalid_scope",
            "The requested scope is not allowed for this client.",
        ));
    }
    // The token needs an authorization to belong to (revocation and introspection find it
    // there); it holds no code that could be exchanged.
    let a = Authorization::without_code(
        uuid::Uuid::new_v4().to_string(),
        &client.client_id,
        &session.user.id,
        scopes.clone(),
    );
    store::insert_authorization(conn, &a, &hash_secret(&random_hex(32)), &db_time(now))?;
    issue(conn, &a, client, false, portal, &scopes, now)
}
