//! The typed AI calls against an in-process devportal and a fake OpenAI-compatible model server
//! on loopback (docspace-testkit's model server).

#![cfg(not(target_arch = "wasm32"))]

use docspace_api::api::ChatEvent;
use docspace_api::{Client, Error};
use docspace_devportal::PortalConfig;
use docspace_testkit::model_server::{KEY, ModelServer, TOKENS};
use futures::TryStreamExt;

#[tokio::test]
async fn providers_agents_and_chats_through_the_typed_client() {
    let portal = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("devportal");
    let fake = ModelServer::start().await;
    let client = Client::builder(portal.base_url())
        .api_key(&portal.owner.api_key)
        .build()
        .expect("client");
    let ai = client.ai();
    assert!(ai.access().await.expect("access"));

    // Refused with DocSpace's message when the models cannot be listed.
    let err = ai
        .create_provider("Local", &fake.url, "wrong-key")
        .enable_model("model-a")
        .send()
        .await
        .expect_err("refused");
    assert!(
        err.to_string().contains("The specified API key is invalid"),
        "{err}"
    );
    assert!(matches!(
        ai.create_provider("Local", &fake.url, KEY).send().await,
        Err(Error::InvalidInput { .. })
    ));

    // The preview lists the models before registering, and refuses a wrong key the same way.
    let preview = ai.preview_models(&fake.url, KEY).await.expect("preview");
    let ids: Vec<&str> = preview.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["model-a", "model-b"]);
    assert!(preview.iter().all(|m| !m.is_enabled));
    let err = ai
        .preview_models(&fake.url, "wrong-key")
        .await
        .expect_err("refused");
    assert!(
        err.to_string().contains("The specified API key is invalid"),
        "{err}"
    );

    let p = ai
        .create_provider("Local", &fake.url, KEY)
        .enable_model("model-a")
        .send()
        .await
        .expect("provider");
    assert_eq!(p.provider_type, 3);
    assert_eq!(ai.providers().await.expect("list"), vec![p.clone()]);
    let models = ai.models(Some(p.id)).await.expect("models");
    assert_eq!(models.len(), 1);
    assert_eq!(models[0].model_id, "model-a");

    let agent = ai
        .create_agent("Helper", p.id, "model-a")
        .prompt("Be brief.")
        .send()
        .await
        .expect("agent");
    assert_eq!(agent.room_type, 9);
    assert_eq!(
        agent.chat_settings.as_ref().map(|s| s.prompt.as_str()),
        Some("Be brief.")
    );
    assert_eq!(ai.agent(agent.id).await.expect("agent"), agent);
    // The demo data has an agent of its own.
    let listed = ai.agents().await.expect("agents");
    assert_eq!(
        listed.iter().filter(|a| **a == agent).count(),
        1,
        "{listed:?}"
    );
    let edited = ai
        .update_agent(agent.id, p.id, "model-a", "Be thorough.")
        .await
        .expect("updated");
    assert_eq!(
        edited.chat_settings.as_ref().map(|s| s.prompt.as_str()),
        Some("Be thorough.")
    );

    let events: Vec<ChatEvent> = ai
        .start_chat(agent.id, "Hi")
        .await
        .expect("turn")
        .try_collect()
        .await
        .expect("events");
    let Some(ChatEvent::Start { chat_id, .. }) = events.first().cloned() else {
        panic!("no message_start: {events:?}");
    };
    let tokens: Vec<String> = events
        .iter()
        .filter_map(|e| match e {
            ChatEvent::Token(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(tokens, TOKENS);
    assert!(matches!(events.last(), Some(ChatEvent::Stop(id)) if *id > 0));
    assert_eq!(events.len(), 2 + TOKENS.len(), "{events:?}");

    fake.fail_chat(true);
    let events: Vec<ChatEvent> = ai
        .send_message(&chat_id, "Again")
        .await
        .expect("turn")
        .try_collect()
        .await
        .expect("events");
    assert!(
        events
            .iter()
            .any(|e| matches!(e, ChatEvent::Error(m) if m.message.contains("the model crashed"))),
        "{events:?}"
    );
    assert!(!events.iter().any(|e| matches!(e, ChatEvent::Token(_))));

    let msgs = ai.messages(&chat_id).await.expect("messages");
    let texts: Vec<(i32, String)> = msgs.iter().map(|m| (m.role, m.text())).collect();
    assert_eq!(
        texts,
        vec![
            (0, "Hi".to_string()),
            (1, "Hello, world".to_string()),
            (0, "Again".to_string())
        ]
    );
    assert_eq!(ai.chats(agent.id).await.expect("chats")[0].id, chat_id);

    fake.fail_chat(false);
    // Renaming a chat and an agent; deleting them (the agent takes its chats along).
    let chat = ai
        .rename_chat(&chat_id, "Greetings")
        .await
        .expect("renamed");
    assert_eq!(
        (chat.id.as_str(), chat.title.as_str()),
        (chat_id.as_str(), "Greetings")
    );
    assert!(matches!(
        ai.rename_chat(&chat_id, " ").await,
        Err(Error::InvalidInput { .. })
    ));
    let renamed = ai
        .rename_agent(agent.id, "Reviewer")
        .await
        .expect("renamed");
    assert_eq!(renamed.title, "Reviewer");
    assert_eq!(renamed.chat_settings, edited.chat_settings, "settings kept");
    ai.delete_chat(&chat_id).await.expect("chat deleted");
    assert!(ai.chats(agent.id).await.expect("chats").is_empty());
    let other = ai
        .create_agent("Doomed", p.id, "model-a")
        .send()
        .await
        .expect("agent");
    ai.start_chat(other.id, "Hi")
        .await
        .expect("turn")
        .try_collect::<Vec<_>>()
        .await
        .expect("events");
    let op = ai.delete_agent(other.id).await.expect("agent deleted");
    assert!(op.finished, "{op:?}");
    assert!(matches!(
        ai.agent(other.id).await,
        Err(Error::NotFound { .. })
    ));

    ai.delete_providers(&[p.id]).await.expect("deleted");
    assert!(ai.providers().await.expect("list").is_empty());
    assert!(!ai.set_access(false).await.expect("off"));
    assert!(ai.providers().await.is_err());
}
