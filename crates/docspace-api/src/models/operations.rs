//! Long-running file operations: copy, move, delete, archive… (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/OperationController.cs`).

use serde::{Deserialize, Serialize};

use super::common::{OperationId, null_as_default};
use super::files::{File, Folder};
use super::macros::{int_enum, str_enum};

int_enum! {
    /// What an operation does. Sent as `Operation` (capital O) in JSON.
    ///
    /// ```
    /// assert_eq!(docspace_api::models::FileOperationType::Delete.value(), 2);
    /// ```
    pub enum FileOperationType {
        /// Move.
        Move = 0 => "Move",
        /// Copy.
        Copy = 1 => "Copy",
        /// Delete (also archive and room deletion).
        Delete = 2 => "Delete",
        /// Bulk download.
        Download = 3 => "Download",
        /// Mark as read.
        MarkAsRead = 4 => "MarkAsRead",
        /// Import.
        Import = 5 => "Import",
        /// Convert.
        Convert = 6 => "Convert",
        /// Duplicate.
        Duplicate = 7 => "Duplicate",
    }
}

int_enum! {
    /// An operation's state.
    ///
    /// ```
    /// assert_eq!(docspace_api::models::OperationStatus::Failed.value(), 4);
    /// ```
    pub enum OperationStatus {
        /// Queued.
        Created = 0 => "Created",
        /// Running.
        Running = 1 => "Running",
        /// Done.
        Completed = 2 => "Completed",
        /// Cancelled.
        Canceled = 3 => "Canceled",
        /// Failed (DocSpace spells it `Failted`).
        Failed = 4 => "Failted",
    }
}

str_enum! {
    /// What a copy or move does when the destination has an entry of the same name.
    ///
    /// A folder of the same name is merged into with Skip and Overwrite alike: what the source
    /// folder holds goes into it, each clash inside resolved the same way, and a moved source
    /// folder left empty is deleted (DocSpace's `FileMoveCopyOperation.MoveOrCopyFoldersAsync`).
    ///
    /// ```
    /// use docspace_api::models::ConflictResolve;
    /// assert_eq!(serde_json::to_string(&ConflictResolve::Overwrite)?, "\"Overwrite\"");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub enum ConflictResolve {
        /// Keep the destination's file (a folder is merged, adding only what it lacks).
        Skip => "Skip" = 0,
        /// Replace the destination's file with a new version (a folder is merged).
        Overwrite => "Overwrite" = 1,
        /// Keep both: a copy gets the first free numbered name, a move keeps its own name.
        Duplicate => "Duplicate" = 2,
    }
}

/// An asynchronous operation (`FileOperationDto`).
///
/// ```
/// let op: docspace_api::models::FileOperation = serde_json::from_str(
///     r#"{"id":"5d9c","Operation":1,"progress":100,"error":"","processed":"1","finished":true,"status":2}"#)?;
/// assert!(op.finished && op.error().is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileOperation {
    /// Operation id.
    pub id: OperationId,
    /// What it does (DocSpace's PascalCase `Operation`).
    #[serde(rename = "Operation", default)]
    pub operation: Option<FileOperationType>,
    /// Progress in percent.
    #[serde(default)]
    pub progress: u8,
    /// Error message; empty or absent on success.
    #[serde(default, rename = "error")]
    pub error_message: Option<String>,
    /// How many items were processed.
    #[serde(default)]
    pub processed: Option<String>,
    /// Whether it has stopped (done, failed or cancelled).
    #[serde(default)]
    pub finished: bool,
    /// Result URL (bulk download).
    #[serde(default)]
    pub url: Option<String>,
    /// Resulting files (copy, move, duplicate).
    #[serde(default, deserialize_with = "null_as_default")]
    pub files: Vec<File>,
    /// Resulting folders (copy, move, duplicate).
    #[serde(default, deserialize_with = "null_as_default")]
    pub folders: Vec<Folder>,
    /// State.
    #[serde(default)]
    pub status: Option<OperationStatus>,
}

impl FileOperation {
    /// The failure message, if it failed.
    pub fn error(&self) -> Option<&str> {
        self.error_message.as_deref().filter(|e| !e.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_decode_with_pascal_case_operation() {
        let v: Vec<FileOperation> = serde_json::from_str(
            r#"[{"id":"5d9c","Operation":1,"progress":100,"error":"","processed":"1","finished":true,
                 "files":[{"id":901,"title":"Q3.xlsx","fileEntryType":2}],"folders":null,"status":2},
                {"id":"6","Operation":11,"progress":40,"error":null,"finished":false,"status":9},
                {"id":"7","Operation":2,"error":"Access denied","finished":true,"status":4}]"#,
        )
        .unwrap();
        assert_eq!(v[0].operation, Some(FileOperationType::Copy));
        assert_eq!(v[0].files[0].title, "Q3.xlsx");
        assert!(v[0].error().is_none());
        assert_eq!(v[1].operation, Some(FileOperationType::Unknown(11)));
        assert_eq!(v[1].status, Some(OperationStatus::Unknown(9)));
        assert_eq!(v[2].error(), Some("Access denied"));
        assert_eq!(v[2].status, Some(OperationStatus::Failed));
        let bare: FileOperation = serde_json::from_str(r#"{"id":"x"}"#).unwrap();
        assert!(!bare.finished && bare.operation.is_none());
    }

    #[test]
    fn conflict_resolution_reads_names_and_numbers() {
        assert_eq!(
            serde_json::from_str::<ConflictResolve>("2").unwrap(),
            ConflictResolve::Duplicate
        );
        assert_eq!(
            serde_json::from_str::<ConflictResolve>("\"skip\"").unwrap(),
            ConflictResolve::Skip
        );
    }
}
