//! Which People actions the page offers the signed-in user for a row: a mirror of the portal's
//! rules (`ONLYOFFICE/DocSpace-server: products/ASC.People/Server/Api/UserController.cs`,
//! `InviteUsers`, `UpdateUserType`, `UpdateUserStatus`, `DeleteMember`, `ResendUserInvites`, and
//! `web/ASC.Web.Core/Users/UserManagerWrapper.cs`, `UpdateUserTypeAsync`). The portal decides;
//! this only keeps the page from offering what it would refuse, and a refusal still shows.

use crate::i18n::{Locale, td_string};
use crate::rights::is_pending;
use docspace_api::models::{Employee, EmployeeStatus, EmployeeType};

/// The type DocSpace gives a user (the owner is a DocSpace admin).
fn kind(e: &Employee) -> EmployeeType {
    e.employee_type()
}

fn is_admin(me: &Employee) -> bool {
    kind(me) == EmployeeType::DocSpaceAdmin
}

/// Whether the user may open People at all (users and guests may not list people).
pub fn may_list(me: &Employee) -> bool {
    matches!(
        kind(me),
        EmployeeType::DocSpaceAdmin | EmployeeType::RoomAdmin
    )
}

/// The types `me` may invite by e-mail, highest first. Guests are never invited here: DocSpace
/// creates them through room invitations.
pub fn invite_types(me: &Employee) -> Vec<EmployeeType> {
    let mut out = Vec::new();
    if me.is_owner {
        out.push(EmployeeType::DocSpaceAdmin);
    }
    if is_admin(me) {
        out.push(EmployeeType::RoomAdmin);
    }
    if may_list(me) {
        out.push(EmployeeType::User);
    }
    out
}

/// What a row offers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Offered {
    /// Types the user can be changed to.
    pub change_to: Vec<EmployeeType>,
    /// Disable.
    pub disable: bool,
    /// Enable.
    pub enable: bool,
    /// Delete (disabled users only).
    pub delete: bool,
    /// Resend the invitation (pending users only).
    pub resend: bool,
}

fn disabled(e: &Employee) -> bool {
    e.status == Some(EmployeeStatus::Terminated)
}

/// What `me` may do to `target`.
pub fn offered(me: &Employee, target: &Employee) -> Offered {
    use EmployeeType::*;
    if target.id == me.id || target.is_owner {
        return Offered::default();
    }
    let (mine, theirs) = (kind(me), kind(target));
    let mut change_to = Vec::new();
    if !disabled(target) {
        if me.is_owner && matches!(theirs, RoomAdmin | User | Guest) {
            change_to.push(DocSpaceAdmin);
        }
        if mine == DocSpaceAdmin
            && (matches!(theirs, User | Guest) || (theirs == DocSpaceAdmin && me.is_owner))
        {
            change_to.push(RoomAdmin);
        }
        if matches!(mine, DocSpaceAdmin | RoomAdmin) && theirs == Guest {
            change_to.push(User);
        }
    }
    let manage = is_admin(me) && (me.is_owner || theirs != DocSpaceAdmin);
    Offered {
        change_to,
        disable: manage && !disabled(target),
        enable: manage && disabled(target),
        delete: manage && disabled(target),
        resend: is_pending(target)
            && may_list(me)
            && match theirs {
                DocSpaceAdmin => me.is_owner,
                RoomAdmin => mine == DocSpaceAdmin,
                _ => true,
            },
    }
}

/// How the API's type names read on the page, in `locale`.
pub fn type_label(t: &EmployeeType, locale: Locale) -> &'static str {
    match t {
        EmployeeType::DocSpaceAdmin => td_string!(locale, people.type_name.docspace_admin),
        EmployeeType::RoomAdmin => td_string!(locale, people.type_name.room_admin),
        EmployeeType::User => td_string!(locale, people.type_name.user),
        EmployeeType::Guest => td_string!(locale, people.type_name.guest),
        _ => td_string!(locale, people.type_name.unknown),
    }
}

/// A user's type as a label, the owner named as such.
pub fn person_label(e: &Employee, locale: Locale) -> &'static str {
    if e.is_owner {
        td_string!(locale, members.owner)
    } else {
        type_label(&kind(e), locale)
    }
}

/// A user's status as a label, in `locale` (in English it is also the row's `data-status`).
pub fn status_label(e: &Employee, locale: Locale) -> &'static str {
    if disabled(e) {
        td_string!(locale, people.status.disabled)
    } else if is_pending(e) {
        td_string!(locale, people.status.pending)
    } else {
        td_string!(locale, people.status.active)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, kind: &str, owner: bool, status: i32) -> Employee {
        let flags = match kind {
            "DocSpaceAdmin" => ("isAdmin", true),
            "RoomAdmin" => ("isRoomAdmin", true),
            "User" => ("isCollaborator", true),
            _ => ("isVisitor", true),
        };
        let mut v = serde_json::json!({
            "id": format!("00000000-0000-4000-8000-00000000000{id}"),
            "displayName": id, "isOwner": owner, "status": status, "activationStatus": 1,
        });
        v[flags.0] = serde_json::json!(flags.1);
        if owner {
            v["isAdmin"] = serde_json::json!(true);
        }
        serde_json::from_value(v).expect("employee")
    }

    #[test]
    fn the_owner_is_untouchable_and_admins_leave_each_other_alone() {
        let owner = person("1", "DocSpaceAdmin", true, 1);
        let admin = person("2", "DocSpaceAdmin", false, 1);
        let other_admin = person("3", "DocSpaceAdmin", false, 1);
        assert_eq!(offered(&admin, &owner), Offered::default());
        assert!(!offered(&admin, &other_admin).disable);
        assert!(offered(&owner, &other_admin).disable);
        assert_eq!(
            offered(&owner, &other_admin).change_to,
            [EmployeeType::RoomAdmin]
        );
    }

    #[test]
    fn room_admins_invite_users_and_raise_guests_only() {
        let ra = person("4", "RoomAdmin", false, 1);
        let guest = person("5", "Guest", false, 1);
        let user = person("6", "User", false, 1);
        assert_eq!(invite_types(&ra), [EmployeeType::User]);
        assert_eq!(offered(&ra, &guest).change_to, [EmployeeType::User]);
        assert_eq!(offered(&ra, &user), Offered::default());
        let owner = person("1", "DocSpaceAdmin", true, 1);
        assert_eq!(
            invite_types(&owner),
            [
                EmployeeType::DocSpaceAdmin,
                EmployeeType::RoomAdmin,
                EmployeeType::User
            ]
        );
    }

    #[test]
    fn only_disabled_users_may_be_deleted() {
        let admin = person("2", "DocSpaceAdmin", false, 1);
        let active = person("6", "User", false, 1);
        let off = person("7", "User", false, 2);
        assert!(!offered(&admin, &active).delete);
        let o = offered(&admin, &off);
        assert!(o.delete && o.enable && !o.disable && o.change_to.is_empty());
    }
}
