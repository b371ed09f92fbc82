//! Bulk download and emptying the Trash over HTTP, as ONLYOFFICE/DocSpace-server answers them
//! (`products/ASC.Files/Server/Api/OperationController.cs` `BulkDownload`, `EmptyTrash`;
//! `products/ASC.Files/Core/Services/WCFService/FileOperations/FileDownloadOperation.cs`: one
//! file as it is, one folder as `{title}.zip`, several entries as `{alias}-download-{date}.zip`,
//! the archive at `filehandler.ashx?action=bulk&filename=…` for the same user only).

mod common;

use std::io::Read;

use common::{Api, Resp, new_folder, room_id, unlimited_portal, upload_file};
use reqwest::Method;
use serde_json::{Value, json};

/// Starts a bulk download; returns the finished operation.
async fn bulk(api: &Api, body: Value) -> Value {
    let ops = api
        .put_ok("/api/2.0/files/fileops/bulkdownload", body)
        .await;
    let op = ops[0].clone();
    assert_eq!(
        (
            op["Operation"].clone(),
            op["finished"].clone(),
            op["error"].clone()
        ),
        (json!(3), json!(true), json!("")),
        "{op}"
    );
    op
}

fn file_name(resp: &Resp) -> String {
    let d = resp
        .headers
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    d.split("filename=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_default()
        .to_string()
}

/// The archive's entries, each with its content (empty for directories), in order.
fn entries(zip_bytes: &[u8]) -> Vec<(String, String)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).expect("a zip");
    (0..z.len())
        .map(|i| {
            let mut e = z.by_index(i).expect("entry");
            let mut text = String::new();
            e.read_to_string(&mut text).expect("text");
            (e.name().to_string(), text)
        })
        .collect()
}

#[tokio::test]
async fn several_entries_come_as_one_zip_for_the_same_user_only() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let room = room_id(&owner, "Contracts").await;
    let a = upload_file(&owner, room, "alpha.txt", b"A").await;
    let sub = new_folder(&owner, room, "Drafts").await;
    upload_file(&owner, sub, "draft.txt", b"D").await;
    let inner = new_folder(&owner, sub, "Old").await;
    upload_file(&owner, inner, "alpha.txt", b"old A").await;

    let op = bulk(&owner, json!({ "fileIds": [a], "folderIds": [sub] })).await;
    let url = op["url"].as_str().expect("url");
    assert!(
        url.contains("/filehandler.ashx?action=bulk&filename="),
        "{url}"
    );
    let got = owner.call(Method::GET, url, None).await.expect(200);
    assert_eq!(got.headers["content-type"], "application/zip");
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    assert_eq!(file_name(&got), format!("docspace-download-{today}.zip"));
    assert_eq!(
        entries(&got.body),
        vec![
            ("alpha.txt".to_string(), "A".to_string()),
            ("Drafts/".into(), String::new()),
            ("Drafts/draft.txt".into(), "D".into()),
            ("Drafts/Old/".into(), String::new()),
            ("Drafts/Old/alpha.txt".into(), "old A".into()),
        ]
    );
    // The operation is listed like the others.
    let listed = owner.get_ok("/api/2.0/files/fileops/Download").await;
    assert!(
        listed
            .as_array()
            .is_some_and(|l| l.iter().any(|o| o["id"] == op["id"]))
    );
    // Nobody else fetches it.
    let user = common::login(&p, common::USER).await;
    user.call(Method::GET, url, None)
        .await
        .expect_error(404, "could not be found");
    Api::anonymous(&p)
        .call(Method::GET, url, None)
        .await
        .expect_empty(401);

    // One folder: `{title}.zip`; one file: the file as it is.
    let one_folder = bulk(&owner, json!({ "folderIds": [inner] })).await;
    let got = owner
        .call(Method::GET, one_folder["url"].as_str().expect("url"), None)
        .await
        .expect(200);
    assert_eq!(file_name(&got), "Old.zip");
    let one_file = bulk(
        &owner,
        json!({ "fileConvertIds": [{ "key": a, "value": "" }] }),
    )
    .await;
    let got = owner
        .call(Method::GET, one_file["url"].as_str().expect("url"), None)
        .await
        .expect(200);
    assert_eq!(
        (file_name(&got), got.text()),
        ("alpha.txt".to_string(), "A".to_string())
    );

    // Bad requests: nothing chosen, a conversion, an unknown file.
    owner
        .put("/api/2.0/files/fileops/bulkdownload", json!({}))
        .await
        .expect_error(400, "Nothing to download");
    owner
        .put(
            "/api/2.0/files/fileops/bulkdownload",
            json!({ "fileConvertIds": [{ "key": a, "value": ".pdf" }] }),
        )
        .await
        .expect_error(400, "cannot convert");
    owner
        .put(
            "/api/2.0/files/fileops/bulkdownload",
            json!({ "fileIds": [999999] }),
        )
        .await
        .expect_error(404, "could not be found");
}

#[tokio::test]
async fn rooms_that_deny_downloads_refuse_members_who_are_not_managers() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let room = room_id(&owner, "Contracts").await;
    let f = upload_file(&owner, room, "secret.txt", b"S").await;
    owner
        .put_ok(
            &format!("/api/2.0/files/rooms/{room}"),
            json!({ "denyDownload": true }),
        )
        .await;
    let user = common::login(&p, common::USER).await; // an editor in Contracts
    user.put(
        "/api/2.0/files/fileops/bulkdownload",
        json!({ "fileIds": [f] }),
    )
    .await
    .expect_error(403, "Access denied");
    bulk(&owner, json!({ "fileIds": [f] })).await;
}

#[tokio::test]
async fn a_link_visitor_downloads_what_the_link_opens() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let room = room_id(&owner, "Contracts").await;
    let f = upload_file(&owner, room, "shared.txt", b"shared").await;
    let link = owner
        .put_ok(
            &format!("/api/2.0/files/file/{f}/links"),
            json!({ "access": 2 }),
        )
        .await;
    let key = link["sharedLink"]["requestToken"].as_str().expect("key");
    let visitor = Api::anonymous(&p).header("Request-Token", key);
    let op = bulk(&visitor, json!({ "fileIds": [f] })).await;
    let url = op["url"].as_str().expect("url");
    assert_eq!(
        visitor
            .call(Method::GET, url, None)
            .await
            .expect(200)
            .text(),
        "shared"
    );
    Api::anonymous(&p)
        .call(Method::GET, url, None)
        .await
        .expect_empty(401);
}

#[tokio::test]
async fn emptying_the_trash_deletes_its_content_for_good() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let my = owner.get_ok("/api/2.0/files/@my").await["current"]["id"]
        .as_i64()
        .expect("my documents");
    let doomed = upload_file(&owner, my, "old notes.txt", b"old").await;
    let folder = new_folder(&owner, my, "Old stuff").await;
    owner
        .put_ok(
            "/api/2.0/files/fileops/delete",
            json!({ "fileIds": [doomed], "folderIds": [folder] }),
        )
        .await;
    let trash = owner.get_ok("/api/2.0/files/@trash").await;
    assert_eq!(trash["total"], 2, "{trash}");
    let ops = owner
        .put_ok(
            "/api/2.0/files/fileops/emptytrash",
            json!({ "single": true }),
        )
        .await;
    assert_eq!(
        (ops[0]["Operation"].clone(), ops[0]["finished"].clone()),
        (json!(2), json!(true))
    );
    let trash = owner.get_ok("/api/2.0/files/@trash").await;
    assert_eq!(trash["total"], 0, "{trash}");
    owner
        .get(&format!("/api/2.0/files/file/{doomed}"))
        .await
        .expect_error(404, "not");
}
