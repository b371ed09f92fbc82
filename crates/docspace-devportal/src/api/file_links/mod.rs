//! A file's external links: the primary link (`file/{id}/link`) and the list, creation, change
//! and revocation of its links (`file/{id}/links`), as DocSpace answers them
//! (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/FilesController.cs`
//! `CreateFilePrimaryExternalLink`, `GetFilePrimaryExternalLink`, `GetFileLinks`,
//! `SetFileExternalLink`; the rules in `products/ASC.Files/Core/Core/FileStorageService.cs`
//! `GetPrimaryExternalLinkAsync`/`SetExternalLinkAsync`, `products/ASC.Files/Core/Utils/FileSharing.cs`
//! `FileSharingAceHelper.SetAceObjectAsync`, and the tables of
//! `products/ASC.Files/Core/Core/Security/FileSecurity.cs`). The rows are room links with
//! `file_id` set ([`crate::db::links`]) and answer as the same `FileShareDto`s.

use axum::extract::Path;
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::Value;

use super::dto;
use super::extract::{FileInPath, JsonBody, Paging, Query, int_id, title};
use super::lookup::{FILE_NOT_FOUND, resolve_folder};
use super::shares::{link_expiration, parse_date};
use crate::api::SignedInCall;
use crate::auth::Caller;
use crate::db::entries::{self, File, folder_type};
use crate::db::links::{self, Link};
use crate::envelope::{ApiError, ApiResult};
use crate::permissions::{
    self, FileSharing, Level, RoomAction, Subject, file_accesses, max_links, share,
};
use crate::users::{EmployeeType, User};

/// `FilesCommonResource.DefaultExternalLinkTitle`.
const DEFAULT_TITLE: &str = "Shared link";
/// `PasswordSettingsManager.CheckPassword` with the default `PasswordSettings` (8 to 30
/// printable ASCII characters, no space), and its message.
const PASSWORD_RULE: &str =
    "Password must contain from 8 to 30 characters, only latin letters, no spaces";
const ROLE_NOT_AVAILABLE: &str = "The role is not available for this user type";

/// The levels a link of `place`'s file may be given (None revokes it).
fn link_accesses(place: &Place, subject: Subject) -> Vec<i64> {
    let file = FileSharing {
        title: &place.file.title,
        room_type: place.room_type,
        in_my_documents: place.root_type == Some(folder_type::USER),
        by_creator: false,
    };
    file_accesses(&file, Some(subject))
        .into_iter()
        .find(|(s, _)| *s == subject)
        .map(|(_, levels)| levels)
        .unwrap_or_default()
}

/// What the caller may do with a file's links.
struct Place {
    file: File,
    level: Level,
    room_type: Option<i64>,
    root_type: Option<i64>,
}

impl Place {
    /// The file `id` as `caller` sees it (links are managed by signed-in users only).
    fn load(conn: &Connection, caller: &Caller, id: i64) -> Result<Place, ApiError> {
        let actor = &caller.actor();
        let file =
            entries::file(conn, id)?.ok_or_else(|| ApiError::NotFound(FILE_NOT_FOUND.into()))?;
        let parent = resolve_folder(conn, actor, &file.folder_id.to_string())?;
        let level = permissions::folder_level(conn, actor, &parent)?;
        let room_type = match parent.room_id {
            Some(r) => entries::folder(conn, r)?.and_then(|r| r.room_type),
            None => None,
        };
        let root_type = entries::folder_type_of(conn, parent.root_id)?;
        Ok(Place {
            file,
            level,
            room_type,
            root_type,
        })
    }

    /// `FileSharingHelper.CanSetAccessAsync`: not a guest, not in the Archive, and `EditAccess`
    /// (a room manager, or the owner in My documents).
    fn may_manage(&self, user: &User) -> bool {
        user.user_type != EmployeeType::Guest
            && self.root_type != Some(folder_type::ARCHIVE)
            && self.level.allows(RoomAction::ManageAccess)
    }
}

fn share_dto(portal: &str, l: &Link, can_edit: bool) -> Value {
    dto::link_share(portal, l, can_edit)
}

fn new_link(f: &File, access: i64, primary: bool) -> Link {
    Link {
        file_id: Some(f.id),
        ..Link::new(f.folder_id, 1, access, DEFAULT_TITLE, primary)
    }
}

/// `FileLinkRequest`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct FileLinkRequest {
    #[serde(default)]
    link_id: Option<String>,
    #[serde(default)]
    access: Option<i64>,
    #[serde(default)]
    expiration_date: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    internal: Option<bool>,
    #[serde(default)]
    primary: Option<bool>,
    #[serde(default)]
    deny_download: Option<bool>,
    #[serde(default)]
    password: Option<String>,
}

/// The request's options, checked as DocSpace checks them before touching anything.
struct Options {
    link_id: Option<String>,
    title: String,
    expiration: Option<String>,
    password: Option<String>,
}

/// The file a link change names and the request's options, checked before anything is read (the
/// id first, as DocSpace binds it).
fn file_and_options(id: &str, req: &FileLinkRequest) -> Result<(i64, Options), ApiError> {
    Ok((int_id(id, "File")?, options(req)?))
}

fn options(req: &FileLinkRequest) -> Result<Options, ApiError> {
    let link_id = match req.link_id.as_deref().filter(|s| !s.is_empty()) {
        Some(raw) => {
            let g = uuid::Uuid::parse_str(raw).map_err(|_| {
                ApiError::field(
                    "linkId",
                    format!("The JSON value '{raw}' is not a valid Guid."),
                )
            })?;
            Some(g).filter(|g| !g.is_nil()).map(|g| g.to_string())
        }
        None => None,
    };
    let title = match req
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        Some(t) => title(t, "title", 255)?,
        None => DEFAULT_TITLE.into(),
    };
    // A file's links follow the rule of a room's external links (link type 1): a date in the
    // past means no expiry, more than ten years ahead is out of range.
    let expiration = match req.expiration_date.as_deref().filter(|s| !s.is_empty()) {
        Some(raw) => link_expiration(parse_date(raw)?, 1)?,
        None => None,
    };
    let password = req.password.clone().filter(|p| !p.is_empty());
    if let Some(p) = &password {
        let printable = p.chars().all(|c| ('\u{21}'..='\u{7e}').contains(&c));
        if !printable || !(8..=30).contains(&p.chars().count()) {
            return Err(ApiError::BadRequest(PASSWORD_RULE.into()));
        }
    }
    Ok(Options {
        link_id,
        title,
        expiration,
        password,
    })
}

/// `GET …/file/{id}/link` and `POST …/file/{id}/link`: the primary link, created (by whoever may
/// share the file) with the request's settings when the file has none; an existing one is
/// returned as it is.
async fn primary_link(
    SignedInCall { caller, portal, db }: SignedInCall,
    id: String,
    req: FileLinkRequest,
    default_access: i64,
) -> ApiResult {
    let (id, opts) = file_and_options(&id, &req)?;
    db.write(move |tx| {
        let place = Place::load(tx, &caller, id)?;
        place.level.require(RoomAction::Read)?;
        let manage = place.may_manage(&caller.user);
        if let Some(l) = links::of_file(tx, id)?.into_iter().find(|l| l.primary) {
            return Ok(share_dto(&portal, &l, manage));
        }
        if !manage {
            return Err(ApiError::AccessDenied);
        }
        let access = req.access.unwrap_or(default_access);
        if !link_accesses(&place, Subject::PrimaryExternalLink).contains(&access) {
            return Err(ApiError::InvalidOperation(ROLE_NOT_AVAILABLE.into()));
        }
        if access == share::NONE {
            return Ok(Value::Null);
        }
        let l = save(tx, &place, new_link(&place.file, access, true), &opts, &req)?;
        Ok(share_dto(&portal, &l, manage))
    })
    .await
}

/// Saves `l` with what the request sets on every link it creates or changes: expiry, password,
/// downloads, and whether it is internal (which the room type may decide).
fn save(
    tx: &Connection,
    place: &Place,
    mut l: Link,
    opts: &Options,
    req: &FileLinkRequest,
) -> Result<Link, ApiError> {
    l.expiration = opts.expiration.clone();
    l.password = opts.password.clone();
    l.deny_download = req.deny_download.unwrap_or(false);
    l.internal = internal_for(place.room_type, req.internal.unwrap_or(false));
    links::save(tx, &l)?;
    Ok(l)
}

/// Whether a link is for signed-in users only: always in a virtual data room, never in a public
/// room, else as asked (`FileSharingAceHelper.SetAceObjectAsync`).
fn internal_for(room_type: Option<i64>, asked: bool) -> bool {
    match room_type {
        Some(8) => true,
        Some(6) => false,
        _ => asked,
    }
}

/// `GET /api/2.0/files/file/{id}/link` → `FileShareDto` (created with Read if missing).
pub async fn primary(call: SignedInCall, Path(id): Path<String>) -> ApiResult {
    primary_link(call, id, FileLinkRequest::default(), share::READ).await
}

/// `POST /api/2.0/files/file/{id}/link` (`FileLinkRequest`) → `FileShareDto`. An absent
/// `access` binds as `FileShare.None`, which creates nothing (the answer is `null`).
pub async fn create_primary(
    call: SignedInCall,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<FileLinkRequest>,
) -> ApiResult {
    primary_link(call, id, req, share::NONE).await
}

/// `GET /api/2.0/files/file/{id}/links?startIndex=&count=` → `FileShareDto[]`, primary first,
/// with `total`; callers who may not read links (`ReadLinks`) get an empty list.
pub async fn list(
    SignedInCall { caller, portal, db }: SignedInCall,
    FileInPath(id): FileInPath,
    q: Query,
) -> ApiResult {
    let paging = Paging::from_query(&q)?;
    db.read_page(move |c| {
        let place = Place::load(c, &caller, id)?;
        place.level.require(RoomAction::Read)?;
        if !place.level.allows(RoomAction::ReadLinks) {
            return Ok((Vec::new(), 0));
        }
        let manage = place.may_manage(&caller.user);
        let all = links::of_file(c, id)?;
        let total = all.len() as u64;
        let page = all
            .iter()
            .skip(paging.start as usize)
            .take(paging.count as usize)
            .map(|l| share_dto(&portal, l, manage))
            .collect::<Vec<_>>();
        Ok((page, total))
    })
    .await
}

/// `PUT /api/2.0/files/file/{id}/links` (`FileLinkRequest`) → `FileShareDto`, or `null` when the
/// link was removed (`access` None). A known `linkId` is replaced with the request's options as
/// a whole (an absent field is its default, as DocSpace builds `FileShareOptions` from the
/// request); an unknown or empty one creates a link, within the count limit.
pub async fn set(
    SignedInCall { caller, portal, db }: SignedInCall,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<FileLinkRequest>,
) -> ApiResult {
    let (id, opts) = file_and_options(&id, &req)?;
    db.write(move |tx| {
        let place = Place::load(tx, &caller, id)?;
        if !place.may_manage(&caller.user) {
            return Err(ApiError::AccessDenied);
        }
        // Files outside My documents and rooms (the Trash) are skipped: nothing changes.
        if !matches!(
            place.root_type,
            Some(folder_type::USER | folder_type::VIRTUAL_ROOMS)
        ) {
            return Ok(Value::Null);
        }
        let access = req.access.unwrap_or(share::NONE);
        let subject = if req.primary == Some(true) {
            Subject::PrimaryExternalLink
        } else {
            Subject::ExternalLink
        };
        if !link_accesses(&place, subject).contains(&access) {
            return Err(ApiError::InvalidOperation(ROLE_NOT_AVAILABLE.into()));
        }
        let existing = match &opts.link_id {
            Some(lid) => links::by_id(tx, lid)?.filter(|l| l.file_id == Some(id)),
            None => None,
        };
        if access == share::NONE {
            let Some(old) = existing else {
                return Ok(Value::Null);
            };
            if old.primary && place.room_type == Some(6) {
                // A public room's files keep a primary link: revoking it is refused
                // (`CheckPrimaryLinkRevokeAsync`).
                return Err(ApiError::AccessDenied);
            }
            links::delete(tx, &old.id)?;
            return Ok(Value::Null);
        }
        let mut l = match existing {
            Some(l) => l,
            None => {
                let primary = req.primary.unwrap_or(false);
                let count = links::of_file(tx, id)?
                    .iter()
                    .filter(|l| l.primary == primary)
                    .count() as i64;
                let max = max_links(place.room_type, primary);
                if count >= max {
                    return Err(ApiError::InvalidOperation(format!(
                        "The maximum number of links may not exceed {max}"
                    )));
                }
                let mut l = new_link(&place.file, access, primary);
                if let Some(lid) = &opts.link_id {
                    l.id = lid.clone();
                }
                l
            }
        };
        l.access = access;
        l.title = opts.title.clone();
        let l = save(tx, &place, l, &opts, &req)?;
        Ok(share_dto(&portal, &l, true))
    })
    .await
}
