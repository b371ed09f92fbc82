//! The server over streamable HTTP, driven by the official Rust MCP client (rmcp) and by raw
//! HTTP where the transport's own answers (401, 403) are the point.

mod common;

use common::Stack;
use docspace_mcp::Toolset;
use rmcp::ServiceExt;
use rmcp::model::{CallToolRequestParams, CallToolResult, JsonObject};
use rmcp::service::{RoleClient, RunningService};
use rmcp::transport::StreamableHttpClientTransport;
use rmcp::transport::streamable_http_client::StreamableHttpClientTransportConfig;
use serde_json::{Value, json};

async fn connect(url: String, key: String) -> RunningService<RoleClient, ()> {
    let transport = StreamableHttpClientTransport::from_config(
        StreamableHttpClientTransportConfig::with_uri(url).auth_header(key),
    );
    ().serve(transport).await.expect("MCP handshake")
}

async fn call(client: &RunningService<RoleClient, ()>, tool: &str, args: Value) -> CallToolResult {
    let args: JsonObject = serde_json::from_value(args).expect("arguments object");
    client
        .call_tool(CallToolRequestParams::new(tool.to_string()).with_arguments(args))
        .await
        .unwrap_or_else(|e| panic!("{tool}: {e}"))
}

fn text(r: &CallToolResult) -> String {
    serde_json::to_value(r).expect("result JSON")["content"][0]["text"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn json_of(r: &CallToolResult) -> Value {
    assert_ne!(r.is_error, Some(true), "tool error: {}", text(r));
    serde_json::from_str(&text(r)).expect("the answer is JSON")
}

#[tokio::test]
async fn the_rust_client_lists_the_tools_creates_a_room_and_finds_it() {
    let stack = Stack::start().await;
    let client = connect(stack.mcp.url(), stack.api_key()).await;

    let tools = client.list_all_tools().await.expect("tools/list");
    let mut names: Vec<_> = tools.iter().map(|t| t.name.to_string()).collect();
    names.sort();
    let expected = [
        "archive_room",
        "copy_batch_items",
        "create_folder",
        "create_room",
        "delete_file",
        "delete_folder",
        "download_file_as_text",
        "get_all_people",
        "get_file_info",
        "get_folder_content",
        "get_folder_info",
        "get_my_folder",
        "get_room_access_levels",
        "get_room_info",
        "get_room_security_info",
        "get_room_types",
        "get_rooms_folder",
        "move_batch_items",
        "rename_folder",
        "set_room_security",
        "update_file",
        "update_room",
        "upload_file",
    ];
    assert_eq!(names, expected);
    let create = tools
        .iter()
        .find(|t| t.name == "create_room")
        .expect("create_room");
    let schema = serde_json::to_value(&create.input_schema).expect("schema");
    assert_eq!(schema["properties"]["title"]["type"], "string", "{schema}");
    assert!(
        schema["properties"]["title"]["description"]
            .as_str()
            .is_some(),
        "inputs carry descriptions: {schema}"
    );

    let room = json_of(
        &call(
            &client,
            "create_room",
            json!({"title": "Board minutes", "roomType": 2}),
        )
        .await,
    );
    assert_eq!(room["title"], "Board minutes");
    let room_id = room["id"].as_i64().expect("room id");

    // Arguments shaped for the official server (`filters.fields`) are accepted.
    let rooms = json_of(
        &call(
            &client,
            "get_rooms_folder",
            json!({"filters": {"fields": ["id", "title"], "count": 50}}),
        )
        .await,
    );
    let found = rooms["folders"]
        .as_array()
        .expect("folders")
        .iter()
        .any(|r| r["id"].as_i64() == Some(room_id) && r["title"] == "Board minutes");
    assert!(found, "the new room is listed: {rooms}");

    // A file round trip through the room, and the room's access levels.
    let file = json_of(
        &call(
            &client,
            "upload_file",
            json!({"parentId": room_id, "filename": "notes.txt", "content": "quorum reached"}),
        )
        .await,
    );
    let text_back = call(
        &client,
        "download_file_as_text",
        json!({"fileId": file["id"]}),
    )
    .await;
    assert_eq!(text(&text_back), "quorum reached");
    let levels = json_of(
        &call(
            &client,
            "get_room_access_levels",
            json!({"roomId": room_id}),
        )
        .await,
    );
    assert!(
        levels
            .as_array()
            .expect("levels")
            .iter()
            .any(|l| l["access"] == 10),
        "{levels}"
    );

    client.cancel().await.expect("close");
    assert_eq!(stack.portal.stats().rate_limited, 0);
}

#[tokio::test]
async fn a_portal_error_comes_back_as_a_tool_error_with_the_portals_message() {
    let stack = Stack::start().await;
    let client = connect(stack.mcp.url(), stack.api_key()).await;
    let r = call(&client, "get_room_info", json!({"roomId": 987654})).await;
    assert_eq!(r.is_error, Some(true), "{r:?}");
    let message = text(&r);
    assert!(message.contains("404"), "{message}");
    assert!(message.contains("The room could not be found"), "{message}");

    // A wrong key reaches the portal and comes back as its 401, as a tool error too.
    let stranger = connect(stack.mcp.url(), "sk-not-a-key".into()).await;
    let r = call(&stranger, "get_rooms_folder", json!({})).await;
    assert_eq!(r.is_error, Some(true), "{r:?}");
    assert!(text(&r).contains("401"), "{}", text(&r));
    client.cancel().await.expect("close");
    stranger.cancel().await.expect("close");
}

#[tokio::test]
async fn toolsets_limit_what_is_exposed() {
    let stack = Stack::with_toolsets(&[Toolset::People]).await;
    let client = connect(stack.mcp.url(), stack.api_key()).await;
    let tools = client.list_all_tools().await.expect("tools/list");
    let names: Vec<_> = tools.iter().map(|t| t.name.to_string()).collect();
    assert_eq!(names, ["get_all_people"]);
    let people = json_of(&call(&client, "get_all_people", json!({"filters": {"count": 5}})).await);
    assert!(
        !people["people"].as_array().expect("people").is_empty(),
        "{people}"
    );
    let err = client
        .call_tool(CallToolRequestParams::new("create_room"))
        .await;
    assert!(
        err.is_err(),
        "a tool outside the toolsets is unknown: {err:?}"
    );
    client.cancel().await.expect("close");
}

fn initialize_body() -> Value {
    json!({
        "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                   "clientInfo": {"name": "raw", "version": "0"}}
    })
}

#[tokio::test]
async fn a_request_without_authorization_gets_401() {
    let stack = Stack::start().await;
    let http = reqwest::Client::new();
    let post = || {
        http.post(stack.mcp.url())
            .header("accept", "application/json, text/event-stream")
            .json(&initialize_body())
    };
    let r = post().send().await.expect("POST");
    assert_eq!(r.status(), 401);
    assert_eq!(
        r.headers()
            .get("www-authenticate")
            .and_then(|v| v.to_str().ok()),
        Some("Bearer")
    );
    let r = post()
        .header("authorization", "Basic dXNlcjpwdw==")
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 401);
    // With a key the same request is served.
    let r = post()
        .bearer_auth(stack.api_key())
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 200);
    // The health check needs no credentials.
    let health = format!("http://{}/health", stack.mcp.addr());
    assert_eq!(http.get(health).send().await.expect("GET").status(), 200);
}

#[tokio::test]
async fn a_foreign_host_or_origin_is_refused() {
    let stack = Stack::start().await;
    let http = reqwest::Client::new();
    let post = || {
        http.post(stack.mcp.url())
            .bearer_auth(stack.api_key())
            .header("accept", "application/json, text/event-stream")
            .json(&initialize_body())
    };
    // A page on evil.example whose name now resolves to 127.0.0.1 (DNS rebinding).
    let r = post()
        .header("host", "evil.example")
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 403);
    let r = post()
        .header("origin", "https://evil.example")
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 403);
    let r = post()
        .header("origin", "http://localhost:5173")
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn ending_a_session_answers_204() {
    let stack = Stack::start().await;
    let http = reqwest::Client::new();
    let r = http
        .post(stack.mcp.url())
        .bearer_auth(stack.api_key())
        .header("accept", "application/json, text/event-stream")
        .json(&initialize_body())
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 200);
    let session = r
        .headers()
        .get("mcp-session-id")
        .and_then(|v| v.to_str().ok())
        .expect("a session id")
        .to_string();
    let r = http
        .delete(stack.mcp.url())
        .bearer_auth(stack.api_key())
        .header("mcp-session-id", &session)
        .send()
        .await
        .expect("DELETE");
    assert_eq!(r.status(), 204);
}
