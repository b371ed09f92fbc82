//! The People list's filter query (`ONLYOFFICE/DocSpace-server:
//! products/ASC.People/Server/ApiModels/RequestDto/SimpleByFilterRequestDto.cs`, applied by
//! `common/ASC.Core.Common/Data/DbUserService.cs`), who sees guests
//! (`common/ASC.Core.Common/Users/UserExtensions.cs`, `CanUserViewAnotherUserAsync`) and resending
//! invitations (`UserController.ResendUserInvites`).

mod common;

use common::{Api, GUEST, ROOM_ADMIN, USER, create_room, login, unlimited_portal, user_id};
use serde_json::{Value, json};

fn emails(v: &Value) -> Vec<String> {
    v["response"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|u| u["email"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn the_filter_query_selects_by_status_type_inviter_and_text() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let ra = login(&p, ROOM_ADMIN).await;
    ra.post_ok(
        "/api/2.0/people/invite",
        json!({ "invitations": [{ "email": "by.ra@example.com", "type": "User" }] }),
    )
    .await;
    owner
        .post_ok(
            "/api/2.0/people/invite",
            json!({ "invitations": [{ "email": "by.owner@example.com", "type": "RoomAdmin" }] }),
        )
        .await;
    let mine = ra
        .get("/api/2.0/people/filter?invitedByMe=true")
        .await
        .expect(200)
        .json();
    assert_eq!(emails(&mine), ["by.ra@example.com"]);
    assert_eq!(mine["total"], 1);
    let ra_id = user_id(&owner, ROOM_ADMIN).await;
    let theirs = owner
        .get(&format!("/api/2.0/people/filter?inviterId={ra_id}"))
        .await
        .expect(200)
        .json();
    assert_eq!(emails(&theirs), ["by.ra@example.com"]);
    let pending = owner
        .get("/api/2.0/people/filter?employeeStatus=Pending")
        .await
        .expect(200)
        .json();
    assert_eq!(pending["total"], 2, "{pending}");
    let active = owner
        .get("/api/2.0/people/filter?employeeStatus=1")
        .await
        .expect(200)
        .json();
    assert_eq!(active["total"], 5, "{active}");
    let page = owner
        .get("/api/2.0/people/filter?employeeStatus=Active&count=2&startIndex=4")
        .await
        .expect(200)
        .json();
    assert_eq!(
        (page["count"].clone(), page["total"].clone()),
        (json!(1), json!(5))
    );
    let room_admins = owner
        .get("/api/2.0/people/filter?employeeType=RoomAdmin&filterValue=owner")
        .await
        .expect(200)
        .json();
    assert_eq!(emails(&room_admins), ["by.owner@example.com"]);
    let guests = owner
        .get("/api/2.0/people/filter?area=Guests")
        .await
        .expect(200)
        .json();
    assert_eq!(emails(&guests), [GUEST]);
    let people = owner
        .get("/api/2.0/people/filter?area=People")
        .await
        .expect(200)
        .json();
    assert!(!emails(&people).contains(&GUEST.to_string()));
    assert_eq!(people["total"], 6);
    // Disabled users: the admins' list only.
    let id = user_id(&owner, USER).await;
    owner
        .put_ok(
            "/api/2.0/people/status/Terminated",
            json!({ "userIds": [id] }),
        )
        .await;
    let disabled = owner
        .get("/api/2.0/people/filter?employeeStatus=Terminated")
        .await
        .expect(200)
        .json();
    assert_eq!(emails(&disabled), [USER]);
    let hidden = ra
        .get("/api/2.0/people/filter?employeeStatus=Terminated")
        .await
        .expect(200)
        .json();
    assert_eq!(hidden["total"], 0);
    let all_for_ra = ra.get("/api/2.0/people/filter").await.expect(200).json();
    assert!(!emails(&all_for_ra).contains(&USER.to_string()));
    owner
        .get("/api/2.0/people/filter?inviterId=zzz")
        .await
        .expect_validation("InviterId");
}

#[tokio::test]
async fn a_room_admin_sees_only_the_guests_they_invited() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let ra = login(&p, ROOM_ADMIN).await;
    let demo_guest = user_id(&owner, GUEST).await;
    let listed = ra.get("/api/2.0/people/filter").await.expect(200).json();
    assert!(!emails(&listed).contains(&GUEST.to_string()), "{listed}");
    ra.get(&format!("/api/2.0/people/{demo_guest}"))
        .await
        .expect_error(403, "Access denied");
    // A room admin's own guest: invited into their room by e-mail.
    let room = create_room(&ra, "Guests' room", json!(2)).await;
    let id = room["id"].as_i64().expect("room id");
    ra.put_ok(
        &format!("/api/2.0/files/rooms/{id}/share"),
        json!({ "invitations": [{ "email": "visitor@example.com", "access": 2 }], "notify": false }),
    ).await;
    let listed = ra
        .get("/api/2.0/people/filter?area=Guests")
        .await
        .expect(200)
        .json();
    assert_eq!(emails(&listed), ["visitor@example.com"]);
    let visitor = listed["response"][0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    // They may make that guest a user, but not the demo guest they cannot see.
    ra.put(
        "/api/2.0/people/type/User",
        json!({ "userIds": [demo_guest] }),
    )
    .await
    .expect_error(403, "Access denied");
    let r = ra
        .put_ok("/api/2.0/people/type/User", json!({ "userIds": [visitor] }))
        .await;
    assert_eq!(r[0]["isCollaborator"], true, "{r}");
    // Users and guests see nobody through People.
    for who in [USER, GUEST] {
        let api = login(&p, who).await;
        api.get("/api/2.0/people/filter")
            .await
            .expect_error(403, "Access denied");
        // Oneself is always visible: the guest reads their own profile, the user may not.
        let status = api
            .get(&format!("/api/2.0/people/{demo_guest}"))
            .await
            .status;
        assert_eq!(status, if who == GUEST { 200 } else { 403 }, "{who}");
    }
}

#[tokio::test]
async fn invitations_are_resent_for_the_callers_own_users() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    owner
        .post_ok(
            "/api/2.0/people/invite",
            json!({ "invitations": [{ "email": "late@example.com", "type": "User" }] }),
        )
        .await;
    let id = user_id(&owner, "late@example.com").await;
    let r = owner
        .put_ok(
            "/api/2.0/people/invite",
            json!({ "userIds": [id], "resendAll": false }),
        )
        .await;
    assert_eq!(r[0]["email"], "late@example.com", "{r}");
    let all = owner
        .put_ok(
            "/api/2.0/people/invite",
            json!({ "userIds": [], "resendAll": true }),
        )
        .await;
    assert_eq!(all.as_array().map(Vec::len), Some(1), "{all}");
    let user = login(&p, USER).await;
    user.put("/api/2.0/people/invite", json!({ "resendAll": true }))
        .await
        .expect_error(403, "Access denied");
    user.put("/api/2.0/people/invite", json!({ "userIds": [id] }))
        .await
        .expect_error(403, "Access denied");
}
