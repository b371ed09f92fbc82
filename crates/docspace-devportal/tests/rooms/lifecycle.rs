//! Archiving, unarchiving and deleting rooms as polled operations, pinning, and the covers list.

use crate::common::{Api, portal, room_id, titles};
use serde_json::{Value, json};

async fn poll(api: &Api, op_id: &str) -> Value {
    for _ in 0..20 {
        let ops = api
            .get_ok(&format!("/api/2.0/files/fileops?id={op_id}"))
            .await;
        if let Some(op) = ops.as_array().and_then(|a| a.first())
            && op["finished"] == true
        {
            return op.clone();
        }
    }
    panic!("operation {op_id} did not finish");
}

#[tokio::test]
async fn archive_unarchive_and_delete_are_polled_operations() {
    let p = portal().await;
    let api = Api::owner(&p);
    let id = room_id(&api, "Marketing").await;
    api.put(&format!("/api/2.0/files/rooms/{id}/archive"), json!({}))
        .await;
    // Missing body: the validation envelope, as DocSpace answers it.
    api.call(
        reqwest::Method::PUT,
        &format!("/api/2.0/files/rooms/{id}/unarchive"),
        None,
    )
    .await
    .expect_validation("");
    let list_archive = api.get_ok("/api/2.0/files/rooms?searchArea=1").await;
    assert_eq!(titles(&list_archive, "folders"), vec!["Marketing"]);
    assert_eq!(list_archive["current"]["type"], 20);
    let again = api
        .put(&format!("/api/2.0/files/rooms/{id}/archive"), json!({}))
        .await;
    again.expect_error(400, "already archived");
    let op = api
        .put_ok(
            &format!("/api/2.0/files/rooms/{id}/unarchive"),
            json!({ "deleteAfter": false }),
        )
        .await;
    assert_eq!(op["Operation"], 0);
    let done = poll(&api, op["id"].as_str().expect("op id")).await;
    assert_eq!(done["progress"], 100);
    assert_eq!(done["error"], "");
    assert_eq!(done["status"], 2);
    assert_eq!(
        api.get_ok("/api/2.0/files/rooms?searchArea=1").await["total"],
        0
    );
    // Files inside stay reachable and their section follows the room.
    let contents = api.get_ok(&format!("/api/2.0/files/{id}")).await;
    assert_eq!(contents["pathParts"][0]["folderType"], 14);
    // Delete needs a body too.
    api.call(
        reqwest::Method::DELETE,
        &format!("/api/2.0/files/rooms/{id}"),
        None,
    )
    .await
    .expect_validation("");
    let del = api
        .delete_ok(&format!("/api/2.0/files/rooms/{id}"), json!({}))
        .await;
    assert_eq!(del["Operation"], 2);
    poll(&api, del["id"].as_str().expect("op id")).await;
    api.get(&format!("/api/2.0/files/rooms/{id}"))
        .await
        .expect_error(404, "room");
    let typed = api.get_ok("/api/2.0/files/fileops/Delete").await;
    assert!(
        typed
            .as_array()
            .is_some_and(|a| a.iter().all(|o| o["Operation"] == 2) && !a.is_empty())
    );
    api.get("/api/2.0/files/fileops/Teleport")
        .await
        .expect_error(404, "Unknown");
}

#[tokio::test]
async fn pins_float_to_the_top_for_the_user_who_pinned() {
    let p = portal().await;
    let api = Api::owner(&p);
    let id = room_id(&api, "Onboarding forms").await;
    let r = api
        .put_ok(&format!("/api/2.0/files/rooms/{id}/pin"), json!({}))
        .await;
    assert_eq!(r["pinned"], true);
    let first = &api
        .get_ok("/api/2.0/files/rooms?sortBy=AZ&sortOrder=1")
        .await["folders"][0];
    assert_eq!(first["title"], "Onboarding forms");
    assert_eq!(first["pinned"], true);
    let r = api
        .put_ok(&format!("/api/2.0/files/rooms/{id}/unpin"), json!({}))
        .await;
    assert_eq!(r["pinned"], false);
    api.put("/api/2.0/files/rooms/999999/pin", json!({}))
        .await
        .expect_error(404, "room");
}

#[tokio::test]
async fn covers_are_listed() {
    let p = portal().await;
    let covers = Api::owner(&p).get_ok("/api/2.0/files/rooms/covers").await;
    assert!(covers.as_array().is_some_and(|c| {
        c.len() >= 3
            && c.iter()
                .all(|c| c["id"].is_string() && c["data"].is_string())
    }));
}
