//! Room members and links over HTTP: access levels valid per room type, invitation and external
//! links, the primary link, `files/share/{key}`, and anonymous access through a link key.

#[path = "../common/mod.rs"]
mod common;

mod link_access;

use common::{Api, portal, room_id, user_id};
use serde_json::json;

#[tokio::test]
async fn members_are_listed_with_owner_first_and_total() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let r = api
        .get(&format!("/api/2.0/files/rooms/{room}/share"))
        .await
        .expect(200)
        .json();
    assert_eq!(r["total"], 4);
    let first = &r["response"][0];
    assert_eq!(first["isOwner"], true);
    assert_eq!(first["access"], 9);
    assert_eq!(first["subjectType"], 0);
    assert_eq!(first["sharedToUser"]["email"], "owner@example.com");
    for m in r["response"].as_array().expect("array") {
        for flag in [
            "isLocked",
            "isOwner",
            "canEditAccess",
            "canEditInternal",
            "canEditDenyDownload",
            "canEditExpirationDate",
            "canRevoke",
        ] {
            assert!(m[flag].is_boolean(), "{flag} in {m}");
        }
    }
    let page = api
        .get(&format!(
            "/api/2.0/files/rooms/{room}/share?startIndex=1&count=2"
        ))
        .await
        .expect(200)
        .json();
    assert_eq!(page["response"].as_array().map(Vec::len), Some(2));
    assert_eq!(page["total"], 4);
    let found = api
        .get(&format!(
            "/api/2.0/files/rooms/{room}/share?filterValue=lena"
        ))
        .await
        .expect(200)
        .json();
    assert_eq!(found["total"], 1);
    api.get(&format!("/api/2.0/files/rooms/{room}/share?count=0"))
        .await
        .expect_validation("Count");
    api.get("/api/2.0/files/rooms/31337/share")
        .await
        .expect_error(404, "room");
}

#[tokio::test]
async fn access_levels_must_fit_the_room_type() {
    let p = portal().await;
    let api = Api::owner(&p);
    let user = user_id(&api, common::USER).await;
    let room_admin = user_id(&api, common::ROOM_ADMIN).await;
    // (room type, allowed levels) from DocSpace's AvailableRoomAccesses.
    let table: [(i64, &[i64]); 6] = [
        (5, &[11, 10, 5, 6, 2]),
        (6, &[11]),
        (1, &[11, 7]),
        (2, &[11, 10, 2]),
        (8, &[11, 10, 2, 7]),
        (9, &[11, 2]),
    ];
    for (rt, allowed) in table {
        let room =
            common::create_room(&api, &format!("levels {rt}"), json!(rt)).await["id"].clone();
        for level in [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12] {
            let r = api
                .put(
                    &format!("/api/2.0/files/rooms/{room}/share"),
                    json!({ "invitations": [{ "id": user, "access": level }], "notify": false }),
                )
                .await;
            if allowed.contains(&level) {
                let v = r.expect(200).response();
                assert_eq!(v["error"], 0);
                assert_eq!(v["members"][0]["access"], level, "type {rt} level {level}");
            } else {
                r.expect_error(400, "not available");
            }
        }
        // Room manager: only for admins and room admins.
        api.put(
            &format!("/api/2.0/files/rooms/{room}/share"),
            json!({ "invitations": [{ "id": user, "access": 9 }] }),
        )
        .await
        .expect_error(400, "room managers");
        api.put_ok(
            &format!("/api/2.0/files/rooms/{room}/share"),
            json!({ "invitations": [{ "id": room_admin, "access": 9 }] }),
        )
        .await;
        // Access 0 removes the member.
        api.put_ok(
            &format!("/api/2.0/files/rooms/{room}/share"),
            json!({ "invitations": [{ "id": user, "access": 0 }] }),
        )
        .await;
        let members = api
            .get(&format!("/api/2.0/files/rooms/{room}/share"))
            .await
            .expect(200)
            .json();
        assert_eq!(members["total"], 2, "owner and room admin remain");
    }
}

#[tokio::test]
async fn invitations_by_email_and_bad_invitations() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let r = api
        .put_ok(
            &format!("/api/2.0/files/rooms/{room}/share"),
            json!({ "invitations": [] }),
        )
        .await;
    assert_eq!(r, json!({ "error": 0 }));
    let r = api
        .put_ok(
            &format!("/api/2.0/files/rooms/{room}/share"),
            json!({ "invitations": [{ "email": "partner@example.org", "access": 2 }] }),
        )
        .await;
    assert_eq!(
        r["members"][0]["sharedToUser"]["isVisitor"], true,
        "new people join as guests"
    );
    assert_eq!(r["members"][0]["sharedToUser"]["activationStatus"], 2);
    let owner_id = user_id(&api, common::OWNER).await;
    for (inv, status) in [
        (json!({ "email": "bad", "access": 2 }), 400),
        (
            json!({ "id": "00000000-0000-0000-0000-0000000000aa", "access": 2 }),
            404,
        ),
        (json!({ "id": "not-a-guid", "access": 2 }), 404),
        (json!({ "id": owner_id, "access": 2 }), 400),
        (json!({ "email": "x@example.org" }), 400),
        (json!({ "email": "x@example.org", "access": "Read" }), 400),
    ] {
        assert_eq!(
            api.put(
                &format!("/api/2.0/files/rooms/{room}/share"),
                json!({ "invitations": [inv.clone()] })
            )
            .await
            .status,
            status,
            "{inv}"
        );
    }
    api.put_ok(&format!("/api/2.0/files/rooms/{room}/share"), json!({}))
        .await;
}

#[tokio::test]
async fn links_are_created_updated_and_revoked() {
    let p = portal().await;
    let api = Api::owner(&p);
    let custom = room_id(&api, "Contracts").await;
    let inv = api
        .put_ok(
            &format!("/api/2.0/files/rooms/{custom}/links"),
            json!({ "title": "Join us", "access": 11, "maxUseCount": 10 }),
        )
        .await;
    assert_eq!(inv["subjectType"], 3, "linkType defaults to invitation");
    assert_eq!(inv["sharedLink"]["linkType"], 0);
    assert_eq!(inv["sharedLink"]["maxUseCount"], 10);
    let ext = api
        .put_ok(
            &format!("/api/2.0/files/rooms/{custom}/links"),
            json!({ "linkType": 1, "access": 2, "title": "Read only", "denyDownload": true, "expirationDate": "2030-01-01T00:00:00.0000000Z" }),
        ).await;
    assert_eq!(
        ext["sharedLink"]["primary"], true,
        "the first external link is primary"
    );
    assert_eq!(
        ext["sharedLink"]["expirationDate"],
        "2030-01-01T00:00:00.0000000Z"
    );
    assert!(
        ext["sharedLink"]["shareLink"]
            .as_str()
            .is_some_and(|u| u.contains("/rooms/share?key="))
    );
    let link_id = ext["sharedLink"]["id"].as_str().expect("id").to_string();
    let updated = api
        .put_ok(
            &format!("/api/2.0/files/rooms/{custom}/links"),
            json!({ "linkId": link_id, "access": 5, "title": "Reviewers" }),
        )
        .await;
    assert_eq!(updated["access"], 5);
    assert_eq!(updated["sharedLink"]["title"], "Reviewers");
    let all = api
        .get_ok(&format!("/api/2.0/files/rooms/{custom}/links"))
        .await;
    assert_eq!(all.as_array().map(Vec::len), Some(2));
    let external = api
        .get_ok(&format!("/api/2.0/files/rooms/{custom}/links?type=1"))
        .await;
    assert_eq!(external.as_array().map(Vec::len), Some(1));
    let with_links = api
        .get(&format!(
            "/api/2.0/files/rooms/{custom}/share?filterType=15"
        ))
        .await
        .expect(200)
        .json();
    assert_eq!(with_links["total"], 2);
    // Revoke with access 0.
    api.put_ok(
        &format!("/api/2.0/files/rooms/{custom}/links"),
        json!({ "linkId": link_id, "access": 0 }),
    )
    .await;
    assert_eq!(
        api.get_ok(&format!("/api/2.0/files/rooms/{custom}/links?type=1"))
            .await,
        json!([])
    );
    // Errors.
    for (body, status) in [
        (json!({ "linkType": 1, "access": 9 }), 400),
        (json!({ "linkType": 0, "access": 9 }), 400),
        (json!({ "linkType": 3 }), 400),
        // A past date: an error for an invitation link; an external link takes it as no
        // expiry (`room_link_expiry.rs`).
        (
            json!({ "linkType": 0, "expirationDate": "2001-01-01T00:00:00Z" }),
            400,
        ),
        (json!({ "linkType": 1, "expirationDate": "soon" }), 400),
        (json!({ "linkType": 0, "maxUseCount": 0 }), 400),
        (json!({ "linkType": 1, "title": "t".repeat(256) }), 400),
        (
            json!({ "linkId": "7d8e0000-0000-0000-0000-000000000000", "access": 2 }),
            404,
        ),
    ] {
        assert_eq!(
            api.put(
                &format!("/api/2.0/files/rooms/{custom}/links"),
                body.clone()
            )
            .await
            .status,
            status,
            "{body}"
        );
    }
    // Rooms without external links.
    let editing = room_id(&api, "Marketing").await;
    api.put(
        &format!("/api/2.0/files/rooms/{editing}/links"),
        json!({ "linkType": 1 }),
    )
    .await
    .expect_error(400, "no external links");
    assert!(
        api.get(&format!("/api/2.0/files/rooms/{editing}/link"))
            .await
            .expect(200)
            .json()
            .get("response")
            .is_none()
    );
}
