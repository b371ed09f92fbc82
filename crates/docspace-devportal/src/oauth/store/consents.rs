//! What a user consented to, per client.

use super::Client;
use super::clients::{CLIENT_COLUMNS, client_row};
use rusqlite::{Connection, OptionalExtension, params};

use super::{json_list, list_of};
use crate::envelope::ApiError;

/// The scopes `user` has consented to for `client`.
pub fn consent(conn: &Connection, client: &str, user: &str) -> Result<Vec<String>, ApiError> {
    let s: Option<String> = conn
        .query_row(
            "SELECT scopes FROM oauth_consents WHERE client_id = ?1 AND user_id = ?2",
            [client, user],
            |r| r.get(0),
        )
        .optional()?;
    Ok(s.map(list_of).unwrap_or_default())
}

/// Records (replaces) a consent.
pub fn save_consent(
    conn: &Connection,
    client: &str,
    user: &str,
    scopes: &[String],
    now: &str,
) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO oauth_consents (client_id, user_id, scopes, modified_on) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT(client_id, user_id) DO UPDATE SET scopes = ?3, modified_on = ?4",
        params![client, user, json_list(scopes), now],
    )?;
    Ok(())
}

/// Withdraws a user's consent and ends the authorizations it backed.
pub fn revoke_consent(conn: &Connection, client: &str, user: &str) -> Result<(), ApiError> {
    conn.execute(
        "DELETE FROM oauth_consents WHERE client_id = ?1 AND user_id = ?2",
        [client, user],
    )?;
    conn.execute(
        "UPDATE oauth_authorizations SET revoked = 1 WHERE client_id = ?1 AND user_id = ?2",
        [client, user],
    )?;
    Ok(())
}

/// A user's consents, most recent first: `(client, consented scopes, modified_on)`.
pub fn consents_of(
    conn: &Connection,
    user: &str,
) -> Result<Vec<(Client, Vec<String>, String)>, ApiError> {
    let cols = CLIENT_COLUMNS
        .split(", ")
        .map(|c| format!("c.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT {cols}, o.scopes, o.modified_on FROM oauth_consents o \
         JOIN oauth_clients c ON c.client_id = o.client_id WHERE o.user_id = ?1 \
         ORDER BY o.modified_on DESC, c.client_id"
    ))?;
    let rows = stmt.query_map([user], |r| {
        Ok((client_row(r)?, list_of(r.get(19)?), r.get::<_, String>(20)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
