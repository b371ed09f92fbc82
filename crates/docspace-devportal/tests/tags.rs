//! Tags over HTTP: the portal's tag list and a room's tags.

mod common;

use common::{Api, portal, room_id, unlimited_portal};
use serde_json::json;

#[tokio::test]
async fn tags_are_created_listed_renamed_and_deleted() {
    let p = portal().await;
    let api = Api::owner(&p);
    assert_eq!(
        api.get_ok("/api/2.0/files/tags").await,
        json!(["finance", "legal", "marketing"])
    );
    assert_eq!(
        api.post_ok("/api/2.0/files/tags", json!({ "name": "  urgent " }))
            .await,
        "urgent"
    );
    assert_eq!(
        api.get_ok("/api/2.0/files/tags?filterValue=ur").await,
        json!(["urgent"])
    );
    assert_eq!(
        api.get_ok("/api/2.0/files/tags?startIndex=1&count=2").await,
        json!(["legal", "marketing"])
    );
    assert_eq!(api.get_ok("/api/2.0/files/tags/legal/haslinks").await, true);
    assert_eq!(
        api.get_ok("/api/2.0/files/tags/urgent/haslinks").await,
        false
    );
    // Renaming follows into rooms; a taken name is refused.
    assert_eq!(
        api.put_ok(
            "/api/2.0/files/tags",
            json!({ "oldName": "legal", "newName": "law" })
        )
        .await,
        "law"
    );
    let contracts = room_id(&api, "Contracts").await;
    assert_eq!(
        api.get_ok(&format!("/api/2.0/files/rooms/{contracts}"))
            .await["tags"],
        json!(["law"])
    );
    api.put(
        "/api/2.0/files/tags",
        json!({ "oldName": "law", "newName": "finance" }),
    )
    .await
    .expect_error(400, "already exists");
    api.put(
        "/api/2.0/files/tags",
        json!({ "oldName": "nope", "newName": "x" }),
    )
    .await
    .expect_error(404, "tag");
    api.delete_ok("/api/2.0/files/tags", json!({ "names": ["law", "urgent"] }))
        .await;
    assert_eq!(
        api.get_ok(&format!("/api/2.0/files/rooms/{contracts}"))
            .await["tags"],
        json!([])
    );
    for (body, status) in [
        (json!({}), 400),
        (json!({ "name": "" }), 400),
        (json!({ "name": "t".repeat(256) }), 400),
        (json!({ "name": 5 }), 400),
    ] {
        assert_eq!(
            api.post("/api/2.0/files/tags", body.clone()).await.status,
            status,
            "{body}"
        );
    }
    api.delete("/api/2.0/files/tags", json!({ "names": [] }))
        .await
        .expect_validation("Names");
    api.get("/api/2.0/files/tags?count=500")
        .await
        .expect_validation("Count");
}

#[tokio::test]
async fn room_tags_are_added_and_removed() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Onboarding forms").await;
    let r = api
        .put_ok(
            &format!("/api/2.0/files/rooms/{room}/tags"),
            json!({ "names": ["hr", "2025"] }),
        )
        .await;
    assert_eq!(r["tags"], json!(["2025", "hr"]));
    assert!(
        api.get_ok("/api/2.0/files/tags")
            .await
            .as_array()
            .is_some_and(|t| t.contains(&json!("hr")))
    );
    let r = api
        .delete_ok(
            &format!("/api/2.0/files/rooms/{room}/tags"),
            json!({ "names": ["2025"] }),
        )
        .await;
    assert_eq!(r["tags"], json!(["hr"]));
    api.put(
        "/api/2.0/files/rooms/4040404/tags",
        json!({ "names": ["x"] }),
    )
    .await
    .expect_error(404, "room");
    api.put(
        &format!("/api/2.0/files/rooms/{room}/tags"),
        json!({ "names": ["bad\u{1b}tag"] }),
    )
    .await
    .expect_error(400, "control");
    api.call(
        reqwest::Method::PUT,
        &format!("/api/2.0/files/rooms/{room}/tags"),
        None,
    )
    .await
    .expect_validation("");
}

#[tokio::test]
async fn members_see_tags_of_their_rooms_and_only_managers_tag_rooms() {
    let p = unlimited_portal().await;
    let api = Api::owner(&p);
    let guest = common::login(&p, common::GUEST).await;
    assert_eq!(
        guest.get_ok("/api/2.0/files/tags").await,
        json!(["finance", "legal", "marketing"])
    );
    let user = common::login(&p, common::USER).await;
    let forms = room_id(&api, "Onboarding forms").await;
    user.put(
        &format!("/api/2.0/files/rooms/{forms}/tags"),
        json!({ "names": ["x"] }),
    )
    .await
    .expect_error(403, "Access denied");
    user.post("/api/2.0/files/tags", json!({ "name": "x" }))
        .await
        .expect_error(403, "Access denied");
    // A room manager who may not create tags can still attach existing ones.
    let room_admin = common::login(&p, common::ROOM_ADMIN).await;
    let ai = room_id(&api, "Research assistant").await;
    room_admin
        .put_ok(
            &format!("/api/2.0/files/rooms/{ai}/tags"),
            json!({ "names": ["finance"] }),
        )
        .await;
}

#[tokio::test]
async fn a_room_carries_at_most_100_tags_of_at_most_255_characters() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = common::create_room(&api, "many tags", json!(5)).await["id"]
        .as_i64()
        .expect("room id");
    let tags_of = |api: Api| async move {
        api.get_ok(&format!("/api/2.0/files/rooms/{room}")).await["tags"]
            .as_array()
            .map(Vec::len)
            .unwrap_or(0)
    };
    let names = |from: usize, n: usize| {
        (from..from + n)
            .map(|i| format!("t{i:03}"))
            .collect::<Vec<_>>()
    };
    // 101 names in one request never reach the database.
    api.put(
        &format!("/api/2.0/files/rooms/{room}/tags"),
        json!({ "names": names(0, 101) }),
    )
    .await
    .expect_error(400, "at most 100 tags");
    api.put(
        &format!("/api/2.0/files/rooms/{room}"),
        json!({ "tags": names(0, 101) }),
    )
    .await
    .expect_error(400, "at most 100 tags");
    assert_eq!(tags_of(api.clone()).await, 0);
    // 100 fit; one more, by either route, is refused and leaves no trace (not even the new tag).
    api.put_ok(
        &format!("/api/2.0/files/rooms/{room}/tags"),
        json!({ "names": names(0, 100) }),
    )
    .await;
    assert_eq!(tags_of(api.clone()).await, 100);
    api.put(
        &format!("/api/2.0/files/rooms/{room}/tags"),
        json!({ "names": ["one too many"] }),
    )
    .await
    .expect_error(400, "at most 100 tags");
    let mut over = names(0, 100);
    over.push("one too many".into());
    api.put(
        &format!("/api/2.0/files/rooms/{room}"),
        json!({ "tags": over }),
    )
    .await
    .expect_error(400, "at most 100 tags");
    assert_eq!(tags_of(api.clone()).await, 100);
    let all = api
        .get_ok("/api/2.0/files/tags?filterValue=too%20many")
        .await;
    assert_eq!(all, json!([]), "the refused tag was not created");
    // Re-sending tags the room already has is not "more".
    api.put_ok(
        &format!("/api/2.0/files/rooms/{room}/tags"),
        json!({ "names": names(0, 3) }),
    )
    .await;
    // Names: DocSpace's 255 characters, counted as characters.
    let long = "é".repeat(255);
    api.post_ok("/api/2.0/files/tags", json!({ "name": long }))
        .await;
    api.post("/api/2.0/files/tags", json!({ "name": "é".repeat(256) }))
        .await
        .expect_validation("Name");
    let other = common::create_room(&api, "long tag", json!(5)).await["id"]
        .as_i64()
        .expect("room id");
    api.put(
        &format!("/api/2.0/files/rooms/{other}/tags"),
        json!({ "names": ["x".repeat(256)] }),
    )
    .await
    .expect_validation("Name");
}
