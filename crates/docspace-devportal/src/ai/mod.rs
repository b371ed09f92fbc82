//! DocSpace's AI under `/api/2.0/ai/*` (ONLYOFFICE/DocSpace-server: `products/ASC.AI/Server/Api/*`)
//! and the portal's AI access switch `settings/ai-access`: providers (OpenAI-compatible), agents
//! (rooms of type 9), chats streamed as server-sent events.
//!
//! Every AI controller carries `[AiFeature]`: with the switch off, `AiFeatureFilter` answers an
//! empty 403 (`common/ASC.Api.Core/Middleware/AiFeatureFilter.cs`). The routes match no area of
//! DocSpace's scope map (`common/ASC.Api.Core/Auth/AuthorizationExtension.cs`), so API keys and
//! OAuth tokens need a global scope (`*`, `*:read` for reads, `*:write`), as
//! [`crate::api::scopes`] already answers for unmapped paths.

pub mod agents;
pub mod chats;
pub mod mcp;
pub mod openai;
pub mod providers;
pub mod sse;

use axum::Router;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::routing::{get, post, put};

use self::mcp::{rooms as mcp_rooms, servers as mcp_servers};
use serde::Deserialize;
use serde_json::json;

use crate::api::extract::JsonBody;
use crate::auth::Caller;
use crate::db::{ai, settings};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::state::AppState;
use crate::time::{api_datetime, now, parse_db_time};

/// Settings key of when the switch last changed.
const AI_ACCESS_MODIFIED: &str = "ai_access_modified";

/// The AI routes (merged into [`crate::api::routes::router`], behind its middleware).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/api/2.0/settings/ai-access",
            get(get_access).post(set_access),
        )
        .route(
            "/api/2.0/ai/providers",
            post(providers::create)
                .get(providers::list)
                .delete(providers::delete),
        )
        .route("/api/2.0/ai/providers/available", get(providers::available))
        .route(
            "/api/2.0/ai/providers/default",
            get(providers::get_default).put(providers::set_default),
        )
        .route(
            "/api/2.0/ai/providers/models/preview",
            post(providers::preview),
        )
        .route("/api/2.0/ai/providers/{id}", put(providers::update))
        .route(
            "/api/2.0/ai/providers/{id}/models",
            get(providers::models_with_settings),
        )
        .route("/api/2.0/ai/chats/models", get(providers::chat_models))
        .route("/api/2.0/ai/agents", post(agents::create).get(agents::list))
        .route(
            "/api/2.0/ai/agents/{id}",
            get(agents::get).put(agents::update).delete(agents::delete),
        )
        .route(
            "/api/2.0/ai/rooms/{room}/chats",
            post(chats::start).get(chats::list),
        )
        .route(
            "/api/2.0/ai/chats/{chat}",
            get(chats::get).put(chats::rename).delete(chats::delete),
        )
        .route(
            "/api/2.0/ai/chats/{chat}/messages",
            post(chats::continue_chat).get(chats::messages),
        )
        .route(
            "/api/2.0/ai/servers",
            post(mcp_servers::add)
                .get(mcp_servers::list)
                .delete(mcp_servers::delete),
        )
        .route("/api/2.0/ai/servers/available", get(mcp_servers::available))
        .route(
            "/api/2.0/ai/servers/{id}",
            get(mcp_servers::get).put(mcp_servers::update),
        )
        .route(
            "/api/2.0/ai/servers/{id}/status",
            put(mcp_servers::set_status),
        )
        .route(
            "/api/2.0/ai/rooms/{room}/servers",
            post(mcp_rooms::add)
                .get(mcp_rooms::list)
                .delete(mcp_rooms::remove),
        )
        .route(
            "/api/2.0/ai/rooms/{room}/servers/{server}/tools",
            get(mcp_rooms::tools).put(mcp_rooms::set_tools),
        )
}

/// `[AiFeature]` on every AI endpoint: with AI switched off, an empty 403. It wraps the extractor
/// of who calls (a [`Caller`] by default), so an AI handler names its caller and the switch in one.
///
/// The switch is checked after the caller, because DocSpace checks it in a resource filter
/// (`common/ASC.Api.Core/Middleware/AiFeatureFilter.cs`, an `IAsyncResourceFilter`): after the
/// caller is authenticated, before the request's body is bound. So a switched-off portal answers
/// 403 even to a request whose body would fail validation.
pub struct AiFeature<W = Caller>(pub W);

impl<W> FromRequestParts<AppState> for AiFeature<W>
where
    W: FromRequestParts<AppState, Rejection = ApiError> + Send,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let who = W::from_request_parts(parts, state).await?;
        if state.db.read(ai::access_enabled).await? {
            Ok(AiFeature(who))
        } else {
            Err(ApiError::ScopeForbidden)
        }
    }
}

fn access_dto(enabled: bool, modified: Option<String>) -> serde_json::Value {
    // `TenantAiAccessSettings` as the settings manager returns it; an unsaved setting has .NET's
    // default `DateTime`.
    json!({
        "enabled": enabled,
        "lastModified": modified
            .map(|m| api_datetime(parse_db_time(&m)))
            .unwrap_or_else(|| "0001-01-01T00:00:00".into()),
    })
}

/// `GET settings/ai-access`: any signed-in user (no demand in `SettingsController`).
pub async fn get_access(State(state): State<AppState>, _caller: Caller) -> ApiResult {
    let (enabled, modified) = state
        .db
        .read(|c| {
            Ok((
                ai::access_enabled(c)?,
                settings::get(c, AI_ACCESS_MODIFIED)?,
            ))
        })
        .await?;
    Ok(Envelope::from_value(access_dto(enabled, modified)))
}

/// `TenantAiAccessSettingsDto`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessRequest {
    #[serde(default)]
    enabled: bool,
}

/// `POST settings/ai-access`: `EditPortalSettings`, i.e. DocSpace admins
/// (ONLYOFFICE/DocSpace-server `web/ASC.Web.Api/Api/Settings/SettingsController.cs`).
pub async fn set_access(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(req): JsonBody<AccessRequest>,
) -> ApiResult {
    if !caller.user.is_admin() {
        return Err(ApiError::AccessDenied);
    }
    let modified = crate::time::db_time(now());
    let stored = modified.clone();
    state
        .db
        .write(move |tx| {
            settings::set(
                tx,
                ai::AI_ACCESS,
                if req.enabled { "true" } else { "false" },
            )?;
            settings::set(tx, AI_ACCESS_MODIFIED, &stored)
        })
        .await?;
    Ok(Envelope::from_value(access_dto(
        req.enabled,
        Some(modified),
    )))
}
