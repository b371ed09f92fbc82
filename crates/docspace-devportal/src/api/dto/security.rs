//! DocSpace's `security` object of a folder, room or file: what the caller may do with it.

use serde_json::{Value, json};

use crate::db::entries::{File, Folder};
use crate::permissions::{Actor, Level, RoomAction};

/// DocSpace's `security` of a folder or room (`FileSecurity.GetSecurityAsync`): a DocSpace admin
/// who is not a member gets only what the `isDocSpaceAdmin` branch grants (Read, Download, and for
/// a room Copy and Duplicate unless downloads are denied, Move to the archive, Pin, ChangeOwner,
/// IndexExport); every other flag comes from membership (`Level::as_member`).
pub(super) fn folder_security(level: Level, actor: &Actor, f: &Folder) -> Value {
    let member = level.as_member();
    let read = level.allows(RoomAction::Read);
    let create = member.allows(RoomAction::Create) && !matches!(level, Level::Section);
    let modify = level.may_modify(actor, &f.owner_id);
    let room = f.is_room();
    let manage = level.allows(RoomAction::ManageAccess) && room;
    let edit_room = level.allows(RoomAction::EditRoom) && room;
    let oversight = level.is_oversight_only();
    // The admin branch copies a room only when its files may be downloaded.
    let copy_room = room && oversight && !f.deny_download && read;
    let download = level.allows(RoomAction::Download)
        && !(room && f.deny_download && !level.is_room_manager());
    json!({
        "Read": read,
        "Create": create,
        "Delete": if room { level.allows(RoomAction::DeleteRoom) } else { modify },
        "EditRoom": edit_room,
        "Rename": if room { edit_room } else { modify },
        "CopyTo": create,
        "Copy": if oversight { copy_room } else { level.allows(RoomAction::Copy) },
        "MoveTo": create,
        "Move": if room { level.allows(RoomAction::Archive) } else { modify },
        "Pin": room && level.allows(RoomAction::Pin),
        "Mute": room && member.allows(RoomAction::Pin),
        "EditAccess": manage,
        "Duplicate": create || copy_room,
        "Download": download,
        "CopySharedLink": manage,
        "ReadHistory": member.allows(RoomAction::EditContent),
        "ChangeOwner": room && level.allows(RoomAction::ChangeOwner),
        "IndexExport": room && f.indexing && (level.is_room_manager() || oversight),
        "Embed": manage,
    })
}

/// DocSpace's `security` of a file; as for folders, an admin who is not a member reads,
/// downloads and copies the link (`CopyLink` is granted to `isDocSpaceAdmin` outright).
pub(super) fn file_security(level: Level, actor: &Actor, f: &File, deny_download: bool) -> Value {
    let member = level.as_member();
    let read = level.allows(RoomAction::Read);
    let member_read = member.allows(RoomAction::Read);
    let modify = level.may_modify(actor, &f.owner_id);
    let manager = level.is_room_manager();
    json!({
        "Read": read,
        "Comment": member_read,
        "FillForms": member_read,
        "Review": member.allows(RoomAction::EditContent),
        "Edit": member.allows(RoomAction::EditContent),
        "Delete": modify,
        "CustomFilter": false,
        "Rename": modify,
        "ReadHistory": crate::permissions::may_read_history(level, actor),
        "Lock": modify,
        "EditHistory": crate::permissions::may_edit_history(level, actor),
        "Copy": level.allows(RoomAction::Copy),
        "Move": modify,
        "Duplicate": member.allows(RoomAction::Create),
        "Download": level.allows(RoomAction::Download) && (!deny_download || manager),
        "Convert": member.allows(RoomAction::Create),
        "CopyLink": read,
        "Embed": manager,
    })
}
