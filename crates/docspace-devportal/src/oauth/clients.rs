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
use crate::auth::Caller;
use crate::envelope::json_response;
use crate::state::AppState;
use crate::time::{db_time, now};
use crate::users::EmployeeType;

/// The scopes DocSpace seeds, with their group and type (`ONLYOFFICE/DocSpace-server:
/// common/Tools/ASC.Migrations.Core/EF/Identity/Models/IdentityScope.cs`).
pub const SCOPES: &[(&str, &str, &str)] = &[
    ("accounts:read", "accounts", "read"),
    ("accounts:write", "accounts", "write"),
    ("accounts.self:read", "profiles", "read"),
    ("accounts.self:write", "profiles", "write"),
    ("files:read", "files", "read"),
    ("files:write", "files", "write"),
    ("openid", "openid", "openid"),
    ("rooms:read", "rooms", "read"),
    ("rooms:write", "rooms", "write"),
];

/// Whether `s` is a scope DocSpace knows.
pub fn known_scope(s: &str) -> bool {
    SCOPES.iter().any(|(n, _, _)| *n == s)
}

/// `{"reason": ...}` with `status`.
pub fn reason(status: StatusCode, msg: &str) -> Response {
    json_response(status, &json!({ "reason": msg }))
}

/// A refusal carried through validation (boxed: a `Response` is large).
type Refusal = Box<Response>;

fn bad(msg: &str) -> Refusal {
    Box::new(reason(StatusCode::BAD_REQUEST, msg))
}

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

/// `ClientResponse`.
pub fn client_dto(c: &Client) -> Value {
    json!({
        "name": c.name,
        "client_id": c.client_id,
        "client_secret": c.client_secret,
        "description": c.description,
        "website_url": c.website_url,
        "terms_url": c.terms_url,
        "policy_url": c.policy_url,
        "logo": c.logo,
        "authentication_methods": c.authentication_methods(),
        "tenant": super::TENANT_ID,
        "redirect_uris": c.redirect_uris,
        "allowed_origins": c.allowed_origins,
        "logout_redirect_uris": [c.logout_redirect_uri],
        "scopes": c.scopes,
        "created_on": c.created_on,
        "created_by": c.created_by,
        "modified_on": c.modified_on,
        "modified_by": c.modified_by,
        "is_public": c.is_public,
        "enabled": c.enabled,
    })
}

/// What the consent screen may show of a client: no secret.
fn info_dto(c: &Client) -> Value {
    let mut v = client_dto(c);
    if let Some(o) = v.as_object_mut() {
        o.remove("client_secret");
    }
    v
}

/// The URL pattern of `CreateClientRequest` (`website_url`, `terms_url`, `policy_url`,
/// `logout_redirect_uri`): an optional `http(s)://`, a dotted host ending in 2+ letters (or, with
/// a scheme, an IPv4 address), an optional port and path.
pub fn is_url(s: &str) -> bool {
    let (scheme, rest) = match s.split_once("://") {
        Some((sch, r)) if sch == "http" || sch == "https" => (true, r),
        Some(_) => return false,
        None => (false, s),
    };
    let end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    if port.is_some_and(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let ipv4 = scheme
        && labels.len() == 4
        && labels
            .iter()
            .all(|l| (1..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_digit()));
    let domain = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        && labels
            .last()
            .is_some_and(|t| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_alphabetic()));
    let path_ok = path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&b));
    (ipv4 || domain) && path_ok
}

/// `@LogoSize(maxBytes = 256000, maxLength = 2000000)` and the `data:image/...;base64,` pattern.
fn check_logo(logo: &str) -> Result<(), Refusal> {
    use base64::Engine;
    let data = ["png", "jpeg", "jpg", "svg+xml"]
        .iter()
        .find_map(|t| logo.strip_prefix(&format!("data:image/{t};base64,")));
    let Some(data) = data.filter(|d| !d.is_empty()) else {
        return Err(bad("client logo is expected to be passed as base64"));
    };
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .map_err(|_| bad("client logo is expected to be passed as base64"))?;
    if logo.len() > 2_000_000 || bytes.len() > 256_000 {
        return Err(bad("client logo is too large"));
    }
    Ok(())
}

fn check_name_and_description(name: &str, description: &str) -> Result<(), Refusal> {
    let n = name.trim().chars().count();
    if n == 0 {
        return Err(bad("client name must not be empty"));
    }
    if !(3..=256).contains(&name.chars().count()) {
        return Err(bad(
            "client name length is expected to be between 3 and 256 characters",
        ));
    }
    if description.chars().count() > 255 {
        return Err(bad(
            "client description length is expected to be less than 256 characters",
        ));
    }
    Ok(())
}

fn check_origins(list: &[String]) -> Result<(), Refusal> {
    if list.is_empty() || list.len() > 12 {
        return Err(bad(
            "allowed origins must contain at least 1 and at most 12 addresses",
        ));
    }
    if !list.iter().all(|u| is_url(u)) {
        return Err(bad("allowed origins are expected to be passed as urls"));
    }
    Ok(())
}

fn parse<T: for<'de> Deserialize<'de>>(body: &Bytes) -> Result<T, Refusal> {
    serde_json::from_slice(body).map_err(|e| bad(&format!("Could not read the request: {e}")))
}

/// `CreateClientRequest`.
#[derive(Deserialize)]
struct CreateClient {
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    logo: Option<String>,
    #[serde(default)]
    allow_pkce: bool,
    #[serde(default)]
    is_public: bool,
    website_url: Option<String>,
    terms_url: Option<String>,
    policy_url: Option<String>,
    redirect_uris: Option<Vec<String>>,
    allowed_origins: Option<Vec<String>>,
    logout_redirect_uri: Option<String>,
    #[serde(default)]
    scopes: Vec<String>,
}

fn dedup(v: Vec<String>) -> Vec<String> {
    // The Java request holds `Set<String>`: duplicates collapse.
    let mut out: Vec<String> = Vec::new();
    for s in v {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

fn validate_create(b: CreateClient, caller: &Caller) -> Result<Client, Refusal> {
    let name = b.name.unwrap_or_default();
    let description = b.description.unwrap_or_default();
    check_name_and_description(&name, &description)?;
    let logo = b.logo.unwrap_or_default();
    if logo.trim().is_empty() {
        return Err(bad("client logo must not be empty"));
    }
    check_logo(&logo)?;
    let url = |v: Option<String>, field: &str| -> Result<String, Refusal> {
        let v = v.unwrap_or_default();
        if v.trim().is_empty() {
            return Err(bad(&format!("{field} must not be empty")));
        }
        if !is_url(&v) {
            return Err(bad(&format!("{field} is expected to be passed as url")));
        }
        Ok(v)
    };
    let website_url = url(b.website_url, "website url")?;
    let terms_url = url(b.terms_url, "terms url")?;
    let policy_url = url(b.policy_url, "policy url")?;
    let logout_redirect_uri = url(b.logout_redirect_uri, "logout redirect uri")?;
    let redirect_uris = dedup(
        b.redirect_uris
            .ok_or_else(|| bad("redirect uris must not be null"))?,
    );
    if redirect_uris.is_empty() || redirect_uris.len() > 12 {
        return Err(bad(
            "redirect uris must contain at least 1 and at most 12 addresses",
        ));
    }
    if !redirect_uris.iter().all(|u| is_url(u) && u.contains("://")) {
        return Err(bad("redirect uris are expected to be passed as urls"));
    }
    let allowed_origins = dedup(
        b.allowed_origins
            .ok_or_else(|| bad("allowed origins must not be null"))?,
    );
    check_origins(&allowed_origins)?;
    let scopes = dedup(b.scopes);
    if scopes.is_empty() {
        return Err(bad("scopes field can not be empty"));
    }
    if let Some(s) = scopes.iter().find(|s| !known_scope(s)) {
        return Err(bad(&format!("scope {s} does not exist")));
    }
    let t = db_time(now());
    Ok(Client {
        client_id: uuid::Uuid::new_v4().to_string(),
        client_secret: uuid::Uuid::new_v4().to_string(),
        name,
        description,
        logo,
        website_url,
        terms_url,
        policy_url,
        redirect_uris,
        allowed_origins,
        logout_redirect_uri,
        scopes,
        allow_pkce: b.allow_pkce,
        is_public: b.is_public,
        enabled: true,
        created_on: t.clone(),
        created_by: caller.user.id.clone(),
        modified_on: t,
        modified_by: caller.user.id.clone(),
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
    let stored = client.clone();
    match state
        .db
        .write(move |tx| store::insert_client(tx, &stored))
        .await
    {
        Ok(()) => json_response(StatusCode::CREATED, &client_dto(&client)),
        Err(e) => e.into_response(),
    }
}

/// `GET /api/2.0/clients?limit=&last_client_id=&last_created_on=`: the caller's clients, newest
/// first, one keyset page (`PageableResponse`; `limit` 1..50, default 30).
pub async fn list(
    State(state): State<AppState>,
    caller: Option<Caller>,
    RawQuery(q): RawQuery,
) -> Response {
    let caller = match manager(caller) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let q = crate::api::extract::Query::parse(q.as_deref());
    let limit = match q.get("limit").map(str::parse::<i64>) {
        None => 30,
        Some(Ok(n)) if (1..=50).contains(&n) => n,
        Some(_) => return *bad("limit is expected to be between 1 and 50"),
    };
    let after = match (q.get("last_created_on"), q.get("last_client_id")) {
        (Some(on), Some(id)) => Some((on.to_string(), id.to_string())),
        (Some(on), None) => Some((on.to_string(), String::new())),
        _ => None,
    };
    let owner = caller.user.id.clone();
    let page = state
        .db
        .read(move |c| {
            store::clients_page(
                c,
                &owner,
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
                    "data": page.iter().map(client_dto).collect::<Vec<_>>(),
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
    let caller = match manager(caller) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    match managed(&state, &caller, id).await {
        Ok(c) => json_response(StatusCode::OK, &client_dto(&c)),
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
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    logo: Option<String>,
    #[serde(default)]
    allow_pkce: bool,
    #[serde(default)]
    is_public: bool,
    allowed_origins: Option<Vec<String>>,
}

/// `PUT /api/2.0/clients/{clientId}`.
pub async fn update(
    State(state): State<AppState>,
    caller: Option<Caller>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let caller = match manager(caller) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let mut client = match managed(&state, &caller, id).await {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let b: UpdateClient = match parse(&body) {
        Ok(b) => b,
        Err(r) => return *r,
    };
    let name = b.name.unwrap_or_default();
    let description = b.description.unwrap_or_default();
    let logo = b.logo.unwrap_or_default();
    let origins = dedup(b.allowed_origins.unwrap_or_default());
    if let Err(r) = check_name_and_description(&name, &description)
        .and_then(|()| check_logo(&logo))
        .and_then(|()| check_origins(&origins))
    {
        return *r;
    }
    client.name = name;
    client.description = description;
    client.logo = logo;
    client.allow_pkce = b.allow_pkce;
    client.is_public = b.is_public;
    client.allowed_origins = origins;
    client.modified_on = db_time(now());
    client.modified_by = caller.user.id.clone();
    let stored = client.clone();
    match state
        .db
        .write(move |tx| store::update_client(tx, &stored))
        .await
    {
        Ok(()) => json_response(StatusCode::OK, &client_dto(&client)),
        Err(e) => e.into_response(),
    }
}

/// `PATCH /api/2.0/clients/{clientId}/regenerate`: a new secret, `{"client_secret": ...}`; the
/// old one stops working at once.
pub async fn regenerate(
    State(state): State<AppState>,
    caller: Option<Caller>,
    Path(id): Path<String>,
) -> Response {
    let caller = match manager(caller) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let mut client = match managed(&state, &caller, id).await {
        Ok(c) => c,
        Err(r) => return *r,
    };
    client.client_secret = uuid::Uuid::new_v4().to_string();
    client.modified_on = db_time(now());
    client.modified_by = caller.user.id.clone();
    let secret = client.client_secret.clone();
    match state
        .db
        .write(move |tx| store::update_client(tx, &client))
        .await
    {
        Ok(()) => json_response(StatusCode::OK, &json!({ "client_secret": secret })),
        Err(e) => e.into_response(),
    }
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
    let caller = match manager(caller) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let mut client = match managed(&state, &caller, id).await {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let b: Activation = match parse(&body) {
        Ok(b) => b,
        Err(r) => return *r,
    };
    client.enabled = b.status;
    client.modified_on = db_time(now());
    client.modified_by = caller.user.id.clone();
    match state
        .db
        .write(move |tx| store::update_client(tx, &client))
        .await
    {
        Ok(()) => StatusCode::OK.into_response(),
        Err(e) => e.into_response(),
    }
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
    let caller = match manager(caller) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let client = match managed(&state, &caller, id).await {
        Ok(c) => c,
        Err(r) => return *r,
    };
    match state
        .db
        .write(move |tx| store::delete_client(tx, &client.client_id))
        .await
    {
        Ok(_) => StatusCode::OK.into_response(),
        Err(e) => e.into_response(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_follow_the_create_request_pattern() {
        for ok in [
            "https://example.com",
            "example.com/terms",
            "http://127.0.0.1:8080/cb?x=1",
            "https://a.b-c.org:443/p",
        ] {
            assert!(is_url(ok), "{ok}");
        }
        for no in [
            "",
            "localhost",
            "http://localhost:3000/cb",
            "ftp://example.com",
            "127.0.0.1/cb",
            "https://example.c0m",
            "https://exa mple.com",
            "https://example.com:/x",
        ] {
            assert!(!is_url(no), "{no}");
        }
    }
}
