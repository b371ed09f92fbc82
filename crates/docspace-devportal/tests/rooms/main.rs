//! Rooms over HTTP: create (all six types), list filters, get, update, archive/unarchive/delete as
//! polled operations, pin, and every error these endpoints answer.

#[path = "../common/mod.rs"]
mod common;

mod lifecycle;

use common::{Api, create_room, portal, room_id, titles, user_id};
use serde_json::{Value, json};

#[tokio::test]
async fn rooms_of_all_six_types_are_created_by_name_or_number() {
    let p = portal().await;
    let api = Api::owner(&p);
    let types = [
        ("FillingFormsRoom", 1, 15),
        ("EditingRoom", 2, 16),
        ("CustomRoom", 5, 19),
        ("PublicRoom", 6, 22),
        ("VirtualDataRoom", 8, 29),
        ("AiRoom", 9, 31),
    ];
    for (name, number, folder_type) in types {
        for (label, rt) in [("by name", json!(name)), ("by number", json!(number))] {
            let r = create_room(&api, &format!("{name} {label}"), rt).await;
            assert_eq!(r["roomType"], number, "{r}");
            assert_eq!(r["type"], folder_type, "{r}");
            assert_eq!(r["rootFolderType"], 14);
            assert_eq!(r["fileEntryType"], 1);
            assert!(
                r["created"]
                    .as_str()
                    .is_some_and(|d| d.ends_with('Z') && d.len() == 28),
                "{r}"
            );
            assert_eq!(r["createdBy"]["displayName"], p.owner.display_name.as_str());
            assert!(r["logo"]["color"].as_str().is_some_and(|c| c.len() == 6));
        }
    }
}

#[tokio::test]
async fn create_takes_every_field_of_the_reference() {
    let p = portal().await;
    let api = Api::owner(&p);
    let guest = user_id(&api, common::GUEST).await;
    let r = api
        .post_ok(
            "/api/2.0/files/rooms",
            json!({
                "title": "Board", "roomType": "VirtualDataRoom", "private": false, "indexing": true,
                "denyDownload": true, "quota": 1048576, "tags": ["board", "q3"], "color": "a1b2c3", "cover": "star",
                "lifetime": { "enabled": true, "deletePermanently": false, "period": 1, "value": 6 },
                "watermark": { "enabled": true, "text": "CONFIDENTIAL", "rotate": -45, "additions": 3 },
                "share": [{ "shareTo": guest, "access": 2 }],
            }),
        ).await;
    assert_eq!(r["indexing"], true);
    assert_eq!(r["denyDownload"], true);
    assert_eq!(r["quotaLimit"], 1048576);
    assert_eq!(r["isCustomQuota"], true);
    assert_eq!(r["tags"], json!(["board", "q3"]));
    assert_eq!(r["logo"]["color"], "A1B2C3");
    assert_eq!(r["logo"]["cover"]["id"], "star");
    assert!(
        r["logo"]["cover"]["data"]
            .as_str()
            .is_some_and(|d| d.starts_with("<svg"))
    );
    assert_eq!(
        r["lifetime"],
        json!({ "deletePermanently": false, "period": 1, "value": 6, "enabled": true })
    );
    assert_eq!(r["watermark"]["text"], "CONFIDENTIAL");
    assert_eq!(r["watermark"]["rotate"], -45);
    let members = api
        .get(&format!("/api/2.0/files/rooms/{}/share", r["id"]))
        .await
        .expect(200)
        .json();
    assert_eq!(members["total"], 2, "owner and guest: {members}");
}

/// DocSpace counts a title's length as .NET's `string.Length` (UTF-16 units) against
/// `[StringLength(170)]`, and caps `Color` at 6 characters (ONLYOFFICE/DocSpace-server
/// `products/ASC.Files/Server/ApiModels/RequestDto/CreateRoomRequestDto.cs`): 100 emoji
/// (200 units) and `#FF0000` are refused with .NET's message, on create and on update.
#[tokio::test]
async fn long_emoji_titles_and_hash_colours_are_refused_as_docspace_does() {
    let p = portal().await;
    let api = Api::owner(&p);
    let message = |v: &Value, field: &str| v["response"]["errors"][field][0].clone();
    let emoji = "😀".repeat(100);
    let v = api
        .post(
            "/api/2.0/files/rooms",
            json!({ "title": emoji, "roomType": 5 }),
        )
        .await
        .expect_validation("Title")
        .json();
    assert_eq!(
        message(&v, "Title"),
        "The field Title must be a string with a maximum length of 170."
    );
    let v = api
        .post(
            "/api/2.0/files/rooms",
            json!({ "title": "Red", "roomType": 5, "color": "#FF0000" }),
        )
        .await
        .expect_validation("Color")
        .json();
    assert_eq!(
        message(&v, "Color"),
        "The field Color must be a string with a maximum length of 6."
    );
    // 85 emoji are 170 units: they fit.
    let r = create_room(&api, &"😀".repeat(85), json!(5)).await;
    let id = &r["id"];
    api.put(
        &format!("/api/2.0/files/rooms/{id}"),
        json!({ "title": emoji }),
    )
    .await
    .expect_validation("Title");
    api.put(
        &format!("/api/2.0/files/rooms/{id}"),
        json!({ "color": "#FF0000" }),
    )
    .await
    .expect_validation("Color");
}

#[tokio::test]
async fn create_refuses_bad_fields_and_writes_nothing() {
    let p = portal().await;
    let api = Api::owner(&p);
    let before = api.get_ok("/api/2.0/files/rooms?count=1").await["total"].clone();
    let cases: Vec<(Value, &str)> = vec![
        (json!({ "roomType": 5 }), "Title"),
        (json!({ "title": "x".repeat(171), "roomType": 5 }), "Title"),
        (json!({ "title": "ok" }), "RoomType"),
        (json!({ "title": "ok", "roomType": 3 }), "RoomType"),
        (
            json!({ "title": "ok", "roomType": "PrivateRoom" }),
            "RoomType",
        ),
        (
            json!({ "title": "ok", "roomType": 5, "color": "12345" }),
            "Color",
        ),
        (
            json!({ "title": "ok", "roomType": 5, "color": "GGGGGG" }),
            "Color",
        ),
        (
            json!({ "title": "ok", "roomType": 5, "quota": -7 }),
            "Quota",
        ),
        (
            json!({ "title": "ok", "roomType": 5, "cover": "c".repeat(51) }),
            "Cover",
        ),
        (
            json!({ "title": "ok", "roomType": 5, "lifetime": { "period": 3 } }),
            "Lifetime",
        ),
        (
            json!({ "title": "ok", "roomType": 5, "lifetime": { "value": 1000 } }),
            "Lifetime",
        ),
        (
            json!({ "title": "ok", "roomType": 5, "watermark": { "text": "w".repeat(256) } }),
            "Watermark",
        ),
        (json!({ "title": 17, "roomType": 5 }), "$"),
        (
            json!({ "title": "ok", "roomType": 5, "tags": "notalist" }),
            "$",
        ),
    ];
    for (body, field) in cases {
        api.post("/api/2.0/files/rooms", body.clone())
            .await
            .expect_validation(field);
    }
    for (title, part) in [("   ", "empty"), ("bell\u{7}", "control")] {
        api.post(
            "/api/2.0/files/rooms",
            json!({ "title": title, "roomType": 5 }),
        )
        .await
        .expect_error(400, part);
    }
    // A bad member makes the whole creation fail: no room is left behind.
    api.post(
        "/api/2.0/files/rooms",
        json!({ "title": "half", "roomType": 6, "share": [{ "shareTo": "00000000-0000-0000-0000-000000000001", "access": 2 }] }),
    )
    .await
    .expect_error(400, "could not be found");
    let after = api.get_ok("/api/2.0/files/rooms?count=1").await["total"].clone();
    assert_eq!(before, after);
}

#[tokio::test]
async fn unicode_titles_survive_and_control_characters_do_not() {
    let p = portal().await;
    let api = Api::owner(&p);
    let r = create_room(&api, "Ünïcødé 文档 📁", json!(5)).await;
    assert_eq!(r["title"], "Ünïcødé 文档 📁");
    let got = api
        .get_ok(&format!("/api/2.0/files/rooms/{}", r["id"]))
        .await;
    assert_eq!(got["title"], "Ünïcødé 文档 📁");
    api.put(
        &format!("/api/2.0/files/rooms/{}", r["id"]),
        json!({ "title": "tab\there" }),
    )
    .await
    .expect_error(400, "control");
}

async fn list(api: &Api, query: &str) -> Value {
    api.get_ok(&format!("/api/2.0/files/rooms?{query}")).await
}

#[tokio::test]
async fn list_filters_by_type_subject_tags_text_and_sorts_and_pages() {
    let p = portal().await;
    let api = Api::owner(&p);
    let all = list(&api, "").await;
    assert_eq!(all["total"], 6, "six demo rooms");
    assert_eq!(all["current"]["type"], 14);
    assert_eq!(all["pathParts"][0]["folderType"], 14);
    let t = list(&api, "type=5&type=6").await;
    let mut got = titles(&t, "folders");
    got.sort();
    assert_eq!(got, vec!["Contracts", "Press kit"]);
    assert_eq!(
        titles(&list(&api, "type=PublicRoom").await, "folders"),
        vec!["Press kit"]
    );
    let tagged = list(&api, &format!("tags={}", urlencode(r#"["legal"]"#))).await;
    let mut got = titles(&tagged, "folders");
    got.sort();
    assert_eq!(got, vec!["Contracts", "Due diligence"]);
    let untagged = list(&api, "withoutTags=true").await;
    let mut got = titles(&untagged, "folders");
    got.sort();
    assert_eq!(got, vec!["Onboarding forms", "Research assistant"]);
    assert_eq!(
        titles(&list(&api, "filterValue=dili").await, "folders"),
        vec!["Due diligence"]
    );
    let az = titles(&list(&api, "sortBy=AZ&sortOrder=0").await, "folders");
    let mut sorted = az.clone();
    sorted.sort_by_key(|s| s.to_lowercase());
    assert_eq!(az, sorted);
    let za = titles(&list(&api, "sortBy=AZ&sortOrder=1").await, "folders");
    assert_eq!(za, sorted.iter().rev().cloned().collect::<Vec<_>>());
    let page = list(&api, "sortBy=AZ&sortOrder=0&startIndex=2&count=2").await;
    assert_eq!(titles(&page, "folders"), sorted[2..4].to_vec());
    assert_eq!(page["total"], 6);
    assert_eq!(page["startIndex"], 2);
    assert_eq!(page["count"], 2);
    // subjectId: rooms where the guest is a member; subjectOwnerId: rooms the room admin owns.
    let guest = user_id(&api, common::GUEST).await;
    let mut got = titles(&list(&api, &format!("subjectId={guest}")).await, "folders");
    got.sort();
    assert_eq!(got, vec!["Contracts", "Due diligence", "Marketing"]);
    let ra = user_id(&api, common::ROOM_ADMIN).await;
    assert_eq!(
        titles(
            &list(&api, &format!("subjectOwnerId={ra}")).await,
            "folders"
        ),
        vec!["Research assistant"]
    );
    // searchArea: archive holds nothing yet; Any holds everything.
    assert_eq!(list(&api, "searchArea=1").await["total"], 0);
    assert_eq!(list(&api, "searchArea=Any").await["total"], 6);
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn list_refuses_bad_paging_and_filters() {
    let p = portal().await;
    let api = Api::owner(&p);
    for (q, field) in [
        ("count=0", "Count"),
        ("count=101", "Count"),
        ("count=abc", "Count"),
        ("startIndex=-1", "StartIndex"),
        ("type=4", "RoomType"),
        ("type=Nope", "RoomType"),
        ("searchArea=99", "SearchArea"),
        ("withoutTags=maybe", "WithoutTags"),
        ("tags=notjson", "Tags"),
        ("tags=%5B1%2C2%5D", "Tags"),
    ] {
        api.get(&format!("/api/2.0/files/rooms?{q}"))
            .await
            .expect_validation(field);
    }
}

#[tokio::test]
async fn members_see_only_their_rooms_and_admins_see_all() {
    let p = common::unlimited_portal().await;
    let guest = common::login(&p, common::GUEST).await;
    let mut got = titles(&list(&guest, "").await, "folders");
    got.sort();
    assert_eq!(got, vec!["Contracts", "Due diligence", "Marketing"]);
    let admin = common::login(&p, common::ADMIN).await;
    assert_eq!(list(&admin, "").await["total"], 6);
}

#[tokio::test]
async fn get_update_and_missing_rooms() {
    let p = portal().await;
    let api = Api::owner(&p);
    let id = room_id(&api, "Contracts").await;
    let r = api.get_ok(&format!("/api/2.0/files/rooms/{id}")).await;
    assert_eq!(r["title"], "Contracts");
    assert_eq!(r["filesCount"], 2);
    assert_eq!(r["foldersCount"], 1);
    let u = api
        .put_ok(
            &format!("/api/2.0/files/rooms/{id}"),
            json!({ "title": "Contracts 2025", "color": "FF0000", "denyDownload": true, "indexing": true,
                    "quota": -1, "tags": ["legal", "2025"], "cover": "globe",
                    "lifetime": { "enabled": false, "period": 2, "value": 1 },
                    "watermark": { "enabled": true, "additions": 17, "imageUrl": "https://x.example/w.png", "imageWidth": 10, "imageHeight": 5 } }),
        ).await;
    assert_eq!(u["title"], "Contracts 2025");
    assert_eq!(u["logo"]["color"], "FF0000");
    assert_eq!(u["denyDownload"], true);
    assert_eq!(u["quotaLimit"], -1);
    assert_eq!(u["tags"], json!(["2025", "legal"]));
    assert_eq!(u["watermark"]["additions"], 17);
    assert_eq!(u["lifetime"]["period"], 2);
    for bad in ["0", "-3", "99999999999", "abc", "9223372036854775808"] {
        api.get(&format!("/api/2.0/files/rooms/{bad}"))
            .await
            .expect_error(404, "not");
    }
    // A folder that is not a room is not a room.
    let contents = api.get_ok(&format!("/api/2.0/files/{id}")).await;
    let sub = contents["folders"][0]["id"].as_i64().expect("sub-folder");
    api.get(&format!("/api/2.0/files/rooms/{sub}"))
        .await
        .expect_error(404, "room");
    api.put("/api/2.0/files/rooms/424242", json!({ "title": "x" }))
        .await
        .expect_error(404, "room");
    api.put(
        &format!("/api/2.0/files/rooms/{id}"),
        json!({ "color": "#12" }),
    )
    .await
    .expect_validation("Color");
}

/// DocSpace binds an action's body before the action looks its id up, and routes an id that is
/// not an `int` to the third-party controller of the same path, which binds the body too
/// (`[ConstraintRoute("int")]` on `products/ASC.Files/Server/Api/VirtualRoomsController.cs` and
/// `FilesController.cs`): a request wrong in both is the body's 400; with a good body, the id's
/// 404.
#[tokio::test]
async fn a_bad_body_is_reported_before_a_bad_id() {
    let p = portal().await;
    let api = Api::owner(&p);
    for path in [
        "/api/2.0/files/rooms/abc",
        "/api/2.0/files/rooms/abc/archive",
        "/api/2.0/files/rooms/abc/share",
        "/api/2.0/files/file/abc",
    ] {
        let bad_body = b"{not json".to_vec();
        api.raw(reqwest::Method::PUT, path, "application/json", bad_body)
            .await
            .expect_validation("$");
    }
    // These bodies bind (every field optional): the id is what is wrong.
    for path in [
        "/api/2.0/files/rooms/abc",
        "/api/2.0/files/rooms/abc/archive",
        "/api/2.0/files/file/abc",
    ] {
        api.put(path, json!({})).await.expect(404);
    }
}
