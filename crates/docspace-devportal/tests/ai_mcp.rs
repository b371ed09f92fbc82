//! MCP servers inside the portal as DocSpace serves them (ONLYOFFICE/DocSpace-server:
//! `products/ASC.AI/Server/Api/McpController.cs`, `products/ASC.AI/Core/MCP/McpService.cs`,
//! messages from `products/ASC.AI/Core/Resources/ErrorMessages.resx`). The server registered is
//! this repository's own `docspace-mcp`, over streamable HTTP on loopback, pointed at the portal.

mod common;

use common::*;
use docspace_mcp::http::{HttpConfig, HttpServer};
use docspace_testkit::model_server::{KEY, ModelServer};
use serde_json::{Value, json};

const CREDENTIALS: &str = "Authentication failed. Verify your credentials";
const INVALID_URL: &str =
    "The URL path specified is invalid. Please ensure the correct endpoint is used";

/// docspace-mcp in front of the portal; it answers 401 to a request without a bearer token.
async fn mcp_server(p: &docspace_devportal::RunningPortal) -> HttpServer {
    HttpServer::start(
        "127.0.0.1:0".parse().expect("addr"),
        &HttpConfig::new(p.base_url()),
    )
    .await
    .expect("MCP server")
}

fn registration(name: &str, mcp: &HttpServer, key: &str) -> Value {
    json!({
        "name": name,
        "description": "DocSpace tools",
        "endpoint": mcp.url(),
        "headers": { "Authorization": format!("Bearer {key}") },
    })
}

async fn register(owner: &Api, name: &str, mcp: &HttpServer, key: &str) -> String {
    owner
        .post_ok("/api/2.0/ai/servers", registration(name, mcp, key))
        .await["id"]
        .as_str()
        .expect("server id")
        .to_string()
}

async fn agent(owner: &Api, fake: &ModelServer) -> i64 {
    let provider = owner
        .post_ok(
            "/api/2.0/ai/providers",
            json!({ "type": 3, "title": "Local", "url": fake.url, "key": KEY,
                    "modelSettings": [{ "modelId": "model-a", "isEnabled": true }] }),
        )
        .await["id"]
        .as_i64()
        .expect("provider id");
    owner
        .post_ok(
            "/api/2.0/ai/agents",
            json!({ "title": "Helper", "chatSettings": { "providerId": provider, "modelId": "model-a", "prompt": "" } }),
        ).await["id"]
        .as_i64()
        .expect("agent id")
}

#[tokio::test]
async fn a_server_is_checked_by_connecting_then_saved_with_its_headers_in_the_full_dto_only() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let mcp = mcp_server(&p).await;
    let key = p.owner.api_key.clone();

    // `McpServerDto` carries endpoint and headers.
    let r = owner
        .post_ok(
            "/api/2.0/ai/servers",
            registration("docspace-local", &mcp, &key),
        )
        .await;
    assert_eq!(r["name"], "docspace-local");
    assert_eq!(r["endpoint"], mcp.url());
    assert_eq!(r["serverType"], 0);
    assert_eq!(r["enabled"], true);
    assert_eq!(r["headers"]["Authorization"], format!("Bearer {key}"));
    let id = r["id"].as_str().expect("id").to_string();

    // `GET servers/{id}` is the short DTO: neither endpoint nor headers.
    let one = owner.get_ok(&format!("/api/2.0/ai/servers/{id}")).await;
    assert_eq!(one["name"], "docspace-local");
    assert!(
        one.get("endpoint").is_none() && one.get("headers").is_none(),
        "{one}"
    );

    // The list pages with `total`.
    register(&owner, "second", &mcp, &key).await;
    let page = owner
        .get("/api/2.0/ai/servers?startIndex=0&count=1")
        .await
        .expect(200);
    assert_eq!(page.json()["total"], 2);
    assert_eq!(page.response().as_array().map(Vec::len), Some(1));
    assert!(page.response()[0].get("endpoint").is_some());

    // Name rules (`ThrowIfServerNameNotValid`).
    for (name, message) in [
        ("bad name", "Invalid MCP server name"),
        ("docspace", "MCP server name is not allowed"),
        ("github", "MCP server name is not allowed"),
        ("second", "MCP server name is already exists"),
    ] {
        owner
            .post("/api/2.0/ai/servers", registration(name, &mcp, &key))
            .await
            .expect_error(400, message);
    }
    // `[MaxLength(128)]` and `[Url]`.
    owner
        .post(
            "/api/2.0/ai/servers",
            registration(&"n".repeat(129), &mcp, &key),
        )
        .await
        .expect_validation("Name");
    owner
        .post(
            "/api/2.0/ai/servers",
            json!({ "name": "x", "description": "d", "endpoint": "not a url" }),
        )
        .await
        .expect_validation("Endpoint");
}

#[tokio::test]
async fn an_unreachable_or_unauthorized_endpoint_is_refused_with_docspace_messages() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let mcp = mcp_server(&p).await;

    // No bearer token: docspace-mcp answers 401, which is `IncorrectServerCredentials`.
    owner
        .post(
            "/api/2.0/ai/servers",
            json!({ "name": "nokey", "description": "d", "endpoint": mcp.url() }),
        )
        .await
        .expect_error(400, CREDENTIALS);
    // A path that is not MCP answers 404, which is `InvalidUrl`.
    owner
        .post(
            "/api/2.0/ai/servers",
            json!({ "name": "wrongpath", "description": "d", "endpoint": format!("{}/nothing-here", p.base_url()) }),
        )
        .await
        .expect_error(400, INVALID_URL);
    // Nobody listening: an `HttpRequestException` without status, `InvalidUrl` too.
    let dead = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr")
    };
    owner
        .post(
            "/api/2.0/ai/servers",
            json!({ "name": "dead", "description": "d", "endpoint": format!("http://{dead}/mcp") }),
        )
        .await
        .expect_error(400, INVALID_URL);
    // An answer that is not MCP: any other exception, `ServerFailedConnect` (an
    // `InvalidOperationException`).
    let not_mcp = {
        let app = axum::Router::new().route("/mcp", axum::routing::post(|| async { "hello" }));
        let l = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = l.local_addr().expect("addr");
        tokio::spawn(async move {
            let _ = axum::serve(l, app).await;
        });
        format!("http://{addr}/mcp")
    };
    owner
        .post(
            "/api/2.0/ai/servers",
            json!({ "name": "notmcp", "description": "d", "endpoint": not_mcp }),
        )
        .await
        .expect_error(403, "Failed to connect to MCP server");
    // Nothing was saved.
    let list = owner.get("/api/2.0/ai/servers").await.expect(200);
    assert_eq!(list.json()["total"], 0);
}

#[tokio::test]
async fn update_status_delete_and_who_may_do_what() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let mcp = mcp_server(&p).await;
    let key = p.owner.api_key.clone();
    let id = register(&owner, "tools", &mcp, &key).await;
    let user = login(&p, USER).await;
    let guest = login(&p, GUEST).await;

    // Only DocSpace admins manage servers (`ThrowIfNotAccessAsync`).
    user.post("/api/2.0/ai/servers", registration("mine", &mcp, &key))
        .await
        .expect_error(403, "You don't have permission to manage MCP servers");
    user.get("/api/2.0/ai/servers")
        .await
        .expect_error(403, "manage MCP servers");
    user.get(&format!("/api/2.0/ai/servers/{id}"))
        .await
        .expect_error(403, "manage MCP servers");

    // Any non-guest lists the enabled ones; a guest is refused (`GetActiveServersAsync`).
    let avail = user.get_ok("/api/2.0/ai/servers/available").await;
    assert_eq!(avail[0]["id"], id.as_str());
    assert!(avail[0].get("headers").is_none());
    guest.get("/api/2.0/ai/servers/available").await.expect(403);

    // Disabled servers are not available.
    let r = owner
        .put_ok(
            &format!("/api/2.0/ai/servers/{id}/status"),
            json!({ "enabled": false }),
        )
        .await;
    assert_eq!(r["enabled"], false);
    let avail = user.get("/api/2.0/ai/servers/available").await.expect(200);
    assert_eq!(avail.json()["total"], 0);

    // Update: a new name and description; new headers are checked by connecting again.
    let r = owner
        .put_ok(
            &format!("/api/2.0/ai/servers/{id}"),
            json!({ "name": "renamed", "description": "new" }),
        )
        .await;
    assert_eq!(
        (r["name"].as_str(), r["description"].as_str()),
        (Some("renamed"), Some("new"))
    );
    owner
        .put(
            &format!("/api/2.0/ai/servers/{id}"),
            json!({ "headers": {} }),
        )
        .await
        .expect_error(400, CREDENTIALS);
    owner
        .put(
            &format!("/api/2.0/ai/servers/{id}"),
            json!({ "name": "box" }),
        )
        .await
        .expect_error(400, "MCP server name is not allowed");

    // Batch delete: 204, then 404 `ServerNotFound`.
    owner
        .delete("/api/2.0/ai/servers", json!({ "servers": [id] }))
        .await
        .expect(204);
    owner
        .get(&format!("/api/2.0/ai/servers/{id}"))
        .await
        .expect_error(404, "MCP server not found");
}

fn tool_states(v: &Value) -> Vec<(String, bool)> {
    v.as_array()
        .expect("tools")
        .iter()
        .map(|t| {
            (
                t["name"].as_str().expect("name").to_string(),
                t["enabled"].as_bool().expect("enabled"),
            )
        })
        .collect()
}

#[tokio::test]
async fn an_agent_room_gets_up_to_five_servers_and_each_user_switches_their_tools() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let fake = ModelServer::start().await;
    let mcp = mcp_server(&p).await;
    let key = p.owner.api_key.clone();
    let room = agent(&owner, &fake).await;
    let mut ids = Vec::new();
    for i in 0..6 {
        ids.push(register(&owner, &format!("s{i}"), &mcp, &key).await);
    }
    let path = format!("/api/2.0/ai/rooms/{room}/servers");

    let added = owner.post_ok(&path, json!({ "servers": [ids[0]] })).await;
    assert_eq!(added[0]["id"], ids[0].as_str());
    assert_eq!(added[0]["connected"], true);
    owner
        .post(&path, json!({ "servers": [ids[0]] }))
        .await
        .expect_error(400, "The server has already been added to the agent");
    // Five at most (`MaxMcpServersByRoom`).
    owner
        .post(
            &path,
            json!({ "servers": [ids[1], ids[2], ids[3], ids[4], ids[5]] }),
        )
        .await
        .expect_error(400, "Maximum number of servers per room is 5");
    owner
        .post_ok(
            &path,
            json!({ "servers": [ids[1], ids[2], ids[3], ids[4]] }),
        )
        .await;
    assert_eq!(owner.get_ok(&path).await.as_array().map(Vec::len), Some(5));

    // A user outside the room may neither edit it nor use its chat.
    let user = login(&p, USER).await;
    user.post(&path, json!({ "servers": [ids[5]] }))
        .await
        .expect_error(
            403,
            "You don't have enough permission to perform the operation",
        );
    user.get(&path).await.expect(403);

    // Tools come from the MCP server itself; switching one off is kept for this user.
    let tools_path = format!("{path}/{}/tools", ids[0]);
    let tools = tool_states(&owner.get_ok(&tools_path).await);
    assert!(
        tools.iter().any(|(n, on)| n == "get_my_folder" && *on),
        "{tools:?}"
    );
    assert!(tools.iter().all(|(_, on)| *on));
    let after = tool_states(
        &owner
            .put_ok(&tools_path, json!({ "disabledTools": ["get_my_folder"] }))
            .await,
    );
    assert_eq!(after.len(), tools.len());
    for (name, on) in &after {
        assert_eq!(*on, name != "get_my_folder", "{name}");
    }
    let again = tool_states(&owner.get_ok(&tools_path).await);
    assert_eq!(again, after);
    user.get(&tools_path).await.expect(403);

    // Switches are per user: a content creator of the agent (`UseChat`) sees every tool on, and
    // still may not edit the room's servers (`CanEditRoom`).
    owner
        .put_ok(
            &format!("/api/2.0/files/rooms/{room}/share"),
            json!({ "invitations": [{ "id": user_id(&owner, USER).await, "access": 11 }], "notify": false }),
        ).await;
    let theirs = tool_states(&user.get_ok(&tools_path).await);
    assert_eq!(theirs.len(), tools.len());
    assert!(theirs.iter().all(|(_, on)| *on), "{theirs:?}");
    assert_eq!(user.get_ok(&path).await.as_array().map(Vec::len), Some(5));
    user.delete(&path, json!({ "servers": [ids[0]] }))
        .await
        .expect_error(
            403,
            "You don't have enough permission to perform the operation",
        );

    // Removing a server frees a place and forgets its switches; a server not in the room is 404.
    owner
        .delete(&path, json!({ "servers": [ids[0]] }))
        .await
        .expect(204);
    owner
        .get(&tools_path)
        .await
        .expect_error(404, "MCP server not found");
    owner.post_ok(&path, json!({ "servers": [ids[5]] })).await;
}
