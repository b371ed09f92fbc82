//! What an external link's key opens, and the password step in front of a protected link:
//! `GET files/share/{key}` and `POST files/share/{key}/password`, as
//! ONLYOFFICE/DocSpace-server answers them (`products/ASC.Files/Server/Api/FilesController.cs`
//! `GetExternalShareData` and `ApplyExternalSharePasswordAsync`; the checks of
//! `products/ASC.Files/Core/Helpers/ExternalLinkHelper.cs` `ValidateAsync` and
//! `products/ASC.Files/Core/Core/Security/ExternalShare.cs` `ValidateRecordAsync`).
//!
//! The server checks a link in this order: expired, internal while signed out, in Archive or
//! Trash, no password, the `sharelink{linkId}` cookie, the password sent. A right password sets
//! that cookie (a session cookie) so that the page's later requests through the link pass; a
//! wrong one clears it. Attempts are counted by DocSpace's brute-force guard per link key and
//! address, like sign-ins ([`crate::login_guard`]).

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::ClientIp;
use super::extract::JsonBody;
use crate::api::Store;
use crate::auth::{Caller, constant_time_eq};
use crate::db::entries::{self, folder_type};
use crate::db::links::{self, Link};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::permissions::{self, Actor, RoomAction};
use crate::state::AppState;
use crate::time::{now, parse_db_time};
use crate::users::User;

/// `ASC.Files.Core.Security.Status`: what a link key opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LinkStatus {
    Ok = 0,
    Invalid = 1,
    Expired = 2,
    RequiredPassword = 3,
    InvalidPassword = 4,
    ExternalAccessDenied = 5,
}

/// `FilesCommonResource.ErrorMessage_SharePasswordManyAttempts`, the brute-force guard's refusal.
pub(crate) const TOO_MANY_ATTEMPTS: &str =
    "You have tried too many times to enter your password. Please try again later";

/// The prefix of the cookie that proves the password (`CookiesManager`'s `ShareLinkCookiesName`,
/// followed by the link's id).
const COOKIE_PREFIX: &str = "sharelink";

/// What a request brings to a link besides its key: whether someone is signed in, and the
/// password cookies it carries.
#[derive(Debug, Clone, Default)]
pub(crate) struct LinkProof {
    authenticated: bool,
    password_cookies: Vec<(String, String)>,
}

impl LinkProof {
    /// Reads the `sharelink…` cookies of a request.
    pub(crate) fn from_headers(headers: &HeaderMap, authenticated: bool) -> LinkProof {
        let password_cookies = crate::auth::cookies(headers)
            .filter_map(|(k, v)| {
                k.strip_prefix(COOKIE_PREFIX)
                    .map(|id| (id.to_string(), v.to_string()))
            })
            .collect();
        LinkProof {
            authenticated,
            password_cookies,
        }
    }

    fn cookie_for(&self, link: &Link) -> Option<&str> {
        self.password_cookies
            .iter()
            .find(|(id, _)| *id == link.id)
            .map(|(_, v)| v.as_str())
    }
}

/// The value the password cookie must carry for `link`: a digest of the link's secret key and
/// its password, so the cookie never holds the password itself and stops working when the
/// password or the link changes (DocSpace stores the signed password key there).
fn password_key(link: &Link, password: &str) -> String {
    hex::encode(Sha256::digest(format!(
        "{COOKIE_PREFIX}\0{}\0{password}",
        link.key
    )))
}

/// Whether the link's file or room now lies in Archive or Trash (the server's `Invalid`).
fn in_archive_or_trash(conn: &Connection, link: &Link) -> Result<bool, ApiError> {
    let folder_id = match link.file_id {
        Some(f) => match entries::file(conn, f)? {
            Some(file) => file.folder_id,
            None => return Ok(true),
        },
        None => link.room_id,
    };
    let Some(folder) = entries::folder(conn, folder_id)? else {
        return Ok(true);
    };
    let root = entries::folder(conn, folder.root_id)?;
    Ok(root.is_some_and(|r| matches!(r.folder_type, folder_type::ARCHIVE | folder_type::TRASH)))
}

/// The status of `link` for this request, checked in the server's order; `password` is the one
/// just sent to `…/password`, if any.
pub(crate) fn status(
    conn: &Connection,
    link: &Link,
    proof: &LinkProof,
    password: Option<&str>,
) -> Result<LinkStatus, ApiError> {
    if link.link_type != 1 || link.access == 0 {
        return Ok(LinkStatus::Invalid);
    }
    if link
        .expiration
        .as_deref()
        .is_some_and(|e| parse_db_time(e) <= now())
    {
        return Ok(LinkStatus::Expired);
    }
    if link.internal && !proof.authenticated {
        return Ok(LinkStatus::ExternalAccessDenied);
    }
    if in_archive_or_trash(conn, link)? {
        return Ok(LinkStatus::Invalid);
    }
    let Some(stored) = &link.password else {
        return Ok(LinkStatus::Ok);
    };
    let expected = password_key(link, stored);
    if proof
        .cookie_for(link)
        .is_some_and(|c| constant_time_eq(c.as_bytes(), expected.as_bytes()))
    {
        return Ok(LinkStatus::Ok);
    }
    Ok(match password.filter(|p| !p.is_empty()) {
        None => LinkStatus::RequiredPassword,
        Some(p) if constant_time_eq(password_key(link, p).as_bytes(), expected.as_bytes()) => {
            LinkStatus::Ok
        }
        Some(_) => LinkStatus::InvalidPassword,
    })
}

/// The link behind `key` and its status, or `None` for an unknown key.
pub(crate) fn resolve(
    conn: &Connection,
    key: &str,
    proof: &LinkProof,
) -> Result<Option<(Link, LinkStatus)>, ApiError> {
    let Some(link) = links::by_key(conn, key)? else {
        return Ok(None);
    };
    let status = status(conn, &link, proof, None)?;
    Ok(Some((link, status)))
}

/// The `ExternalShareDto` of an unknown or unusable key.
fn invalid_dto(authenticated: bool) -> Value {
    json!({
        "status": LinkStatus::Invalid as i64, "tenantId": 1, "shared": false,
        "linkId": "00000000-0000-0000-0000-000000000000", "isAuthenticated": authenticated,
    })
}

/// The `ExternalShareDto` for `link` with `status`: the room, or the file a file's link opens
/// (`FileEntryType` Folder 1, File 2).
fn share_dto(
    conn: &Connection,
    link: &Link,
    mut status: LinkStatus,
    me: Option<&User>,
) -> Result<Value, ApiError> {
    let authenticated = me.is_some();
    if matches!(status, LinkStatus::Invalid) {
        return Ok(invalid_dto(authenticated));
    }
    let (entity_id, entity_title, entity_type, is_room, member) = match link.file_id {
        Some(file_id) => match entries::file(conn, file_id)? {
            Some(f) => (f.id, f.title, 2, false, false),
            None => return Ok(invalid_dto(authenticated)),
        },
        None => {
            let Some(room) = entries::folder(conn, link.room_id)? else {
                return Ok(invalid_dto(authenticated));
            };
            let member = match me {
                Some(u) => {
                    let actor = Actor::signed_in(u.clone());
                    permissions::room_level(conn, &actor, &room)?.allows(RoomAction::Read)
                }
                None => false,
            };
            (room.id, room.title, 1, true, member)
        }
    };
    // A signed-in reader of a protected room needs no password (`ExternalLinkHelper`).
    if status == LinkStatus::RequiredPassword && is_room && member {
        status = LinkStatus::Ok;
    }
    Ok(json!({
        "status": status as i64,
        "id": link.id,
        "title": link.title,
        "type": 1,
        "tenantId": 1,
        "entityId": entity_id.to_string(),
        "entityTitle": entity_title,
        "entityType": entity_type,
        "isRoom": is_room,
        "shared": true,
        "linkId": link.id,
        "isAuthenticated": authenticated,
        "isRoomMember": member,
    }))
}

/// `GET /api/2.0/files/share/{key}` (anonymous): what a link key opens, with its status.
pub async fn external_share(
    db: Store,
    caller: Option<Caller>,
    headers: HeaderMap,
    Path(key): Path<String>,
) -> ApiResult {
    let me = caller.map(|c| c.user);
    let proof = LinkProof::from_headers(&headers, me.is_some());
    db.read(move |c| match resolve(c, &key, &proof)? {
        Some((link, status)) => share_dto(c, &link, status, me.as_ref()),
        None => Ok(invalid_dto(me.is_some())),
    })
    .await
}

/// The body of `POST files/share/{key}/password` (`ExternalShareRequestParam`).
#[derive(Deserialize)]
pub struct PasswordRequest {
    password: Option<String>,
}

/// `POST /api/2.0/files/share/{key}/password` (anonymous): checks the password of a protected
/// link. A right one answers status Ok and sets the `sharelink{linkId}` cookie; a wrong one
/// answers InvalidPassword (4) and clears it. More than five wrong tries a minute from one
/// address are refused with a 403 for a minute, as DocSpace's brute-force guard does.
pub async fn apply_password(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    caller: Option<Caller>,
    headers: HeaderMap,
    Path(key): Path<String>,
    JsonBody(req): JsonBody<PasswordRequest>,
) -> ApiResult<Response> {
    let attempt = state
        .login_guard
        .attempt(&format!("{COOKIE_PREFIX}/{key}"), ip)
        .map_err(|_| ApiError::Refused(TOO_MANY_ATTEMPTS.into()))?;
    let me = caller.map(|c| c.user);
    let proof = LinkProof::from_headers(&headers, me.is_some());
    let password = req.password.unwrap_or_default();
    let (dto, cookie) = state
        .db
        .read(move |c| {
            let Some(link) = links::by_key(c, &key)? else {
                return Ok((invalid_dto(me.is_some()), None));
            };
            let status = status(c, &link, &proof, Some(&password))?;
            let cookie = match (status, &link.password) {
                (LinkStatus::Ok, Some(stored)) => {
                    Some(set_cookie(&link, &password_key(&link, stored), &headers))
                }
                (LinkStatus::InvalidPassword, _) => Some(clear_cookie(&link)),
                _ => None,
            };
            Ok((share_dto(c, &link, status, me.as_ref())?, cookie))
        })
        .await?;
    if dto["status"] != json!(LinkStatus::InvalidPassword as i64) {
        state.login_guard.succeeded(attempt);
    }
    let mut resp = Envelope::from_value(dto).into_response();
    if let Some(v) = cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(resp)
}

/// A session cookie, HttpOnly, with the same `SameSite` rule as the sign-in cookie (frames on
/// another site need `None; Secure` over HTTPS).
fn set_cookie(link: &Link, value: &str, headers: &HeaderMap) -> String {
    let same_site = if super::auth::is_https(headers) {
        "SameSite=None; Secure"
    } else {
        "SameSite=Lax"
    };
    format!(
        "{COOKIE_PREFIX}{}={value}; Path=/; HttpOnly; {same_site}",
        link.id
    )
}

fn clear_cookie(link: &Link) -> String {
    format!(
        "{COOKIE_PREFIX}{}=; Path=/; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        link.id
    )
}
