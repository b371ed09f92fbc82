//! The app's sign-in, kept by the host so that it lasts: a reload, a typed URL or a second tab
//! finds the user still signed in, and the portal's login token never reaches script.
//!
//! When the host's own app signs in through the host (the same checks as for the held key: see
//! [`crate::same_origin`]), the host takes the token out of the portal's answer and keeps it in a
//! cookie that script cannot read (`HttpOnly`) and that no other site's request carries
//! (`SameSite=Strict`). From then on it adds the token to the app's requests, as it adds a held
//! key; a second cookie, not secret, tells the app that a session is kept. Signing out, or the
//! portal refusing the token (401), clears both.
//!
//! The cookie lasts as the portal's login does: a browser-session login (`session: true`, no
//! `expires` in the answer) gets a browser-session cookie, any other login one that ends when the
//! token does (`ONLYOFFICE/DocSpace-server: web/ASC.Web.Api/Api/AuthenticationController.cs`
//! answers `expires` only for a lasting login).

use axum::http::{HeaderMap, HeaderValue, Method, header};
use docspace_api::models::ApiDateTime;

/// The cookie holding the portal's token (`HttpOnly`).
pub const TOKEN_COOKIE: &str = "docspace-embed-session";
/// A cookie script may read: `1` while the host keeps a session. It holds nothing secret.
pub const MARKER_COOKIE: &str = "docspace-embed-signed-in";
/// The longest login answer the host reads to take the token out (DocSpace's is a few hundred
/// bytes).
pub const MAX_LOGIN_ANSWER: usize = 64 * 1024;

const LOGIN_PATH: &str = "/api/2.0/authentication";
const LOGOUT_PATH: &str = "/api/2.0/authentication/logout";

/// What a request of the app means for the kept session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exchange {
    /// A sign-in: the answer's token is kept.
    SignIn,
    /// A sign-out: the cookies are cleared whatever the portal answers.
    SignOut,
    /// Anything else: the kept token, if any, goes with it.
    Call,
}

impl Exchange {
    /// Classifies `method path` (DocSpace's routes are case-insensitive).
    pub fn of(method: &Method, path: &str) -> Exchange {
        let path = path.trim_end_matches('/');
        if *method == Method::POST && path.eq_ignore_ascii_case(LOGIN_PATH) {
            Exchange::SignIn
        } else if *method == Method::POST && path.eq_ignore_ascii_case(LOGOUT_PATH) {
            Exchange::SignOut
        } else {
            Exchange::Call
        }
    }
}

/// The kept token, from the request's cookies.
pub fn kept_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == TOKEN_COOKIE)
        .map(|(_, value)| value.to_string())
        .filter(|t| !t.is_empty())
}

/// The token of a successful login answer, and the answer without it. `None` when the answer
/// has no token (a second factor is asked for) or is not DocSpace's envelope.
pub fn take_token(answer: &[u8]) -> Option<(String, Option<i64>, Vec<u8>)> {
    let mut body: serde_json::Value = serde_json::from_slice(answer).ok()?;
    let response = body.get_mut("response")?.as_object_mut()?;
    let token = response.remove("token")?.as_str()?.to_string();
    if token.is_empty() || !token.bytes().all(is_cookie_octet) {
        return None;
    }
    let expires = response
        .get("expires")
        .and_then(|e| e.as_str())
        .and_then(|e| ApiDateTime::parse(e).ok())
        .map(|e| e.timestamp());
    let rest = serde_json::to_vec(&body).ok()?;
    Some((token, expires, rest))
}

/// The `Set-Cookie` values that keep `token`: until `expires` (unix seconds) when given, else
/// for the browser session. `secure` when the app is served over HTTPS.
pub fn keep(token: &str, expires: Option<i64>, now: i64, secure: bool) -> Vec<HeaderValue> {
    let lifetime = expires
        .map(|e| format!("; Max-Age={}", (e - now).max(0)))
        .unwrap_or_default();
    [
        cookie(TOKEN_COOKIE, token, "; HttpOnly", &lifetime, secure),
        cookie(MARKER_COOKIE, "1", "", &lifetime, secure),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The `Set-Cookie` values that end the kept session.
pub fn clear(secure: bool) -> Vec<HeaderValue> {
    [
        cookie(TOKEN_COOKIE, "", "; HttpOnly", "; Max-Age=0", secure),
        cookie(MARKER_COOKIE, "", "", "; Max-Age=0", secure),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// One `Set-Cookie` value. Every part is ASCII the host wrote or checked (`is_cookie_octet`), so
/// `None` cannot happen; if it ever did, no cookie is set rather than a malformed one.
fn cookie(
    name: &str,
    value: &str,
    http_only: &str,
    lifetime: &str,
    secure: bool,
) -> Option<HeaderValue> {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/; SameSite=Strict{http_only}{lifetime}{secure}"
    ))
    .ok()
}

/// RFC 6265's `cookie-octet`: what a cookie value may hold without quoting.
fn is_cookie_octet(b: u8) -> bool {
    matches!(b, 0x21 | 0x23..=0x2B | 0x2D..=0x3A | 0x3C..=0x5B | 0x5D..=0x7E)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_login_and_logout_posts_are_special() {
        assert_eq!(
            Exchange::of(&Method::POST, "/api/2.0/Authentication"),
            Exchange::SignIn
        );
        assert_eq!(
            Exchange::of(&Method::POST, "/api/2.0/authentication/logout/"),
            Exchange::SignOut
        );
        assert_eq!(
            Exchange::of(&Method::GET, "/api/2.0/authentication"),
            Exchange::Call
        );
        assert_eq!(
            Exchange::of(&Method::POST, "/api/2.0/authentication/sms"),
            Exchange::Call
        );
    }

    #[test]
    fn the_token_is_read_from_its_own_cookie_only() {
        let mut h = HeaderMap::new();
        h.append(
            header::COOKIE,
            HeaderValue::from_static("a=1; docspace-embed-signed-in=1"),
        );
        assert_eq!(kept_token(&h), None);
        h.append(
            header::COOKIE,
            HeaderValue::from_static("docspace-embed-session=tok.en; b=2"),
        );
        assert_eq!(kept_token(&h).as_deref(), Some("tok.en"));
    }

    #[test]
    fn the_token_leaves_the_answer_and_its_expiry_sets_the_lifetime() {
        let answer = br#"{"response":{"token":"abc","expires":"2030-01-01T00:00:00.0000000+00:00"},"status":0,"statusCode":200}"#;
        let (token, expires, rest) = take_token(answer).expect("a token");
        assert_eq!(token, "abc");
        assert_eq!(expires, Some(1_893_456_000));
        let rest: serde_json::Value = serde_json::from_slice(&rest).expect("json");
        assert!(rest["response"].get("token").is_none());
        assert_eq!(rest["statusCode"], 200);
        let [kept, marker] =
            <[HeaderValue; 2]>::try_from(keep(&token, expires, 1_893_455_000, true))
                .expect("two cookies");
        assert_eq!(
            kept,
            "docspace-embed-session=abc; Path=/; SameSite=Strict; HttpOnly; Max-Age=1000; Secure"
        );
        assert_eq!(
            marker,
            "docspace-embed-signed-in=1; Path=/; SameSite=Strict; Max-Age=1000; Secure"
        );
        // A browser-session login: a browser-session cookie.
        let (_, expires, _) =
            take_token(br#"{"response":{"token":"abc"},"statusCode":200}"#).expect("token");
        let kept = keep("abc", expires, 0, false).remove(0);
        assert_eq!(
            kept,
            "docspace-embed-session=abc; Path=/; SameSite=Strict; HttpOnly"
        );
    }

    #[test]
    fn answers_without_a_usable_token_are_left_alone() {
        assert!(take_token(br#"{"response":{"tfa":true},"statusCode":200}"#).is_none());
        assert!(take_token(br#"{"response":{"token":"a;b"},"statusCode":200}"#).is_none());
        assert!(take_token(b"not json").is_none());
    }
}
