//! People administration over HTTP: each role against each action, and the rules DocSpace's
//! `ONLYOFFICE/DocSpace-server: products/ASC.People/Server/Api/UserController.cs` codes for
//! `UpdateUserType`, `UpdateUserStatus`, `DeleteMember` and `ResendUserInvites`.

mod common;

use common::{ADMIN, Api, GUEST, OWNER, ROOM_ADMIN, USER, login, unlimited_portal, user_id};
use docspace_devportal::RunningPortal;
use serde_json::json;

/// Invites `email` as `kind` (as the owner) and returns the new pending user's id.
async fn invite(owner: &Api, email: &str, kind: &str) -> String {
    owner
        .post_ok(
            "/api/2.0/people/invite",
            json!({ "invitations": [{ "email": email, "type": kind }] }),
        )
        .await;
    user_id(owner, email).await
}

async fn disable(owner: &Api, id: &str) {
    owner
        .put_ok(
            "/api/2.0/people/status/Terminated",
            json!({ "userIds": [id] }),
        )
        .await;
}

async fn as_role(p: &RunningPortal, email: &str) -> Api {
    if email == OWNER {
        Api::owner(p)
    } else {
        login(p, email).await
    }
}

#[tokio::test]
async fn each_role_against_each_action() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let roles = [OWNER, ADMIN, ROOM_ADMIN, USER, GUEST];
    // action, expected status for owner, DocSpace admin, room admin, user, guest.
    let table: &[(&str, [u16; 5])] = &[
        ("list people", [200, 200, 200, 403, 403]),
        ("invite a User", [200, 200, 200, 403, 403]),
        ("invite a Room admin", [200, 200, 403, 403, 403]),
        ("invite a DocSpace admin", [200, 403, 403, 403, 403]),
        ("raise a user to Room admin", [200, 200, 403, 403, 403]),
        ("raise a user to DocSpace admin", [200, 403, 403, 403, 403]),
        ("disable a user", [200, 200, 403, 403, 403]),
        ("enable a disabled user", [200, 200, 403, 403, 403]),
        ("delete a disabled user", [200, 200, 403, 403, 403]),
        ("resend an invitation", [200, 200, 200, 403, 403]),
    ];
    let mut n = 0;
    for (action, expected) in table {
        for (role, want) in roles.iter().zip(expected) {
            n += 1;
            let api = as_role(&p, role).await;
            let email = format!("t{n}@example.com");
            let status = match *action {
                "list people" => api.get("/api/2.0/people/filter").await.status,
                a if a.starts_with("invite") => {
                    let kind = match a {
                        "invite a User" => "User",
                        "invite a Room admin" => "RoomAdmin",
                        _ => "DocSpaceAdmin",
                    };
                    let body = json!({ "invitations": [{ "email": email, "type": kind }] });
                    api.post("/api/2.0/people/invite", body).await.status
                }
                a if a.starts_with("raise") => {
                    let id = invite(&owner, &email, "User").await;
                    let to = if a.ends_with("Room admin") {
                        "RoomAdmin"
                    } else {
                        "DocSpaceAdmin"
                    };
                    let path = format!("/api/2.0/people/type/{to}");
                    api.put(&path, json!({ "userIds": [id] })).await.status
                }
                "disable a user" => {
                    let id = invite(&owner, &email, "User").await;
                    let body = json!({ "userIds": [id] });
                    api.put("/api/2.0/people/status/Terminated", body)
                        .await
                        .status
                }
                "enable a disabled user" => {
                    let id = invite(&owner, &email, "User").await;
                    disable(&owner, &id).await;
                    let body = json!({ "userIds": [id] });
                    api.put("/api/2.0/people/status/Active", body).await.status
                }
                "delete a disabled user" => {
                    let id = invite(&owner, &email, "User").await;
                    disable(&owner, &id).await;
                    api.delete(&format!("/api/2.0/people/{id}"), json!({}))
                        .await
                        .status
                }
                "resend an invitation" => {
                    let id = invite(&owner, &email, "User").await;
                    let body = json!({ "userIds": [id], "resendAll": false });
                    api.put("/api/2.0/people/invite", body).await.status
                }
                other => panic!("no such action {other}"),
            };
            assert_eq!(status, *want, "{role}: {action}");
        }
    }
}

#[tokio::test]
async fn type_changes_follow_the_servers_rules() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let admin = login(&p, ADMIN).await;
    let owner_id = user_id(&owner, OWNER).await;
    let admin_id = user_id(&owner, ADMIN).await;
    let ra_id = user_id(&owner, ROOM_ADMIN).await;
    let guest_id = user_id(&owner, GUEST).await;
    let put = |api: &Api, to: &str, id: &str| {
        let (api, path, body) = (
            api.clone_with("X-Test", "1"),
            format!("/api/2.0/people/type/{to}"),
            json!({ "userIds": [id] }),
        );
        async move { api.put(&path, body).await }
    };
    // The owner is untouchable; nobody changes their own type.
    put(&admin, "RoomAdmin", &owner_id)
        .await
        .expect_error(403, "Access denied");
    put(&admin, "RoomAdmin", &admin_id)
        .await
        .expect_error(403, "Access denied");
    // Lowering goes through DocSpace's asynchronous reassignment, not this endpoint; only the
    // owner turns a DocSpace admin into a room admin.
    put(&admin, "User", &ra_id)
        .await
        .expect_error(403, "Access denied");
    put(&admin, "Guest", &ra_id)
        .await
        .expect_error(403, "Access denied");
    let r = put(&owner, "RoomAdmin", &admin_id)
        .await
        .expect(200)
        .response();
    assert_eq!(r[0]["isRoomAdmin"], true, "{r}");
    assert_eq!(r[0]["isAdmin"], false, "{r}");
    // A guest becomes a user (a room admin may do that for guests they see) and then gets My documents.
    let r = put(&owner, "User", &guest_id).await.expect(200).response();
    assert_eq!(r[0]["isCollaborator"], true, "{r}");
    assert_eq!(r[0]["hasPersonalFolder"], true, "{r}");
    // The same type again is no change, so refused as DocSpace refuses it.
    put(&owner, "User", &guest_id)
        .await
        .expect_error(403, "Access denied");
    owner
        .put(
            "/api/2.0/people/type/Boss",
            json!({ "userIds": [guest_id] }),
        )
        .await
        .expect_validation("type");
    owner
        .put("/api/2.0/people/type/User", json!({ "userIds": ["nope"] }))
        .await
        .expect_validation("UserIds");
    // A disabled user keeps their type.
    let id = invite(&owner, "later@example.com", "User").await;
    disable(&owner, &id).await;
    put(&owner, "RoomAdmin", &id)
        .await
        .expect_error(403, "Access denied");
}

#[tokio::test]
async fn status_and_delete_follow_the_servers_rules() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let admin = login(&p, ADMIN).await;
    let owner_id = user_id(&owner, OWNER).await;
    let admin_id = user_id(&owner, ADMIN).await;
    let user = user_id(&owner, USER).await;
    let status = |api: &Api, s: &str, id: &str| {
        let (api, path, body) = (
            api.clone_with("X-Test", "1"),
            format!("/api/2.0/people/status/{s}"),
            json!({ "userIds": [id] }),
        );
        async move { api.put(&path, body).await }
    };
    status(&admin, "Terminated", &owner_id)
        .await
        .expect_error(403, "Access denied");
    status(&admin, "Terminated", &admin_id)
        .await
        .expect_error(403, "Access denied");
    status(&owner, "Terminated", &owner_id)
        .await
        .expect_error(403, "Access denied");
    status(&owner, "Pending", &user)
        .await
        .expect_error(400, "Incorrect status");
    // Only suspended users may be deleted: DocSpace's InvalidOperationException, a 403.
    owner
        .delete(&format!("/api/2.0/people/{user}"), json!({}))
        .await
        .expect_error(403, "The user is not suspended");
    // A second DocSpace admin is the owner's to disable and delete.
    let a2 = invite(&owner, "a2@example.com", "DocSpaceAdmin").await;
    status(&admin, "Terminated", &a2)
        .await
        .expect_error(403, "Access denied");
    let r = status(&owner, "Terminated", &a2)
        .await
        .expect(200)
        .response();
    assert_eq!(r[0]["status"], 2, "{r}");
    admin
        .delete(&format!("/api/2.0/people/{a2}"), json!({}))
        .await
        .expect_error(403, "Access denied");
    let gone = owner
        .delete_ok(&format!("/api/2.0/people/{a2}"), json!({}))
        .await;
    assert_eq!(gone["email"], "a2@example.com");
    owner
        .get(&format!("/api/2.0/people/{a2}"))
        .await
        .expect_error(404, "could not be found");
    owner
        .delete(&format!("/api/2.0/people/{a2}"), json!({}))
        .await
        .expect_error(404, "could not be found");
    // Enabling an invitation that was never accepted makes it pending again.
    let pending = invite(&owner, "p@example.com", "User").await;
    disable(&owner, &pending).await;
    let r = status(&owner, "Active", &pending)
        .await
        .expect(200)
        .response();
    assert_eq!(r[0]["status"], 4, "{r}");
    // A disabled user may not be invited again (`Resource.ErrorUserDisabled`).
    disable(&owner, &pending).await;
    owner
        .post(
            "/api/2.0/people/invite",
            json!({ "invitations": [{ "email": "p@example.com", "type": "User" }] }),
        )
        .await
        .expect_error(400, "User disabled");
}

#[tokio::test]
async fn a_disabled_user_cannot_sign_in_and_loses_their_session() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let user = login(&p, USER).await;
    user.get_ok("/api/2.0/people/@self").await;
    let id = user_id(&owner, USER).await;
    disable(&owner, &id).await;
    user.get("/api/2.0/people/@self").await.expect_empty(401);
    let again = Api::anonymous(&p)
        .post(
            "/api/2.0/authentication",
            json!({ "userName": USER, "password": p.owner.password }),
        )
        .await;
    assert_ne!(again.status, 200, "{}", again.text());
    assert!(
        again.json()["response"]["token"].is_null(),
        "{}",
        again.text()
    );
    owner
        .put_ok("/api/2.0/people/status/Active", json!({ "userIds": [id] }))
        .await;
    login(&p, USER).await.get_ok("/api/2.0/people/@self").await;
}
