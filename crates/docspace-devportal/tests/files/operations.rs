//! Copy and move with conflict resolution.

use crate::common::{Api, new_folder, portal, room_id, titles};
use crate::{download, poll_done, upload};
use serde_json::{Value, json};

#[tokio::test]
async fn copy_and_move_resolve_conflicts() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let a = new_folder(&api, room, "A").await;
    let b = new_folder(&api, room, "B").await;
    let src = upload(&api, &a.to_string(), "doc.txt", b"from A")
        .await
        .expect(200)
        .response()[0]
        .clone();
    upload(&api, &b.to_string(), "doc.txt", b"already in B")
        .await
        .expect(200);
    let files_of = |id: i64| {
        let api = api.clone();
        async move { api.get_ok(&format!("/api/2.0/files/{id}")).await }
    };
    let batch = |op: &str, conflict: Value| json!({ "fileIds": [src["id"]], "folderIds": [], "destFolderId": b, "conflictResolveType": conflict, "deleteAfter": false, "op": op });
    // Skip: nothing changes.
    let op = api
        .put_ok("/api/2.0/files/fileops/copy", batch("copy", json!("Skip")))
        .await;
    let done = poll_done(&api, &op).await;
    assert_eq!(done["Operation"], 1);
    assert_eq!(done["files"], json!([]));
    assert_eq!(titles(&files_of(b).await, "files"), vec!["doc.txt"]);
    // Duplicate: a numbered copy.
    let op = api
        .put_ok("/api/2.0/files/fileops/copy", batch("copy", json!(2)))
        .await;
    assert_eq!(
        poll_done(&api, &op).await["files"][0]["title"],
        "doc (1).txt"
    );
    // Overwrite: a new version of the existing file with the source content.
    let op = api
        .put_ok(
            "/api/2.0/files/fileops/copy",
            batch("copy", json!("overwrite")),
        )
        .await;
    let over = poll_done(&api, &op).await["files"][0].clone();
    assert_eq!(over["title"], "doc.txt");
    assert_eq!(over["version"], 2);
    assert_eq!(
        download(&api, over["viewUrl"].as_str().expect("url")).await,
        b"from A"
    );
    // Move a folder into another, then move the file with Duplicate.
    let op = api
        .put_ok(
            "/api/2.0/files/fileops/move",
            json!({ "folderIds": [a], "destFolderId": b }),
        )
        .await;
    let moved = poll_done(&api, &op).await;
    assert_eq!(moved["Operation"], 0);
    assert_eq!(moved["folders"][0]["parentId"], b);
    let path = api.get_ok(&format!("/api/2.0/files/folder/{a}/path")).await;
    assert_eq!(
        titles(&json!({ "p": path }), "p"),
        vec!["Rooms", "Contracts", "B", "A"]
    );
    // A folder cannot go into itself; unknown ids, bad conflict values and missing destinations fail whole.
    api.put(
        "/api/2.0/files/fileops/move",
        json!({ "folderIds": [b], "destFolderId": a }),
    )
    .await
    .expect_error(403, "subfolder");
    api.put(
        "/api/2.0/files/fileops/copy",
        json!({ "fileIds": [src["id"], 999999], "destFolderId": room }),
    )
    .await
    .expect_error(404, "not");
    assert_eq!(
        titles(&files_of(room).await, "files")
            .iter()
            .filter(|t| t.starts_with("doc"))
            .count(),
        0,
        "nothing half-copied"
    );
    api.put(
        "/api/2.0/files/fileops/copy",
        json!({ "fileIds": [src["id"]], "destFolderId": room, "conflictResolveType": "Merge" }),
    )
    .await
    .expect_validation("ConflictResolveType");
    api.put(
        "/api/2.0/files/fileops/copy",
        json!({ "fileIds": [src["id"]] }),
    )
    .await
    .expect_validation("DestFolderId");
    api.put(
        "/api/2.0/files/fileops/copy",
        json!({ "fileIds": [-4], "destFolderId": room }),
    )
    .await
    .expect_error(404, "not");
    api.put("/api/2.0/files/fileops/teleport", json!({}))
        .await
        .expect_error(404, "Unknown");
    // Copy across rooms into My documents keeps the source.
    let my = api.get_ok("/api/2.0/files/@my").await["current"]["id"]
        .as_i64()
        .expect("id");
    let op = api
        .put_ok(
            "/api/2.0/files/fileops/copy",
            json!({ "fileIds": [src["id"].to_string()], "destFolderId": my.to_string() }),
        )
        .await;
    assert_eq!(poll_done(&api, &op).await["files"][0]["rootFolderType"], 5);
    // Batch delete: to Trash, then for good.
    let op = api
        .put_ok(
            "/api/2.0/files/fileops/delete",
            json!({ "fileIds": [src["id"]], "folderIds": [] }),
        )
        .await;
    poll_done(&api, &op).await;
    assert!(
        titles(&api.get_ok("/api/2.0/files/@trash").await, "files")
            .contains(&"doc.txt".to_string())
    );
    api.put_ok(
        "/api/2.0/files/fileops/delete",
        json!({ "fileIds": [src["id"]], "immediately": true }),
    )
    .await;
    api.get(&format!("/api/2.0/files/file/{}", src["id"]))
        .await
        .expect_error(404, "not");
}
