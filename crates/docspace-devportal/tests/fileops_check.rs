//! `GET files/fileops/move`: the clashes a copy or move would meet, before it runs
//! (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/OperationController.cs`
//! `CheckMoveOrCopyBatchItems`, `FileStorageService.MoveOrCopyFilesCheckAsync`,
//! `FolderDao.CanMoveOrCopyAsync`).

mod common;

use common::*;
use serde_json::{Value, json};

fn check_path(dest: i64, folders: &[i64], files: &[i64]) -> String {
    let mut q = format!("/api/2.0/files/fileops/move?destFolderId={dest}");
    for f in folders {
        q.push_str(&format!("&folderIds={f}"));
    }
    for f in files {
        q.push_str(&format!("&fileIds={f}"));
    }
    q
}

fn entry_titles(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("entries")
        .iter()
        .map(|e| e["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn the_check_names_the_source_entries_whose_titles_the_destination_holds() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let from = create_room(&owner, "Clash source", json!(2)).await["id"]
        .as_i64()
        .expect("room");
    let to = create_room(&owner, "Clash target", json!(2)).await["id"]
        .as_i64()
        .expect("room");
    let plan = new_file(&owner, from, "Plan.docx").await;
    let notes = new_file(&owner, from, "Notes.docx").await;
    let drafts = new_folder(&owner, from, "Drafts").await;
    let archive = new_folder(&owner, from, "Old").await;
    new_file(&owner, drafts, "Inside.docx").await;
    // Titles compare case-insensitively, as the server's `IsExistAsync` and `FolderIdAsync` do.
    new_file(&owner, to, "plan.DOCX").await;
    let target_drafts = new_folder(&owner, to, "DRAFTS").await;
    // What the clashing folder holds is not searched (only legacy project folders are).
    new_file(&owner, target_drafts, "Inside.docx").await;

    let clashes = owner
        .get_ok(&check_path(to, &[drafts, archive], &[plan, notes]))
        .await;
    assert_eq!(entry_titles(&clashes), ["Drafts", "Plan.docx"], "{clashes}");
    assert_eq!(
        clashes[0]["id"], drafts,
        "the source entries, not the ones they clash with"
    );
    assert_eq!(clashes[1]["id"], plan);

    // Nothing in common: an empty list.
    let none = owner.get_ok(&check_path(to, &[archive], &[notes])).await;
    assert_eq!(none, json!([]));

    // PUT on the same path still moves.
    owner
        .put_ok(
            "/api/2.0/files/fileops/move",
            json!({ "destFolderId": to, "fileIds": [notes], "conflictResolveType": 2 }),
        )
        .await;
    let after = owner.get_ok(&check_path(to, &[], &[notes])).await;
    assert_eq!(
        entry_titles(&after),
        ["Notes.docx"],
        "it is in the target now"
    );
}

#[tokio::test]
async fn a_folder_into_itself_a_missing_target_and_no_right_to_create_are_refused() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = create_room(&owner, "Nest", json!(2)).await["id"]
        .as_i64()
        .expect("room");
    let outer = new_folder(&owner, room, "Outer").await;
    let inner = new_folder(&owner, outer, "Inner").await;
    for dest in [outer, inner] {
        owner
            .get(&check_path(dest, &[outer], &[]))
            .await
            .expect_error(403, "You cannot copy the folder to its subfolder");
    }
    owner
        .get(&check_path(987_654, &[outer], &[]))
        .await
        .expect_error(403, "The required folder was not found");
    owner
        .get("/api/2.0/files/fileops/move?folderIds=1")
        .await
        .expect_error(403, "The required folder was not found");

    // A viewer of the room may read it but not create in it.
    let viewer = room_member(&p, &owner, room, USER, 2).await;
    viewer
        .get(&check_path(inner, &[], &[]))
        .await
        .expect_error(403, "You don't have enough permission to create");
}
