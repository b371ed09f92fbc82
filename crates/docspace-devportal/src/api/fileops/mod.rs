//! File operations: `PUT /api/2.0/files/fileops/{copy,move,delete}` and their polling through
//! `GET /api/2.0/files/fileops` (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/OperationController.cs`).
//!
//! Each operation runs inside the request's transaction, so when the answer arrives it has either
//! happened completely or not at all; its report (`FileOperationDto`, `finished: true`) is stored
//! and returned by the polling endpoints exactly as DocSpace's clients expect to find it.

mod remove;
mod request;
mod start;
mod transfer;

pub use remove::remove;
pub use request::EntryId;
pub use start::{empty_trash, start, start_move};

use axum::extract::Path;
use rusqlite::Connection;
use serde_json::{Value, json};

use super::extract::{Query, parse_enum};
use crate::api::{SignedInCall, Store};
use crate::auth::Caller;
use crate::db::operations;
use crate::envelope::{ApiError, ApiResult};

/// `FileOperationType.Move`.
pub const OP_MOVE: i64 = 0;
/// `FileOperationType.Copy`.
pub const OP_COPY: i64 = 1;
/// `FileOperationType.Delete`.
pub const OP_DELETE: i64 = 2;
/// `FileOperationType.Download`.
pub const OP_DOWNLOAD: i64 = 3;

const OP_NAMES: &[(&str, i64)] = &[
    ("Move", 0),
    ("Copy", 1),
    ("Delete", 2),
    ("Download", 3),
    ("MarkAsRead", 4),
    ("Import", 5),
    ("Convert", 6),
    ("Duplicate", 7),
];

/// Stores a finished operation's report and returns it as a `FileOperationDto`.
pub fn record(
    conn: &Connection,
    user: &str,
    op_type: i64,
    files: Vec<Value>,
    folders: Vec<Value>,
    error: Option<String>,
) -> Result<Value, ApiError> {
    let v = report(op_type, files, folders, error);
    save_report(conn, user, op_type, v)
}

/// [`record`] of a finished download, with its archive's `url`.
pub fn record_download(
    conn: &Connection,
    user: &str,
    files: Vec<Value>,
    folders: Vec<Value>,
    url: String,
) -> Result<Value, ApiError> {
    let mut v = report(OP_DOWNLOAD, files, folders, None);
    v["url"] = json!(url);
    save_report(conn, user, OP_DOWNLOAD, v)
}

/// A finished operation's `FileOperationDto`.
fn report(op_type: i64, files: Vec<Value>, folders: Vec<Value>, error: Option<String>) -> Value {
    let processed = files.len() + folders.len();
    json!({
        "id": uuid::Uuid::new_v4().to_string(),
        "Operation": op_type,
        "progress": 100,
        "error": error.clone().unwrap_or_default(),
        "processed": processed.to_string(),
        "finished": true,
        "files": files,
        "folders": folders,
        "status": if error.is_some() { 4 } else { 2 },
    })
}

/// Stores a report as the caller's latest operation and returns it.
fn save_report(conn: &Connection, user: &str, op_type: i64, v: Value) -> Result<Value, ApiError> {
    operations::prune(conn)?;
    operations::save(
        conn,
        v["id"].as_str().unwrap_or_default(),
        user,
        op_type,
        &v,
    )?;
    Ok(v)
}

/// `GET /api/2.0/files/fileops` (`?id=` filters).
pub async fn list(db: Store, caller: Caller, q: Query) -> ApiResult {
    let id = q.get("id").map(str::to_string);
    db.read(move |c| operations::list(c, &caller.user.id, None, id.as_deref()))
        .await
}

/// `GET /api/2.0/files/fileops/{operationType}`.
pub async fn list_of_type(
    SignedInCall { caller, db, .. }: SignedInCall,
    Path(op): Path<String>,
    q: Query,
) -> ApiResult {
    let t = parse_enum(&op, OP_NAMES)
        .ok_or_else(|| ApiError::NotFound(format!("Unknown operation type {op}")))?;
    let id = q.get("id").map(str::to_string);
    db.read(move |c| operations::list(c, &caller.user.id, Some(t), id.as_deref()))
        .await
}
