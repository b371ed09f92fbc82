//! `GET /oauth2/authorize` and the consent form's `POST /oauth2/authorize`.
//!
//! As DocSpace's identity service (Spring Authorization Server with
//! `requireAuthorizationConsent(true)`, `AuthorizationServerConfiguration.java`,
//! `AuthorizationSuccessResponseHandler.java`):
//! - the user must be signed in to the portal (its `asc_auth_key` cookie); otherwise the browser
//!   goes to the portal's sign-in page, which returns to the request afterwards;
//! - an unknown or disabled client, or a `redirect_uri` that is not one of the client's registered
//!   URIs exactly, is answered here with an error page and never redirected (RFC 6749 §4.1.2.1);
//! - other errors go back to the redirect URI as `error=...&state=...` (`invalid_scope`,
//!   `unsupported_response_type`, `invalid_request`, `access_denied`);
//! - a consent already given for every requested scope skips the consent page;
//! - the consent form posts `client_id`, `state` and repeated `scope` (multipart, as the DocSpace
//!   login app's `onOAuthSubmit`; `onOAuthCancel` posts no `scope`: a denial), `ONLYOFFICE/
//!   DocSpace-client: packages/shared/api/oauth/index.ts`; the `state` is the server's own
//!   one-time value bound to the signed-in user, so a forged post has nothing to name;
//! - `X-Disable-Redirect: true` turns a redirect into `200` with the target in `X-Redirect-URI`.
//!
//! PKCE: `code_challenge_method` must be `S256` when a challenge is sent (Spring supports only
//! S256); the challenge is optional here and checked at the token endpoint.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use super::store::{self, PendingRequest};
use super::{CODE_TTL_SECS, form};
use crate::auth::{self, Credential};
use crate::secrets::{hash_secret, random_hex};
use crate::state::AppState;
use crate::time::{db_time, parse_db_time};
use crate::users::User;

/// How long a consent page may stay open.
const CONSENT_TTL_SECS: i64 = 600;

/// The user signed in by the portal's cookie.
async fn cookie_user(state: &AppState, headers: &HeaderMap) -> Option<User> {
    let token = auth::cookie_value(headers, auth::AUTH_COOKIE)?;
    let cred = Credential::Token(token);
    let now = state.clock.now();
    match state.db.read(move |c| auth::resolve(c, &cred, now)).await {
        Ok(Some(c)) => Some(c.user),
        _ => None,
    }
}

/// An error shown to the user, never sent to the client's redirect URI.
fn error_page(status: StatusCode, error: &str, description: &str) -> Response {
    let body = format!(
        "<!doctype html><meta charset=utf-8><title>Authorization error</title>\
         <h1>{}</h1><p>{}</p>",
        html(error),
        html(description)
    );
    page(status, body)
}

fn page(status: StatusCode, body: String) -> Response {
    let mut resp = (status, body).into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // The consent page must not be framed (clickjacking); no script runs on it.
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        ),
    );
    resp
}

fn html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// `uri` with `pairs` appended to its query.
pub fn with_query(uri: &str, pairs: &[(&str, Option<&str>)]) -> String {
    let mut ser = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        if let Some(v) = v {
            ser.append_pair(k, v);
        }
    }
    let q = ser.finish();
    let sep = if uri.contains('?') { '&' } else { '?' };
    format!("{uri}{sep}{q}")
}

/// A redirect to the client, or `200` + `X-Redirect-URI` when the caller asked for no redirect.
fn redirect(headers: &HeaderMap, location: &str) -> Response {
    let disable = headers
        .get("x-disable-redirect")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let Ok(value) = HeaderValue::from_str(location) else {
        return error_page(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The redirect URI is not a valid header value.",
        );
    };
    let mut resp = if disable {
        let mut r = StatusCode::OK.into_response();
        r.headers_mut().insert("x-redirect-uri", value);
        r
    } else {
        let mut r = StatusCode::FOUND.into_response();
        r.headers_mut().insert(header::LOCATION, value);
        r
    };
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

fn redirect_error(
    headers: &HeaderMap,
    redirect_uri: &str,
    error: &str,
    description: &str,
    state: Option<&str>,
) -> Response {
    let loc = with_query(
        redirect_uri,
        &[
            ("error", Some(error)),
            ("error_description", Some(description)),
            ("state", state),
        ],
    );
    redirect(headers, &loc)
}

/// `GET /oauth2/authorize`.
pub async fn authorize(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> Response {
    let q = form::parse(q.as_deref().unwrap_or("").as_bytes());
    let one = |k: &str| form::one(&q, k);
    let Some(client_id) = one("client_id") else {
        return error_page(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "client_id is missing.",
        );
    };
    let cid = client_id.clone();
    let client = match state.db.read(move |c| store::client(c, &cid)).await {
        Ok(Some(c)) if c.enabled => c,
        Ok(_) => {
            return error_page(
                StatusCode::BAD_REQUEST,
                "invalid_client",
                "The client does not exist or is disabled.",
            );
        }
        Err(e) => return e.into_response(),
    };
    let redirect_uri = match one("redirect_uri") {
        Some(r) if client.redirect_uris.contains(&r) => r,
        Some(_) => {
            return error_page(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "redirect_uri does not match a registered redirect URI of the client.",
            );
        }
        None if client.redirect_uris.len() == 1 => client.redirect_uris[0].clone(),
        None => {
            return error_page(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "redirect_uri is missing.",
            );
        }
    };
    let client_state = one("state");
    let fail = |error: &str, description: &str| {
        redirect_error(
            &headers,
            &redirect_uri,
            error,
            description,
            client_state.as_deref(),
        )
    };
    if one("response_type").as_deref() != Some("code") {
        return fail(
            "unsupported_response_type",
            "Only response_type=code is supported.",
        );
    }
    let scopes = form::scopes(&q);
    if scopes.is_empty() || scopes.iter().any(|s| !client.scopes.contains(s)) {
        return fail(
            "invalid_scope",
            "A requested scope is not allowed for this client.",
        );
    }
    let challenge = one("code_challenge");
    match (
        challenge.as_deref(),
        one("code_challenge_method").as_deref(),
    ) {
        (Some(_), Some("S256")) | (None, None) => {}
        (Some(_), None) | (Some(_), Some(_)) => {
            return fail("invalid_request", "code_challenge_method must be S256.");
        }
        (None, Some(_)) => return fail("invalid_request", "code_challenge is missing."),
    }
    let Some(user) = cookie_user(&state, &headers).await else {
        return crate::frames::session::redirect_to_sign_in(&uri);
    };
    let pending = PendingRequest {
        client_id: client.client_id.clone(),
        user_id: user.id.clone(),
        redirect_uri: redirect_uri.clone(),
        scopes: scopes.clone(),
        client_state: client_state.clone(),
        code_challenge: challenge,
        nonce: one("nonce"),
        expires: db_time(state.clock.now() + chrono::Duration::seconds(CONSENT_TTL_SECS)),
    };
    let (cid, uid) = (client.client_id.clone(), user.id.clone());
    let consented = match state.db.read(move |c| store::consent(c, &cid, &uid)).await {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    // `openid` alone needs no consent (Spring's `requiresAuthorizationConsent`).
    if scopes
        .iter()
        .all(|s| s == "openid" || consented.contains(s))
    {
        return issue_code(&state, &headers, pending, scopes).await;
    }
    let form_state = random_hex(32);
    let hash = hash_secret(&form_state);
    let stored = pending.clone();
    if let Err(e) = state
        .db
        .write(move |tx| store::insert_request(tx, &hash, &stored))
        .await
    {
        return e.into_response();
    }
    consent_page(&client, &user, &scopes, &form_state)
}

fn consent_page(
    client: &store::Client,
    user: &User,
    scopes: &[String],
    form_state: &str,
) -> Response {
    let hidden = format!(
        "<input type=hidden name=client_id value=\"{}\"><input type=hidden name=state value=\"{}\">",
        html(&client.client_id),
        html(form_state)
    );
    let boxes: String = scopes
        .iter()
        .map(|s| {
            format!(
                "<li><label><input type=checkbox name=scope value=\"{0}\" checked> {0}</label></li>",
                html(s)
            )
        })
        .collect();
    let body = format!(
        "<!doctype html><meta charset=utf-8><title>{name} wants access</title>\
         <h1>{name}</h1><p>{who}, this application asks to:</p>\
         <form method=post action=\"/oauth2/authorize\" enctype=\"multipart/form-data\" id=allow>\
         {hidden}<ul>{boxes}</ul><button type=submit>Allow</button></form>\
         <form method=post action=\"/oauth2/authorize\" enctype=\"multipart/form-data\" id=deny>\
         {hidden}<button type=submit>Deny</button></form>",
        name = html(&client.name),
        who = html(&user.display_name()),
    );
    page(StatusCode::OK, body)
}

/// Stores a code for `pending` with the `granted` scopes and sends the browser back with it.
async fn issue_code(
    state: &AppState,
    headers: &HeaderMap,
    pending: PendingRequest,
    granted: Vec<String>,
) -> Response {
    let code = random_hex(32);
    let hash = hash_secret(&code);
    let t = state.clock.now();
    let a = store::Authorization {
        id: uuid::Uuid::new_v4().to_string(),
        client_id: pending.client_id.clone(),
        user_id: pending.user_id.clone(),
        scopes: granted,
        redirect_uri: pending.redirect_uri.clone(),
        code_expires: Some(db_time(t + chrono::Duration::seconds(CODE_TTL_SECS))),
        code_used: false,
        code_challenge: pending.code_challenge.clone(),
        nonce: pending.nonce.clone(),
        refresh_expires: None,
        revoked: false,
    };
    if let Err(e) = state
        .db
        .write(move |tx| store::insert_authorization(tx, &a, &hash, &db_time(t)))
        .await
    {
        return e.into_response();
    }
    let loc = with_query(
        &pending.redirect_uri,
        &[
            ("code", Some(&code)),
            ("state", pending.client_state.as_deref()),
        ],
    );
    redirect(headers, &loc)
}

/// Whether a cookie-authenticated form post comes from the portal's own page.
fn same_origin_post(headers: &HeaderMap) -> bool {
    let text = |n: &str| headers.get(n).and_then(|v| v.to_str().ok()).map(str::trim);
    if let Some(site) = text("sec-fetch-site")
        && !site.eq_ignore_ascii_case("same-origin")
        && !site.eq_ignore_ascii_case("none")
    {
        return false;
    }
    match text("origin") {
        Some(o) => o.eq_ignore_ascii_case(&crate::csrf::own_origin(headers)),
        None => true,
    }
}

/// `POST /oauth2/authorize`: the consent decision.
pub async fn consent(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    if !same_origin_post(&headers) {
        return error_page(
            StatusCode::FORBIDDEN,
            "access_denied",
            "The consent must be given on the portal's own page.",
        );
    }
    let Some(user) = cookie_user(&state, &headers).await else {
        return error_page(
            StatusCode::UNAUTHORIZED,
            "access_denied",
            "Sign in to the portal first.",
        );
    };
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let fields = form::parse_any(ct, &body);
    let (Some(client_id), Some(form_state)) =
        (form::one(&fields, "client_id"), form::one(&fields, "state"))
    else {
        return error_page(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "client_id or state is missing.",
        );
    };
    let hash = hash_secret(&form_state);
    let taken = state
        .db
        .write(move |tx| store::take_request(tx, &hash))
        .await;
    let pending = match taken {
        Ok(Some(p))
            if p.user_id == user.id
                && p.client_id == client_id
                && parse_db_time(&p.expires) > state.clock.now() =>
        {
            p
        }
        Ok(_) => {
            return error_page(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "This consent request is unknown, expired, already answered or not yours.",
            );
        }
        Err(e) => return e.into_response(),
    };
    let approved = form::scopes(&fields);
    let fail = |error: &str, description: &str| {
        redirect_error(
            &headers,
            &pending.redirect_uri,
            error,
            description,
            pending.client_state.as_deref(),
        )
    };
    if approved.is_empty() {
        return fail("access_denied", "The user denied the request.");
    }
    if approved.iter().any(|s| !pending.scopes.contains(s)) {
        return fail(
            "invalid_scope",
            "A scope was approved that the request did not ask for.",
        );
    }
    let mut granted = approved;
    if pending.scopes.iter().any(|s| s == "openid") && !granted.iter().any(|s| s == "openid") {
        granted.push("openid".into());
    }
    let (cid, uid, g) = (pending.client_id.clone(), user.id.clone(), granted.clone());
    let saved = state
        .db
        .write(move |tx| {
            let mut all = store::consent(tx, &cid, &uid)?;
            for s in g {
                if !all.contains(&s) {
                    all.push(s);
                }
            }
            store::save_consent(tx, &cid, &uid, &all, &db_time(crate::time::now()))
        })
        .await;
    if let Err(e) = saved {
        return e.into_response();
    }
    issue_code(&state, &headers, pending, granted).await
}
