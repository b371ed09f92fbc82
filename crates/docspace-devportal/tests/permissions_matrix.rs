//! Every cell of the permission matrix in `src/permissions/mod.rs`, checked over HTTP: the tables are
//! parsed from the crate docs, so documentation and behaviour cannot drift apart.

mod common;

use common::{Api, login, matrix_table as table, unlimited_portal, user_id};
use docspace_devportal::RunningPortal;
use reqwest::Method;
use serde_json::{Value, json};

fn allowed(status: u16, what: &str) -> bool {
    match status {
        200 => true,
        403 => false,
        other => panic!("{what}: expected 200 or 403, got {other}"),
    }
}

async fn portal_probe(p: &RunningPortal, api: &Api, action: &str, n: usize) -> u16 {
    let unique = format!("{n}-{}", uuid::Uuid::new_v4().simple());
    let invite = |kind: &str| json!({ "invitations": [{ "email": format!("inv-{unique}@example.com"), "type": kind }] });
    match action {
        "create a room" => {
            api.post(
                "/api/2.0/files/rooms",
                json!({ "title": format!("m {unique}"), "roomType": 5 }),
            )
            .await
            .status
        }
        "create a tag" => {
            api.post(
                "/api/2.0/files/tags",
                json!({ "name": format!("t {unique}") }),
            )
            .await
            .status
        }
        "list people" => api.get("/api/2.0/people").await.status,
        "invite a User" => {
            api.post("/api/2.0/people/invite", invite("User"))
                .await
                .status
        }
        "invite a Room admin" => {
            api.post("/api/2.0/people/invite", invite("RoomAdmin"))
                .await
                .status
        }
        "invite a DocSpace admin" => {
            api.post("/api/2.0/people/invite", invite("DocSpaceAdmin"))
                .await
                .status
        }
        "invite a Guest" => {
            api.post("/api/2.0/people/invite", invite("Guest"))
                .await
                .status
        }
        "change the CSP list" => {
            api.post("/api/2.0/security/csp", json!({ "domains": [] }))
                .await
                .status
        }
        "create an API key" => {
            api.post("/api/2.0/keys", json!({ "name": "matrix" }))
                .await
                .status
        }
        "open My documents" => api.get("/api/2.0/files/@my").await.status,
        "read a room without membership" => {
            let room = Api::owner(p)
                .post_ok(
                    "/api/2.0/files/rooms",
                    json!({ "title": format!("alone {unique}"), "roomType": 5 }),
                )
                .await;
            api.get(&format!("/api/2.0/files/rooms/{}", room["id"]))
                .await
                .status
        }
        other => panic!("no probe for portal action {other:?}: add one when the table changes"),
    }
}

#[tokio::test]
async fn portal_actions_by_user_type() {
    let p = unlimited_portal().await;
    let (columns, rows) = table("Portal actions by user type");
    assert_eq!(
        columns,
        vec!["Owner", "DocSpace admin", "Room admin", "User", "Guest"]
    );
    let users = [
        common::OWNER,
        common::ADMIN,
        common::ROOM_ADMIN,
        common::USER,
        common::GUEST,
    ];
    let mut clients = Vec::new();
    for u in users {
        clients.push(login(&p, u).await);
    }
    let mut n = 0;
    for (action, expected) in rows {
        for (col, want) in expected.iter().enumerate() {
            n += 1;
            let status = portal_probe(&p, &clients[col], &action, n).await;
            assert_eq!(
                allowed(status, &action),
                *want,
                "{action} as {}",
                columns[col]
            );
        }
    }
    assert!(n >= 55, "every cell was checked ({n})");
}

/// A room of `room_type` made by `owner` (its creator), with `member` at `access` (none when
/// `None`), and a file made by the creator.
struct Fixture {
    room: i64,
    file: i64,
    view_url: String,
    /// The acting user's My documents (where copies out of the room go).
    my_id: i64,
}

async fn fixture(
    owner: &Api,
    label: &str,
    room_type: i64,
    member: &str,
    access: Option<i64>,
    actor: &Api,
) -> Fixture {
    let room = owner
        .post_ok(
            "/api/2.0/files/rooms",
            json!({ "title": format!("matrix {label}"), "roomType": room_type }),
        )
        .await["id"]
        .as_i64()
        .expect("room id");
    if let Some(a) = access {
        owner
            .put_ok(
                &format!("/api/2.0/files/rooms/{room}/share"),
                json!({ "invitations": [{ "id": member, "access": a }] }),
            )
            .await;
    }
    let file = owner
        .post_ok(
            &format!("/api/2.0/files/{room}/file"),
            json!({ "title": "owner.txt" }),
        )
        .await;
    let my_id = actor.get_ok("/api/2.0/files/@my").await["current"]["id"]
        .as_i64()
        .expect("my documents id");
    Fixture {
        room,
        file: file["id"].as_i64().expect("id"),
        view_url: file["viewUrl"].as_str().expect("url").to_string(),
        my_id,
    }
}

async fn room_probe(api: &Api, f: &Fixture, action: &str) -> u16 {
    let room = f.room;
    match action {
        "read the room and list its contents" => {
            api.get(&format!("/api/2.0/files/{room}")).await.status
        }
        "download a file" => api.call(Method::GET, &f.view_url, None).await.status,
        "copy a file out of the room" => {
            api.put(
                "/api/2.0/files/fileops/copy",
                json!({ "fileIds": [f.file], "destFolderId": f.my_id }),
            )
            .await
            .status
        }
        "create a folder or file, upload" => {
            api.post(
                &format!("/api/2.0/files/folder/{room}"),
                json!({ "title": "mine" }),
            )
            .await
            .status
        }
        "save edited content of a file" => {
            api.multipart(
                Method::PUT,
                &format!("/api/2.0/files/file/{}/saveediting", f.file),
                &[("File", Some("owner.txt"), b"edit")],
            )
            .await
            .status
        }
        "rename or delete another member's file" => {
            api.put(
                &format!("/api/2.0/files/file/{}", f.file),
                json!({ "title": "renamed" }),
            )
            .await
            .status
        }
        "update the room and its tags" => {
            api.put(
                &format!("/api/2.0/files/rooms/{room}"),
                json!({ "color": "00AA00" }),
            )
            .await
            .status
        }
        "manage members and links" => {
            api.put(
                &format!("/api/2.0/files/rooms/{room}/links"),
                json!({ "linkType": 0 }),
            )
            .await
            .status
        }
        "list the room's links" => {
            api.get(&format!("/api/2.0/files/rooms/{room}/links"))
                .await
                .status
        }
        "archive the room" => {
            api.put(&format!("/api/2.0/files/rooms/{room}/archive"), json!({}))
                .await
                .status
        }
        "pin the room" => {
            api.put(&format!("/api/2.0/files/rooms/{room}/pin"), json!({}))
                .await
                .status
        }
        other => panic!("no probe for room action {other:?}: add one when the table changes"),
    }
}

#[tokio::test]
async fn room_actions_by_access_level() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let (columns, rows) = table("Room actions by access level");
    // (column, who acts, who creates the room, room type where the level exists, access)
    let setup: Vec<(&str, &str, &str, i64, Option<i64>)> = vec![
        (
            "Room owner",
            common::ROOM_ADMIN,
            common::ROOM_ADMIN,
            5,
            None,
        ),
        ("DocSpace admin", common::ADMIN, common::OWNER, 5, None),
        ("Portal owner", common::OWNER, common::ROOM_ADMIN, 5, None),
        (
            "Room manager",
            common::ROOM_ADMIN,
            common::OWNER,
            5,
            Some(9),
        ),
        ("Content creator", common::USER, common::OWNER, 5, Some(11)),
        ("Editor", common::USER, common::OWNER, 5, Some(10)),
        ("Reviewer", common::USER, common::OWNER, 5, Some(5)),
        ("Commenter", common::USER, common::OWNER, 5, Some(6)),
        ("Viewer", common::USER, common::OWNER, 5, Some(2)),
        ("Form filler", common::USER, common::OWNER, 8, Some(7)),
        ("not a member", common::USER, common::OWNER, 5, None),
    ];
    assert_eq!(
        columns,
        setup.iter().map(|s| s.0.to_string()).collect::<Vec<_>>()
    );
    let mut clients = std::collections::HashMap::new();
    for who in [
        common::OWNER,
        common::ADMIN,
        common::ROOM_ADMIN,
        common::USER,
    ] {
        clients.insert(who, login(&p, who).await);
    }
    let mut checked = 0;
    for (col, (label, who, creator, room_type, access)) in setup.iter().enumerate() {
        let member = user_id(&owner, who).await;
        let api = &clients[who];
        let f = fixture(&clients[creator], label, *room_type, &member, *access, api).await;
        for (action, expected) in &rows {
            let status = room_probe(api, &f, action).await;
            assert_eq!(
                allowed(status, action),
                expected[col],
                "{action} as {label}"
            );
            checked += 1;
        }
        // The room's state is whatever the allowed cells did; its creator can always read it back.
        let back: Value = clients[creator]
            .get_ok(&format!("/api/2.0/files/rooms/{}", f.room))
            .await;
        assert_eq!(back["id"], f.room);
    }
    assert_eq!(checked, rows.len() * setup.len());
}
