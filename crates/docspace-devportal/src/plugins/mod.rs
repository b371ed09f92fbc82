//! Web plugins, `/api/2.0/settings/webplugins` (ONLYOFFICE/DocSpace-server:
//! `web/ASC.Web.Api/Api/Settings/WebPluginsController.cs`, `web/ASC.Web.Core/WebPluginManager.cs`),
//! and their files at the `url` / `cssUrl` the DTO gives.
//!
//! - Upload, update and delete need `EditPortalSettings` (DocSpace admins); listing and reading
//!   need only a signed-in user.
//! - An upload is one `.zip` file part of at most 5 MiB; a larger declared body is refused before
//!   it is read, and a body without a length is cut off at the limit. The package is checked by
//!   [`package::read`]. Uploading a plugin enables it and keeps its settings; a plugin of the same
//!   `name` is replaced.
//! - Enabling adds the plugin's `cspDomains` to the portal's CSP list, disabling or deleting
//!   removes them (`ChangeCspSettings`).
//! - Not served: system plugins (`?system=true` is refused as on DocSpace cloud) and the
//!   `plugins` configuration switches (plugins are always on here).
//! - Files are served from `/storage/webplugins/{name}/…`, a path of this portal's own choosing
//!   (DocSpace's comes from its storage configuration).

pub mod package;

use axum::Router;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::api::Portal;
use crate::api::Store;
use crate::api::csp;
use crate::api::dto;
use crate::api::extract::{JsonBody, Query};
use crate::auth::Caller;
use crate::db::plugins::{self as store, Plugin};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::state::AppState;
use crate::time::{db_time, now};

/// `WebPluginConfigSettings.MaxCount`.
const MAX_COUNT: usize = 100;
/// Room for multipart headers and boundaries around the file.
const PART_OVERHEAD: u64 = 64 * 1024;
/// `[StringLength(255)]` of `WebPluginRequests.Settings`.
const SETTINGS_MAX: usize = 255;

/// `Resource.resx` texts (`web/ASC.Web.Core/PublicResources/Resource.resx`).
mod messages {
    pub const ARCHIVE: &str = "Wrong plugin archive";
    pub const EXIST: &str = "Plugin already exist";
    pub const EXTENSION: &str = "Wrong file extension";
    pub const FILE_SIZE: &str = "File size exceeds limit";
    pub const FORBIDDEN_SYSTEM: &str = "Changes to system plugins are prohibited";
    pub const MAX_COUNT: &str = "The number of plugins exceeds the limit";
    pub const NO_FILE: &str = "No input file";
    pub const NOT_FOUND: &str = "Plugin not found";
    pub const TOO_MANY_FILES: &str = "Too many input files";
}

/// The plugin routes (merged into [`crate::api::routes::router`]).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/2.0/settings/webplugins", get(list).post(upload))
        .route(
            "/api/2.0/settings/webplugins/{name}",
            get(get_one).put(update).delete(delete),
        )
        .route("/storage/webplugins/{name}/{*path}", get(serve))
}

fn require_admin(caller: &Caller) -> Result<(), ApiError> {
    if caller.user.is_admin() {
        Ok(())
    } else {
        Err(ApiError::AccessDenied)
    }
}

/// `WebPluginDto`.
fn plugin_dto(
    portal: &str,
    p: &Plugin,
    users: &std::collections::HashMap<String, crate::users::User>,
) -> Value {
    let field = |k: &str| p.config.get(k).cloned().unwrap_or(Value::Null);
    let version = p
        .config
        .get("version")
        .and_then(Value::as_str)
        .unwrap_or("");
    let hash = if version.is_empty() {
        String::new()
    } else {
        format!(
            "?hash={}",
            form_urlencoded::byte_serialize(version.as_bytes()).collect::<String>()
        )
    };
    let url = format!("{portal}/storage/webplugins/{}/plugin.js{hash}", p.name);
    json!({
        "name": p.name,
        "version": field("version"),
        "minDocSpaceVersion": field("minDocSpaceVersion"),
        "description": field("description"),
        "license": field("license"),
        "author": field("author"),
        "homePage": field("homePage"),
        "pluginName": p.plugin_name,
        "scopes": field("scopes"),
        "image": field("image"),
        "createBy": dto::employee(portal, users, &p.created_by),
        "createOn": dto::date(&p.created_on),
        "enabled": p.enabled,
        "system": false,
        "url": url,
        "cssUrl": if p.has_css { json!(url.replace("plugin.js", "plugin.css")) } else { Value::Null },
        "settings": p.settings,
        "nameLocale": field("nameLocale"),
        "descriptionLocale": field("descriptionLocale"),
    })
}

fn dto_of(conn: &rusqlite::Connection, portal: &str, p: &Plugin) -> Result<Value, ApiError> {
    let users = crate::users::by_ids(conn, &[p.created_by.as_str()])?;
    Ok(plugin_dto(portal, p, &users))
}

/// `ChangeCspSettings`: adds or removes the plugin's comma-separated `cspDomains`.
fn change_csp(conn: &rusqlite::Connection, p: &Plugin, enabled: bool) -> Result<(), ApiError> {
    let Some(raw) = p.config.get("cspDomains").and_then(Value::as_str) else {
        return Ok(());
    };
    let domains: Vec<String> = raw
        .split(',')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(str::to_string)
        .collect();
    if domains.is_empty() {
        return Ok(());
    }
    let mut current = csp::domains(conn)?;
    if enabled {
        for d in domains {
            if !current.contains(&d) {
                current.push(d);
            }
        }
    } else {
        current.retain(|d| !domains.contains(d));
    }
    csp::store(conn, &current)
}

/// Reads the one file part, bounded: a declared body over the limit is refused unread.
async fn read_file(
    headers: &HeaderMap,
    form: Result<Multipart, MultipartRejection>,
    state: &AppState,
) -> Result<(String, Vec<u8>), ApiError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > package::MAX_SIZE + PART_OVERHEAD) {
        return Err(ApiError::BadRequest(messages::FILE_SIZE.into()));
    }
    let mut form = form.map_err(|_| ApiError::BadRequest(messages::NO_FILE.into()))?;
    let mut held = state.uploads.reservation();
    if let Some(n) = declared {
        held.grow_to(n as usize)?;
    }
    let bad = |e: axum::extract::multipart::MultipartError| {
        ApiError::BadRequest(format!("Malformed multipart body: {e}"))
    };
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(mut field) = form.next_field().await.map_err(bad)? {
        let Some(file_name) = field.file_name().map(str::to_string) else {
            continue;
        };
        if file.is_some() {
            return Err(ApiError::BadRequest(messages::TOO_MANY_FILES.into()));
        }
        let mut data = Vec::new();
        while let Some(bytes) = field.chunk().await.map_err(bad)? {
            if (data.len() + bytes.len()) as u64 > package::MAX_SIZE {
                return Err(ApiError::BadRequest(messages::FILE_SIZE.into()));
            }
            held.grow_to(data.len() + bytes.len())?;
            data.extend_from_slice(&bytes);
        }
        file = Some((file_name, data));
    }
    file.ok_or_else(|| ApiError::BadRequest(messages::NO_FILE.into()))
}

/// `POST settings/webplugins?system=false`: multipart, exactly one file.
pub async fn upload(
    State(state): State<AppState>,
    caller: Caller,
    Portal(portal): Portal,
    q: Query,
    headers: HeaderMap,
    form: Result<Multipart, MultipartRejection>,
) -> ApiResult {
    require_admin(&caller)?;
    if q.bool("system")?.unwrap_or(false) {
        // `system` is for Standalone servers only.
        return Err(ApiError::InvalidOperation(
            messages::FORBIDDEN_SYSTEM.into(),
        ));
    }
    let (file_name, data) = read_file(&headers, form, &state).await?;
    let ext = std::path::Path::new(&file_name)
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy().to_lowercase()));
    if ext.as_deref() != Some(".zip") {
        return Err(ApiError::BadRequest(messages::EXTENSION.into()));
    }
    if data.is_empty() {
        return Err(ApiError::BadRequest(messages::NO_FILE.into()));
    }
    let archive_error = |m: &str| ApiError::BadRequest(format!("{}. {m}", messages::ARCHIVE));
    let pkg = tokio::task::spawn_blocking(move || package::read(&data))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(|m| archive_error(&m))?;
    let creator = caller.user.id.clone();
    let v = state
        .db
        .write(move |tx| {
            let all = store::all(tx)?;
            // `ValidatePlugin`: a pluginName taken by another plugin.
            if all.iter().any(|p| {
                p.plugin_name == pkg.plugin_name && !p.name.eq_ignore_ascii_case(&pkg.name)
            }) {
                return Err(archive_error(messages::EXIST));
            }
            let existing = all.iter().find(|p| p.name.eq_ignore_ascii_case(&pkg.name));
            if existing.is_none() && all.len() + 1 > MAX_COUNT {
                return Err(archive_error(messages::MAX_COUNT));
            }
            if let Some(old) = existing {
                // The replaced package's domains go; the new package's come with enabling.
                change_csp(tx, old, false)?;
            }
            let plugin = Plugin {
                name: pkg.name.clone(),
                plugin_name: pkg.plugin_name.clone(),
                config: pkg.config.clone(),
                created_by: creator,
                created_on: db_time(now()),
                enabled: true,
                settings: existing.and_then(|p| p.settings.clone()),
                has_css: pkg.files.iter().any(|(p, _)| p == "plugin.css"),
            };
            store::save(tx, &plugin, &pkg.files)?;
            change_csp(tx, &plugin, true)?;
            dto_of(tx, &portal, &plugin)
        })
        .await?;
    Ok(Envelope::from_value(v))
}

/// `GET settings/webplugins?enabled=`.
pub async fn list(_caller: Caller, db: Store, Portal(portal): Portal, q: Query) -> ApiResult {
    let enabled = q.bool("enabled")?;
    db.read(move |c| {
        store::all(c)?
            .iter()
            .filter(|p| enabled.is_none_or(|e| p.enabled == e))
            .map(|p| dto_of(c, &portal, p))
            .collect::<Result<Vec<_>, _>>()
    })
    .await
}

fn found(conn: &rusqlite::Connection, name: &str) -> Result<Plugin, ApiError> {
    store::by_name(conn, name)?.ok_or_else(|| ApiError::NotFound(messages::NOT_FOUND.into()))
}

/// `GET settings/webplugins/{name}` (the name's case does not matter).
pub async fn get_one(
    _caller: Caller,
    db: Store,
    Portal(portal): Portal,
    Path(name): Path<String>,
) -> ApiResult {
    db.read(move |c| dto_of(c, &portal, &found(c, &name)?))
        .await
}

/// `WebPluginRequests`.
#[derive(Deserialize)]
pub struct UpdateRequest {
    #[serde(default)]
    enabled: bool,
    #[serde(default)]
    settings: Option<String>,
}

/// `PUT settings/webplugins/{name}` `{enabled, settings}`: 200 without a body.
pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(name): Path<String>,
    JsonBody(req): JsonBody<UpdateRequest>,
) -> ApiResult {
    require_admin(&caller)?;
    let settings = req
        .settings
        .ok_or_else(|| ApiError::field("Settings", "The Settings field is required."))?;
    if settings.encode_utf16().count() > SETTINGS_MAX {
        return Err(ApiError::field(
            "Settings",
            format!("The field Settings must be a string with a maximum length of {SETTINGS_MAX}."),
        ));
    }
    state
        .db
        .write(move |tx| {
            let p = found(tx, &name)?;
            // `UpdateWebPluginAsync`: a disabled plugin without settings keeps no state.
            let kept = (!settings.is_empty()).then_some(settings.as_str());
            store::set_state(tx, &p.name, req.enabled, kept)?;
            change_csp(tx, &p, req.enabled)
        })
        .await?;
    Ok(Envelope::empty())
}

/// `DELETE settings/webplugins/{name}`: 200 without a body.
pub async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(name): Path<String>,
) -> ApiResult {
    require_admin(&caller)?;
    state
        .db
        .write(move |tx| {
            let p = found(tx, &name)?;
            store::delete(tx, &p.name)?;
            change_csp(tx, &p, false)
        })
        .await?;
    Ok(Envelope::empty())
}

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// A plugin's `plugin.js`, `plugin.css` or asset, as the storage serves them (no sign-in: the
/// web client loads them with `<script src>`).
pub async fn serve(
    State(state): State<AppState>,
    Path((name, path)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let body = state
        .db
        .read(move |c| store::file(c, &name, &path).map(|b| b.map(|b| (b, path))))
        .await?;
    let Some((bytes, path)) = body else {
        return Ok(StatusCode::NOT_FOUND.into_response());
    };
    let mut resp = bytes.into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(&path)),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    Ok(resp)
}
