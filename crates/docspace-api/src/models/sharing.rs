//! Room members, invitations and share links (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/VirtualRoomsController.cs`).

use serde::{Deserialize, Serialize};

use super::common::LinkId;
use super::datetime::ApiDateTime;
use super::files::FileShare;
use super::macros::int_enum;
use super::people::{Employee, GroupSummary};

int_enum! {
    /// Who a share entry is for.
    ///
    /// ```
    /// assert_eq!(docspace_api::models::SubjectType::PrimaryExternalLink.value(), 4);
    /// ```
    pub enum SubjectType {
        /// A user.
        User = 0 => "User",
        /// An external (public) link.
        ExternalLink = 1 => "ExternalLink",
        /// A group.
        Group = 2 => "Group",
        /// An invitation link.
        InvitationLink = 3 => "InvitationLink",
        /// The room's primary external link.
        PrimaryExternalLink = 4 => "PrimaryExternalLink",
    }
}

int_enum! {
    /// Which share entries a members listing returns (`filterType`; DocSpace's flags).
    ///
    /// ```
    /// assert_eq!(docspace_api::models::ShareFilterType::Link.value(), 15);
    /// ```
    pub enum ShareFilterType {
        /// Users and groups.
        UserOrGroup = 0 => "UserOrGroup",
        /// Invitation links.
        InvitationLink = 1 => "InvitationLink",
        /// External links.
        ExternalLink = 2 => "ExternalLink",
        /// Additional external links.
        AdditionalExternalLink = 4 => "AdditionalExternalLink",
        /// The primary external link.
        PrimaryExternalLink = 8 => "PrimaryExternalLink",
        /// Every link.
        Link = 15 => "Link",
        /// Users.
        User = 16 => "User",
        /// Groups.
        Group = 32 => "Group",
    }
}

int_enum! {
    /// The kind of a room link.
    ///
    /// ```
    /// assert_eq!(docspace_api::models::LinkType::External.value(), 1);
    /// ```
    pub enum LinkType {
        /// Invites people to join the room.
        Invitation = 0 => "Invitation",
        /// Opens the room to anyone with the link.
        External = 1 => "External",
    }
}

/// A share link (`FileShareLink`). Its URL grants access: treat it like a secret.
///
/// ```
/// let l: docspace_api::models::ShareLink = serde_json::from_str(
///     r#"{"id":"0b8f6a5e-0000-4000-8000-000000000002","title":"Link","shareLink":"http://p/s/abc","linkType":1,"primary":true}"#)?;
/// assert!(l.primary);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShareLink {
    /// Link GUID.
    pub id: LinkId,
    /// Title.
    #[serde(default)]
    pub title: String,
    /// The URL.
    #[serde(default)]
    pub share_link: Option<String>,
    /// Expiry.
    #[serde(default)]
    pub expiration_date: Option<ApiDateTime>,
    /// Invitation or external.
    #[serde(default)]
    pub link_type: Option<LinkType>,
    /// Password (external links; DocSpace returns it to managers).
    #[serde(default)]
    pub password: Option<String>,
    /// Downloads denied.
    #[serde(default)]
    pub deny_download: bool,
    /// Expired.
    #[serde(default)]
    pub is_expired: bool,
    /// The primary external link.
    #[serde(default)]
    pub primary: bool,
    /// Only for portal users.
    #[serde(default)]
    pub internal: bool,
    /// Token inside the URL.
    #[serde(default)]
    pub request_token: Option<String>,
    /// Most uses (invitation links).
    #[serde(default)]
    pub max_use_count: Option<u32>,
    /// Uses so far.
    #[serde(default)]
    pub current_use_count: Option<u32>,
}

/// A member or link of a room or file (`FileShareDto`).
///
/// ```
/// let s: docspace_api::models::Share = serde_json::from_str(
///     r#"{"access":9,"sharedToUser":{"id":"u","displayName":"Ann"},"isOwner":false,"subjectType":0}"#)?;
/// assert_eq!(s.user().unwrap().display_name, "Ann");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Share {
    /// Access level.
    pub access: FileShare,
    /// The user, for user entries.
    #[serde(default)]
    pub shared_to_user: Option<Box<Employee>>,
    /// The group, for group entries.
    #[serde(default)]
    pub shared_to_group: Option<GroupSummary>,
    /// The link, for link entries.
    #[serde(default)]
    pub shared_link: Option<ShareLink>,
    /// Locked (cannot be changed).
    #[serde(default)]
    pub is_locked: bool,
    /// The owner.
    #[serde(default)]
    pub is_owner: bool,
    /// The caller may change the access.
    #[serde(default)]
    pub can_edit_access: bool,
    /// The caller may change the "internal" setting.
    #[serde(default)]
    pub can_edit_internal: bool,
    /// The caller may change "deny download".
    #[serde(default)]
    pub can_edit_deny_download: bool,
    /// The caller may change the expiry.
    #[serde(default)]
    pub can_edit_expiration_date: bool,
    /// The caller may revoke it.
    #[serde(default)]
    pub can_revoke: bool,
    /// Who it is for.
    #[serde(default)]
    pub subject_type: Option<SubjectType>,
}

impl Share {
    /// The user of a user entry.
    pub fn user(&self) -> Option<&Employee> {
        self.shared_to_user.as_deref()
    }

    /// The link of a link entry.
    pub fn link(&self) -> Option<&ShareLink> {
        self.shared_link.as_ref()
    }
}

/// What `PUT …/rooms/{id}/share` answers (`RoomSecurityDto`).
///
/// ```
/// let r: docspace_api::models::RoomSecurity = serde_json::from_str(r#"{"error":0}"#)?;
/// assert!(r.members.is_empty() && r.is_ok());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoomSecurity {
    /// The members the call touched.
    #[serde(default, deserialize_with = "super::common::null_as_default")]
    pub members: Vec<Share>,
    /// A warning for the caller.
    #[serde(default)]
    pub warning: Option<String>,
    /// 0 = done; 1 = a member has a form role and nothing changed.
    #[serde(default)]
    pub error: i32,
}

impl RoomSecurity {
    /// Whether the change was applied.
    pub fn is_ok(&self) -> bool {
        self.error == 0
    }
}

int_enum! {
    /// What an external link's key opens now (`ASC.Files.Core.Security.Status`).
    ///
    /// ```
    /// assert_eq!(docspace_api::models::LinkStatus::RequiredPassword.value(), 3);
    /// ```
    pub enum LinkStatus {
        /// The link opens its room or file.
        Ok = 0 => "Ok",
        /// Unknown, revoked, or its room or file is in Archive or Trash.
        Invalid = 1 => "Invalid",
        /// Past its expiry date.
        Expired = 2 => "Expired",
        /// Protected: send the password first.
        RequiredPassword = 3 => "RequiredPassword",
        /// The password sent was wrong.
        InvalidPassword = 4 => "InvalidPassword",
        /// An internal link, and nobody is signed in.
        ExternalAccessDenied = 5 => "ExternalAccessDenied",
    }
}

/// What a link key opens (`ExternalShareDto` of `GET files/share/{key}`).
///
/// ```
/// let s: docspace_api::models::ExternalShare = serde_json::from_str(
///     r#"{"status":3,"id":"l","title":"Partners","entityId":"12","entityTitle":"offer.txt","entityType":2,"isRoom":false}"#,
/// )?;
/// assert_eq!(s.status, docspace_api::models::LinkStatus::RequiredPassword);
/// assert_eq!(s.entity_title.as_deref(), Some("offer.txt"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExternalShare {
    /// Whether the link opens, and if not, why.
    pub status: LinkStatus,
    /// The link's GUID (absent for an unknown key).
    #[serde(default)]
    pub id: Option<String>,
    /// The link's title.
    #[serde(default)]
    pub title: Option<String>,
    /// The room's or file's id.
    #[serde(default)]
    pub entity_id: Option<String>,
    /// The room's or file's title.
    #[serde(default)]
    pub entity_title: Option<String>,
    /// `FileEntryType`: 1 a room or folder, 2 a file.
    #[serde(default)]
    pub entity_type: Option<i32>,
    /// Whether the link is a room's.
    #[serde(default)]
    pub is_room: Option<bool>,
    /// Whether the caller is signed in.
    #[serde(default)]
    pub is_authenticated: bool,
    /// Whether the signed-in caller is a member of the room.
    #[serde(default)]
    pub is_room_member: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_and_links_decode() {
        let v: Vec<Share> = serde_json::from_str(
            r#"[{"access":9,"sharedToUser":{"id":"u","displayName":"Ann","email":"a@x"},"sharedTo":{"id":"u"},
                 "isLocked":false,"isOwner":true,"canEditAccess":false,"canEditInternal":false,
                 "canEditDenyDownload":false,"canEditExpirationDate":false,"canRevoke":false,"subjectType":0},
                {"access":2,"sharedLink":{"id":"l","title":"Shared link","shareLink":"http://p/rooms/share?key=k",
                 "expirationDate":"2030-01-01T00:00:00.0000000Z","linkType":1,"password":null,"denyDownload":false,
                 "isExpired":false,"primary":true,"internal":false,"requestToken":"k"},"subjectType":4,"canRevoke":true},
                {"access":11,"sharedToGroup":{"id":"g","name":"Legal","isSystem":false},"subjectType":2},
                {"access":77,"subjectType":9}]"#,
        )
        .unwrap();
        assert!(v[0].is_owner);
        assert_eq!(v[0].user().unwrap().email.as_deref(), Some("a@x"));
        let link = v[1].link().unwrap();
        assert!(link.primary && link.link_type == Some(LinkType::External));
        assert_eq!(v[1].subject_type, Some(SubjectType::PrimaryExternalLink));
        assert_eq!(v[2].shared_to_group.as_ref().unwrap().name, "Legal");
        assert_eq!(v[3].access, FileShare::Unknown(77));
        assert_eq!(v[3].subject_type, Some(SubjectType::Unknown(9)));
    }

    #[test]
    fn room_security_decodes() {
        let r: RoomSecurity = serde_json::from_str(
            r#"{"members":[{"access":2,"sharedToUser":{"id":"u"}}],"warning":"w","error":1}"#,
        )
        .unwrap();
        assert!(!r.is_ok());
        assert_eq!(r.members.len(), 1);
    }
}
