//! Uploads: simple multipart upload and chunked upload sessions (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/UploadController.cs`; <https://api.onlyoffice.com/docspace/api-backend/usage-api/upload-file/>).
//!
//! Chunks are stored in SQLite as they arrive; when the last byte arrives (or on `finalize`) the
//! file is written from them, one chunk at a time, in one transaction, so a file is either wholly
//! there or absent and never wholly in memory.

use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::{Value, json};

use super::extract::{JsonBody, Query, title};
use super::folders::{TITLE_MAX, resolve_folder};
use super::{Portal, dto};
use crate::db::entries::{self, Folder, folder_type};
use crate::db::uploads::{self, UploadSession};
use crate::db::versions;
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::permissions::{self, Actor, RoomAction};
use crate::state::AppState;
use crate::time::{db_time, now, parse_db_time};
use crate::upload_budget::Reservation;

use super::upload_body::read_parts;
pub use super::upload_body::{MAX_CHUNK, MAX_SIMPLE, MAX_UPLOAD};

/// Largest file a chunked session may announce.
pub const MAX_FILE: i64 = 512 * 1024 * 1024;
/// How long a session stays open.
const SESSION_HOURS: i64 = 12;

/// Extensions the portal accepts for upload (anything else is a 415, as DocSpace answers).
pub fn uploadable(title: &str) -> bool {
    const EXTRA: &[&str] = &[
        ".json", ".xml", ".log", ".yaml", ".yml", ".css", ".js", ".ini", ".docxf", ".oform", ".eml",
    ];
    let ext = entries::split_ext(title).1.to_ascii_lowercase();
    dto::file_type(title) != 0 || EXTRA.contains(&ext.as_str())
}

fn check_name(name: &str) -> Result<String, ApiError> {
    let t = title(name, "title", TITLE_MAX)?;
    if !uploadable(&t) {
        return Err(ApiError::UnsupportedMedia(format!(
            "The file type of {t} cannot be uploaded"
        )));
    }
    Ok(t)
}

fn upload_target(conn: &Connection, actor: &Actor, raw: &str) -> Result<Folder, ApiError> {
    let folder = resolve_folder(conn, actor, raw)?;
    may_upload_into(conn, actor, &folder)?;
    Ok(folder)
}

/// DocSpace's check before an upload lands in `folder`: not the rooms list, the archive or the
/// Trash, and the caller may create there (`FileUploader.GetFolderIdAsync`).
fn may_upload_into(conn: &Connection, actor: &Actor, folder: &Folder) -> Result<(), ApiError> {
    if matches!(
        folder.folder_type,
        folder_type::VIRTUAL_ROOMS | folder_type::ARCHIVE | folder_type::TRASH
    ) {
        return Err(ApiError::AccessDenied);
    }
    permissions::folder_level(conn, actor, folder)?.require(RoomAction::Create)
}

/// DocSpace's longest stored title; longer ones are cut (`Global.MaxTitle`).
const STORED_TITLE_MAX: usize = 170;

/// A title as DocSpace stores it (ONLYOFFICE/DocSpace-server:
/// `products/ASC.Files/Core/Helpers/Global.cs`, `ReplaceInvalidCharsAndTruncate`): trimmed, cut
/// to 170 UTF-16 units (keeping an extension that starts in the last 20), and each of
/// `\t * + : " < > ? | \ /` and each UTF-16 surrogate (so an emoji becomes `__`) replaced by `_`.
pub fn stored_title(raw: &str) -> String {
    let units: Vec<u16> = raw.trim().encode_utf16().collect();
    let units = if units.len() > STORED_TITLE_MAX {
        let dot = units.iter().rposition(|&u| u == u16::from(b'.'));
        match dot {
            Some(pos) if pos > STORED_TITLE_MAX - 20 => {
                // .NET would throw for an extension longer than the limit; keep it whole.
                let keep = STORED_TITLE_MAX.saturating_sub(units.len() - pos);
                [&units[..keep], &units[pos..]].concat()
            }
            _ => units[..STORED_TITLE_MAX].to_vec(),
        }
    } else {
        units
    };
    char::decode_utf16(units.iter().copied())
        .flat_map(|c| match c {
            Ok(c) if "\t*+:\"<>?|\\/".contains(c) => vec!['_'],
            // Both units of a pair are surrogates, and so is a lone one.
            Ok(c) if c.len_utf16() == 2 => vec!['_', '_'],
            Ok(c) => vec![c],
            Err(_) => vec!['_'],
        })
        .collect()
}

/// The folder a file with DocSpace's `relativePath` lands in: from `folder`, each `/`-separated
/// title in turn, as stored ([`stored_title`]), names the child folder of that title, created
/// when missing; an empty title ends the walk there. Each folder reached must take uploads
/// ([`may_upload_into`]). `..` and `.` are titles like any other here, as in DocSpace (its
/// folders are rows, not paths): ONLYOFFICE/DocSpace-server
/// `products/ASC.Files/Core/Utils/FileUploader.cs`, `GetFolderIdAsync`.
fn folder_at_path(
    conn: &Connection,
    actor: &Actor,
    folder: Folder,
    relative_path: &str,
) -> Result<Folder, ApiError> {
    let mut here = folder;
    for segment in relative_path.split('/') {
        let t = stored_title(segment);
        if t.is_empty() {
            break;
        }
        here = match entries::folder_by_title(conn, here.id, &t)? {
            Some(f) => f,
            None => entries::insert_folder(
                conn,
                &here,
                &entries::NewFolder {
                    title: t,
                    folder_type: folder_type::DEFAULT,
                    room_type: None,
                    owner_id: actor.user()?.id.clone(),
                },
            )?,
        };
        may_upload_into(conn, actor, &here)?;
    }
    Ok(here)
}

/// Stores `content` as `name` in `folder`: a new version of a same-named file unless
/// `create_new`, else a new file with a free title.
fn store(
    conn: &Connection,
    actor: &Actor,
    folder: &Folder,
    name: &str,
    content: entries::Body<'_>,
    create_new: bool,
) -> Result<entries::File, ApiError> {
    let me = actor.user()?;
    let user = me.id.clone();
    // DocSpace updates a same-named file only for a caller who may edit it and is not a guest
    // (`FileUploader.CanEditAsync`); anyone else gets a new file with a free title. The new
    // version is commented "Uploaded" (`FilesCommonResource.CommentUpload`).
    let may_update = me.user_type != crate::users::EmployeeType::Guest
        && permissions::folder_level(conn, actor, folder)?.allows(RoomAction::EditContent);
    if !create_new
        && may_update
        && let Some(existing) = entries::file_by_title(conn, folder.id, name)?
    {
        let f = entries::add_version_with(conn, existing.id, &user, content)?;
        versions::set_comment(conn, f.id, f.version, versions::COMMENT_UPLOAD)?;
        return Ok(f);
    }
    let t = entries::unique_file_title(conn, folder.id, name)?;
    entries::insert_file_with(conn, folder.id, &t, &user, content)
}

/// `POST /api/2.0/files/{folderId}/upload` (multipart `File`) → `FileDto[]`.
pub async fn simple(
    State(state): State<AppState>,
    actor: Actor,
    Portal(portal): Portal,
    Path(folder): Path<String>,
    q: Query,
    headers: HeaderMap,
    form: Multipart,
) -> ApiResult {
    let create_new = q.bool("createNewIfExist")?.unwrap_or(false);
    // Held until the answer: the bytes stay in memory until the write below has stored them.
    let mut held = state.uploads.reservation();
    let parts = read_parts(form, &headers, MAX_SIMPLE, &mut held).await?;
    if parts.is_empty() {
        return Err(ApiError::BadRequest(
            "No file was found in the request".into(),
        ));
    }
    let parts = parts
        .into_iter()
        .map(|(name, data)| Ok((check_name(&name)?, data)))
        .collect::<Result<Vec<_>, ApiError>>()?;
    let v = state
        .db
        .write(move |tx| {
            let target = upload_target(tx, &actor, &folder)?;
            let stored = parts
                .iter()
                .map(|(name, data)| {
                    store(
                        tx,
                        &actor,
                        &target,
                        name,
                        entries::Body::Bytes(data),
                        create_new,
                    )
                })
                .collect::<Result<Vec<_>, _>>()?;
            dto::files(tx, &portal, &actor, &target, &stored)
        })
        .await?;
    Ok(Envelope::ok(v))
}

/// `SessionRequest`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionRequest {
    file_name: Option<String>,
    #[serde(default)]
    file_size: Option<i64>,
    #[serde(default)]
    relative_path: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    create_on: Option<String>,
    #[serde(default)]
    encrypted: Option<bool>,
    #[serde(default)]
    create_new_if_exist: Option<bool>,
}

fn plain_iso(stored: &str) -> String {
    // A plain .NET `DateTime` in round-trip form; for UTC that is the ApiDateTime text.
    crate::time::api_datetime(parse_db_time(stored))
}

fn session_value(conn: &Connection, portal: &str, s: &UploadSession) -> Result<Value, ApiError> {
    let folder = entries::folder(conn, s.folder_id)?
        .ok_or_else(|| ApiError::NotFound("The folder could not be found".into()))?;
    let path: Vec<i64> = entries::path(conn, &folder)?.iter().map(|f| f.id).collect();
    Ok(json!({
        "id": s.id,
        "path": path,
        "created": plain_iso(&s.created),
        "expired": plain_iso(&s.expires),
        "location": format!("{portal}/ChunkedUploader.ashx?uid={}", s.id),
        "bytes_total": s.file_size,
    }))
}

/// `POST /api/2.0/files/{folderId}/session` → the session object.
pub async fn create_session(
    State(state): State<AppState>,
    actor: Actor,
    Portal(portal): Portal,
    Path(folder): Path<String>,
    JsonBody(req): JsonBody<SessionRequest>,
) -> ApiResult {
    let name = check_name(req.file_name.as_deref().unwrap_or(""))?;
    let size = req.file_size.unwrap_or(0);
    if !(0..=MAX_FILE).contains(&size) {
        return Err(ApiError::field(
            "FileSize",
            format!("The file size must be between 0 and {MAX_FILE} bytes."),
        ));
    }
    if req.encrypted.unwrap_or(false) {
        return Err(ApiError::BadRequest(
            "Encrypted uploads are not supported by this portal".into(),
        ));
    }
    let v = state
        .db
        .write(move |tx| {
            let mut target = upload_target(tx, &actor, &folder)?;
            if let Some(path) = req.relative_path.as_deref().filter(|p| !p.is_empty()) {
                target = folder_at_path(tx, &actor, target, path)?;
            }
            let s = UploadSession {
                id: uuid::Uuid::new_v4().simple().to_string(),
                user_id: actor.user()?.id.clone(),
                folder_id: target.id,
                file_name: name,
                file_size: size,
                create_new: req.create_new_if_exist.unwrap_or(false),
                created: db_time(now()),
                expires: db_time(now() + chrono::Duration::hours(SESSION_HOURS)),
            };
            uploads::insert(tx, &s)?;
            session_value(tx, &portal, &s)
        })
        .await?;
    Ok(Envelope::from_value(v))
}

/// A caller's open session; `folder` (when given) must be the session's folder or one above it
/// (the one the session was opened on, when a `relativePath` took the file further down).
/// DocSpace looks at the session id alone.
fn load_session(
    conn: &Connection,
    actor: &Actor,
    id: &str,
    folder: Option<&str>,
) -> Result<UploadSession, ApiError> {
    let user = actor.user()?;
    let s = uploads::get(conn, id)?
        .filter(|s| s.user_id == user.id)
        .filter(|s| parse_db_time(&s.expires) > now())
        .ok_or_else(|| {
            ApiError::NotFound("The upload session could not be found or has expired".into())
        })?;
    if let Some(f) = folder
        && f != "@my"
    {
        let named = f.parse::<i64>().ok();
        let fits = named == Some(s.folder_id) || {
            let session_folder = entries::folder(conn, s.folder_id)?
                .ok_or_else(|| ApiError::NotFound("The folder could not be found".into()))?;
            entries::path(conn, &session_folder)?
                .iter()
                .any(|p| Some(p.id) == named)
        };
        if !fits {
            return Err(ApiError::NotFound(
                "The upload session belongs to another folder".into(),
            ));
        }
    }
    Ok(s)
}

async fn one_chunk(
    form: Multipart,
    headers: &HeaderMap,
    held: &mut Reservation,
) -> Result<Vec<u8>, ApiError> {
    let mut parts = read_parts(form, headers, MAX_CHUNK, held).await?;
    if parts.len() != 1 {
        return Err(ApiError::BadRequest(
            "Send exactly one chunk as the File part".into(),
        ));
    }
    Ok(parts.remove(0).1)
}

/// Assembles a complete session into a file (in the caller's transaction) and answers
/// `UploadSessionResponseDto` with `uploaded: true`.
fn complete(
    tx: &Connection,
    actor: &Actor,
    portal: &str,
    s: &UploadSession,
) -> Result<Value, ApiError> {
    let received = uploads::received(tx, &s.id)?;
    if received != s.file_size {
        return Err(ApiError::BadRequest(format!(
            "The session received {received} of {} bytes",
            s.file_size
        )));
    }
    let folder = entries::folder(tx, s.folder_id)?
        .ok_or_else(|| ApiError::NotFound("The folder could not be found".into()))?;
    permissions::folder_level(tx, actor, &folder)?.require(RoomAction::Create)?;
    // The file is written chunk by chunk into its place: a session may be hundreds of MiB, and
    // only one chunk is in memory at a time.
    let body = entries::Body::Reserved(s.file_size);
    let f = store(tx, actor, &folder, &s.file_name, body, s.create_new)?;
    let written = uploads::write_chunks_into(tx, &s.id, &mut entries::version_blob(tx, &f)?)?;
    if written != s.file_size {
        // Cannot happen after the check above in one transaction; refuse rather than keep zeros.
        return Err(ApiError::Internal(
            "the upload changed while it was stored".into(),
        ));
    }
    uploads::delete(tx, &s.id)?;
    let file = dto::file(tx, portal, actor, &f)?;
    Ok(json!({
        "id": f.id,
        "folderId": f.folder_id,
        "version": f.version,
        "title": f.title,
        "uploaded": true,
        "file": file,
    }))
}

/// `POST /api/2.0/files/{folderId}/session/{sessionId}`: the next chunk of a sequential upload;
/// the last one completes the file (201).
pub async fn append_chunk(
    State(state): State<AppState>,
    actor: Actor,
    Portal(portal): Portal,
    Path((folder, session)): Path<(String, String)>,
    headers: HeaderMap,
    form: Multipart,
) -> ApiResult {
    let mut held = state.uploads.reservation();
    let data = one_chunk(form, &headers, &mut held).await?;
    let (v, done) = state
        .db
        .write(move |tx| {
            let s = load_session(tx, &actor, &session, Some(folder.as_str()))?;
            let received = uploads::received(tx, &s.id)?;
            if received + data.len() as i64 > s.file_size {
                return Err(ApiError::BadRequest(
                    "The chunk goes past the announced file size".into(),
                ));
            }
            let n = uploads::next_chunk(tx, &s.id)?;
            uploads::put_chunk(tx, &s.id, n, &data)?;
            if received + data.len() as i64 == s.file_size {
                return Ok((complete(tx, &actor, &portal, &s)?, true));
            }
            Ok((
                json!({ "folderId": s.folder_id, "title": s.file_name, "uploaded": false }),
                false,
            ))
        })
        .await?;
    let env = Envelope::from_value(v);
    Ok(if done {
        env.with_status(StatusCode::CREATED)
    } else {
        env
    })
}

/// `POST /api/2.0/files/{folderId}/session/{sessionId}/upload?chunkNumber=N`: one chunk of a
/// parallel upload → the session object.
pub async fn put_chunk(
    State(state): State<AppState>,
    actor: Actor,
    Portal(portal): Portal,
    Path((folder, session)): Path<(String, String)>,
    q: Query,
    headers: HeaderMap,
    form: Multipart,
) -> ApiResult {
    let n = q
        .int("chunkNumber")?
        .filter(|n| (1..=100_000).contains(n))
        .ok_or_else(|| {
            ApiError::field(
                "ChunkNumber",
                "The chunkNumber must be between 1 and 100000.",
            )
        })?;
    let mut held = state.uploads.reservation();
    let data = one_chunk(form, &headers, &mut held).await?;
    let v = state
        .db
        .write(move |tx| {
            let s = load_session(tx, &actor, &session, Some(folder.as_str()))?;
            uploads::put_chunk(tx, &s.id, n, &data)?;
            if uploads::received(tx, &s.id)? > s.file_size {
                return Err(ApiError::BadRequest(
                    "The chunks go past the announced file size".into(),
                ));
            }
            session_value(tx, &portal, &s)
        })
        .await?;
    Ok(Envelope::from_value(v))
}

/// `PUT /api/2.0/files/{folderId}/session/{sessionId}/finalize` → 201 `UploadSessionResponseDto`.
pub async fn finalize(
    State(state): State<AppState>,
    actor: Actor,
    Portal(portal): Portal,
    Path((folder, session)): Path<(String, String)>,
) -> ApiResult {
    let v = state
        .db
        .write(move |tx| {
            let s = load_session(tx, &actor, &session, Some(folder.as_str()))?;
            complete(tx, &actor, &portal, &s)
        })
        .await?;
    Ok(Envelope::from_value(v).with_status(StatusCode::CREATED))
}

/// `DELETE /api/2.0/files/{folderId}/session/{sessionId}`: abandons a session.
pub async fn abort(
    State(state): State<AppState>,
    actor: Actor,
    Path((folder, session)): Path<(String, String)>,
) -> ApiResult {
    state
        .db
        .write(move |tx| {
            let s = load_session(tx, &actor, &session, Some(folder.as_str()))?;
            uploads::delete(tx, &s.id)
        })
        .await?;
    Ok(Envelope::empty())
}

/// `POST /api/2.0/files/{folderId}/upload/create_session` (deprecated flavour): the session object
/// wrapped as `{success: true, data: …}` inside the envelope.
pub async fn create_session_legacy(
    state: State<AppState>,
    actor: Actor,
    portal: Portal,
    folder: Path<String>,
    body: JsonBody<SessionRequest>,
) -> ApiResult {
    let inner = create_session(state, actor, portal, folder, body).await?;
    let data = inner.response().cloned().unwrap_or(Value::Null);
    Ok(Envelope::from_value(
        json!({ "success": true, "data": data }),
    ))
}

fn handler_answer(
    status: StatusCode,
    success: bool,
    data: Value,
    message: &str,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let body = json!({ "success": success, "data": data, "message": message });
    let mut resp = (status, body.to_string()).into_response();
    resp.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static("application/json; charset=utf-8"),
    );
    resp
}

/// `POST /ChunkedUploader.ashx?uid={id}` (the legacy handler a session's `location` names): one
/// chunk per request (`&upload=true&chunkNumber=N` for parallel ones), `&finalize=true`,
/// `&abort=true`. Answers `{success, data, message}` outside the envelope; errors are a 200 with
/// `success: false`, as DocSpace's handler does.
pub async fn chunked_uploader(
    State(state): State<AppState>,
    actor: Actor,
    Portal(portal): Portal,
    q: Query,
    headers: HeaderMap,
    form: Option<Multipart>,
) -> axum::response::Response {
    match chunked_uploader_inner(state, actor, portal, q, headers, form).await {
        Ok((status, data)) => handler_answer(status, true, data, ""),
        Err(e) => handler_answer(StatusCode::OK, false, Value::Null, &e.to_string()),
    }
}

async fn chunked_uploader_inner(
    state: AppState,
    actor: Actor,
    portal: String,
    q: Query,
    headers: HeaderMap,
    form: Option<Multipart>,
) -> Result<(StatusCode, Value), ApiError> {
    let uid = q
        .get("uid")
        .ok_or_else(|| ApiError::BadRequest("uid is required".into()))?
        .to_string();
    if q.bool("abort")?.unwrap_or(false) {
        state
            .db
            .write(move |tx| {
                let s = load_session(tx, &actor, &uid, None)?;
                uploads::delete(tx, &s.id)
            })
            .await?;
        return Ok((StatusCode::OK, Value::Null));
    }
    if q.bool("finalize")?.unwrap_or(false) {
        let v = state
            .db
            .write(move |tx| {
                let s = load_session(tx, &actor, &uid, None)?;
                complete(tx, &actor, &portal, &s)
            })
            .await?;
        return Ok((StatusCode::CREATED, legacy_keys(v)));
    }
    let form =
        form.ok_or_else(|| ApiError::BadRequest("Send the chunk as multipart/form-data".into()))?;
    let mut held = state.uploads.reservation();
    let data = one_chunk(form, &headers, &mut held).await?;
    let numbered = if q.bool("upload")?.unwrap_or(false) {
        Some(
            q.int("chunkNumber")?
                .filter(|n| (1..=100_000).contains(n))
                .ok_or_else(|| {
                    ApiError::BadRequest("chunkNumber must be between 1 and 100000".into())
                })?,
        )
    } else {
        None
    };
    state
        .db
        .write(move |tx| {
            let s = load_session(tx, &actor, &uid, None)?;
            let received = uploads::received(tx, &s.id)?;
            if received + data.len() as i64 > s.file_size {
                return Err(ApiError::BadRequest(
                    "The chunk goes past the announced file size".into(),
                ));
            }
            let n = match numbered {
                Some(n) => n,
                None => uploads::next_chunk(tx, &s.id)?,
            };
            uploads::put_chunk(tx, &s.id, n, &data)?;
            if numbered.is_none() && received + data.len() as i64 == s.file_size {
                return Ok((
                    StatusCode::CREATED,
                    legacy_keys(complete(tx, &actor, &portal, &s)?),
                ));
            }
            Ok((StatusCode::OK, session_value(tx, &portal, &s)?))
        })
        .await
}

/// The handler spells `providerKey` as `provider_key`.
fn legacy_keys(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut()
        && let Some(k) = o.remove("providerKey")
    {
        o.insert("provider_key".into(), k);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::stored_title;

    #[test]
    fn titles_are_stored_as_docspace_stores_them() {
        assert_eq!(stored_title("  Photos "), "Photos");
        assert_eq!(
            stored_title("a+b:c*d?e|f\"g<h>i\\j/k\tl"),
            "a_b_c_d_e_f_g_h_i_j_k_l"
        );
        // Each UTF-16 unit of an emoji is a surrogate, each replaced.
        assert_eq!(stored_title("trip 🏖"), "trip __");
        assert_eq!(stored_title(".."), "..");
        assert_eq!(stored_title("  "), "");
        // Cut to 170 UTF-16 units, keeping an extension that starts in the last 20.
        let long = "x".repeat(200);
        assert_eq!(stored_title(&long).encode_utf16().count(), 170);
        let named = format!("{}.docx", "y".repeat(200));
        let cut = stored_title(&named);
        assert_eq!(cut.encode_utf16().count(), 170);
        assert!(cut.ends_with("y.docx"), "{cut}");
        // An extension further back is cut with the rest.
        let early = format!("a.{}", "z".repeat(200));
        assert_eq!(stored_title(&early), format!("a.{}", "z".repeat(168)));
    }
}
