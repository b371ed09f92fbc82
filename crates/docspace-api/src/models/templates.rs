//! Statuses of the room template operations (ONLYOFFICE/DocSpace-server:
//! `products/ASC.Files/Server/ApiModels/ResponseDto/RoomTemplateStatusDto.cs` and
//! `RoomFromTemplateStatusDto.cs`, answered by `RoomTemplatesController.cs` and
//! `VirtualRoomsController.cs`).

use serde::{Deserialize, Serialize};

use super::RoomId;

/// How far saving a room as a template has got.
///
/// ```
/// let s: docspace_api::models::TemplateStatus = serde_json::from_str(
///     r#"{"templateId":12,"progress":100,"error":"","isCompleted":true}"#)?;
/// assert_eq!(s.template_id, Some(12.into()));
/// assert!(s.is_completed && s.error().is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct TemplateStatus {
    /// The new template (DocSpace answers 0 until it exists, and on failure).
    #[serde(default, deserialize_with = "nonzero_id")]
    pub template_id: Option<RoomId>,
    /// Percent done (DocSpace's `Percentage`, a fraction of 100).
    #[serde(default)]
    pub progress: f64,
    /// Why it failed; empty when it did not.
    #[serde(default)]
    pub error: Option<String>,
    /// Whether it has ended (successfully or not).
    #[serde(default)]
    pub is_completed: bool,
}

impl TemplateStatus {
    /// The failure message, if the operation failed.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref().filter(|e| !e.is_empty())
    }
}

/// How far creating a room from a template has got.
///
/// ```
/// let s: docspace_api::models::RoomFromTemplateStatus = serde_json::from_str(
///     r#"{"roomId":0,"progress":0,"error":"denied","isCompleted":true}"#)?;
/// assert_eq!(s.room_id, None);
/// assert_eq!(s.error(), Some("denied"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct RoomFromTemplateStatus {
    /// The new room (0 until it exists, and on failure).
    #[serde(default, deserialize_with = "nonzero_id")]
    pub room_id: Option<RoomId>,
    /// Percent done.
    #[serde(default)]
    pub progress: f64,
    /// Why it failed; empty when it did not.
    #[serde(default)]
    pub error: Option<String>,
    /// Whether it has ended (successfully or not).
    #[serde(default)]
    pub is_completed: bool,
}

impl RoomFromTemplateStatus {
    /// The failure message, if the operation failed.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref().filter(|e| !e.is_empty())
    }
}

/// DocSpace reports "no id yet" as 0.
fn nonzero_id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<RoomId>, D::Error> {
    Ok(Option::<RoomId>::deserialize(d)?.filter(|id| *id != RoomId::Int(0)))
}
