//! File content at the files' `viewUrl`: `GET /filehandler.ashx?action=download&fileid=N`
//! (authenticated by cookie or header, or by an external-link key in `share` / `Request-Token`).

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::extract::{Query, int_id};
use crate::db::entries;
use crate::envelope::{ApiError, ApiResult};
use crate::permissions::{self, Actor, RoomAction};
use crate::state::AppState;

/// The `Content-Type` served for a title.
pub fn content_type(title: &str) -> &'static str {
    match entries::split_ext(title).1.to_ascii_lowercase().as_str() {
        ".txt" => "text/plain; charset=utf-8",
        ".md" => "text/markdown; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".html" | ".htm" => "text/html; charset=utf-8",
        ".json" => "application/json",
        ".pdf" => "application/pdf",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ".png" => "image/png",
        ".jpg" | ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

fn disposition(title: &str) -> String {
    let ascii: String = title
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = title
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// Refuses a download of `f` that the caller may not make: no Download right on the file, or a
/// room that denies downloads to all but its managers (also through a no-download link).
pub fn check_download(
    c: &rusqlite::Connection,
    actor: &Actor,
    f: &entries::File,
) -> Result<(), ApiError> {
    let folder = entries::folder(c, f.folder_id)?
        .ok_or_else(|| ApiError::NotFound("The folder could not be found".into()))?;
    let level = permissions::file_level(c, actor, f.id, &folder)?;
    level.require(RoomAction::Download)?;
    let room = match folder.room_id {
        Some(r) => entries::folder(c, r)?,
        None => None,
    };
    let denied = room.is_some_and(|r| r.deny_download)
        || actor
            .link
            .as_ref()
            .is_some_and(|l| l.deny_download && actor.user.is_none());
    if denied && !level.is_room_manager() {
        return Err(ApiError::AccessDenied);
    }
    Ok(())
}

/// `GET /filehandler.ashx?action=download&fileid=N[&version=V]`: the bytes exactly as stored;
/// `?action=bulk&filename=…`: an archive made by a bulk download, for whoever asked for it.
pub async fn file_handler(
    State(state): State<AppState>,
    actor: Actor,
    q: Query,
) -> ApiResult<Response> {
    match q.get("action").map(str::to_ascii_lowercase).as_deref() {
        Some("download") | Some("view") | None => {}
        Some("bulk") => return bulk(&state, &actor, &q),
        Some(other) => return Err(ApiError::BadRequest(format!("Unsupported action {other}"))),
    }
    let id = int_id(q.get("fileid").unwrap_or(""), "File")?;
    let version = q.int("version")?;
    let reader = actor.clone();
    let (file, bytes) = state
        .db
        .read(move |c| {
            let f = entries::file(c, id)?
                .ok_or_else(|| ApiError::NotFound("The file could not be found".into()))?;
            check_download(c, &reader, &f)?;
            let bytes = entries::content(c, id, version)?
                .ok_or_else(|| ApiError::NotFound("The file version could not be found".into()))?;
            Ok((f, bytes))
        })
        .await?;
    if actor.user.is_some() && !super::dto::opens_in_editor(&file.title) {
        let f = file.clone();
        state
            .db
            .write(move |tx| super::sections::mark_downloaded(tx, &actor, &f))
            .await?;
    }
    Ok(attachment(&file.title, bytes))
}

/// A bulk download's archive, for the user or link visitor who made it.
fn bulk(state: &AppState, actor: &Actor, q: &Query) -> ApiResult<Response> {
    let owner = crate::archives::owner_of(actor)?;
    let a = state
        .archives
        .fetch(q.get("filename").unwrap_or(""), &owner)
        .ok_or_else(|| {
            ApiError::NotFound("The archive could not be found or has expired".into())
        })?;
    Ok(attachment(&a.file_name, a.bytes))
}

/// The bytes as a download named `title`, never cached.
fn attachment(title: &str, bytes: Vec<u8>) -> Response {
    let mut resp = bytes.into_response();
    let h = resp.headers_mut();
    let kind = if title.to_ascii_lowercase().ends_with(".zip") {
        "application/zip"
    } else {
        content_type(title)
    };
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    if let Ok(v) = HeaderValue::from_str(&disposition(title)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    resp
}
