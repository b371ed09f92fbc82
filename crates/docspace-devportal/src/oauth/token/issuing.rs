//! What the token endpoint answers: tokens signed and recorded ([`issue`], for every grant,
//! the personal access token's too) and RFC 6749 errors, kept apart from the grants so that
//! each grant can use them without importing the endpoint that dispatches to it.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde_json::{Value, json};

use super::super::store::{self, Authorization, Client};
use super::super::{ACCESS_TTL_SECS, REFRESH_TTL_SECS, TENANT_ID, jwt};
use crate::envelope::ApiError;
use crate::secrets::{hash_secret, random_hex};
use crate::time::db_time;

/// An RFC 6749 §5.2 error.
#[derive(Debug)]
pub struct OAuthError {
    status: StatusCode,
    code: &'static str,
    description: String,
}

impl OAuthError {
    pub(in crate::oauth) fn new(code: &'static str, description: impl Into<String>) -> OAuthError {
        let status = if code == "invalid_client" {
            StatusCode::UNAUTHORIZED
        } else {
            StatusCode::BAD_REQUEST
        };
        OAuthError {
            status,
            code,
            description: description.into(),
        }
    }
}

impl From<ApiError> for OAuthError {
    fn from(e: ApiError) -> OAuthError {
        OAuthError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "server_error",
            description: e.to_string(),
        }
    }
}

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        no_store(
            self.status,
            &json!({"error": self.code, "error_description": self.description}),
        )
    }
}

pub(super) fn no_store(status: StatusCode, body: &Value) -> Response {
    let mut resp = crate::envelope::json_response(status, body);
    let h = resp.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    resp
}

/// Signs an access token (and an id token for `openid`), makes a refresh token when `refresh`,
/// records them as the authorization's current tokens and answers RFC 6749 §5.1.
pub(in crate::oauth) fn issue(
    conn: &Connection,
    a: &Authorization,
    client: &Client,
    refresh: bool,
    portal: &str,
    scopes: &[String],
    now: DateTime<Utc>,
) -> Result<Value, OAuthError> {
    let t = now;
    let exp = t + chrono::Duration::seconds(ACCESS_TTL_SECS);
    let jti = uuid::Uuid::new_v4().to_string();
    let issuer = super::super::issuer(portal);
    // Claims of Spring's JwtGenerator plus DocSpace's `cid` and `tid`
    // (`KeyPairRepositoryJWKSource.java`); `scope` is a JSON array.
    let claims = json!({
        "sub": a.user_id,
        "aud": [portal],
        "nbf": t.timestamp(),
        "scope": scopes,
        "iss": issuer,
        "exp": exp.timestamp(),
        "iat": t.timestamp(),
        "jti": jti,
        "cid": client.client_id,
        "tid": TENANT_ID,
    });
    let access = jwt::sign(conn, &claims, t)?;
    let refresh_token = refresh.then(|| random_hex(48));
    let refresh_expires = db_time(t + chrono::Duration::seconds(REFRESH_TTL_SECS));
    let refresh_hash = refresh_token.as_deref().map(hash_secret);
    store::set_tokens(
        conn,
        &a.id,
        &jti,
        &db_time(exp),
        refresh_hash
            .as_deref()
            .map(|h| (h, refresh_expires.as_str())),
    )?;
    let mut body = json!({
        "access_token": access,
        "token_type": "Bearer",
        "expires_in": ACCESS_TTL_SECS - 1,
        "scope": scopes.join(" "),
    });
    if let Some(r) = refresh_token {
        body["refresh_token"] = json!(r);
    }
    if scopes.iter().any(|s| s == "openid") {
        let mut id = json!({
            "iss": issuer,
            "sub": a.user_id,
            "aud": [client.client_id],
            "azp": client.client_id,
            "iat": t.timestamp(),
            "exp": (t + chrono::Duration::minutes(30)).timestamp(),
            "auth_time": t.timestamp(),
        });
        if let Some(n) = &a.nonce {
            id["nonce"] = json!(n);
        }
        body["id_token"] = json!(jwt::sign(conn, &id, t)?);
    }
    Ok(body)
}
