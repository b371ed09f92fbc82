//! File versions over HTTP, as ONLYOFFICE/DocSpace-server answers them
//! (`products/ASC.Files/Server/Api/FilesController.cs`: `file/{id}/history`, `…/comment`,
//! `…/restoreversion`, `…/edit/history`; `OperationController.cs`: `fileops/deleteversion`):
//! history with version groups and comments, restore keeping later versions, mark and continue,
//! comments, deleting versions, uploads as new versions, and who may do what by room role
//! (`products/ASC.Files/Core/Core/Security/FileSecurity.cs`, `ReadHistory`/`EditHistory`).

mod common;

use common::{Api, Resp, login, portal, room_id, titles, user_id};
use reqwest::Method;
use serde_json::{Value, json};

async fn upload(api: &Api, folder: i64, name: &str, data: &[u8]) -> Resp {
    api.multipart(
        Method::POST,
        &format!("/api/2.0/files/{folder}/upload"),
        &[("File", Some(name), data)],
    )
    .await
}

/// Uploads `name` into `folder` once per content: one file with as many versions.
async fn versioned(api: &Api, folder: i64, name: &str, contents: &[&[u8]]) -> i64 {
    let mut id = 0;
    for c in contents {
        let f = upload(api, folder, name, c).await.expect(200).response()[0].clone();
        id = f["id"].as_i64().expect("file id");
    }
    id
}

async fn history(api: &Api, id: i64) -> Vec<Value> {
    api.get_ok(&format!("/api/2.0/files/file/{id}/history"))
        .await
        .as_array()
        .expect("list")
        .clone()
}

fn column(list: &[Value], key: &str) -> Vec<Value> {
    list.iter().map(|v| v[key].clone()).collect()
}

async fn content_of(api: &Api, id: i64, version: i64) -> Vec<u8> {
    api.get(&format!(
        "/filehandler.ashx?action=download&fileid={id}&version={version}"
    ))
    .await
    .expect(200)
    .body
}

#[tokio::test]
async fn uploads_of_the_same_name_make_versions_listed_newest_first() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let id = versioned(&api, room, "plan.txt", &[b"one", b"two!", b"three"]).await;
    let h = history(&api, id).await;
    assert_eq!(column(&h, "version"), vec![json!(3), json!(2), json!(1)]);
    assert_eq!(
        column(&h, "versionGroup"),
        vec![json!(3), json!(2), json!(1)]
    );
    assert_eq!(
        column(&h, "comment"),
        vec![json!("Uploaded"), json!("Uploaded"), json!("Created")]
    );
    assert_eq!(
        column(&h, "pureContentLength"),
        vec![json!(5), json!(4), json!(3)]
    );
    assert!(h.iter().all(|v| v["id"] == id && v["title"] == "plan.txt"));
    assert!(h[0]["updatedBy"]["id"].is_string() && h[0]["createdBy"]["id"].is_string());
    // The file itself shows its current version's group and comment.
    let f = api.get_ok(&format!("/api/2.0/files/file/{id}")).await;
    assert_eq!(
        (f["versionGroup"].clone(), f["comment"].clone()),
        (json!(3), json!("Uploaded"))
    );
    // `createNewIfExist` still makes a second file.
    api.multipart(
        Method::POST,
        &format!("/api/2.0/files/{room}/upload?createNewIfExist=true"),
        &[("File", Some("plan.txt"), b"other")],
    )
    .await
    .expect(200);
    let c = api.get_ok(&format!("/api/2.0/files/{room}")).await;
    assert!(
        titles(&c, "files").contains(&"plan (1).txt".to_string()),
        "{c}"
    );
}

#[tokio::test]
async fn restoring_a_version_keeps_the_later_ones_and_starts_a_new_group() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let id = versioned(&api, room, "memo.txt", &[b"first", b"second", b"third"]).await;
    let r = api
        .post_ok(
            &format!("/api/2.0/files/file/{id}/restoreversion?version=1"),
            json!({}),
        )
        .await;
    // `EditHistoryDto`s, oldest first.
    assert_eq!(
        column(r.as_array().expect("list"), "version"),
        vec![json!(1), json!(2), json!(3), json!(4)]
    );
    assert_eq!(r[3]["versionGroup"], 4);
    assert!(
        r[3]["user"]["id"].is_string() && r[3]["created"].is_string(),
        "{r}"
    );
    let h = history(&api, id).await;
    assert_eq!(h.len(), 4, "the later versions stay");
    assert!(
        h[0]["comment"]
            .as_str()
            .is_some_and(|c| c.starts_with("Restored from the revision of ")),
        "{}",
        h[0]
    );
    assert_eq!(content_of(&api, id, 4).await, b"first");
    assert_eq!(content_of(&api, id, 3).await, b"third");
    // The current version, version 0, an unknown file.
    api.post(
        &format!("/api/2.0/files/file/{id}/restoreversion?version=4"),
        json!({}),
    )
    .await
    .expect_error(400, "The new version cannot be the same as the current one");
    api.post(
        &format!("/api/2.0/files/file/{id}/restoreversion"),
        json!({}),
    )
    .await
    .expect_error(400, "version");
    api.post(
        "/api/2.0/files/file/999999/restoreversion?version=1",
        json!({}),
    )
    .await
    .expect_error(404, "The required file was not found");
    // `PUT file/{id}` with `lastVersion` restores the same way.
    let f = api
        .put_ok(
            &format!("/api/2.0/files/file/{id}"),
            json!({ "lastVersion": 2 }),
        )
        .await;
    assert_eq!(
        (f["version"].clone(), f["versionGroup"].clone()),
        (json!(5), json!(5))
    );
    let e = api
        .get_ok(&format!("/api/2.0/files/file/{id}/edit/history"))
        .await;
    assert_eq!(e.as_array().map(Vec::len), Some(5));
}

#[tokio::test]
async fn continue_merges_groups_and_mark_makes_a_revision() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let id = versioned(&api, room, "draft.txt", &[b"a", b"b", b"c"]).await;
    let change = |version: i64, cont: bool| {
        let api = api.clone();
        async move {
            api.put_ok(
                &format!("/api/2.0/files/file/{id}/history"),
                json!({ "version": version, "continueVersion": cont }),
            )
            .await
        }
    };
    let h = change(2, true).await;
    assert_eq!(
        column(h.as_array().expect("list"), "versionGroup"),
        vec![json!(2), json!(2), json!(1)]
    );
    let h = change(1, true).await;
    assert_eq!(
        column(h.as_array().expect("list"), "versionGroup"),
        vec![json!(1), json!(1), json!(1)]
    );
    // Marking a version that is not the current one changes nothing.
    let h = change(2, false).await;
    assert_eq!(h.as_array().map(Vec::len), Some(3));
    // Marking the current one stores it again as a revision of its own.
    let h = change(3, false).await;
    assert_eq!(column(h.as_array().expect("list"), "version")[0], 4);
    assert_eq!(h[0]["versionGroup"], 2);
    api.put(
        &format!("/api/2.0/files/file/{id}/history"),
        json!({ "continueVersion": true }),
    )
    .await
    .expect_validation("$");
    api.put(
        "/api/2.0/files/file/999999/history",
        json!({ "version": 1 }),
    )
    .await
    .expect_error(404, "The required file was not found");
}

#[tokio::test]
async fn comments_are_cut_to_255_characters() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let id = versioned(&api, room, "note.txt", &[b"x", b"y"]).await;
    let long = "é".repeat(300);
    let r = api
        .put_ok(
            &format!("/api/2.0/files/file/{id}/comment"),
            json!({ "version": 1, "comment": long }),
        )
        .await;
    assert_eq!(r.as_str().map(|s| s.chars().count()), Some(255));
    let h = history(&api, id).await;
    assert_eq!(h[1]["comment"], r);
    assert_eq!(h[0]["comment"], "Uploaded");
    // A missing version or file is an `InvalidOperationException` here (403).
    api.put(
        &format!("/api/2.0/files/file/{id}/comment"),
        json!({ "version": 9, "comment": "x" }),
    )
    .await
    .expect_error(403, "The required file was not found");
    api.put(
        &format!("/api/2.0/files/file/{id}/comment"),
        json!({ "comment": "x" }),
    )
    .await
    .expect_validation("$");
}

#[tokio::test]
async fn deleting_versions_keeps_the_current_one() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let id = versioned(&api, room, "old.txt", &[b"1", b"2", b"3"]).await;
    api.put(
        "/api/2.0/files/fileops/deleteversion",
        json!({ "fileId": id, "versions": [3] }),
    )
    .await
    .expect_error(403, "Access denied");
    let op = api
        .put_ok(
            "/api/2.0/files/fileops/deleteversion",
            json!({ "fileId": id, "versions": [1, 2] }),
        )
        .await;
    assert_eq!(
        (op[0]["finished"].clone(), op[0]["error"].clone()),
        (json!(true), json!(""))
    );
    assert_eq!(column(&history(&api, id).await, "version"), vec![json!(3)]);
    api.put(
        "/api/2.0/files/fileops/deleteversion",
        json!({ "fileId": 999999, "versions": [1] }),
    )
    .await
    .expect_error(404, "The required file was not found");
    api.put(
        "/api/2.0/files/fileops/deleteversion",
        json!({ "fileId": id }),
    )
    .await
    .expect_validation("$");
    // An empty list deletes the file itself, for good, as DocSpace's operation does.
    api.put_ok(
        "/api/2.0/files/fileops/deleteversion",
        json!({ "fileId": id, "versions": [] }),
    )
    .await;
    api.get(&format!("/api/2.0/files/file/{id}"))
        .await
        .expect(404);
}

#[tokio::test]
async fn history_rights_follow_the_room_role() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = room_id(&owner, "Contracts").await;
    let id = versioned(&owner, room, "roles.txt", &[b"1", b"2"]).await;
    let read = "You don't have enough permission to view the file";
    // (who, reads history, edits history) in a custom room where the room admin manages, the
    // user edits and the guest reads; the DocSpace admin is no member.
    for (who, reads, edits) in [
        ("roomadmin@example.com", true, true),
        ("user@example.com", true, false),
        ("guest@example.com", false, false),
        ("admin@example.com", false, false),
    ] {
        let api = login(&p, who).await;
        let h = api.get(&format!("/api/2.0/files/file/{id}/history")).await;
        if reads {
            h.expect(200);
        } else {
            h.expect_error(403, read);
        }
        let c = api
            .put(
                &format!("/api/2.0/files/file/{id}/comment"),
                json!({ "version": 1, "comment": who }),
            )
            .await;
        if edits {
            c.expect(200);
        } else {
            c.expect_error(403, "You do not have enough permissions to edit the file");
        }
        let r = api
            .post(
                &format!("/api/2.0/files/file/{id}/restoreversion?version=1"),
                json!({}),
            )
            .await;
        if edits {
            r.expect(200);
        } else {
            r.expect_error(403, "Access denied");
        }
        let f = api.get(&format!("/api/2.0/files/file/{id}")).await;
        if f.status == 200 {
            let s = &f.response()["security"];
            assert_eq!(
                (s["ReadHistory"].clone(), s["EditHistory"].clone()),
                (json!(reads), json!(edits)),
                "{who}: {s}"
            );
        }
    }
    // A guest who may create files in the room does not update a same-named file by uploading:
    // DocSpace gives the upload a free title instead (`FileUploader.CanEditAsync`).
    let guest = user_id(&owner, "guest@example.com").await;
    owner
        .put_ok(
            &format!("/api/2.0/files/rooms/{room}/share"),
            json!({ "invitations": [{ "id": guest, "access": 11 }] }),
        )
        .await;
    let g = login(&p, "guest@example.com").await;
    let f = upload(&g, room, "roles.txt", b"guest")
        .await
        .expect(200)
        .response()[0]
        .clone();
    assert_eq!(
        (f["title"].clone(), f["version"].clone()),
        (json!("roles (1).txt"), json!(1))
    );
}

/// A restored version is a new save: DocSpace's `EntryManager.UpdateToVersionFileAsync` copies the
/// source version's author and time, but `FileDao.SaveFileAsync` then stamps every save with the
/// current user and time (`products/ASC.Files/Core/Core/Dao/TeamlabDao/FileDao.cs`), so the new
/// version belongs to whoever restored it.
#[tokio::test]
async fn a_restored_version_belongs_to_whoever_restored_it() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = room_id(&owner, "Contracts").await;
    let id = versioned(&owner, room, "stamped.txt", &[b"one", b"two"]).await;
    let manager = login(&p, common::ROOM_ADMIN).await; // a room manager in Contracts
    let manager_id = user_id(&owner, common::ROOM_ADMIN).await;
    manager
        .post_ok(
            &format!("/api/2.0/files/file/{id}/restoreversion?version=1"),
            json!({}),
        )
        .await;
    let h = history(&owner, id).await;
    assert_eq!(h[0]["version"], 3);
    assert_eq!(h[0]["updatedBy"]["id"], manager_id.as_str(), "{}", h[0]);
    assert_ne!(h[1]["updatedBy"]["id"], manager_id.as_str());
}
