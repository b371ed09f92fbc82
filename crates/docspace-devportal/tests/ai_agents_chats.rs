//! Agents (rooms of type 9) and their chats, streamed as DocSpace streams them
//! (ONLYOFFICE/DocSpace-server: `products/ASC.AI/Server/Api/AgentsController.cs` (`DeleteAgent`
//! with `DeleteRoomRequestDto`, `products/ASC.Files/Core/ApiModels/RequestDto/DeleteRoomRequestDto.cs`),
//! `products/ASC.AI/Server/Api/ChatController.cs` `StreamSentEventAsync`,
//! `products/ASC.AI/Core/Chat/Completion/ChatCompletionGenerator.cs`).

mod common;

use common::*;
use docspace_devportal::RunningPortal;
use docspace_testkit::model_server::{KEY, ModelServer, TOKENS};
use serde_json::{Value, json};

async fn provider(owner: &Api, fake: &ModelServer) -> i64 {
    owner
        .post_ok(
            "/api/2.0/ai/providers",
            json!({ "type": 3, "title": "Local", "url": fake.url, "key": KEY,
                    "modelSettings": [{ "modelId": "model-a", "isEnabled": true }] }),
        )
        .await["id"]
        .as_i64()
        .expect("provider id")
}

async fn agent(api: &Api, provider: i64, prompt: &str) -> Value {
    api.post_ok(
        "/api/2.0/ai/agents",
        json!({ "title": "Helper", "chatSettings": { "providerId": provider, "modelId": "model-a", "prompt": prompt } }),
    ).await
}

/// Where every test here starts: a portal with a model provider on the fake model server, and an
/// agent a room admin made with a prompt.
struct Setup {
    p: RunningPortal,
    fake: ModelServer,
    owner: Api,
    pid: i64,
    room_admin: Api,
    agent: Value,
}

impl Setup {
    async fn new(prompt: &str) -> Self {
        let p = unlimited_portal().await;
        let fake = ModelServer::start().await;
        let owner = Api::owner(&p);
        let pid = provider(&owner, &fake).await;
        let room_admin = login(&p, ROOM_ADMIN).await;
        let agent = agent(&room_admin, pid, prompt).await;
        Setup {
            p,
            fake,
            owner,
            pid,
            room_admin,
            agent,
        }
    }

    fn id(&self) -> i64 {
        self.agent["id"].as_i64().expect("agent id")
    }
}

/// `(event, data)` pairs of an event stream, checking DocSpace's framing: blocks split by a blank
/// line, each exactly `event: …` then one `data: …` line; `:` comments skipped.
fn events(body: &str) -> Vec<(String, Value)> {
    assert!(body.ends_with("\n\n"), "unterminated stream: {body:?}");
    body.split("\n\n")
        .filter(|b| !b.is_empty() && !b.starts_with(':'))
        .map(|b| {
            let lines: Vec<&str> = b.split('\n').collect();
            assert_eq!(lines.len(), 2, "block {b:?}");
            let name = lines[0].strip_prefix("event: ").expect("event line");
            let data = lines[1].strip_prefix("data: ").expect("data line");
            (name.to_string(), json(data))
        })
        .collect()
}

fn names(ev: &[(String, Value)]) -> Vec<&str> {
    ev.iter().map(|(n, _)| n.as_str()).collect()
}

#[tokio::test]
async fn agents_are_ai_rooms_with_knowledge_and_result_storage_and_chat_settings() {
    // `_fake` and `_owner` keep the model server and the owner's client alive to the end.
    let Setup {
        p,
        fake: _fake,
        owner: _owner,
        pid,
        room_admin,
        agent: a,
    } = Setup::new("Be brief.").await;
    assert_eq!(a["roomType"], 9);
    assert_eq!(a["chatSettings"]["providerId"], pid);
    assert_eq!(a["chatSettings"]["modelId"], "model-a");
    assert_eq!(a["chatSettings"]["prompt"], "Be brief.");
    let id = a["id"].as_i64().expect("id");
    let content = room_admin.get_ok(&format!("/api/2.0/files/{id}")).await;
    let mut sub = titles(&content, "folders");
    sub.sort();
    assert_eq!(sub, vec!["Knowledge", "Result storage"]);
    let types: Vec<i64> = content["folders"]
        .as_array()
        .expect("folders")
        .iter()
        .filter_map(|f| f["type"].as_i64())
        .collect();
    assert!(types.contains(&32) && types.contains(&33), "{types:?}");

    let list = room_admin.get_ok("/api/2.0/ai/agents").await;
    // The demo seed's AI room is listed too.
    assert!(titles(&list, "folders").contains(&"Helper".to_string()));
    let got = room_admin.get_ok(&format!("/api/2.0/ai/agents/{id}")).await;
    assert_eq!(got["chatSettings"]["prompt"], "Be brief.");
    let upd = room_admin
        .put_ok(
            &format!("/api/2.0/ai/agents/{id}"),
            json!({ "chatSettings": { "providerId": pid, "modelId": "model-a", "prompt": "Be kind." } }),
        ).await;
    assert_eq!(upd["chatSettings"]["prompt"], "Be kind.");

    // Users may not create agents (`FileSecurity`: not `isUser`).
    let user = login(&p, USER).await;
    user.post(
        "/api/2.0/ai/agents",
        json!({ "title": "X", "chatSettings": { "providerId": pid, "modelId": "model-a" } }),
    )
    .await
    .expect_error(403, "Access denied");
    // The model must be one the provider offers now.
    room_admin
        .post(
            "/api/2.0/ai/agents",
            json!({ "title": "X", "chatSettings": { "providerId": pid, "modelId": "model-b" } }),
        )
        .await
        .expect(400);
    room_admin
        .post("/api/2.0/ai/agents", json!({ "title": "X" }))
        .await
        .expect_validation("ChatSettings");
    room_admin
        .get("/api/2.0/ai/agents/999999")
        .await
        .expect_error(404, "Folder not found");
}

/// `PUT ai/agents/{id}` with only a title renames; `DELETE ai/agents/{id}` (`AgentsController.
/// DeleteAgent`: 404 unless an AI room, `CanDeleteAsync`, then a delete published with
/// `immediately: true`) answers a finished `FileOperationDto` and takes the chats with it.
#[tokio::test]
async fn an_agent_is_renamed_by_title_alone_and_deleted_by_its_owner_only() {
    let setup = Setup::new("Be brief.").await;
    let Setup {
        owner,
        room_admin,
        agent: a,
        ..
    } = &setup;
    let id = a["id"].as_i64().expect("id");

    let renamed = room_admin
        .put_ok(
            &format!("/api/2.0/ai/agents/{id}"),
            json!({ "title": "Reviewer" }),
        )
        .await;
    assert_eq!(renamed["title"], "Reviewer");
    assert_eq!(
        renamed["chatSettings"]["prompt"], "Be brief.",
        "the settings stay"
    );

    // A chat, to see it go with the agent.
    let body = room_admin
        .post(
            &format!("/api/2.0/ai/rooms/{id}/chats"),
            json!({ "message": "Hi" }),
        )
        .await
        .expect(200)
        .text();
    let chat_id = events(&body)
        .iter()
        .find(|(n, _)| n == "message_start")
        .and_then(|(_, d)| d["chatId"].as_str().map(str::to_string))
        .expect("a new chat");

    // Not an agent: 404, even for an ordinary room the caller could delete.
    let room = create_room(room_admin, "Plain", json!(2)).await;
    room_admin
        .delete(
            &format!("/api/2.0/ai/agents/{}", room["id"]),
            json!({ "deleteAfter": false }),
        )
        .await
        .expect_error(404, "not found");
    // A room that is not archived is deleted by its owner only, not even by a DocSpace admin
    // (`FileSecurity.cs`: `case FolderType.VirtualRooms: case FolderType.AiAgents:`).
    owner
        .delete(
            &format!("/api/2.0/ai/agents/{id}"),
            json!({ "deleteAfter": false }),
        )
        .await
        .expect(403);

    let op = room_admin
        .delete_ok(
            &format!("/api/2.0/ai/agents/{id}"),
            json!({ "deleteAfter": false }),
        )
        .await;
    assert_eq!(op["finished"], true, "{op}");
    assert_eq!(op["error"], "", "{op}");
    room_admin
        .get(&format!("/api/2.0/ai/agents/{id}"))
        .await
        .expect_error(404, "Folder not found");
    room_admin
        .get(&format!("/api/2.0/ai/chats/{chat_id}"))
        .await
        .expect_error(404, "Chat not found");
}

#[tokio::test]
async fn a_chat_streams_the_providers_tokens_sending_the_prompt_and_the_history() {
    let setup = Setup::new("You are a test agent.").await;
    let Setup {
        fake,
        owner,
        room_admin,
        ..
    } = &setup;
    let id = setup.id();

    let r = room_admin
        .post(
            &format!("/api/2.0/ai/rooms/{id}/chats"),
            json!({ "message": "Hi there" }),
        )
        .await
        .expect(200);
    assert_eq!(
        r.headers.get("content-type").and_then(|v| v.to_str().ok()),
        Some("text/event-stream")
    );
    let ev = events(&r.text());
    assert_eq!(
        names(&ev),
        vec![
            "message_start",
            "new_token",
            "new_token",
            "new_token",
            "message_stop"
        ]
    );
    let chat_id = ev[0].1["chatId"].as_str().expect("chatId").to_string();
    let tokens: Vec<&str> = ev[1..4]
        .iter()
        .filter_map(|(_, d)| d["text"].as_str())
        .collect();
    assert_eq!(tokens, TOKENS);
    assert!(ev[4].1["messageId"].as_i64().is_some_and(|m| m > 0));

    let sent = fake.requests();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["model"], "model-a");
    assert_eq!(sent[0]["stream"], true);
    assert_eq!(
        sent[0]["messages"],
        json!([{ "role": "system", "content": "You are a test agent." },
               { "role": "user", "content": "Hi there" }])
    );

    let r = room_admin
        .post(
            &format!("/api/2.0/ai/chats/{chat_id}/messages"),
            json!({ "message": "Again" }),
        )
        .await
        .expect(200);
    let ev = events(&r.text());
    assert_eq!(names(&ev).first(), Some(&"message_start"));
    assert_eq!(names(&ev).last(), Some(&"message_stop"));
    let sent = fake.requests();
    assert_eq!(
        sent[1]["messages"],
        json!([{ "role": "system", "content": "You are a test agent." },
               { "role": "user", "content": "Hi there" },
               { "role": "assistant", "content": "Hello, world" },
               { "role": "user", "content": "Again" }])
    );

    let msgs = room_admin
        .get(&format!("/api/2.0/ai/chats/{chat_id}/messages"))
        .await
        .expect(200);
    assert_eq!(msgs.json()["total"], 4);
    let m = msgs.response();
    assert_eq!(m[0]["role"], 0);
    assert_eq!(m[0]["contents"], json!([{ "type": 0, "text": "Hi there" }]));
    assert_eq!(m[1]["role"], 1);
    assert_eq!(
        m[1]["contents"],
        json!([{ "type": 0, "text": "Hello, world" }])
    );

    let chats = room_admin
        .get_ok(&format!("/api/2.0/ai/rooms/{id}/chats"))
        .await;
    assert_eq!(chats[0]["id"], chat_id);
    assert_eq!(chats[0]["title"], "Hi there");

    // Private to its creator: the portal owner is no member and not the chat's creator.
    owner
        .get(&format!("/api/2.0/ai/chats/{chat_id}/messages"))
        .await
        .expect_error(403, "You don't have permission to use chat");
    owner
        .post(
            &format!("/api/2.0/ai/chats/{chat_id}/messages"),
            json!({ "message": "x" }),
        )
        .await
        .expect_error(403, "You don't have permission to use chat");
    owner
        .post(
            &format!("/api/2.0/ai/rooms/{id}/chats"),
            json!({ "message": "x" }),
        )
        .await
        .expect_error(403, "You don't have permission to use chat");
    assert_eq!(
        fake.requests().len(),
        2,
        "refused turns never reach the model"
    );

    room_admin
        .put_ok(
            &format!("/api/2.0/ai/chats/{chat_id}"),
            json!({ "name": "Renamed" }),
        )
        .await;
    room_admin
        .delete(&format!("/api/2.0/ai/chats/{chat_id}"), json!({}))
        .await
        .expect(204);
    room_admin
        .get(&format!("/api/2.0/ai/chats/{chat_id}"))
        .await
        .expect_error(404, "Chat not found");
}

#[tokio::test]
async fn a_failing_provider_streams_an_error_keeps_the_message_and_invents_nothing() {
    let setup = Setup::new("").await;
    let Setup {
        fake, room_admin, ..
    } = &setup;
    let id = setup.id();
    fake.fail_chat(true);
    let r = room_admin
        .post(
            &format!("/api/2.0/ai/rooms/{id}/chats"),
            json!({ "message": "Hello?" }),
        )
        .await
        .expect(200);
    let ev = events(&r.text());
    assert_eq!(names(&ev), vec!["message_start", "error", "message_stop"]);
    let msg = ev[1].1["message"].as_str().expect("message");
    assert!(msg.contains("the model crashed"), "{msg}");
    assert!(!msg.contains(KEY));
    assert_eq!(ev[2].1["messageId"], 0);
    let chat_id = ev[0].1["chatId"].as_str().expect("chatId").to_string();
    // No prompt set: no system message.
    assert_eq!(
        fake.requests()[0]["messages"],
        json!([{ "role": "user", "content": "Hello?" }])
    );
    let msgs = room_admin
        .get(&format!("/api/2.0/ai/chats/{chat_id}/messages"))
        .await
        .expect(200);
    assert_eq!(msgs.json()["total"], 1, "only the user's message");
    assert_eq!(msgs.response()[0]["role"], 0);

    // A continued chat whose provider fails: `error`, then `message_stop` with no message.
    let r = room_admin
        .post(
            &format!("/api/2.0/ai/chats/{chat_id}/messages"),
            json!({ "message": "Still there?" }),
        )
        .await
        .expect(200);
    assert_eq!(names(&events(&r.text())), vec!["error", "message_stop"]);
    let msgs = room_admin
        .get(&format!("/api/2.0/ai/chats/{chat_id}/messages"))
        .await
        .expect(200);
    assert_eq!(msgs.json()["total"], 2);
    assert!(
        msgs.response()
            .as_array()
            .expect("messages")
            .iter()
            .all(|m| m["role"] == 0)
    );
}
