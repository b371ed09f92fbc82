//! OAuth2 tables: registered clients, consents, pending consent requests, authorizations and the
//! signing keys. Codes and refresh tokens are kept only as SHA-256 hashes; the client secret is
//! kept as issued because DocSpace shows it again on the client's page (`client_secret` in
//! `ClientResponse`, `ONLYOFFICE/DocSpace-server:
//! common/ASC.Identity/common/common-core/common-service/.../transfer/response/ClientResponse.java`).

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

mod authorizations;
mod clients;
mod consents;
mod keys;
mod requests;

pub use authorizations::{
    Authorization, ByColumn, authorization_by, insert_authorization, revoke_access,
    revoke_authorization, set_tokens, use_code,
};
#[cfg(test)]
pub use clients::test_client;
pub use clients::{
    Client, client, clients_page, delete_client, delete_clients_of, insert_client, update_client,
};
pub use consents::{consent, consents_of, revoke_consent, save_consent};
pub use keys::{StoredKey, delete_keys, insert_key, keys};
pub use requests::{PendingRequest, insert_request, take_request};

pub(super) fn list_of(s: String) -> Vec<String> {
    serde_json::from_str(&s).unwrap_or_default()
}

/// A JSON array, as lists are stored.
pub fn json_list(v: &[String]) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}
