//! The registration API of DocSpace's identity service: `/api/2.0/clients` and `/api/2.0/scopes`
//! (`ONLYOFFICE/DocSpace-server: common/ASC.Identity/registration/registration-application/src/main/
//! java/com/asc/registration/application/controller/ClientCommandController.java`,
//! `ClientQueryController.java`, `ScopeQueryController.java`).
//!
//! These answers are the Java service's, not ASP.NET's: bare JSON bodies (no `response`
//! envelope) and `{"reason": "..."}` on failure (`ErrorResponse`, `ValidationExceptionHandler.java`).
//! Every endpoint needs a signed-in DocSpace admin or user (`@PreAuthorize("hasRole('ADMIN') or
//! hasRole('USER')")`): a guest is refused. A client is managed by the user who registered it and
//! by the portal's DocSpace admins.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::store::{self, Client};
use super::validate::{
    ClientBasics, CreateClient, Refusal, SCOPES, bad, check_logo, check_name_and_description,
    check_origins, dedup, parse, reason, validate_create,
};
use crate::auth::Caller;
use crate::envelope::{ApiError, json_response};
use crate::state::AppState;
use crate::time::{db_time, now};
use crate::users::EmployeeType;

/// The signed-in caller, if it may use the registration API.
fn manager(caller: Option<Caller>) -> Result<Caller, Refusal> {
    match caller {
        None => Err(Box::new(StatusCode::UNAUTHORIZED.into_response())),
        Some(c) if c.user.user_type == EmployeeType::Guest => Err(Box::new(reason(
            StatusCode::FORBIDDEN,
            "Access denied: guests may not manage OAuth applications",
        ))),
        Some(c) => Ok(c),
    }
}

/// Loads a client the caller may manage: its creator or a DocSpace admin.
async fn managed(state: &AppState, caller: &Caller, id: String) -> Result<Client, Refusal> {
    let c = state
        .db
        .read(move |conn| store::client(conn, &id))
        .await
        .map_err(|e| Box::new(e.into_response()))?
        .ok_or_else(|| Box::new(reason(StatusCode::NOT_FOUND, "Client not found")))?;
    if c.created_by != caller.user.id && !caller.user.is_admin() {
        return Err(Box::new(reason(
            StatusCode::FORBIDDEN,
            "Access denied: the client belongs to another user",
        )));
    }
    Ok(c)
}

/// The signed-in caller and a client it may manage ([`manager`], then [`managed`]).
async fn caller_and_client(
    state: &AppState,
    caller: Option<Caller>,
    id: String,
) -> Result<(Caller, Client), Refusal> {
    let caller = manager(caller)?;
    let client = managed(state, &caller, id).await?;
    Ok((caller, client))
}

/// [`caller_and_client`], then the request's body as `T`.
async fn caller_client_body<T: for<'de> Deserialize<'de>>(
    state: &AppState,
    caller: Option<Caller>,
    id: String,
    body: &Bytes,
) -> Result<(Caller, Client, T), Refusal> {
    let (caller, client) = caller_and_client(state, caller, id).await?;
    Ok((caller, client, parse(body)?))
}

/// Marks `client` as changed now by `caller`.
fn touch(client: &mut Client, caller: &Caller) {
    client.modified_on = db_time(now());
    client.modified_by = caller.user.id.clone();
}

/// Runs `write`, then answers `ok`, or the store's error.
async fn written<T: Send + 'static>(
    state: &AppState,
    write: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, ApiError> + Send + 'static,
    ok: Response,
) -> Response {
    match state.db.write(write).await {
        Ok(_) => ok,
        Err(e) => e.into_response(),
    }
}

/// A change to a client the caller manages, with a body: [`caller_client_body`], then `edit`
/// applies the body (or refuses it); the client is stamped ([`touch`]), stored, and answered with
/// `answer`.
async fn edited<T: for<'de> Deserialize<'de>>(
    state: &AppState,
    caller: Option<Caller>,
    id: String,
    body: &Bytes,
    edit: impl FnOnce(&mut Client, T) -> Result<(), Refusal>,
    answer: fn(&Client) -> Response,
) -> Response {
    let (caller, mut client, b) = match caller_client_body::<T>(state, caller, id, body).await {
        Ok(found) => found,
        Err(r) => return *r,
    };
    if let Err(r) = edit(&mut client, b) {
        return *r;
    }
    touch(&mut client, &caller);
    let ok = answer(&client);
    written(state, move |tx| store::update_client(tx, &client), ok).await
}

/// `ClientResponse`: the [`info_dto`] fields, and the secret, redirect settings and state.
pub fn client_dto(c: &Client) -> Value {
    let mut v = info_dto(c);
    v["client_secret"] = json!(c.client_secret);
    v["tenant"] = json!(super::TENANT_ID);
    v["redirect_uris"] = json!(c.redirect_uris);
    v["allowed_origins"] = json!(c.allowed_origins);
    v["logout_redirect_uris"] = json!([c.logout_redirect_uri]);
    v["enabled"] = json!(c.enabled);
    v
}

/// `ClientInfoResponse`: what the consent screen may show of a client, without its secret,
/// redirect settings or state.
fn info_dto(c: &Client) -> Value {
    json!({
        "name": c.name,
        "client_id": c.client_id,
        "description": c.description,
        "website_url": c.website_url,
        "terms_url": c.terms_url,
        "policy_url": c.policy_url,
        "logo": c.logo,
        "authentication_methods": c.authentication_methods(),
        "scopes": c.scopes,
        "is_public": c.is_public,
        "created_on": c.created_on,
        "created_by": c.created_by,
        "modified_on": c.modified_on,
        "modified_by": c.modified_by,
    })
}

/// `POST /api/2.0/clients`: 201 with the `ClientResponse` (secret included).
pub async fn create(
    State(state): State<AppState>,
    caller: Option<Caller>,
    body: Bytes,
) -> Response {
    let caller = match manager(caller) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let client = match parse::<CreateClient>(&body).and_then(|b| validate_create(b, &caller)) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let ok = json_response(StatusCode::CREATED, &client_dto(&client));
    written(&state, move |tx| store::insert_client(tx, &client), ok).await
}

/// `GET /api/2.0/clients?limit=&last_client_id=&last_created_on=`: one keyset page of clients,
/// newest first (`PageableResponse`; `limit` 1..50, default 30). A DocSpace admin sees every
/// client of the portal, anyone else their own (`ClientQueryHandler.getClients`).
pub async fn list(
    State(state): State<AppState>,
    caller: Option<Caller>,
    RawQuery(q): RawQuery,
) -> Response {
    page(&state, caller, q.as_deref(), Some(30), client_dto).await
}

/// `GET /api/2.0/clients/info?limit=…`: the same page as [`list`] without secrets or redirect
/// settings (`ClientInfoResponse`); here `limit` is required (`ClientQueryController.getClientsInfo`).
pub async fn list_info(
    State(state): State<AppState>,
    caller: Option<Caller>,
    RawQuery(q): RawQuery,
) -> Response {
    page(&state, caller, q.as_deref(), None, info_dto).await
}

/// A keyset page of the clients `caller` may see, each shown by `dto`; `default_limit` applies
/// when the query has none (`None`: the limit is required).
async fn page(
    state: &AppState,
    caller: Option<Caller>,
    query: Option<&str>,
    default_limit: Option<i64>,
    dto: fn(&Client) -> Value,
) -> Response {
    let caller = match manager(caller) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let q = crate::api::extract::Query::parse(query);
    let limit = match (q.get("limit").map(str::parse::<i64>), default_limit) {
        (None, Some(d)) => d,
        (Some(Ok(n)), _) if (1..=50).contains(&n) => n,
        (None, None) => return *bad("limit is required"),
        (Some(_), _) => return *bad("limit is expected to be between 1 and 50"),
    };
    let after = match (q.get("last_created_on"), q.get("last_client_id")) {
        (Some(on), Some(id)) => Some((on.to_string(), id.to_string())),
        (Some(on), None) => Some((on.to_string(), String::new())),
        _ => None,
    };
    let creator = (!caller.user.is_admin()).then(|| caller.user.id.clone());
    let page = state
        .db
        .read(move |c| {
            store::clients_page(
                c,
                creator.as_deref(),
                after.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
                limit,
            )
        })
        .await;
    match page {
        Ok(page) => {
            let last = page.last();
            json_response(
                StatusCode::OK,
                &json!({
                    "data": page.iter().map(dto).collect::<Vec<_>>(),
                    "last_client_id": last.map(|c| c.client_id.clone()),
                    "last_created_on": last.map(|c| c.created_on.clone()),
                    "limit": limit,
                }),
            )
        }
        Err(e) => e.into_response(),
    }
}

/// `GET /api/2.0/clients/{clientId}`.
pub async fn get(
    State(state): State<AppState>,
    caller: Option<Caller>,
    Path(id): Path<String>,
) -> Response {
    match caller_and_client(&state, caller, id).await {
        Ok((_, c)) => json_response(StatusCode::OK, &client_dto(&c)),
        Err(r) => *r,
    }
}

/// `GET /api/2.0/clients/{clientId}/info`: what the consent screen shows, for any signed-in user.
pub async fn info(
    State(state): State<AppState>,
    caller: Option<Caller>,
    Path(id): Path<String>,
) -> Response {
    if caller.is_none() {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    match state.db.read(move |c| store::client(c, &id)).await {
        Ok(Some(c)) => json_response(StatusCode::OK, &info_dto(&c)),
        Ok(None) => reason(StatusCode::NOT_FOUND, "Client not found"),
        Err(e) => e.into_response(),
    }
}

/// `UpdateClientRequest`: only these fields change; redirect URIs, URLs and scopes are fixed
/// (`ClientUpdateCommandHandler.java`).
#[derive(Deserialize)]
struct UpdateClient {
    #[serde(flatten)]
    basics: ClientBasics,
    allowed_origins: Option<Vec<String>>,
}

/// `PUT /api/2.0/clients/{clientId}`.
pub async fn update(
    State(state): State<AppState>,
    caller: Option<Caller>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let answer = |c: &Client| json_response(StatusCode::OK, &client_dto(c));
    edited(&state, caller, id, &body, update_fields, answer).await
}

/// What `PUT` changes: the name, description and logo, PKCE, the visibility and the origins,
/// each checked as DocSpace checks it.
fn update_fields(client: &mut Client, b: UpdateClient) -> Result<(), Refusal> {
    let name = b.basics.name.unwrap_or_default();
    let description = b.basics.description.unwrap_or_default();
    let logo = b.basics.logo.unwrap_or_default();
    let origins = dedup(b.allowed_origins.unwrap_or_default());
    check_name_and_description(&name, &description)
        .and_then(|()| check_logo(&logo))
        .and_then(|()| check_origins(&origins))?;
    client.name = name;
    client.description = description;
    client.logo = logo;
    client.allow_pkce = b.basics.allow_pkce;
    client.is_public = b.basics.is_public;
    client.allowed_origins = origins;
    Ok(())
}

/// `PATCH /api/2.0/clients/{clientId}/regenerate`: a new secret, `{"client_secret": ...}`; the
/// old one stops working at once.
pub async fn regenerate(
    State(state): State<AppState>,
    caller: Option<Caller>,
    Path(id): Path<String>,
) -> Response {
    let (caller, mut client) = match caller_and_client(&state, caller, id).await {
        Ok(found) => found,
        Err(r) => return *r,
    };
    client.client_secret = uuid::Uuid::new_v4().to_string();
    touch(&mut client, &caller);
    let ok = json_response(
        StatusCode::OK,
        &json!({ "client_secret": client.client_secret }),
    );
    written(&state, move |tx| store::update_client(tx, &client), ok).await
}

/// `ChangeClientActivationRequest`.
#[derive(Deserialize)]
struct Activation {
    status: bool,
}

/// `PATCH /api/2.0/clients/{clientId}/activation` with `{"status": bool}`. A disabled client can
/// neither start a flow nor use its tokens.
pub async fn activation(
    State(state): State<AppState>,
    caller: Option<Caller>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let enable = |client: &mut Client, b: Activation| {
        client.enabled = b.status;
        Ok(())
    };
    let answer = |_: &Client| StatusCode::OK.into_response();
    edited(&state, caller, id, &body, enable, answer).await
}

/// `DELETE /api/2.0/clients/{clientId}/revoke`: withdraws the caller's own consent; the tokens
/// it backed stop working. Any signed-in user may do it for any client.
pub async fn revoke_consent(
    State(state): State<AppState>,
    caller: Option<Caller>,
    Path(id): Path<String>,
) -> Response {
    let Some(caller) = caller else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let user = caller.user.id.clone();
    let found = state
        .db
        .write(move |tx| {
            if store::client(tx, &id)?.is_none() {
                return Ok(false);
            }
            store::revoke_consent(tx, &id, &user)?;
            Ok(true)
        })
        .await;
    match found {
        Ok(true) => StatusCode::OK.into_response(),
        Ok(false) => reason(StatusCode::NOT_FOUND, "Client not found"),
        Err(e) => e.into_response(),
    }
}

/// `DELETE /api/2.0/clients/{clientId}`: the client, its consents and tokens.
pub async fn delete(
    State(state): State<AppState>,
    caller: Option<Caller>,
    Path(id): Path<String>,
) -> Response {
    let client = match caller_and_client(&state, caller, id).await {
        Ok((_, client)) => client,
        Err(r) => return *r,
    };
    let ok = StatusCode::OK.into_response();
    written(
        &state,
        move |tx| store::delete_client(tx, &client.client_id),
        ok,
    )
    .await
}

/// `GET /api/2.0/scopes`: `[{name, group, type}]`.
pub async fn scopes(caller: Option<Caller>) -> Response {
    if caller.is_none() {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let list: Vec<Value> = SCOPES
        .iter()
        .map(|(name, group, kind)| json!({"name": name, "group": group, "type": kind}))
        .collect();
    json_response(StatusCode::OK, &Value::Array(list))
}

/// `GET /api/2.0/clients/{clientId}/public/info`: a client marked `is_public`, for anyone.
pub async fn public_info(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match state.db.read(move |c| store::client(c, &id)).await {
        Ok(Some(c)) if c.is_public => json_response(StatusCode::OK, &info_dto(&c)),
        Ok(_) => reason(StatusCode::NOT_FOUND, "Client not found"),
        Err(e) => e.into_response(),
    }
}

/// `GET /api/2.0/clients/consents`: the applications the caller has authorized, with the scopes
/// consented to and when (`modified_at`), newest first.
pub async fn consents(State(state): State<AppState>, caller: Option<Caller>) -> Response {
    let Some(caller) = caller else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let user = caller.user.id.clone();
    match state.db.read(move |c| store::consents_of(c, &user)).await {
        Ok(list) => {
            let data: Vec<Value> = list
                .iter()
                .map(|(c, scopes, at)| {
                    let mut v = info_dto(c);
                    v["scopes"] = json!(scopes);
                    v["modified_at"] = json!(at);
                    v
                })
                .collect();
            let last = list.first().map(|(_, _, at)| at.clone());
            json_response(
                StatusCode::OK,
                &json!({"data": data, "last_modified_on": last, "limit": data.len()}),
            )
        }
        Err(e) => e.into_response(),
    }
}

/// `DELETE /api/2.0/clients`: every client the caller registered.
pub async fn delete_all(State(state): State<AppState>, caller: Option<Caller>) -> Response {
    let caller = match manager(caller) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let user = caller.user.id.clone();
    let ok = StatusCode::OK.into_response();
    written(&state, move |tx| store::delete_clients_of(tx, &user), ok).await
}
