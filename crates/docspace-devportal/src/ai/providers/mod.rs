//! `ai/providers*` and `ai/chats/models` as DocSpace serves them (ONLYOFFICE/DocSpace-server:
//! `products/ASC.AI/Server/Api/ProviderController.cs`, `products/ASC.AI/Core/Provider/AiProviderService.cs`).
//! Only `OpenAiCompatible` (type 3) is offered: a URL and a key; its models are listed live from
//! `{url}/models`. The key is never part of an answer (`AiProviderDto` has no key field).

mod default;
mod models;

use default::default_of;
pub use default::{get_default, set_default};
pub use models::{chat_models, enabled_models, models_with_settings, preview};
use models::{live_models, resolve, settings_of};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::AiFeature;
use super::openai::{self, messages};
use crate::api::dto::date;
use crate::api::extract::{JsonBody, Paging, Query, int_id};
use crate::api::{SignedInCall, Store};
use crate::db::ai::{self, ModelSetting, Provider};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::state::AppState;
use crate::users::{EmployeeType, User};

/// `ProviderType.OpenAiCompatible`.
pub const OPENAI_COMPATIBLE: i64 = 3;
/// `ManageProviders`.
const MANAGE_PROVIDERS: &str = "You don't have permission to manage providers";
/// `ProviderNotFound`.
pub const PROVIDER_NOT_FOUND: &str = "Provider not found";

/// `ThrowIfNotAccessAsync`: DocSpace admins only.
fn require_admin(user: &User) -> Result<(), ApiError> {
    if user.is_admin() {
        Ok(())
    } else {
        Err(ApiError::Forbidden(MANAGE_PROVIDERS.into()))
    }
}

/// `ArgumentException.ThrowIfNullOrEmpty(name)`'s message.
fn null_or_empty(v: Option<&str>, name: &str) -> Result<String, ApiError> {
    match v {
        None => Err(ApiError::BadRequest(format!(
            "Value cannot be null. (Parameter '{name}')"
        ))),
        Some("") => Err(ApiError::BadRequest(format!(
            "The value cannot be an empty string. (Parameter '{name}')"
        ))),
        Some(s) => Ok(s.to_string()),
    }
}

fn check_type(t: Option<i64>) -> Result<i64, ApiError> {
    match t {
        Some(OPENAI_COMPATIBLE) => Ok(OPENAI_COMPATIBLE),
        // The other types need vendor endpoints and DocSpace's configured URLs.
        _ => Err(ApiError::BadRequest("Incorrect provider type".into())),
    }
}

fn provider_url(raw: Option<&str>) -> Result<String, ApiError> {
    let raw = null_or_empty(raw, "url")?;
    openai::normalize_url(&raw).ok_or_else(|| ApiError::BadRequest(messages::INVALID_URL.into()))
}

fn provider_dto(p: &Provider, default: Option<i64>) -> Value {
    json!({
        "id": p.id,
        "title": p.title,
        "type": p.provider_type,
        "url": p.url,
        "createdOn": date(&p.created),
        "modifiedOn": date(&p.modified),
        "needReset": false,
        "isDefault": default == Some(p.id),
    })
}

/// `CreateProviderRequestDto`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateRequest {
    #[serde(default, rename = "type")]
    provider_type: Option<i64>,
    /// The fields an update takes too.
    #[serde(flatten)]
    fields: UpdateRequest,
}

/// `POST ai/providers`: the model list must be fetched and offer an enabled model, or the
/// provider is refused with DocSpace's message.
pub async fn create(
    AiFeature(SignedInCall { caller, db, .. }): AiFeature<SignedInCall>,
    JsonBody(req): JsonBody<CreateRequest>,
) -> ApiResult {
    require_admin(&caller.user)?;
    let provider_type = check_type(req.provider_type)?;
    let req = req.fields;
    let title = null_or_empty(req.title.as_deref().map(str::trim), "title")?;
    let key = null_or_empty(req.key.as_deref(), "key")?;
    let url = provider_url(req.url.as_deref())?;
    let settings = req.model_settings.unwrap_or_default();
    if settings.is_empty() {
        return Err(ApiError::BadRequest(
            "Model settings must be specified for OpenAI compatible providers.".into(),
        ));
    }
    let models = live_models(&url, &key).await?;
    if models.is_empty() || !resolve(&models, &settings).iter().any(|m| m.enabled) {
        return Err(ApiError::BadRequest(messages::NO_MODELS.into()));
    }
    db.write(move |tx| {
        if ai::title_taken(tx, &title, 0)? {
            return Err(ApiError::BadRequest("Provider name already exists".into()));
        }
        let p = ai::insert_provider(tx, provider_type, &title, &url, &key, &settings)?;
        Ok(provider_dto(&p, default_of(tx)?.map(|d| d.0)))
    })
    .await
}

/// `GET ai/providers`: DocSpace admins and room admins.
pub async fn list(db: Store, AiFeature(caller): AiFeature, q: Query) -> ApiResult {
    let t = caller.user.user_type;
    if !(caller.user.is_admin() || t == EmployeeType::RoomAdmin) {
        return Err(ApiError::Forbidden(MANAGE_PROVIDERS.into()));
    }
    let paging = Paging::from_query(&q)?;
    db.read_page(move |c| {
        let default = default_of(c)?.map(|d| d.0);
        let (rows, total) = ai::providers(c, paging.start, paging.count)?;
        Ok((
            rows.iter()
                .map(|p| provider_dto(p, default))
                .collect::<Vec<_>>(),
            total,
        ))
    })
    .await
}

/// `UpdateProviderRequestDto.Body`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateRequest {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    key: Option<String>,
    #[serde(default)]
    model_settings: Option<Vec<ModelSetting>>,
}

async fn load(state: &AppState, id: i64) -> Result<Provider, ApiError> {
    state
        .db
        .read(move |c| ai::provider(c, id))
        .await?
        .ok_or_else(|| ApiError::NotFound(PROVIDER_NOT_FOUND.into()))
}

/// `PUT ai/providers/{id}`: a new URL or key is checked against the provider again.
pub async fn update(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<UpdateRequest>,
) -> ApiResult {
    require_admin(&caller.user)?;
    let mut p = load(&state, int_id(&id, "Provider")?).await?;
    if let Some(t) = req
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        p.title = t.to_string();
    }
    let mut check = false;
    if let Some(u) = req.url.as_deref().filter(|u| !u.is_empty()) {
        p.url = provider_url(Some(u))?;
        check = true;
    }
    if let Some(k) = req.key.as_deref().filter(|k| !k.is_empty()) {
        p.key = k.to_string();
        check = true;
    }
    let delta = req.model_settings.unwrap_or_default();
    if check || !delta.is_empty() {
        let models = live_models(&p.url, &p.key).await?;
        if !delta.is_empty() {
            let mut current = settings_of(&state, &p).await?;
            for d in &delta {
                current.retain(|s| s.model_id != d.model_id);
                current.push(d.clone());
            }
            if !resolve(&models, &current).iter().any(|m| m.enabled) {
                return Err(ApiError::BadRequest(messages::NO_MODELS.into()));
            }
        }
    }
    let v = state
        .db
        .write(move |tx| {
            if ai::title_taken(tx, &p.title, p.id)? {
                return Err(ApiError::BadRequest("Provider name already exists".into()));
            }
            ai::update_provider(tx, &p)?;
            ai::upsert_settings(tx, p.id, &delta)?;
            let p = ai::provider(tx, p.id)?
                .ok_or_else(|| ApiError::NotFound(PROVIDER_NOT_FOUND.into()))?;
            Ok(provider_dto(&p, default_of(tx)?.map(|d| d.0)))
        })
        .await?;
    Ok(Envelope::from_value(v))
}

/// `RemoveProviderRequestDto`.
#[derive(Deserialize)]
pub struct DeleteRequest {
    #[serde(default)]
    ids: Vec<i64>,
}

/// `DELETE ai/providers` `{ids}`: 204. The controller looks every id up first, so an unknown
/// one is a 404.
pub async fn delete(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    JsonBody(req): JsonBody<DeleteRequest>,
) -> Result<Response, ApiError> {
    for id in &req.ids {
        load(&state, *id).await?;
    }
    require_admin(&caller.user)?;
    state
        .db
        .write(move |tx| ai::delete_providers(tx, &req.ids))
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `GET ai/providers/available`: the types this portal can add, without the portal's own AI.
pub async fn available(AiFeature(caller): AiFeature) -> ApiResult {
    require_admin(&caller.user)?;
    Ok(Envelope::from_value(
        json!([{ "type": OPENAI_COMPATIBLE, "url": "" }]),
    ))
}
