//! The typed MCP-server and web-plugin calls against an in-process devportal. The MCP server is a
//! minimal streamable-HTTP one on loopback (JSON answers) that wants a bearer token, so the
//! portal's connection check and tool listing run for real.

#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;

use axum::Json;
use axum::Router;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use docspace_api::api::MAX_SERVERS_PER_ROOM;
use docspace_api::{Client, Error};
use docspace_devportal::PortalConfig;
use docspace_testkit::model_server::{KEY, ModelServer};
use serde_json::{Value, json};

const TOKEN: &str = "Bearer mcp-secret";
const TOOLS: [&str; 3] = ["search", "summarize", "translate"];

async fn mcp(headers: HeaderMap, Json(msg): Json<Value>) -> Response {
    if headers.get("authorization").and_then(|v| v.to_str().ok()) != Some(TOKEN) {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let Some(id) = msg.get("id").cloned() else {
        // A notification.
        return StatusCode::ACCEPTED.into_response();
    };
    let result = match msg["method"].as_str() {
        Some("initialize") => json!({
            "protocolVersion": "2025-03-26", "capabilities": { "tools": {} },
            "serverInfo": { "name": "loopback", "version": "1" },
        }),
        Some("tools/list") => json!({
            "tools": TOOLS.iter().map(|t| json!({ "name": t, "inputSchema": { "type": "object" } })).collect::<Vec<_>>(),
        }),
        _ => json!({}),
    };
    Json(json!({ "jsonrpc": "2.0", "id": id, "result": result })).into_response()
}

async fn mcp_server() -> String {
    let app = Router::new().route("/mcp", post(mcp));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}/mcp")
}

async fn owner_client() -> (docspace_devportal::RunningPortal, Client) {
    let portal = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("devportal");
    let client = Client::builder(portal.base_url())
        .api_key(&portal.owner.api_key)
        .build()
        .expect("client");
    (portal, client)
}

#[tokio::test]
async fn mcp_servers_rooms_and_tools_through_the_typed_client() {
    let (_portal, client) = owner_client().await;
    let endpoint = mcp_server().await;
    let mcp = client.mcp();

    // Checked before sending.
    for bad in ["docspace", "bad name", ""] {
        let r = mcp.register(bad, "d", &endpoint).send().await;
        assert!(
            matches!(r, Err(Error::InvalidInput { field: "name", .. })),
            "{bad}: {r:?}"
        );
    }
    assert!(matches!(
        mcp.register("x", "d", "ftp://host/mcp").send().await,
        Err(Error::InvalidInput {
            field: "endpoint",
            ..
        })
    ));
    assert!(matches!(
        mcp.get("not-a-guid").await,
        Err(Error::InvalidInput { .. })
    ));

    // The portal connects first: without the token the server says 401.
    let err = mcp
        .register("loop", "Loopback", &endpoint)
        .send()
        .await
        .expect_err("refused");
    assert!(err.to_string().contains("Authentication failed"), "{err}");

    let s = mcp
        .register("loop", "Loopback", &endpoint)
        .header("Authorization", TOKEN)
        .send()
        .await
        .expect("registered");
    assert!(s.enabled);
    assert_eq!(
        s.headers
            .as_ref()
            .and_then(|h| h.get("Authorization"))
            .map(String::as_str),
        Some(TOKEN)
    );
    let short = mcp.get(&s.id).await.expect("get");
    assert_eq!(short.name, "loop");
    let page = mcp.list(0, 10).await.expect("list");
    assert_eq!((page.items.len(), page.total), (1, Some(1)));
    let renamed = mcp
        .update(&s.id)
        .name("loop2")
        .send()
        .await
        .expect("update");
    assert_eq!(renamed.name, "loop2");
    assert!(!mcp.set_enabled(&s.id, false).await.expect("off").enabled);
    assert_eq!(mcp.available(0, 10).await.expect("available").items, vec![]);
    mcp.set_enabled(&s.id, true).await.expect("on");

    // An agent room takes it; tools come from the server; switches are kept.
    let fake = ModelServer::start().await;
    let ai = client.ai();
    let provider = ai
        .create_provider("Local", &fake.url, KEY)
        .enable_model("model-a")
        .send()
        .await
        .expect("provider");
    let agent = ai
        .create_agent("Helper", provider.id, "model-a")
        .send()
        .await
        .expect("agent");
    let statuses = mcp.add_to_room(agent.id, &[&s.id]).await.expect("added");
    assert_eq!(statuses.len(), 1);
    assert!(statuses[0].connected);
    assert_eq!(
        mcp.room_servers(agent.id).await.expect("room servers"),
        statuses
    );
    let tools = mcp.tools(agent.id, &s.id).await.expect("tools");
    assert_eq!(
        tools.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        TOOLS
    );
    let after = mcp
        .set_disabled_tools(agent.id, &s.id, &["summarize"])
        .await
        .expect("set");
    assert_eq!(
        after
            .iter()
            .filter(|t| !t.enabled)
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>(),
        ["summarize"]
    );
    let six: Vec<&str> = std::iter::repeat_n(s.id.as_str(), MAX_SERVERS_PER_ROOM + 1).collect();
    assert!(matches!(
        mcp.add_to_room(agent.id, &six).await,
        Err(Error::InvalidInput { .. })
    ));
    let err = mcp
        .add_to_room(agent.id, &[&s.id])
        .await
        .expect_err("twice");
    assert!(err.to_string().contains("already been added"), "{err}");
    mcp.remove_from_room(agent.id, &[&s.id])
        .await
        .expect("removed");
    assert_eq!(
        mcp.room_servers(agent.id).await.expect("room servers"),
        vec![]
    );
    mcp.delete(&[&s.id]).await.expect("deleted");
    assert!(mcp.get(&s.id).await.is_err());
}

fn plugin_zip(version: &str) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    let config = json!({ "name": "hello", "pluginName": "hello", "version": version, "cspDomains": "https://cdn.example.com" });
    w.start_file("config.json", opts).expect("entry");
    w.write_all(config.to_string().as_bytes()).expect("write");
    w.start_file("plugin.js", opts).expect("entry");
    w.write_all(b"window.Plugins = window.Plugins || {};")
        .expect("write");
    w.finish().expect("zip").into_inner()
}

#[tokio::test]
async fn web_plugins_through_the_typed_client() {
    let (_portal, client) = owner_client().await;
    let plugins = client.plugins();
    assert!(matches!(
        plugins.upload("p.txt", b"x").await,
        Err(Error::InvalidInput { .. })
    ));
    assert!(matches!(
        plugins.upload("p.zip", b"").await,
        Err(Error::InvalidInput { .. })
    ));
    assert!(matches!(
        plugins
            .upload("p.zip", &vec![0u8; docspace_api::api::PLUGIN_MAX_SIZE + 1])
            .await,
        Err(Error::InvalidInput { .. })
    ));
    let err = plugins
        .upload("p.zip", b"not a zip")
        .await
        .expect_err("refused");
    assert!(err.to_string().contains("Wrong plugin archive"), "{err}");

    let p = plugins
        .upload("hello.zip", &plugin_zip("1.0"))
        .await
        .expect("uploaded");
    assert!(p.enabled);
    assert!(p.url.ends_with("/plugin.js?hash=1.0"), "{}", p.url);
    assert_eq!(plugins.get("hello").await.expect("get"), p);
    assert!(matches!(
        plugins.update("hello", true, &"x".repeat(256)).await,
        Err(Error::InvalidInput {
            field: "settings",
            ..
        })
    ));
    plugins
        .update("hello", false, "{\"a\":1}")
        .await
        .expect("update");
    let off = plugins.list(Some(false)).await.expect("list");
    assert_eq!(off.len(), 1);
    assert_eq!(off[0].settings.as_deref(), Some("{\"a\":1}"));
    assert_eq!(plugins.list(Some(true)).await.expect("list"), vec![]);
    plugins.delete("hello").await.expect("delete");
    assert_eq!(plugins.list(None).await.expect("list"), vec![]);
}

#[tokio::test]
async fn every_server_is_streamed_past_the_portals_100_a_page() {
    use futures::TryStreamExt;
    let (_portal, client) = owner_client().await;
    let url = mcp_server().await;
    let mcp = client.mcp();
    for i in 0..103 {
        mcp.register(format!("s{i:03}"), "Seeded", url.as_str())
            .header("Authorization", TOKEN)
            .send()
            .await
            .expect("registered");
    }
    // `PaginatedRequestDto`: at most 100 a request.
    let first = mcp.list(0, 100).await.expect("first page");
    assert_eq!((first.items.len(), first.total), (100, Some(103)));
    let all: Vec<_> = mcp.stream().try_collect().await.expect("streamed");
    let mut names: Vec<_> = all.iter().map(|s| s.name.clone()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 103, "each server once");
}

#[tokio::test]
async fn a_plugin_upload_reports_its_progress_to_the_end() {
    use std::sync::{Arc, Mutex};
    let (_portal, client) = owner_client().await;
    let zip = plugin_zip("1.0");
    let seen = Arc::new(Mutex::new(Vec::new()));
    let told = seen.clone();
    let p = client
        .plugins()
        .upload_with_progress("hello.zip", &zip, move |p| {
            if let Ok(mut s) = told.lock() {
                s.push(p);
            }
        })
        .await
        .expect("uploaded");
    assert_eq!(p.name, "hello");
    let seen = seen.lock().expect("progress").clone();
    let last = seen.last().expect("progress told");
    // The multipart body is a little larger than the package.
    assert!(last.bytes_total > zip.len() as u64, "{last:?}");
    assert_eq!(
        (last.bytes_sent, last.chunks_sent, last.chunks_total),
        (last.bytes_total, 1, 1)
    );
    assert_eq!(last.fraction(), 1.0);
}
