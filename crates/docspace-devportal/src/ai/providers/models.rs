//! A provider's models, listed live from `{url}/models` and resolved against its stored settings
//! (`AiModelSettingsResolver`): `providers/models/preview`, `providers/{id}/models` and
//! `chats/models`.

use axum::extract::{Path, State};
use serde::Deserialize;
use serde_json::{Value, json};

use super::super::AiFeature;
use super::super::openai;
use super::{check_type, load, null_or_empty, provider_url, require_admin};
use crate::api::extract::{JsonBody, Query, int_id};
use crate::db::ai::{self, Capabilities, ModelSetting, Provider};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::state::AppState;
use crate::users::EmployeeType;

/// What DocSpace's `AiModelSettingsResolver` makes of a listed model for a provider created with
/// model settings: enabled only if a setting enables it.
pub struct Resolved {
    /// Model id.
    pub id: String,
    /// Offered.
    pub enabled: bool,
    /// Display name.
    pub alias: Option<String>,
    /// Capabilities (all off unless set).
    pub capabilities: Capabilities,
}

/// Resolves every listed model against the stored settings.
pub fn resolve(models: &[String], settings: &[ModelSetting]) -> Vec<Resolved> {
    models
        .iter()
        .map(|m| {
            let s = settings.iter().find(|s| s.model_id == *m);
            Resolved {
                id: m.clone(),
                enabled: s.is_some_and(|s| s.is_enabled),
                alias: s.and_then(|s| s.alias.clone()),
                capabilities: s.and_then(|s| s.capabilities).unwrap_or_default(),
            }
        })
        .collect()
}

pub(super) async fn live_models(url: &str, key: &str) -> Result<Vec<String>, ApiError> {
    openai::list_models(url, key)
        .await
        .map_err(|m| ApiError::BadRequest(m.into()))
}

/// The stored model settings of `p`.
pub(super) async fn settings_of(
    state: &AppState,
    p: &Provider,
) -> Result<Vec<ModelSetting>, ApiError> {
    let pid = p.id;
    state.db.read(move |c| ai::settings_of(c, pid)).await
}

fn settings_dto(r: &Resolved) -> Value {
    json!({
        "id": r.id,
        "alias": r.alias,
        "isEnabled": r.enabled,
        "isRecommended": false,
        "capabilities": r.capabilities,
    })
}

/// `{type, url, key}` of `providers/models/preview`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRequest {
    #[serde(default, rename = "type")]
    provider_type: Option<i64>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    key: Option<String>,
}

/// `POST ai/providers/models/preview`: the models a provider would offer, none enabled yet.
pub async fn preview(
    AiFeature(caller): AiFeature,
    JsonBody(req): JsonBody<PreviewRequest>,
) -> ApiResult {
    require_admin(&caller.user)?;
    check_type(req.provider_type)?;
    let key = null_or_empty(req.key.as_deref(), "key")?;
    let url = provider_url(req.url.as_deref())?;
    let models = live_models(&url, &key).await?;
    let v: Vec<Value> = resolve(&models, &[]).iter().map(settings_dto).collect();
    Ok(Envelope::ok(v))
}

/// `GET ai/providers/{id}/models`: every listed model with its settings (admins).
pub async fn models_with_settings(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    Path(id): Path<String>,
) -> ApiResult {
    require_admin(&caller.user)?;
    let p = load(&state, int_id(&id, "Provider")?).await?;
    let models = live_models(&p.url, &p.key).await?;
    let settings = settings_of(&state, &p).await?;
    let mut all = resolve(&models, &settings);
    all.sort_by_key(|m| !m.enabled);
    Ok(Envelope::ok(
        all.iter().map(settings_dto).collect::<Vec<_>>(),
    ))
}

/// The enabled models of a provider as `ModelDto`s (listed live).
pub async fn enabled_models(state: &AppState, p: &Provider) -> Result<Vec<Value>, ApiError> {
    let models = live_models(&p.url, &p.key).await?;
    let settings = settings_of(state, p).await?;
    Ok(resolve(&models, &settings)
        .into_iter()
        .filter(|m| m.enabled)
        .map(|m| {
            json!({
                "providerId": p.id,
                "providerTitle": p.title,
                "modelId": m.id,
                "alias": m.alias,
                "capabilities": m.capabilities,
            })
        })
        .collect())
}

/// `GET ai/chats/models?provider=`: refused to users and guests (`ChatService.GetModelsAsync`).
pub async fn chat_models(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    q: Query,
) -> ApiResult {
    if matches!(
        caller.user.user_type,
        EmployeeType::User | EmployeeType::Guest
    ) && !caller.user.is_owner
    {
        return Err(ApiError::AccessDenied);
    }
    let providers = match q.int("provider")? {
        Some(id) => vec![load(&state, id).await?],
        None => state.db.read(|c| Ok(ai::providers(c, 0, 100)?.0)).await?,
    };
    let mut out = Vec::new();
    for p in &providers {
        out.extend(enabled_models(&state, p).await?);
    }
    Ok(Envelope::ok(out))
}
