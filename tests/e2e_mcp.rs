//! End to end: MCP servers in AI settings, against the devportal, with this repository's
//! `docspace-mcp` over streamable HTTP in front of the portal. An admin registers it (without its
//! key the portal's refusal shows in the form), links it to an agent whose model was picked from
//! the provider's list, switches a tool off, and deletes the server after confirming. With more
//! servers than DocSpace lists a request (104 seeded through the API), every one is listed; one
//! is edited (its header named, its value never shown and kept when left empty; a URL the portal
//! cannot reach refused in place), and switched off and on. Every outcome is read back through
//! the REST API. Agents and chats themselves are in `e2e_agents.rs`.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_mcp::http::{HttpConfig, HttpServer};
use docspace_testkit::model_server::ModelServer;
use support::*;

/// docspace-mcp over streamable HTTP in front of the portal; without a bearer token it answers
/// 401.
async fn mcp_server(stack: &Stack) -> HttpServer {
    HttpServer::start(
        "127.0.0.1:0".parse().expect("addr"),
        &HttpConfig::new(stack.portal.base_url()),
    )
    .await
    .expect("MCP server starts")
}

/// Registers `n` servers named `seed-000`… through the API, each sending `bearer` (the portal
/// connects to every one first), a few at a time.
async fn seed_servers(api: &docspace_api::Client, mcp: &HttpServer, bearer: &str, n: usize) {
    use futures::StreamExt;
    let registered: Vec<_> = futures::stream::iter(0..n)
        .map(|i| async move {
            api.mcp()
                .register(format!("seed-{i:03}"), "Seeded", mcp.url())
                .header("Authorization", bearer)
                .send()
                .await
        })
        .buffer_unordered(8)
        .collect()
        .await;
    for r in registered {
        r.expect("seeded server");
    }
}

/// The row of server `name` in AI settings.
fn server_row(name: &str) -> String {
    format!("[data-testid='mcp-row'][data-name='{name}']")
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_registers_an_mcp_server_links_it_to_an_agent_and_switches_a_tool_off() {
    let stack = Stack::start().await;
    let fake = ModelServer::start().await;
    let mcp = mcp_server(&stack).await;
    let api = stack.api();
    api_provider(&api, &fake).await;
    let (stack, api, mcp) = (&stack, &api, &mcp);
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        click(&driver, "a[href='/agents']").await;
        click(&driver, "[data-testid='ai-settings-link']").await;
        wait_for(&driver, "[data-testid='mcp-servers'] [data-testid='empty-state']").await;

        // Without its key the server refuses the portal, and the portal's words show here.
        fill(&driver, "[data-testid='mcp-name'] input", "docspace-local").await;
        fill(&driver, "[data-testid='mcp-description'] input", "Our DocSpace tools").await;
        fill(&driver, "[data-testid='mcp-url'] input", &mcp.url()).await;
        click(&driver, "[data-testid='add-mcp-submit'] button").await;
        let refused = text_of(&driver, "[data-testid='add-mcp-error']:not([hidden])").await;
        assert!(refused.contains("Authentication failed"), "{refused}");

        // With an Authorization header it is registered and listed, the key not shown.
        click(&driver, "[data-testid='mcp-add-header'] button").await;
        fill(&driver, "[data-testid='mcp-header-name'] input", "Authorization").await;
        let bearer = format!("Bearer {}", stack.portal.owner.api_key);
        fill(&driver, "[data-testid='mcp-header-value'] input", &bearer).await;
        click(&driver, "[data-testid='add-mcp-submit'] button").await;
        wait_for(&driver, "[data-testid='mcp-row'][data-name='docspace-local']").await;
        let section = text_of(&driver, "[data-testid='mcp-servers']").await;
        assert!(section.contains("Authorization"), "{section}");
        assert!(!section.contains(&stack.portal.owner.api_key), "the key is never shown");
        let servers = api.mcp().list(0, 10).await.expect("servers").items;
        assert_eq!(servers.len(), 1, "{servers:?}");
        let server = servers[0].clone();
        assert_eq!(server.endpoint.as_deref(), Some(mcp.url().as_str()));
        assert_eq!(
            server.headers.as_ref().and_then(|h| h.get("Authorization")),
            Some(&bearer)
        );

        // An agent whose model is picked from the provider's list (not its first).
        let id = create_agent_with(&driver, "Librarian", "Use the tools.", Some("model-b")).await;
        let settings = api.ai().agent(id).await.expect("agent").chat_settings.expect("settings");
        assert_eq!(settings.model_id, "model-b");

        // Link the server; its tools are listed live; switch one off.
        click(&driver, "[data-testid='agent-settings-toggle']").await;
        click(
            &driver,
            "[data-testid='agent-mcp-server'][data-name='docspace-local'] input[type='checkbox']",
        )
        .await;
        let tool = "[data-testid='mcp-tool'][data-name='get_room_info'] input";
        wait_for(&driver, tool).await;
        let linked = api.mcp().room_servers(id).await.expect("room servers");
        assert_eq!(linked.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), [server.id.as_str()]);
        click(&driver, tool).await;
        let off = eventually("get_room_info is switched off", || async {
            let tools = api.mcp().tools(id, &server.id).await.ok()?;
            let t = tools.iter().find(|t| t.name == "get_room_info")?;
            (!t.enabled).then_some(tools)
        })
        .await;
        assert!(
            off.iter().filter(|t| t.name != "get_room_info").all(|t| t.enabled),
            "only that tool is off: {off:?}"
        );
        let js = "const b = document.querySelector(\"[data-testid='mcp-tool'][data-name='get_room_info'] input\");\
                  return !!b && !b.checked && !b.disabled;";
        wait_until(&driver, js).await;

        // Back in AI settings, the server is deleted after confirming; it leaves the agent too.
        click(&driver, "a[href='/agents']").await;
        click(&driver, "[data-testid='ai-settings-link']").await;
        wait_for(&driver, "[data-testid='mcp-row'][data-name='docspace-local']").await;
        confirm(&driver, "mcp-delete").await;
        wait_for(&driver, "[data-testid='mcp-servers'] [data-testid='empty-state']").await;
        assert!(api.mcp().list(0, 10).await.expect("servers").items.is_empty());
        assert!(api.mcp().room_servers(id).await.expect("room servers").is_empty());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_pages_past_100_servers_edits_one_and_switches_it_off_and_on() {
    let stack = Stack::start().await;
    let mcp = mcp_server(&stack).await;
    let api = stack.api();
    let key = stack.portal.owner.api_key.clone();
    let bearer = format!("Bearer {key}");
    // DocSpace lists at most 100 a request (`PaginatedRequestDto`): 104 need a second page.
    seed_servers(&api, &mcp, &bearer, 104).await;
    let past_first_page = api.mcp().list(100, 100).await.expect("second page");
    assert_eq!(past_first_page.total, Some(104));
    let last = past_first_page
        .items
        .last()
        .expect("a server past 100")
        .clone();
    let edited = api.mcp().list(0, 1).await.expect("first page").items[0].clone();
    let (stack, api, mcp, bearer, key) = (&stack, &api, &mcp, &bearer, &key);
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        click(&driver, "a[href='/agents']").await;
        click(&driver, "[data-testid='ai-settings-link']").await;

        // Every server is listed, those past the first page too.
        wait_for(&driver, &server_row(&last.name)).await;
        let rows = js(&driver, "return document.querySelectorAll(\"[data-testid='mcp-row']\").length").await;
        assert_eq!(rows, 104);

        // Edit: a new name and description; the header is named, its value never shown, and
        // left empty it is kept.
        let row = server_row(&edited.name);
        click(&driver, &format!("{row} [data-testid='mcp-edit'] button")).await;
        let form = "[data-testid='edit-mcp']";
        let named = js(
            &driver,
            "return [...document.querySelectorAll(\"[data-testid='edit-mcp'] [data-testid='mcp-header-name'] input\")].map(i => i.value)",
        )
        .await;
        assert_eq!(named, serde_json::json!(["Authorization"]));
        let shown = js(
            &driver,
            &format!("return [...document.querySelectorAll('input')].some(i => i.value.includes({key:?})) || document.body.innerText.includes({key:?})"),
        )
        .await;
        assert_eq!(shown, false, "the header's value is never on the page");
        fill(&driver, &format!("{form} [data-testid='edit-mcp-name'] input"), "renamed-tools").await;
        fill(&driver, &format!("{form} [data-testid='edit-mcp-description'] input"), "Renamed").await;
        click(&driver, "[data-testid='edit-mcp-save'] button").await;
        wait_for(&driver, &format!("{}:not(:has({form}))", server_row("renamed-tools"))).await;
        let now = api.mcp().list(0, 100).await.expect("servers").items;
        let now = now.iter().find(|s| s.id == edited.id).expect("still there");
        assert_eq!(now.name, "renamed-tools");
        assert_eq!(now.description.as_deref(), Some("Renamed"));
        assert_eq!(
            now.headers.as_ref().and_then(|h| h.get("Authorization")),
            Some(bearer),
            "the empty value kept the header"
        );

        // A URL the portal cannot reach is refused, in the portal's words, and nothing changes.
        let row = server_row("renamed-tools");
        click(&driver, &format!("{row} [data-testid='mcp-edit'] button")).await;
        fill(&driver, &format!("{form} [data-testid='edit-mcp-url'] input"), "http://127.0.0.1:9/mcp").await;
        click(&driver, "[data-testid='edit-mcp-save'] button").await;
        let refused = text_of(&driver, "[data-testid='edit-mcp-error']:not([hidden])").await;
        assert!(!refused.trim().is_empty(), "the refusal says why");
        let unchanged = api.mcp().list(0, 100).await.expect("servers").items;
        let unchanged = unchanged.iter().find(|s| s.id == edited.id).expect("still there");
        assert_eq!(unchanged.endpoint.as_deref(), Some(mcp.url().as_str()));

        // Back to the right URL and one more header: the headers go whole, the kept value with
        // the new one.
        fill(&driver, &format!("{form} [data-testid='edit-mcp-url'] input"), &mcp.url()).await;
        click(&driver, "[data-testid='edit-mcp-add-header'] button").await;
        let new_row = format!("{form} [data-testid='mcp-header']:last-of-type");
        fill(&driver, &format!("{new_row} [data-testid='mcp-header-name'] input"), "X-Team").await;
        fill(&driver, &format!("{new_row} [data-testid='mcp-header-value'] input"), "blue").await;
        click(&driver, "[data-testid='edit-mcp-save'] button").await;
        wait_for(&driver, &format!("{row}:not(:has({form}))")).await;
        let headers = eventually("the new header is saved", || async {
            let all = api.mcp().list(0, 100).await.ok()?.items;
            let h = all.into_iter().find(|s| s.id == edited.id)?.headers?;
            (h.len() == 2).then_some(h)
        })
        .await;
        assert_eq!(headers.get("Authorization"), Some(bearer));
        assert_eq!(headers.get("X-Team").map(String::as_str), Some("blue"));

        // Switched off, then on again, on the portal.
        let switch = format!("{row} [data-testid='mcp-enabled'] input");
        click(&driver, &switch).await;
        wait_for(&driver, &format!("{row}[data-enabled='false']")).await;
        assert!(!api.mcp().get(&edited.id).await.expect("server").enabled);
        let offered: Vec<_> = {
            use futures::TryStreamExt;
            api.mcp().stream_available().try_collect().await.expect("available")
        };
        assert_eq!(offered.len(), 103);
        assert!(offered.iter().all(|s| s.id != edited.id), "a server switched off is offered to no agent");
        click(&driver, &switch).await;
        wait_for(&driver, &format!("{row}[data-enabled='true']")).await;
        assert!(api.mcp().get(&edited.id).await.expect("server").enabled);
    })
    .await;
}
