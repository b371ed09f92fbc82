//! Opening a protected, internal or archived external link, as ONLYOFFICE/DocSpace-server does:
//! `POST files/share/{key}/password` (`products/ASC.Files/Server/Api/FilesController.cs`
//! `ApplyExternalSharePasswordAsync`), the checks of `products/ASC.Files/Core/Core/Security/
//! ExternalShare.cs` `ValidateRecordAsync` (expired, internal while signed out, Archive/Trash,
//! password, the `sharelink{linkId}` cookie) and the brute-force guard of
//! `web/ASC.Web.Core/BruteForceLoginManager.cs` with the message
//! `FilesCommonResource.ErrorMessage_SharePasswordManyAttempts`.

mod common;

use common::{Api, Resp, portal, room_id};
use reqwest::Method;
use serde_json::{Value, json};

const PASSWORD: &str = "s3cret-pw";

/// A file in the Contracts room and a further link to it with `options`; returns the file id,
/// the link id and its key.
async fn file_link(api: &Api, name: &str, options: Value) -> (i64, String, String) {
    let room = room_id(api, "Contracts").await;
    let id = api
        .multipart(
            Method::POST,
            &format!("/api/2.0/files/{room}/upload"),
            &[("File", Some(name), b"protected content")],
        )
        .await
        .expect(200)
        .response()[0]["id"]
        .as_i64()
        .expect("file id");
    let mut body = json!({ "access": 2 });
    for (k, v) in options.as_object().expect("options") {
        body[k] = v.clone();
    }
    let link = api
        .put_ok(&format!("/api/2.0/files/file/{id}/links"), body)
        .await;
    let l = &link["sharedLink"];
    (
        id,
        l["id"].as_str().expect("link id").to_string(),
        l["requestToken"].as_str().expect("key").to_string(),
    )
}

async fn share_status(api: &Api, key: &str) -> Value {
    api.get_ok(&format!("/api/2.0/files/share/{key}")).await["status"].clone()
}

async fn send_password(api: &Api, key: &str, password: &str) -> Resp {
    api.post(
        &format!("/api/2.0/files/share/{key}/password"),
        json!({ "password": password }),
    )
    .await
}

/// The `name=value` part of the `Set-Cookie` header that names `name`, if any.
fn cookie(resp: &Resp, name: &str) -> Option<String> {
    resp.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(&format!("{name}=")))
        .map(str::to_string)
}

#[tokio::test]
async fn a_protected_file_link_opens_after_the_right_password_and_only_with_its_cookie() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let (file, link_id, key) =
        file_link(&owner, "protected.txt", json!({ "password": PASSWORD })).await;
    let visitor = Api::anonymous(&p);
    assert_eq!(share_status(&visitor, &key).await, 3, "RequiredPassword");
    let through_link = visitor.clone_with("Request-Token", &key);
    through_link
        .get(&format!("/api/2.0/files/file/{file}"))
        .await
        .expect_empty(401);

    // A wrong password: InvalidPassword (4), and the cookie is cleared.
    let wrong = send_password(&visitor, &key, "not-it").await.expect(200);
    assert_eq!(wrong.response()["status"], 4);
    let cleared = cookie(&wrong, &format!("sharelink{link_id}")).expect("cleared cookie");
    assert!(cleared.contains("Expires=Thu, 01 Jan 1970"), "{cleared}");

    // The right one: Ok (0) with the file as the entity, and an HttpOnly session cookie that
    // does not carry the password.
    let right = send_password(&visitor, &key, PASSWORD).await.expect(200);
    let dto = right.response();
    assert_eq!(
        (
            dto["status"].clone(),
            dto["entityId"].clone(),
            dto["entityType"].clone()
        ),
        (json!(0), json!(file.to_string()), json!(2))
    );
    let set = cookie(&right, &format!("sharelink{link_id}")).expect("password cookie");
    assert!(
        set.contains("HttpOnly") && !set.contains("Expires"),
        "{set}"
    );
    assert!(
        !set.contains(PASSWORD),
        "the cookie must not hold the password: {set}"
    );
    let pair = set.split(';').next().expect("name=value").to_string();

    // With the cookie, the link opens the file; GET share/{key} says Ok.
    let unlocked = through_link.clone_with("Cookie", &pair);
    let info = unlocked
        .get_ok(&format!("/api/2.0/files/file/{file}"))
        .await;
    assert_eq!(info["title"], "protected.txt");
    assert_eq!(
        share_status(&visitor.clone_with("Cookie", &pair), &key).await,
        0
    );
    // A forged cookie, or the cookie of another link, opens nothing.
    through_link
        .clone_with("Cookie", &format!("sharelink{link_id}=00ff"))
        .get(&format!("/api/2.0/files/file/{file}"))
        .await
        .expect_empty(401);

    // A new password makes the old cookie worthless.
    owner
        .put_ok(
            &format!("/api/2.0/files/file/{file}/links"),
            json!({ "linkId": link_id, "access": 2, "password": "an0ther-pw" }),
        )
        .await;
    unlocked
        .get(&format!("/api/2.0/files/file/{file}"))
        .await
        .expect_empty(401);
}

#[tokio::test]
async fn wrong_passwords_are_refused_after_five_tries_a_minute_even_the_right_one() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let (_, _, key) = file_link(&owner, "guarded.txt", json!({ "password": PASSWORD })).await;
    let visitor = Api::anonymous(&p);
    for _ in 0..5 {
        let r = send_password(&visitor, &key, "guess-1234")
            .await
            .expect(200);
        assert_eq!(r.response()["status"], 4);
    }
    send_password(&visitor, &key, "guess-1234")
        .await
        .expect_error(403, "You have tried too many times to enter your password");
    send_password(&visitor, &key, PASSWORD)
        .await
        .expect_error(403, "tried too many times");
}

#[tokio::test]
async fn an_internal_link_opens_for_signed_in_people_only() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let (file, _, key) = file_link(&owner, "internal.txt", json!({ "internal": true })).await;
    let visitor = Api::anonymous(&p);
    assert_eq!(
        share_status(&visitor, &key).await,
        5,
        "ExternalAccessDenied"
    );
    visitor
        .clone_with("Request-Token", &key)
        .get(&format!("/api/2.0/files/file/{file}"))
        .await
        .expect_empty(401);
    // A signed-in guest, who is no member of Contracts, opens it through the link.
    let guest = common::login(&p, common::GUEST).await;
    assert_eq!(share_status(&guest, &key).await, 0);
    guest
        .clone_with("Request-Token", &key)
        .get_ok(&format!("/api/2.0/files/file/{file}"))
        .await;
}

#[tokio::test]
async fn a_link_into_an_archived_room_is_invalid() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let (file, _, key) = file_link(&owner, "archived.txt", json!({})).await;
    let visitor = Api::anonymous(&p);
    assert_eq!(share_status(&visitor, &key).await, 0);
    let room = room_id(&owner, "Contracts").await;
    owner
        .put_ok(&format!("/api/2.0/files/rooms/{room}/archive"), json!({}))
        .await;
    assert_eq!(share_status(&visitor, &key).await, 1, "Invalid");
    visitor
        .clone_with("Request-Token", &key)
        .get(&format!("/api/2.0/files/file/{file}"))
        .await
        .expect_empty(401);
}
