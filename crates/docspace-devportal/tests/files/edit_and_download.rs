//! Saving edited content as a new version, and downloads at `viewUrl`.

use crate::common::{self, Api, portal, room_id};
use crate::download;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn saving_edited_content_makes_a_new_version() {
    let p = portal().await;
    let api = Api::owner(&p);
    let my = api.get_ok("/api/2.0/files/@my").await;
    let notes = my["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["title"] == "Notes.txt")
        .expect("Notes.txt")
        .clone();
    let id = notes["id"].as_i64().expect("id");
    let before = download(&api, notes["viewUrl"].as_str().expect("url")).await;
    assert!(String::from_utf8(before).expect("utf8").contains("SQLite"));
    let r = api
        .multipart(
            Method::PUT,
            &format!("/api/2.0/files/file/{id}/saveediting"),
            &[
                ("FileExtension", None, b".txt"),
                ("File", Some("Notes.txt"), "Edited ✓\n".as_bytes()),
                ("Forcesave", None, b"false"),
            ],
        )
        .await
        .expect(200)
        .response();
    assert_eq!(r["version"], 2);
    assert_eq!(
        r["webUrl"],
        format!("{}/doceditor?fileid={id}&version=2", api.base())
    );
    assert_eq!(
        download(&api, r["viewUrl"].as_str().expect("url")).await,
        "Edited ✓\n".as_bytes()
    );
    api.multipart(
        Method::PUT,
        &format!("/api/2.0/files/file/{id}/saveediting"),
        &[("FileExtension", None, b".docx"), ("File", Some("x"), b"x")],
    )
    .await
    .expect_error(400, "not a .docx");
    api.multipart(
        Method::PUT,
        &format!("/api/2.0/files/file/{id}/saveediting"),
        &[("Forcesave", None, b"true")],
    )
    .await
    .expect_error(400, "File part");
    api.multipart(
        Method::PUT,
        "/api/2.0/files/file/777777/saveediting",
        &[("File", Some("x"), b"x")],
    )
    .await
    .expect_error(404, "not");
    // Reverting to version 1 stores it again as version 3.
    let back = api
        .put_ok(
            &format!("/api/2.0/files/file/{id}"),
            json!({ "lastVersion": 1 }),
        )
        .await;
    assert_eq!(back["version"], 3);
    assert!(
        String::from_utf8(download(&api, back["viewUrl"].as_str().expect("url")).await)
            .expect("utf8")
            .contains("SQLite")
    );
}

#[tokio::test]
async fn downloads_need_credentials_and_respect_deny_download() {
    let p = common::unlimited_portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let c = api
        .get_ok(&format!("/api/2.0/files/{room}?filterValue=Reading"))
        .await;
    let url = c["files"][0]["viewUrl"].as_str().expect("url").to_string();
    assert!(
        String::from_utf8(download(&api, &url).await)
            .expect("utf8")
            .contains("Contract law")
    );
    Api::anonymous(&p)
        .call(Method::GET, &url, None)
        .await
        .expect_empty(401);
    // A member who is not a manager cannot download once downloads are denied; the manager can.
    let user = common::login(&p, common::USER).await;
    user.call(Method::GET, &url, None).await.expect(200);
    api.put_ok(
        &format!("/api/2.0/files/rooms/{room}"),
        json!({ "denyDownload": true }),
    )
    .await;
    user.call(Method::GET, &url, None)
        .await
        .expect_error(403, "Access denied");
    api.call(Method::GET, &url, None).await.expect(200);
    let outsider = common::login(&p, common::GUEST).await;
    let press = room_id(&api, "Press kit").await;
    let pc = api.get_ok(&format!("/api/2.0/files/{press}")).await;
    outsider
        .call(
            Method::GET,
            pc["files"][0]["viewUrl"].as_str().expect("url"),
            None,
        )
        .await
        .expect_error(403, "Access denied");
    api.get("/filehandler.ashx?action=download&fileid=0")
        .await
        .expect_error(404, "not");
    api.get("/filehandler.ashx?action=delete&fileid=1")
        .await
        .expect_error(400, "Unsupported");
}
