//! End to end: AI agents in the app, against the devportal and the testkit's OpenAI-compatible
//! model server on loopback (it streams known tokens, can hold an answer after its first token
//! until the test lets it go on, and can fail). An admin registers the model server as a
//! provider in AI settings (a wrong key is refused with the portal's message), creates an agent,
//! chats and sees the answer arrive token by token, stops an answer (the model server sees the
//! request go away), sees a provider failure explained under the kept message, reopens the chat
//! from its history, and adds a file to the agent's knowledge. A user who is not an admin is not offered the AI settings.
//! Agents and chats are renamed and deleted (after confirming). Every outcome is read back
//! through the REST API. MCP servers are in `e2e_mcp.rs`.

#![cfg(not(target_arch = "wasm32"))]

mod support;

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

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_creates_an_agent_and_chats_with_streamed_stopped_and_failed_answers() {
    let stack = Stack::start().await;
    let fake = ModelServer::start().await;
    let api = stack.api();
    let (stack, api, fake) = (&stack, &api, &fake);
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
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
        let dir = DiskFiles::new();
        let path = dir.write("facts.txt", "The sky is blue.");
        let input = wait_for(&driver, "[data-testid='upload-input']").await;
        choose_file(&input, &path).await;
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
            assert!(absent(&driver, css).await, "{css} is not offered");
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

#[tokio::test(flavor = "multi_thread")]
async fn an_agent_and_its_chat_are_renamed_and_deleted_and_its_model_changed_from_the_list() {
    let stack = Stack::start().await;
    let fake = ModelServer::start().await;
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
        stack.sign_in_owner(&driver).await;
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
