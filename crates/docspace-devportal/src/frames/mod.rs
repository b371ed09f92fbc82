//! The frame pages the Embed SDK loads into its iframes (manager, selectors, public room,
//! system, editor/viewer, sign-in), speaking DocSpace's postMessage protocol
//! (`reference/embed-sdk-protocol.md`).
//!
//! Every page is a small HTML shell served at DocSpace's path, plus vanilla ES modules and CSS
//! embedded in the binary (`assets/`). The modules do the work in the browser: the handshake
//! (`onCallCommand setConfig` with the frame's origin), `setIsLoaded` and `onAppReady` where
//! DocSpace sends them, method replies, events with DocSpace's payloads, and the UI. They call the
//! portal's own REST API with the cookie session, as DocSpace's pages do.
//!
//! | path | page | session |
//! |---|---|---|
//! | `/rooms/{shared,personal,archived}/[{id}/]filter?…` | manager | required (or `key`) |
//! | `/sdk/room-selector` | room selector | required |
//! | `/sdk/file-selector` | file selector | required |
//! | `/sdk/public-room?key=…` | public room | not needed (the key) |
//! | `/old-sdk/system` | system (login, hashes) | not needed |
//! | `/doceditor?fileId=…[&action=view]` | editor / viewer stand-in | required (or `share`) |
//! | `/login?returnUrl=…` | sign-in | — |
//!
//! Pages that need a session and have none redirect to `/login`, which returns to the framed
//! page after sign-in (the iframe's `window.name`, which carries the frame id, survives).
//! Every page carries `Content-Security-Policy: frame-ancestors 'self' <CSP domains>`.

mod assets;
pub mod csp;
mod page;
pub(crate) mod session;

use std::collections::HashMap;

use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use axum::routing::get;

pub use page::FramePage;

use crate::state::AppState;

/// Routes of every frame page and of their assets.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rooms/{*rest}", get(manager))
        .route("/sdk/room-selector", get(room_selector))
        .route("/sdk/file-selector", get(file_selector))
        .route("/sdk/public-room", get(public_room))
        .route("/old-sdk/system", get(system))
        .route("/doceditor", get(editor))
        .route("/login", get(sign_in))
        .route(
            "/static/devportal/frames/{*path}",
            get(assets::serve_frame_asset),
        )
        .route("/static/images/{*path}", get(assets::serve_image))
}

/// The query string as a map; a malformed query counts as empty (pages read it again in JS).
type Params = Result<Query<HashMap<String, String>>, QueryRejection>;

fn params(q: Params) -> HashMap<String, String> {
    q.map(|Query(m)| m).unwrap_or_default()
}

/// `/rooms/…`: the manager. `rest` must be a section with an optional folder id and `filter`.
async fn manager(
    State(state): State<AppState>,
    Path(rest): Path<String>,
    uri: Uri,
    headers: HeaderMap,
    q: Params,
) -> Response {
    if !page::is_manager_path(&rest) {
        return page::not_found(&state, &uri).await;
    }
    let params = params(q);
    // A share key opens the linked room read-only without a session, as DocSpace does.
    let needs_session = !params.contains_key("key");
    serve(
        &state,
        FramePage::Manager,
        &uri,
        &headers,
        &params,
        needs_session,
    )
    .await
}

async fn room_selector(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    q: Params,
) -> Response {
    let params = params(q);
    serve(
        &state,
        FramePage::RoomSelector,
        &uri,
        &headers,
        &params,
        true,
    )
    .await
}

async fn file_selector(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    q: Params,
) -> Response {
    let params = params(q);
    serve(
        &state,
        FramePage::FileSelector,
        &uri,
        &headers,
        &params,
        true,
    )
    .await
}

async fn public_room(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    q: Params,
) -> Response {
    let params = params(q);
    serve(
        &state,
        FramePage::PublicRoom,
        &uri,
        &headers,
        &params,
        false,
    )
    .await
}

async fn system(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    q: Params,
) -> Response {
    let params = params(q);
    serve(&state, FramePage::System, &uri, &headers, &params, false).await
}

async fn editor(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    q: Params,
) -> Response {
    let params = params(q);
    // A share token gives access to the one file without a session.
    let needs_session = params.get("share").is_none_or(|s| s.is_empty());
    serve(
        &state,
        FramePage::Editor,
        &uri,
        &headers,
        &params,
        needs_session,
    )
    .await
}

async fn sign_in(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    q: Params,
) -> Response {
    let params = params(q);
    serve(&state, FramePage::SignIn, &uri, &headers, &params, false).await
}

/// Renders `page`, or sends the visitor to sign in first when the page needs a session.
async fn serve(
    state: &AppState,
    page: FramePage,
    uri: &Uri,
    headers: &HeaderMap,
    params: &HashMap<String, String>,
    needs_session: bool,
) -> Response {
    if needs_session && !session::is_signed_in(state, headers).await {
        return session::redirect_to_sign_in(uri);
    }
    let ancestors = csp::domains(state).await;
    page::render(page, params, &ancestors, StatusCode::OK)
}
