//! Authorization requests waiting on the consent page.

use rusqlite::{Connection, OptionalExtension, params};

use super::{json_list, list_of};
use crate::envelope::ApiError;

/// An authorization request waiting on the consent page.
#[derive(Debug, Clone)]
pub struct PendingRequest {
    /// Client.
    pub client_id: String,
    /// The signed-in user it was shown to.
    pub user_id: String,
    /// The exact redirect URI.
    pub redirect_uri: String,
    /// Requested scopes.
    pub scopes: Vec<String>,
    /// The client's `state`, echoed on the redirect.
    pub client_state: Option<String>,
    /// PKCE S256 challenge.
    pub code_challenge: Option<String>,
    /// OIDC nonce.
    pub nonce: Option<String>,
    /// Expiry (stored form).
    pub expires: String,
}

/// Stores a pending request under the hash of the consent form's `state`.
pub fn insert_request(
    conn: &Connection,
    state_hash: &str,
    r: &PendingRequest,
) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO oauth_requests (state_hash, client_id, user_id, redirect_uri, scopes, client_state, \
         code_challenge, nonce, expires) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            state_hash,
            r.client_id,
            r.user_id,
            r.redirect_uri,
            json_list(&r.scopes),
            r.client_state,
            r.code_challenge,
            r.nonce,
            r.expires
        ],
    )?;
    Ok(())
}

/// Takes (reads and deletes) a pending request: a consent form posts once.
pub fn take_request(
    conn: &Connection,
    state_hash: &str,
) -> Result<Option<PendingRequest>, ApiError> {
    let r = conn
        .query_row(
            "SELECT client_id, user_id, redirect_uri, scopes, client_state, code_challenge, nonce, expires \
             FROM oauth_requests WHERE state_hash = ?1",
            [state_hash],
            |r| {
                Ok(PendingRequest {
                    client_id: r.get(0)?,
                    user_id: r.get(1)?,
                    redirect_uri: r.get(2)?,
                    scopes: list_of(r.get(3)?),
                    client_state: r.get(4)?,
                    code_challenge: r.get(5)?,
                    nonce: r.get(6)?,
                    expires: r.get(7)?,
                })
            },
        )
        .optional()?;
    conn.execute(
        "DELETE FROM oauth_requests WHERE state_hash = ?1",
        [state_hash],
    )?;
    Ok(r)
}
