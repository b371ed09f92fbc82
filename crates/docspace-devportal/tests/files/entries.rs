//! Folders and files created, read, renamed and deleted.

use crate::common::{Api, portal, room_id, titles};
use crate::poll_done;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn folders_are_created_read_renamed_and_deleted() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let f = api
        .post_ok(
            &format!("/api/2.0/files/folder/{room}"),
            json!({ "title": "Drafts" }),
        )
        .await;
    assert_eq!(f["parentId"], room);
    assert_eq!(f["type"], 0);
    assert_eq!(f["parentRoomType"], 19);
    let id = f["id"].as_i64().expect("id");
    // Same title again: DocSpace keeps both and numbers the second.
    let dup = api
        .post_ok(
            &format!("/api/2.0/files/folder/{room}"),
            json!({ "title": "Drafts" }),
        )
        .await;
    assert_eq!(dup["title"], "Drafts (1)");
    assert_eq!(
        api.get_ok(&format!("/api/2.0/files/folder/{id}")).await["title"],
        "Drafts"
    );
    let r = api
        .put_ok(
            &format!("/api/2.0/files/folder/{id}"),
            json!({ "title": "Drafts 2" }),
        )
        .await;
    assert_eq!(r["title"], "Drafts 2");
    let path = api
        .get_ok(&format!("/api/2.0/files/folder/{id}/path"))
        .await;
    assert_eq!(
        titles(&json!({ "x": path }), "x"),
        vec!["Rooms", "Contracts", "Drafts 2"]
    );
    let subs = api
        .get_ok(&format!("/api/2.0/files/{room}/subfolders"))
        .await;
    assert_eq!(subs.as_array().map(Vec::len), Some(3));
    for (body, field) in [
        (json!({}), "empty"),
        (json!({ "title": "x".repeat(166) }), "Title"),
        (json!({ "title": "a\u{0}b" }), "control"),
    ] {
        let r = api
            .post(&format!("/api/2.0/files/folder/{room}"), body)
            .await;
        assert_eq!(r.status, 400, "{}", r.text());
        assert!(r.text().contains(field), "{}", r.text());
    }
    // Rooms and sections are not folders one may create things in.
    let rooms_section = api.get_ok("/api/2.0/files/rooms").await["current"]["id"]
        .as_i64()
        .expect("id");
    api.post(
        &format!("/api/2.0/files/folder/{rooms_section}"),
        json!({ "title": "x" }),
    )
    .await
    .expect_error(403, "Access denied");
    api.post("/api/2.0/files/folder/987654", json!({ "title": "x" }))
        .await
        .expect_error(404, "not");
    // Delete moves to Trash; deleting from Trash removes it.
    let op = api
        .delete_ok(&format!("/api/2.0/files/folder/{id}"), json!({}))
        .await;
    poll_done(&api, &op).await;
    let trash = api.get_ok("/api/2.0/files/@trash").await;
    assert!(titles(&trash, "folders").contains(&"Drafts 2".to_string()));
    assert_eq!(trash["folders"][0]["originId"], room);
    api.delete_ok(
        &format!("/api/2.0/files/folder/{id}"),
        json!({ "immediately": true }),
    )
    .await;
    api.get(&format!("/api/2.0/files/folder/{id}"))
        .await
        .expect_error(404, "not");
    api.call(
        Method::DELETE,
        &format!("/api/2.0/files/folder/{}", dup["id"]),
        None,
    )
    .await
    .expect_validation("");
    api.delete(&format!("/api/2.0/files/folder/{room}"), json!({}))
        .await
        .expect_error(403, "Rooms");
}

#[tokio::test]
async fn files_are_created_read_renamed_and_deleted() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Marketing").await;
    let f = api
        .post_ok(
            &format!("/api/2.0/files/{room}/file"),
            json!({ "title": "Brief" }),
        )
        .await;
    assert_eq!(
        f["title"], "Brief.docx",
        "no known extension: .docx appended"
    );
    assert_eq!(f["fileExst"], ".docx");
    assert_eq!(f["fileType"], 7);
    assert_eq!(f["version"], 1);
    let id = f["id"].as_i64().expect("id");
    let t = api
        .post_ok(
            &format!("/api/2.0/files/{room}/file"),
            json!({ "title": "notes.md" }),
        )
        .await;
    assert_eq!(t["title"], "notes.md");
    assert!(
        t.get("pureContentLength").is_none(),
        "empty files omit pureContentLength: {t}"
    );
    assert_eq!(t["contentLength"], "0 bytes");
    let my = api
        .post_ok("/api/2.0/files/@my/file", json!({ "title": "Sheet.xlsx" }))
        .await;
    assert_eq!(my["fileType"], 5);
    assert_eq!(my["rootFolderType"], 5);
    let copy = api
        .post_ok(
            &format!("/api/2.0/files/{room}/file"),
            json!({ "title": "From template.txt", "templateId": t["id"] }),
        )
        .await;
    assert_eq!(copy["title"], "From template.txt");
    let info = api.get_ok(&format!("/api/2.0/files/file/{id}")).await;
    assert_eq!(info["title"], "Brief.docx");
    api.get(&format!("/api/2.0/files/file/{id}?version=7"))
        .await
        .expect_error(404, "Version");
    let renamed = api
        .put_ok(
            &format!("/api/2.0/files/file/{id}"),
            json!({ "title": "Brief final" }),
        )
        .await;
    assert_eq!(
        renamed["title"], "Brief final.docx",
        "the extension is kept"
    );
    for bad in ["0", "-5", "abc", "123456789"] {
        api.get(&format!("/api/2.0/files/file/{bad}"))
            .await
            .expect_error(404, "not");
    }
    api.post(
        &format!("/api/2.0/files/{room}/file"),
        json!({ "title": "" }),
    )
    .await
    .expect_error(400, "empty");
    api.post(
        &format!("/api/2.0/files/{room}/file"),
        json!({ "title": "x", "templateId": 999999 }),
    )
    .await
    .expect_error(404, "not");
    let op = api
        .delete_ok(
            &format!("/api/2.0/files/file/{id}"),
            json!({ "immediately": true }),
        )
        .await;
    assert_eq!(poll_done(&api, &op).await["Operation"], 2);
    api.get(&format!("/api/2.0/files/file/{id}"))
        .await
        .expect_error(404, "not");
}
