//! Who sees which OAuth apps in the registration API's lists, as DocSpace's identity service
//! answers (`ONLYOFFICE/DocSpace-server: common/ASC.Identity/registration/registration-core/
//! registration-service/.../ClientQueryHandler.java` `getClients`, `getClientsInfo`; the routes
//! and limits of `registration-application/.../controller/ClientQueryController.java`; the
//! fields of `ClientInfoResponse.java`).

mod common;
mod oauth_support;

use common::Api;
use oauth_support::*;
use serde_json::Value;

fn ids(page: &Value) -> Vec<String> {
    page["data"]
        .as_array()
        .expect("data")
        .iter()
        .map(|c| c["client_id"].as_str().expect("id").to_string())
        .collect()
}

#[tokio::test]
async fn admins_list_every_app_users_their_own_and_the_info_list_holds_no_secrets() {
    let p = common::portal().await;
    let user_token = sign_in(&p, common::USER).await;
    let mine = register(&p, &user_token, true, &["files:read"]).await;
    let admin_token = sign_in(&p, common::ADMIN).await;
    let admins = register(&p, &admin_token, false, &["rooms:read"]).await;
    let (mine_id, admins_id) = (
        mine["client_id"].as_str().expect("id").to_string(),
        admins["client_id"].as_str().expect("id").to_string(),
    );
    let user = Api::with_auth(&p, user_token);
    let admin = Api::with_auth(&p, admin_token);

    // A DocSpace admin sees the portal's apps; a user only their own.
    let all = ids(&admin.get("/api/2.0/clients").await.expect(200).json());
    assert!(
        all.contains(&mine_id) && all.contains(&admins_id),
        "{all:?}"
    );
    assert_eq!(
        ids(&user.get("/api/2.0/clients").await.expect(200).json()),
        vec![mine_id.clone()]
    );

    // The info list: the same apps, with `limit` required, and none of the secret or redirect
    // settings.
    let info = user
        .get("/api/2.0/clients/info?limit=10")
        .await
        .expect(200)
        .json();
    assert_eq!(ids(&info), vec![mine_id.clone()]);
    let first = &info["data"][0];
    for hidden in [
        "client_secret",
        "redirect_uris",
        "allowed_origins",
        "logout_redirect_uris",
        "enabled",
    ] {
        assert!(first.get(hidden).is_none(), "{hidden} shown: {first}");
    }
    assert_eq!(
        first["authentication_methods"],
        serde_json::json!(["client_secret_post", "none"])
    );
    let admin_info = ids(&admin
        .get("/api/2.0/clients/info?limit=50")
        .await
        .expect(200)
        .json());
    assert!(admin_info.contains(&mine_id) && admin_info.contains(&admins_id));
    assert_eq!(user.get("/api/2.0/clients/info").await.status, 400);
    assert_eq!(user.get("/api/2.0/clients/info?limit=51").await.status, 400);
    // One app's info is just as bare.
    let one = user
        .get(&format!("/api/2.0/clients/{admins_id}/info"))
        .await
        .expect(200)
        .json();
    assert!(one.get("client_secret").is_none() && one.get("redirect_uris").is_none());
    // Guests may not use the registration API at all (`@PreAuthorize` ADMIN or USER).
    let guest = Api::with_auth(&p, sign_in(&p, common::GUEST).await);
    assert_eq!(guest.get("/api/2.0/clients/info?limit=5").await.status, 403);
}
