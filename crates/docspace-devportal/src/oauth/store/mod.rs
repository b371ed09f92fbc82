//! OAuth2 tables: registered clients, consents, pending consent requests, authorizations and the
//! signing keys. Codes and refresh tokens are kept only as SHA-256 hashes; the client secret is
//! kept as issued because DocSpace shows it again on the client's page (`client_secret` in
//! `ClientResponse`, `ONLYOFFICE/DocSpace-server:
//! common/ASC.Identity/common/common-core/common-service/.../transfer/response/ClientResponse.java`).

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::envelope::ApiError;

/// Migration 4 (appended to `db::migrations`).
pub const MIGRATION: &str = r#"
    CREATE TABLE oauth_clients (
        client_id TEXT PRIMARY KEY,
        client_secret TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        logo TEXT NOT NULL,
        website_url TEXT NOT NULL,
        terms_url TEXT NOT NULL,
        policy_url TEXT NOT NULL,
        redirect_uris TEXT NOT NULL,
        allowed_origins TEXT NOT NULL,
        logout_redirect_uri TEXT NOT NULL,
        scopes TEXT NOT NULL,
        allow_pkce INTEGER NOT NULL,
        is_public INTEGER NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1,
        created_on TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        modified_on TEXT NOT NULL,
        modified_by TEXT NOT NULL
    );
    CREATE INDEX oauth_clients_owner ON oauth_clients(created_by, created_on, client_id);
    CREATE TABLE oauth_consents (
        client_id TEXT NOT NULL REFERENCES oauth_clients(client_id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        scopes TEXT NOT NULL,
        modified_on TEXT NOT NULL,
        PRIMARY KEY (client_id, user_id)
    );
    CREATE TABLE oauth_requests (
        state_hash TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES oauth_clients(client_id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        redirect_uri TEXT NOT NULL,
        scopes TEXT NOT NULL,
        client_state TEXT,
        code_challenge TEXT,
        nonce TEXT,
        expires TEXT NOT NULL
    );
    CREATE TABLE oauth_authorizations (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES oauth_clients(client_id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        scopes TEXT NOT NULL,
        redirect_uri TEXT NOT NULL,
        code_hash TEXT UNIQUE,
        code_expires TEXT,
        code_used INTEGER NOT NULL DEFAULT 0,
        code_challenge TEXT,
        nonce TEXT,
        access_jti TEXT UNIQUE,
        access_expires TEXT,
        refresh_hash TEXT UNIQUE,
        refresh_expires TEXT,
        revoked INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL
    );
    CREATE INDEX oauth_authorizations_user ON oauth_authorizations(user_id, client_id);
    CREATE TABLE oauth_keys (
        kid TEXT PRIMARY KEY,
        pkcs8 BLOB NOT NULL,
        created TEXT NOT NULL
    );
"#;

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

const CLIENT_COLUMNS: &str = "client_id, client_secret, name, description, logo, website_url, terms_url, policy_url, \
     redirect_uris, allowed_origins, logout_redirect_uri, scopes, allow_pkce, is_public, enabled, \
     created_on, created_by, modified_on, modified_by";

fn list_of(s: String) -> Vec<String> {
    serde_json::from_str(&s).unwrap_or_default()
}

/// A JSON array, as lists are stored.
pub fn json_list(v: &[String]) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

fn client_row(r: &Row<'_>) -> rusqlite::Result<Client> {
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

/// Stores a new client.
pub fn insert_client(conn: &Connection, c: &Client) -> Result<(), ApiError> {
    conn.execute(
        &format!(
            "INSERT INTO oauth_clients ({CLIENT_COLUMNS}) VALUES \
             (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"
        ),
        params![
            c.client_id,
            c.client_secret,
            c.name,
            c.description,
            c.logo,
            c.website_url,
            c.terms_url,
            c.policy_url,
            json_list(&c.redirect_uris),
            json_list(&c.allowed_origins),
            c.logout_redirect_uri,
            json_list(&c.scopes),
            c.allow_pkce,
            c.is_public,
            c.enabled,
            c.created_on,
            c.created_by,
            c.modified_on,
            c.modified_by
        ],
    )?;
    Ok(())
}

/// Rewrites the mutable fields of a client.
pub fn update_client(conn: &Connection, c: &Client) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE oauth_clients SET client_secret = ?2, name = ?3, description = ?4, logo = ?5, \
         allowed_origins = ?6, allow_pkce = ?7, is_public = ?8, enabled = ?9, modified_on = ?10, \
         modified_by = ?11 WHERE client_id = ?1",
        params![
            c.client_id,
            c.client_secret,
            c.name,
            c.description,
            c.logo,
            json_list(&c.allowed_origins),
            c.allow_pkce,
            c.is_public,
            c.enabled,
            c.modified_on,
            c.modified_by
        ],
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

/// A stored signing key.
pub struct StoredKey {
    /// `kid`.
    pub kid: String,
    /// The PKCS#8 document.
    pub pkcs8: Vec<u8>,
    /// When it was made (`db_time`).
    pub created: String,
}

/// All stored keys, newest first.
pub fn keys(conn: &Connection) -> Result<Vec<StoredKey>, ApiError> {
    let mut stmt =
        conn.prepare("SELECT kid, pkcs8, created FROM oauth_keys ORDER BY created DESC, kid")?;
    let rows = stmt.query_map([], |r| {
        Ok(StoredKey {
            kid: r.get(0)?,
            pkcs8: r.get(1)?,
            created: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Stores a new signing key.
pub fn insert_key(conn: &Connection, kid: &str, pkcs8: &[u8], now: &str) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO oauth_keys (kid, pkcs8, created) VALUES (?1, ?2, ?3)",
        params![kid, pkcs8, now],
    )?;
    Ok(())
}

/// Deletes the keys in `kids`.
pub fn delete_keys(conn: &Connection, kids: &[String]) -> Result<(), ApiError> {
    for kid in kids {
        conn.execute("DELETE FROM oauth_keys WHERE kid = ?1", [kid])?;
    }
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

/// Deletes every client a user registered; returns how many.
pub fn delete_clients_of(conn: &Connection, user: &str) -> Result<usize, ApiError> {
    Ok(conn.execute("DELETE FROM oauth_clients WHERE created_by = ?1", [user])?)
}
