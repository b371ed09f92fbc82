//! The REST subset under `/api/2.0`, one module per API area, behind one per-request middleware:
//! CORS as DocSpace (`*`, no credentials; an OAuth app's `allowed_origins` for its tokens), authentication, API-key scopes, rate limits, counters,
//! the envelope's self link and `?fields=` pruning.

mod auth;
mod bulk_download;
mod cors;
pub mod csp;
pub mod download;
pub mod dto;
mod early;
pub mod extract;
mod file_links;
pub(crate) mod fileops;
mod fileops_check;
mod files;
mod folders;
mod keys;
mod link_access;
mod password;
mod people;
mod people_admin;
mod room_owner;
pub mod rooms;
pub mod scopes;
mod sections;
mod settings;
mod shares;
mod tags;
mod templates;
mod upload;
mod upload_body;
mod upload_check;
mod versions;

use axum::Router;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post, put};

use crate::auth::{self as credentials, AuthKind};
use crate::envelope::{ApiError, RequestLink, with_request_link};
use crate::permissions::{Actor, LinkGrant};
use crate::state::AppState;

/// Headers a browser page on another origin may read (rate-limit state).
pub const EXPOSED_HEADERS: &str =
    "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After";

/// Header carrying an external-link key (`requestToken`) for anonymous access, as DocSpace reads it.
pub const REQUEST_TOKEN_HEADER: &str = "request-token";

/// All `/api/2.0` routes (and the file handler the `viewUrl`s point at).
pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        // auth and settings
        .route(
            "/api/2.0/authentication",
            post(auth::login).get(auth::is_authenticated),
        )
        .route("/api/2.0/authentication/logout", post(auth::logout))
        .route("/api/2.0/settings", get(settings::get_settings))
        // API keys
        .route("/api/2.0/keys", post(keys::create).get(keys::list))
        .route("/api/2.0/keys/@self", get(keys::get_self))
        .route("/api/2.0/keys/permissions", get(keys::permissions))
        .route("/api/2.0/keys/{id}", put(keys::update).delete(keys::delete))
        // people
        .route("/api/2.0/people/@self", get(people::get_self))
        .route("/api/2.0/people", get(people::list))
        .route("/api/2.0/people/filter", get(people::list))
        .route(
            "/api/2.0/people/invite",
            post(people::invite).put(people_admin::resend),
        )
        .route(
            "/api/2.0/people/type/{type}",
            put(people_admin::change_type),
        )
        .route(
            "/api/2.0/people/status/{status}",
            put(people_admin::set_status),
        )
        .route("/api/2.0/people/password", post(password::remind))
        .route(
            "/api/2.0/people/{userid}",
            get(people::get).delete(people_admin::delete),
        )
        .route("/api/2.0/people/{userid}/culture", put(people::set_culture))
        // rooms
        .route("/api/2.0/files/rooms", post(rooms::create).get(rooms::list))
        .route("/api/2.0/files/rooms/covers", get(rooms::covers))
        // room templates
        .route("/api/2.0/files/roomtemplate", post(templates::create))
        .route(
            "/api/2.0/files/roomtemplate/status",
            get(templates::template_status_get),
        )
        .route(
            "/api/2.0/files/roomtemplate/public",
            put(templates::set_public),
        )
        .route(
            "/api/2.0/files/roomtemplate/{id}/public",
            get(templates::get_public),
        )
        // ASP.NET matches routes regardless of case, and the official Python SDK sends
        // `fromtemplate` where the server's attribute says `fromTemplate`: both answer.
        .route(
            "/api/2.0/files/rooms/fromTemplate",
            post(templates::create_room),
        )
        .route(
            "/api/2.0/files/rooms/fromtemplate",
            post(templates::create_room),
        )
        .route(
            "/api/2.0/files/rooms/fromTemplate/status",
            get(templates::room_status_get),
        )
        .route(
            "/api/2.0/files/rooms/fromtemplate/status",
            get(templates::room_status_get),
        )
        .route(
            "/api/2.0/files/rooms/{id}",
            get(rooms::get).put(rooms::update).delete(rooms::delete),
        )
        .route(
            "/api/2.0/files/rooms/{id}/archive",
            put(rooms::set_archived::<true>),
        )
        .route(
            "/api/2.0/files/rooms/{id}/unarchive",
            put(rooms::set_archived::<false>),
        )
        .route(
            "/api/2.0/files/rooms/{id}/pin",
            put(rooms::set_pinned::<true>),
        )
        .route(
            "/api/2.0/files/rooms/{id}/resend",
            post(room_owner::resend_invitations),
        )
        .route("/api/2.0/files/owner", post(room_owner::change_owner))
        .route(
            "/api/2.0/files/rooms/{id}/unpin",
            put(rooms::set_pinned::<false>),
        )
        .route(
            "/api/2.0/files/rooms/{id}/tags",
            put(tags::add_to_room).delete(tags::remove_from_room),
        )
        .route(
            "/api/2.0/files/rooms/{id}/share",
            get(shares::members).put(shares::set_members),
        )
        .route(
            "/api/2.0/files/rooms/{id}/links",
            get(shares::links).put(shares::set_link),
        )
        .route("/api/2.0/files/rooms/{id}/link", get(shares::primary_link))
        .route(
            "/api/2.0/files/share/{key}",
            get(link_access::external_share),
        )
        .route(
            "/api/2.0/files/share/{key}/password",
            post(link_access::apply_password),
        )
        // tags
        .route(
            "/api/2.0/files/tags",
            get(tags::list)
                .post(tags::create)
                .put(tags::rename)
                .delete(tags::delete),
        )
        .route("/api/2.0/files/tags/{name}/haslinks", get(tags::has_links))
        // favourites and recent files
        .route(
            "/api/2.0/files/favorites",
            post(sections::add_favorites).delete(sections::remove_favorites),
        )
        .route(
            "/api/2.0/files/file/{id}/recent",
            post(sections::add_recent),
        )
        // folders
        .route("/api/2.0/files/{folder}", get(folders::contents))
        .route(
            "/api/2.0/files/{folder}/subfolders",
            get(folders::subfolders),
        )
        .route(
            "/api/2.0/files/folder/{parent}",
            post(folders::create)
                .get(folders::info)
                .put(folders::rename)
                .delete(folders::delete),
        )
        .route("/api/2.0/files/folder/{id}/path", get(folders::path))
        // files
        .route("/api/2.0/files/{folder}/file", post(files::create))
        .route(
            "/api/2.0/files/file/{id}",
            get(files::info).put(files::update).delete(files::delete),
        )
        .route(
            "/api/2.0/files/file/{id}/saveediting",
            put(files::save_editing),
        )
        // versions
        .route(
            "/api/2.0/files/file/{id}/history",
            get(versions::list).put(versions::change),
        )
        .route("/api/2.0/files/file/{id}/comment", put(versions::comment))
        .route(
            "/api/2.0/files/file/{id}/restoreversion",
            post(versions::restore_version),
        )
        .route(
            "/api/2.0/files/file/{id}/edit/history",
            get(versions::edit_history_list),
        )
        .route(
            "/api/2.0/files/fileops/deleteversion",
            put(versions::delete).get(fileops::list_of_type),
        )
        // a file's external links
        .route(
            "/api/2.0/files/file/{id}/link",
            get(file_links::primary).post(file_links::create_primary),
        )
        .route(
            "/api/2.0/files/file/{id}/links",
            get(file_links::list).put(file_links::set),
        )
        // operations
        .route("/api/2.0/files/fileops", get(fileops::list))
        .route(
            "/api/2.0/files/fileops/bulkdownload",
            put(bulk_download::start),
        )
        .route(
            "/api/2.0/files/fileops/emptytrash",
            put(fileops::empty_trash),
        )
        // `GET fileops/move` is the server's clash check, not a list of move operations: ASP.NET
        // prefers the literal route (`OperationController.CheckMoveOrCopyBatchItems`).
        .route(
            "/api/2.0/files/fileops/move",
            get(fileops_check::check).put(fileops::start_move),
        )
        .route(
            "/api/2.0/files/fileops/{op}",
            get(fileops::list_of_type).put(fileops::start),
        )
        // uploads
        .route("/api/2.0/files/{folder}/upload", post(upload::simple))
        .route(
            "/api/2.0/files/{folder}/session",
            post(upload::create_session),
        )
        .route(
            "/api/2.0/files/{folder}/upload/check",
            post(upload_check::check),
        )
        .route(
            "/api/2.0/files/{folder}/upload/create_session",
            post(upload::create_session_legacy),
        )
        .route("/ChunkedUploader.ashx", post(upload::chunked_uploader))
        .route(
            "/api/2.0/files/{folder}/session/{session}",
            post(upload::append_chunk).delete(upload::abort),
        )
        .route(
            "/api/2.0/files/{folder}/session/{session}/upload",
            post(upload::put_chunk),
        )
        .route(
            "/api/2.0/files/{folder}/session/{session}/finalize",
            put(upload::finalize),
        )
        // embedding
        .route(
            "/api/2.0/security/csp",
            get(csp::get_csp).post(csp::set_csp),
        )
        // downloads at the files' viewUrl
        .route("/filehandler.ashx", get(download::file_handler))
        // OAuth2 client registration (its own module)
        .merge(crate::oauth::api_routes())
        // AI: providers, agents, chats (its own module)
        .merge(crate::ai::routes())
        // web plugins and their files (its own module)
        .merge(crate::plugins::routes())
        .route("/api/2.0/{*rest}", any(unknown_route))
        .layer(axum::extract::DefaultBodyLimit::max(upload::MAX_UPLOAD))
        .layer(middleware::from_fn_with_state(state, api_middleware))
}

async fn unknown_route() -> StatusCode {
    StatusCode::NOT_FOUND
}

/// Absolute base URL of the portal as the client addressed it (`http://host:port`).
pub fn portal_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("127.0.0.1");
    format!("http://{host}")
}

/// The base URL, as an extractor.
pub struct Portal(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Portal {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Portal(portal_url(&parts.headers)))
    }
}

/// The address of the client a request comes from: every per-address decision (anonymous
/// rate-limit partitions, the sign-in guard) goes through here (see [`crate::client_addr`]).
pub fn client_ip(parts: &Parts, state: &AppState) -> Option<std::net::IpAddr> {
    crate::client_addr::client_ip(parts, state.config.trusted_proxy_secret.as_deref())
}

/// The client's address, as an extractor (`None` when the server runs without connect info).
pub struct ClientIp(pub Option<std::net::IpAddr>);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(client_ip(parts, state)))
    }
}

/// The link key a request carries: the `Request-Token` header, else the `share` query parameter.
fn link_key(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get(REQUEST_TOKEN_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| {
            extract::Query::parse(parts.uri.query())
                .get("share")
                .map(str::to_string)
        })
        .filter(|k| !k.is_empty())
}

/// Resolves an external-link key to what it grants: nothing for unknown, expired or revoked
/// keys, internal links without a sign-in, and protected links without the password cookie
/// ([`link_access::status`]).
pub(crate) fn grant_of(
    conn: &rusqlite::Connection,
    key: &str,
    proof: &link_access::LinkProof,
) -> Result<Option<LinkGrant>, ApiError> {
    Ok(link_access::resolve(conn, key, proof)?
        .filter(|(_, status)| *status == link_access::LinkStatus::Ok)
        // A file's link opens that file only (`permissions::file_level`); it grants nothing in
        // the room around it.
        .map(|(l, _)| LinkGrant {
            link_id: l.id,
            room_id: l.room_id,
            file_id: l.file_id,
            access: l.access,
            deny_download: l.deny_download,
        }))
}

impl FromRequestParts<AppState> for Actor {
    type Rejection = ApiError;

    /// A signed-in user and/or a valid external link; neither is a 401.
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let user = credentials::caller_of(parts, state).await?.map(|c| c.user);
        let link = match link_key(parts) {
            Some(key) => {
                let proof = link_access::LinkProof::from_headers(&parts.headers, user.is_some());
                state.db.read(move |c| grant_of(c, &key, &proof)).await?
            }
            None => None,
        };
        if user.is_none() && link.is_none() {
            return Err(ApiError::Unauthorized);
        }
        Ok(Actor { user, link })
    }
}

/// Per request: CORS, preflight answers, authentication, scopes, rate limits, counters, the
/// envelope's self link and `?fields=`.
async fn api_middleware(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() == Method::OPTIONS {
        return cors::preflight(req.headers());
    }
    let cors = cors::allowed_origin(&state, req.headers()).await;
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    state.stats.count_request(method.as_str());
    let query = extract::Query::parse(req.uri().query());
    let link = RequestLink {
        href: format!(
            "{}{}",
            portal_url(req.headers()),
            req.uri()
                .path_and_query()
                .map(|p| p.as_str())
                .unwrap_or("/")
        ),
        action: method.to_string(),
        fields: query.get("fields").map(|f| {
            f.split(',')
                .map(|s| s.trim().to_ascii_lowercase())
                .filter(|s| !s.is_empty())
                .collect()
        }),
    };

    let (mut parts, body) = req.into_parts();
    // Answers about requests that carried a credential are the caller's own data: never cached.
    let private = credentials::credential_of(&parts).is_some() || link_key(&parts).is_some();
    let now = state.clock.now();
    let caller = match credentials::credential_of(&parts) {
        Some(cred) => match state
            .db
            .read(move |c| credentials::resolve(c, &cred, now))
            .await
        {
            Ok(c) => c,
            Err(e) => return early(&parts, body, e.into_response(), private, &cors).await,
        },
        None => None,
    };
    // API-key permissions and OAuth token scopes follow the same map.
    if let Some(c) = &caller
        && let Some(p) = c.kind.scopes()
        && !scopes::allows(p, &method, &path)
    {
        return early(
            &parts,
            body,
            ApiError::ScopeForbidden.into_response(),
            private,
            &cors,
        )
        .await;
    }
    if caller.is_some()
        && let Err(e) = crate::csrf::check(&parts, credentials::credential_is_cookie(&parts))
    {
        return early(&parts, body, e.into_response(), private, &cors).await;
    }
    let partition = match &caller {
        Some(c) => c.user.id.clone(),
        None => client_ip(&parts, &state)
            .map(|ip| format!("ip:{ip}"))
            .unwrap_or_else(|| "ip:unknown".into()),
    };
    let (in_flight, _) = state.stats.enter(&partition, method == Method::GET);
    let admitted = match state.limiter.admit(&partition, &method, &path) {
        Ok(a) => a,
        Err(headers) => {
            state.stats.count_rate_limited();
            let resp = ApiError::RateLimited(headers).into_response();
            return early(&parts, body, resp, private, &cors).await;
        }
    };
    if let Some(c) = &caller {
        if let AuthKind::ApiKey {
            id,
            stale_use: true,
            ..
        } = &c.kind
        {
            let id = id.clone();
            // Best effort: a failed `lastUsed` update must not fail the request.
            let _ = state
                .db
                .write(move |tx| crate::db::keys::touch(tx, &id))
                .await;
        }
        parts.extensions.insert(c.clone());
    }
    let req = Request::from_parts(parts, body);
    let mut resp = with_request_link(link, next.run(req)).await;
    // No `X-RateLimit-*` on admitted requests: DocSpace sends them only with a 429.
    if private {
        no_store(resp.headers_mut());
    }
    with_cors(hold_until_sent(resp, (admitted, in_flight)), &cors)
}

/// An answer sent before the handler ran: the unread body drained, CORS and caching headers set.
async fn early(
    parts: &Parts,
    body: axum::body::Body,
    resp: Response,
    private: bool,
    cors: &cors::AllowOrigin,
) -> Response {
    let mut resp = early::after_draining(&parts.headers, body, resp).await;
    if private {
        no_store(resp.headers_mut());
    }
    with_cors(resp, cors)
}

fn no_store(h: &mut HeaderMap) {
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

/// Keeps `guards` (the concurrency slot and the in-flight gauge) alive until the response body has
/// been sent, as ASP.NET holds a concurrency lease until its pipeline has written the response.
fn hold_until_sent<G: Send + 'static>(resp: Response, guards: G) -> Response {
    use futures::StreamExt;
    let (mut parts, body) = resp.into_parts();
    let exact = axum::body::HttpBody::size_hint(&body).exact();
    let bodiless = matches!(
        parts.status,
        StatusCode::NO_CONTENT | StatusCode::NOT_MODIFIED
    );
    if let Some(n) = exact
        && !bodiless
        && !parts.headers.contains_key(header::CONTENT_LENGTH)
    {
        parts
            .headers
            .insert(header::CONTENT_LENGTH, HeaderValue::from(n));
    }
    let stream = body.into_data_stream().map(move |chunk| {
        let _held = &guards;
        chunk
    });
    Response::from_parts(parts, axum::body::Body::from_stream(stream))
}

fn with_cors(mut resp: Response, allow: &cors::AllowOrigin) -> Response {
    cors::apply(resp.headers_mut(), allow);
    resp
}
