//! Room members and links: `files/rooms/{id}/share`, `…/links`, `…/link`, and the public data
//! behind a link key, `files/share/{key}` (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/VirtualRoomsController.cs`, the share and link actions).

use rusqlite::Connection;
use serde::Deserialize;
use serde_json::{Value, json};

use super::dto;
use super::extract::{Paging, PathAndBody, Query, RoomInPath, title};
use super::rooms::{room_allowing, room_and_level};
use crate::api::SignedInCall;
use crate::db::entries::Folder;
use crate::db::links::{self, Link};
use crate::db::members;
use crate::envelope::{ApiError, ApiResult};
use crate::permissions::{self, RoomAction, share};
use crate::time::{db_time, now};
use crate::users::{self, EmployeeType, User};

/// Creates the room's primary external link (public rooms get one on creation, as in DocSpace).
pub fn create_primary_link(conn: &Connection, room: &Folder) -> Result<Link, ApiError> {
    let link = Link::new(room.id, 1, share::READ, "Shared link", true);
    links::save(conn, &link)?;
    Ok(link)
}

/// `GET /api/2.0/files/rooms/{id}/share`: members (and, by `filterType`, links); envelope `total`.
pub async fn members(
    SignedInCall { caller, portal, db }: SignedInCall,
    RoomInPath(id): RoomInPath,
    q: Query,
) -> ApiResult {
    let paging = Paging::from_query(&q)?;
    let filter = q.int("filterType")?.unwrap_or(0);
    if !(0..=63).contains(&filter) {
        return Err(ApiError::field(
            "FilterType",
            "The value is not a valid ShareFilterType.",
        ));
    }
    let search = q.get("filterValue").map(str::to_lowercase);
    let actor = caller.actor();
    db.read_page(move |c| {
        let (room, level) = room_and_level(c, &actor, id, RoomAction::Read)?;
        let manager = level.allows(RoomAction::ManageAccess);
        let sees_links = level.allows(RoomAction::ReadLinks);
        let mut all: Vec<Value> = Vec::new();
        let wants_users = filter == 0 || filter & 16 != 0;
        if wants_users {
            let mut ids: Vec<(String, i64)> = vec![(room.owner_id.clone(), share::ROOM_MANAGER)];
            ids.extend(
                members::list(c, room.id)?
                    .into_iter()
                    .filter(|(u, _)| *u != room.owner_id),
            );
            let refs: Vec<&str> = ids.iter().map(|(u, _)| u.as_str()).collect();
            let people = users::by_ids(c, &refs)?;
            for (uid, access) in &ids {
                let Some(u) = people.get(uid) else { continue };
                if search.as_deref().is_some_and(|s| {
                    !u.display_name().to_lowercase().contains(s)
                        && !u.email.to_lowercase().contains(s)
                }) {
                    continue;
                }
                all.push(dto::user_share(
                    &portal,
                    u,
                    *access,
                    *uid == room.owner_id,
                    manager,
                ));
            }
        }
        let link_kinds: Option<i64> = match filter {
            1 => Some(0),
            2 | 4 | 8 => Some(1),
            15 => None,
            _ => Some(-1),
        };
        if link_kinds != Some(-1) && sees_links {
            for l in links::of_room(c, room.id, link_kinds)? {
                if (filter == 8 && !l.primary) || (filter == 4 && l.primary) {
                    continue;
                }
                all.push(dto::link_share(&portal, &l, manager));
            }
        }
        let total = all.len() as u64;
        let page: Vec<Value> = all
            .into_iter()
            .skip(paging.start as usize)
            .take(paging.count as usize)
            .collect();
        Ok((page, total))
    })
    .await
}

/// One `RoomInvitation`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Invitation {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    access: Option<i64>,
}

/// `RoomInvitationRequest`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InvitationRequest {
    #[serde(default)]
    invitations: Vec<Invitation>,
    #[serde(default)]
    #[allow(dead_code)] // No e-mail is sent by this portal.
    notify: Option<bool>,
    #[serde(default)]
    #[allow(dead_code)]
    message: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    culture: Option<String>,
    #[serde(default)]
    #[allow(dead_code)] // No form roles exist here, so nothing needs forcing.
    force: Option<bool>,
}

fn find_or_invite(tx: &Connection, inv: &Invitation, inviter: &str) -> Result<User, ApiError> {
    if let Some(id) = &inv.id {
        let id = uuid::Uuid::parse_str(id)
            .map_err(|_| ApiError::NotFound("The user could not be found".into()))?
            .to_string();
        return users::by_id(tx, &id)?
            .ok_or_else(|| ApiError::NotFound("The user could not be found".into()));
    }
    let email = inv.email.as_deref().map(str::trim).unwrap_or_default();
    if !docspace_types::is_email(email) {
        return Err(ApiError::BadRequest(format!("Incorrect email: {email}")));
    }
    if let Some(u) = users::by_email(tx, email)? {
        return Ok(u);
    }
    // A new person invited into a room becomes a pending Guest, as in DocSpace.
    users::insert_invited(tx, email, EmployeeType::Guest, inviter)
}

/// `PUT /api/2.0/files/rooms/{id}/share` → `RoomSecurityDto`.
pub async fn set_members(
    SignedInCall { caller, portal, db }: SignedInCall,
    PathAndBody(RoomInPath(id), req): PathAndBody<RoomInPath, InvitationRequest>,
) -> ApiResult {
    let actor = caller.actor();
    db.write(move |tx| {
        let room = room_allowing(tx, &actor, id, RoomAction::ManageAccess)?;
        if req.invitations.is_empty() {
            return Ok(json!({ "error": 0 }));
        }
        let room_type = room.room_type.unwrap_or(5);
        let mut touched = Vec::new();
        for inv in &req.invitations {
            let access = inv
                .access
                .ok_or_else(|| ApiError::field("Access", "The Access field is required."))?;
            let member = find_or_invite(tx, inv, &caller.user.id)?;
            if member.id == room.owner_id {
                return Err(ApiError::BadRequest(
                    "The owner's access cannot be changed".into(),
                ));
            }
            permissions::valid_member_access(room_type, access, &member)
                .map_err(ApiError::BadRequest)?;
            members::set(tx, room.id, &member.id, access)?;
            touched.push(dto::user_share(&portal, &member, access, false, true));
        }
        Ok(json!({ "members": touched, "error": 0 }))
    })
    .await
}

/// `GET /api/2.0/files/rooms/{id}/links` (`?type=0|1`).
pub async fn links(
    SignedInCall { caller, portal, db }: SignedInCall,
    RoomInPath(id): RoomInPath,
    q: Query,
) -> ApiResult {
    let kind = q.enum_value("type", &[("Invitation", 0), ("External", 1)])?;
    let actor = caller.actor();
    db.read(move |c| {
        let (room, level) = room_and_level(c, &actor, id, RoomAction::ReadLinks)?;
        let can_edit = level.allows(RoomAction::ManageAccess);
        Ok(links::of_room(c, room.id, kind)?
            .iter()
            .map(|l| dto::link_share(&portal, l, can_edit))
            .collect::<Vec<_>>())
    })
    .await
}

/// `GET /api/2.0/files/rooms/{id}/link`: the primary external link, created when the room type
/// has external links and none exists yet.
pub async fn primary_link(
    SignedInCall { caller, portal, db }: SignedInCall,
    RoomInPath(id): RoomInPath,
) -> ApiResult {
    let actor = caller.actor();
    db.write(move |tx| {
        let (room, level) = room_and_level(tx, &actor, id, RoomAction::Read)?;
        if permissions::external_link_levels(room.room_type.unwrap_or(0)).is_none() {
            return Ok(Value::Null);
        }
        let existing = links::of_room(tx, room.id, Some(1))?
            .into_iter()
            .find(|l| l.primary);
        let link = match existing {
            Some(l) => l,
            None => {
                level.require(RoomAction::ManageAccess)?;
                create_primary_link(tx, &room)?
            }
        };
        Ok(dto::link_share(
            &portal,
            &link,
            level.allows(RoomAction::ManageAccess),
        ))
    })
    .await
}

/// `RoomLinkRequest`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkRequest {
    #[serde(default)]
    link_id: Option<String>,
    #[serde(default)]
    link_type: Option<i64>,
    #[serde(default)]
    access: Option<i64>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    expiration_date: Option<String>,
    #[serde(default)]
    password: Option<String>,
    #[serde(default)]
    deny_download: Option<bool>,
    #[serde(default)]
    internal: Option<bool>,
    #[serde(default)]
    max_use_count: Option<i64>,
}

/// An `ApiDateTime` (or a plain date) from a request, or the validation error ASP.NET answers.
pub fn parse_date(raw: &str) -> Result<chrono::DateTime<chrono::Utc>, ApiError> {
    chrono::DateTime::parse_from_rfc3339(raw)
        .map(|t| t.with_timezone(&chrono::Utc))
        .or_else(|_| {
            chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                .map(|d| d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc())
        })
        .map_err(|_| {
            ApiError::field(
                "ExpirationDate",
                format!("The value '{raw}' is not a valid date."),
            )
        })
}

/// The latest expiry a shared link may have: `UtcNow.AddYears(FilesLinkUtility.MaxLinkLifeTimeInYears)`
/// (ONLYOFFICE/DocSpace-server `products/ASC.Files/Core/Core/FileStorageService.cs`), for file and
/// room links alike.
fn latest_link_expiry() -> chrono::DateTime<chrono::Utc> {
    now() + chrono::Months::new(12 * docspace_types::LINK_LIFETIME_MAX_YEARS)
}

/// The `ArgumentException(null, nameof(expirationDate))` DocSpace throws for an expiry out of range.
fn expiry_out_of_range() -> ApiError {
    ApiError::BadRequest(
        "Value does not fall within the expected range. (Parameter 'expirationDate')".into(),
    )
}

/// A link's expiry as DocSpace checks it (`SetInvitationLinkAsync` and `SetExternalLinkAsync`;
/// a file's links are external links): later than [`latest_link_expiry`] is out of range for
/// either kind; a date already past is too for an invitation link (`link_type` 0), while an
/// external link (1) takes it as no expiry (`None`). The stored form when there is one.
pub fn link_expiration(
    t: chrono::DateTime<chrono::Utc>,
    link_type: i64,
) -> Result<Option<String>, ApiError> {
    let past = t < now();
    if t > latest_link_expiry() || (past && link_type == 0) {
        return Err(expiry_out_of_range());
    }
    Ok((!past).then(|| db_time(t)))
}

/// `PUT /api/2.0/files/rooms/{id}/links`: creates, updates or (access 0) revokes a link.
pub async fn set_link(
    SignedInCall { caller, portal, db }: SignedInCall,
    PathAndBody(RoomInPath(id), req): PathAndBody<RoomInPath, LinkRequest>,
) -> ApiResult {
    let title_in = match &req.title {
        Some(t) => Some(title(t, "title", 255)?),
        None => None,
    };
    if req
        .password
        .as_ref()
        .is_some_and(|p| docspace_types::dotnet_len(p) > docspace_types::TEXT_MAX)
    {
        return Err(ApiError::field(
            "Password",
            "The field Password must be a string with a maximum length of 255.",
        ));
    }
    if let Some(m) = req.max_use_count
        && !(1..=1000).contains(&m)
    {
        return Err(ApiError::field(
            "MaxUseCount",
            "The field MaxUseCount must be between 1 and 1000.",
        ));
    }
    let expiration = req.expiration_date.as_deref().map(parse_date).transpose()?;
    let actor = caller.actor();
    db.write(move |tx| {
        let room = room_allowing(tx, &actor, id, RoomAction::ManageAccess)?;
        let room_type = room.room_type.unwrap_or(5);
        let existing = match req
            .link_id
            .as_deref()
            .filter(|l| !l.is_empty() && *l != "00000000-0000-0000-0000-000000000000")
        {
            Some(lid) => Some(
                links::by_id(tx, lid)?
                    .filter(|l| l.room_id == room.id)
                    .ok_or_else(|| ApiError::NotFound("The link could not be found".into()))?,
            ),
            None => None,
        };
        let link_type = existing
            .as_ref()
            .map(|l| l.link_type)
            .unwrap_or(req.link_type.unwrap_or(0));
        let allowed: Vec<i64> = match link_type {
            0 => permissions::invitation_link_levels(room_type),
            1 => permissions::external_link_levels(room_type)
                .ok_or_else(|| ApiError::BadRequest("This room type has no external links".into()))?
                .to_vec(),
            _ => {
                return Err(ApiError::field(
                    "LinkType",
                    "The link type must be 0 (invitation) or 1 (external).",
                ));
            }
        };
        let default_access = if allowed.contains(&share::READ) {
            share::READ
        } else {
            allowed[0]
        };
        let access = req.access.unwrap_or(
            existing
                .as_ref()
                .map(|l| l.access)
                .unwrap_or(default_access),
        );
        if !allowed.contains(&access) {
            return Err(ApiError::BadRequest(format!(
                "Access level {access} is not available for this link"
            )));
        }
        let mut link = match existing {
            Some(l) => l,
            None => {
                let primary = link_type == 1
                    && !links::of_room(tx, room.id, Some(1))?
                        .iter()
                        .any(|l| l.primary);
                let title = if link_type == 0 {
                    "Invitation link"
                } else {
                    "Shared link"
                };
                Link::new(room.id, link_type, access, title, primary)
            }
        };
        link.access = access;
        if let Some(t) = title_in {
            link.title = t;
        }
        if let Some(t) = expiration
            .map(|t| link_expiration(t, link_type))
            .transpose()?
            .flatten()
        {
            link.expiration = Some(t);
        }
        if let Some(p) = req.password {
            link.password = Some(p).filter(|p| !p.is_empty());
        }
        if let Some(d) = req.deny_download {
            link.deny_download = d;
        }
        if let Some(i) = req.internal {
            link.internal = i;
        }
        if req.max_use_count.is_some() {
            link.max_use_count = req.max_use_count;
        }
        if access == share::NONE {
            links::delete(tx, &link.id)?;
        } else {
            links::save(tx, &link)?;
        }
        Ok(dto::link_share(&portal, &link, true))
    })
    .await
}
