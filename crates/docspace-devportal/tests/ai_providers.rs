//! The AI access switch and providers as DocSpace serves them (ONLYOFFICE/DocSpace-server:
//! `products/ASC.AI/Server/Api/ProviderController.cs`, `products/ASC.AI/Core/Provider/AiProviderService.cs`,
//! `web/ASC.Web.Api/Api/Settings/SettingsController.cs` for `settings/ai-access`).

mod common;

use common::*;
use docspace_testkit::model_server::{KEY, ModelServer};
use reqwest::Method;
use serde_json::{Value, json};

fn provider_body(url: &str, key: &str) -> Value {
    json!({
        "type": 3, "title": "Local", "url": url, "key": key,
        "modelSettings": [{ "modelId": "model-a", "isEnabled": true, "alias": "Model A" }],
    })
}

#[tokio::test]
async fn ai_access_switch_is_for_admins_and_closes_every_ai_route() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let user = login(&p, USER).await;
    let r = user.get("/api/2.0/settings/ai-access").await.expect(200);
    assert_eq!(r.response()["enabled"], true, "DocSpace's default is on");
    user.post("/api/2.0/settings/ai-access", json!({ "enabled": false }))
        .await
        .expect_error(403, "Access denied");
    let r = owner
        .post("/api/2.0/settings/ai-access", json!({ "enabled": false }))
        .await
        .expect(200);
    assert_eq!(r.response()["enabled"], false);
    // `AiFeatureFilter` (common/ASC.Api.Core/Middleware/AiFeatureFilter.cs): an empty 403 on the
    // AI routes, the switch itself still readable.
    owner.get("/api/2.0/ai/providers").await.expect_empty(403);
    owner
        .post(
            "/api/2.0/ai/providers",
            provider_body("http://127.0.0.1:9/v1", KEY),
        )
        .await
        .expect_empty(403);
    // A resource filter runs before the body is bound: a body that would fail validation still
    // gets the empty 403, and sign-in (an authorization filter) is still checked before it.
    owner
        .raw(
            Method::POST,
            "/api/2.0/ai/servers",
            "application/json",
            b"{not json".to_vec(),
        )
        .await
        .expect_empty(403);
    Api::anonymous(&p)
        .get("/api/2.0/ai/providers")
        .await
        .expect(401);
    let r = user.get("/api/2.0/settings/ai-access").await.expect(200);
    assert_eq!(r.response()["enabled"], false);
    owner
        .post_ok("/api/2.0/settings/ai-access", json!({ "enabled": true }))
        .await;
    owner.get_ok("/api/2.0/ai/providers").await;
}

#[tokio::test]
async fn a_provider_is_registered_with_its_live_models_and_its_key_never_comes_back() {
    let p = unlimited_portal().await;
    let fake = ModelServer::start().await;
    let owner = Api::owner(&p);
    let r = owner
        .post("/api/2.0/ai/providers", provider_body(&fake.url, KEY))
        .await
        .expect(200);
    assert!(!r.text().contains(KEY), "key returned: {}", r.text());
    let dto = r.response();
    assert_eq!(dto["title"], "Local");
    assert_eq!(dto["type"], 3);
    assert_eq!(dto["url"], fake.url);
    assert_eq!(dto["needReset"], false);
    assert!(dto.get("key").is_none());
    let id = dto["id"].as_i64().expect("id");

    let list = owner.get("/api/2.0/ai/providers").await.expect(200);
    assert!(!list.text().contains(KEY));
    assert_eq!(list.json()["total"], 1);
    assert_eq!(list.response()[0]["id"], id);

    // Every listed model with its settings: only the one the settings enable is on.
    let models = owner
        .get_ok(&format!("/api/2.0/ai/providers/{id}/models"))
        .await;
    let models = models.as_array().expect("models");
    assert_eq!(models.len(), 2);
    assert_eq!(models[0]["id"], "model-a");
    assert_eq!(models[0]["isEnabled"], true);
    assert_eq!(models[0]["alias"], "Model A");
    assert_eq!(models[1]["isEnabled"], false);

    // What an agent may use: the enabled models only.
    let chat_models = owner
        .get_ok(&format!("/api/2.0/ai/chats/models?provider={id}"))
        .await;
    assert_eq!(
        chat_models,
        json!([{ "providerId": id, "providerTitle": "Local", "modelId": "model-a", "alias": "Model A",
                 "capabilities": { "vision": false, "toolCalling": false, "thinking": false } }])
    );

    // Preview lists without saving, nothing enabled yet.
    let preview = owner
        .post_ok(
            "/api/2.0/ai/providers/models/preview",
            json!({ "type": 3, "url": fake.url, "key": KEY }),
        )
        .await;
    assert_eq!(preview.as_array().map(Vec::len), Some(2));
    assert_eq!(preview[0]["isEnabled"], false);

    // The default: the first provider's first enabled model.
    let d = owner.get_ok("/api/2.0/ai/providers/default").await;
    assert_eq!(d["providerId"], id);
    assert_eq!(d["defaultModel"], "model-a");
    owner
        .put(
            "/api/2.0/ai/providers/default",
            json!({ "providerId": id, "defaultModel": "model-b" }),
        )
        .await
        .expect_error(400, "The model has been disabled");

    // Rename, then the same title again is refused.
    let r = owner
        .put_ok(
            &format!("/api/2.0/ai/providers/{id}"),
            json!({ "title": "Renamed" }),
        )
        .await;
    assert_eq!(r["title"], "Renamed");
    let mut second = provider_body(&fake.url, KEY);
    second["title"] = json!("renamed");
    owner
        .post("/api/2.0/ai/providers", second)
        .await
        .expect_error(400, "Provider name already exists");
    // A new key is checked against the provider again.
    owner
        .put(
            &format!("/api/2.0/ai/providers/{id}"),
            json!({ "key": "wrong" }),
        )
        .await
        .expect_error(400, "The specified API key is invalid");

    owner
        .delete("/api/2.0/ai/providers", json!({ "ids": [id] }))
        .await
        .expect(204);
    owner
        .delete("/api/2.0/ai/providers", json!({ "ids": [id] }))
        .await
        .expect_error(404, "Provider not found");
    let list = owner.get("/api/2.0/ai/providers").await.expect(200);
    assert_eq!(list.json()["total"], 0);
}

#[tokio::test]
async fn a_provider_whose_models_cannot_be_fetched_is_refused_with_the_servers_message() {
    let p = unlimited_portal().await;
    let fake = ModelServer::start().await;
    let owner = Api::owner(&p);
    // 401 from `{url}/models`: InvalidKey.
    owner
        .post(
            "/api/2.0/ai/providers",
            provider_body(&fake.url, "sk-wrong"),
        )
        .await
        .expect_error(
            400,
            "The specified API key is invalid or does not have access rights",
        );
    // Nothing listening: InvalidUrl.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr")
    };
    owner
        .post(
            "/api/2.0/ai/providers",
            provider_body(&format!("http://{closed}/v1"), KEY),
        )
        .await
        .expect_error(400, "The URL path specified is invalid");
    // A wrong path (404): InvalidUrl too.
    owner
        .post(
            "/api/2.0/ai/providers",
            provider_body(&format!("{}/nope", fake.url), KEY),
        )
        .await
        .expect_error(400, "The URL path specified is invalid");
    // An empty list: NoModelsAvailable.
    fake.empty_models(true);
    owner
        .post("/api/2.0/ai/providers", provider_body(&fake.url, KEY))
        .await
        .expect_error(400, "No models available for this provider");
    fake.empty_models(false);
    // Settings that enable no listed model: NoModelsAvailable.
    let mut body = provider_body(&fake.url, KEY);
    body["modelSettings"] = json!([{ "modelId": "not-listed", "isEnabled": true }]);
    owner
        .post("/api/2.0/ai/providers", body)
        .await
        .expect_error(400, "No models available for this provider");
    // OpenAI-compatible providers need model settings.
    let mut body = provider_body(&fake.url, KEY);
    body.as_object_mut().map(|o| o.remove("modelSettings"));
    owner
        .post("/api/2.0/ai/providers", body)
        .await
        .expect_error(400, "Model settings must be specified");
    // Only OpenAI-compatible providers here.
    let mut body = provider_body(&fake.url, KEY);
    body["type"] = json!(1);
    owner
        .post("/api/2.0/ai/providers", body)
        .await
        .expect_error(400, "Incorrect provider type");
    let list = owner.get("/api/2.0/ai/providers").await.expect(200);
    assert_eq!(list.json()["total"], 0, "nothing was stored");
}

#[tokio::test]
async fn providers_are_managed_by_docspace_admins_and_listed_for_room_admins() {
    let p = unlimited_portal().await;
    let fake = ModelServer::start().await;
    let admin = login(&p, ADMIN).await;
    let room_admin = login(&p, ROOM_ADMIN).await;
    let user = login(&p, USER).await;
    admin
        .post_ok("/api/2.0/ai/providers", provider_body(&fake.url, KEY))
        .await;
    for api in [&room_admin, &user] {
        api.post("/api/2.0/ai/providers", provider_body(&fake.url, KEY))
            .await
            .expect_error(403, "You don't have permission to manage providers");
        api.get("/api/2.0/ai/providers/available")
            .await
            .expect_error(403, "You don't have permission to manage providers");
    }
    let r = room_admin.get("/api/2.0/ai/providers").await.expect(200);
    assert_eq!(r.json()["total"], 1);
    assert!(!r.text().contains(KEY));
    user.get("/api/2.0/ai/providers")
        .await
        .expect_error(403, "You don't have permission to manage providers");
    user.get("/api/2.0/ai/chats/models").await.expect(403);
    let avail = admin.get_ok("/api/2.0/ai/providers/available").await;
    assert_eq!(avail, json!([{ "type": 3, "url": "" }]));
}
