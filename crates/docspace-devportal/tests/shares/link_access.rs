//! Anonymous access through a public room's link key, expired and revoked links, and who may manage members and links.

use crate::common::{self, Api, portal, room_id, titles, unlimited_portal, user_id};
use reqwest::Method;
use serde_json::{Value, json};

async fn public_link(api: &Api) -> (i64, Value) {
    let room = room_id(api, "Press kit").await;
    let link = api
        .get_ok(&format!("/api/2.0/files/rooms/{room}/link"))
        .await;
    assert_eq!(link["subjectType"], 4, "primary external link");
    (room, link)
}

#[tokio::test]
async fn a_public_room_opens_anonymously_through_its_link_key() {
    let p = portal().await;
    let api = Api::owner(&p);
    let (room, link) = public_link(&api).await;
    let key = link["sharedLink"]["requestToken"]
        .as_str()
        .expect("key")
        .to_string();
    // The same primary link every time.
    assert_eq!(
        public_link(&api).await.1["sharedLink"]["id"],
        link["sharedLink"]["id"]
    );
    let anon = Api::anonymous(&p);
    let info = anon.get_ok(&format!("/api/2.0/files/share/{key}")).await;
    assert_eq!(info["status"], 0);
    assert_eq!(info["entityId"], room.to_string());
    assert_eq!(info["entityTitle"], "Press kit");
    assert_eq!(info["isAuthenticated"], false);
    assert_eq!(info["linkId"], link["sharedLink"]["id"]);
    let bad = anon.get_ok("/api/2.0/files/share/not-a-key").await;
    assert_eq!(bad["status"], 1);
    assert_eq!(bad["shared"], false);
    // Request-Token header: the room, its contents, file info and downloads; nothing else.
    let visitor = anon.clone().header("Request-Token", &key);
    assert_eq!(
        visitor
            .get_ok(&format!("/api/2.0/files/rooms/{room}"))
            .await["access"],
        2
    );
    let contents = visitor.get_ok(&format!("/api/2.0/files/{room}")).await;
    let mut got = titles(&contents, "files");
    got.sort();
    assert_eq!(got, vec!["About us.md", "Logo guide.pdf"]);
    let about = contents["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["title"] == "About us.md")
        .expect("file")
        .clone();
    assert_eq!(
        visitor
            .get_ok(&format!("/api/2.0/files/file/{}", about["id"]))
            .await["security"]["Edit"],
        false
    );
    let via_share = format!("{}&share={key}", about["viewUrl"].as_str().expect("url"));
    assert!(
        String::from_utf8(
            anon.call(Method::GET, &via_share, None)
                .await
                .expect(200)
                .body
        )
        .expect("utf8")
        .contains("About us")
    );
    let other = room_id(&api, "Contracts").await;
    visitor
        .get(&format!("/api/2.0/files/rooms/{other}"))
        .await
        .expect_error(403, "Access denied");
    visitor.get("/api/2.0/files/rooms").await.expect_empty(401);
    visitor
        .post(
            &format!("/api/2.0/files/folder/{room}"),
            json!({ "title": "x" }),
        )
        .await
        .expect_empty(401);
    anon.clone()
        .header("Request-Token", "wrong")
        .get(&format!("/api/2.0/files/{room}"))
        .await
        .expect_empty(401);
}

#[tokio::test]
async fn expired_and_revoked_links_open_nothing() {
    let p = unlimited_portal().await;
    let api = Api::owner(&p);
    let (room, link) = public_link(&api).await;
    let key = link["sharedLink"]["requestToken"]
        .as_str()
        .expect("key")
        .to_string();
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc3339();
    api.put_ok(
        &format!("/api/2.0/files/rooms/{room}/links"),
        json!({ "linkId": link["sharedLink"]["id"], "expirationDate": soon }),
    )
    .await;
    let visitor = Api::anonymous(&p).header("Request-Token", &key);
    visitor.get_ok(&format!("/api/2.0/files/{room}")).await;
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    visitor
        .get(&format!("/api/2.0/files/{room}"))
        .await
        .expect_empty(401);
    let info = Api::anonymous(&p)
        .get_ok(&format!("/api/2.0/files/share/{key}"))
        .await;
    assert_eq!(info["status"], 2, "expired");
    // A password-protected link asks for the password.
    let pw = api
        .put_ok(
            &format!("/api/2.0/files/rooms/{room}/links"),
            json!({ "linkType": 1, "access": 2, "password": "s3cret" }),
        )
        .await;
    let pkey = pw["sharedLink"]["requestToken"].as_str().expect("key");
    assert_eq!(
        Api::anonymous(&p)
            .get_ok(&format!("/api/2.0/files/share/{pkey}"))
            .await["status"],
        3
    );
    // Signed-in members see themselves as members.
    let member = common::login(&p, common::ROOM_ADMIN).await;
    let seen = member.get_ok(&format!("/api/2.0/files/share/{pkey}")).await;
    assert_eq!(
        (
            seen["isAuthenticated"].clone(),
            seen["isRoomMember"].clone()
        ),
        (json!(true), json!(true))
    );
}

#[tokio::test]
async fn only_room_managers_manage_members_and_links() {
    let p = unlimited_portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let user_id = user_id(&api, common::USER).await;
    let editor = common::login(&p, common::USER).await; // Editor in Contracts
    editor
        .get_ok(&format!("/api/2.0/files/rooms/{room}/share"))
        .await;
    editor
        .put(
            &format!("/api/2.0/files/rooms/{room}/share"),
            json!({ "invitations": [{ "id": user_id, "access": 11 }] }),
        )
        .await
        .expect_error(403, "Access denied");
    editor
        .get(&format!("/api/2.0/files/rooms/{room}/links"))
        .await
        .expect_error(403, "Access denied");
    editor
        .put(
            &format!("/api/2.0/files/rooms/{room}/links"),
            json!({ "linkType": 1 }),
        )
        .await
        .expect_error(403, "Access denied");
    let manager = common::login(&p, common::ROOM_ADMIN).await; // Room manager in Contracts
    manager
        .put_ok(
            &format!("/api/2.0/files/rooms/{room}/links"),
            json!({ "linkType": 1 }),
        )
        .await;
}
