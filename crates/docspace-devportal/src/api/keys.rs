//! API keys: `/api/2.0/keys` (ONLYOFFICE/DocSpace-server: `products/ASC.People/Server/Api/ApiKeysController.cs`).

use axum::extract::Path;
use serde::Deserialize;
use serde_json::{Value, json};

use super::Portal;
use super::extract::JsonBody;
use crate::api::{SignedInCall, Store};
use crate::auth::{self as credentials, AuthKind, Caller};
use crate::db::keys::{self, ApiKey};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::permissions::{PortalAction, portal_allows};
use crate::time::{db_time, now};
use crate::users;

/// `CreateApiKeyRequestDto`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateKey {
    name: Option<String>,
    #[serde(default)]
    permissions: Option<Vec<String>>,
    #[serde(default)]
    expires_in_days: Option<i64>,
}

/// `UpdateApiKeyRequest`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateKey {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    permissions: Option<Vec<String>>,
    #[serde(default)]
    is_active: Option<bool>,
}

fn key_dto(
    conn: &rusqlite::Connection,
    portal: &str,
    k: &ApiKey,
    full_key: Option<&str>,
) -> Result<Value, ApiError> {
    let mut v = json!({
        "id": k.id,
        "name": k.name,
        "keyPostfix": k.postfix,
        "createOn": super::dto::date(&k.created),
        "isActive": k.active,
    });
    if let Some(full) = full_key {
        v["key"] = json!(full);
    }
    if let Some(p) = &k.permissions {
        v["permissions"] = json!(p);
    }
    if let Some(t) = &k.last_used {
        v["lastUsed"] = json!(super::dto::date(t));
    }
    if let Some(t) = &k.expires {
        v["expiresAt"] = json!(super::dto::date(t));
    }
    if let Some(u) = users::by_id(conn, &k.user_id)? {
        v["createBy"] = u.to_dto(portal);
    }
    Ok(v)
}

fn check_permissions(p: &Option<Vec<String>>) -> Result<(), ApiError> {
    if let Some(list) = p
        && list
            .iter()
            .any(|s| !super::scopes::ALL.contains(&s.as_str()))
    {
        return Err(ApiError::BadRequest("Permissions are not valid.".into()));
    }
    Ok(())
}

/// `POST /api/2.0/keys`: a new key, shown in full only in this answer.
pub async fn create(
    db: Store,
    Portal(portal): Portal,
    caller: Caller,
    JsonBody(req): JsonBody<CreateKey>,
) -> ApiResult {
    if !portal_allows(&caller.user, PortalAction::CreateApiKey) {
        return Err(ApiError::AccessDenied);
    }
    let name = super::extract::title(req.name.as_deref().unwrap_or(""), "name", 30)?;
    check_permissions(&req.permissions)?;
    if let Some(d) = req.expires_in_days
        && !(1..=365).contains(&d)
    {
        return Err(ApiError::field(
            "ExpiresInDays",
            "The field ExpiresInDays must be between 1 and 365.",
        ));
    }
    let secret = credentials::generate_api_key();
    let key = ApiKey {
        id: uuid::Uuid::new_v4().to_string(),
        user_id: caller.user.id.clone(),
        name,
        postfix: secret[secret.len() - 4..].to_string(),
        permissions: req.permissions.filter(|p| !p.is_empty()),
        created: db_time(now()),
        expires: req
            .expires_in_days
            .map(|d| db_time(now() + chrono::Duration::days(d))),
        last_used: None,
        active: true,
    };
    db.write(move |tx| {
        keys::insert(tx, &key, &credentials::hash_secret(&secret))?;
        key_dto(tx, &portal, &key, Some(&secret))
    })
    .await
}

/// `GET /api/2.0/keys`: every key for admins, one's own otherwise.
pub async fn list(db: Store, Portal(portal): Portal, caller: Caller) -> ApiResult {
    let owner = (!caller.user.is_admin()).then(|| caller.user.id.clone());
    db.read(move |c| {
        keys::list(c, owner.as_deref())?
            .iter()
            .map(|k| key_dto(c, &portal, k, None))
            .collect::<Result<Vec<_>, _>>()
    })
    .await
}

/// `GET /api/2.0/keys/@self`: the key the request is made with.
pub async fn get_self(db: Store, Portal(portal): Portal, caller: Caller) -> ApiResult {
    let AuthKind::ApiKey { id, .. } = caller.kind else {
        return Err(ApiError::NotFound(
            "The request is not made with an API key".into(),
        ));
    };
    db.read(move |c| {
        let k =
            keys::by_id(c, &id)?.ok_or_else(|| ApiError::NotFound("API key not found".into()))?;
        key_dto(c, &portal, &k, None)
    })
    .await
}

/// `GET /api/2.0/keys/permissions`.
pub async fn permissions(_caller: Caller) -> Envelope {
    Envelope::ok(super::scopes::ALL)
}

/// Whether `caller` may change or delete `key`: their own, or (for a DocSpace admin) anyone's
/// but the owner's. DocSpace's `ApiKeysController` lets any DocSpace admin update or delete every
/// key (`ONLYOFFICE/DocSpace-server: products/ASC.People/Server/Api/ApiKeysController.cs`); the
/// devportal goes further and keeps the owner's keys to the owner, as DocSpace keeps the owner's
/// profile, because the start-up key the tools depend on is the owner's full-access key. A refusal
/// answers `false`, as DocSpace answers a key that is not the caller's.
fn may_manage(
    conn: &rusqlite::Connection,
    caller: &Caller,
    key: &ApiKey,
) -> Result<bool, ApiError> {
    if key.user_id == caller.user.id {
        return Ok(true);
    }
    if !caller.user.is_admin() {
        return Ok(false);
    }
    Ok(!users::by_id(conn, &key.user_id)?.is_some_and(|u| u.is_owner))
}

fn parse_key_id(raw: &str) -> Result<String, ApiError> {
    uuid::Uuid::parse_str(raw)
        .map(|u| u.to_string())
        .map_err(|_| ApiError::NotFound("API key not found".into()))
}

/// `PUT /api/2.0/keys/{id}`: `false` when the key is not the caller's (or expired).
pub async fn update(
    SignedInCall { caller, db, .. }: SignedInCall,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<UpdateKey>,
) -> ApiResult {
    let id = parse_key_id(&id)?;
    check_permissions(&req.permissions)?;
    let name = match &req.name {
        Some(n) => Some(super::extract::title(n, "name", 30)?),
        None => None,
    };
    db.write(move |tx| {
        let Some(mut k) = keys::by_id(tx, &id)? else {
            return Ok(false);
        };
        let expired = k
            .expires
            .as_deref()
            .is_some_and(|e| crate::time::parse_db_time(e) <= now());
        if !may_manage(tx, &caller, &k)? || expired {
            return Ok(false);
        }
        if let Some(n) = name {
            k.name = n;
        }
        if let Some(p) = req.permissions {
            k.permissions = Some(p).filter(|p| !p.is_empty());
        }
        if let Some(a) = req.is_active {
            k.active = a;
        }
        keys::update(tx, &k)?;
        Ok(true)
    })
    .await
}

/// `DELETE /api/2.0/keys/{id}`.
pub async fn delete(
    SignedInCall { caller, db, .. }: SignedInCall,
    Path(id): Path<String>,
) -> ApiResult {
    let id = parse_key_id(&id)?;
    db.write(move |tx| match keys::by_id(tx, &id)? {
        Some(k) if may_manage(tx, &caller, &k)? => keys::delete(tx, &id),
        _ => Ok(false),
    })
    .await
}
