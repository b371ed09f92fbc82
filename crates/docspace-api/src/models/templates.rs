//! Statuses of the room template operations (ONLYOFFICE/DocSpace-server:
//! `products/ASC.Files/Server/ApiModels/ResponseDto/RoomTemplateStatusDto.cs` and
//! `RoomFromTemplateStatusDto.cs`, answered by `RoomTemplatesController.cs` and
//! `VirtualRoomsController.cs`).

use serde::{Deserialize, Serialize};

use super::RoomId;

/// A template operation's status struct: both DTOs have one shape and differ only in the name of
/// the id they report, so one definition makes both and the JSON of each stays its DTO's.
macro_rules! template_status {
    ($(#[$doc:meta])* $name:ident { $(#[$id_doc:meta])* $id:ident }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $(#[$id_doc])*
            #[serde(default, deserialize_with = "real_id")]
            pub $id: Option<RoomId>,
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

        impl $name {
            /// The failure message, if the operation failed.
            pub fn error(&self) -> Option<&str> {
                self.error.as_deref().filter(|e| !e.is_empty())
            }
        }
    };
}

template_status! {
    /// How far saving a room as a template has got.
    ///
    /// ```
    /// let s: docspace_api::models::TemplateStatus = serde_json::from_str(
    ///     r#"{"templateId":12,"progress":100,"error":"","isCompleted":true}"#)?;
    /// assert_eq!(s.template_id, Some(12.into()));
    /// assert!(s.is_completed && s.error().is_none());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    TemplateStatus {
        /// The new template (DocSpace answers 0 until it exists and -1 when the operation failed).
        template_id
    }
}

template_status! {
    /// How far creating a room from a template has got.
    ///
    /// ```
    /// let s: docspace_api::models::RoomFromTemplateStatus = serde_json::from_str(
    ///     r#"{"roomId":-1,"progress":0,"error":"denied","isCompleted":true}"#)?;
    /// assert_eq!(s.room_id, None);
    /// assert_eq!(s.error(), Some("denied"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    RoomFromTemplateStatus {
        /// The new room (0 until it exists, -1 when the operation failed).
        room_id
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

    #[test]
    fn each_status_writes_its_own_dto() {
        let saved = TemplateStatus {
            template_id: Some(12.into()),
            progress: 50.0,
            error: None,
            is_completed: false,
        };
        assert_eq!(
            serde_json::to_string(&saved).expect("json"),
            r#"{"templateId":12,"progress":50.0,"error":null,"isCompleted":false}"#
        );
        let made = RoomFromTemplateStatus {
            room_id: Some(7.into()),
            progress: 100.0,
            error: Some("denied".into()),
            is_completed: true,
        };
        assert_eq!(
            serde_json::to_string(&made).expect("json"),
            r#"{"roomId":7,"progress":100.0,"error":"denied","isCompleted":true}"#
        );
    }
}
