//! Room templates over HTTP, as ONLYOFFICE/DocSpace-server answers them
//! (`products/ASC.Files/Server/Api/RoomTemplatesController.cs`: `roomtemplate`, `roomtemplate/status`,
//! `roomtemplate/{id}/public`, `roomtemplate/public`; `VirtualRoomsController.cs`: `rooms/fromTemplate`
//! and its status; listing through `GET files/rooms?searchArea=Templates`). Who may do what follows
//! `FileStorageService.CreateRoomTemplateAsync` (an active room the caller may edit) and
//! `CreateRoomFromTemplateAsync` (a template the caller may read), both reporting a refusal in the
//! operation's status (`products/ASC.Files/Core/RoomTemplates/Operations/*.cs`).

mod common;

use common::{Api, login, portal, titles};
use reqwest::Method;
use serde_json::{Value, json};

const DENIED: &str = "You don't have enough permission to view the folder content";

/// A collaboration room with a tag, a file at its root and a folder holding another file.
async fn source_room(api: &Api, title: &str) -> i64 {
    let room = api
        .post_ok(
            "/api/2.0/files/rooms",
            json!({ "title": title, "roomType": 2, "indexing": false, "denyDownload": true, "tags": ["src"] }),
        ).await["id"]
        .as_i64()
        .expect("room id");
    let folder = api
        .post_ok(
            &format!("/api/2.0/files/folder/{room}"),
            json!({ "title": "Drafts" }),
        )
        .await["id"]
        .as_i64()
        .expect("folder id");
    for (dest, name) in [(room, "readme.txt"), (folder, "draft.txt")] {
        api.multipart(
            Method::POST,
            &format!("/api/2.0/files/{dest}/upload"),
            &[("File", Some(name), b"text")],
        )
        .await
        .expect(200);
    }
    room
}

async fn save_template(api: &Api, body: Value) -> Value {
    api.post_ok("/api/2.0/files/roomtemplate", body).await
}

async fn from_template(api: &Api, body: Value) -> Value {
    api.post_ok("/api/2.0/files/rooms/fromTemplate", body).await
}

async fn template_titles(api: &Api) -> Vec<String> {
    let r = api
        .get("/api/2.0/files/rooms?searchArea=Templates")
        .await
        .expect(200);
    titles(&r.response(), "folders")
}

async fn content(api: &Api, folder: i64) -> Value {
    api.get_ok(&format!("/api/2.0/files/{folder}")).await
}

/// Saves the owner's room as a template and returns the template's id.
async fn template_of(api: &Api, room: i64, title: &str) -> i64 {
    let s = save_template(api, json!({ "roomId": room, "title": title })).await;
    s["templateId"].as_i64().expect("template id")
}

#[tokio::test]
async fn saving_a_room_as_a_template_copies_its_settings_and_contents() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = source_room(&api, "Source").await;
    let s = save_template(
        &api,
        json!({ "roomId": room, "title": "Kick-off", "tags": ["tpl"], "color": "AA0000" }),
    )
    .await;
    // `RoomTemplateStatusDto`.
    assert_eq!(s["isCompleted"], true, "{s}");
    assert_eq!(s["error"], "", "{s}");
    assert_eq!(s["progress"], 100, "{s}");
    let id = s["templateId"].as_i64().expect("template id");
    assert_eq!(api.get_ok("/api/2.0/files/roomtemplate/status").await, s);
    // Listed among templates, not among rooms.
    assert_eq!(template_titles(&api).await, vec!["Kick-off"]);
    let active = api.get_ok("/api/2.0/files/rooms").await;
    assert!(!titles(&active, "folders").contains(&"Kick-off".to_string()));
    let t = content(&api, id).await;
    assert_eq!(titles(&t, "files"), vec!["readme.txt"]);
    assert_eq!(titles(&t, "folders"), vec!["Drafts"]);
    let drafts = t["folders"][0]["id"].as_i64().expect("id");
    assert_eq!(
        titles(&content(&api, drafts).await, "files"),
        vec!["draft.txt"]
    );
    let dto = &t["current"];
    assert_eq!(dto["roomType"], 2, "{dto}");
    assert_eq!(dto["tags"], json!(["tpl"]), "{dto}");
    assert_eq!(dto["logo"]["color"], "AA0000", "{dto}");
    assert_eq!(dto["denyDownload"], true, "{dto}");
}

#[tokio::test]
async fn a_room_from_a_template_gets_its_title_tags_color_settings_and_contents() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = source_room(&api, "Source").await;
    let tpl = template_of(&api, room, "Template").await;
    let s = from_template(
        &api,
        json!({ "templateId": tpl, "title": "Project X", "tags": ["x"], "color": "00AA00" }),
    )
    .await;
    // `RoomFromTemplateStatusDto`.
    assert_eq!(s["isCompleted"], true, "{s}");
    assert_eq!(s["error"], "", "{s}");
    let new = s["roomId"].as_i64().expect("room id");
    assert_eq!(
        api.get_ok("/api/2.0/files/rooms/fromTemplate/status").await,
        s
    );
    let r = api.get_ok(&format!("/api/2.0/files/rooms/{new}")).await;
    assert_eq!(r["title"], "Project X");
    assert_eq!(r["roomType"], 2);
    assert_eq!(r["tags"], json!(["x"]));
    assert_eq!(r["logo"]["color"], "00AA00");
    assert_eq!(r["denyDownload"], true, "template's setting kept: {r}");
    let c = content(&api, new).await;
    assert_eq!(titles(&c, "files"), vec!["readme.txt"]);
    assert_eq!(titles(&c, "folders"), vec!["Drafts"]);
    // The request's settings win over the template's.
    let s = from_template(
        &api,
        json!({ "templateId": tpl, "title": "Open", "denyDownload": false }),
    )
    .await;
    let open = s["roomId"].as_i64().expect("room id");
    let r = api.get_ok(&format!("/api/2.0/files/rooms/{open}")).await;
    assert_eq!(r["denyDownload"], false, "{r}");
    // The new rooms are rooms, not templates.
    assert_eq!(template_titles(&api).await, vec!["Template"]);
}

#[tokio::test]
async fn only_who_may_edit_an_active_room_saves_it_as_a_template() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = source_room(&owner, "Source").await;
    // A room admin who is not in the room, a user and a guest are refused in the status.
    for who in [common::ROOM_ADMIN, common::USER, common::GUEST] {
        let api = login(&p, who).await;
        let s = save_template(&api, json!({ "roomId": room, "title": "Mine" })).await;
        assert_eq!(s["error"], DENIED, "{who}: {s}");
        // `TemplateId = -1` until the operation has a template (`CreateRoomTemplateOperation.Init`).
        assert_eq!(s["templateId"], -1, "{who}: {s}");
        assert_eq!(s["isCompleted"], true, "{who}: {s}");
    }
    // A room admin may save their own room.
    let ra = login(&p, common::ROOM_ADMIN).await;
    let own = source_room(&ra, "Own").await;
    let s = save_template(&ra, json!({ "roomId": own })).await;
    assert_eq!(s["error"], "", "{s}");
    // An archived room is refused even to its owner.
    owner
        .put_ok(&format!("/api/2.0/files/rooms/{room}/archive"), json!({}))
        .await;
    let s = save_template(&owner, json!({ "roomId": room })).await;
    assert_eq!(s["error"], DENIED, "{s}");
    // The title defaults to the room's.
    assert_eq!(template_titles(&owner).await, vec!["Own"]);
    owner
        .post("/api/2.0/files/roomtemplate", json!({ "title": "x" }))
        .await
        .expect_validation("RoomId");
}

#[tokio::test]
async fn a_private_template_is_read_only_by_its_people_and_a_public_one_by_everyone() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = source_room(&owner, "Source").await;
    let tpl = template_of(&owner, room, "Shared").await;
    let ra = login(&p, common::ROOM_ADMIN).await;
    assert!(template_titles(&ra).await.is_empty());
    let s = from_template(&ra, json!({ "templateId": tpl, "title": "Try" })).await;
    assert_eq!(s["error"], DENIED, "{s}");
    // `RoomId = -1` until the operation has a room (`CreateRoomFromTemplateOperation.Init`).
    assert_eq!(s["roomId"], -1, "{s}");
    ra.get(&format!("/api/2.0/files/roomtemplate/{tpl}/public"))
        .await
        .expect(403);
    // Only who manages the template's access may make it public.
    ra.put(
        "/api/2.0/files/roomtemplate/public",
        json!({ "id": tpl, "public": true }),
    )
    .await
    .expect(403);
    owner
        .put_ok(
            "/api/2.0/files/roomtemplate/public",
            json!({ "id": tpl, "public": true }),
        )
        .await;
    assert_eq!(
        ra.get_ok(&format!("/api/2.0/files/roomtemplate/{tpl}/public"))
            .await,
        true
    );
    assert_eq!(template_titles(&ra).await, vec!["Shared"]);
    let s = from_template(&ra, json!({ "templateId": tpl, "title": "Try" })).await;
    assert_eq!(s["error"], "", "{s}");
    // A user reads the public template but may not create rooms.
    let user = login(&p, common::USER).await;
    let s = from_template(&user, json!({ "templateId": tpl, "title": "Nope" })).await;
    assert_eq!(
        s["error"], "You don't have enough permission to create",
        "{s}"
    );
    // Private again: hidden from the room admin.
    owner
        .put_ok(
            "/api/2.0/files/roomtemplate/public",
            json!({ "id": tpl, "public": false }),
        )
        .await;
    assert!(template_titles(&ra).await.is_empty());
}

#[tokio::test]
async fn a_template_saved_as_public_is_public_and_a_room_is_no_template() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = source_room(&owner, "Source").await;
    let tpl = save_template(&owner, json!({ "roomId": room, "public": true })).await["templateId"]
        .as_i64()
        .expect("id");
    assert_eq!(
        owner
            .get_ok(&format!("/api/2.0/files/roomtemplate/{tpl}/public"))
            .await,
        true
    );
    // A room is not a template: neither a source of rooms nor a public setting.
    let s = from_template(&owner, json!({ "templateId": room, "title": "X" })).await;
    assert_eq!(s["error"], DENIED, "{s}");
    owner
        .get(&format!("/api/2.0/files/roomtemplate/{room}/public"))
        .await
        .expect(404);
    owner
        .post(
            "/api/2.0/files/rooms/fromTemplate",
            json!({ "templateId": tpl }),
        )
        .await
        .expect_validation("Title");
}

#[tokio::test]
async fn statuses_are_empty_before_any_operation() {
    let p = portal().await;
    let api = Api::owner(&p);
    for path in [
        "/api/2.0/files/roomtemplate/status",
        "/api/2.0/files/rooms/fromTemplate/status",
    ] {
        let v = api.get(path).await.expect(200).json();
        assert!(v.get("response").is_none_or(Value::is_null), "{path}: {v}");
        assert_eq!(v["status"], 0, "{v}");
    }
}

/// Template statuses have their own endpoints (`RoomTemplatesController.cs`, `rooms/fromTemplate/
/// status`); `GET files/fileops` lists file operations, so a client decoding that list (as
/// docspace-api's `operations().list()` does) never meets a template status.
#[tokio::test]
async fn template_statuses_stay_out_of_the_file_operations_list() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = source_room(&api, "Listed").await;
    let s = save_template(&api, json!({ "roomId": room, "title": "Not an op" })).await;
    assert_eq!(s["isCompleted"], true, "{s}");
    let ops = api.get_ok("/api/2.0/files/fileops").await;
    assert_eq!(ops, json!([]), "{ops}");
}
