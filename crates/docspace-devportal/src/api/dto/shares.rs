//! `FileShareDto`s of members and links, and a link's `sharedLink`.

use super::date;

use serde_json::{Map, Value, json};

use crate::db::links::Link;
use crate::time::parse_db_time;
use crate::users::User;

/// A `FileShareLink` (the `sharedLink` of a link share).
pub fn shared_link(portal: &str, l: &Link) -> Value {
    let expired = l
        .expiration
        .as_deref()
        .is_some_and(|e| parse_db_time(e) <= crate::time::now());
    let mut v = json!({
        "id": l.id,
        "title": l.title,
        "shareLink": match l.file_id {
            // A file's link opens the file (`ExternalShare.GetLinkDataAsync`: its web preview
            // with `share=`), a room's the room.
            Some(f) => format!("{portal}/doceditor?fileid={f}&share={}", l.key),
            None => format!("{portal}/rooms/share?key={}", l.key),
        },
        "linkType": l.link_type,
        "denyDownload": l.deny_download,
        "isExpired": expired,
        "primary": l.primary,
        "internal": l.internal,
        "requestToken": l.key,
        "currentUseCount": l.use_count,
    });
    if let Some(e) = &l.expiration {
        v["expirationDate"] = json!(date(e));
    }
    if let Some(p) = &l.password {
        v["password"] = json!(p);
    }
    if let Some(m) = l.max_use_count {
        v["maxUseCount"] = json!(m);
    }
    v
}

fn share_flags(can_edit: bool, is_owner: bool) -> Map<String, Value> {
    let mut v = Map::new();
    v.insert("isLocked".into(), json!(is_owner));
    v.insert("isOwner".into(), json!(is_owner));
    v.insert("canEditAccess".into(), json!(can_edit && !is_owner));
    v.insert("canEditInternal".into(), json!(can_edit));
    v.insert("canEditDenyDownload".into(), json!(can_edit));
    v.insert("canEditExpirationDate".into(), json!(can_edit));
    v.insert("canRevoke".into(), json!(can_edit && !is_owner));
    v
}

/// A `FileShareDto` for a user member.
pub fn user_share(portal: &str, user: &User, access: i64, is_owner: bool, can_edit: bool) -> Value {
    let mut v = share_flags(can_edit, is_owner);
    v.insert("access".into(), json!(access));
    v.insert("sharedToUser".into(), user.to_full_dto(portal));
    v.insert("sharedTo".into(), user.to_full_dto(portal));
    v.insert("subjectType".into(), json!(0));
    Value::Object(v)
}

/// A `FileShareDto` for a link.
pub fn link_share(portal: &str, l: &Link, can_edit: bool) -> Value {
    let mut v = share_flags(can_edit, false);
    let link = shared_link(portal, l);
    v.insert("access".into(), json!(l.access));
    v.insert("sharedLink".into(), link.clone());
    v.insert("sharedTo".into(), link);
    let subject = match (l.link_type, l.primary) {
        (0, _) => 3,
        (_, true) => 4,
        _ => 1,
    };
    v.insert("subjectType".into(), json!(subject));
    Value::Object(v)
}
