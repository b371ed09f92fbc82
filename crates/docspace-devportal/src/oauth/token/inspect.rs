//! What a client may learn or end about a token it holds: revocation (RFC 7009), introspection
//! (RFC 7662) and the OpenID Connect userinfo endpoint.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde_json::{Value, json};

use super::{OAuthError, authenticate, no_store};
use crate::auth::hash_secret;
use crate::envelope::ApiError;
use crate::oauth::bearer::access_token;
use crate::oauth::store::{self, Authorization, ByColumn};
use crate::oauth::{form, jwt};
use crate::state::AppState;
use crate::time::parse_db_time;

/// A token of either kind: the authorization and whether it is the access token.
fn lookup(
    conn: &Connection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(Authorization, bool)>, ApiError> {
    if jwt::looks_like_jwt(token) {
        return Ok(access_token(conn, token, now)?.map(|(a, _)| (a, true)));
    }
    Ok(
        store::authorization_by(conn, ByColumn::Refresh, &hash_secret(token))?
            .filter(|a| !a.revoked)
            .map(|a| (a, false)),
    )
}

/// `POST /oauth2/revoke` (RFC 7009): an unknown token is a success; a token of another client is
/// `invalid_client` (Spring's `OAuth2TokenRevocationAuthenticationProvider`). Revoking a refresh
/// token ends the whole authorization; an access token, only itself.
pub async fn revoke(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let f = form::parse(&body);
    let now = state.clock.now();
    let result = state
        .db
        .write(move |tx| {
            Ok((|| -> Result<(), OAuthError> {
                let (client, _) = authenticate(tx, &headers, &f, false)?;
                let token = form::one(&f, "token")
                    .ok_or_else(|| OAuthError::new("invalid_request", "token is missing."))?;
                if let Some((a, is_access)) = lookup(tx, &token, now)? {
                    if a.client_id != client.client_id {
                        return Err(OAuthError::new(
                            "invalid_client",
                            "The token belongs to another client.",
                        ));
                    }
                    if is_access {
                        store::revoke_access(tx, &a.id)?;
                    } else {
                        store::revoke_authorization(tx, &a.id)?;
                    }
                }
                Ok(())
            })())
        })
        .await;
    match result {
        Ok(Ok(())) => StatusCode::OK.into_response(),
        Ok(Err(e)) => e.into_response(),
        Err(e) => OAuthError::from(e).into_response(),
    }
}

/// `POST /oauth2/introspect` (RFC 7662), for an authenticated client.
pub async fn introspect(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let f = form::parse(&body);
    let portal = crate::api::portal_url(&headers);
    let now = state.clock.now();
    let result = state
        .db
        .read(move |conn| {
            Ok((|| -> Result<Value, OAuthError> {
                let (client, _) = authenticate(conn, &headers, &f, false)?;
                let token = form::one(&f, "token")
                    .ok_or_else(|| OAuthError::new("invalid_request", "token is missing."))?;
                let inactive = json!({"active": false});
                if jwt::looks_like_jwt(&token) {
                    return Ok(match access_token(conn, &token, now)? {
                        Some((a, c)) if a.client_id == client.client_id => json!({
                            "active": true,
                            "sub": c["sub"], "aud": c["aud"], "nbf": c["nbf"], "iss": c["iss"],
                            "exp": c["exp"], "iat": c["iat"], "jti": c["jti"],
                            "scope": a.scopes.join(" "),
                            "client_id": a.client_id,
                            "token_type": "Bearer",
                        }),
                        _ => inactive,
                    });
                }
                Ok(match lookup(conn, &token, now)? {
                    Some((a, false))
                        if a.client_id == client.client_id
                            && a.refresh_expires.as_deref().is_some_and(|e| parse_db_time(e) > now) =>
                    {
                        json!({
                            "active": true,
                            "sub": a.user_id,
                            "scope": a.scopes.join(" "),
                            "client_id": a.client_id,
                            "iss": super::super::issuer(&portal),
                            "exp": a.refresh_expires.as_deref().map(|e| parse_db_time(e).timestamp()),
                        })
                    }
                    _ => inactive,
                })
            })())
        })
        .await;
    match result {
        Ok(Ok(v)) => no_store(StatusCode::OK, &v),
        Ok(Err(e)) => e.into_response(),
        Err(e) => OAuthError::from(e).into_response(),
    }
}

/// `GET /oauth2/userinfo` (OpenID Connect Core §5.3): needs an access token with `openid`.
pub async fn userinfo(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().strip_prefix("Bearer "))
        .map(|t| t.trim().to_string());
    let challenge = |status: StatusCode, v: &'static str| {
        let mut r = status.into_response();
        r.headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static(v));
        r
    };
    let Some(token) = token else {
        return challenge(StatusCode::UNAUTHORIZED, "Bearer");
    };
    let now = state.clock.now();
    let found = state
        .db
        .read(move |c| {
            let Some((a, _)) = access_token(c, &token, now)? else {
                return Ok(None);
            };
            Ok(Some((a.clone(), crate::users::by_id(c, &a.user_id)?)))
        })
        .await;
    match found {
        Ok(Some((a, Some(user)))) if a.scopes.iter().any(|s| s == "openid") => no_store(
            StatusCode::OK,
            &json!({
                "sub": user.id,
                "name": user.display_name(),
                "given_name": user.first_name,
                "family_name": user.last_name,
                "email": user.email,
            }),
        ),
        Ok(Some(_)) => challenge(StatusCode::FORBIDDEN, "Bearer error=\"insufficient_scope\""),
        Ok(None) => challenge(StatusCode::UNAUTHORIZED, "Bearer error=\"invalid_token\""),
        Err(e) => e.into_response(),
    }
}
