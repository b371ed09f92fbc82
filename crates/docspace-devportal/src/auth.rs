//! Credentials: API keys, login tokens, the `asc_auth_key` cookie and password hashing.
//!
//! Scheme selection follows DocSpace (ONLYOFFICE/DocSpace-server: the policy scheme in `common/ASC.Api.Core/Core/BaseStartup.cs`): `Bearer sk-…` is an API key;
//! any other `Authorization` value (with or without `Bearer `) is a login token; without the header
//! the `asc_auth_key` cookie is read.

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::header::{AUTHORIZATION, COOKIE};
use axum::http::request::Parts;
use rusqlite::{Connection, OptionalExtension};

use crate::db::keys;

use crate::envelope::ApiError;
use crate::state::AppState;
use crate::time::{now, parse_db_time};
use crate::users::{self, User};

/// Name of DocSpace's session cookie.
pub const AUTH_COOKIE: &str = "asc_auth_key";

// The secrets and hashes live in `crate::secrets`, which every layer may use; here for the
// crate's users, who have always found them in `auth`.
pub use crate::secrets::{
    PASSWORD_ITERATIONS, PASSWORD_SIZE_BITS, constant_time_eq, generate_api_key, hash_secret,
    is_api_key, password_hash, random_hex, store_password, verify_password,
};

/// How the caller authenticated.
#[derive(Clone, PartialEq, Eq)]
pub enum AuthKind {
    /// `Authorization: Bearer sk-…`; the key's permissions (None = full access).
    ApiKey {
        /// Key id.
        id: String,
        /// Scopes; `None` means all.
        permissions: Option<Vec<String>>,
        /// Its `lastUsed` is over a minute old and should be refreshed.
        stale_use: bool,
    },
    /// An OAuth2 access token (`crate::oauth`): the client and the granted scopes.
    OAuth {
        /// The client the token was issued to.
        client_id: String,
        /// Granted scopes.
        scopes: Vec<String>,
    },
    /// A login token, as header or cookie; the raw token is kept so logout can revoke it.
    Session {
        /// The token as presented.
        token: String,
    },
}

// Hand-written so a logged caller never shows its token.
impl std::fmt::Debug for AuthKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AuthKind::ApiKey {
                id, permissions, ..
            } => f
                .debug_struct("ApiKey")
                .field("id", id)
                .field("permissions", permissions)
                .finish(),
            AuthKind::Session { .. } => f.write_str("Session"),
            AuthKind::OAuth { client_id, scopes } => f
                .debug_struct("OAuth")
                .field("client_id", client_id)
                .field("scopes", scopes)
                .finish(),
        }
    }
}

impl AuthKind {
    /// The scopes the credential is limited to (`None`: the user's full rights).
    pub fn scopes(&self) -> Option<&[String]> {
        match self {
            AuthKind::ApiKey {
                permissions: Some(p),
                ..
            } => Some(p),
            AuthKind::OAuth { scopes, .. } => Some(scopes),
            _ => None,
        }
    }
}

/// An authenticated request: who, and by what means.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The acting user.
    pub user: User,
    /// The credential used.
    pub kind: AuthKind,
}

impl Caller {
    /// The caller as the permission rules see it: a signed-in user, without a link.
    pub(crate) fn actor(&self) -> crate::permissions::Actor {
        crate::permissions::Actor::signed_in(self.user.clone())
    }
}

/// The credential a request carries, before it is checked.
#[derive(Clone, PartialEq, Eq)]
pub enum Credential {
    /// An API key.
    ApiKey(String),
    /// A login token (header or cookie).
    Token(String),
}

// Hand-written so a logged credential never shows the secret.
impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Credential::ApiKey(_) => f.write_str("ApiKey(..)"),
            Credential::Token(_) => f.write_str("Token(..)"),
        }
    }
}

/// Picks the credential DocSpace would look at.
pub fn credential_of(parts: &Parts) -> Option<Credential> {
    header_credential(parts)
        .or_else(|| cookie_value(&parts.headers, AUTH_COOKIE).map(Credential::Token))
}

/// Whether the credential DocSpace would look at is the `asc_auth_key` cookie (no usable
/// `Authorization` header): the one a browser attaches on its own, so the one a cross-site page
/// could make it send.
pub fn credential_is_cookie(parts: &Parts) -> bool {
    header_credential(parts).is_none() && cookie_value(&parts.headers, AUTH_COOKIE).is_some()
}

/// The credential of the `Authorization` header, if it carries one.
pub fn header_credential(parts: &Parts) -> Option<Credential> {
    if let Some(h) = parts
        .headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    {
        let h = h.trim();
        let token = h.strip_prefix("Bearer ").map(str::trim).unwrap_or(h);
        if token.starts_with("sk-") {
            return Some(Credential::ApiKey(token.to_string()));
        }
        if !token.is_empty() {
            return Some(Credential::Token(token.to_string()));
        }
    }
    None
}

/// Every `name=value` pair of the request's `Cookie` headers.
pub fn cookies(headers: &HeaderMap) -> impl Iterator<Item = (&str, &str)> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
}

/// The value of cookie `name`, if the request has it.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    cookies(headers)
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty())
}

/// Resolves a credential to a caller, or `None` when it is unknown, expired or inactive.
/// `now` is the portal's clock (its state's `clock`), by which OAuth access tokens are checked.
pub fn resolve(
    conn: &Connection,
    cred: &Credential,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<Caller>, ApiError> {
    match cred {
        Credential::ApiKey(key) => resolve_key(conn, key),
        Credential::Token(token) => resolve_token(conn, token, now),
    }
}

fn resolve_key(conn: &Connection, key: &str) -> Result<Option<Caller>, ApiError> {
    if !is_api_key(key) {
        return Ok(None);
    }
    let Some(row) = keys::by_hash(conn, &hash_secret(key))? else {
        return Ok(None);
    };
    if !row.active
        || row
            .expires
            .as_deref()
            .is_some_and(|e| parse_db_time(e) <= now())
    {
        return Ok(None);
    }
    let Some(user) = active_user(conn, &row.user_id)? else {
        return Ok(None);
    };
    let stale = row
        .last_used
        .as_deref()
        .is_none_or(|t| now() - parse_db_time(t) > chrono::Duration::seconds(60));
    let permissions = row
        .permissions
        .filter(|p| !p.is_empty() && !p.iter().any(|s| s == "*"));
    Ok(Some(Caller {
        user,
        kind: AuthKind::ApiKey {
            id: row.id,
            permissions,
            stale_use: stale,
        },
    }))
}

/// The caller an OAuth access token stands for at `now` (`None`: not a live token of an active
/// user).
pub fn bearer_caller(
    conn: &rusqlite::Connection,
    token: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<Caller>, ApiError> {
    let Some((a, _)) = crate::oauth::bearer::access_token(conn, token, now)? else {
        return Ok(None);
    };
    let Some(user) = crate::users::by_id(conn, &a.user_id)?.filter(|u| u.status == 1) else {
        return Ok(None);
    };
    Ok(Some(Caller {
        user,
        kind: AuthKind::OAuth {
            client_id: a.client_id,
            scopes: a.scopes,
        },
    }))
}

fn resolve_token(
    conn: &Connection,
    token: &str,
    clock_now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<Caller>, ApiError> {
    if crate::oauth::jwt::looks_like_jwt(token) {
        return bearer_caller(conn, token, clock_now);
    }
    let row: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT user_id, expires FROM sessions WHERE token_hash = ?1",
            [hash_secret(token)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((user_id, expires)) = row else {
        return Ok(None);
    };
    if expires.is_some_and(|e| parse_db_time(&e) <= now()) {
        return Ok(None);
    }
    Ok(active_user(conn, &user_id)?.map(|user| Caller {
        user,
        kind: AuthKind::Session {
            token: token.to_string(),
        },
    }))
}

fn active_user(conn: &Connection, id: &str) -> Result<Option<User>, ApiError> {
    Ok(users::by_id(conn, id)?.filter(|u| u.status == 1))
}

/// The caller of a request: the one the API middleware resolved, or (for routes outside it, such
/// as the frame pages) resolved here from the request's credential.
pub async fn caller_of(parts: &mut Parts, state: &AppState) -> Result<Option<Caller>, ApiError> {
    if let Some(c) = parts.extensions.get::<Caller>() {
        return Ok(Some(c.clone()));
    }
    let Some(cred) = credential_of(parts) else {
        return Ok(None);
    };
    let now = state.clock.now();
    let caller = state.db.read(move |conn| resolve(conn, &cred, now)).await?;
    if let Some(c) = &caller {
        parts.extensions.insert(c.clone());
    }
    Ok(caller)
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        caller_of(parts, state).await?.ok_or(ApiError::Unauthorized)
    }
}

impl axum::extract::OptionalFromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, Self::Rejection> {
        caller_of(parts, state).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_keys_have_docspace_shape() {
        let k = generate_api_key();
        assert!(is_api_key(&k), "{k}");
        assert!(!is_api_key("sk-123"));
        assert!(!is_api_key(&k.to_uppercase()));
    }

    #[test]
    fn password_hash_matches_known_pbkdf2_vector() {
        // RFC 7914 §11 PBKDF2-HMAC-SHA256 test vector ("passwd", "salt", 1 iteration, 64 bytes).
        let h = password_hash("passwd", "salt", 1, 512);
        assert!(h.starts_with("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"));
    }

    #[test]
    fn stored_passwords_verify_only_with_the_same_hash() {
        let stored = store_password("abc");
        assert!(verify_password("abc", &stored));
        assert!(!verify_password("abd", &stored));
        assert!(!verify_password("abc", "garbage"));
    }

    #[test]
    fn expired_inactive_and_unknown_keys_resolve_to_nobody() {
        use crate::config::{PortalConfig, Seed, Storage};
        use crate::db::{Db, keys};
        let db = Db::open(&Storage::Memory).expect("memory db");
        let cfg = PortalConfig {
            seed: Seed::Empty,
            ..PortalConfig::for_tests()
        };
        let owner = db
            .write_now(|tx| crate::seed::prepare(tx, &cfg))
            .expect("seeded");
        let resolve_key = |k: &str| {
            let cred = Credential::ApiKey(k.to_string());
            db.read_now(|c| resolve(c, &cred, now()))
                .expect("resolves")
                .map(|c| c.user.email)
        };
        assert_eq!(
            resolve_key(&owner.api_key).as_deref(),
            Some("owner@example.com")
        );
        let user_id = db
            .read_now(|c| Ok(users::by_email(c, "owner@example.com")?.map(|u| u.id)))
            .expect("owner")
            .expect("owner exists");
        for (expires, active) in [
            (Some(now() - chrono::Duration::seconds(1)), true),
            (None, false),
        ] {
            let secret = generate_api_key();
            let key = keys::ApiKey {
                id: uuid::Uuid::new_v4().to_string(),
                user_id: user_id.clone(),
                name: "t".into(),
                postfix: secret[secret.len() - 4..].to_string(),
                permissions: None,
                created: crate::time::db_time(now()),
                expires: expires.map(crate::time::db_time),
                last_used: None,
                active,
            };
            db.write_now(|tx| keys::insert(tx, &key, &hash_secret(&secret)))
                .expect("stored");
            assert_eq!(
                resolve_key(&secret),
                None,
                "expires {expires:?} active {active}"
            );
        }
        assert_eq!(resolve_key(&generate_api_key()), None);
    }
}
