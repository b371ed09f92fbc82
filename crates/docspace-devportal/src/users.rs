//! Portal users: the five roles of DocSpace and the `EmployeeFullDto` they are shown as.

use rusqlite::{Connection, OptionalExtension, Row};
use serde_json::{Value, json};

use crate::envelope::ApiError;
use crate::time::{api_datetime, parse_db_time};

/// DocSpace's `EmployeeType` (integers are stable; names are the current generation's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmployeeType {
    /// Room admin (1).
    RoomAdmin = 1,
    /// Guest (2).
    Guest = 2,
    /// DocSpace admin (3); the owner is a DocSpace admin with `is_owner`.
    DocSpaceAdmin = 3,
    /// User (4), formerly "Power user" / Collaborator.
    User = 4,
}

impl EmployeeType {
    /// From the stored integer.
    pub fn from_i64(v: i64) -> Option<EmployeeType> {
        match v {
            1 => Some(EmployeeType::RoomAdmin),
            2 => Some(EmployeeType::Guest),
            3 => Some(EmployeeType::DocSpaceAdmin),
            4 => Some(EmployeeType::User),
            _ => None,
        }
    }

    /// The JSON name DocSpace writes.
    pub fn name(self) -> &'static str {
        match self {
            EmployeeType::RoomAdmin => "RoomAdmin",
            EmployeeType::Guest => "Guest",
            EmployeeType::DocSpaceAdmin => "DocSpaceAdmin",
            EmployeeType::User => "User",
        }
    }
}

/// A portal user as stored.
#[derive(Debug, Clone)]
pub struct User {
    /// GUID.
    pub id: String,
    /// Login e-mail.
    pub email: String,
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// Role.
    pub user_type: EmployeeType,
    /// The portal owner.
    pub is_owner: bool,
    /// EmployeeStatus (1 active, 2 terminated).
    pub status: i64,
    /// EmployeeActivationStatus (1 activated, 2 pending).
    pub activation_status: i64,
    /// Culture name, e.g. `en-US`.
    pub culture: String,
    /// Registration time (stored form).
    pub created: String,
}

impl User {
    /// "First Last".
    pub fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
            .trim()
            .to_string()
    }

    /// Owner or DocSpace admin.
    pub fn is_admin(&self) -> bool {
        self.is_owner || self.user_type == EmployeeType::DocSpaceAdmin
    }

    /// The light `EmployeeDto`.
    pub fn to_dto(&self, portal: &str) -> Value {
        json!({
            "id": self.id,
            "displayName": self.display_name(),
            "avatar": format!("{portal}/static/images/default_user_photo_size_82-82.png"),
            "avatarOriginal": format!("{portal}/static/images/default_user_photo_size_200-200.png"),
            "avatarMax": format!("{portal}/static/images/default_user_photo_size_200-200.png"),
            "avatarMedium": format!("{portal}/static/images/default_user_photo_size_48-48.png"),
            "avatarSmall": format!("{portal}/static/images/default_user_photo_size_32-32.png"),
            "profileUrl": format!("{portal}/accounts/people/filter?search={}", self.email),
            "hasAvatar": false,
            "isAnonim": false,
        })
    }

    /// The `EmployeeFullDto`.
    pub fn to_full_dto(&self, portal: &str) -> Value {
        let mut v = self.to_dto(portal);
        let extra = json!({
            "firstName": self.first_name,
            "lastName": self.last_name,
            "userName": self.email.split('@').next().unwrap_or_default(),
            "email": self.email,
            "status": self.status,
            "activationStatus": self.activation_status,
            "department": "",
            "workFrom": api_datetime(parse_db_time(&self.created)),
            "registrationDate": api_datetime(parse_db_time(&self.created)),
            "isAdmin": self.user_type == EmployeeType::DocSpaceAdmin && !self.is_owner,
            "isRoomAdmin": self.user_type == EmployeeType::RoomAdmin,
            "isLDAP": false,
            "isOwner": self.is_owner,
            "isVisitor": self.user_type == EmployeeType::Guest,
            "isCollaborator": self.user_type == EmployeeType::User,
            "cultureName": self.culture,
            "isSSO": false,
            "hasPersonalFolder": self.user_type != EmployeeType::Guest,
            "tfaAppEnabled": false,
            "mobilePhoneActivationStatus": 0,
            "usedSpace": 0,
            "isCustomQuota": false,
            "quotaLimit": -1,
        });
        if let (Value::Object(a), Value::Object(b)) = (&mut v, extra) {
            a.extend(b);
        }
        v
    }
}

const COLUMNS: &str = "id, email, first_name, last_name, user_type, is_owner, status, activation_status, culture, created";

fn from_row(r: &Row<'_>) -> rusqlite::Result<User> {
    let ty: i64 = r.get(4)?;
    Ok(User {
        id: r.get(0)?,
        email: r.get(1)?,
        first_name: r.get(2)?,
        last_name: r.get(3)?,
        user_type: EmployeeType::from_i64(ty).unwrap_or(EmployeeType::Guest),
        is_owner: r.get(5)?,
        status: r.get(6)?,
        activation_status: r.get(7)?,
        culture: r.get(8)?,
        created: r.get(9)?,
    })
}

/// Looks a user up by id.
pub fn by_id(conn: &Connection, id: &str) -> Result<Option<User>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM users WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// Looks a user up by e-mail (case-insensitive).
pub fn by_email(conn: &Connection, email: &str) -> Result<Option<User>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM users WHERE email = ?1"),
            [email],
            from_row,
        )
        .optional()?)
}

/// Inserts a user; `password_hash` is the server-side hash from [`crate::auth::store_password`].
pub fn insert(conn: &Connection, user: &User, password_hash: Option<&str>) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO users (id, email, first_name, last_name, user_type, is_owner, status, activation_status, \
         password_hash, culture, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        rusqlite::params![
            user.id,
            user.email,
            user.first_name,
            user.last_name,
            user.user_type as i64,
            user.is_owner,
            user.status,
            user.activation_status,
            password_hash,
            user.culture,
            user.created,
        ],
    )?;
    Ok(())
}

/// Creates a person `inviter` invites by `email` as `kind`, as
/// `UserManagerWrapper.AddInvitedUserAsync` does: named by the address's local part, status and
/// activation status both Pending, `CreatedBy` the inviter, who sees them in People from now on
/// (`CanUserViewAnotherUserAsync`).
pub fn insert_invited(
    conn: &Connection,
    email: &str,
    kind: EmployeeType,
    inviter: &str,
) -> Result<User, ApiError> {
    let u = User {
        id: uuid::Uuid::new_v4().to_string(),
        email: email.to_string(),
        first_name: email.split('@').next().unwrap_or_default().to_string(),
        last_name: String::new(),
        user_type: kind,
        is_owner: false,
        status: 4,
        activation_status: 2,
        culture: "en-US".into(),
        created: crate::time::db_time(crate::time::now()),
    };
    insert(conn, &u, None)?;
    conn.execute(
        "UPDATE users SET invited_by = ?2 WHERE id = ?1",
        [&u.id, inviter],
    )?;
    add_relation(conn, inviter, &u.id)?;
    Ok(u)
}

/// Users by id (unknown ids are skipped).
pub fn by_ids(
    conn: &Connection,
    ids: &[&str],
) -> Result<std::collections::HashMap<String, User>, ApiError> {
    let mut out = std::collections::HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM users WHERE id IN ({})",
        crate::db::placeholders(ids.len())
    ))?;
    for u in stmt.query_map(rusqlite::params_from_iter(ids), from_row)? {
        let u = u?;
        out.insert(u.id.clone(), u);
    }
    Ok(out)
}

/// Filters of `GET /people` and `GET /people/filter`.
#[derive(Debug, Clone, Default)]
pub struct PeopleFilter {
    /// Name or e-mail contains (case-insensitive).
    pub search: Option<String>,
    /// Only these `EmployeeType`s.
    pub types: Vec<i64>,
    /// Only this `EmployeeStatus` (1 active, 2 terminated, 4 pending).
    pub status: Option<i64>,
    /// Never this `EmployeeStatus` (non-admins never see disabled users).
    pub not_status: Option<i64>,
    /// Only users this user invited (`invitedByMe`, `inviterId`).
    pub inviter: Option<String>,
    /// Only guests (`Some(true)`, area `Guests`) or no guests (`Some(false)`, area `People`).
    pub guests: Option<bool>,
    /// Guests are listed only when this user has a relation to them (a room admin's view).
    pub guests_related_to: Option<String>,
    /// Only this `EmployeeActivationStatus`.
    pub activation: Option<i64>,
    /// Only admins (owner and DocSpace admins) or only non-admins.
    pub is_admin: Option<bool>,
    /// Sort column: `firstname`, `lastname`, `email`, `type`, or display name.
    pub sort: String,
    /// Descending.
    pub descending: bool,
}

/// One page of users and the filtered total.
pub fn list(
    conn: &Connection,
    f: &PeopleFilter,
    start: i64,
    count: i64,
) -> Result<(Vec<User>, i64), ApiError> {
    use rusqlite::types::Value as V;
    let mut clauses = vec!["1 = 1".to_string()];
    let mut args: Vec<V> = Vec::new();
    if let Some(s) = &f.search {
        clauses.push(
            "(first_name || ' ' || last_name LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')"
                .into(),
        );
        let p = format!(
            "%{}%",
            s.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        args.push(V::Text(p.clone()));
        args.push(V::Text(p));
    }
    if !f.types.is_empty() {
        clauses.push(format!(
            "user_type IN ({})",
            crate::db::placeholders(f.types.len())
        ));
        args.extend(f.types.iter().map(|t| V::Integer(*t)));
    }
    if let Some(s) = f.status {
        clauses.push("status = ?".into());
        args.push(V::Integer(s));
    }
    if let Some(s) = f.not_status {
        clauses.push("status <> ?".into());
        args.push(V::Integer(s));
    }
    if let Some(i) = &f.inviter {
        clauses.push("invited_by = ?".into());
        args.push(V::Text(i.clone()));
    }
    match f.guests {
        Some(true) => clauses.push("user_type = 2".into()),
        Some(false) => clauses.push("user_type <> 2".into()),
        None => {}
    }
    if let Some(src) = &f.guests_related_to {
        clauses.push(
            "(user_type <> 2 OR id = ? OR id IN (SELECT target_id FROM user_relations WHERE source_id = ?))"
                .into(),
        );
        args.push(V::Text(src.clone()));
        args.push(V::Text(src.clone()));
    }
    if let Some(a) = f.activation {
        clauses.push("activation_status = ?".into());
        args.push(V::Integer(a));
    }
    if let Some(admin) = f.is_admin {
        clauses.push(if admin {
            "(is_owner = 1 OR user_type = 3)".into()
        } else {
            "(is_owner = 0 AND user_type <> 3)".into()
        });
    }
    let where_ = clauses.join(" AND ");
    let total: i64 = conn.query_row(
        &format!("SELECT COUNT(*) FROM users WHERE {where_}"),
        rusqlite::params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    let key = match f.sort.to_ascii_lowercase().as_str() {
        "lastname" => "last_name COLLATE NOCASE, first_name COLLATE NOCASE",
        "email" => "email",
        "type" => "user_type",
        _ => "first_name COLLATE NOCASE, last_name COLLATE NOCASE",
    };
    let dir = if f.descending { "DESC" } else { "ASC" };
    let order = key
        .split(", ")
        .map(|k| format!("{k} {dir}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM users WHERE {where_} ORDER BY {order}, id LIMIT ? OFFSET ?"
    ))?;
    args.push(V::Integer(count));
    args.push(V::Integer(start));
    let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), from_row)?;
    Ok((rows.collect::<Result<_, _>>()?, total))
}

/// Changes a user's type (invitations upgrade existing users).
pub fn set_type(conn: &Connection, id: &str, t: EmployeeType) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE users SET user_type = ?2 WHERE id = ?1",
        rusqlite::params![id, t as i64],
    )?;
    Ok(())
}

/// Records that `source` invited (or re-invited) `target`, as DocSpace's `AddUserRelationAsync`.
pub fn add_relation(conn: &Connection, source: &str, target: &str) -> Result<(), ApiError> {
    conn.execute(
        "INSERT OR IGNORE INTO user_relations (source_id, target_id) VALUES (?1, ?2)",
        [source, target],
    )?;
    Ok(())
}

/// Whether `source` has a relation to `target`.
pub fn has_relation(conn: &Connection, source: &str, target: &str) -> Result<bool, ApiError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM user_relations WHERE source_id = ?1 AND target_id = ?2",
            [source, target],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Sets a user's profile language (`cultureName`).
pub fn set_culture(conn: &Connection, id: &str, culture: &str) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE users SET culture = ?2 WHERE id = ?1",
        rusqlite::params![id, culture],
    )?;
    Ok(())
}

/// Sets a user's `EmployeeStatus`.
pub fn set_status(conn: &Connection, id: &str, status: i64) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE users SET status = ?2 WHERE id = ?1",
        rusqlite::params![id, status],
    )?;
    Ok(())
}

/// The stored password form of a user (`None` for invited users who never set one).
pub fn password_of(conn: &Connection, id: &str) -> Result<Option<String>, ApiError> {
    Ok(conn
        .query_row("SELECT password_hash FROM users WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .flatten())
}

impl EmployeeType {
    /// `EmployeeType` names and numbers as requests may give them (both generations of names).
    pub const NAMES: &'static [(&'static str, i64)] = &[
        ("All", 0),
        ("RoomAdmin", 1),
        ("Guest", 2),
        ("DocSpaceAdmin", 3),
        ("User", 4),
        ("Collaborator", 4),
    ];
}
