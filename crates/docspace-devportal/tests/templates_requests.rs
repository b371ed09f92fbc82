//! Room templates: what DocSpace does with the rest of the requests and where it keeps their
//! statuses (ONLYOFFICE/DocSpace-server):
//! - one status of each kind per portal, answered to any signed-in caller
//!   (`products/ASC.Files/Core/RoomTemplates/RoomTemplatesWorker.cs`: `FirstOrDefault(t =>
//!   t.TenantId == tenantId)`);
//! - `quota` of `RoomTemplateDto` / `CreateRoomFromTemplateDto`
//!   (`products/ASC.Files/Server/ApiModels/RequestDto/`) replaces the copied quota
//!   (`FolderQuotaChangeAsync` at the end of `CreateRoomTemplateOperation.cs` and
//!   `CreateRoomFromTemplateOperation.cs` in `products/ASC.Files/Core/RoomTemplates/Operations/`);
//! - `logo` is saved from the caller's uploaded temporary image unless `copyLogo`
//!   (`RoomLogoManager.SaveLogo`/`GetTempAsync` in
//!   `products/ASC.Files/Core/Core/VirtualRooms/RoomLogoManager.cs`); an image the portal does
//!   not have fails the operation after the room was made, before its tags and contents.

mod common;

use common::{Api, login, portal, titles};
use reqwest::Method;
use serde_json::{Value, json};

/// A collaboration room with a quota and a file.
async fn source_room(api: &Api, title: &str, quota: i64) -> i64 {
    let room = api
        .post_ok(
            "/api/2.0/files/rooms",
            json!({ "title": title, "roomType": 2, "quota": quota }),
        )
        .await["id"]
        .as_i64()
        .expect("room id");
    api.multipart(
        Method::POST,
        &format!("/api/2.0/files/{room}/upload"),
        &[("File", Some("readme.txt"), b"text")],
    )
    .await
    .expect(200);
    room
}

async fn post(api: &Api, path: &str, body: Value) -> Value {
    api.post_ok(path, body).await
}

async fn save(api: &Api, body: Value) -> Value {
    post(api, "/api/2.0/files/roomtemplate", body).await
}

async fn from(api: &Api, body: Value) -> Value {
    post(api, "/api/2.0/files/rooms/fromTemplate", body).await
}

async fn folder(api: &Api, id: i64) -> Value {
    api.get_ok(&format!("/api/2.0/files/{id}")).await
}

async fn my_id(api: &Api) -> String {
    api.get_ok("/api/2.0/people/@self").await["id"]
        .as_str()
        .expect("id")
        .to_string()
}

#[tokio::test]
async fn the_statuses_are_the_portals_whoever_started_the_operation() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = source_room(&owner, "Source", -2).await;
    let made = save(&owner, json!({ "roomId": room, "title": "Shared status" })).await;
    assert_eq!(made["error"], "", "{made}");
    // Another user, even a guest, is answered the owner's operation.
    for who in [common::ROOM_ADMIN, common::GUEST] {
        let api = login(&p, who).await;
        let seen = api.get_ok("/api/2.0/files/roomtemplate/status").await;
        assert_eq!(seen, made, "{who}");
    }
    // A refused operation of a user replaces it for everyone.
    let user = login(&p, common::USER).await;
    let refused = save(&user, json!({ "roomId": room })).await;
    assert_eq!(refused["templateId"], -1, "{refused}");
    let seen = owner.get_ok("/api/2.0/files/roomtemplate/status").await;
    assert_eq!(seen, refused);

    let tpl = made["templateId"].as_i64().expect("id");
    let room_made = from(&owner, json!({ "templateId": tpl, "title": "Room" })).await;
    let ra = login(&p, common::ROOM_ADMIN).await;
    let seen = ra.get_ok("/api/2.0/files/rooms/fromTemplate/status").await;
    assert_eq!(seen, room_made);
}

#[tokio::test]
async fn a_requested_quota_replaces_the_copied_one() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = source_room(&owner, "Source", 1_000_000).await;
    let quota_of = |v: &Value| v["current"]["quotaLimit"].as_i64();

    let kept = save(&owner, json!({ "roomId": room, "title": "Kept" })).await;
    let kept = kept["templateId"].as_i64().expect("id");
    assert_eq!(quota_of(&folder(&owner, kept).await), Some(1_000_000));
    let own = save(
        &owner,
        json!({ "roomId": room, "title": "Own", "quota": 5_000_000 }),
    )
    .await;
    let own = own["templateId"].as_i64().expect("id");
    assert_eq!(quota_of(&folder(&owner, own).await), Some(5_000_000));

    let from_own = from(&owner, json!({ "templateId": own, "title": "Plain" })).await;
    let plain = from_own["roomId"].as_i64().expect("id");
    assert_eq!(quota_of(&folder(&owner, plain).await), Some(5_000_000));
    let asked = from(
        &owner,
        json!({ "templateId": own, "title": "Asked", "quota": 7_000_000 }),
    )
    .await;
    let asked = asked["roomId"].as_i64().expect("id");
    let r = folder(&owner, asked).await;
    assert_eq!(quota_of(&r), Some(7_000_000));
    assert_eq!(
        titles(&r, "files"),
        vec!["readme.txt"],
        "contents copied too"
    );
}

#[tokio::test]
async fn a_logo_the_portal_does_not_have_fails_the_operation_and_leaves_the_bare_room() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let me = my_id(&owner).await;
    let room = source_room(&owner, "Source", -2).await;
    let theirs = json!({ "tmpFile": "5f1c2a39-0000-4000-8000-000000000001_0b7e3c1a-1111-4111-8111-111111111111.png", "x": 0, "y": 0, "width": 100, "height": 100 });
    let mine = json!({ "tmpFile": format!("5f1c2a39-0000-4000-8000-000000000001_{me}.png"), "x": 0, "y": 0, "width": 100, "height": 100 });

    // Another user's temporary image: `GetTempAsync`'s SecurityException.
    let s = save(
        &owner,
        json!({ "roomId": room, "title": "Broken", "tags": ["t"], "logo": theirs }),
    )
    .await;
    assert_eq!(
        s["error"], "You don't have enough permission to perform the operation",
        "{s}"
    );
    assert_eq!(
        (s["templateId"].clone(), s["isCompleted"].clone()),
        (json!(-1), json!(true))
    );
    // The template folder was made before the logo and is left without tags or contents.
    let listed = owner
        .get_ok("/api/2.0/files/rooms?searchArea=Templates")
        .await;
    let broken = listed["folders"]
        .as_array()
        .expect("folders")
        .iter()
        .find(|f| f["title"] == "Broken")
        .expect("the bare template stays")
        .clone();
    assert_eq!(broken["tags"], json!([]), "{broken}");
    let id = broken["id"].as_i64().expect("id");
    assert!(titles(&folder(&owner, id).await, "files").is_empty());

    // The caller's own image, which this portal does not have: the operation fails too.
    let s = save(
        &owner,
        json!({ "roomId": room, "title": "Missing", "logo": mine }),
    )
    .await;
    assert_eq!(s["error"], "The logo image could not be found", "{s}");

    // With `copyLogo` the logo is not read at all, and the room has none to copy.
    let s = save(
        &owner,
        json!({ "roomId": room, "title": "Copied", "logo": theirs, "copyLogo": true }),
    )
    .await;
    assert_eq!(s["error"], "", "{s}");
    let tpl = s["templateId"].as_i64().expect("id");

    // Creating a room from a template fails alike, leaving the bare room among the rooms.
    let s = from(
        &owner,
        json!({ "templateId": tpl, "title": "Bare", "logo": theirs }),
    )
    .await;
    assert_eq!(
        (s["roomId"].clone(), s["isCompleted"].clone()),
        (json!(-1), json!(true))
    );
    let rooms = owner.get_ok("/api/2.0/files/rooms").await;
    assert!(titles(&rooms, "folders").contains(&"Bare".to_string()));
    let s = from(
        &owner,
        json!({ "templateId": tpl, "title": "Fine", "logo": theirs, "copyLogo": true }),
    )
    .await;
    assert_eq!(s["error"], "", "{s}");
}

#[tokio::test]
async fn a_room_admin_sees_the_room_another_made_from_a_template_only_by_its_id() {
    // The shared status names the room, but reading it still needs access to it.
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = source_room(&owner, "Source", -2).await;
    let tpl = save(&owner, json!({ "roomId": room, "title": "T" })).await["templateId"]
        .as_i64()
        .expect("id");
    let made = from(&owner, json!({ "templateId": tpl, "title": "Private" })).await;
    let id = made["roomId"].as_i64().expect("id");
    let ra = login(&p, common::ROOM_ADMIN).await;
    let seen = ra.get_ok("/api/2.0/files/rooms/fromTemplate/status").await;
    assert_eq!(seen["roomId"], id);
    ra.get(&format!("/api/2.0/files/rooms/{id}"))
        .await
        .expect(403);
}
