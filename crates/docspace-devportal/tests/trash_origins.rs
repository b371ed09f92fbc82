//! Entries in the Trash say where they were deleted from (`originId`, `originTitle`, and for a
//! room's content `originRoomId`, `originRoomTitle`), and moving one back there restores it, as
//! DocSpace's web UI does with its Trash's "Restore" (ONLYOFFICE/DocSpace-server:
//! `products/ASC.Files/Core/ApiModels/ResponseDto/FileEntryDto.cs`).

mod common;

use common::{Api, new_file, new_folder, room_id, unlimited_portal};
use serde_json::{Value, json};

/// The Trash entry titled `title` (files and folders alike).
async fn in_trash(api: &Api, title: &str) -> Option<Value> {
    let trash = api.get_ok("/api/2.0/files/@trash").await;
    ["files", "folders"]
        .iter()
        .filter_map(|k| trash[*k].as_array())
        .flatten()
        .find(|e| e["title"] == title)
        .cloned()
}

#[tokio::test]
async fn trash_entries_name_their_origin_and_restore_there() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let my = owner.get_ok("/api/2.0/files/@my").await["current"]["id"]
        .as_i64()
        .expect("my documents");
    let drafts = new_folder(&owner, my, "Drafts").await;
    let doc = new_file(&owner, drafts, "Plan.docx").await;
    let contracts = room_id(&owner, "Contracts").await;
    let sub = new_folder(&owner, contracts, "Signed").await;
    let gone = new_folder(&owner, sub, "Old").await;
    owner
        .put_ok(
            "/api/2.0/files/fileops/delete",
            json!({ "fileIds": [doc], "folderIds": [gone] }),
        )
        .await;

    let file = in_trash(&owner, "Plan.docx")
        .await
        .expect("the file in the Trash");
    assert_eq!(
        (file["originId"].clone(), file["originTitle"].clone()),
        (json!(drafts), json!("Drafts"))
    );
    assert!(
        file.get("originRoomId").is_none(),
        "My documents is no room: {file}"
    );
    let folder = in_trash(&owner, "Old")
        .await
        .expect("the folder in the Trash");
    assert_eq!(
        [
            &folder["originId"],
            &folder["originTitle"],
            &folder["originRoomId"],
            &folder["originRoomTitle"]
        ],
        [
            &json!(sub),
            &json!("Signed"),
            &json!(contracts),
            &json!("Contracts")
        ]
    );

    // Restore: a move back to the origin.
    owner
        .put_ok(
            "/api/2.0/files/fileops/move",
            json!({ "fileIds": [doc], "destFolderId": file["originId"] }),
        )
        .await;
    assert!(in_trash(&owner, "Plan.docx").await.is_none());
    let back = owner.get_ok(&format!("/api/2.0/files/file/{doc}")).await;
    assert_eq!(back["folderId"], json!(drafts));
}

/// The titles of the files in `folder`.
async fn file_titles(api: &Api, folder: i64) -> Vec<String> {
    let content = api.get_ok(&format!("/api/2.0/files/{folder}")).await;
    common::titles(&content, "files")
}

/// Restoring onto a name the origin holds again: the check before a move names the Trash entry
/// (DocSpace's web client asks it before a restore as before a move:
/// ONLYOFFICE/DocSpace-client `packages/client/src/components/FilesSelector/index.tsx`), and the
/// move resolves it as the request says, as any move does (ONLYOFFICE/DocSpace-server:
/// `products/ASC.Files/Core/Core/FileStorageService.cs` `MoveOrCopyFilesCheckAsync`,
/// `products/ASC.Files/Core/Services/WCFService/FileOperations/FileMoveCopyOperation.cs`).
#[tokio::test]
async fn a_restore_onto_a_name_the_origin_holds_again_is_checked_and_resolved_like_a_move() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let my = owner.get_ok("/api/2.0/files/@my").await["current"]["id"]
        .as_i64()
        .expect("my documents");
    let drafts = new_folder(&owner, my, "Restore clash").await;
    let old = common::upload_file(&owner, drafts, "Plan.txt", b"the old plan").await;
    owner
        .put_ok("/api/2.0/files/fileops/delete", json!({ "fileIds": [old] }))
        .await;
    let new = common::upload_file(&owner, drafts, "Plan.txt", b"the new plan").await;

    let clashes = owner
        .get_ok(&format!(
            "/api/2.0/files/fileops/move?destFolderId={drafts}&fileIds={old}"
        ))
        .await;
    assert_eq!(clashes[0]["id"], json!(old), "the Trash entry: {clashes}");
    assert_eq!(clashes.as_array().map(Vec::len), Some(1));

    let restore = |conflict: i64| {
        let owner = &owner;
        async move {
            owner
                .put_ok(
                    "/api/2.0/files/fileops/move",
                    json!({ "fileIds": [old], "destFolderId": drafts, "conflictResolveType": conflict }),
                ).await;
        }
    };
    // Skip (0): the entry stays in the Trash, the origin's file as it was.
    restore(0).await;
    assert!(
        in_trash(&owner, "Plan.txt").await.is_some(),
        "still in the Trash"
    );
    assert_eq!(file_titles(&owner, drafts).await, ["Plan.txt"]);
    // Overwrite (1): the origin's file gets the Trash entry's content as a new version.
    restore(1).await;
    assert!(
        in_trash(&owner, "Plan.txt").await.is_none(),
        "out of the Trash"
    );
    let kept = owner.get_ok(&format!("/api/2.0/files/file/{new}")).await;
    assert_eq!(kept["version"], json!(2), "{kept}");
    assert_eq!(file_titles(&owner, drafts).await, ["Plan.txt"]);
}
