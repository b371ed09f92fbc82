//! What each room type allows: the access levels of members and links.

use super::share;
use docspace_types::{FileShare, RoomType};

use crate::users::{EmployeeType, User};

/// The shared `RoomType` of a stored one; types this portal does not know act as custom rooms.
fn room_kind(room_type: i64) -> RoomType {
    i32::try_from(room_type)
        .map(RoomType::from_value)
        .ok()
        .filter(|t| RoomType::ALL.contains(t))
        .unwrap_or(RoomType::Custom)
}

fn stored(levels: &[FileShare]) -> Vec<i64> {
    levels.iter().map(|a| i64::from(a.value())).collect()
}

/// Access levels a user may hold in a room of this `RoomType` (DocSpace's `AvailableRoomAccesses`,
/// kept in [`RoomType::user_accesses`]).
pub fn member_levels(room_type: i64) -> Vec<i64> {
    stored(room_kind(room_type).user_accesses().unwrap_or(&[]))
}

/// Access levels an external link of this room type may grant (`None` if the type has none).
pub fn external_link_levels(room_type: i64) -> Option<Vec<i64>> {
    room_kind(room_type).external_link_accesses().map(stored)
}

/// Access levels an invitation link of this room type may grant.
pub fn invitation_link_levels(room_type: i64) -> Vec<i64> {
    stored(
        &room_kind(room_type)
            .invitation_link_accesses()
            .unwrap_or_default(),
    )
}

/// Why a member assignment is refused, if it is.
pub fn valid_member_access(room_type: i64, access: i64, member: &User) -> Result<(), String> {
    if !member_levels(room_type).contains(&access) {
        return Err(format!(
            "Access level {access} is not available in a room of type {room_type}"
        ));
    }
    if access == share::ROOM_MANAGER
        && !(member.is_admin() || member.user_type == EmployeeType::RoomAdmin)
    {
        return Err("Only DocSpace admins and room admins can be room managers".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_room_type_offers_manager_creator_and_none() {
        for t in [1, 2, 5, 6, 8, 9] {
            let levels = member_levels(t);
            assert!(levels.contains(&share::ROOM_MANAGER) && levels.contains(&share::NONE));
        }
    }

    #[test]
    fn public_invitation_links_also_allow_read() {
        assert_eq!(
            invitation_link_levels(6),
            vec![share::CONTENT_CREATOR, share::READ, share::NONE]
        );
    }
}
