//! OAuth2 as DocSpace's identity service (ASC.Identity, on Spring Authorization Server) serves
//! it: the registration API (`/api/2.0/clients`, `/api/2.0/scopes`) in [`clients`], stored in
//! SQLite by [`store`].
//!
//! Sources are paths in `ONLYOFFICE/DocSpace-server` under `common/ASC.Identity/`.

pub mod clients;
pub mod jwt;
pub mod store;

use axum::Router;
use axum::routing::{delete, get, patch, post};

use crate::state::AppState;

/// The tenant id in tokens and `ClientResponse.tenant`: a devportal is a single tenant, DocSpace's
/// first (`tid`, `KeyPairRepositoryJWKSource.java`).
pub const TENANT_ID: i64 = 1;

/// The registration API; merged into the `/api/2.0` router so it shares its middleware
/// (authentication, CORS, cross-site write checks, rate limits).
pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route("/api/2.0/clients", post(clients::create).get(clients::list))
        .route(
            "/api/2.0/clients/{id}",
            get(clients::get)
                .put(clients::update)
                .delete(clients::delete),
        )
        .route("/api/2.0/clients/{id}/info", get(clients::info))
        .route(
            "/api/2.0/clients/{id}/regenerate",
            patch(clients::regenerate),
        )
        .route(
            "/api/2.0/clients/{id}/activation",
            patch(clients::activation),
        )
        .route(
            "/api/2.0/clients/{id}/revoke",
            delete(clients::revoke_consent),
        )
        .route("/api/2.0/scopes", get(clients::scopes))
}
