//! Who may administer whom in People: DocSpace's rules, as its server codes them.
//!
//! Sources (all in `ONLYOFFICE/DocSpace-server`):
//! - `products/ASC.People/Server/Api/UserController.cs`: `InviteUsers`, `UpdateUserType`,
//!   `UpdateUserStatus`, `DeleteMember`, `ResendUserInvites`, `GetByFilterAsync`;
//! - `web/ASC.Web.Core/Users/UserManagerWrapper.cs`: `UpdateUserTypeAsync` (which type changes the
//!   synchronous `PUT people/type/{type}` performs);
//! - `common/ASC.Core.Common/Users/UserExtensions.cs`: `CanUserViewAnotherUserAsync`;
//! - `common/ASC.Core.Common/Security/Security.cs`: a room admin holds `Action_AddRemoveUser` only
//!   over users and guests; the other user actions are the DocSpace admins' (the admin group).
//!
//! The owner counts as a DocSpace admin everywhere (`GetUserTypeAsync` puts them in the admin group).

use crate::permissions::{PortalAction, portal_allows};
use crate::users::{EmployeeType, User};

/// The caller's `EmployeeType` as DocSpace computes it (the owner is a DocSpace admin).
pub fn kind(u: &User) -> EmployeeType {
    if u.is_owner {
        EmployeeType::DocSpaceAdmin
    } else {
        u.user_type
    }
}

/// `InviteUsers`: users and guests may not invite anyone (then each type has its own rule, see
/// [`crate::permissions::PortalAction::Invite`]).
pub fn may_invite(caller: &User) -> bool {
    // The same types that `GetByFilterAsync` refuses.
    portal_allows(caller, PortalAction::ListPeople)
}

/// `CanUserViewAnotherUserAsync`: oneself always; a DocSpace admin everyone; a user or guest nobody
/// else; a room admin everyone but guests they have no relation to (did not invite).
pub fn can_view(caller: &User, target: &User, related: bool) -> bool {
    if caller.id == target.id {
        return true;
    }
    match kind(caller) {
        EmployeeType::DocSpaceAdmin => true,
        EmployeeType::User | EmployeeType::Guest => false,
        EmployeeType::RoomAdmin => target.user_type != EmployeeType::Guest || related,
    }
}

/// The first check of `UpdateUserType`: `DemandPermissionsAsync(new UserSecurityProvider(type),
/// Action_AddRemoveUser)`: admins for any type, room admins for `User` and `Guest` only.
pub fn may_change_type_to(caller: &User, to: EmployeeType) -> bool {
    match kind(caller) {
        EmployeeType::DocSpaceAdmin => true,
        EmployeeType::RoomAdmin => matches!(to, EmployeeType::User | EmployeeType::Guest),
        _ => false,
    }
}

/// `UserManagerWrapper.UpdateUserTypeAsync`: whether the synchronous type change happens. Never
/// for the owner, oneself or a guest caller; to DocSpace admin only by the owner; to room admin only
/// by a DocSpace admin (a DocSpace admin lowered to room admin only by the owner); to user only from
/// guest. Every other change (lowering a room admin or user, anything to guest, the same type) is
/// refused here: DocSpace lowers types through the asynchronous `POST people/type` with data
/// reassignment instead.
pub fn type_change_allowed(caller: &User, target: &User, to: EmployeeType) -> bool {
    use EmployeeType::*;
    let caller_kind = kind(caller);
    if target.is_owner || target.id == caller.id || caller_kind == Guest {
        return false;
    }
    let current = kind(target);
    match to {
        DocSpaceAdmin => caller.is_owner && matches!(current, RoomAdmin | User | Guest),
        RoomAdmin => {
            caller_kind == DocSpaceAdmin
                && (matches!(current, User | Guest)
                    || (current == DocSpaceAdmin && caller.is_owner))
        }
        User => current == Guest,
        Guest => false,
    }
}

/// `Action_EditUser` over other users (disable, enable): DocSpace admins only.
pub fn may_edit_users(caller: &User) -> bool {
    kind(caller) == EmployeeType::DocSpaceAdmin
}

/// `UpdateUserStatus`: never the owner or oneself; a DocSpace admin only when the caller is the owner.
pub fn status_target_allowed(caller: &User, target: &User) -> bool {
    !(target.is_owner
        || target.id == caller.id
        || (!caller.is_owner && kind(target) == EmployeeType::DocSpaceAdmin))
}

/// `DeleteMember`: `Action_AddRemoveUser` without a target type is the DocSpace admins'; a DocSpace
/// admin may be deleted by the owner only (checked after "The user is not suspended").
pub fn may_delete_users(caller: &User) -> bool {
    kind(caller) == EmployeeType::DocSpaceAdmin
}

/// The part of `DeleteMember` after the suspension check.
pub fn delete_target_allowed(caller: &User, target: &User) -> bool {
    !target.is_owner && (caller.is_owner || kind(target) != EmployeeType::DocSpaceAdmin)
}

/// `ResendUserInvites`: users and guests may only resend their own invitation, never `resendAll`.
pub fn may_resend_for_others(caller: &User) -> bool {
    !matches!(kind(caller), EmployeeType::User | EmployeeType::Guest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(id: &str, t: EmployeeType, owner: bool) -> User {
        User {
            id: id.into(),
            email: format!("{id}@example.com"),
            first_name: id.into(),
            last_name: String::new(),
            user_type: t,
            is_owner: owner,
            status: 1,
            activation_status: 1,
            culture: "en-US".into(),
            created: String::new(),
        }
    }

    #[test]
    fn type_changes_follow_update_user_type_async() {
        use EmployeeType::*;
        let owner = u("o", DocSpaceAdmin, true);
        let admin = u("a", DocSpaceAdmin, false);
        let ra = u("r", RoomAdmin, false);
        let user = u("u", User, false);
        let guest = u("g", Guest, false);
        assert!(type_change_allowed(&owner, &user, DocSpaceAdmin));
        assert!(!type_change_allowed(&admin, &user, DocSpaceAdmin));
        assert!(type_change_allowed(&admin, &user, RoomAdmin));
        assert!(type_change_allowed(&admin, &guest, RoomAdmin));
        assert!(
            !type_change_allowed(&admin, &admin, RoomAdmin),
            "not oneself"
        );
        assert!(type_change_allowed(&owner, &admin, RoomAdmin));
        assert!(!type_change_allowed(
            &u("a2", DocSpaceAdmin, false),
            &admin,
            RoomAdmin
        ));
        assert!(type_change_allowed(&ra, &guest, User));
        assert!(!type_change_allowed(&admin, &ra, User), "no lowering here");
        assert!(!type_change_allowed(&admin, &user, Guest));
        assert!(
            !type_change_allowed(&admin, &owner, RoomAdmin),
            "owner untouchable"
        );
        assert!(!may_change_type_to(&ra, RoomAdmin));
        assert!(!may_change_type_to(&user, User));
    }

    #[test]
    fn room_admins_see_only_related_guests() {
        use EmployeeType::*;
        let ra = u("r", RoomAdmin, false);
        let guest = u("g", Guest, false);
        assert!(!can_view(&ra, &guest, false));
        assert!(can_view(&ra, &guest, true));
        assert!(can_view(&ra, &u("x", User, false), false));
        assert!(!can_view(&u("x", User, false), &ra, true));
        assert!(can_view(&u("a", DocSpaceAdmin, false), &guest, false));
    }
}
