//! `/api/2.0/ai/*` and `settings/ai-access`: the AI switch, OpenAI-compatible providers, agents
//! (rooms of type 9) and their chats (<https://api.onlyoffice.com/docspace/api-backend/>, tags
//! "AI / Providers", "AI / Agents", "AI / Chat").
//!
//! A chat turn answers with server-sent events, which [`AiHandler::send_message`] and
//! [`AiHandler::start_chat`] yield one by one as they arrive, as a [`ChatStream`] of typed
//! [`ChatEvent`](super::ChatEvent)s (native and wasm32 alike; see [`super::chat_stream`]).

use serde::Deserialize;

use super::ai_bodies::{
    AgentBody, AgentTitle, ChatName, ChatSettingsBody, Ids, MessageBody, ModelSetting, NewProvider,
    PreviewProvider,
};
use super::bodies::{DeleteOptions, Enabled};
use super::chat_stream::ChatStream;
use crate::client::Client;
use crate::error::Error;
use crate::models::FileOperation;
use crate::request::{Request, seg};
use crate::sse::{DEFAULT_MAX_BLOCK, SseParser};
use crate::validate;

pub use super::ai_bodies::OPENAI_COMPATIBLE;
/// The longest agent title (`CreateAgentRequestDto.Title`, `[StringLength(170)]`).
pub const AGENT_TITLE_MAX: usize = 170;
/// The longest chat name (`RenameChatBody.Name`, `[MaxLength(255)]`).
pub const CHAT_NAME_MAX: usize = 255;

/// `AiProviderDto` (never with the key).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Provider {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// `ProviderType`.
    #[serde(rename = "type")]
    pub provider_type: i32,
    /// Base URL.
    #[serde(default)]
    pub url: Option<String>,
    /// The key can no longer be read and must be entered again.
    #[serde(default)]
    pub need_reset: bool,
    /// The portal's default provider.
    #[serde(default)]
    pub is_default: bool,
}

/// `ModelDto`: a model an agent may use.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Model {
    /// Provider id.
    pub provider_id: i64,
    /// Provider title.
    pub provider_title: String,
    /// Model id.
    pub model_id: String,
    /// Display name.
    #[serde(default)]
    pub alias: Option<String>,
}

/// A model a provider offers, with whether agents may use it (`ModelSettingsDto`), as
/// [`AiHandler::preview_models`] lists them before the provider is registered.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderModel {
    /// Model id.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub alias: Option<String>,
    /// Agents may use it.
    #[serde(default)]
    pub is_enabled: bool,
}

/// `ChatSettingsDto` of an agent.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatSettings {
    /// Provider id.
    pub provider_id: i64,
    /// Model id.
    pub model_id: String,
    /// Instructions (the system prompt).
    #[serde(default)]
    pub prompt: String,
}

/// An agent's `FolderDto`, the fields AI needs.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Agent {
    /// Room id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// `RoomType` (9).
    pub room_type: i32,
    /// Provider, model and prompt.
    #[serde(default)]
    pub chat_settings: Option<ChatSettings>,
}

/// `ChatDto`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Chat {
    /// GUID.
    pub id: String,
    /// Title.
    pub title: String,
}

/// `MessageDto`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    /// Id.
    pub id: i64,
    /// 0 user, 1 assistant.
    pub role: i32,
    /// Polymorphic contents (`{type: 0, text}` for text).
    pub contents: Vec<serde_json::Value>,
}

impl Message {
    /// The text contents joined.
    pub fn text(&self) -> String {
        self.contents
            .iter()
            .filter_map(|c| c["text"].as_str())
            .collect()
    }
}

/// AI; get one with [`Client::ai`].
#[derive(Debug, Clone, Copy)]
pub struct AiHandler<'c> {
    client: &'c Client,
    max_event: usize,
}

#[derive(Deserialize)]
struct AgentPage {
    #[serde(default)]
    folders: Vec<Agent>,
}

#[derive(Deserialize)]
struct Access {
    enabled: bool,
}

impl<'c> AiHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        AiHandler {
            client,
            max_event: DEFAULT_MAX_BLOCK,
        }
    }

    /// The largest event of a chat answer it accepts, in bytes (default 1 MiB): a larger one
    /// ends the stream with [`Error::EventTooLarge`] instead of filling memory.
    pub fn max_event_bytes(mut self, bytes: usize) -> Self {
        self.max_event = bytes;
        self
    }

    /// Whether AI is switched on for the portal (`GET settings/ai-access`).
    pub async fn access(&self) -> Result<bool, Error> {
        let a: Access = self.client.call(Request::get("settings/ai-access")).await?;
        Ok(a.enabled)
    }

    /// Switches AI on or off (DocSpace admins).
    pub async fn set_access(&self, enabled: bool) -> Result<bool, Error> {
        let req = Request::post("settings/ai-access")
            .json(&Enabled { enabled })?
            .idempotent(true);
        let a: Access = self.client.call(req).await?;
        Ok(a.enabled)
    }

    /// Starts registering an OpenAI-compatible provider (DocSpace admins).
    pub fn create_provider(
        &self,
        title: impl Into<String>,
        url: impl Into<String>,
        key: impl Into<String>,
    ) -> CreateProviderBuilder<'c> {
        CreateProviderBuilder {
            client: self.client,
            title: title.into(),
            url: url.into(),
            key: key.into(),
            models: Vec::new(),
        }
    }

    /// The portal's providers (admins and room admins).
    pub async fn providers(&self) -> Result<Vec<Provider>, Error> {
        self.client.call(Request::get("ai/providers")).await
    }

    /// The models a provider at `url` would offer with `key`, listed live before it is
    /// registered (`POST ai/providers/models/preview`, DocSpace admins). A provider whose models
    /// cannot be listed is refused with the portal's message, as registering it would be.
    pub async fn preview_models(
        &self,
        url: impl Into<String>,
        key: impl Into<String>,
    ) -> Result<Vec<ProviderModel>, Error> {
        let key = key.into();
        if key.is_empty() {
            return Err(Error::invalid("key", "the key is empty"));
        }
        // A POST although it changes nothing: the key goes in the body, never in a URL.
        let url = url.into();
        let req = Request::post("ai/providers/models/preview")
            .json(&PreviewProvider {
                provider_type: OPENAI_COMPATIBLE,
                url: &url,
                key: &key,
            })?
            .idempotent(true);
        self.client.call(req).await
    }

    /// Deletes providers.
    pub async fn delete_providers(&self, ids: &[i64]) -> Result<(), Error> {
        if ids.is_empty() {
            return Err(Error::invalid("ids", "give at least one provider"));
        }
        let req = Request::delete("ai/providers").json(&Ids { ids })?;
        self.client.execute(req).await.map(|_| ())
    }

    /// The models agents may use, of one provider or of all.
    pub async fn models(&self, provider: Option<i64>) -> Result<Vec<Model>, Error> {
        let req = Request::get("ai/chats/models").query_opt("provider", provider);
        self.client.call(req).await
    }

    /// Starts creating an agent.
    pub fn create_agent(
        &self,
        title: impl Into<String>,
        provider_id: i64,
        model_id: impl Into<String>,
    ) -> CreateAgentBuilder<'c> {
        CreateAgentBuilder {
            client: self.client,
            title: title.into(),
            provider_id,
            model_id: model_id.into(),
            prompt: String::new(),
        }
    }

    /// The agents the caller can see, most recently changed first (`GET ai/agents`).
    pub async fn agents(&self) -> Result<Vec<Agent>, Error> {
        let page: AgentPage = self.client.call(Request::get("ai/agents")).await?;
        Ok(page.folders)
    }

    /// Changes an agent's provider, model and prompt (`PUT ai/agents/{id}`, who may edit the
    /// room).
    pub async fn update_agent(
        &self,
        id: i64,
        provider_id: i64,
        model_id: impl Into<String>,
        prompt: impl Into<String>,
    ) -> Result<Agent, Error> {
        let req = Request::put(format!("ai/agents/{}", seg(id)))
            .json(&AgentBody {
                title: None,
                chat_settings: ChatSettingsBody {
                    provider_id,
                    model_id: &model_id.into(),
                    prompt: &prompt.into(),
                },
            })?
            .idempotent(true);
        self.client.call(req).await
    }

    /// Renames an agent, keeping its provider, model and instructions (`PUT ai/agents/{id}` with
    /// only a title; who may edit the room).
    pub async fn rename_agent(&self, id: i64, title: impl Into<String>) -> Result<Agent, Error> {
        let title = title.into();
        validate::title("title", &title, AGENT_TITLE_MAX)?;
        let req = Request::put(format!("ai/agents/{}", seg(id)))
            .json(&AgentTitle { title: &title })?
            .idempotent(true);
        self.client.call(req).await
    }

    /// Deletes an agent with its chats and knowledge, and waits until the portal has
    /// (`DELETE ai/agents/{id}`, the room's owner only). DocSpace deletes it at once, past the
    /// trash: there is no undo.
    pub async fn delete_agent(&self, id: i64) -> Result<FileOperation, Error> {
        // The body is required (`DeleteRoomRequestDto`); `deleteAfter: false` keeps the
        // operation's record until it has been read.
        let req = Request::delete(format!("ai/agents/{}", seg(id))).json(&DeleteOptions {
            delete_after: Some(false),
            immediately: None,
        })?;
        let op: super::OneOrMany<FileOperation> = self.client.call(req).await?;
        let op = op.first().ok_or_else(|| Error::Decode {
            message: "the portal started no operation".into(),
            snippet: String::new(),
        })?;
        self.client.operations().wait(&op).send().await
    }

    /// One agent.
    pub async fn agent(&self, id: i64) -> Result<Agent, Error> {
        self.client
            .call(Request::get(format!("ai/agents/{}", seg(id))))
            .await
    }

    /// Starts a new chat with an agent: the answer's events as they arrive, the first being
    /// [`ChatEvent::Start`](super::ChatEvent::Start) with the new chat's id. See [`AiHandler::send_message`].
    pub async fn start_chat(
        &self,
        agent_id: i64,
        message: impl Into<String>,
    ) -> Result<ChatStream, Error> {
        self.turn(format!("ai/rooms/{}/chats", seg(agent_id)), message.into())
            .await
    }

    /// Sends the next message of a chat. Resolves once the portal has accepted it (a refusal,
    /// such as a chat of someone else's, is the usual typed error), to a [`ChatStream`] of the
    /// answer's events as they arrive. Dropping the stream stops the answer.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client, chat_id: &str) -> Result<(), docspace_api::Error> {
    /// use docspace_api::api::ChatEvent;
    /// use futures::StreamExt;
    ///
    /// let mut answer = client.ai().send_message(chat_id, "Summarize the contract").await?;
    /// while let Some(event) = answer.next().await {
    ///     match event? {
    ///         ChatEvent::Token(text) => print!("{text}"),
    ///         ChatEvent::Error(e) => eprintln!("the model failed: {}", e.message),
    ///         ChatEvent::Stop(message_id) => println!(" (message {message_id})"),
    ///         _ => {}
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn send_message(
        &self,
        chat_id: &str,
        message: impl Into<String>,
    ) -> Result<ChatStream, Error> {
        self.turn(
            format!("ai/chats/{}/messages", seg(chat_id)),
            message.into(),
        )
        .await
    }

    async fn turn(&self, path: String, message: String) -> Result<ChatStream, Error> {
        if message.trim().is_empty() {
            return Err(Error::invalid("message", "the message is empty"));
        }
        // Not idempotent: a resend would ask the model twice.
        let req = Request::post(path).json(&MessageBody { message: &message })?;
        let (_, body, admission) = self.client.open(req).await?;
        Ok(ChatStream::new(body, admission, self.parser()))
    }

    fn parser(&self) -> SseParser {
        SseParser::new(self.max_event)
    }

    /// The caller's chats with an agent.
    pub async fn chats(&self, agent_id: i64) -> Result<Vec<Chat>, Error> {
        self.client
            .call(Request::get(format!("ai/rooms/{}/chats", seg(agent_id))))
            .await
    }

    /// Renames one of the caller's chats (at most 255 characters).
    pub async fn rename_chat(&self, chat_id: &str, name: impl Into<String>) -> Result<Chat, Error> {
        let name = name.into();
        validate::title("name", &name, CHAT_NAME_MAX)?;
        let req = Request::put(format!("ai/chats/{}", seg(chat_id)))
            .json(&ChatName { name: &name })?
            .idempotent(true);
        self.client.call(req).await
    }

    /// Deletes one of the caller's chats with its messages.
    pub async fn delete_chat(&self, chat_id: &str) -> Result<(), Error> {
        let req = Request::delete(format!("ai/chats/{}", seg(chat_id)));
        self.client.execute(req).await.map(|_| ())
    }

    /// A chat's messages, oldest first.
    pub async fn messages(&self, chat_id: &str) -> Result<Vec<Message>, Error> {
        self.client
            .call(Request::get(format!("ai/chats/{}/messages", seg(chat_id))))
            .await
    }
}

/// `POST /api/2.0/ai/providers`; see [`AiHandler::create_provider`].
#[derive(Debug, Clone)]
pub struct CreateProviderBuilder<'c> {
    client: &'c Client,
    title: String,
    url: String,
    key: String,
    models: Vec<String>,
}

impl<'c> CreateProviderBuilder<'c> {
    /// Enables a model for agents (DocSpace needs at least one for OpenAI-compatible providers).
    pub fn enable_model(mut self, id: impl Into<String>) -> Self {
        self.models.push(id.into());
        self
    }

    /// Registers it; DocSpace lists its models first and refuses it if it cannot.
    pub async fn send(self) -> Result<Provider, Error> {
        validate::title("title", &self.title, 255)?;
        if self.key.is_empty() {
            return Err(Error::invalid("key", "the key is empty"));
        }
        if self.models.is_empty() {
            return Err(Error::invalid("models", "enable at least one model"));
        }
        let settings: Vec<ModelSetting> = self
            .models
            .into_iter()
            .map(|model_id| ModelSetting {
                model_id,
                is_enabled: true,
            })
            .collect();
        let req = Request::post("ai/providers").json(&NewProvider::openai(
            &self.title,
            &self.url,
            &self.key,
            settings,
        ))?;
        self.client.call(req).await
    }
}

/// `POST /api/2.0/ai/agents`; see [`AiHandler::create_agent`].
#[derive(Debug, Clone)]
pub struct CreateAgentBuilder<'c> {
    client: &'c Client,
    title: String,
    provider_id: i64,
    model_id: String,
    prompt: String,
}

impl<'c> CreateAgentBuilder<'c> {
    /// The agent's instructions.
    pub fn prompt(mut self, prompt: impl Into<String>) -> Self {
        self.prompt = prompt.into();
        self
    }

    /// Creates it.
    pub async fn send(self) -> Result<Agent, Error> {
        validate::title("title", &self.title, AGENT_TITLE_MAX)?;
        let req = Request::post("ai/agents").json(&AgentBody {
            title: Some(&self.title),
            chat_settings: ChatSettingsBody {
                provider_id: self.provider_id,
                model_id: &self.model_id,
                prompt: &self.prompt,
            },
        })?;
        self.client.call(req).await
    }
}
