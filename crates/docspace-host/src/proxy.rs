//! The `/api/2.0/*` reverse proxy.
//!
//! Requests and answers stream through (429s and `X-RateLimit-*` included), except for:
//!
//! - hop-by-hop headers, and cookies in both directions: if the portal's session cookie were
//!   set on the host's origin and forwarded, any site could make the browser send authenticated
//!   requests through the proxy. Frames get their own session on the portal's origin;
//! - the held API key, added only to the host's own app's requests ([`crate::same_origin`]);
//! - the app's sign-in, whose token the host keeps in an `HttpOnly` cookie and adds to the app's
//!   requests in place of the held key ([`crate::session`]);
//! - CORS: the portal answers `Access-Control-Allow-Origin: *`, which through the host would
//!   let any page read what the held key fetched. The host's app is same-origin and needs no
//!   CORS, so every `Access-Control-*` header is dropped and preflights are refused;
//! - the client's address, which the host states itself in `X-Forwarded-For` (and proves to an
//!   embedded devportal with a shared secret), discarding whatever the browser claimed;
//! - paths: only `/api/2.0/...` after dot segments are resolved, so `..` (raw or
//!   percent-encoded) cannot walk the held key out to other portal paths; and `GET
//!   /filehandler.ashx` exactly, where DocSpace serves file contents and download archives
//!   (a file's `viewUrl`, a bulk download's `url`): the app fetches them with its own
//!   credentials, as it makes every other call, so they must be same-origin too.
//!
//! A portal that cannot be reached gets a 502 in DocSpace's error shape so the app can show
//! what is wrong.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures::TryStreamExt;
use serde_json::json;

use crate::session::{self, Exchange};
use crate::state::HostState;

const HOP_BY_HOP: [&str; 8] = [
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

/// Request headers the browser may not set for the portal: the host states them itself.
const CLIENT_CLAIMS: [&str; 4] = [
    "x-forwarded-for",
    "x-real-ip",
    "forwarded",
    docspace_devportal::client_addr::PROXY_SECRET_HEADER,
];

/// Where the proxy may lead.
const API_PREFIX: &str = "/api/2.0/";

/// DocSpace's download handler (ONLYOFFICE/DocSpace-server:
/// `products/ASC.Files/Core/HttpHandlers/FileHandler.ashx.cs`): the one path outside the API
/// the proxy leads to, for GET only.
pub const FILE_HANDLER: &str = "/filehandler.ashx";

fn is_hop_by_hop(name: &HeaderName) -> bool {
    HOP_BY_HOP.contains(&name.as_str())
}

/// Forwards the request to the portal.
pub async fn forward(
    State(state): State<HostState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
) -> Response {
    if req.method() == Method::OPTIONS {
        // Only another origin preflights; the answer grants it nothing.
        return StatusCode::NO_CONTENT.into_response();
    }
    let download = req.uri().path() == FILE_HANDLER;
    if download && req.method() != Method::GET {
        return error(
            StatusCode::METHOD_NOT_ALLOWED,
            "Only GET is proxied to the download handler.",
        );
    }
    if !download && let Err(why) = confined_to_api(req.uri().path()) {
        return error(StatusCode::BAD_REQUEST, &why);
    }
    let path_and_query = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    let url = match reqwest::Url::parse(&format!("{}{}", state.portal_url, path_and_query)) {
        // Defence in depth: the URL parser resolves dot segments its own way.
        Ok(u)
            if u.path()
                .starts_with(&format!("{}{API_PREFIX}", state.portal_path))
                || (download && u.path() == format!("{}{FILE_HANDLER}", state.portal_path)) =>
        {
            u
        }
        _ => return error(StatusCode::BAD_REQUEST, "The path leaves /api/2.0/."),
    };
    let method = req.method().clone();
    let own_app = state.own_origins.may_use_held_key(req.headers());
    let exchange = Exchange::of(&method, req.uri().path());
    let kept = own_app
        .then(|| session::kept_token(req.headers()))
        .flatten();
    let secure = state.own_origins.served_over_https(req.headers());
    let mut headers = HeaderMap::new();
    for (k, v) in req.headers() {
        if !is_hop_by_hop(k)
            && k != header::HOST
            && k != header::CONTENT_LENGTH
            && k != header::COOKIE
            && k.as_str() != crate::same_origin::HOST_KEY_HEADER
            && !CLIENT_CLAIMS.contains(&k.as_str())
        {
            headers.append(k.clone(), v.clone());
        }
    }
    if let Ok(v) = HeaderValue::from_str(&peer.ip().to_string()) {
        headers.insert("x-forwarded-for", v);
    }
    if let Some(secret) = &state.proxy_secret
        && let Ok(v) = HeaderValue::from_str(secret)
    {
        headers.insert(docspace_devportal::client_addr::PROXY_SECRET_HEADER, v);
    }
    let keeps_sign_in = own_app && exchange == Exchange::SignIn;
    if keeps_sign_in {
        // The host reads this answer to take the token out: have it plain.
        headers.remove(header::ACCEPT_ENCODING);
    } else if own_app && !headers.contains_key(header::AUTHORIZATION) {
        // The user's own session first; the held key acts only for nobody signed in.
        let credential = match (&kept, &state.api_key) {
            (Some(token), _) => Some(token.clone()),
            (None, Some(key)) => Some(format!("Bearer {key}")),
            (None, None) => None,
        };
        if let Some(v) = credential.and_then(|c| HeaderValue::from_str(&c).ok()) {
            headers.insert(header::AUTHORIZATION, v);
        }
    }
    let credentialed = headers.contains_key(header::AUTHORIZATION) || keeps_sign_in;
    let body = reqwest::Body::wrap_stream(req.into_body().into_data_stream());
    let upstream = state
        .http
        .request(method, url)
        .headers(headers)
        .body(body)
        .send()
        .await;
    match upstream {
        // A proxy between the host and the portal wants credentials. A browser must not see the
        // 407 (it answers proxies of its own, not a server's), and only the host can fix it.
        Ok(resp) if resp.status() == StatusCode::PROXY_AUTHENTICATION_REQUIRED => {
            proxy_wants_credentials(&state)
        }
        Err(e) if docspace_api::refused_by_proxy(&e) => proxy_wants_credentials(&state),
        Ok(resp) => {
            let status = resp.status();
            let mut out = HeaderMap::new();
            for (k, v) in resp.headers() {
                if !is_hop_by_hop(k)
                    && k != header::SET_COOKIE
                    && !k.as_str().starts_with("access-control-")
                {
                    out.append(k.clone(), v.clone());
                }
            }
            if credentialed && !out.contains_key(header::CACHE_CONTROL) {
                // Someone's data: no shared or disk cache keeps it.
                out.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            }
            let ends_session = own_app
                && (exchange == Exchange::SignOut
                    || (kept.is_some() && status == StatusCode::UNAUTHORIZED));
            if ends_session {
                for v in session::clear(secure) {
                    out.append(header::SET_COOKIE, v);
                }
            }
            if keeps_sign_in && status.is_success() {
                return keep_sign_in(resp, status, out, secure).await;
            }
            let stream = resp.bytes_stream().map_err(std::io::Error::other);
            let mut response = Response::new(Body::from_stream(stream));
            *response.status_mut() = status;
            *response.headers_mut() = out;
            response
        }
        Err(e) => {
            tracing::warn!("portal unreachable at {}: {e}", state.portal_url);
            error(
                StatusCode::BAD_GATEWAY,
                &format!("The portal at {} cannot be reached.", state.portal_url),
            )
        }
    }
}

/// Answers the app's successful sign-in without its token, which goes into the session cookie.
/// An answer without a token (a second factor is asked for) passes unchanged.
async fn keep_sign_in(
    resp: reqwest::Response,
    status: StatusCode,
    mut out: HeaderMap,
    secure: bool,
) -> Response {
    if resp
        .content_length()
        .is_some_and(|n| n > session::MAX_LOGIN_ANSWER as u64)
    {
        return error(
            StatusCode::BAD_GATEWAY,
            "The portal's sign-in answer is too large.",
        );
    }
    let mut answer = Vec::new();
    let mut stream = resp.bytes_stream();
    while let Some(chunk) = stream.try_next().await.transpose() {
        match chunk {
            Ok(bytes) if answer.len() + bytes.len() <= session::MAX_LOGIN_ANSWER => {
                answer.extend_from_slice(&bytes)
            }
            Ok(_) => {
                return error(
                    StatusCode::BAD_GATEWAY,
                    "The portal's sign-in answer is too large.",
                );
            }
            Err(e) => {
                tracing::warn!("the portal's sign-in answer broke off: {e}");
                return error(
                    StatusCode::BAD_GATEWAY,
                    "The portal's sign-in answer broke off.",
                );
            }
        }
    }
    let body = match session::take_token(&answer) {
        Some((token, expires, rest)) => {
            for v in session::keep(&token, expires, unix_now(), secure) {
                out.append(header::SET_COOKIE, v);
            }
            rest
        }
        None => answer,
    };
    out.remove(header::CONTENT_LENGTH);
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    *response.headers_mut() = out;
    response
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// What the app's user sees when the host's proxy to the portal refused it for want of
/// credentials; the operator's log says which setting to give.
fn proxy_wants_credentials(state: &HostState) -> Response {
    tracing::warn!(
        "a proxy on the way to the portal at {} asks for credentials: start the host with \
         --portal-proxy http://user:password@proxy:port (or DOCSPACE_PORTAL_PROXY, or \
         HTTPS_PROXY/HTTP_PROXY with the credentials in the URL)",
        state.portal_url
    );
    error(
        StatusCode::BAD_GATEWAY,
        "The host cannot reach the portal: a proxy on the way asks for credentials. The host's \
         operator must give them (--portal-proxy http://user:password@proxy:port, or \
         HTTPS_PROXY/HTTP_PROXY).",
    )
}

/// `Ok` when `path` (as sent, still percent-encoded) names something under `/api/2.0/` with no
/// segment that a URL parser would treat as `.` or `..`, and no encoded or backslash separator
/// that one could turn into a segment boundary.
pub fn confined_to_api(path: &str) -> Result<(), String> {
    let rest = path
        .strip_prefix(API_PREFIX)
        .ok_or_else(|| "Only /api/2.0/ is proxied.".to_string())?;
    if path.contains('\\') {
        return Err("A backslash is not allowed in an API path.".into());
    }
    for segment in rest.split('/') {
        let decoded = percent_decode(segment);
        if decoded.contains('/') || decoded.contains('\\') {
            return Err("An encoded path separator is not allowed in an API path.".into());
        }
        if decoded == "." || decoded == ".." {
            return Err("Dot segments are not allowed in an API path.".into());
        }
    }
    Ok(())
}

/// `%XX` decoded (once; invalid escapes kept as they are), lossy for non-UTF-8 bytes.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && let (Some(h), Some(l)) = (
                b.get(i + 1).copied().and_then(hex),
                b.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// An error in DocSpace's shape.
fn error(status: StatusCode, message: &str) -> Response {
    let body = json!({
        "error": { "message": message, "type": null, "stack": null, "hresult": 0 },
        "status": 1,
        "statusCode": status.as_u16(),
    });
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body.to_string(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::confined_to_api;

    #[test]
    fn api_paths_pass() {
        for p in [
            "/api/2.0/people/@self",
            "/api/2.0/files/rooms",
            "/api/2.0/files/file/12/content",
            "/api/2.0/files/@my",
            "/api/2.0/files/rooms/a%20b", // an encoded space is just text
            "/api/2.0/x/..foo/%2e%2e%2e", // not dot segments
        ] {
            assert_eq!(confined_to_api(p), Ok(()), "{p}");
        }
    }

    #[test]
    fn dot_segments_and_separators_in_any_spelling_are_refused() {
        for p in [
            "/api/2.0/../../devportal/stats",
            "/api/2.0/./people",
            "/api/2.0/%2e%2e/%2e%2e/devportal/stats",
            "/api/2.0/%2E%2E/devportal/stats",
            "/api/2.0/.%2e/devportal/stats",
            "/api/2.0/%2e./devportal/stats",
            "/api/2.0/%2e",
            "/api/2.0/..%2f..%2fdevportal/stats",
            "/api/2.0/..%2F..%2Fdevportal/stats",
            "/api/2.0/..\\..\\devportal/stats",
            "/api/2.0/%5c..%5cdevportal",
            "/api/2.0/people/..",
            "/devportal/stats",
        ] {
            assert!(confined_to_api(p).is_err(), "{p}");
        }
    }
}
