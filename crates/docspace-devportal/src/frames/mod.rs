//! The frame pages the Embed SDK loads into its iframes (manager, selectors, public room,
//! system, editor/viewer, sign-in), speaking DocSpace's postMessage protocol
//! (ONLYOFFICE/docspace-sdk-js `src/instance/index.ts`, and the handlers of ONLYOFFICE/DocSpace-client).
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

/// The frame pages at fixed paths (the manager's path has a tail, so it has its own route).
const PAGES: &[(&str, FramePage)] = &[
    ("/sdk/room-selector", FramePage::RoomSelector),
    ("/sdk/file-selector", FramePage::FileSelector),
    ("/sdk/public-room", FramePage::PublicRoom),
    ("/old-sdk/system", FramePage::System),
    ("/doceditor", FramePage::Editor),
    ("/login", FramePage::SignIn),
];

/// Routes of every frame page and of their assets.
pub fn router() -> Router<AppState> {
    let pages = PAGES.iter().fold(Router::new(), |router, &(path, page)| {
        router.route(
                path,
                get(
                    move |State(state): State<AppState>,
                          uri: Uri,
                          headers: HeaderMap,
                          q: Params| async move {
                        serve(&state, page, &uri, &headers, &params(q)).await
                    },
                ),
            )
    });
    pages
        .route("/rooms/{*rest}", get(manager))
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
    serve(&state, FramePage::Manager, &uri, &headers, &params(q)).await
}

/// Whether `page` needs a session for this query: a room's share key (`key`) or a file's share
/// token (`share`) opens it without one, as DocSpace does; the selectors always need one; the
/// public room, the system frame and the sign-in page never do.
fn needs_session(page: FramePage, params: &HashMap<String, String>) -> bool {
    match page {
        FramePage::Manager => !params.contains_key("key"),
        FramePage::Editor => params.get("share").is_none_or(|s| s.is_empty()),
        FramePage::RoomSelector | FramePage::FileSelector => true,
        FramePage::PublicRoom | FramePage::System | FramePage::SignIn => false,
    }
}

/// Renders `page`, or sends the visitor to sign in first when the page needs a session.
async fn serve(
    state: &AppState,
    page: FramePage,
    uri: &Uri,
    headers: &HeaderMap,
    params: &HashMap<String, String>,
) -> Response {
    if needs_session(page, params) && !session::is_signed_in(state, headers).await {
        return session::redirect_to_sign_in(uri);
    }
    let ancestors = csp::domains(state).await;
    page::render(page, params, &ancestors, StatusCode::OK)
}
