//! A file's external links over HTTP, as ONLYOFFICE/DocSpace-server answers them
//! (`products/ASC.Files/Server/Api/FilesController.cs`: `file/{id}/link`, `file/{id}/links`; the
//! rules of `products/ASC.Files/Core/Utils/FileSharing.cs` and the link tables and counts of
//! `products/ASC.Files/Core/Core/Security/FileSecurity.cs`; the password rule of
//! `web/ASC.Web.Core/Utility/PasswordSettings.cs`).

mod common;

use common::{Api, create_room, login, portal, room_id};
use reqwest::Method;
use serde_json::{Value, json};

async fn file_in(api: &Api, folder: i64, name: &str) -> i64 {
    api.multipart(
        Method::POST,
        &format!("/api/2.0/files/{folder}/upload"),
        &[("File", Some(name), b"shared content")],
    )
    .await
    .expect(200)
    .response()[0]["id"]
        .as_i64()
        .expect("file id")
}

async fn links(api: &Api, id: i64) -> (Vec<Value>, Value) {
    let r = api
        .get(&format!("/api/2.0/files/file/{id}/links"))
        .await
        .expect(200)
        .json();
    (
        r["response"].as_array().expect("list").clone(),
        r["total"].clone(),
    )
}

fn future(days: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days)).to_rfc3339()
}

#[tokio::test]
async fn primary_and_further_links_are_created_changed_and_revoked() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let id = file_in(&api, room, "offer.txt").await;
    // GET creates the primary link (Read) when there is none, and returns the same one after.
    let primary = api.get_ok(&format!("/api/2.0/files/file/{id}/link")).await;
    assert_eq!(
        (primary["access"].clone(), primary["subjectType"].clone()),
        (json!(2), json!(4))
    );
    let link = &primary["sharedLink"];
    assert_eq!(link["primary"], true);
    let url = link["shareLink"].as_str().expect("url");
    assert!(
        url.contains(&format!("doceditor?fileid={id}&share=")),
        "{url}"
    );
    let again = api
        .post_ok(
            &format!("/api/2.0/files/file/{id}/link"),
            json!({ "access": 10 }),
        )
        .await;
    assert_eq!(again["sharedLink"]["id"], link["id"]);
    assert_eq!(
        again["access"], 2,
        "an existing primary link is returned as it is"
    );

    let extra = api
        .put_ok(
            &format!("/api/2.0/files/file/{id}/links"),
            json!({ "access": 10, "title": "Partner", "password": "s3cret-pw", "denyDownload": true,
                    "expirationDate": future(7), "internal": true }),
        )
        .await;
    let l = &extra["sharedLink"];
    assert_eq!(
        (
            extra["access"].clone(),
            extra["subjectType"].clone(),
            l["title"].clone()
        ),
        (json!(10), json!(1), json!("Partner"))
    );
    assert_eq!(
        (
            l["denyDownload"].clone(),
            l["internal"].clone(),
            l["primary"].clone()
        ),
        (json!(true), json!(true), json!(false))
    );
    assert!(
        l["expirationDate"].is_string() && l["password"] == "s3cret-pw",
        "{l}"
    );
    let (list, total) = links(&api, id).await;
    assert_eq!((list.len(), total), (2, json!(2)));
    assert_eq!(list[0]["sharedLink"]["primary"], true, "primary first");

    // A change replaces the options as a whole: what is not sent is its default.
    let lid = l["id"].as_str().expect("link id").to_string();
    let changed = api
        .put_ok(
            &format!("/api/2.0/files/file/{id}/links"),
            json!({ "linkId": lid, "access": 2 }),
        )
        .await;
    let c = &changed["sharedLink"];
    assert_eq!(
        (
            c["id"].clone(),
            c["title"].clone(),
            c["denyDownload"].clone()
        ),
        (json!(lid), json!("Shared link"), json!(false))
    );
    assert!(
        c.get("password").is_none() && c.get("expirationDate").is_none(),
        "{c}"
    );

    // Access None revokes: the answer is null.
    let gone = api
        .put(
            &format!("/api/2.0/files/file/{id}/links"),
            json!({ "linkId": lid, "access": 0 }),
        )
        .await
        .expect(200)
        .json();
    assert!(gone["response"].is_null(), "{gone}");
    assert_eq!(links(&api, id).await.1, json!(1));

    // The room's own links do not list the file's, and the file's link key opens no room.
    let room_links = api
        .get_ok(&format!("/api/2.0/files/rooms/{room}/links"))
        .await;
    assert!(
        room_links
            .as_array()
            .expect("list")
            .iter()
            .all(|r| r["sharedLink"]["id"] != link["id"]),
        "{room_links}"
    );
    let key = link["requestToken"].as_str().expect("key");
    // The file's link opens the file, and nothing in the room around it (DocSpace keeps it as a
    // share of the file: ONLYOFFICE/DocSpace-server products/ASC.Files/Core/Utils/FileSharing.cs).
    let opened = Api::anonymous(&p)
        .header("Request-Token", key)
        .get_ok(&format!("/api/2.0/files/file/{id}"))
        .await;
    assert_eq!(opened["id"], json!(id));
    Api::anonymous(&p)
        .header("Request-Token", key)
        .get(&format!("/api/2.0/files/{room}"))
        .await
        .expect(403);
    let share = Api::anonymous(&p)
        .get_ok(&format!("/api/2.0/files/share/{key}"))
        .await;
    assert_eq!(
        (
            share["entityId"].clone(),
            share["entityType"].clone(),
            share["isRoom"].clone()
        ),
        (json!(id.to_string()), json!(2), json!(false))
    );
}

#[tokio::test]
async fn links_have_limits_and_checked_options() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let id = file_in(&api, room, "limits.txt").await;
    let put = |body: Value| {
        let api = api.clone();
        async move {
            api.put(&format!("/api/2.0/files/file/{id}/links"), body)
                .await
        }
    };
    for _ in 0..6 {
        put(json!({ "access": 2 })).await.expect(200);
    }
    put(json!({ "access": 2 }))
        .await
        .expect_error(403, "The maximum number of links may not exceed 6");
    let rule = "Password must contain from 8 to 30 characters, only latin letters, no spaces";
    put(json!({ "access": 2, "password": "short" }))
        .await
        .expect_error(400, rule);
    put(json!({ "access": 2, "password": "with a space" }))
        .await
        .expect_error(400, rule);
    put(json!({ "access": 2, "password": "x".repeat(31) }))
        .await
        .expect_error(400, rule);
    put(json!({ "access": 9 }))
        .await
        .expect_error(403, "The role is not available");
    put(json!({ "access": 2, "expirationDate": future(365 * 11) }))
        .await
        .expect_error(400, "expirationDate");
    put(json!({ "access": 2, "linkId": "not-a-guid" }))
        .await
        .expect_validation("linkId");
    put(json!({ "access": 2, "title": "t".repeat(256) }))
        .await
        .expect(400);
    api.put("/api/2.0/files/file/999999/links", json!({ "access": 2 }))
        .await
        .expect_error(404, "The required file was not found");
    // A PDF is only read through a link (no editor edits it here).
    let pdf = file_in(&api, room, "scan.pdf").await;
    api.put(
        &format!("/api/2.0/files/file/{pdf}/links"),
        json!({ "access": 10 }),
    )
    .await
    .expect_error(403, "The role is not available");

    // In a public room: one primary link that cannot be revoked, and 5 more.
    let press = room_id(&api, "Press kit").await;
    let pub_file = file_in(&api, press, "release.txt").await;
    let primary = api
        .get_ok(&format!("/api/2.0/files/file/{pub_file}/link"))
        .await;
    api.put(
        &format!("/api/2.0/files/file/{pub_file}/links"),
        json!({ "linkId": primary["sharedLink"]["id"], "access": 0 }),
    )
    .await
    .expect_error(403, "Access denied");
    for _ in 0..5 {
        api.put_ok(
            &format!("/api/2.0/files/file/{pub_file}/links"),
            json!({ "access": 2, "internal": true }),
        )
        .await;
    }
    let (list, _) = links(&api, pub_file).await;
    assert!(
        list.iter().all(|l| l["sharedLink"]["internal"] == false),
        "public rooms' links are never internal"
    );
    api.put(
        &format!("/api/2.0/files/file/{pub_file}/links"),
        json!({ "access": 2 }),
    )
    .await
    .expect_error(403, "The maximum number of links may not exceed 5");
}

#[tokio::test]
async fn only_whoever_may_share_the_file_manages_its_links() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = room_id(&owner, "Contracts").await;
    let id = file_in(&owner, room, "rights.txt").await;
    // No primary link yet: an editor may not create it by reading it.
    let user = login(&p, "user@example.com").await;
    user.get(&format!("/api/2.0/files/file/{id}/link"))
        .await
        .expect_error(403, "Access denied");
    let manager = login(&p, "roomadmin@example.com").await;
    manager
        .get_ok(&format!("/api/2.0/files/file/{id}/link"))
        .await;
    manager
        .put_ok(
            &format!("/api/2.0/files/file/{id}/links"),
            json!({ "access": 2 }),
        )
        .await;
    assert_eq!(links(&manager, id).await.1, json!(2));
    // Readers of the file see the primary link but not the list, and change nothing.
    for who in ["user@example.com", "guest@example.com"] {
        let api = login(&p, who).await;
        let got = api.get_ok(&format!("/api/2.0/files/file/{id}/link")).await;
        assert_eq!(got["canEditAccess"], false, "{who}");
        assert_eq!(links(&api, id).await, (vec![], json!(0)), "{who}");
        api.put(
            &format!("/api/2.0/files/file/{id}/links"),
            json!({ "access": 2 }),
        )
        .await
        .expect_error(403, "Access denied");
    }
    // A DocSpace admin who is no member does not manage them either.
    login(&p, "admin@example.com")
        .await
        .put(
            &format!("/api/2.0/files/file/{id}/links"),
            json!({ "access": 2 }),
        )
        .await
        .expect(403);
}

/// A file's `availableShareRights`, read from one file and from its folder's listing.
async fn share_rights(api: &Api, folder: i64, id: i64) -> Value {
    let one =
        api.get_ok(&format!("/api/2.0/files/file/{id}")).await["availableShareRights"].clone();
    let listing = api.get_ok(&format!("/api/2.0/files/{folder}")).await;
    let listed = listing["files"]
        .as_array()
        .and_then(|files| files.iter().find(|f| f["id"] == id))
        .map(|f| f["availableShareRights"].clone());
    assert_eq!(listed, Some(one.clone()), "the listing and the file agree");
    one
}

/// `FileDto.AvailableShareRights` is `FileSecurity.GetAccesses(File)`: the room's table
/// (`_availableRoomFileAccesses`: links only in rooms, users and groups too in My documents,
/// FillForms for links in a form-filling room), narrowed by what the editors can do with the
/// format, with None only for the file's creator.
#[tokio::test]
async fn a_files_share_rights_follow_its_room_its_format_and_its_creator() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = room_id(&owner, "Contracts").await;
    let doc = file_in(&owner, room, "plan.docx").await;
    let photo = file_in(&owner, room, "photo.png").await;
    let links = |levels: Value| json!({ "ExternalLink": levels, "PrimaryExternalLink": levels });

    assert_eq!(
        share_rights(&owner, room, doc).await,
        links(json!(["Editing", "Review", "Comment", "Read", "None"]))
    );
    assert_eq!(
        share_rights(&owner, room, photo).await,
        links(json!(["Read", "None"]))
    );
    // Someone who did not create the file is not offered None.
    let manager = login(&p, "roomadmin@example.com").await;
    assert_eq!(
        share_rights(&manager, room, doc).await,
        links(json!(["Editing", "Review", "Comment", "Read"]))
    );

    let forms = create_room(&owner, "Applications", json!("FillingFormsRoom")).await["id"]
        .as_i64()
        .expect("room id");
    let form = file_in(&owner, forms, "application.pdf").await;
    assert_eq!(
        share_rights(&owner, forms, form).await,
        links(json!(["FillForms", "None"]))
    );

    let my = owner.get_ok("/api/2.0/files/@my").await["current"]["id"]
        .as_i64()
        .expect("My documents");
    let notes = file_in(&owner, my, "notes.docx").await;
    let personal = json!([
        "ReadWrite",
        "Editing",
        "Review",
        "Comment",
        "Read",
        "Restrict",
        "None"
    ]);
    assert_eq!(
        share_rights(&owner, my, notes).await,
        json!({
            "User": personal,
            "Group": personal,
            "ExternalLink": ["Editing", "Review", "Comment", "Read", "None"],
            "PrimaryExternalLink": ["Editing", "Review", "Comment", "Read", "None"],
        })
    );
}
