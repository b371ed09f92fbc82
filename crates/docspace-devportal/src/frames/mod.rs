//! The frame pages the Embed SDK loads into its iframes (manager, selectors, public room,
//! system, editor/viewer, sign-in), speaking DocSpace's postMessage protocol.

use axum::Router;

use crate::state::AppState;

/// Routes of every frame page.
pub fn router() -> Router<AppState> {
    Router::new()
}
