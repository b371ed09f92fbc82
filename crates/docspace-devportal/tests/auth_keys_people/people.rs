//! People over HTTP: the list with filters and paging, invitations and their role rules, and an admin and the owner's keys.

use crate::common::{self, Api, portal, unlimited_portal};
use serde_json::json;

#[tokio::test]
async fn people_are_listed_with_filters_and_paging() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let all = owner.get("/api/2.0/people").await.expect(200).json();
    assert_eq!(all["total"], 5);
    assert_eq!(all["count"], 5);
    let kinds: Vec<(String, bool, bool, bool, bool, bool)> = all["response"]
        .as_array()
        .expect("array")
        .iter()
        .map(|u| {
            (
                u["email"].as_str().unwrap_or_default().to_string(),
                u["isOwner"] == true,
                u["isAdmin"] == true,
                u["isRoomAdmin"] == true,
                u["isCollaborator"] == true,
                u["isVisitor"] == true,
            )
        })
        .collect();
    assert!(kinds.contains(&("owner@example.com".into(), true, false, false, false, false)));
    assert!(kinds.contains(&("admin@example.com".into(), false, true, false, false, false)));
    assert!(kinds.contains(&(
        "roomadmin@example.com".into(),
        false,
        false,
        true,
        false,
        false
    )));
    assert!(kinds.contains(&("user@example.com".into(), false, false, false, true, false)));
    assert!(kinds.contains(&("guest@example.com".into(), false, false, false, false, true)));
    let page = owner
        .get("/api/2.0/people?startIndex=1&count=2&sortBy=firstname")
        .await
        .expect(200)
        .json();
    assert_eq!(page["count"], 2);
    assert_eq!(page["total"], 5);
    let found = owner.get_ok("/api/2.0/people?filterValue=priya").await;
    assert_eq!(found[0]["email"], "roomadmin@example.com");
    let guests = owner
        .get("/api/2.0/people/filter?employeeType=Guest")
        .await
        .expect(200)
        .json();
    assert_eq!(guests["total"], 1);
    let several = owner
        .get("/api/2.0/people/filter?employeeTypes=1&employeeTypes=4")
        .await
        .expect(200)
        .json();
    assert_eq!(several["total"], 2);
    let admins = owner
        .get("/api/2.0/people/filter?isAdministrator=true")
        .await
        .expect(200)
        .json();
    assert_eq!(admins["total"], 2);
    owner
        .get("/api/2.0/people?count=101")
        .await
        .expect_validation("Count");
    owner
        .get("/api/2.0/people/filter?employeeType=Boss")
        .await
        .expect_validation("EmployeeType");
    let id = found[0]["id"].as_str().expect("id");
    assert_eq!(
        owner.get_ok(&format!("/api/2.0/people/{id}")).await["displayName"],
        "Priya Shah"
    );
    owner
        .get("/api/2.0/people/00000000-0000-0000-0000-000000000009")
        .await
        .expect_error(404, "could not be found");
    owner
        .get("/api/2.0/people/garbage")
        .await
        .expect_error(404, "could not be found");
}

#[tokio::test]
async fn invitations_create_pending_users_and_follow_the_role_rules() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let r = owner
        .post_ok("/api/2.0/people/invite", json!({ "invitations": [{ "email": "new.hire@example.com", "type": "User" }, { "email": "lead@example.com", "type": 1 }] })).await;
    let emails: Vec<&str> = r
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|u| u["displayName"].as_str())
        .collect();
    assert_eq!(emails.len(), 2, "{r}");
    let pending = owner
        .get("/api/2.0/people/filter?activationStatus=2")
        .await
        .expect(200)
        .json();
    assert_eq!(pending["total"], 2);
    // Existing users are upgraded, never downgraded.
    owner
        .post_ok(
            "/api/2.0/people/invite",
            json!({ "invitations": [{ "email": "guest@example.com", "type": "RoomAdmin" }] }),
        )
        .await;
    let g = owner.get_ok("/api/2.0/people?filterValue=guest@").await;
    assert_eq!(g[0]["isRoomAdmin"], true);
    for (body, status) in [
        (
            json!({ "invitations": [{ "email": "not-an-email", "type": "User" }] }),
            400,
        ),
        (
            json!({ "invitations": [{ "email": "x@example.com" }] }),
            400,
        ),
        (
            json!({ "invitations": [{ "email": "x@example.com", "type": "Boss" }] }),
            400,
        ),
        (
            json!({ "invitations": [{ "email": "x@example.com", "type": "Guest" }] }),
            403,
        ),
        (json!({ "invitations": [] }), 400),
        (json!({ "invitations": "x" }), 400),
    ] {
        assert_eq!(
            owner
                .post("/api/2.0/people/invite", body.clone())
                .await
                .status,
            status,
            "{body}"
        );
    }
    let admin = common::login(&p, common::ADMIN).await;
    admin
        .post(
            "/api/2.0/people/invite",
            json!({ "invitations": [{ "email": "a2@example.com", "type": "DocSpaceAdmin" }] }),
        )
        .await
        .expect_error(403, "Access denied");
    admin
        .post_ok(
            "/api/2.0/people/invite",
            json!({ "invitations": [{ "email": "ra2@example.com", "type": "RoomAdmin" }] }),
        )
        .await;
    let user = common::login(&p, common::USER).await;
    user.post(
        "/api/2.0/people/invite",
        json!({ "invitations": [{ "email": "u2@example.com", "type": "User" }] }),
    )
    .await
    .expect_error(403, "Access denied");
    // Pending users cannot sign in: they have no password yet.
    Api::anonymous(&p)
        .post(
            "/api/2.0/authentication",
            json!({ "userName": "new.hire@example.com", "password": "" }),
        )
        .await
        .expect_error(401, "failed");
}

#[tokio::test]
async fn a_docspace_admin_may_not_change_the_owners_keys() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let admin = common::login(&p, common::ADMIN).await;
    let listed = owner.get_ok("/api/2.0/keys").await;
    let owner_key = listed[0]["id"].as_str().expect("owner key id").to_string();
    let path = format!("/api/2.0/keys/{owner_key}");
    let refused = |r: common::Resp| assert_eq!(r.expect(200).response(), false);
    refused(admin.put(&path, json!({ "isActive": false })).await);
    refused(admin.delete(&path, json!({})).await);
    owner.get_ok("/api/2.0/people/@self").await;
    // An admin still manages other users' keys, and the owner their own.
    let user = common::login(&p, common::USER).await;
    let uk = user.post_ok("/api/2.0/keys", json!({ "name": "u" })).await;
    let upath = format!("/api/2.0/keys/{}", uk["id"].as_str().expect("id"));
    assert_eq!(
        admin.put_ok(&upath, json!({ "name": "renamed" })).await,
        true
    );
    let ok = owner.put_ok(&path, json!({ "name": "mine" })).await;
    assert_eq!(ok, true);
}
