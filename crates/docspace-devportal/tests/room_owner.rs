//! A room's owner changes and its invitations are sent again, as ONLYOFFICE/DocSpace-server does
//! it: `FileStorageService.ChangeOwnerAsync` (the new owner active and neither guest nor user; the
//! room's owner or a DocSpace admin may give it; the former owner stays as room manager) and
//! `ResendEmailInvitationsAsync` (nothing for nobody; the caller must be able to edit the room).

mod common;

use common::{ADMIN, Api, GUEST, ROOM_ADMIN, USER, create_room, login, unlimited_portal, user_id};
use serde_json::{Value, json};

/// `(email, access)` of the room's members, owner first.
async fn members(api: &Api, room: i64) -> Vec<(String, i64, bool)> {
    let r = api
        .get_ok(&format!("/api/2.0/files/rooms/{room}/share"))
        .await;
    r.as_array()
        .expect("members")
        .iter()
        .map(|m| {
            (
                m["sharedToUser"]["email"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                m["access"].as_i64().unwrap_or_default(),
                m["isOwner"].as_bool().unwrap_or_default(),
            )
        })
        .collect()
}

fn id_of(room: &Value) -> i64 {
    room["id"].as_i64().expect("room id")
}

#[tokio::test]
async fn a_room_changes_owner_only_to_an_admin_and_only_by_its_owner_or_an_admin() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let room = id_of(&create_room(&owner, "Handover", json!(2)).await);
    let room_admin = user_id(&owner, ROOM_ADMIN).await;
    // The room admin is a member first: their own entry goes when they own the room.
    owner
        .put_ok(
            &format!("/api/2.0/files/rooms/{room}/share"),
            json!({ "invitations": [{ "id": room_admin, "access": 11 }], "notify": false }),
        )
        .await;

    for refused in [USER, GUEST] {
        let id = user_id(&owner, refused).await;
        owner
            .post(
                "/api/2.0/files/owner",
                json!({ "folderIds": [room], "userId": id }),
            )
            .await
            .expect_error(403, "You cannot select this user");
    }
    // Someone who neither owns the room nor is a DocSpace admin may not give it away.
    let stranger = login(&p, ROOM_ADMIN).await;
    stranger
        .post(
            "/api/2.0/files/owner",
            json!({ "folderIds": [room], "userId": room_admin }),
        )
        .await
        .expect_error(403, "enough permission");

    let changed = owner
        .post_ok(
            "/api/2.0/files/owner",
            json!({ "folderIds": [room.to_string()], "userId": room_admin }),
        )
        .await;
    assert_eq!(changed[0]["id"], room, "{changed}");
    assert_eq!(changed[0]["createdBy"]["id"], room_admin, "{changed}");
    let now = members(&owner, room).await;
    assert_eq!(now[0], (ROOM_ADMIN.to_string(), 9, true), "{now:?}");
    assert!(
        now.contains(&("owner@example.com".to_string(), 9, false)),
        "the former owner stays a room manager: {now:?}"
    );
    assert_eq!(
        now.iter().filter(|m| m.0 == ROOM_ADMIN).count(),
        1,
        "the new owner holds the room once: {now:?}"
    );
    // The new owner may give it on; a DocSpace admin may take any room.
    let admin = login(&p, ADMIN).await;
    let admin_id = user_id(&owner, ADMIN).await;
    admin
        .post_ok(
            "/api/2.0/files/owner",
            json!({ "folderIds": [room], "userId": admin_id }),
        )
        .await;
    // Files never change owner in rooms (only files of DocSpace's COMMON root do).
    owner
        .post(
            "/api/2.0/files/owner",
            json!({ "folderIds": [], "fileIds": [1], "userId": admin_id }),
        )
        .await
        .expect_error(403, "enough permission");
}

#[tokio::test]
async fn invitations_are_sent_again_by_those_who_may_edit_the_room() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let room = id_of(&create_room(&owner, "Onboarding", json!(2)).await);
    owner
        .put_ok(
            &format!("/api/2.0/files/rooms/{room}/share"),
            json!({ "invitations": [{ "email": "late@example.com", "access": 2 }], "notify": true }),
        ).await;
    let late = user_id(&owner, "late@example.com").await;
    let sent = |p: &docspace_devportal::RunningPortal| p.stats().room_invitations_resent;

    // Nobody named and not all: nothing happens, as on the server.
    owner
        .post_ok(
            &format!("/api/2.0/files/rooms/{room}/resend"),
            json!({ "usersIds": [], "resendAll": false }),
        )
        .await;
    assert_eq!(sent(&p), 0);
    owner
        .post_ok(
            &format!("/api/2.0/files/rooms/{room}/resend"),
            json!({ "usersIds": [late], "resendAll": false }),
        )
        .await;
    assert_eq!(sent(&p), 1);
    // Everyone pending: the invitee only, not the owner.
    owner
        .post_ok(
            &format!("/api/2.0/files/rooms/{room}/resend"),
            json!({ "resendAll": true }),
        )
        .await;
    assert_eq!(sent(&p), 2);
    // A member who may not edit the room is refused.
    let user = login(&p, USER).await;
    let user_id = user_id(&owner, USER).await;
    owner
        .put_ok(
            &format!("/api/2.0/files/rooms/{room}/share"),
            json!({ "invitations": [{ "id": user_id, "access": 2 }], "notify": false }),
        )
        .await;
    user.post(
        &format!("/api/2.0/files/rooms/{room}/resend"),
        json!({ "resendAll": true }),
    )
    .await
    .expect_error(403, "enough permission");
    owner
        .post(
            "/api/2.0/files/rooms/31337/resend",
            json!({ "resendAll": true }),
        )
        .await
        .expect_error(404, "");
    assert_eq!(sent(&p), 2);
}
