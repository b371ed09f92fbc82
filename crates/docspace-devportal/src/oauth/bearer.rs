//! The access-token check every bearer request goes through: a signed, live token of an enabled
//! client. Below the endpoints (it needs only the token store and the signing keys), so that the
//! credential checks in `crate::auth` can use it while the endpoints use `auth`.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde_json::Value;

use super::jwt;
use super::store::{self, Authorization, ByColumn};
use crate::envelope::ApiError;

/// The live authorization behind an access token, with its claims: signed by a stored key, not
/// expired, still the authorization's current token, not revoked, its client enabled, all at
/// `now` (the portal's clock).
pub fn access_token(
    conn: &Connection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(Authorization, Value)>, ApiError> {
    let Some(claims) = jwt::verify(conn, token, now)? else {
        return Ok(None);
    };
    if claims["exp"].as_i64().is_none_or(|e| e <= now.timestamp()) {
        return Ok(None);
    }
    let Some(jti) = claims["jti"].as_str() else {
        return Ok(None);
    };
    let Some(a) = store::authorization_by(conn, ByColumn::AccessJti, jti)? else {
        return Ok(None);
    };
    if a.revoked || !store::client(conn, &a.client_id)?.is_some_and(|c| c.enabled) {
        return Ok(None);
    }
    Ok(Some((a, claims)))
}
