//! Who may read and edit a file's version history (DocSpace's `ReadHistory` and `EditHistory`),
//! which both the versions endpoints and every file's `security` answer.

use super::{Actor, Level, share};

/// DocSpace's `ReadHistory` on a file (`FileSecurity.FilterEntryAsync`): signed-in callers only;
/// in My documents its owner, in a room a room manager, editor or content creator by membership
/// (being a DocSpace admin adds nothing), archived or not.
pub fn may_read_history(level: Level, actor: &Actor) -> bool {
    actor.user.is_some()
        && match level {
            Level::Personal => true,
            Level::Room(_) => matches!(
                level.share_value(),
                share::ROOM_MANAGER | share::EDITING | share::CONTENT_CREATOR
            ),
            Level::Section | Level::None => false,
        }
}

/// DocSpace's `EditHistory`: in My documents its owner, in an active room a room manager or
/// content creator (the Archive allows no history edits).
pub fn may_edit_history(level: Level, actor: &Actor) -> bool {
    actor.user.is_some()
        && match level {
            Level::Personal => true,
            Level::Room(s) if !s.archived => matches!(
                level.share_value(),
                share::ROOM_MANAGER | share::CONTENT_CREATOR
            ),
            _ => false,
        }
}
