//! What a file operation is asked with: entry ids, the batch body, the conflict rule.

use serde::Deserialize;
use serde_json::Value;

use crate::api::extract::parse_enum;
use crate::envelope::ApiError;

/// An id that may be a JSON number or a numeric string.
#[derive(Deserialize, Clone)]
#[serde(untagged)]
pub enum EntryId {
    /// `5`.
    Int(i64),
    /// `"5"` (third-party ids are strings; this portal has none).
    Str(String),
}

impl EntryId {
    /// The internal id, or 404.
    pub fn int(&self, what: &str) -> Result<i64, ApiError> {
        match self {
            EntryId::Int(n) if *n > 0 => Ok(*n),
            EntryId::Str(s) => crate::api::extract::int_id(s, what),
            _ => Err(ApiError::NotFound(format!("{what} not found"))),
        }
    }
}

/// `BatchRequestDto` (copy, move) and `DeleteBatchRequestDto`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct BatchRequest {
    #[serde(default)]
    pub(super) folder_ids: Vec<EntryId>,
    #[serde(default)]
    pub(super) file_ids: Vec<EntryId>,
    #[serde(default)]
    pub(super) dest_folder_id: Option<EntryId>,
    #[serde(default)]
    pub(super) conflict_resolve_type: Option<Value>,
    #[serde(default)]
    #[allow(dead_code)] // Operations finish inside the request.
    pub(super) delete_after: Option<bool>,
    #[serde(default)]
    pub(super) immediately: Option<bool>,
    #[serde(default)]
    pub(super) return_single_operation: Option<bool>,
}

/// `FileConflictResolveType`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Conflict {
    Skip,
    Overwrite,
    Duplicate,
}

pub(super) fn conflict(v: Option<&Value>) -> Result<Conflict, ApiError> {
    let n = match v {
        None | Some(Value::Null) => Some(0),
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => parse_enum(s, &[("Skip", 0), ("Overwrite", 1), ("Duplicate", 2)]),
        Some(_) => None,
    };
    match n {
        Some(0) => Ok(Conflict::Skip),
        Some(1) => Ok(Conflict::Overwrite),
        Some(2) => Ok(Conflict::Duplicate),
        _ => Err(ApiError::field(
            "ConflictResolveType",
            "The value is not a valid FileConflictResolveType.",
        )),
    }
}
