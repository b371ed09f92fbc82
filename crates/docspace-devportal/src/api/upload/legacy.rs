//! The older ways into a chunked upload: the deprecated `upload/create_session`
//! (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/UploadController.cs`), and the
//! `ChunkedUploader.ashx` handler a session's `location` names.

use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};

use super::super::extract::{JsonBody, Query};
use super::super::{Call, Portal};
use super::{SessionRequest, complete, create_session, load_session, one_chunk, session_value};
use crate::db::uploads;
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::permissions::Actor;
use crate::state::AppState;

/// `POST /api/2.0/files/{folderId}/upload/create_session` (deprecated flavour): the session object
/// wrapped as `{success: true, data: …}` inside the envelope.
pub async fn create_session_legacy(
    call: Call,
    folder: Path<String>,
    body: JsonBody<SessionRequest>,
) -> ApiResult {
    let inner = create_session(call, folder, body).await?;
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
