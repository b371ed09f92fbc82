//! The signed-in user (`getUserInfo`: `GET /api/2.0/people/@self`).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A DocSpace user as `people/@self` returns it.
///
/// ```
/// use docspace_sdk::UserInfo;
/// let u: UserInfo = serde_json::from_str(r#"{"id":"9c7a","email":"a@b.c","isAdmin":true,"avatarSmall":"/a.png"}"#).unwrap();
/// assert!(u.is_admin);
/// assert_eq!(u.extra["avatarSmall"], "/a.png");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserInfo {
    /// The user's id (a GUID).
    pub id: String,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Display name.
    #[serde(default)]
    pub display_name: Option<String>,
    /// First name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Portal owner.
    #[serde(default)]
    pub is_owner: bool,
    /// DocSpace admin.
    #[serde(default)]
    pub is_admin: bool,
    /// Room admin.
    #[serde(default)]
    pub is_room_admin: bool,
    /// Guest.
    #[serde(default)]
    pub is_visitor: bool,
    /// User (the "collaborator" role).
    #[serde(default)]
    pub is_collaborator: bool,
    /// Interface language.
    #[serde(default)]
    pub culture_name: Option<String>,
    /// Avatar URL.
    #[serde(default)]
    pub avatar: Option<String>,
    /// Everything else DocSpace sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
