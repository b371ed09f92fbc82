//! Registered clients.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use super::{json_list, list_of};
use crate::envelope::ApiError;

/// A registered client.
#[derive(Debug, Clone)]
pub struct Client {
    /// `client_id` (a GUID).
    pub client_id: String,
    /// `client_secret`.
    pub client_secret: String,
    /// Display name.
    pub name: String,
    /// Description.
    pub description: String,
    /// `data:image/...;base64,` logo.
    pub logo: String,
    /// Website.
    pub website_url: String,
    /// Terms of service.
    pub terms_url: String,
    /// Privacy policy.
    pub policy_url: String,
    /// Registered redirect URIs (exact match).
    pub redirect_uris: Vec<String>,
    /// Allowed CORS origins.
    pub allowed_origins: Vec<String>,
    /// Where to go after logout.
    pub logout_redirect_uri: String,
    /// Scopes the client may ask for.
    pub scopes: Vec<String>,
    /// Whether the client may authenticate with PKCE alone (auth method `none`).
    pub allow_pkce: bool,
    /// DocSpace's visibility flag (`/public/info`), not the OAuth notion.
    pub is_public: bool,
    /// Active (`PATCH /clients/{id}/activation`).
    pub enabled: bool,
    /// Creation time (stored form).
    pub created_on: String,
    /// Creator's user id.
    pub created_by: String,
    /// Last change (stored form).
    pub modified_on: String,
    /// Last editor's user id.
    pub modified_by: String,
}

impl Client {
    /// `authentication_methods` as DocSpace lists them: `client_secret_post`, plus `none` when PKCE
    /// is allowed (`AuthenticationMethod.java`, `ClientUpdateCommandHandler.java` in
    /// `ONLYOFFICE/DocSpace-server: common/ASC.Identity/`).
    pub fn authentication_methods(&self) -> Vec<&'static str> {
        if self.allow_pkce {
            vec!["client_secret_post", "none"]
        } else {
            vec!["client_secret_post"]
        }
    }
}

pub(super) const CLIENT_COLUMNS: &str = "client_id, client_secret, name, description, logo, website_url, terms_url, policy_url, \
     redirect_uris, allowed_origins, logout_redirect_uri, scopes, allow_pkce, is_public, enabled, \
     created_on, created_by, modified_on, modified_by";

pub(super) fn client_row(r: &Row<'_>) -> rusqlite::Result<Client> {
    Ok(Client {
        client_id: r.get(0)?,
        client_secret: r.get(1)?,
        name: r.get(2)?,
        description: r.get(3)?,
        logo: r.get(4)?,
        website_url: r.get(5)?,
        terms_url: r.get(6)?,
        policy_url: r.get(7)?,
        redirect_uris: list_of(r.get(8)?),
        allowed_origins: list_of(r.get(9)?),
        logout_redirect_uri: r.get(10)?,
        scopes: list_of(r.get(11)?),
        allow_pkce: r.get(12)?,
        is_public: r.get(13)?,
        enabled: r.get(14)?,
        created_on: r.get(15)?,
        created_by: r.get(16)?,
        modified_on: r.get(17)?,
        modified_by: r.get(18)?,
    })
}

/// A client's values in [`CLIENT_COLUMNS`] order, bound as `?1`…`?19` by both the insert and the
/// update (which names only the columns it changes).
fn client_values(c: &Client) -> [Value; 19] {
    [
        c.client_id.clone().into(),
        c.client_secret.clone().into(),
        c.name.clone().into(),
        c.description.clone().into(),
        c.logo.clone().into(),
        c.website_url.clone().into(),
        c.terms_url.clone().into(),
        c.policy_url.clone().into(),
        json_list(&c.redirect_uris).into(),
        json_list(&c.allowed_origins).into(),
        c.logout_redirect_uri.clone().into(),
        json_list(&c.scopes).into(),
        c.allow_pkce.into(),
        c.is_public.into(),
        c.enabled.into(),
        c.created_on.clone().into(),
        c.created_by.clone().into(),
        c.modified_on.clone().into(),
        c.modified_by.clone().into(),
    ]
}

/// Stores a new client.
pub fn insert_client(conn: &Connection, c: &Client) -> Result<(), ApiError> {
    conn.execute(
        &format!(
            "INSERT INTO oauth_clients ({CLIENT_COLUMNS}) VALUES \
             (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"
        ),
        params_from_iter(client_values(c)),
    )?;
    Ok(())
}

/// Rewrites the mutable fields of a client.
pub fn update_client(conn: &Connection, c: &Client) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE oauth_clients SET client_secret = ?2, name = ?3, description = ?4, logo = ?5, \
         allowed_origins = ?10, allow_pkce = ?13, is_public = ?14, enabled = ?15, \
         modified_on = ?18, modified_by = ?19 WHERE client_id = ?1",
        params_from_iter(client_values(c)),
    )?;
    Ok(())
}

/// The client with this id.
pub fn client(conn: &Connection, client_id: &str) -> Result<Option<Client>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {CLIENT_COLUMNS} FROM oauth_clients WHERE client_id = ?1"),
            [client_id],
            client_row,
        )
        .optional()?)
}

/// One keyset page of clients (those `creator` made, or all), newest first, after
/// `(last_created_on, last_client_id)`.
pub fn clients_page(
    conn: &Connection,
    creator: Option<&str>,
    after: Option<(&str, &str)>,
    limit: i64,
) -> Result<Vec<Client>, ApiError> {
    let (on, id) = after.unwrap_or(("\u{10FFFF}", ""));
    let mut stmt = conn.prepare(&format!(
        "SELECT {CLIENT_COLUMNS} FROM oauth_clients WHERE (?1 IS NULL OR created_by = ?1) \
         AND (created_on < ?2 OR (created_on = ?2 AND client_id < ?3)) \
         ORDER BY created_on DESC, client_id DESC LIMIT ?4"
    ))?;
    let id = if after.is_some() { id } else { "\u{10FFFF}" };
    let rows = stmt.query_map(params![creator, on, id, limit], client_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Deletes a client (its consents, requests and authorizations go with it).
pub fn delete_client(conn: &Connection, client_id: &str) -> Result<bool, ApiError> {
    Ok(conn.execute(
        "DELETE FROM oauth_clients WHERE client_id = ?1",
        [client_id],
    )? > 0)
}

/// Deletes every client a user registered; returns how many.
pub fn delete_clients_of(conn: &Connection, user: &str) -> Result<usize, ApiError> {
    Ok(conn.execute("DELETE FROM oauth_clients WHERE created_by = ?1", [user])?)
}

/// A confidential client with `files:read` and nothing else set, made by `creator` now: the
/// fixture of the unit tests that need a registered client.
#[cfg(test)]
pub fn test_client(client_id: &str, creator: &str) -> Client {
    let t = crate::time::db_time(crate::time::now());
    Client {
        client_id: client_id.into(),
        client_secret: "s".into(),
        name: "app".into(),
        description: String::new(),
        logo: String::new(),
        website_url: String::new(),
        terms_url: String::new(),
        policy_url: String::new(),
        redirect_uris: vec![],
        allowed_origins: vec![],
        logout_redirect_uri: String::new(),
        scopes: vec!["files:read".into()],
        allow_pkce: false,
        is_public: false,
        enabled: true,
        created_on: t.clone(),
        created_by: creator.into(),
        modified_on: t,
        modified_by: creator.into(),
    }
}
