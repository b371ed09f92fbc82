//! Who is looking at a frame page, and the way to the sign-in page when nobody is.

use axum::http::{HeaderMap, HeaderValue, Request, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use crate::auth;
use crate::state::AppState;

/// Whether the request carries a live session (the `asc_auth_key` cookie, or any credential the
/// API accepts).
pub async fn is_signed_in(state: &AppState, headers: &HeaderMap) -> bool {
    // `auth` reads credentials from request parts; a page request only has headers to offer.
    let (mut parts, ()) = Request::new(()).into_parts();
    parts.headers = headers.clone();
    let Some(cred) = auth::credential_of(&parts) else {
        return false;
    };
    let now = state.clock.now();
    matches!(
        state.db.read(move |c| auth::resolve(c, &cred, now)).await,
        Ok(Some(_))
    )
}

/// `302 /login?returnUrl=<this page>`.
pub fn redirect_to_sign_in(uri: &Uri) -> Response {
    let back = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let location = format!("/login?returnUrl={}", encode_component(back));
    let mut resp = StatusCode::FOUND.into_response();
    // Percent-encoding leaves only ASCII, so the value is always a valid header.
    if let Ok(v) = HeaderValue::from_str(&location) {
        resp.headers_mut().insert(header::LOCATION, v);
    }
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

/// `encodeURIComponent`, as DocSpace's pages build `returnUrl`.
pub fn encode_component(s: &str) -> String {
    docspace_types::percent::encode(s, docspace_types::percent::URI_COMPONENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_encode_uri_component() {
        assert_eq!(
            encode_component("/rooms/shared/filter?count=100&search=a b"),
            "%2Frooms%2Fshared%2Ffilter%3Fcount%3D100%26search%3Da%20b"
        );
        assert_eq!(encode_component("é"), "%C3%A9");
    }

    #[test]
    fn the_sign_in_redirect_carries_the_page() {
        let uri: Uri = "/sdk/room-selector?theme=Dark".parse().expect("uri");
        let resp = redirect_to_sign_in(&uri);
        assert_eq!(resp.status(), StatusCode::FOUND);
        assert_eq!(
            resp.headers()[header::LOCATION],
            "/login?returnUrl=%2Fsdk%2Froom-selector%3Ftheme%3DDark"
        );
    }
}
