//! `PUT files/fileops/copy` and `files/fileops/move` with a folder whose title the destination
//! already holds: DocSpace merges the two ("if destination folder contains folder with same name
//! then merge folders"), resolving each clash inside by the request's `conflictResolveType`
//! (ONLYOFFICE/DocSpace-server:
//! `products/ASC.Files/Core/Services/WCFService/FileOperations/FileMoveCopyOperation.cs`,
//! `MoveOrCopyFoldersAsync` and `MoveOrCopyFilesAsync`; the values are `FileConflictResolveType`
//! in `FileConflictResolveType.cs` next to it: 0 Skip, 1 Overwrite, 2 Duplicate).

mod common;

use common::*;
use reqwest::Method;
use serde_json::{Value, json};

const SKIP: i64 = 0;
const OVERWRITE: i64 = 1;
const DUPLICATE: i64 = 2;

/// Runs a copy or move of `folders` into `dest`; the finished operation's report.
async fn transfer(api: &Api, op: &str, folders: &[i64], dest: i64, conflict: i64) -> Value {
    let ops = api
        .put_ok(
            &format!("/api/2.0/files/fileops/{op}"),
            json!({ "folderIds": folders, "destFolderId": dest, "conflictResolveType": conflict }),
        )
        .await;
    assert_eq!(ops[0]["finished"], true, "{ops}");
    assert_eq!(ops[0]["error"], "", "{ops}");
    ops[0].clone()
}

/// The titles of a folder's sub-folders and of its files, each sorted.
async fn listing(api: &Api, folder: i64) -> (Vec<String>, Vec<String>) {
    let c = api.get_ok(&format!("/api/2.0/files/{folder}")).await;
    let mut folders = titles(&c, "folders");
    let mut files = titles(&c, "files");
    folders.sort();
    files.sort();
    (folders, files)
}

/// The id of the entry titled `title` in `folder` (`key`: "folders" or "files").
async fn child(api: &Api, folder: i64, key: &str, title: &str) -> i64 {
    let c = api.get_ok(&format!("/api/2.0/files/{folder}")).await;
    c[key]
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["title"] == title)
        .and_then(|e| e["id"].as_i64())
        .unwrap_or_else(|| panic!("no {title} in {c}"))
}

/// A file's current version and content.
async fn version_and_content(api: &Api, file: i64) -> (i64, Vec<u8>) {
    let f = api.get_ok(&format!("/api/2.0/files/file/{file}")).await;
    let url = f["viewUrl"].as_str().expect("viewUrl");
    let body = api.call(Method::GET, url, None).await.expect(200).body;
    (f["version"].as_i64().expect("version"), body)
}

fn strings(s: &[&str]) -> Vec<String> {
    s.iter().map(|t| t.to_string()).collect()
}

/// A room with `Source/Reports` {a.txt "new a", b.txt} and `Target/Reports` {a.txt "old a",
/// c.txt}: (room, source, target, the source's Reports, the target's Reports).
async fn two_reports(api: &Api, title: &str) -> (i64, i64, i64, i64, i64) {
    let room = create_room(api, title, json!(2)).await["id"]
        .as_i64()
        .expect("room");
    let source = new_folder(api, room, "Source").await;
    let target = new_folder(api, room, "Target").await;
    let from = new_folder(api, source, "Reports").await;
    upload_file(api, from, "a.txt", b"new a").await;
    upload_file(api, from, "b.txt", b"b").await;
    let into = new_folder(api, target, "Reports").await;
    upload_file(api, into, "a.txt", b"old a").await;
    upload_file(api, into, "c.txt", b"c").await;
    (room, source, target, from, into)
}

/// Overwrite: the copied folder goes into the existing one of the same title (no
/// "Reports (1)"); what only the source holds is copied in, and the file of the same title
/// becomes a new version of the existing file with the source's content
/// (`FileMoveCopyOperation.cs`: `MoveOrCopyFoldersAsync` takes `conflictFolder` as `newFolder`
/// and recurses with `MoveOrCopyFilesAsync`, whose Overwrite branch does `newFile.Version++` and
/// `SaveFileAsync`). The source is left as it was, and the report names the merged folder.
#[tokio::test]
async fn a_copy_with_overwrite_merges_into_the_folder_of_the_same_title() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let (_, source, target, from, into) = two_reports(&owner, "Merge overwrite").await;
    let old_a = child(&owner, into, "files", "a.txt").await;

    let done = transfer(&owner, "copy", &[from], target, OVERWRITE).await;
    assert_eq!(done["Operation"], 1);
    assert_eq!(done["folders"][0]["id"], into, "{done}");

    assert_eq!(
        listing(&owner, target).await,
        (strings(&["Reports"]), vec![])
    );
    assert_eq!(
        listing(&owner, into).await.1,
        strings(&["a.txt", "b.txt", "c.txt"])
    );
    assert_eq!(
        child(&owner, into, "files", "a.txt").await,
        old_a,
        "the same file, with a new version"
    );
    assert_eq!(
        version_and_content(&owner, old_a).await,
        (2, b"new a".to_vec())
    );
    // The source is untouched.
    assert_eq!(listing(&owner, source).await.0, strings(&["Reports"]));
    assert_eq!(listing(&owner, from).await.1, strings(&["a.txt", "b.txt"]));
}

/// Skip does not leave the folder out: it is merged like Overwrite, and only the clashing
/// files inside are left alone (`MoveOrCopyFoldersAsync` searches for `conflictFolder` for
/// every type but Duplicate and merges into it; `MoveOrCopyFilesAsync`'s Skip branch is
/// `//nothing`). A folder copied into its own parent with Skip or Overwrite is not copied at
/// all (`if (!Equals(folder.ParentId ?? default, toFolderId) || _resolveType ==
/// FileConflictResolveType.Duplicate)`).
#[tokio::test]
async fn a_copy_with_skip_merges_too_but_leaves_same_named_files_alone() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let (_, source, target, from, into) = two_reports(&owner, "Merge skip").await;
    let old_a = child(&owner, into, "files", "a.txt").await;

    let done = transfer(&owner, "copy", &[from], target, SKIP).await;
    assert_eq!(done["folders"][0]["id"], into, "{done}");
    assert_eq!(listing(&owner, target).await.0, strings(&["Reports"]));
    assert_eq!(
        listing(&owner, into).await.1,
        strings(&["a.txt", "b.txt", "c.txt"])
    );
    assert_eq!(
        version_and_content(&owner, old_a).await,
        (1, b"old a".to_vec())
    );

    // Into its own parent, Skip and Overwrite copy nothing.
    for conflict in [SKIP, OVERWRITE] {
        let done = transfer(&owner, "copy", &[from], source, conflict).await;
        assert_eq!(done["folders"], json!([]), "{done}");
        assert_eq!(listing(&owner, source).await.0, strings(&["Reports"]));
    }
}

/// Duplicate: a copy is not merged but made under the first free title, with everything in it
/// (`MoveOrCopyFoldersAsync` does not look for `conflictFolder`, and `FolderDao.CopyFolderAsync`
/// titles the copy with `GetAvailableTitleAsync`); a move is not merged either, and keeps its
/// title, so that the destination then holds two folders of that title
/// (`FolderDao.MoveFolderAsync` changes only the parent). Files go the same way.
#[tokio::test]
async fn duplicate_copies_under_a_new_title_and_moves_under_the_same_one() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let (_, source, target, from, into) = two_reports(&owner, "Merge duplicate").await;

    let done = transfer(&owner, "copy", &[from], target, DUPLICATE).await;
    let copy = done["folders"][0]["id"].as_i64().expect("the copy");
    assert_eq!(done["folders"][0]["title"], "Reports (1)");
    assert_eq!(
        listing(&owner, target).await.0,
        strings(&["Reports", "Reports (1)"])
    );
    assert_eq!(listing(&owner, copy).await.1, strings(&["a.txt", "b.txt"]));
    assert_eq!(listing(&owner, into).await.1, strings(&["a.txt", "c.txt"]));

    let done = transfer(&owner, "move", &[from], target, DUPLICATE).await;
    assert_eq!(done["folders"][0]["id"], from, "moved as it is");
    assert_eq!(done["folders"][0]["title"], "Reports");
    assert_eq!(
        listing(&owner, target).await.0,
        strings(&["Reports", "Reports", "Reports (1)"])
    );
    assert_eq!(listing(&owner, source).await.0, Vec::<String>::new());
    assert_eq!(listing(&owner, from).await.1, strings(&["a.txt", "b.txt"]));

    // A file moved with Duplicate keeps its title too (`FileDao.MoveFileAsync`); a copied one
    // gets the first free title (`FileDao.CopyFileAsync`).
    let a = child(&owner, copy, "files", "a.txt").await;
    for op in ["copy", "move"] {
        owner
            .put_ok(
                &format!("/api/2.0/files/fileops/{op}"),
                json!({ "fileIds": [a], "destFolderId": into, "conflictResolveType": DUPLICATE }),
            )
            .await;
    }
    assert_eq!(
        listing(&owner, into).await.1,
        strings(&["a (1).txt", "a.txt", "a.txt", "c.txt"])
    );
}

/// A move merges as a copy does, moving what the source holds into the folder of the same
/// title; the source folder, once empty, is deleted (`MoveOrCopyFoldersAsync`: `if (!copy)` …
/// `else if (await FolderDao.IsEmptyAsync(folder.Id))` … `FolderDao.DeleteFolderAsync`). With
/// Skip the clashing file stays where it was, so the source folder stays too, and the report
/// does not name it.
#[tokio::test]
async fn a_move_merges_and_deletes_the_source_folder_once_empty() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let (_, source, target, from, into) = two_reports(&owner, "Merge move").await;
    let old_a = child(&owner, into, "files", "a.txt").await;
    let new_a = child(&owner, from, "files", "a.txt").await;
    let b = child(&owner, from, "files", "b.txt").await;

    let done = transfer(&owner, "move", &[from], target, OVERWRITE).await;
    assert_eq!(done["Operation"], 0);
    assert_eq!(done["folders"][0]["id"], into, "{done}");
    owner
        .get(&format!("/api/2.0/files/{from}"))
        .await
        .expect_error(404, "could not be found");
    assert_eq!(listing(&owner, source).await, (vec![], vec![]));
    assert_eq!(
        listing(&owner, into).await.1,
        strings(&["a.txt", "b.txt", "c.txt"])
    );
    assert_eq!(
        version_and_content(&owner, old_a).await,
        (2, b"new a".to_vec())
    );
    // The overwriting file is gone; the one without a clash moved as it is.
    owner
        .get(&format!("/api/2.0/files/file/{new_a}"))
        .await
        .expect_error(404, "could not be found");
    assert_eq!(child(&owner, into, "files", "b.txt").await, b);

    // Skip: a.txt stays behind in the source's Reports, which therefore stays.
    let again = new_folder(&owner, source, "Reports").await;
    upload_file(&owner, again, "a.txt", b"newer a").await;
    upload_file(&owner, again, "d.txt", b"d").await;
    let done = transfer(&owner, "move", &[again], target, SKIP).await;
    assert_eq!(done["folders"], json!([]), "{done}");
    assert_eq!(listing(&owner, again).await.1, strings(&["a.txt"]));
    assert_eq!(
        listing(&owner, into).await.1,
        strings(&["a.txt", "b.txt", "c.txt", "d.txt"])
    );
    assert_eq!(
        version_and_content(&owner, old_a).await,
        (2, b"new a".to_vec())
    );
}

/// The merge goes down level by level: a sub-folder of the same title is merged in turn (the
/// recursion `MoveOrCopyFoldersAsync(scope, foldersForCopyIds, newFolder, …)`), a sub-folder
/// without one is moved as it is, and each emptied source folder is deleted.
#[tokio::test]
async fn nested_folders_merge_at_every_level() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = create_room(&owner, "Merge nested", json!(2)).await["id"]
        .as_i64()
        .expect("room");
    let source = new_folder(&owner, room, "Source").await;
    let target = new_folder(&owner, room, "Target").await;
    // Source/Top {z.txt, Mid {x.txt "new x", Deep {d.txt}}}
    let top = new_folder(&owner, source, "Top").await;
    upload_file(&owner, top, "z.txt", b"z").await;
    let mid = new_folder(&owner, top, "Mid").await;
    upload_file(&owner, mid, "x.txt", b"new x").await;
    let deep = new_folder(&owner, mid, "Deep").await;
    upload_file(&owner, deep, "d.txt", b"d").await;
    // Target/Top {Mid {x.txt "old x", y.txt}}
    let their_top = new_folder(&owner, target, "Top").await;
    let their_mid = new_folder(&owner, their_top, "Mid").await;
    let x = upload_file(&owner, their_mid, "x.txt", b"old x").await;
    upload_file(&owner, their_mid, "y.txt", b"y").await;

    // A copy first: both levels merge, and the source stays.
    transfer(&owner, "copy", &[top], target, SKIP).await;
    assert_eq!(
        listing(&owner, their_top).await,
        (strings(&["Mid"]), strings(&["z.txt"]))
    );
    assert_eq!(
        listing(&owner, their_mid).await,
        (strings(&["Deep"]), strings(&["x.txt", "y.txt"]))
    );
    assert_eq!(version_and_content(&owner, x).await, (1, b"old x".to_vec()));
    let copied_deep = child(&owner, their_mid, "folders", "Deep").await;
    assert_ne!(copied_deep, deep);
    assert_eq!(listing(&owner, mid).await.1, strings(&["x.txt"]));

    // Then a move with Overwrite: every level merges again, and the source empties away.
    let done = transfer(&owner, "move", &[top], target, OVERWRITE).await;
    assert_eq!(done["folders"][0]["id"], their_top, "{done}");
    assert_eq!(
        listing(&owner, their_top).await,
        (strings(&["Mid"]), strings(&["z.txt"]))
    );
    assert_eq!(
        listing(&owner, their_mid).await,
        (strings(&["Deep"]), strings(&["x.txt", "y.txt"]))
    );
    assert_eq!(
        child(&owner, their_mid, "folders", "Deep").await,
        copied_deep
    );
    assert_eq!(
        listing(&owner, copied_deep).await.1,
        strings(&["d.txt"]),
        "d.txt overwrote its copy"
    );
    assert_eq!(version_and_content(&owner, x).await, (2, b"new x".to_vec()));
    for gone in [top, mid, deep] {
        owner
            .get(&format!("/api/2.0/files/{gone}"))
            .await
            .expect_error(404, "could not be found");
    }
    assert_eq!(listing(&owner, source).await, (vec![], vec![]));
}

/// Each entry a merge moves needs the right to move it, as a top-level one does
/// (`MoveOrCopyFilesAsync` runs `CheckFilesPermissionsAsync`, whose `CanMoveAsync` lets a
/// content creator move only what they created). Where DocSpace reports the error and moves the
/// rest, this portal, whose operations happen whole or not at all, refuses the whole move.
#[tokio::test]
async fn a_merge_cannot_move_what_the_caller_may_not_move() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = create_room(&owner, "Merge rights", json!(2)).await["id"]
        .as_i64()
        .expect("room");
    let creator = room_member(&p, &owner, room, USER, 11).await;
    let source = new_folder(&creator, room, "Source").await;
    let target = new_folder(&creator, room, "Target").await;
    let from = new_folder(&creator, source, "Reports").await;
    let into = new_folder(&creator, target, "Reports").await;
    upload_file(&creator, from, "mine.txt", b"mine").await;
    upload_file(&owner, from, "theirs.txt", b"theirs").await;

    creator
        .put(
            "/api/2.0/files/fileops/move",
            json!({ "folderIds": [from], "destFolderId": target, "conflictResolveType": OVERWRITE }),
        )
        .await
        .expect_error(403, "");
    assert_eq!(
        listing(&owner, from).await.1,
        strings(&["mine.txt", "theirs.txt"]),
        "nothing moved"
    );
    assert_eq!(listing(&owner, into).await.1, Vec::<String>::new());

    // Copying is the right they have.
    transfer(&creator, "copy", &[from], target, OVERWRITE).await;
    assert_eq!(
        listing(&owner, into).await.1,
        strings(&["mine.txt", "theirs.txt"])
    );
}
