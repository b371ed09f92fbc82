//! Start-up data: the owner's credentials every start, and the demo data for a new portal.

use rusqlite::{OptionalExtension, Transaction};

use crate::auth::{self, PASSWORD_ITERATIONS, PASSWORD_SIZE_BITS};
use crate::config::{PortalConfig, Seed};
use crate::envelope::ApiError;
use crate::time::{db_time, now};
use crate::users::{self, EmployeeType, User};

/// The demo owner's login.
pub const OWNER_EMAIL: &str = "owner@example.com";

/// Demo users besides the owner: (email, first name, last name, role).
pub const DEMO_USERS: &[(&str, &str, &str, EmployeeType)] = &[
    (
        "admin@example.com",
        "Marcus",
        "Reid",
        EmployeeType::DocSpaceAdmin,
    ),
    (
        "roomadmin@example.com",
        "Priya",
        "Shah",
        EmployeeType::RoomAdmin,
    ),
    ("user@example.com", "Tom", "Becker", EmployeeType::User),
    ("guest@example.com", "Lena", "Novak", EmployeeType::Guest),
];

/// What a started portal tells its operator (and tests) about how to sign in.
#[derive(Debug, Clone)]
pub struct OwnerCredentials {
    /// `owner@example.com`.
    pub email: String,
    /// The owner's password (also the demo users' password on a new demo portal).
    pub password: String,
    /// An API key acting as the owner.
    pub api_key: String,
    /// The owner's display name.
    pub display_name: String,
}

/// Reads a portal setting.
pub fn setting(tx: &Transaction<'_>, key: &str) -> Result<Option<String>, ApiError> {
    Ok(tx
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Writes a portal setting.
pub fn set_setting(tx: &Transaction<'_>, key: &str, value: &str) -> Result<(), ApiError> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2",
        [key, value],
    )?;
    Ok(())
}

/// The portal's password salt (created once).
pub fn password_salt(tx: &Transaction<'_>) -> Result<String, ApiError> {
    if let Some(s) = setting(tx, "password_salt")? {
        return Ok(s);
    }
    let salt = auth::random_hex(32);
    set_setting(tx, "password_salt", &salt)?;
    Ok(salt)
}

/// Seeds a new database and (re)sets the owner's password and API key as configured.
pub fn prepare(tx: &Transaction<'_>, config: &PortalConfig) -> Result<OwnerCredentials, ApiError> {
    let salt = password_salt(tx)?;
    let password = config
        .owner_password
        .clone()
        .unwrap_or_else(|| auth::random_hex(8));
    let stored = auth::store_password(&auth::password_hash(
        &password,
        &salt,
        PASSWORD_ITERATIONS,
        PASSWORD_SIZE_BITS,
    ));

    let is_new = users::by_email(tx, OWNER_EMAIL)?.is_none();
    if is_new {
        let owner = new_user(
            OWNER_EMAIL,
            "Olivia",
            "Bennett",
            EmployeeType::DocSpaceAdmin,
            true,
        );
        users::insert(tx, &owner, Some(&stored))?;
        let domains = serde_json::to_string(&config.allow_origins)
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        set_setting(tx, "csp_domains", &domains)?;
        if config.seed == Seed::Demo {
            for (email, first, last, role) in DEMO_USERS {
                users::insert(
                    tx,
                    &new_user(email, first, last, *role, false),
                    Some(&stored),
                )?;
            }
        }
    } else {
        tx.execute(
            "UPDATE users SET password_hash = ?1 WHERE email = ?2",
            [&stored, OWNER_EMAIL],
        )?;
    }
    let owner = users::by_email(tx, OWNER_EMAIL)?
        .ok_or_else(|| ApiError::Internal("owner missing after seeding".into()))?;
    let api_key = ensure_owner_key(tx, &owner, config.api_key.as_deref())?;
    Ok(OwnerCredentials {
        email: owner.email.clone(),
        password,
        api_key,
        display_name: owner.display_name(),
    })
}

fn new_user(email: &str, first: &str, last: &str, role: EmployeeType, is_owner: bool) -> User {
    User {
        id: uuid::Uuid::new_v4().to_string(),
        email: email.to_string(),
        first_name: first.to_string(),
        last_name: last.to_string(),
        user_type: role,
        is_owner,
        status: 1,
        activation_status: 1,
        culture: "en-US".to_string(),
        created: db_time(now()),
    }
}

fn ensure_owner_key(
    tx: &Transaction<'_>,
    owner: &User,
    fixed: Option<&str>,
) -> Result<String, ApiError> {
    let key = match fixed {
        Some(k) if auth::is_api_key(k) => k.to_string(),
        Some(_) => {
            return Err(ApiError::BadRequest(
                "--api-key must be `sk-` followed by 64 lowercase hex digits".into(),
            ));
        }
        None => auth::generate_api_key(),
    };
    tx.execute(
        "INSERT OR IGNORE INTO api_keys (id, user_id, name, key_hash, key_postfix, permissions, created) \
         VALUES (?1, ?2, 'devportal owner key', ?3, ?4, NULL, ?5)",
        rusqlite::params![
            uuid::Uuid::new_v4().to_string(),
            owner.id,
            auth::hash_secret(&key),
            &key[key.len() - 4..],
            db_time(now()),
        ],
    )?;
    Ok(key)
}
