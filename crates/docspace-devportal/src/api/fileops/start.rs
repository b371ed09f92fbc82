//! Starting copy, move and delete, and emptying the Trash.

use super::request::{BatchRequest, conflict};
use super::transfer::transfer;
use super::{OP_COPY, OP_DELETE, OP_MOVE, remove};
use axum::extract::Path;
use serde_json::json;

use crate::api::extract::JsonBody;
use crate::api::{SignedInCall, Store};
use crate::auth::Caller;
use crate::db::entries::{self, folder_type};
use crate::envelope::{ApiError, ApiResult};

/// `PUT /api/2.0/files/fileops/move` (its own route: `GET` on it is the clash check).
pub async fn start_move(call: SignedInCall, body: JsonBody<BatchRequest>) -> ApiResult {
    start(call, Path("move".into()), body).await
}

/// `PUT /api/2.0/files/fileops/{copy|move|delete}`.
pub async fn start(
    SignedInCall { caller, portal, db }: SignedInCall,
    Path(op): Path<String>,
    JsonBody(req): JsonBody<BatchRequest>,
) -> ApiResult {
    let op = op.to_ascii_lowercase();
    let op_type = match op.as_str() {
        "copy" => OP_COPY,
        "move" => OP_MOVE,
        "delete" => OP_DELETE,
        _ => return Err(ApiError::NotFound(format!("Unknown operation {op}"))),
    };
    let folder_ids = req
        .folder_ids
        .iter()
        .map(|i| i.int("Folder"))
        .collect::<Result<Vec<_>, _>>()?;
    let file_ids = req
        .file_ids
        .iter()
        .map(|i| i.int("File"))
        .collect::<Result<Vec<_>, _>>()?;
    let resolve = conflict(req.conflict_resolve_type.as_ref())?;
    let dest = match (&req.dest_folder_id, op_type) {
        (Some(d), OP_COPY | OP_MOVE) => Some(d.int("Folder")?),
        (None, OP_COPY | OP_MOVE) => {
            return Err(ApiError::field(
                "DestFolderId",
                "The DestFolderId field is required.",
            ));
        }
        _ => None,
    };
    let immediately = req.immediately.unwrap_or(false);
    let single = req.return_single_operation.unwrap_or(false);
    let actor = caller.actor();
    db.write(move |tx| {
        let report = match dest {
            Some(d) => transfer(
                tx,
                &actor,
                &portal,
                op_type,
                &folder_ids,
                &file_ids,
                d,
                resolve,
            )?,
            None => remove(tx, &actor, &folder_ids, &file_ids, immediately)?,
        };
        // Operations finish inside the request, so "all active operations" is just this one.
        let _ = single;
        Ok(json!([report]))
    })
    .await
}

/// `PUT /api/2.0/files/fileops/emptytrash`: deletes for good everything in the caller's Trash
/// (`OperationController.EmptyTrash`: the Trash's content, deleted immediately). Its body
/// (`EmptyTrashRequestDto`, only `single`) changes nothing here: operations finish inside the
/// request, so the answer is this one alone.
pub async fn empty_trash(db: Store, caller: Caller) -> ApiResult {
    let actor = caller.actor();
    db.write(move |tx| {
        let user = actor.user()?;
        let trash = entries::ensure_section(tx, folder_type::TRASH, "Trash", &user.id, false)?;
        let (folders, files, _) =
            entries::children(tx, trash.id, &entries::ListFilter::default(), 0, i64::MAX)?;
        let folder_ids: Vec<i64> = folders.iter().map(|f| f.id).collect();
        let file_ids: Vec<i64> = files.iter().map(|f| f.id).collect();
        Ok(json!([remove(tx, &actor, &folder_ids, &file_ids, true)?]))
    })
    .await
}
