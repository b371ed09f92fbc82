//! The Recent and Favourites sections and what puts entries there, as DocSpace serves them
//! (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/FoldersController.cs`
//! `GetRecentFolder`/`GetFavoritesFolder`, `products/ASC.Files/Server/Api/TagsController.cs`
//! `AddFavorites`/`DeleteFavorites`/`AddFileToRecent`, `products/ASC.Files/Core/Utils/EntryManager.cs`).

mod common;

use common::{Api, create_room, new_folder, unlimited_portal};
use reqwest::Method;
use serde_json::{Value, json};

async fn new_file(api: &Api, folder: &str, title: &str) -> Value {
    api.post_ok(
        &format!("/api/2.0/files/{folder}/file"),
        json!({ "title": title }),
    )
    .await
}

fn ids(content: &Value, key: &str) -> Vec<i64> {
    content[key]
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["id"].as_i64()).collect())
        .unwrap_or_default()
}

async fn section(api: &Api, name: &str) -> Value {
    api.get_ok(&format!("/api/2.0/files/{name}")).await
}

#[tokio::test]
async fn favourites_are_added_listed_flagged_and_removed_by_body_or_query() {
    let p = unlimited_portal().await;
    let api = Api::owner(&p);
    let file = new_file(&api, "@my", "Budget.xlsx").await;
    let fid = file["id"].as_i64().expect("file id");
    assert_eq!(file["isFavorite"], false);
    let folder = new_folder(&api, "@my", "Plans").await;

    let added = api
        .post_ok(
            "/api/2.0/files/favorites",
            json!({ "fileIds": [fid], "folderIds": [folder.to_string()] }),
        )
        .await;
    assert_eq!(added, true);

    let fav = section(&api, "@favorites").await;
    assert_eq!(fav["current"]["type"], 10, "FolderType.Favorites");
    assert_eq!(fav["pathParts"][0]["folderType"], 10);
    assert_eq!(ids(&fav, "files"), vec![fid]);
    assert_eq!(ids(&fav, "folders"), vec![folder]);
    assert_eq!(fav["total"], 2);
    let listed = &fav["files"][0];
    assert_eq!(listed["isFavorite"], true);
    assert_eq!(
        listed["fileStatus"].as_i64().unwrap_or(0) & 0x20,
        0x20,
        "FileStatus.IsFavorite"
    );
    // FileDtoHelper clears editing, deleting and renaming for entries listed in Favourites.
    assert_eq!(listed["security"]["Edit"], false);
    assert_eq!(listed["security"]["Delete"], false);
    assert_eq!(listed["security"]["Rename"], false);
    assert_eq!(listed["security"]["Read"], true);
    assert_eq!(listed["originTitle"], "My documents");
    assert_eq!(fav["folders"][0]["isFavorite"], true);

    // The flag travels with the entry everywhere it is listed.
    let my = section(&api, "@my").await;
    let in_my = my["files"]
        .as_array()
        .and_then(|a| a.iter().find(|f| f["id"] == fid).cloned())
        .expect("file in My documents");
    assert_eq!(in_my["isFavorite"], true);

    // DeleteFavoritesFromBody.
    api.delete_ok("/api/2.0/files/favorites", json!({ "fileIds": [fid] }))
        .await;
    assert_eq!(
        ids(&section(&api, "@favorites").await, "files"),
        Vec::<i64>::new()
    );
    // DeleteFavoritesFromQuery.
    api.call(
        Method::DELETE,
        &format!("/api/2.0/files/favorites?folderIds={folder}"),
        None,
    )
    .await
    .expect(200);
    assert_eq!(section(&api, "@favorites").await["total"], 0);
}

#[tokio::test]
async fn favourites_and_recent_skip_what_the_caller_cannot_read_and_are_per_user() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let room = create_room(&owner, "Board", json!(2)).await;
    let room_id = room["id"].as_i64().expect("room id").to_string();
    let secret = new_file(&owner, &room_id, "Minutes.docx").await["id"]
        .as_i64()
        .expect("file id");
    owner
        .post_ok("/api/2.0/files/favorites", json!({ "fileIds": [secret] }))
        .await;

    // AddToFavoritesAsync keeps only what FilterReadAsync lets through, without an error.
    let user = common::login(&p, common::USER).await;
    assert_eq!(
        user.post_ok("/api/2.0/files/favorites", json!({ "fileIds": [secret] }))
            .await,
        true
    );
    assert_eq!(section(&user, "@favorites").await["total"], 0);
    // AddFileToRecent reads the file first.
    user.post(&format!("/api/2.0/files/file/{secret}/recent"), json!({}))
        .await
        .expect_error(403, "");
    assert_eq!(section(&user, "@recent").await["total"], 0);
    // The owner's favourite is the owner's alone.
    assert_eq!(
        ids(&section(&owner, "@favorites").await, "files"),
        vec![secret]
    );

    // Guests have no My documents, but Recent and Favourites are theirs as any user's
    // (GlobalFolder.GetFolderRecentAsync/GetFolderFavoritesAsync only ask for a signed-in user).
    let guest = common::login(&p, common::GUEST).await;
    guest
        .get("/api/2.0/files/@my")
        .await
        .expect_error(403, "Access denied");
    assert_eq!(section(&guest, "@recent").await["current"]["type"], 11);
    assert_eq!(section(&guest, "@favorites").await["total"], 0);
    Api::anonymous(&p)
        .get("/api/2.0/files/@recent")
        .await
        .expect_empty(401);
}

#[tokio::test]
async fn recent_lists_opened_files_latest_first_and_leaves_out_the_trash() {
    let p = unlimited_portal().await;
    let api = Api::owner(&p);
    let a = new_file(&api, "@my", "A.docx").await["id"]
        .as_i64()
        .expect("id");
    let b = new_file(&api, "@my", "B.docx").await["id"]
        .as_i64()
        .expect("id");
    // Creating a file does not make it recent; the editor's AddFileToRecent does.
    assert_eq!(section(&api, "@recent").await["total"], 0);
    for id in [a, b] {
        let f = api
            .post_ok(&format!("/api/2.0/files/file/{id}/recent"), json!({}))
            .await;
        assert_eq!(f["id"], id);
    }
    let recent = section(&api, "@recent").await;
    assert_eq!(recent["current"]["type"], 11, "FolderType.Recent");
    assert_eq!(ids(&recent, "files"), vec![b, a]);
    assert_eq!(recent["files"][0]["originTitle"], "My documents");
    // Opening again moves a file to the top; the older `recent` path serves the same list.
    api.post_ok(&format!("/api/2.0/files/file/{a}/recent"), json!({}))
        .await;
    assert_eq!(ids(&section(&api, "recent").await, "files"), vec![a, b]);
    // Paging.
    let page = api
        .get_ok("/api/2.0/files/@recent?startIndex=1&count=1")
        .await;
    assert_eq!(
        (ids(&page, "files"), page["total"].clone()),
        (vec![b], json!(2))
    );

    // FileHandler's TryMarkAsRecent: downloading a file no editor opens marks it; a document
    // (which the editor marks) is not marked by its download.
    let png = common::multipart_body(&[("File", Some("photo.png"), b"\x89PNG....")]);
    let up = api
        .raw(Method::POST, "/api/2.0/files/@my/upload", &png.0, png.1)
        .await
        .expect(200)
        .response();
    let img = up[0]["id"]
        .as_i64()
        .or(up["id"].as_i64())
        .expect("upload id");
    let view = |id: i64| format!("/filehandler.ashx?action=download&fileid={id}");
    let c = new_file(&api, "@my", "C.docx").await["id"]
        .as_i64()
        .expect("id");
    api.call(Method::GET, &view(c), None).await.expect(200);
    api.call(Method::GET, &view(img), None).await.expect(200);
    assert_eq!(
        ids(&section(&api, "@recent").await, "files"),
        vec![img, a, b]
    );

    // A file moved to the Trash leaves Recent (GetFilesByTagQuery excludes the Trash).
    api.delete_ok(&format!("/api/2.0/files/file/{a}"), json!({}))
        .await;
    assert_eq!(ids(&section(&api, "@recent").await, "files"), vec![img, b]);
}
