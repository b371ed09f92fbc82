//! `POST /oauth2/token`, `/oauth2/revoke`, `/oauth2/introspect` and `/oauth2/userinfo`.
//!
//! Behaviour of Spring Authorization Server as DocSpace configures it
//! (`AuthorizationServerConfiguration.java`, `ClientMapper.java`,
//! `security/oauth/generator/PrefixedRefreshTokenGenerator.java`):
//! - grants `authorization_code`, `refresh_token` and `personal_access_token` ([`super::pat`]); `client_credentials` is not registered for
//!   any client (`unauthorized_client`), anything else is `unsupported_grant_type`;
//! - client authentication: `client_secret_post` (also `client_secret_basic`), or `none` for a
//!   client that allows PKCE, and then only with a `code_verifier` on the code grant
//!   (Spring's `PublicClientAuthenticationConverter`);
//! - a client authenticated by `none` gets no refresh token (Spring's
//!   `isPublicClientForAuthorizationCodeGrant`); refresh tokens rotate (`reuseRefreshTokens(false)`);
//! - a code used twice ends the tokens issued from it (RFC 6749 §4.1.2);
//! - lifetimes from `application-security.yml`: access token 60 min, code 1 min, refresh 60 days.

mod inspect;
pub(super) mod issuing;

pub use inspect::{introspect, revoke, userinfo};
pub use issuing::OAuthError;
use issuing::{issue, no_store};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use rusqlite::Connection;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::form;
use super::store::{self, ByColumn, Client};
use crate::secrets::hash_secret;
use crate::state::AppState;
use crate::time::parse_db_time;
use chrono::{DateTime, Utc};

/// How the client proved itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClientAuth {
    Secret,
    None,
}

use crate::auth::constant_time_eq;

/// `client_secret_basic` credentials of the `Authorization` header (RFC 6749 §2.3.1).
fn basic(headers: &HeaderMap) -> Option<(String, String)> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, b64) = v.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let raw = base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .ok()?;
    let raw = String::from_utf8(raw).ok()?;
    let (id, secret) = raw.split_once(':')?;
    let dec = |s: &str| {
        form_urlencoded::parse(format!("x={s}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
    };
    Some((dec(id)?, dec(secret)?))
}

fn authenticate(
    conn: &Connection,
    headers: &HeaderMap,
    f: &[(String, String)],
    public_allowed: bool,
) -> Result<(Client, ClientAuth), OAuthError> {
    let posted = (form::one(f, "client_id"), form::one(f, "client_secret"));
    let (id, secret) = match (basic(headers), posted) {
        (Some(_), (_, Some(_))) => {
            return Err(OAuthError::new(
                "invalid_request",
                "Use one client authentication method.",
            ));
        }
        (Some((id, s)), _) => (id, Some(s)),
        (None, (Some(id), s)) => (id, s),
        (None, (None, _)) => {
            return Err(OAuthError::new(
                "invalid_client",
                "Client authentication failed.",
            ));
        }
    };
    let denied = || OAuthError::new("invalid_client", "Client authentication failed.");
    let client = store::client(conn, &id)?
        .filter(|c| c.enabled)
        .ok_or_else(denied)?;
    match secret {
        Some(s) if constant_time_eq(s.as_bytes(), client.client_secret.as_bytes()) => {
            Ok((client, ClientAuth::Secret))
        }
        Some(_) => Err(denied()),
        None if public_allowed && client.allow_pkce => Ok((client, ClientAuth::None)),
        None => Err(denied()),
    }
}

/// `POST /oauth2/token`.
pub async fn token(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let portal = crate::api::portal_url(&headers);
    let f = form::parse(&body);
    let now = state.clock.now();
    let result = state
        .db
        .write(move |tx| Ok(grant(tx, &headers, &f, &portal, now)))
        .await;
    match result {
        Ok(Ok(v)) => no_store(StatusCode::OK, &v),
        Ok(Err(e)) => e.into_response(),
        Err(e) => OAuthError::from(e).into_response(),
    }
}

fn grant(
    conn: &Connection,
    headers: &HeaderMap,
    f: &[(String, String)],
    portal: &str,
    now: DateTime<Utc>,
) -> Result<Value, OAuthError> {
    let grant_type = form::one(f, "grant_type");
    // A client without a secret may authenticate only on the code grant, with a code_verifier.
    let public_allowed = grant_type.as_deref() == Some("authorization_code")
        && form::one(f, "code_verifier").is_some();
    let (client, how) = authenticate(conn, headers, f, public_allowed)?;
    match grant_type.as_deref() {
        Some("authorization_code") => code_grant(conn, f, &client, how, portal, now),
        Some("refresh_token") => refresh_grant(conn, f, &client, portal, now),
        Some("personal_access_token") if how == ClientAuth::Secret => {
            super::pat::grant(conn, headers, f, &client, portal, now)
        }
        Some("client_credentials") => Err(OAuthError::new(
            "unauthorized_client",
            "The client may not use this grant type.",
        )),
        Some(_) => Err(OAuthError::new(
            "unsupported_grant_type",
            "Supported grants: authorization_code, refresh_token, personal_access_token.",
        )),
        None => Err(OAuthError::new("invalid_request", "grant_type is missing.")),
    }
}

fn code_grant(
    conn: &Connection,
    f: &[(String, String)],
    client: &Client,
    how: ClientAuth,
    portal: &str,
    now: DateTime<Utc>,
) -> Result<Value, OAuthError> {
    let invalid = |d: &str| OAuthError::new("invalid_grant", d);
    let code = form::one(f, "code")
        .ok_or_else(|| OAuthError::new("invalid_request", "code is missing."))?;
    let a = store::authorization_by(conn, ByColumn::Code, &hash_secret(&code))?
        .filter(|a| a.client_id == client.client_id)
        .ok_or_else(|| invalid("The authorization code is invalid."))?;
    if a.code_used {
        // RFC 6749 §4.1.2: a second use ends what the first one obtained.
        store::revoke_authorization(conn, &a.id)?;
        return Err(invalid("The authorization code was already used."));
    }
    if a.revoked {
        return Err(invalid("The authorization code is invalid."));
    }
    if a.code_expires
        .as_deref()
        .is_none_or(|e| parse_db_time(e) <= now)
    {
        return Err(invalid("The authorization code has expired."));
    }
    if form::one(f, "redirect_uri").as_deref() != Some(a.redirect_uri.as_str()) {
        return Err(invalid(
            "redirect_uri does not match the authorization request.",
        ));
    }
    match (&a.code_challenge, form::one(f, "code_verifier")) {
        (Some(challenge), Some(verifier)) => {
            let computed = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .encode(Sha256::digest(verifier.as_bytes()));
            if !constant_time_eq(computed.as_bytes(), challenge.as_bytes()) {
                return Err(invalid("code_verifier does not match the code_challenge."));
            }
        }
        (Some(_), None) => return Err(invalid("code_verifier is missing.")),
        (None, _) if how == ClientAuth::None => {
            return Err(invalid("A client without a secret must use PKCE."));
        }
        (None, _) => {}
    }
    store::use_code(conn, &a.id)?;
    issue(
        conn,
        &a,
        client,
        how == ClientAuth::Secret,
        portal,
        &a.scopes,
        now,
    )
}

fn refresh_grant(
    conn: &Connection,
    f: &[(String, String)],
    client: &Client,
    portal: &str,
    now: DateTime<Utc>,
) -> Result<Value, OAuthError> {
    let invalid = || OAuthError::new("invalid_grant", "The refresh token is invalid or expired.");
    let token = form::one(f, "refresh_token")
        .ok_or_else(|| OAuthError::new("invalid_request", "refresh_token is missing."))?;
    let a = store::authorization_by(conn, ByColumn::Refresh, &hash_secret(&token))?
        .filter(|a| a.client_id == client.client_id && !a.revoked)
        .filter(|a| {
            a.refresh_expires
                .as_deref()
                .is_some_and(|e| parse_db_time(e) > now)
        })
        .ok_or_else(invalid)?;
    let asked = form::scopes(f);
    let scopes = if asked.is_empty() {
        a.scopes.clone()
    } else if asked.iter().all(|s| a.scopes.contains(s)) {
        asked
    } else {
        return Err(OAuthError::new(
            "invalid_scope",
            "The scope exceeds the granted scope.",
        ));
    };
    issue(conn, &a, client, true, portal, &scopes, now)
}
