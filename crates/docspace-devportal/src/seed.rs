//! Start-up data: the owner's credentials every start, and the demo data for a new portal.

mod demo;

use rusqlite::{Connection, Transaction};

use crate::api::csp;
use crate::db::entries::{self, folder_type};
use crate::db::settings;

use crate::auth::{self, PASSWORD_ITERATIONS, PASSWORD_SIZE_BITS};
use crate::config::{PortalConfig, Seed};
use crate::envelope::ApiError;
use crate::time::{db_time, now};
use crate::users::{self, EmployeeType, User};

/// The name of the owner's key made at start-up.
pub const OWNER_KEY_NAME: &str = "devportal owner key";

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

/// The portal's password salt (created once).
pub fn password_salt(tx: &Transaction<'_>) -> Result<String, ApiError> {
    if let Some(s) = settings::get(tx, settings::PASSWORD_SALT)? {
        return Ok(s);
    }
    let salt = auth::random_hex(32);
    settings::set(tx, settings::PASSWORD_SALT, &salt)?;
    Ok(salt)
}

/// Creates a user's My documents (not for guests, as in DocSpace) and Trash.
pub fn ensure_personal_sections(conn: &Connection, user: &User) -> Result<(), ApiError> {
    if user.user_type != EmployeeType::Guest {
        entries::ensure_section(conn, folder_type::USER, "My documents", &user.id, false)?;
    }
    entries::ensure_section(conn, folder_type::TRASH, "Trash", &user.id, false)?;
    Ok(())
}

/// Adds the configured `--allow-origin`s to the CSP list (keeping what an admin stored).
fn merge_allowed_origins(tx: &Transaction<'_>, origins: &[String]) -> Result<(), ApiError> {
    let mut list = csp::domains(tx)?;
    let before = list.len();
    for o in origins {
        let o = csp::validate_domain(o).map_err(|_| {
            ApiError::BadRequest(format!("--allow-origin {o} is not a valid origin"))
        })?;
        if !list.contains(&o) {
            list.push(o);
        }
    }
    if list.len() != before || settings::get(tx, settings::CSP_DOMAINS)?.is_none() {
        csp::store(tx, &list)?;
    }
    Ok(())
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
        entries::ensure_section(tx, folder_type::VIRTUAL_ROOMS, "Rooms", &owner.id, true)?;
        entries::ensure_section(tx, folder_type::ARCHIVE, "Archive", &owner.id, true)?;
        ensure_personal_sections(tx, &owner)?;
        if config.seed == Seed::Demo {
            let mut people = vec![owner.clone()];
            for (email, first, last, role) in DEMO_USERS {
                let u = new_user(email, first, last, *role, false);
                users::insert(tx, &u, Some(&stored))?;
                ensure_personal_sections(tx, &u)?;
                people.push(u);
            }
            demo::populate(tx, &people)?;
        }
    } else {
        tx.execute(
            "UPDATE users SET password_hash = ?1 WHERE email = ?2",
            [&stored, OWNER_EMAIL],
        )?;
    }
    merge_allowed_origins(tx, &config.allow_origins)?;
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
    // One start-up key at a time: the one printed by the previous start (or given with
    // `--api-key`) is replaced, so restarts do not pile up full-access keys nobody revokes.
    tx.execute(
        "DELETE FROM api_keys WHERE user_id = ?1 AND name = ?2 AND key_hash <> ?3",
        rusqlite::params![owner.id, OWNER_KEY_NAME, auth::hash_secret(&key)],
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO api_keys (id, user_id, name, key_hash, key_postfix, permissions, created) \
         VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6)",
        rusqlite::params![
            uuid::Uuid::new_v4().to_string(),
            owner.id,
            OWNER_KEY_NAME,
            auth::hash_secret(&key),
            &key[key.len() - 4..],
            db_time(now()),
        ],
    )?;
    Ok(key)
}

// Here, not in `state.rs`: the state is below the seed (which creates rooms through the API's
// own logic), and only tests start a portal from a seeded state this way.
#[cfg(test)]
impl crate::state::AppState {
    /// A seeded in-memory portal's state, for handler tests; returns the owner's credentials too.
    pub fn for_tests() -> (crate::state::AppState, OwnerCredentials) {
        let config = crate::config::PortalConfig::for_tests();
        let db = crate::db::Db::open(&config.storage).expect("memory db");
        let owner = db.write_now(|tx| prepare(tx, &config)).expect("seeded");
        let state = crate::state::AppState {
            db,
            stats: std::sync::Arc::default(),
            sdk: std::sync::Arc::new(crate::sdk_assets::SdkAssets::load(None)),
            limiter: crate::ratelimit::RateLimiter::new(config.rate_limits.clone()),
            uploads: crate::upload_budget::UploadBudget::new(config.upload_budget),
            archives: std::sync::Arc::default(),
            login_guard: std::sync::Arc::default(),
            config: std::sync::Arc::new(config),
            clock: crate::time::Clock::default(),
        };
        (state, owner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Storage;
    use crate::db::Db;

    fn owner_keys(db: &Db) -> i64 {
        db.read_now(|c| {
            Ok(c.query_row(
                "SELECT COUNT(*) FROM api_keys WHERE name = ?1",
                [OWNER_KEY_NAME],
                |r| r.get(0),
            )?)
        })
        .expect("count")
    }

    #[test]
    fn restarts_keep_one_start_up_key_and_an_explicit_key_replaces_it() {
        let db = Db::open(&Storage::Memory).expect("db");
        let cfg = PortalConfig {
            seed: Seed::Empty,
            ..PortalConfig::for_tests()
        };
        let first = db.write_now(|tx| prepare(tx, &cfg)).expect("first start");
        let second = db.write_now(|tx| prepare(tx, &cfg)).expect("second start");
        assert_ne!(first.api_key, second.api_key);
        assert_eq!(owner_keys(&db), 1);
        let resolves = |k: &str| {
            let cred = auth::Credential::ApiKey(k.to_string());
            db.read_now(|c| auth::resolve(c, &cred, crate::time::now()))
                .expect("resolve")
                .is_some()
        };
        assert!(!resolves(&first.api_key) && resolves(&second.api_key));
        let fixed = auth::generate_api_key();
        let cfg = PortalConfig {
            api_key: Some(fixed.clone()),
            ..cfg
        };
        for _ in 0..2 {
            db.write_now(|tx| prepare(tx, &cfg)).expect("fixed start");
        }
        assert_eq!(owner_keys(&db), 1);
        assert!(resolves(&fixed) && !resolves(&second.api_key));
    }
}
