//! The portal-wide list of MCP servers, `ai/servers*` (ONLYOFFICE/DocSpace-server:
//! `products/ASC.AI/Server/Api/McpController.cs`, `products/ASC.AI/Core/MCP/McpService.cs`).
//!
//! - Registering, updating, switching, deleting and reading need a DocSpace admin
//!   (`ThrowIfNotAccessAsync`: "You don't have permission to manage MCP servers");
//!   `servers/available` any non-guest.
//! - Names match `^[a-zA-Z0-9_-]+$`, are not `docspace`, `github` or `box` (the system servers'
//!   names, `Core/MCP/Data/SystemMcpConfig.cs`), and are unique.
//! - Before a server is saved (and when an update changes its endpoint or headers) the portal
//!   connects and pings it ([`client::check`]) and refuses it with DocSpace's message.
//! - `McpServerDto` (register, update, status, list) carries the endpoint and the headers, as
//!   upstream's does; `McpServerShortDto` (get one, available) carries neither.
//! - No system servers are configured here (upstream reads them from `ai:mcp`), no icons are
//!   stored (`icon` is `null`), and `needReset` is always false.

use std::collections::{BTreeMap, BTreeSet};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::client;
use crate::ai::AiFeature;
use crate::api::extract::{JsonBody, Paging, Query};
use crate::db::mcp::{self as store, Server};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::state::AppState;
use crate::time::{db_time, now};
use crate::users::{EmployeeType, User};

/// `ManageServers`.
const MANAGE_SERVERS: &str = "You don't have permission to manage MCP servers";
/// `InvalidServerName`.
const INVALID_NAME: &str =
    "Invalid MCP server name. Only letters, numbers, underscores, and hyphens are allowed";
/// `ReservedServerName`.
const RESERVED_NAME: &str = "MCP server name is not allowed";
/// `ServerNameExists`.
const NAME_EXISTS: &str = "MCP server name is already exists";
/// `ServerNotFound`.
pub const SERVER_NOT_FOUND: &str = "MCP server not found";
/// `SystemMcpConfig`'s static servers.
const RESERVED: [&str; 3] = ["docspace", "github", "box"];
/// `[MaxLength]` of `AddMcpServerRequestBody`.
const NAME_MAX: usize = 128;
const DESCRIPTION_MAX: usize = 255;
/// `ServerType.Custom`.
const CUSTOM: i64 = 0;

fn require_admin(user: &User) -> Result<(), ApiError> {
    if user.is_admin() {
        Ok(())
    } else {
        Err(ApiError::Forbidden(MANAGE_SERVERS.into()))
    }
}

/// A server id from the path or body: a GUID, or model binding fails.
pub fn guid(raw: &str, field: &str) -> Result<String, ApiError> {
    uuid::Uuid::parse_str(raw)
        .map(|u| u.to_string())
        .map_err(|_| ApiError::field(field, format!("The value '{raw}' is not valid.")))
}

/// `McpServerDto`.
fn full_dto(s: &Server) -> Value {
    json!({
        "id": s.id,
        "name": s.name,
        "description": s.description,
        "endpoint": s.endpoint,
        "serverType": CUSTOM,
        "headers": if s.headers.is_empty() { Value::Null } else { json!(s.headers) },
        "enabled": s.enabled,
        "icon": null,
        "needReset": false,
    })
}

/// `McpServerShortDto`.
pub fn short_dto(s: &Server) -> Value {
    json!({
        "id": s.id,
        "name": s.name,
        "serverType": CUSTOM,
        "enabled": s.enabled,
        "icon": null,
        "needReset": false,
    })
}

/// `[MaxLength(n)]`'s message.
fn check_len(v: &str, field: &str, max: usize) -> Result<(), ApiError> {
    if v.chars().count() > max {
        return Err(ApiError::field(
            field,
            format!(
                "The field {field} must be a string or array type with a maximum length of '{max}'."
            ),
        ));
    }
    Ok(())
}

/// `[Url]`: an absolute http(s) URL; upstream stores `new Uri(url).ToString()`.
fn check_endpoint(raw: &str) -> Result<String, ApiError> {
    reqwest::Url::parse(raw.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .map(|u| u.to_string())
        .ok_or_else(|| {
            ApiError::field(
                "Endpoint",
                "The Endpoint field is not a valid fully-qualified http, https, or ftp URL.",
            )
        })
}

/// `ThrowIfServerNameNotValid`.
fn check_name(conn: &rusqlite::Connection, name: &str, except: &str) -> Result<(), ApiError> {
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !valid {
        return Err(ApiError::BadRequest(INVALID_NAME.into()));
    }
    if RESERVED.contains(&name) {
        return Err(ApiError::BadRequest(RESERVED_NAME.into()));
    }
    if store::by_name(conn, name)?.is_some_and(|s| s.id != except) {
        return Err(ApiError::BadRequest(NAME_EXISTS.into()));
    }
    Ok(())
}

/// `ArgumentException.ThrowIfNullOrEmpty`.
fn required(v: Option<String>, field: &str) -> Result<String, ApiError> {
    match v {
        Some(s) if !s.is_empty() => Ok(s),
        Some(_) => Err(ApiError::BadRequest(format!(
            "The value cannot be an empty string. (Parameter '{field}')"
        ))),
        None => Err(ApiError::field(
            field,
            format!("The {field} field is required."),
        )),
    }
}

/// Connects before saving, refusing with DocSpace's message: credentials and bad URLs are
/// `ArgumentException`s (400), anything else an `InvalidOperationException` (403 here).
async fn check_reachable(
    endpoint: &str,
    headers: &BTreeMap<String, String>,
) -> Result<(), ApiError> {
    client::check(endpoint, headers).await.map_err(|f| match f {
        client::McpFailure::FailedConnect => ApiError::InvalidOperation(f.message().into()),
        _ => ApiError::BadRequest(f.message().into()),
    })
}

/// `AddMcpServerRequestBody` and `UpdateServerRequestBody`, which have the same fields (the icon
/// is accepted and not kept).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServerRequest {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    endpoint: Option<String>,
    #[serde(default)]
    headers: Option<BTreeMap<String, String>>,
}

/// `POST ai/servers`.
pub async fn add(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    JsonBody(req): JsonBody<ServerRequest>,
) -> ApiResult {
    require_admin(&caller.user)?;
    let name = required(req.name, "name")?;
    let description = required(req.description, "description")?;
    let endpoint = required(req.endpoint, "endpoint")?;
    check_len(&name, "Name", NAME_MAX)?;
    check_len(&description, "Description", DESCRIPTION_MAX)?;
    let endpoint = check_endpoint(&endpoint)?;
    let checked = name.clone();
    state.db.read(move |c| check_name(c, &checked, "")).await?;
    let headers = req.headers.unwrap_or_default();
    check_reachable(&endpoint, &headers).await?;
    let server = Server {
        id: uuid::Uuid::new_v4().to_string(),
        name,
        description,
        endpoint,
        headers,
        enabled: true,
    };
    let saved = server.clone();
    state
        .db
        .write(move |tx| {
            // Checked again: another request may have taken the name while this one connected.
            check_name(tx, &saved.name, "")?;
            store::save(tx, &saved, &db_time(now()))
        })
        .await?;
    Ok(Envelope::from_value(full_dto(&server)))
}

async fn load(state: &AppState, id: String) -> Result<Server, ApiError> {
    state
        .db
        .read(move |c| store::server(c, &id))
        .await?
        .ok_or_else(|| ApiError::NotFound(SERVER_NOT_FOUND.into()))
}

/// `PUT ai/servers/{id}`: empty fields are left as they are; a new endpoint or headers (an empty
/// map clears them) are checked by connecting.
pub async fn update(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<ServerRequest>,
) -> ApiResult {
    require_admin(&caller.user)?;
    let id = guid(&id, "id")?;
    if let Some(n) = &req.name {
        check_len(n, "Name", NAME_MAX)?;
    }
    if let Some(d) = &req.description {
        check_len(d, "Description", DESCRIPTION_MAX)?;
    }
    let mut server = load(&state, id).await?;
    let mut reconnect = false;
    if let Some(name) = req.name.filter(|n| !n.is_empty() && *n != server.name) {
        let (checked, except) = (name.clone(), server.id.clone());
        state
            .db
            .read(move |c| check_name(c, &checked, &except))
            .await?;
        server.name = name;
    }
    if let Some(endpoint) = req.endpoint.filter(|e| !e.is_empty()) {
        server.endpoint = check_endpoint(&endpoint)?;
        reconnect = true;
    }
    if let Some(headers) = req.headers {
        server.headers = headers;
        reconnect = true;
    }
    if let Some(d) = req.description.filter(|d| !d.is_empty()) {
        server.description = d;
    }
    if reconnect {
        check_reachable(&server.endpoint, &server.headers).await?;
    }
    let saved = server.clone();
    state
        .db
        .write(move |tx| {
            if store::server(tx, &saved.id)?.is_none() {
                return Err(ApiError::NotFound(SERVER_NOT_FOUND.into()));
            }
            check_name(tx, &saved.name, &saved.id)?;
            store::save(tx, &saved, &db_time(now()))
        })
        .await?;
    Ok(Envelope::from_value(full_dto(&server)))
}

/// `SetServerStatusRequestBody`.
#[derive(Deserialize)]
pub struct StatusRequest {
    #[serde(default)]
    enabled: bool,
}

/// `PUT ai/servers/{id}/status`.
pub async fn set_status(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<StatusRequest>,
) -> ApiResult {
    require_admin(&caller.user)?;
    let id = guid(&id, "id")?;
    let server = state
        .db
        .write(move |tx| {
            let mut s = store::server(tx, &id)?
                .ok_or_else(|| ApiError::NotFound(SERVER_NOT_FOUND.into()))?;
            s.enabled = req.enabled;
            store::save(tx, &s, &db_time(now()))?;
            Ok(s)
        })
        .await?;
    Ok(Envelope::from_value(full_dto(&server)))
}

/// `{servers: [guid]}` of the batch deletes.
#[derive(Deserialize)]
pub struct ServersRequest {
    #[serde(default)]
    /// The server ids.
    pub servers: Option<Vec<String>>,
}

impl ServersRequest {
    /// The ids as a set (`HashSet<Guid>` upstream; `required`).
    pub fn ids(self) -> Result<BTreeSet<String>, ApiError> {
        let raw = self
            .servers
            .ok_or_else(|| ApiError::field("servers", "The Servers field is required."))?;
        raw.iter().map(|s| guid(s, "servers")).collect()
    }
}

/// `DELETE ai/servers`: 204; unknown ids are ignored.
pub async fn delete(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    JsonBody(req): JsonBody<ServersRequest>,
) -> Result<Response, ApiError> {
    require_admin(&caller.user)?;
    let ids = req.ids()?;
    state.db.write(move |tx| store::delete(tx, &ids)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `GET ai/servers/{id}`: the short DTO.
pub async fn get(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    Path(id): Path<String>,
) -> ApiResult {
    require_admin(&caller.user)?;
    let server = load(&state, guid(&id, "id")?).await?;
    Ok(Envelope::from_value(short_dto(&server)))
}

async fn page(state: &AppState, q: &Query, enabled_only: bool, full: bool) -> ApiResult {
    let paging = Paging::from_query(q)?;
    let (rows, total) = state
        .db
        .read(move |c| store::page(c, enabled_only, paging.start, paging.count))
        .await?;
    let items: Vec<Value> = rows
        .iter()
        .map(|s| if full { full_dto(s) } else { short_dto(s) })
        .collect();
    Ok(Envelope::ok(items).with_total(total.max(0) as u64))
}

/// `GET ai/servers?startIndex&count`: every server, full DTOs.
pub async fn list(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    q: Query,
) -> ApiResult {
    require_admin(&caller.user)?;
    page(&state, &q, false, true).await
}

/// `GET ai/servers/available`: enabled servers, short DTOs, for anyone but guests
/// (`GetActiveServersAsync` throws a bare `SecurityException`).
pub async fn available(
    State(state): State<AppState>,
    AiFeature(caller): AiFeature,
    q: Query,
) -> ApiResult {
    if caller.user.user_type == EmployeeType::Guest {
        return Err(ApiError::AccessDenied);
    }
    page(&state, &q, true, false).await
}
