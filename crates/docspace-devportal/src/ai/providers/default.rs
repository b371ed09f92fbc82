//! The portal's default provider and model (`providers/default`), stored as one setting.

use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};

use super::super::AiFeature;
use super::models::{enabled_models, settings_of};
use super::{MANAGE_PROVIDERS, load, require_admin};
use crate::api::extract::JsonBody;
use crate::db::ai::{self, Provider};
use crate::db::settings;
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::state::AppState;
use crate::users::EmployeeType;

/// The stored default: provider id and model.
pub(super) fn default_of(conn: &rusqlite::Connection) -> Result<Option<(i64, String)>, ApiError> {
    Ok(settings::get(conn, ai::DEFAULT_PROVIDER)?
        .and_then(|v| serde_json::from_str::<(i64, String)>(&v).ok()))
}

/// Stores `model` of provider `id` as the portal's default.
async fn store_default(state: &AppState, id: i64, model: &str) -> Result<(), ApiError> {
    let stored =
        serde_json::to_string(&(id, model)).map_err(|e| ApiError::Internal(e.to_string()))?;
    state
        .db
        .write(move |tx| settings::set(tx, ai::DEFAULT_PROVIDER, &stored))
        .await
}

/// `SetDefaultProviderRequestDto`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DefaultRequest {
    #[serde(default)]
    provider_id: i64,
    #[serde(default)]
    default_model: String,
}

fn default_dto(p: &Provider, model: &str, alias: Option<String>) -> Value {
    json!({
        "providerId": p.id,
        "defaultModel": model,
        "providerTitle": p.title,
        "providerType": p.provider_type,
        "defaultModelAlias": alias,
    })
}

/// `PUT ai/providers/default`: the model must be enabled (`ModelDisabled`).
pub async fn set_default(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    JsonBody(req): JsonBody<DefaultRequest>,
) -> ApiResult {
    require_admin(&caller.user)?;
    let p = load(&state, req.provider_id).await?;
    let settings = settings_of(&state, &p).await?;
    let s = settings
        .iter()
        .find(|s| s.model_id == req.default_model && s.is_enabled)
        .ok_or_else(|| {
            ApiError::BadRequest("The model has been disabled by your provider's settings.".into())
        })?;
    let alias = s.alias.clone();
    store_default(&state, p.id, &req.default_model).await?;
    Ok(Envelope::from_value(default_dto(
        &p,
        &req.default_model,
        alias,
    )))
}

/// `GET ai/providers/default`: refused to guests; the stored default, else the first provider's
/// first enabled model (DocSpace then stores it), else nothing.
pub async fn get_default(State(state): State<AppState>, AiFeature(caller): AiFeature) -> ApiResult {
    if caller.user.user_type == EmployeeType::Guest {
        return Err(ApiError::Forbidden(MANAGE_PROVIDERS.into()));
    }
    let (stored, first) = state
        .db
        .read(|c| {
            let stored = match default_of(c)? {
                Some((id, model)) => ai::provider(c, id)?.map(|p| (p, model)),
                None => None,
            };
            Ok((stored, ai::providers(c, 0, 1)?.0.into_iter().next()))
        })
        .await?;
    if let Some((p, model)) = stored {
        let settings = settings_of(&state, &p).await?;
        let alias = settings
            .into_iter()
            .find(|s| s.model_id == model)
            .and_then(|s| s.alias);
        return Ok(Envelope::from_value(default_dto(&p, &model, alias)));
    }
    let Some(p) = first else {
        return Ok(Envelope::empty());
    };
    // A provider that cannot list its models now gives no default, as DocSpace logs and moves on.
    let Ok(models) = enabled_models(&state, &p).await else {
        return Ok(Envelope::empty());
    };
    let Some(m) = models.first() else {
        return Ok(Envelope::empty());
    };
    let model = m["modelId"].as_str().unwrap_or_default().to_string();
    let alias = m["alias"].as_str().map(str::to_string);
    store_default(&state, p.id, &model).await?;
    Ok(Envelope::from_value(default_dto(&p, &model, alias)))
}
