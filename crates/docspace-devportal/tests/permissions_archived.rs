//! The "Actions in an archived room" table of `src/permissions/mod.rs`, checked over HTTP for every
//! cell: every write into (or out of) an archived room is refused with DocSpace's 403 and changes
//! nothing; reading, downloading, copying out, and (for its owner or an admin) unarchiving and
//! deleting still work.

mod common;

use common::{Api, Resp, login, matrix_table, unlimited_portal, user_id};
use docspace_devportal::RunningPortal;
use reqwest::Method;
use serde_json::{Value, json};

/// One column: who acts, who creates the room, and the actor's membership level.
struct Column {
    label: &'static str,
    actor: &'static str,
    creator: &'static str,
    access: Option<i64>,
}

const COLUMNS: &[Column] = &[
    Column {
        label: "Room owner",
        actor: common::ROOM_ADMIN,
        creator: common::ROOM_ADMIN,
        access: None,
    },
    Column {
        label: "DocSpace admin",
        actor: common::ADMIN,
        creator: common::OWNER,
        access: None,
    },
    Column {
        label: "Room manager",
        actor: common::ROOM_ADMIN,
        creator: common::OWNER,
        access: Some(9),
    },
    Column {
        label: "Content creator",
        actor: common::USER,
        creator: common::OWNER,
        access: Some(11),
    },
    Column {
        label: "Editor",
        actor: common::USER,
        creator: common::OWNER,
        access: Some(10),
    },
    Column {
        label: "Viewer",
        actor: common::USER,
        creator: common::OWNER,
        access: Some(2),
    },
    Column {
        label: "not a member",
        actor: common::USER,
        creator: common::OWNER,
        access: None,
    },
];

/// An archived room and what the probes need.
struct Fixture {
    room: i64,
    sub: i64,
    owner_file: i64,
    owner_view_url: String,
    /// Made by the actor when they could create content before archiving, else by the creator.
    own_file: i64,
    /// A file in the actor's My documents (the source of copies and moves into the room).
    mine: i64,
    my_id: i64,
    /// A chunked upload the actor opened before archiving, with one byte still to send.
    session: Option<String>,
    /// A user to invite (never the actor).
    other_user: String,
}

fn id(v: &Value) -> i64 {
    v["id"].as_i64().expect("id")
}

async fn archive(creator: &Api, room: i64) {
    creator
        .put_ok(&format!("/api/2.0/files/rooms/{room}/archive"), json!({}))
        .await;
}

/// A room made by `creator`, with the actor added at the column's level.
async fn room_for(p: &RunningPortal, col: &Column, creator: &Api, label: &str) -> i64 {
    let room = id(&common::create_room(creator, &format!("archived {label}"), json!(5)).await);
    if let Some(a) = col.access {
        let member = user_id(&Api::owner(p), col.actor).await;
        creator
            .put_ok(
                &format!("/api/2.0/files/rooms/{room}/share"),
                json!({ "invitations": [{ "id": member, "access": a }] }),
            )
            .await;
    }
    room
}

async fn fixture(p: &RunningPortal, col: &Column, actor: &Api, creator: &Api) -> Fixture {
    let room = room_for(p, col, creator, col.label).await;
    let sub = id(&creator
        .post_ok(
            &format!("/api/2.0/files/folder/{room}"),
            json!({ "title": "sub" }),
        )
        .await);
    let owner_file = creator
        .post_ok(
            &format!("/api/2.0/files/{room}/file"),
            json!({ "title": "owner.txt" }),
        )
        .await;
    creator
        .put_ok(
            &format!("/api/2.0/files/rooms/{room}/tags"),
            json!({ "names": ["legal"] }),
        )
        .await;
    let mine_own = actor
        .post(
            &format!("/api/2.0/files/{room}/file"),
            json!({ "title": "own.txt" }),
        )
        .await;
    let own_file = if mine_own.status == 200 {
        id(&mine_own.response())
    } else {
        id(&creator
            .post_ok(
                &format!("/api/2.0/files/{room}/file"),
                json!({ "title": "own.txt" }),
            )
            .await)
    };
    let session = actor
        .post(
            &format!("/api/2.0/files/{room}/session"),
            json!({ "fileName": "late.txt", "fileSize": 2 }),
        )
        .await;
    let session = if session.status == 200 {
        let s = session.response()["id"]
            .as_str()
            .expect("session id")
            .to_string();
        actor
            .multipart(
                Method::POST,
                &format!("/api/2.0/files/{room}/session/{s}"),
                &[("File", Some("late.txt"), b"a")],
            )
            .await
            .expect(200);
        Some(s)
    } else {
        None
    };
    let my = actor.get_ok("/api/2.0/files/@my").await;
    let my_id = my["current"]["id"].as_i64().expect("@my id");
    let mine = id(&actor
        .post_ok(
            "/api/2.0/files/@my/file",
            json!({ "title": format!("mine {room}.txt") }),
        )
        .await);
    let other = if col.actor == common::USER {
        common::ROOM_ADMIN
    } else {
        common::USER
    };
    archive(creator, room).await;
    Fixture {
        room,
        sub,
        owner_file: id(&owner_file),
        owner_view_url: owner_file["viewUrl"].as_str().expect("url").to_string(),
        own_file,
        mine,
        my_id,
        session,
        other_user: user_id(&Api::owner(p), other).await,
    }
}

async fn fileop(api: &Api, op: &str, file: i64, dest: i64) -> Resp {
    api.put(
        &format!("/api/2.0/files/fileops/{op}"),
        json!({ "fileIds": [file], "destFolderId": dest }),
    )
    .await
}

async fn probe(p: &RunningPortal, col: &Column, api: &Api, f: &Fixture, action: &str) -> Resp {
    let room = f.room;
    match action {
        "read the room and list its contents" => api.get(&format!("/api/2.0/files/{room}")).await,
        "download a file" => api.call(Method::GET, &f.owner_view_url, None).await,
        "copy a file out of the room" => fileop(api, "copy", f.owner_file, f.my_id).await,
        "list the room's links" => api.get(&format!("/api/2.0/files/rooms/{room}/links")).await,
        "create a folder" => {
            api.post(
                &format!("/api/2.0/files/folder/{room}"),
                json!({ "title": "new" }),
            )
            .await
        }
        "create a file" => {
            api.post(
                &format!("/api/2.0/files/{room}/file"),
                json!({ "title": "new.txt" }),
            )
            .await
        }
        "upload a file" => {
            api.multipart(
                Method::POST,
                &format!("/api/2.0/files/{room}/upload"),
                &[("File", Some("up.txt"), b"up")],
            )
            .await
        }
        "open a chunked upload" => {
            api.post(
                &format!("/api/2.0/files/{room}/session"),
                json!({ "fileName": "chunked.txt", "fileSize": 1 }),
            )
            .await
        }
        "finish a chunked upload opened before archiving" => match &f.session {
            Some(s) => {
                api.multipart(
                    Method::POST,
                    &format!("/api/2.0/files/{room}/session/{s}"),
                    &[("File", Some("late.txt"), b"b")],
                )
                .await
            }
            // Those who could not open one before archiving cannot open one now either.
            None => {
                api.post(
                    &format!("/api/2.0/files/{room}/session"),
                    json!({ "fileName": "late.txt", "fileSize": 2 }),
                )
                .await
            }
        },
        "save edited content of a file" => {
            api.multipart(
                Method::PUT,
                &format!("/api/2.0/files/file/{}/saveediting", f.own_file),
                &[("File", Some("own.txt"), b"edit")],
            )
            .await
        }
        "rename a file" => {
            api.put(
                &format!("/api/2.0/files/file/{}", f.own_file),
                json!({ "title": "renamed" }),
            )
            .await
        }
        "rename a folder" => {
            api.put(
                &format!("/api/2.0/files/folder/{}", f.sub),
                json!({ "title": "renamed" }),
            )
            .await
        }
        "delete a file" => {
            api.delete(&format!("/api/2.0/files/file/{}", f.own_file), json!({}))
                .await
        }
        "delete a folder" => {
            api.delete(&format!("/api/2.0/files/folder/{}", f.sub), json!({}))
                .await
        }
        "copy a file into the room" => fileop(api, "copy", f.mine, room).await,
        "move a file into the room" => fileop(api, "move", f.mine, room).await,
        "move a file out of the room" => fileop(api, "move", f.own_file, f.my_id).await,
        "update the room" => {
            api.put(
                &format!("/api/2.0/files/rooms/{room}"),
                json!({ "title": "renamed room", "color": "00AA00" }),
            )
            .await
        }
        "add a tag to the room" => {
            api.put(
                &format!("/api/2.0/files/rooms/{room}/tags"),
                json!({ "names": ["finance"] }),
            )
            .await
        }
        "remove a tag from the room" => {
            api.delete(
                &format!("/api/2.0/files/rooms/{room}/tags"),
                json!({ "names": ["legal"] }),
            )
            .await
        }
        "change members" => {
            api.put(
                &format!("/api/2.0/files/rooms/{room}/share"),
                json!({ "invitations": [{ "id": f.other_user, "access": 2 }] }),
            )
            .await
        }
        "create a link" => {
            api.put(
                &format!("/api/2.0/files/rooms/{room}/links"),
                json!({ "linkType": 0 }),
            )
            .await
        }
        "pin the room" => {
            api.put(&format!("/api/2.0/files/rooms/{room}/pin"), json!({}))
                .await
        }
        // Destructive: each on a room of its own.
        "unarchive the room" | "delete the room" => {
            let creator = creator_of(p, col).await;
            let other = room_for(p, col, &creator, &format!("{} {action}", col.label)).await;
            archive(&creator, other).await;
            if action == "unarchive the room" {
                api.put(
                    &format!("/api/2.0/files/rooms/{other}/unarchive"),
                    json!({}),
                )
                .await
            } else {
                api.delete(&format!("/api/2.0/files/rooms/{other}"), json!({}))
                    .await
            }
        }
        other => panic!("no probe for archived-room action {other:?}: add one"),
    }
}

async fn creator_of(p: &RunningPortal, col: &Column) -> Api {
    if col.creator == common::OWNER {
        Api::owner(p)
    } else {
        login(p, col.creator).await
    }
}

/// Everything a refused write could have changed, as the portal owner sees it.
async fn snapshot(owner: &Api, f: &Fixture) -> Value {
    let room = owner
        .get_ok(&format!("/api/2.0/files/rooms/{}", f.room))
        .await;
    let entries = |v: Value| {
        let pick = |k: &str| {
            v[k].as_array()
                .map(|a| {
                    a.iter()
                        .map(|e| json!([e["id"], e["title"], e["version"], e["pureContentLength"]]))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        };
        json!({ "files": pick("files"), "folders": pick("folders") })
    };
    let contents = entries(owner.get_ok(&format!("/api/2.0/files/{}", f.room)).await);
    let sub = entries(owner.get_ok(&format!("/api/2.0/files/{}", f.sub)).await);
    let members = owner
        .get_ok(&format!("/api/2.0/files/rooms/{}/share", f.room))
        .await;
    let links = owner
        .get_ok(&format!("/api/2.0/files/rooms/{}/links", f.room))
        .await;
    json!({
        "room": [room["title"], room["tags"], room["logo"], room["rootFolderType"]],
        "contents": contents,
        "sub": sub,
        "members": members,
        "links": links,
    })
}

#[tokio::test]
async fn archived_rooms_are_read_only_for_every_role() {
    let p = unlimited_portal().await;
    let (columns, rows) = matrix_table("Actions in an archived room");
    assert_eq!(
        columns,
        COLUMNS
            .iter()
            .map(|c| c.label.to_string())
            .collect::<Vec<_>>()
    );
    let mut checked = 0;
    for (i, col) in COLUMNS.iter().enumerate() {
        let actor = login(&p, col.actor).await;
        let creator = creator_of(&p, col).await;
        let f = fixture(&p, col, &actor, &creator).await;
        let before = snapshot(&creator, &f).await;
        assert_eq!(before["room"][3], 20, "the room is in the Archive");
        for (action, expected) in &rows {
            let r = probe(&p, col, &actor, &f, action).await;
            let what = format!("{action} as {}", col.label);
            if expected[i] {
                assert_eq!(r.status, 200, "{what}: {}", r.text());
            } else {
                assert_eq!(r.status, 403, "{what}: {}", r.text());
                let body = r.json();
                assert_eq!(body["statusCode"], 403, "{what}: {body}");
                assert_eq!(body["status"], 1, "{what}: {body}");
                assert!(
                    body["error"]["message"]
                        .as_str()
                        .is_some_and(|m| !m.is_empty()),
                    "{what}: {body}"
                );
            }
            checked += 1;
        }
        assert_eq!(
            snapshot(&creator, &f).await,
            before,
            "nothing in the archived room changed for {}",
            col.label
        );
    }
    assert_eq!(checked, rows.len() * COLUMNS.len());
    assert!(rows.len() >= 24, "every write path has a row");
}

#[tokio::test]
async fn an_unarchived_room_is_writable_again() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let user = login(&p, common::USER).await;
    let room = id(&common::create_room(&owner, "back again", json!(5)).await);
    let uid = user_id(&owner, common::USER).await;
    owner
        .put_ok(
            &format!("/api/2.0/files/rooms/{room}/share"),
            json!({ "invitations": [{ "id": uid, "access": 11 }] }),
        )
        .await;
    archive(&owner, room).await;
    let path = format!("/api/2.0/files/folder/{room}");
    let make = || user.post(&path, json!({ "title": "x" }));
    make().await.expect_error(403, "Access denied");
    // What the room offers its members says so too.
    let seen = user.get_ok(&format!("/api/2.0/files/rooms/{room}")).await;
    assert_eq!(seen["security"]["Create"], false, "{seen}");
    assert_eq!(seen["security"]["EditRoom"], false, "{seen}");
    owner
        .put_ok(&format!("/api/2.0/files/rooms/{room}/unarchive"), json!({}))
        .await;
    make().await.expect(200);
}
