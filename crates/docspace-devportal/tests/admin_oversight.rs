//! A DocSpace admin (or the portal owner) who is not a member of a room has no content rights in
//! it, and a room manager who is not the room's owner may not archive or delete it. DocSpace 3.x
//! decides this in `FileSecurity.FilterEntryAsync` (`ONLYOFFICE/DocSpace-server:
//! products/ASC.Files/Core/Core/Security/FileSecurity.cs`): the `isDocSpaceAdmin` branch of
//! `case FolderType.VirtualRooms` grants only Read, Download, Copy/Duplicate of the room, Move
//! (archive), Pin, ChangeOwner and IndexExport; `HasFullAccessAsync` grants everything to the
//! room's creator; `case Move` excludes rooms, so membership alone never archives one.

mod common;

use common::{Api, create_room, login, room_member, unlimited_portal, user_id};
use serde_json::{Value, json};

async fn room_with_file(creator: &Api, title: &str) -> (i64, Value) {
    let room = create_room(creator, title, json!(5)).await["id"]
        .as_i64()
        .expect("room id");
    let file = creator
        .post_ok(
            &format!("/api/2.0/files/{room}/file"),
            json!({ "title": "notes.txt" }),
        )
        .await;
    (room, file)
}

async fn my_documents(api: &Api) -> i64 {
    api.get_ok("/api/2.0/files/@my").await["current"]["id"]
        .as_i64()
        .expect("my documents id")
}

/// What a non-member admin may and may not do, for a DocSpace admin and for the portal owner.
async fn check_oversight(actor: &Api, creator: &Api, who: &str) {
    let (room, file) = room_with_file(creator, &format!("oversight {who}")).await;
    let fid = file["id"].as_i64().expect("file id");
    // Allowed: see, list, download, pin.
    let seen = actor.get_ok(&format!("/api/2.0/files/rooms/{room}")).await;
    actor.get_ok(&format!("/api/2.0/files/{room}")).await;
    let url = file["viewUrl"].as_str().expect("viewUrl");
    actor
        .call(reqwest::Method::GET, url, None)
        .await
        .expect(200);
    // Refused: every content, member and link right.
    actor
        .post(
            &format!("/api/2.0/files/folder/{room}"),
            json!({ "title": "x" }),
        )
        .await
        .expect_error(403, "Access denied");
    actor
        .put(
            &format!("/api/2.0/files/file/{fid}"),
            json!({ "title": "renamed.txt" }),
        )
        .await
        .expect_error(403, "Access denied");
    actor
        .put(
            &format!("/api/2.0/files/rooms/{room}"),
            json!({ "title": "taken over" }),
        )
        .await
        .expect_error(403, "Access denied");
    let someone = user_id(creator, common::USER).await;
    actor
        .put(
            &format!("/api/2.0/files/rooms/{room}/share"),
            json!({ "invitations": [{ "id": someone, "access": 2 }] }),
        )
        .await
        .expect_error(403, "Access denied");
    actor
        .get(&format!("/api/2.0/files/rooms/{room}/links"))
        .await
        .expect_error(403, "Access denied");
    let mine = my_documents(actor).await;
    actor
        .put(
            "/api/2.0/files/fileops/copy",
            json!({ "fileIds": [fid], "destFolderId": mine }),
        )
        .await
        .expect_error(403, "Access denied");
    actor
        .delete(&format!("/api/2.0/files/rooms/{room}"), json!({}))
        .await
        .expect_error(403, "Access denied");

    // The flags the portal returns say the same.
    let s = &seen["security"];
    for yes in ["Read", "Pin", "Move", "ChangeOwner", "Download", "Copy"] {
        assert_eq!(s[yes], true, "{who}: room {yes}: {s}");
    }
    for no in [
        "Create",
        "Delete",
        "EditRoom",
        "Rename",
        "EditAccess",
        "CopyTo",
        "MoveTo",
        "Mute",
        "CopySharedLink",
        "Embed",
        "ReadHistory",
    ] {
        assert_eq!(s[no], false, "{who}: room {no}: {s}");
    }
    assert_eq!(seen["access"], 3, "no share record: Restrict");
    let f = actor.get_ok(&format!("/api/2.0/files/file/{fid}")).await;
    let s = &f["security"];
    for yes in ["Read", "Download", "CopyLink"] {
        assert_eq!(s[yes], true, "{who}: file {yes}: {s}");
    }
    for no in [
        "Edit", "Delete", "Rename", "Move", "Copy", "Comment", "Review", "Lock",
    ] {
        assert_eq!(s[no], false, "{who}: file {no}: {s}");
    }

    // Pinning and archiving the room are the admin's; so are unarchiving and deleting it then.
    actor
        .put_ok(&format!("/api/2.0/files/rooms/{room}/pin"), json!({}))
        .await;
    actor
        .put_ok(&format!("/api/2.0/files/rooms/{room}/archive"), json!({}))
        .await;
    // The archived room's links stay the members' business.
    actor
        .get(&format!("/api/2.0/files/rooms/{room}/links"))
        .await
        .expect_error(403, "Access denied");
    actor
        .put_ok(&format!("/api/2.0/files/rooms/{room}/unarchive"), json!({}))
        .await;
    actor
        .put_ok(&format!("/api/2.0/files/rooms/{room}/archive"), json!({}))
        .await;
    actor
        .delete_ok(&format!("/api/2.0/files/rooms/{room}"), json!({}))
        .await;
}

#[tokio::test]
async fn a_docspace_admin_outside_a_room_only_oversees_it() {
    let p = unlimited_portal().await;
    let admin = login(&p, common::ADMIN).await;
    check_oversight(&admin, &Api::owner(&p), "DocSpace admin").await;
}

#[tokio::test]
async fn the_portal_owner_outside_a_room_only_oversees_it() {
    let p = unlimited_portal().await;
    let room_admin = login(&p, common::ROOM_ADMIN).await;
    check_oversight(&Api::owner(&p), &room_admin, "portal owner").await;
}

#[tokio::test]
async fn an_admin_who_is_a_member_has_the_members_rights_too() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let (room, _) = room_with_file(&owner, "admin as editor").await;
    let admin = room_member(&p, &owner, room, common::ADMIN, 11).await;
    admin
        .post_ok(
            &format!("/api/2.0/files/folder/{room}"),
            json!({ "title": "mine" }),
        )
        .await;
    let seen = admin.get_ok(&format!("/api/2.0/files/rooms/{room}")).await;
    assert_eq!(seen["access"], 11);
    assert_eq!(seen["security"]["Create"], true);
    assert_eq!(
        seen["security"]["Move"], true,
        "archiving stays the admin's"
    );
    assert_eq!(seen["security"]["EditRoom"], false);
}

#[tokio::test]
async fn a_room_manager_who_does_not_own_the_room_cannot_archive_or_delete_it() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let (room, _) = room_with_file(&owner, "managed").await;
    let manager = room_member(&p, &owner, room, common::ROOM_ADMIN, 9).await;
    // Managing the room is theirs...
    manager
        .put_ok(
            &format!("/api/2.0/files/rooms/{room}"),
            json!({ "title": "managed well" }),
        )
        .await;
    let seen = manager
        .get_ok(&format!("/api/2.0/files/rooms/{room}"))
        .await;
    assert_eq!(seen["security"]["EditRoom"], true);
    assert_eq!(seen["security"]["Move"], false, "{}", seen["security"]);
    assert_eq!(seen["security"]["Delete"], false, "{}", seen["security"]);
    // ...archiving and deleting it are its owner's.
    manager
        .put(&format!("/api/2.0/files/rooms/{room}/archive"), json!({}))
        .await
        .expect_error(403, "Access denied");
    manager
        .delete(&format!("/api/2.0/files/rooms/{room}"), json!({}))
        .await
        .expect_error(403, "Access denied");
    // The owner may delete it without archiving it first.
    owner
        .delete_ok(&format!("/api/2.0/files/rooms/{room}"), json!({}))
        .await;
}
