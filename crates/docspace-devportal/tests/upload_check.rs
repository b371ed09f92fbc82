//! `POST files/{folderId}/upload/check`: the titles an upload would clash with, before it runs
//! (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/UploadController.cs`
//! `CheckUploadAsync`, `ApiModels/RequestDto/CheckUploadRequestDto.cs`).

mod common;

use common::*;
use serde_json::json;

fn check(folder: impl std::fmt::Display) -> String {
    format!("/api/2.0/files/{folder}/upload/check")
}

#[tokio::test]
async fn the_check_names_the_asked_titles_the_folder_already_holds() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = create_room(&owner, "Upload clashes", json!(2)).await["id"]
        .as_i64()
        .expect("room");
    new_file(&owner, room, "Plan.docx").await;
    new_file(&owner, room, "Notes.docx").await;

    // The titles as asked (the lookup ignores case, as the database's collation does), each
    // once (the answer is a `HashSet<string>`), leaving out those the folder does not hold.
    let found = owner
        .post_ok(
            &check(room),
            json!({ "filesTitle": ["plan.DOCX", "New.docx", "Notes.docx", "plan.DOCX"] }),
        )
        .await;
    assert_eq!(found, json!(["plan.DOCX", "Notes.docx"]));

    // Nothing in common, or nothing asked: an empty list.
    for titles in [json!(["Other.docx"]), json!([])] {
        let none = owner
            .post_ok(&check(room), json!({ "filesTitle": titles }))
            .await;
        assert_eq!(none, json!([]));
    }

    // `@my` resolves as every folder route does.
    new_file(&owner, "@my", "Mine.docx").await;
    let mine = owner
        .post_ok(
            &check("@my"),
            json!({ "filesTitle": ["Mine.docx", "Plan.docx"] }),
        )
        .await;
    assert_eq!(mine, json!(["Mine.docx"]));
}

#[tokio::test]
async fn no_titles_a_missing_folder_and_no_right_to_create_are_refused() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = create_room(&owner, "Upload refusals", json!(2)).await["id"]
        .as_i64()
        .expect("room");
    // `filesTitle` null: the controller's `ArgumentNullException`.
    owner
        .post(&check(room), json!({}))
        .await
        .expect_error(400, "filesTitle");
    owner
        .post(&check(987_654), json!({ "filesTitle": ["a.docx"] }))
        .await
        .expect_error(404, "The required folder was not found");

    // A viewer of the room may read it but not create in it.
    let viewer = room_member(&p, &owner, room, USER, 2).await;
    viewer
        .post(&check(room), json!({ "filesTitle": ["a.docx"] }))
        .await
        .expect_error(403, "You don't have enough permission to create");
}
