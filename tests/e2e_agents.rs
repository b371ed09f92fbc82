//! End to end: AI agents in the app, against the devportal and the testkit's OpenAI-compatible
//! model server on loopback (it streams known tokens, can hold an answer after its first token
//! until the test lets it go on, and can fail). An admin registers the model server as a
//! provider in AI settings (a wrong key is refused with the portal's message), creates an agent,
//! chats and sees the answer arrive token by token, stops an answer (the model server sees the
//! request go away), sees a provider failure explained under the kept message, reopens the chat
//! from its history, and adds a file to the agent's knowledge. A user who is not an admin is not offered the AI settings.
//!
//! MCP: an admin registers this repository's `docspace-mcp` (over streamable HTTP, in front of
//! the portal) in AI settings (without its key the portal's refusal shows in the form), links it
//! to an agent whose model was picked from the provider's list, switches a tool off, and deletes
//! the server after confirming. Agents and chats are renamed and deleted (after confirming).
//! With more servers than DocSpace lists a request (104 seeded through the API), every one is
//! listed; one is edited (its header named, its value never shown and kept when left empty; a
//! URL the portal cannot reach refused in place), and switched off and on.
//! Every outcome is read back through the REST API.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_mcp::http::{HttpConfig, HttpServer};
use docspace_testkit::model_server::{KEY, ModelServer};
use support::*;

/// Waits until the transcript's last turn is in state `state` with the answer `answer` so far.
async fn until_turn(driver: &WebDriver, state: &str, answer: &str) {
    let js = format!(
        "const t = [...document.querySelectorAll(\"[data-testid='chat-turn']\")].pop();\
         const a = t && t.querySelector(\"[data-testid='chat-answer']\");\
         return !!t && t.dataset.state === {state:?} && (a ? a.textContent : '') === {answer:?};"
    );
    wait_until(driver, &js).await;
}

/// Types `text` into the chat box and sends it.
async fn ask(driver: &WebDriver, text: &str) {
    fill(driver, "[data-testid='chat-input']", text).await;
    click(driver, "[data-testid='chat-send'] button").await;
}

/// Registers the model server as provider "Local" through AI settings: first with a wrong key,
/// which the portal refuses with its own message, then with the right one.
async fn register_provider(driver: &WebDriver, fake: &ModelServer) {
    click(driver, "a[href='/agents']").await;
    click(driver, "[data-testid='ai-settings-link']").await;
    wait_for(driver, "[data-testid='ai-access-state']").await;
    fill(driver, "[data-testid='provider-title'] input", "Local").await;
    fill(driver, "[data-testid='provider-url'] input", &fake.url).await;
    fill(driver, "[data-testid='provider-key'] input", "wrong-key").await;
    click(driver, "[data-testid='add-provider-submit'] button").await;
    let refused = text_of(driver, "[data-testid='add-provider-error']:not([hidden])").await;
    assert!(
        refused.contains("The specified API key is invalid"),
        "{refused}"
    );
    fill(driver, "[data-testid='provider-key'] input", KEY).await;
    click(driver, "[data-testid='add-provider-submit'] button").await;
    wait_for(driver, "[data-testid='provider-row'][data-title='Local']").await;
    // The key is not kept in the form once sent, nor shown in the list.
    let key_field = wait_for(driver, "[data-testid='provider-key'] input").await;
    assert_eq!(
        key_field.prop("value").await.expect("value"),
        Some(String::new())
    );
    let page = text_of(driver, "[data-testid='ai-settings']").await;
    assert!(!page.contains(KEY), "the key is never shown");
}

/// Creates agent `title` with the instructions `prompt` from the Agents page; returns its id
/// (from the page's address).
async fn create_agent(driver: &WebDriver, title: &str, prompt: &str) -> i64 {
    create_agent_with(driver, title, prompt, None).await
}

/// [`create_agent`], picking `model` from the provider's list when given.
async fn create_agent_with(
    driver: &WebDriver,
    title: &str,
    prompt: &str,
    model: Option<&str>,
) -> i64 {
    click(driver, "a[href='/agents']").await;
    click(driver, "[data-testid='new-agent'] button").await;
    fill(driver, "[data-testid='agent-title'] input", title).await;
    // The provider and its first model are chosen once listed.
    wait_until(
        driver,
        "const s = document.querySelector(\"[data-testid='agent-model'] select\");\
         return s && s.value === 'model-a';",
    )
    .await;
    if let Some(m) = model {
        choose(driver, "agent-model", m).await;
    }
    fill(driver, "[data-testid='agent-prompt']", prompt).await;
    click(driver, "[data-testid='new-agent-create'] button").await;
    assert_eq!(text_of(driver, "[data-testid='agent-name']").await, title);
    let url = driver.current_url().await.expect("url");
    url.path()
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("an agent's address: {url}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_creates_an_agent_and_chats_with_streamed_stopped_and_failed_answers() {
    let stack = Stack::start().await;
    let fake = ModelServer::start().await;
    let owner = stack.portal.owner.clone();
    let api = stack.api();
    let (stack, api, fake) = (&stack, &api, &fake);
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), &owner.email, &owner.password, false).await;
        register_provider(&driver, fake).await;
        let id = create_agent(&driver, "Helper", "Be brief.").await;
        let agent = api.ai().agent(id).await.expect("agent");
        let settings = agent.chat_settings.expect("chat settings");
        assert_eq!(
            (settings.model_id.as_str(), settings.prompt.as_str()),
            ("model-a", "Be brief.")
        );

        // The answer shows its first token while the model is still writing.
        let gate = fake.hold_after(1);
        ask(&driver, "Hi").await;
        until_turn(&driver, "streaming", "Hello").await;
        wait_for(&driver, "[data-testid='chat-stop'] button").await;
        gate.open();
        until_turn(&driver, "done", "Hello, world").await;
        let sent = fake.requests();
        let first = sent.first().expect("the model was asked");
        assert_eq!(first["messages"][0]["content"], "Be brief.", "{first}");
        assert_eq!(first["model"], "model-a");

        // Stop: what arrived stays, the request goes away, the box is free again.
        let gate = fake.hold_after(1);
        ask(&driver, "Again").await;
        until_turn(&driver, "streaming", "Hello").await;
        click(&driver, "[data-testid='chat-stop'] button").await;
        until_turn(&driver, "stopped", "Hello").await;
        eventually("the model server saw the answer cancelled", || async {
            (fake.cancelled() > 0).then_some(())
        })
        .await;
        gate.open();
        wait_for(&driver, "[data-testid='chat-send'] button").await;

        // A provider failure is explained in place, under the user's message, which is kept.
        fake.fail_chat(true);
        ask(&driver, "Fail please").await;
        let failure = text_of(&driver, "[data-testid='chat-error']").await;
        assert!(failure.contains("the model crashed"), "{failure}");
        let questions = driver
            .find_all(By::Css("[data-testid='chat-question']"))
            .await
            .expect("questions");
        let last = questions
            .last()
            .expect("a question")
            .text()
            .await
            .expect("text");
        assert_eq!(last, "Fail please");
        fake.fail_chat(false);

        // The chat is kept: listed in the history, and reopened from it with its messages.
        click(&driver, "[data-testid='chat-new'] button").await;
        wait_until(
            &driver,
            "return !document.querySelector(\"[data-testid='chat-turn']\");",
        )
        .await;
        click(&driver, "[data-testid='chat-history-item']").await;
        let js = "const q = [...document.querySelectorAll(\"[data-testid='chat-question']\")]\
                  .map(e => e.textContent); return q.length === 3 && q;";
        let questions = wait_until(&driver, js).await;
        assert_eq!(questions, serde_json::json!(["Hi", "Again", "Fail please"]));
        let answers = text_of(&driver, "[data-testid='chat-answer']").await;
        assert_eq!(answers, "Hello, world");

        // Knowledge: the agent's Knowledge folder opens in the room browser, which uploads.
        let knowledge = text_of(&driver, ".agents__knowledge").await;
        assert!(knowledge.contains("0 files"), "{knowledge}");
        click(&driver, "[data-testid='agent-knowledge']").await;
        wait_until(
            &driver,
            "const t = document.querySelector(\"[data-testid='folder-title']\");\
             return t && t.textContent === 'Knowledge';",
        )
        .await;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("facts.txt");
        std::fs::write(&path, "The sky is blue.").expect("write");
        let input = wait_for(&driver, "[data-testid='upload-input']").await;
        input
            .send_keys(path.to_string_lossy())
            .await
            .expect("choose file");
        wait_for(&driver, "[data-testid='upload-item'][data-state='done']").await;
        click(&driver, "a[href='/agents']").await;
        click(&driver, "[data-testid='agent-link']").await;
        let js = "const k = document.querySelector('.agents__knowledge');\
                  return k && k.textContent.includes('1 file');";
        wait_until(&driver, js).await;
    })
    .await;
    let chats = api
        .ai()
        .chats(api_agent_id(api).await)
        .await
        .expect("chats");
    assert_eq!(chats.len(), 1, "one chat, kept");
}

/// The id of the agent "Helper", through REST.
async fn api_agent_id(api: &docspace_api::Client) -> i64 {
    let agents = api.ai().agents().await.expect("agents");
    let helper: Vec<_> = agents.iter().filter(|a| a.title == "Helper").collect();
    assert_eq!(helper.len(), 1, "{agents:?}");
    helper[0].id
}

#[tokio::test(flavor = "multi_thread")]
async fn a_user_who_is_not_an_admin_is_not_offered_ai_settings_or_new_agent() {
    let stack = Stack::start().await;
    let password = stack.portal.owner.password.clone();
    let stack = &stack;
    with_browser(|driver| async move {
        // A demo user of type User: may chat, may not create agents or manage AI.
        sign_in(&driver, &stack.url(), "user@example.com", &password, false).await;
        click(&driver, "a[href='/agents']").await;
        // The agents this user can see (the demo data has one), or none: not an error.
        wait_for(
            &driver,
            "[data-testid='agents-list'], [data-testid='empty-state']",
        )
        .await;
        for css in [
            "[data-testid='ai-settings-link']",
            "[data-testid='new-agent']",
        ] {
            assert!(
                driver
                    .find_all(By::Css(css))
                    .await
                    .expect("find")
                    .is_empty(),
                "{css} is not offered"
            );
        }
        // Reached by its address (in the page, keeping the in-memory session), the settings
        // say who they are for instead of failing.
        driver
            .execute(
                "history.pushState({}, '', '/agents/settings');\
                 dispatchEvent(new PopStateEvent('popstate'));",
                Vec::new(),
            )
            .await
            .expect("navigate");
        let note = text_of(&driver, "[data-testid='ai-settings']").await;
        assert!(note.contains("AI settings are for admins"), "{note}");
    })
    .await;
}

/// The model server as provider "Local" with both its models enabled, through REST (the UI for
/// providers is the first test's).
async fn api_provider(api: &docspace_api::Client, fake: &ModelServer) -> i64 {
    api.ai()
        .create_provider("Local", fake.url.clone(), KEY)
        .enable_model("model-a")
        .enable_model("model-b")
        .send()
        .await
        .expect("provider")
        .id
}

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

/// Clicks the action `testid` (a [`ConfirmInline`]) and then its confirming button.
async fn confirm(driver: &WebDriver, testid: &str) {
    click(driver, &format!("[data-testid='{testid}'] button")).await;
    click(
        driver,
        &format!("[data-testid='{testid}-confirm'] button:first-of-type"),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_registers_an_mcp_server_links_it_to_an_agent_and_switches_a_tool_off() {
    let stack = Stack::start().await;
    let fake = ModelServer::start().await;
    let mcp = mcp_server(&stack).await;
    let owner = stack.portal.owner.clone();
    let api = stack.api();
    api_provider(&api, &fake).await;
    let (stack, api, mcp) = (&stack, &api, &mcp);
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), &owner.email, &owner.password, false).await;
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
async fn an_agent_and_its_chat_are_renamed_and_deleted_and_its_model_changed_from_the_list() {
    let stack = Stack::start().await;
    let fake = ModelServer::start().await;
    let owner = stack.portal.owner.clone();
    let api = stack.api();
    let provider = api_provider(&api, &fake).await;
    let agent = api
        .ai()
        .create_agent("Helper", provider, "model-a")
        .send()
        .await
        .expect("agent");
    let id = agent.id;
    let (stack, api) = (&stack, &api);
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), &owner.email, &owner.password, false).await;
        click(&driver, "a[href='/agents']").await;
        click(&driver, &format!("a[href='/agents/{id}']")).await;
        wait_for(&driver, "[data-testid='agent-name']").await;

        // A chat, renamed in the list.
        ask(&driver, "Hi").await;
        until_turn(&driver, "done", "Hello, world").await;
        click(&driver, "[data-testid='chat-rename'] button").await;
        fill(&driver, "[data-testid='chat-rename-form'] input", "Greetings").await;
        click(&driver, "[data-testid='chat-rename-save'] button").await;
        wait_for(&driver, "[data-testid='chat-row'][data-title='Greetings']").await;
        let chats = api.ai().chats(id).await.expect("chats");
        assert_eq!(
            chats.iter().map(|c| c.title.as_str()).collect::<Vec<_>>(),
            ["Greetings"]
        );

        // Deleting asks first; the open chat goes and the panel is empty again.
        confirm(&driver, "chat-delete").await;
        wait_until(
            &driver,
            "return !document.querySelector(\"[data-testid='chat-row']\") &&\
                    !document.querySelector(\"[data-testid='chat-turn']\");",
        )
        .await;
        assert!(api.ai().chats(id).await.expect("chats").is_empty());

        // The model is changed by picking it from the provider's list.
        click(&driver, "[data-testid='agent-settings-toggle']").await;
        wait_until(
            &driver,
            "const s = document.querySelector(\"[data-testid='agent-settings'] [data-testid='agent-model'] select\");\
             return !!s && s.options.length === 2;",
        )
        .await;
        choose(&driver, "agent-model", "model-b").await;
        click(&driver, "[data-testid='agent-save'] button").await;
        let js = "const m = document.querySelector(\"[data-testid='agent-model-name']\");\
                  return !!m && m.textContent === 'model-b';";
        wait_until(&driver, js).await;
        let settings = api.ai().agent(id).await.expect("agent").chat_settings.expect("settings");
        assert_eq!(settings.model_id, "model-b");

        // Renamed: the page's title follows, the settings stay.
        click(&driver, "[data-testid='agent-rename'] button").await;
        fill(&driver, "[data-testid='agent-rename-form'] input", "Reviewer").await;
        click(&driver, "[data-testid='agent-rename-save'] button").await;
        let js = "const h = document.querySelector(\"[data-testid='agent-name']\");\
                  return !!h && h.textContent === 'Reviewer';";
        wait_until(&driver, js).await;
        let renamed = api.ai().agent(id).await.expect("agent");
        assert_eq!(renamed.title, "Reviewer");
        assert_eq!(renamed.chat_settings.expect("settings").model_id, "model-b");

        // Deleted after confirming: back to the list, and gone from the portal.
        confirm(&driver, "agent-delete").await;
        eventually("the agents list is shown", || {
            let driver = driver.clone();
            async move {
                let url = driver.current_url().await.ok()?;
                (url.path() == "/agents").then_some(())
            }
        })
        .await;
        let err = api.ai().agent(id).await.expect_err("deleted");
        assert!(
            matches!(err, docspace_api::Error::NotFound { .. }),
            "{err:?}"
        );
    })
    .await;
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
async fn an_admin_pages_past_100_servers_edits_one_and_switches_it_off_and_on() {
    let stack = Stack::start().await;
    let mcp = mcp_server(&stack).await;
    let owner = stack.portal.owner.clone();
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
        sign_in(&driver, &stack.url(), &owner.email, &owner.password, false).await;
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
