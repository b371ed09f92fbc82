//! Sign-in and sign-out: `/api/2.0/authentication` (ONLYOFFICE/DocSpace-server: `web/ASC.Web.Api/Api/AuthenticationController.cs`).

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::ClientIp;
use super::extract::JsonBody;
use crate::auth::{
    self as credentials, AUTH_COOKIE, AuthKind, Caller, PASSWORD_ITERATIONS, PASSWORD_SIZE_BITS,
};
use crate::db::{sessions, settings};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::login_guard;
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

/// How long a login lasts on the server, with or without `session` (DocSpace's default:
/// `TenantCookieSettingsHelper.GetExpiresTimeAsync` gives now + 1 year, and `CookieStorage`
/// writes that expiry into every token, `session: true` or not; `session` only drops the cookie's
/// `Expires` and the answer's `expires`. `ONLYOFFICE/DocSpace-server:
/// common/ASC.Core.Common/Tenants/TenantCookieSettings.cs`,
/// `common/ASC.Core.Common/Security/Authentication/CookieStorage.cs`, `web/ASC.Web.Core/CookiesManager.cs`).
const LOGIN_DAYS: i64 = 365;

/// A stored password no client hash matches, checked when the e-mail is unknown so that an
/// unknown account costs the same work as a wrong password.
fn dummy_stored() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| credentials::store_password(&credentials::random_hex(32)))
}

/// `POST /api/2.0/authentication`: checks the password (or its client-side hash), opens a session,
/// answers `{token, expires}` and sets the `asc_auth_key` cookie.
///
/// The brute-force guard ([`crate::login_guard`]) records the attempt first; the user is read
/// with a read connection, the password (PBKDF2 for a plain one) checked on a blocking thread
/// outside the write lock, and only the new session is written. Unknown e-mails go through the
/// same hashing against a dummy stored hash and get the same 401 as a wrong password.
pub async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    JsonBody(req): JsonBody<AuthRequest>,
) -> ApiResult<Response> {
    let email = req.user_name.filter(|u| !u.trim().is_empty());
    let (Some(email), true) = (email, req.password.is_some() || req.password_hash.is_some()) else {
        return Err(ApiError::AuthenticationFailed(FAILED.into()));
    };
    let email = email.trim().to_string();
    let attempt = state
        .login_guard
        .attempt(&email, ip)
        .map_err(|_| ApiError::Refused(login_guard::TOO_MANY.into()))?;
    let (user, stored, salt) = state
        .db
        .read(move |c| {
            let user = users::by_email(c, &email)?;
            let stored = match &user {
                Some(u) => users::password_of(c, &u.id)?,
                None => None,
            };
            let salt = settings::get(c, settings::PASSWORD_SALT)?.unwrap_or_default();
            Ok((user, stored, salt))
        })
        .await?;
    let (password_hash, password) = (req.password_hash, req.password);
    let verified = tokio::task::spawn_blocking(move || {
        let client_hash = match (password_hash, password) {
            (Some(h), _) => h.trim().to_ascii_lowercase(),
            (None, Some(p)) => {
                credentials::password_hash(p.trim(), &salt, PASSWORD_ITERATIONS, PASSWORD_SIZE_BITS)
            }
            (None, None) => String::new(),
        };
        let stored = stored.as_deref().unwrap_or_else(|| dummy_stored());
        credentials::verify_password(&client_hash, stored)
    })
    .await
    .map_err(|e| ApiError::Internal(format!("password check: {e}")))?;
    let user = match user {
        Some(u) if verified => u,
        _ => return Err(ApiError::AuthenticationFailed(FAILED.into())),
    };
    state.login_guard.succeeded(attempt);
    if user.status != 1 {
        return Err(ApiError::InvalidOperation("The user is disabled".into()));
    }
    let session_only = req.session.unwrap_or(false);
    let token = credentials::random_hex(32);
    let token_for_db = token.clone();
    let expires = now() + chrono::Duration::days(LOGIN_DAYS);
    state
        .db
        .write(move |tx| sessions::insert(tx, &token_for_db, &user.id, Some(expires)))
        .await?;
    let shown_expiry = (!session_only).then_some(expires);
    let mut body = json!({ "token": token });
    if let Some(e) = shown_expiry {
        body["expires"] = json!(api_datetime(e));
    }
    let csp_domains = state
        .db
        .read(|c| Ok(super::csp::domains(c)?.len()))
        .await
        .unwrap_or(0);
    let mut resp = Envelope::from_value(body).into_response();
    let cookie = auth_cookie(&token, shown_expiry, is_https(&headers), csp_domains > 0);
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(resp)
}

/// Whether the request came over HTTPS (as the proxy in front says).
pub(super) fn is_https(headers: &HeaderMap) -> bool {
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

    async fn sign_in(state: &AppState, email: &str, password: &str, session: bool) -> Response {
        let req = AuthRequest {
            user_name: Some(email.into()),
            password: Some(password.into()),
            password_hash: None,
            session: Some(session),
        };
        login(
            State(state.clone()),
            ClientIp(None),
            HeaderMap::new(),
            JsonBody(req),
        )
        .await
        .into_response()
    }

    async fn token_of(resp: Response) -> String {
        let body = axum::body::to_bytes(resp.into_body(), 1 << 20)
            .await
            .expect("body");
        let v: serde_json::Value = serde_json::from_slice(&body).expect("json");
        v["response"]["token"].as_str().expect("token").to_string()
    }

    #[tokio::test]
    async fn browser_sessions_expire_on_the_server_and_expired_tokens_are_refused() {
        let (state, owner) = AppState::for_tests();
        for session in [true, false] {
            let token =
                token_of(sign_in(&state, &owner.email, &owner.password, session).await).await;
            let hash = credentials::hash_secret(&token);
            let expires: Option<String> = state
                .db
                .read_now(|c| {
                    Ok(c.query_row(
                        "SELECT expires FROM sessions WHERE token_hash = ?1",
                        [&hash],
                        |r| r.get(0),
                    )?)
                })
                .expect("session row");
            let left = crate::time::parse_db_time(&expires.expect("an expiry")) - now();
            assert!(
                (364..=365).contains(&left.num_days()),
                "session {session}: {left}"
            );
            let cred = credentials::Credential::Token(token.clone());
            assert!(
                state
                    .db
                    .read_now(|c| credentials::resolve(c, &cred, crate::time::now()))
                    .expect("resolves")
                    .is_some()
            );
            // Once the row's expiry has passed, the token is nobody's.
            state
                .db
                .write_now(|tx| {
                    tx.execute(
                        "UPDATE sessions SET expires = ?1 WHERE token_hash = ?2",
                        [
                            crate::time::db_time(now() - chrono::Duration::seconds(1)),
                            hash,
                        ],
                    )?;
                    Ok(())
                })
                .expect("expired");
            assert!(
                state
                    .db
                    .read_now(|c| credentials::resolve(c, &cred, crate::time::now()))
                    .expect("resolves")
                    .is_none()
            );
        }
    }

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
