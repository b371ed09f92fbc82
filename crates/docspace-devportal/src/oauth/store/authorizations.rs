//! Grants: a code, then the access and refresh tokens issued from it.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{json_list, list_of};
use crate::envelope::ApiError;

/// One grant: the code, then the access and refresh tokens issued from it.
#[derive(Debug, Clone)]
pub struct Authorization {
    /// Row id.
    pub id: String,
    /// Client.
    pub client_id: String,
    /// User.
    pub user_id: String,
    /// Granted scopes.
    pub scopes: Vec<String>,
    /// The redirect URI the code was sent to.
    pub redirect_uri: String,
    /// Code expiry (stored form).
    pub code_expires: Option<String>,
    /// Whether the code was exchanged.
    pub code_used: bool,
    /// PKCE S256 challenge.
    pub code_challenge: Option<String>,
    /// OIDC nonce.
    pub nonce: Option<String>,
    /// Refresh token expiry (stored form).
    pub refresh_expires: Option<String>,
    /// Revoked as a whole.
    pub revoked: bool,
}

impl Authorization {
    /// A grant that holds no code that could be exchanged (a personal access token's): only the
    /// tokens issued for it.
    pub fn without_code(id: String, client_id: &str, user_id: &str, scopes: Vec<String>) -> Self {
        Authorization {
            id,
            client_id: client_id.into(),
            user_id: user_id.into(),
            scopes,
            redirect_uri: String::new(),
            code_expires: None,
            code_used: true,
            code_challenge: None,
            nonce: None,
            refresh_expires: None,
            revoked: false,
        }
    }
}

const AUTH_COLUMNS: &str = "id, client_id, user_id, scopes, redirect_uri, code_expires, code_used, \
     code_challenge, nonce, refresh_expires, revoked";

fn auth_row(r: &Row<'_>) -> rusqlite::Result<Authorization> {
    Ok(Authorization {
        id: r.get(0)?,
        client_id: r.get(1)?,
        user_id: r.get(2)?,
        scopes: list_of(r.get(3)?),
        redirect_uri: r.get(4)?,
        code_expires: r.get(5)?,
        code_used: r.get(6)?,
        code_challenge: r.get(7)?,
        nonce: r.get(8)?,
        refresh_expires: r.get(9)?,
        revoked: r.get(10)?,
    })
}

/// Stores a new authorization holding a code.
pub fn insert_authorization(
    conn: &Connection,
    a: &Authorization,
    code_hash: &str,
    now: &str,
) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO oauth_authorizations (id, client_id, user_id, scopes, redirect_uri, code_hash, \
         code_expires, code_challenge, nonce, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            a.id,
            a.client_id,
            a.user_id,
            json_list(&a.scopes),
            a.redirect_uri,
            code_hash,
            a.code_expires,
            a.code_challenge,
            a.nonce,
            now
        ],
    )?;
    Ok(())
}

/// The authorization a column (`code_hash`, `access_jti`, `refresh_hash`) points at.
pub fn authorization_by(
    conn: &Connection,
    column: ByColumn,
    value: &str,
) -> Result<Option<Authorization>, ApiError> {
    let col = match column {
        ByColumn::Code => "code_hash",
        ByColumn::AccessJti => "access_jti",
        ByColumn::Refresh => "refresh_hash",
    };
    Ok(conn
        .query_row(
            &format!("SELECT {AUTH_COLUMNS} FROM oauth_authorizations WHERE {col} = ?1"),
            [value],
            auth_row,
        )
        .optional()?)
}

/// Which token an authorization is looked up by.
#[derive(Debug, Clone, Copy)]
pub enum ByColumn {
    /// Authorization code hash.
    Code,
    /// Access token `jti`.
    AccessJti,
    /// Refresh token hash.
    Refresh,
}

/// Marks the code used.
pub fn use_code(conn: &Connection, id: &str) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE oauth_authorizations SET code_used = 1 WHERE id = ?1",
        [id],
    )?;
    Ok(())
}

/// Records the tokens now current for an authorization (the previous ones stop working).
pub fn set_tokens(
    conn: &Connection,
    id: &str,
    jti: &str,
    access_expires: &str,
    refresh: Option<(&str, &str)>,
) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE oauth_authorizations SET access_jti = ?2, access_expires = ?3, refresh_hash = ?4, \
         refresh_expires = ?5 WHERE id = ?1",
        params![
            id,
            jti,
            access_expires,
            refresh.map(|r| r.0),
            refresh.map(|r| r.1)
        ],
    )?;
    Ok(())
}

/// Ends the current access token only.
pub fn revoke_access(conn: &Connection, id: &str) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE oauth_authorizations SET access_jti = NULL, access_expires = NULL WHERE id = ?1",
        [id],
    )?;
    Ok(())
}

/// Ends the whole authorization (code, access and refresh token).
pub fn revoke_authorization(conn: &Connection, id: &str) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE oauth_authorizations SET revoked = 1 WHERE id = ?1",
        [id],
    )?;
    Ok(())
}
