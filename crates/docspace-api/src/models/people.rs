//! People (`EmployeeDto`, `EmployeeFullDto`).

use serde::{Deserialize, Serialize};

/// A portal user as `GET /api/2.0/people/@self` shows them (fields of `EmployeeFullDto`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Employee {
    /// User GUID.
    pub id: String,
    /// Name as shown.
    pub display_name: String,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Given name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Family name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// The portal owner.
    #[serde(default)]
    pub is_owner: bool,
    /// A DocSpace admin (not the owner).
    #[serde(default)]
    pub is_admin: bool,
    /// A room admin.
    #[serde(default)]
    pub is_room_admin: bool,
    /// A guest.
    #[serde(default)]
    pub is_visitor: bool,
    /// A user (formerly "power user").
    #[serde(default)]
    pub is_collaborator: bool,
    /// Avatar URL.
    #[serde(default)]
    pub avatar: Option<String>,
}
