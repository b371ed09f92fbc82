//! Rooms: `/api/2.0/files/rooms…` (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/VirtualRoomsController.cs`).

use axum::extract::{Path, State};
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::{Value, json};

use super::extract::{JsonBody, Paging, Query, int_id, title};
use super::{Portal, dto, fileops};
use crate::auth::Caller;
use crate::db::entries::{self, Folder, NewFolder, SortBy, folder_type};
use crate::db::rooms::{self, RoomFilter};
use crate::db::{members, tags};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::permissions::{self, Actor, PortalAction, RoomAction, portal_allows, share};
use crate::state::AppState;
use crate::users;
use docspace_types::{COVER_MAX, HEX_COLOR_LEN, ROOM_TITLE_MAX, RoomType, TEXT_MAX, dotnet_len};

/// The covers `GET files/rooms/covers` offers: id and SVG data.
const COVERS: &[(&str, &str)] = &[
    (
        "briefcase",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><rect x=\"4\" y=\"9\" width=\"24\" height=\"17\" rx=\"2\"/><rect x=\"11\" y=\"5\" width=\"10\" height=\"5\" rx=\"1\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/></svg>",
    ),
    (
        "star",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><path d=\"M16 3l4 9 9 1-7 6 2 10-8-5-8 5 2-10-7-6 9-1z\"/></svg>",
    ),
    (
        "folder",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><path d=\"M3 8h10l3 3h13v15H3z\"/></svg>",
    ),
    (
        "globe",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><circle cx=\"16\" cy=\"16\" r=\"12\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/><path d=\"M4 16h24M16 4c6 6 6 18 0 24c-6-6-6-18 0-24z\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/></svg>",
    ),
];

/// The SVG of a cover id (empty for ids this portal does not know).
pub fn cover_svg(id: &str) -> &'static str {
    COVERS
        .iter()
        .find(|(c, _)| *c == id)
        .map(|(_, d)| *d)
        .unwrap_or("")
}

/// `GET /api/2.0/files/rooms/covers`.
pub async fn covers(_caller: Caller) -> Envelope {
    Envelope::ok(
        COVERS
            .iter()
            .map(|(id, data)| json!({ "id": id, "data": data }))
            .collect::<Vec<_>>(),
    )
}

/// `RoomDataLifetimeDto`.
#[derive(Deserialize, serde::Serialize, Clone, Default)]
#[serde(rename_all = "camelCase")]
pub struct Lifetime {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    delete_permanently: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    period: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    enabled: Option<bool>,
}

/// `WatermarkRequestDto`.
#[derive(Deserialize, Clone, Default)]
#[serde(rename_all = "camelCase")]
pub struct Watermark {
    #[serde(default)]
    enabled: Option<bool>,
    #[serde(default)]
    additions: Option<i64>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    rotate: Option<i64>,
    #[serde(default)]
    image_scale: Option<i64>,
    #[serde(default)]
    image_url: Option<String>,
    #[serde(default)]
    image_height: Option<f64>,
    #[serde(default)]
    image_width: Option<f64>,
}

/// One initial member of a new room.
#[derive(Deserialize, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ShareEntry {
    #[serde(default)]
    share_to: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    access: Option<i64>,
}

/// `CreateRoomRequestDto` and `UpdateRoomRequest` (the update ignores `roomType`, `private`, `share`).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct RoomRequest {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    room_type: Option<Value>,
    #[serde(default)]
    private: Option<bool>,
    #[serde(default)]
    indexing: Option<bool>,
    #[serde(default)]
    deny_download: Option<bool>,
    #[serde(default)]
    quota: Option<i64>,
    #[serde(default)]
    tags: Option<Vec<String>>,
    #[serde(default)]
    color: Option<String>,
    #[serde(default)]
    cover: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    // Logos need an uploaded image (`POST files/logos`), which this portal does not keep.
    logo: Option<Value>,
    #[serde(default)]
    lifetime: Option<Lifetime>,
    #[serde(default)]
    watermark: Option<Watermark>,
    #[serde(default)]
    share: Option<Vec<ShareEntry>>,
    #[serde(default)]
    #[allow(dead_code)]
    // AI rooms are listed and stored; their chat settings have no effect here.
    chat_settings: Option<Value>,
    #[serde(default, rename = "sendFormToExternalDB")]
    #[allow(dead_code)]
    send_form_to_external_db: Option<bool>,
    #[serde(default, rename = "saveFormAsXLSX")]
    #[allow(dead_code)]
    save_form_as_xlsx: Option<bool>,
}

fn parse_room_type(v: &Value) -> Result<i64, ApiError> {
    let n = match v {
        Value::Number(n) => n
            .as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .map(RoomType::from_value),
        Value::String(s) => match s.trim().parse::<i32>() {
            Ok(n) => Some(RoomType::from_value(n)),
            Err(_) => RoomType::from_name(s.trim()),
        },
        _ => None,
    }
    .filter(|t| RoomType::ALL.contains(t))
    .map(|t| i64::from(t.value()));
    n.ok_or_else(|| {
        ApiError::field(
            "RoomType",
            format!("The value '{v}' is not a valid room type."),
        )
    })
}

/// A room colour: DocSpace caps it at 6 characters (`[StringLength(6)]` on `Color` in
/// ONLYOFFICE/DocSpace-server `products/ASC.Files/Server/ApiModels/RequestDto/CreateRoomRequestDto.cs`),
/// so `#FF0000` gets .NET's length message; the value is six hex digits without `#`
/// (<https://api.onlyoffice.com/docspace/api-backend/usage-api/models/cover-request-dto>).
pub(crate) fn check_color(c: &str) -> Result<String, ApiError> {
    if dotnet_len(c) > HEX_COLOR_LEN {
        Err(ApiError::field(
            "Color",
            format!("The field Color must be a string with a maximum length of {HEX_COLOR_LEN}."),
        ))
    } else if docspace_types::is_hex_color(c) {
        Ok(c.to_ascii_uppercase())
    } else {
        Err(ApiError::field(
            "Color",
            "The color must be 6 hexadecimal digits.",
        ))
    }
}

pub(crate) fn check_tags(t: &[String]) -> Result<Vec<String>, ApiError> {
    if t.len() > tags::MAX_PER_ROOM {
        return Err(tags::too_many());
    }
    t.iter().map(|s| title(s, "tag", tags::NAME_MAX)).collect()
}

pub(crate) fn lifetime_json(l: &Lifetime) -> Result<String, ApiError> {
    if let Some(p) = l.period
        && !(0..=2).contains(&p)
    {
        return Err(ApiError::field(
            "Lifetime.Period",
            "The period must be 0 (days), 1 (months) or 2 (years).",
        ));
    }
    if let Some(v) = l.value
        && !(1..=999).contains(&v)
    {
        return Err(ApiError::field(
            "Lifetime.Value",
            "The field Value must be between 1 and 999.",
        ));
    }
    let full = Lifetime {
        delete_permanently: Some(l.delete_permanently.unwrap_or(false)),
        period: Some(l.period.unwrap_or(0)),
        value: Some(l.value.unwrap_or(1)),
        enabled: Some(l.enabled.unwrap_or(true)),
    };
    serde_json::to_string(&full).map_err(|e| ApiError::Internal(e.to_string()))
}

pub(crate) fn watermark_json(w: &Watermark) -> Result<String, ApiError> {
    if w.text.as_ref().is_some_and(|t| dotnet_len(t) > TEXT_MAX) {
        return Err(ApiError::field(
            "Watermark.Text",
            "The field Text must be a string with a maximum length of 255.",
        ));
    }
    if w.additions.is_some_and(|a| !(0..=31).contains(&a)) {
        return Err(ApiError::field(
            "Watermark.Additions",
            "The additions are not valid.",
        ));
    }
    let mut v = json!({
        "enabled": w.enabled.unwrap_or(true),
        "additions": w.additions.unwrap_or(0),
        "rotate": w.rotate.unwrap_or(0),
        "imageScale": w.image_scale.unwrap_or(0),
        "imageHeight": w.image_height.unwrap_or(0.0),
        "imageWidth": w.image_width.unwrap_or(0.0),
    });
    if let Some(t) = &w.text {
        v["text"] = json!(t);
    }
    if let Some(u) = &w.image_url {
        v["imageUrl"] = json!(u);
    }
    Ok(v.to_string())
}

fn check_quota(q: i64) -> Result<i64, ApiError> {
    if q < -2 {
        return Err(ApiError::field(
            "Quota",
            "The quota must be -1 (unlimited), -2 (default) or a size in bytes.",
        ));
    }
    Ok(q)
}

/// Applies the settings fields of a create/update request to a room row.
fn apply_settings(room: &mut Folder, req: &RoomRequest) -> Result<(), ApiError> {
    if let Some(t) = &req.title {
        room.title = title(t, "title", ROOM_TITLE_MAX)?;
    }
    if let Some(v) = req.indexing {
        room.indexing = v;
    }
    if let Some(v) = req.deny_download {
        room.deny_download = v;
    }
    if let Some(q) = req.quota {
        room.quota = check_quota(q)?;
    }
    if let Some(c) = &req.color {
        room.color = Some(check_color(c)?);
    }
    if let Some(c) = &req.cover {
        if dotnet_len(c) > COVER_MAX {
            return Err(ApiError::field(
                "Cover",
                "The field Cover must be a string with a maximum length of 50.",
            ));
        }
        room.cover = Some(c.clone()).filter(|c| !c.is_empty());
    }
    if let Some(l) = &req.lifetime {
        room.lifetime = Some(lifetime_json(l)?);
    }
    if let Some(w) = &req.watermark {
        room.watermark = Some(watermark_json(w)?);
    }
    Ok(())
}

/// A room by id, or 404.
pub fn load_room(conn: &Connection, id: i64) -> Result<Folder, ApiError> {
    entries::folder(conn, id)?
        .filter(Folder::is_room)
        .ok_or_else(|| ApiError::NotFound("The room could not be found".into()))
}

/// The shared Rooms section.
pub fn rooms_section(conn: &Connection) -> Result<Folder, ApiError> {
    entries::section(conn, folder_type::VIRTUAL_ROOMS, None)?
        .ok_or_else(|| ApiError::Internal("the Rooms section is missing".into()))
}

/// The shared Archive section.
pub fn archive_section(conn: &Connection) -> Result<Folder, ApiError> {
    entries::section(conn, folder_type::ARCHIVE, None)?
        .ok_or_else(|| ApiError::Internal("the Archive section is missing".into()))
}

/// Creates a room in a transaction; shared with the demo seed.
pub fn create_room(
    conn: &Connection,
    owner: &users::User,
    req: &RoomRequest,
) -> Result<Folder, ApiError> {
    let room_type = parse_room_type(
        req.room_type
            .as_ref()
            .ok_or_else(|| ApiError::field("RoomType", "The RoomType field is required."))?,
    )?;
    let t = title(
        req.title
            .as_deref()
            .ok_or_else(|| ApiError::field("Title", "The Title field is required."))?,
        "title",
        ROOM_TITLE_MAX,
    )?;
    let section = rooms_section(conn)?;
    let mut room = entries::insert_folder(
        conn,
        &section,
        &NewFolder {
            title: t,
            folder_type: folder_type::of_room(room_type),
            room_type: Some(room_type),
            owner_id: owner.id.clone(),
        },
    )?;
    room.private = req.private.unwrap_or(false);
    apply_settings(&mut room, req)?;
    if room.color.is_none() {
        // DocSpace picks a random colour; derive one from the id so it is stable.
        const PALETTE: [&str; 6] = ["5299E0", "6191F2", "55C1C1", "D05E8D", "B06DD9", "4FB7A2"];
        room.color = Some(PALETTE[(room.id as usize) % PALETTE.len()].to_string());
    }
    rooms::update(conn, &room, &owner.id)?;
    for tag in check_tags(req.tags.as_deref().unwrap_or_default())? {
        tags::attach(conn, room.id, &tag, &owner.id)?;
    }
    for s in req.share.as_deref().unwrap_or_default() {
        let member = match (&s.share_to, &s.email) {
            (Some(id), _) => users::by_id(conn, id)?,
            (None, Some(email)) => users::by_email(conn, email)?,
            (None, None) => None,
        }
        .ok_or_else(|| ApiError::BadRequest("The user to share with could not be found".into()))?;
        let access = s.access.unwrap_or(share::READ);
        permissions::valid_member_access(room_type, access, &member)
            .map_err(ApiError::BadRequest)?;
        if member.id != owner.id {
            members::set(conn, room.id, &member.id, access)?;
        }
    }
    if room_type == 6 {
        super::shares::create_primary_link(conn, &room)?;
    }
    load_room(conn, room.id)
}

/// `POST /api/2.0/files/rooms`.
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Portal(portal): Portal,
    JsonBody(req): JsonBody<RoomRequest>,
) -> ApiResult {
    if !portal_allows(&caller.user, PortalAction::CreateRoom) {
        return Err(ApiError::AccessDenied);
    }
    let actor = Actor::signed_in(caller.user.clone());
    let v = state
        .db
        .write(move |tx| {
            let room = create_room(tx, &caller.user, &req)?;
            dto::folder(tx, &portal, &actor, &room)
        })
        .await?;
    Ok(Envelope::from_value(v))
}

/// `GET /api/2.0/files/rooms`: the Rooms (or Archive) section with filters and paging.
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Portal(portal): Portal,
    q: Query,
) -> ApiResult {
    let paging = Paging::from_query(&q)?;
    let mut types = Vec::new();
    for t in q.all("type") {
        types.push(parse_room_type(&Value::String(t.to_string()))?);
    }
    let area = q
        .enum_value(
            "searchArea",
            &[
                ("Active", 0),
                ("Archive", 1),
                ("Any", 2),
                ("RecentByLinks", 3),
                ("Templates", 4),
                ("Knowledge", 5),
                ("ResultStorage", 6),
                ("AiAgents", 7),
            ],
        )?
        .unwrap_or(0);
    let tag_list: Vec<String> = match q.get("tags") {
        Some(raw) => serde_json::from_str(raw).map_err(|_| {
            ApiError::field(
                "Tags",
                "The tags must be a JSON array of strings, e.g. [\"a\",\"b\"].",
            )
        })?,
        None => Vec::new(),
    };
    for name in [
        "provider",
        "subjectFilter",
        "quotaFilter",
        "storageFilter",
        "groupId",
    ] {
        q.int(name)?;
    }
    let without_tags = q.bool("withoutTags")?.unwrap_or(false);
    let exclude_subject = q.bool("excludeSubject")?.unwrap_or(false);
    let sort = SortBy::parse(q.get("sortBy").unwrap_or("DateAndTime"));
    let descending = match q.get("sortOrder") {
        Some(s) => matches!(s.to_ascii_lowercase().as_str(), "1" | "descending"),
        None => sort != SortBy::Title,
    };
    let subject = q.get("subjectId").map(str::to_string);
    let owner = q.get("subjectOwnerId").map(str::to_string);
    let search = q.get("filterValue").map(str::to_string);
    let user = caller.user.clone();
    let actor = Actor::signed_in(caller.user);
    let v = state
        .db
        .read(move |c| {
            let rooms_root = rooms_section(c)?;
            let archive = archive_section(c)?;
            let (current, parents) = match area {
                0 => (rooms_root.clone(), vec![rooms_root.id]),
                1 => (archive.clone(), vec![archive.id]),
                2 => (rooms_root.clone(), vec![rooms_root.id, archive.id]),
                // `SearchArea.Templates`: the templates section (`FolderType.RoomTemplates`), see
                // ONLYOFFICE/DocSpace-server `products/ASC.Files/Core/Services/WCFService/FileStorageService.cs`.
                4 => match crate::db::templates::section(c)? {
                    Some(t) => (t.clone(), vec![t.id]),
                    None => (rooms_root.clone(), vec![]),
                },
                _ => (rooms_root.clone(), vec![]),
            };
            let filter = RoomFilter {
                parents,
                types,
                subject: subject.clone().filter(|_| !exclude_subject),
                owner,
                without_tags,
                tags: tag_list,
                search,
                sort,
                descending,
                visible_to: (!portal_allows(&user, PortalAction::ReadAnyRoom))
                    .then(|| user.id.clone()),
                pinned_for: user.id.clone(),
            };
            let (list, total) = if filter.parents.is_empty() {
                (Vec::new(), 0)
            } else {
                rooms::list(c, &filter, paging.start, paging.count)?
            };
            let list: Vec<Folder> = match (&subject, exclude_subject) {
                (Some(s), true) => list.into_iter().filter(|r| &r.owner_id != s).collect(),
                _ => list,
            };
            dto::content(
                c,
                &portal,
                &actor,
                &current,
                dto::Page {
                    folders: &list,
                    files: &[],
                    start: paging.start,
                    total,
                },
            )
        })
        .await?;
    Ok(Envelope::from_value(v))
}

/// `GET /api/2.0/files/rooms/{id}`.
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    Portal(portal): Portal,
    Path(id): Path<String>,
) -> ApiResult {
    let id = int_id(&id, "Room")?;
    let v = state
        .db
        .read(move |c| {
            let room = load_room(c, id)?;
            permissions::room_level(c, &actor, &room)?.require(RoomAction::Read)?;
            dto::folder(c, &portal, &actor, &room)
        })
        .await?;
    Ok(Envelope::from_value(v))
}

/// `PUT /api/2.0/files/rooms/{id}`.
pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Portal(portal): Portal,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<RoomRequest>,
) -> ApiResult {
    let id = int_id(&id, "Room")?;
    let actor = Actor::signed_in(caller.user.clone());
    let v = state
        .db
        .write(move |tx| {
            let mut room = load_room(tx, id)?;
            permissions::room_level(tx, &actor, &room)?.require(RoomAction::EditRoom)?;
            apply_settings(&mut room, &req)?;
            rooms::update(tx, &room, &caller.user.id)?;
            if let Some(t) = &req.tags {
                let wanted = check_tags(t)?;
                for old in rooms::tags_of(tx, &[room.id])?
                    .remove(&room.id)
                    .unwrap_or_default()
                {
                    if !wanted.contains(&old) {
                        tags::detach(tx, room.id, &old)?;
                    }
                }
                for tag in wanted {
                    tags::attach(tx, room.id, &tag, &caller.user.id)?;
                }
            }
            let room = load_room(tx, id)?;
            dto::folder(tx, &portal, &actor, &room)
        })
        .await?;
    Ok(Envelope::from_value(v))
}

/// `{deleteAfter?}` of archive, unarchive and delete.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct RoomOpRequest {
    #[serde(default)]
    #[allow(dead_code)]
    // Operations finish before the answer; there is nothing to delete after.
    delete_after: Option<bool>,
}

async fn move_room(
    state: AppState,
    caller: Caller,
    portal: String,
    id: String,
    to_archive: bool,
) -> ApiResult {
    let id = int_id(&id, "Room")?;
    let actor = Actor::signed_in(caller.user.clone());
    let v = state
        .db
        .write(move |tx| {
            let room = load_room(tx, id)?;
            permissions::room_level(tx, &actor, &room)?.require(RoomAction::Archive)?;
            let (from, to) = if to_archive {
                (rooms_section(tx)?, archive_section(tx)?)
            } else {
                (archive_section(tx)?, rooms_section(tx)?)
            };
            if room.parent_id != Some(from.id) {
                let msg = if to_archive {
                    "The room is already archived"
                } else {
                    "The room is not archived"
                };
                return Err(ApiError::BadRequest(msg.into()));
            }
            rooms::move_to_section(tx, room.id, &to, &caller.user.id)?;
            rooms::set_pinned(tx, &caller.user.id, room.id, false)?;
            let moved = load_room(tx, id)?;
            let folders = vec![dto::folder(tx, &portal, &actor, &moved)?];
            fileops::record(tx, &caller.user.id, fileops::OP_MOVE, vec![], folders, None)
        })
        .await?;
    Ok(Envelope::from_value(v))
}

/// `PUT /api/2.0/files/rooms/{id}/archive` → `FileOperationDto` (finished; poll `files/fileops`).
pub async fn archive(
    State(state): State<AppState>,
    caller: Caller,
    Portal(portal): Portal,
    Path(id): Path<String>,
    JsonBody(_req): JsonBody<RoomOpRequest>,
) -> ApiResult {
    move_room(state, caller, portal, id, true).await
}

/// `PUT /api/2.0/files/rooms/{id}/unarchive`.
pub async fn unarchive(
    State(state): State<AppState>,
    caller: Caller,
    Portal(portal): Portal,
    Path(id): Path<String>,
    JsonBody(_req): JsonBody<RoomOpRequest>,
) -> ApiResult {
    move_room(state, caller, portal, id, false).await
}

/// `DELETE /api/2.0/files/rooms/{id}` (body required) → `FileOperationDto`.
pub async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    JsonBody(_req): JsonBody<RoomOpRequest>,
) -> ApiResult {
    let id = int_id(&id, "Room")?;
    let actor = Actor::signed_in(caller.user.clone());
    let v = state
        .db
        .write(move |tx| {
            let room = load_room(tx, id)?;
            // Only the owner deletes a room that is not archived; an archived one, its owner or
            // a DocSpace admin (`FileSecurity.cs`: `case Delete` and `case FolderType.Archive`).
            permissions::room_level(tx, &actor, &room)?.require(RoomAction::DeleteRoom)?;
            entries::delete_folder(tx, room.id)?;
            fileops::record(
                tx,
                &caller.user.id,
                fileops::OP_DELETE,
                vec![],
                vec![],
                None,
            )
        })
        .await?;
    Ok(Envelope::from_value(v))
}

async fn set_pin(
    state: AppState,
    actor: Actor,
    portal: String,
    id: String,
    pinned: bool,
) -> ApiResult {
    let id = int_id(&id, "Room")?;
    let v = state
        .db
        .write(move |tx| {
            let room = load_room(tx, id)?;
            permissions::room_level(tx, &actor, &room)?.require(RoomAction::Pin)?;
            rooms::set_pinned(tx, actor.id(), room.id, pinned)?;
            dto::folder(tx, &portal, &actor, &room)
        })
        .await?;
    Ok(Envelope::from_value(v))
}

/// `PUT /api/2.0/files/rooms/{id}/pin`.
pub async fn pin(
    State(state): State<AppState>,
    caller: Caller,
    Portal(portal): Portal,
    Path(id): Path<String>,
) -> ApiResult {
    set_pin(state, Actor::signed_in(caller.user), portal, id, true).await
}

/// `PUT /api/2.0/files/rooms/{id}/unpin`.
pub async fn unpin(
    State(state): State<AppState>,
    caller: Caller,
    Portal(portal): Portal,
    Path(id): Path<String>,
) -> ApiResult {
    set_pin(state, Actor::signed_in(caller.user), portal, id, false).await
}
