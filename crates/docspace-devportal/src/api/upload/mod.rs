//! Uploads: simple multipart upload and chunked upload sessions (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/UploadController.cs`; <https://api.onlyoffice.com/docspace/api-backend/usage-api/upload-file/>).
//!
//! Chunks are stored in SQLite as they arrive; when the last byte arrives (or on `finalize`) the
//! file is written from them, one chunk at a time, in one transaction, so a file is either wholly
//! there or absent and never wholly in memory.

mod legacy;
mod target;

use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::{Value, json};

use super::extract::{JsonBody, Query};
use super::{Portal, dto};
use crate::db::entries;
use crate::db::uploads::{self, UploadSession};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::permissions::{self, Actor, RoomAction};
use crate::state::AppState;
use crate::time::{db_time, now, parse_db_time};
use crate::upload_budget::Reservation;

use super::upload_body::read_parts;
pub use super::upload_body::{MAX_CHUNK, MAX_SIMPLE, MAX_UPLOAD};
use crate::api::Call;
pub use legacy::{chunked_uploader, create_session_legacy};
use target::{check_name, folder_at_path, store, upload_target};

/// Largest file a chunked session may announce.
pub const MAX_FILE: i64 = 512 * 1024 * 1024;
/// How long a session stays open.
const SESSION_HOURS: i64 = 12;

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
    Call { actor, portal, db }: Call,
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
    db.write(move |tx| {
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
    .await
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
