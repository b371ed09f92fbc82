//! The request bodies of the AI endpoints (`products/ASC.AI/Server/Models/RequestDto/` in
//! ONLYOFFICE/DocSpace-server), typed as the other bodies are (see `bodies.rs` for why not
//! `json!`).

use serde::Serialize;

/// `ProviderType.OpenAiCompatible`: the only provider type the client creates (here, with the
/// bodies that send it; `ai.rs` re-exports it).
pub const OPENAI_COMPATIBLE: i32 = 3;

/// A model switched on for agents, in a provider's `modelSettings`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ModelSetting {
    pub model_id: String,
    pub is_enabled: bool,
}

/// `POST ai/providers`: an OpenAI-compatible provider.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct NewProvider<'a> {
    #[serde(rename = "type")]
    pub provider_type: i32,
    pub title: &'a str,
    pub url: &'a str,
    pub key: &'a str,
    pub model_settings: Vec<ModelSetting>,
}

impl<'a> NewProvider<'a> {
    pub fn openai(title: &'a str, url: &'a str, key: &'a str, models: Vec<ModelSetting>) -> Self {
        NewProvider {
            provider_type: OPENAI_COMPATIBLE,
            title,
            url,
            key,
            model_settings: models,
        }
    }
}

/// `POST ai/providers/models/preview`.
#[derive(Serialize)]
pub(crate) struct PreviewProvider<'a> {
    #[serde(rename = "type")]
    pub provider_type: i32,
    pub url: &'a str,
    pub key: &'a str,
}

/// `{"ids": [...]}`: deleting providers.
#[derive(Serialize)]
pub(crate) struct Ids<'a> {
    pub ids: &'a [i64],
}

/// An agent's `chatSettings`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ChatSettingsBody<'a> {
    pub provider_id: i64,
    pub model_id: &'a str,
    pub prompt: &'a str,
}

/// `POST ai/agents` (with a title) and `PUT ai/agents/{id}` (without).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AgentBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    pub chat_settings: ChatSettingsBody<'a>,
}

/// `PUT ai/agents/{id}` with only a new title (the chat settings stay as they are).
#[derive(Serialize)]
pub(crate) struct AgentTitle<'a> {
    pub title: &'a str,
}

/// `{"name": …}`: renaming a chat (`PUT ai/chats/{chatId}`).
#[derive(Serialize)]
pub(crate) struct ChatName<'a> {
    pub name: &'a str,
}

/// `{"message": …}`: a chat message.
#[derive(Serialize)]
pub(crate) struct MessageBody<'a> {
    pub message: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ai_bodies_are_the_json_docspace_reads() {
        let provider = NewProvider::openai(
            "Local",
            "http://m/v1",
            "k",
            vec![ModelSetting {
                model_id: "a".into(),
                is_enabled: true,
            }],
        );
        let agent = AgentBody {
            title: Some("Helper"),
            chat_settings: ChatSettingsBody {
                provider_id: 2,
                model_id: "a",
                prompt: "Be brief.",
            },
        };
        let cases = [
            (
                serde_json::to_string(&provider),
                r#"{"type":3,"title":"Local","url":"http://m/v1","key":"k","modelSettings":[{"modelId":"a","isEnabled":true}]}"#,
            ),
            (
                serde_json::to_string(&agent),
                r#"{"title":"Helper","chatSettings":{"providerId":2,"modelId":"a","prompt":"Be brief."}}"#,
            ),
            (
                serde_json::to_string(&AgentBody {
                    title: None,
                    ..agent
                }),
                r#"{"chatSettings":{"providerId":2,"modelId":"a","prompt":"Be brief."}}"#,
            ),
            (
                serde_json::to_string(&PreviewProvider {
                    provider_type: OPENAI_COMPATIBLE,
                    url: "u",
                    key: "k",
                }),
                r#"{"type":3,"url":"u","key":"k"}"#,
            ),
            (
                serde_json::to_string(&Ids { ids: &[1, 2] }),
                r#"{"ids":[1,2]}"#,
            ),
            (
                serde_json::to_string(&MessageBody { message: "hi" }),
                r#"{"message":"hi"}"#,
            ),
            (
                serde_json::to_string(&AgentTitle { title: "Reviewer" }),
                r#"{"title":"Reviewer"}"#,
            ),
            (
                serde_json::to_string(&ChatName { name: "Plans" }),
                r#"{"name":"Plans"}"#,
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got.unwrap(), want);
        }
    }
}
