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
    /// The new template (DocSpace answers 0 until it exists and -1 when the operation failed).
    #[serde(default, deserialize_with = "real_id")]
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
///     r#"{"roomId":-1,"progress":0,"error":"denied","isCompleted":true}"#)?;
/// assert_eq!(s.room_id, None);
/// assert_eq!(s.error(), Some("denied"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct RoomFromTemplateStatus {
    /// The new room (0 until it exists, -1 when the operation failed).
    #[serde(default, deserialize_with = "real_id")]
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
/// No id for DocSpace's placeholders: 0 before the room exists, -1 once the operation failed
/// (`CreateRoomTemplateOperation`/`CreateRoomFromTemplateOperation` start from -1 in `Init`).
fn real_id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<RoomId>, D::Error> {
    Ok(Option::<RoomId>::deserialize(d)?.filter(|id| !matches!(id, RoomId::Int(n) if *n <= 0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_ids_are_no_id() {
        let status = |id: i64| -> TemplateStatus {
            serde_json::from_str(&format!(r#"{{"templateId":{id},"isCompleted":true}}"#))
                .expect("status")
        };
        assert_eq!(status(-1).template_id, None, "a failed operation");
        assert_eq!(status(0).template_id, None, "not made yet");
        assert_eq!(status(12).template_id, Some(12.into()));
    }
}
