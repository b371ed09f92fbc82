//! OAuth2 as DocSpace's identity service (ASC.Identity, on Spring Authorization Server) serves
//! it: the registration API (`/api/2.0/clients`, `/api/2.0/scopes`) in [`clients`], the
//! authorization endpoint and consent page in [`authorize`], tokens, revocation, introspection
//! and userinfo in [`token`], ES256 JWTs and the JWK set in [`jwt`], all stored in SQLite by
//! [`store`]. REST calls with `Authorization: Bearer <access token>` act as the token's user with
//! its scopes ([`crate::auth::bearer_caller`], enforced by `api::scopes` like API-key permissions).
//!
//! Routes outside `/api/2.0`: `/oauth2/authorize` (GET, POST), `/oauth2/token`, `/oauth2/revoke`,
//! `/oauth2/introspect`, `/oauth2/userinfo`, `/oauth2/jwks`, and the discovery documents
//! `/.well-known/openid-configuration`, `/.well-known/oauth-authorization-server` (also under
//! `/oauth2/`, where DocSpace's API looks: `authority + "/.well-known/openid-configuration"` with
//! authority `{portal}/oauth2`, `common/ASC.Api.Core/Auth/JwtBearerAuthHandler.cs`).
//!
//! Sources are paths in `ONLYOFFICE/DocSpace-server` under `common/ASC.Identity/`.

pub mod authorize;
pub mod bearer;
pub mod clients;
pub mod form;
pub mod jwt;
mod pat;
pub mod store;
pub mod token;
pub mod validate;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, patch, post};
use serde_json::json;

use crate::envelope::json_response;
use crate::state::AppState;

/// Access token lifetime: `ACCESS_TOKEN_TTL:60` minutes
/// (`infrastructure/infrastructure-configuration/src/main/resources/application-security.yml`).
pub const ACCESS_TTL_SECS: i64 = 60 * 60;
/// Authorization code lifetime: `AUTHORIZATION_CODE_TTL:1` minute (same file).
pub const CODE_TTL_SECS: i64 = 60;
/// Refresh token lifetime: `REFRESH_TOKEN_TTL:60` days (same file).
pub const REFRESH_TTL_SECS: i64 = 60 * 24 * 60 * 60;

/// `iss` of the tokens: `{portal}/oauth2`, the authority DocSpace's API validates against.
pub fn issuer(portal: &str) -> String {
    format!("{portal}/oauth2")
}

/// The authorization server's routes (outside `/api/2.0`), with CORS open to every origin as
/// DocSpace configures them (`corsConfigurationSource()`: `allowedOrigins("*")`, max age 3600).
pub fn router() -> Router<AppState> {
    let discovery = get(metadata);
    Router::new()
        .route(
            "/oauth2/authorize",
            get(authorize::authorize).post(authorize::consent),
        )
        .route("/oauth2/token", post(token::token))
        .route("/oauth2/revoke", post(token::revoke))
        .route("/oauth2/introspect", post(token::introspect))
        .route(
            "/oauth2/userinfo",
            get(token::userinfo).post(token::userinfo),
        )
        .route("/oauth2/jwks", get(jwks))
        .route("/.well-known/openid-configuration", discovery.clone())
        .route("/.well-known/oauth-authorization-server", discovery.clone())
        .route(
            "/.well-known/oauth-authorization-server/oauth2",
            discovery.clone(),
        )
        .route(
            "/oauth2/.well-known/openid-configuration",
            discovery.clone(),
        )
        .route("/oauth2/.well-known/oauth-authorization-server", discovery)
        .layer(middleware::from_fn(cors))
}

async fn cors(req: Request, next: Next) -> Response {
    let consent = req.uri().path() == "/oauth2/authorize";
    if req.method() == Method::OPTIONS && !consent {
        let asked = req
            .headers()
            .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
            .cloned()
            .unwrap_or_else(|| HeaderValue::from_static("*"));
        let preflight = [
            (
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                HeaderValue::from_static("*"),
            ),
            (
                header::ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static("GET, POST, OPTIONS"),
            ),
            (header::ACCESS_CONTROL_ALLOW_HEADERS, asked),
            (
                header::ACCESS_CONTROL_MAX_AGE,
                HeaderValue::from_static("3600"),
            ),
        ];
        return (StatusCode::NO_CONTENT, HeaderMap::from_iter(preflight)).into_response();
    }
    let mut resp = next.run(req).await;
    // The consent endpoint is a page of the portal, not an API for other origins.
    if !consent {
        resp.headers_mut().insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
    }
    resp
}

/// RFC 8414 / OpenID Connect Discovery metadata, one document for both paths.
async fn metadata(headers: HeaderMap) -> Response {
    let portal = crate::api::portal_url(&headers);
    let scopes: Vec<&str> = validate::SCOPES.iter().map(|s| s.0).collect();
    json_response(
        StatusCode::OK,
        &json!({
            "issuer": issuer(&portal),
            "authorization_endpoint": format!("{portal}/oauth2/authorize"),
            "token_endpoint": format!("{portal}/oauth2/token"),
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic", "none"],
            "jwks_uri": format!("{portal}/oauth2/jwks"),
            "userinfo_endpoint": format!("{portal}/oauth2/userinfo"),
            "revocation_endpoint": format!("{portal}/oauth2/revoke"),
            "revocation_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
            "introspection_endpoint": format!("{portal}/oauth2/introspect"),
            "introspection_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code", "refresh_token", "personal_access_token"],
            "code_challenge_methods_supported": ["S256"],
            "scopes_supported": scopes,
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["ES256"],
        }),
    )
}

async fn jwks(State(state): State<AppState>) -> Response {
    // Keys are made (and rotated) on use, so the set is never empty.
    let now = state.clock.now();
    match state
        .db
        .write(move |tx| {
            jwt::ensure_key(tx, now)?;
            jwt::jwk_set(tx, now)
        })
        .await
    {
        Ok(v) => json_response(StatusCode::OK, &v),
        Err(e) => e.into_response(),
    }
}

/// The tenant id in tokens and `ClientResponse.tenant`: a devportal is a single tenant, DocSpace's
/// first (`tid`, `KeyPairRepositoryJWKSource.java`).
pub const TENANT_ID: i64 = 1;

/// The registration API; merged into the `/api/2.0` router so it shares its middleware
/// (authentication, CORS, cross-site write checks, rate limits).
pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route(
            "/api/2.0/clients",
            post(clients::create)
                .get(clients::list)
                .delete(clients::delete_all),
        )
        .route("/api/2.0/clients/consents", get(clients::consents))
        .route("/api/2.0/clients/info", get(clients::list_info))
        .route(
            "/api/2.0/clients/{id}/public/info",
            get(clients::public_info),
        )
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{db_time, now};

    #[test]
    fn an_expired_access_token_is_nobody_and_a_live_one_is_its_user() {
        let (state, owner) = AppState::for_tests();
        let db = &state.db;
        let user = db
            .read_now(|c| crate::users::by_email(c, &owner.email))
            .expect("read")
            .expect("owner");
        let t = db_time(now());
        let client = store::test_client("c1", &user.id);
        let token = |exp: i64, jti: &str| {
            let a = store::Authorization::without_code(
                jti.into(),
                "c1",
                &user.id,
                vec!["files:read".into()],
            );
            let claims = json!({"sub": user.id, "exp": exp, "jti": jti, "cid": "c1"});
            db.write_now(|tx| {
                store::insert_authorization(tx, &a, &format!("code-{jti}"), &t)?;
                store::set_tokens(tx, jti, jti, &t, None)?;
                jwt::sign(tx, &claims, now())
            })
            .expect("issued")
        };
        db.write_now(|tx| store::insert_client(tx, &client))
            .expect("client");
        let expired = token(now().timestamp() - 1, "j1");
        let live = token(now().timestamp() + 60, "j2");
        let who = |tok: &str| {
            db.read_now(|c| crate::auth::bearer_caller(c, tok, now()))
                .expect("resolves")
                .map(|c| c.user.email)
        };
        assert_eq!(who(&expired), None);
        assert_eq!(who(&live), Some(owner.email.clone()));
    }
}
