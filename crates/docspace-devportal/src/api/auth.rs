//! Sign-in and sign-out: `/api/2.0/authentication` (`reference/rest-api.md` §2.3).

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::extract::JsonBody;
use crate::auth::{
    self as credentials, AUTH_COOKIE, AuthKind, Caller, PASSWORD_ITERATIONS, PASSWORD_SIZE_BITS,
};
use crate::db::{sessions, settings};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::state::AppState;
use crate::time::{api_datetime, now};
use crate::users;

/// `AuthRequestsDto` (the fields the portal uses).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct AuthRequest {
    user_name: Option<String>,
    password: Option<String>,
    password_hash: Option<String>,
    session: Option<bool>,
}

const FAILED: &str = "User authentication failed";

/// How long a non-session login lasts (DocSpace's default cookie lifetime).
const LOGIN_DAYS: i64 = 365;

/// `POST /api/2.0/authentication`: checks the password (or its client-side hash), opens a session,
/// answers `{token, expires}` and sets the `asc_auth_key` cookie.
pub async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    JsonBody(req): JsonBody<AuthRequest>,
) -> ApiResult<Response> {
    let email = req.user_name.filter(|u| !u.trim().is_empty());
    let (Some(email), true) = (email, req.password.is_some() || req.password_hash.is_some()) else {
        return Err(ApiError::AuthenticationFailed(FAILED.into()));
    };
    let session_only = req.session.unwrap_or(false);
    let token = credentials::random_hex(32);
    let token_for_db = token.clone();
    let expires = (!session_only).then(|| now() + chrono::Duration::days(LOGIN_DAYS));
    state
        .db
        .write(move |tx| {
            let user = users::by_email(tx, email.trim())?
                .ok_or_else(|| ApiError::AuthenticationFailed(FAILED.into()))?;
            let stored = users::password_of(tx, &user.id)?
                .ok_or_else(|| ApiError::AuthenticationFailed(FAILED.into()))?;
            let client_hash = match (req.password_hash, req.password) {
                (Some(h), _) => h.to_ascii_lowercase(),
                (None, Some(p)) => {
                    let salt = settings::get(tx, settings::PASSWORD_SALT)?.unwrap_or_default();
                    credentials::password_hash(&p, &salt, PASSWORD_ITERATIONS, PASSWORD_SIZE_BITS)
                }
                (None, None) => return Err(ApiError::AuthenticationFailed(FAILED.into())),
            };
            if !credentials::verify_password(&client_hash, &stored) {
                return Err(ApiError::AuthenticationFailed(FAILED.into()));
            }
            if user.status != 1 {
                return Err(ApiError::InvalidOperation("The user is disabled".into()));
            }
            sessions::insert(tx, &token_for_db, &user.id, expires)
        })
        .await?;
    let mut body = json!({ "token": token });
    if let Some(e) = expires {
        body["expires"] = json!(api_datetime(e));
    }
    let csp_domains = state
        .db
        .read(|c| Ok(super::csp::domains(c)?.len()))
        .await
        .unwrap_or(0);
    let mut resp = Envelope::from_value(body).into_response();
    let cookie = auth_cookie(&token, expires, is_https(&headers), csp_domains > 0);
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(resp)
}

fn is_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|p| p.eq_ignore_ascii_case("https"))
}

/// The `asc_auth_key` cookie: HttpOnly; `SameSite=None; Secure` over HTTPS when CSP domains are
/// configured (as DocSpace, so embedded frames keep their session), else `Lax` (same-site frames of
/// a plain-http loopback portal keep it too).
pub fn auth_cookie(
    token: &str,
    expires: Option<chrono::DateTime<chrono::Utc>>,
    https: bool,
    has_csp_domains: bool,
) -> String {
    let mut c = format!("{AUTH_COOKIE}={token}; Path=/; HttpOnly");
    if https && has_csp_domains {
        c.push_str("; SameSite=None; Secure");
    } else {
        c.push_str("; SameSite=Lax");
        if https {
            c.push_str("; Secure");
        }
    }
    if let Some(e) = expires {
        c.push_str(&format!(
            "; Expires={}",
            e.format("%a, %d %b %Y %H:%M:%S GMT")
        ));
    }
    c
}

/// `GET /api/2.0/authentication`: whether the caller is signed in.
pub async fn is_authenticated(caller: Option<Caller>) -> Envelope {
    Envelope::ok(caller.is_some())
}

/// `POST /api/2.0/authentication/logout`: ends the session behind the token and clears the cookie.
pub async fn logout(State(state): State<AppState>, caller: Option<Caller>) -> ApiResult<Response> {
    if let Some(Caller {
        kind: AuthKind::Session { token },
        ..
    }) = caller
    {
        state
            .db
            .write(move |tx| sessions::delete(tx, &token))
            .await?;
    }
    let mut resp = Envelope::empty().into_response();
    resp.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_static(
            "asc_auth_key=; Path=/; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        ),
    );
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_flags_follow_docspace() {
        let c = auth_cookie("t", None, false, true);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && !c.contains("Secure"));
        let c = auth_cookie("t", None, true, true);
        assert!(c.contains("SameSite=None; Secure"));
        let c = auth_cookie("t", Some(now()), false, false);
        assert!(c.contains("Expires="));
    }
}
