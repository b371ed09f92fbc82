//! CORS of `/api/2.0` as DocSpace's API sets it: the `core:cors` policy `*` (any origin, header
//! and method, no credentials: `ONLYOFFICE/DocSpace-server: common/ASC.Api.Core/Core/BaseStartup.cs`),
//! narrowed per request for OAuth apps by `common/ASC.Api.Core/Cors/DynamicCorsPolicyProvider.cs`:
//! when `Authorization: Bearer` holds a JWT with a GUID `sub` and a GUID `cid`, and that app lists
//! `allowed_origins`, the policy is "exactly those origins" (wildcard subdomains allowed, still no
//! credentials since the base policy has none). ASP.NET Core's `CorsService` then answers an
//! allowed `Origin` with that origin and `Vary: Origin`, and any other `Origin` (or none) with no
//! CORS headers at all, so the browser keeps the answer from the page. Preflights carry no
//! `Authorization`, so they always get the base policy.
//!
//! The server only reads the token for this (`JwtSecurityToken(accessToken)`, no validation), so
//! the devportal does too: an expired or revoked token still narrows CORS, as it does there, and
//! a forged one can only narrow it. Two differences, on purpose: the server caches an app's
//! origins for 15 minutes (here they are read per request, so an edit applies at once), and its
//! lookup of an unknown app fails the request (here the base policy applies).

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use reqwest::Url;
use serde_json::Value;

use super::EXPOSED_HEADERS;
use crate::oauth::{jwt, store};
use crate::state::AppState;

/// The `Access-Control-Allow-Origin` decision for one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AllowOrigin {
    /// The base policy: `*`.
    Any,
    /// An OAuth app's policy admits the request's `Origin`: echoed, with `Vary: Origin`.
    Origin(HeaderValue),
    /// An OAuth app's policy and an `Origin` it does not admit (or none): no CORS headers.
    Refused,
}

/// Decides the allowed origin of a (non-preflight) request from its `Authorization` and `Origin`.
pub async fn allowed_origin(state: &AppState, headers: &HeaderMap) -> AllowOrigin {
    let Some(client_id) = bearer_client(headers) else {
        return AllowOrigin::Any;
    };
    let origins = state
        .db
        .read(move |c| Ok(store::client(c, &client_id)?.map(|c| c.allowed_origins)))
        .await;
    match origins {
        Ok(Some(list)) if !list.is_empty() => match headers.get(header::ORIGIN) {
            Some(o) if o.to_str().is_ok_and(|o| origin_allowed(&list, o)) => {
                AllowOrigin::Origin(o.clone())
            }
            _ => AllowOrigin::Refused,
        },
        // An app with no origins, an unknown app, or a failed read: the base policy.
        _ => AllowOrigin::Any,
    }
}

/// The OAuth app (`cid`, as stored: a hyphenated lowercase GUID) of a bearer JWT whose `sub` and
/// `cid` are GUIDs, as `GetOriginsFromOAuth2AppAsync` requires (`Guid.TryParse`; `cid` is matched
/// case-insensitively).
fn bearer_client(headers: &HeaderMap) -> Option<String> {
    let auth = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let claims = jwt::unverified_claims(auth.strip_prefix("Bearer ")?.trim())?;
    let guid = |v: &Value| v.as_str().and_then(|s| uuid::Uuid::parse_str(s).ok());
    guid(&claims["sub"])?;
    let (_, cid) = claims
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("cid"))?;
    guid(cid).map(|id| id.hyphenated().to_string())
}

/// ASP.NET Core's `WithOrigins(list).SetIsOriginAllowedToAllowWildcardSubdomains()`: `origin` as
/// sent equals a listed origin (lowercased by `WithOrigins`), or `list` has `scheme://*.domain`
/// and `origin` is a subdomain of `domain` with the same scheme and port
/// (`dotnet/aspnetcore: src/Middleware/CORS/src/Infrastructure/CorsPolicyExtensions.cs`,
/// `UriHelpers.IsSubdomainOf`).
pub fn origin_allowed(list: &[String], origin: &str) -> bool {
    let list: Vec<String> = list.iter().map(|o| o.to_lowercase()).collect();
    if list.iter().any(|o| o == origin) {
        return true;
    }
    let Ok(origin) = Url::parse(origin) else {
        return false;
    };
    list.iter()
        .filter(|o| o.contains("://*."))
        .filter_map(|o| Url::parse(&o.replace("*.", "")).ok())
        .any(|domain| {
            origin.scheme() == domain.scheme()
                && origin.port_or_known_default() == domain.port_or_known_default()
                && matches!(
                    (origin.host_str(), domain.host_str()),
                    (Some(h), Some(d)) if h.ends_with(&format!(".{d}"))
                )
        })
}

/// Sets an answer's CORS headers as decided.
pub fn apply(h: &mut HeaderMap, allow: &AllowOrigin) {
    let value = match allow {
        AllowOrigin::Any => HeaderValue::from_static("*"),
        AllowOrigin::Origin(o) => {
            h.append(header::VARY, HeaderValue::from_static("Origin"));
            o.clone()
        }
        AllowOrigin::Refused => return,
    };
    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
    h.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static(EXPOSED_HEADERS),
    );
}

/// The answer to a preflight: always the base policy (a preflight carries no `Authorization`).
pub fn preflight(req: &HeaderMap) -> Response {
    let mut resp = StatusCode::NO_CONTENT.into_response();
    let h = resp.headers_mut();
    apply(h, &AllowOrigin::Any);
    h.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, POST, PUT, DELETE, PATCH, OPTIONS"),
    );
    // `*` does not cover `Authorization` in the Fetch standard, so echo what the browser asks for.
    let asked = req
        .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
        .cloned()
        .unwrap_or_else(|| HeaderValue::from_static("*"));
    h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, asked);
    h.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("600"),
    );
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn origins_match_exactly_or_as_subdomains_of_a_wildcard() {
        let l = list(&["https://App.example.com", "https://*.example.org:8443"]);
        assert!(origin_allowed(&l, "https://app.example.com"));
        assert!(!origin_allowed(&l, "http://app.example.com"));
        assert!(!origin_allowed(&l, "https://app.example.com:444"));
        assert!(origin_allowed(&l, "https://a.example.org:8443"));
        assert!(origin_allowed(&l, "https://a.b.example.org:8443"));
        // The wildcard needs a subdomain, the same port and the same scheme.
        assert!(!origin_allowed(&l, "https://example.org:8443"));
        assert!(!origin_allowed(&l, "https://a.example.org"));
        assert!(!origin_allowed(&l, "http://a.example.org:8443"));
        assert!(!origin_allowed(&l, "https://evilexample.org:8443"));
        assert!(!origin_allowed(&l, "null"));
    }

    #[tokio::test]
    async fn an_app_without_origins_keeps_the_base_policy() {
        let (state, owner) = AppState::for_tests();
        let user = state
            .db
            .read_now(|c| crate::users::by_email(c, &owner.email))
            .expect("read")
            .expect("owner");
        let cid = uuid::Uuid::new_v4().to_string();
        let client = store::test_client(&cid, &user.id);
        state
            .db
            .write_now(|tx| store::insert_client(tx, &client))
            .expect("client");
        let token = state
            .db
            .write_now(|tx| {
                jwt::sign(
                    tx,
                    &serde_json::json!({"sub": user.id, "cid": cid}),
                    crate::time::now(),
                )
            })
            .expect("signed");
        let mut h = HeaderMap::new();
        h.insert(header::ORIGIN, HeaderValue::from_static("https://x.test"));
        let bearer = format!("Bearer {token}");
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(&bearer).expect("header"),
        );
        assert_eq!(allowed_origin(&state, &h).await, AllowOrigin::Any);
        // The same app with an origin list narrows the policy.
        let mut listed = client.clone();
        listed.allowed_origins = vec!["https://app.test".into()];
        state
            .db
            .write_now(|tx| store::update_client(tx, &listed))
            .expect("updated");
        assert_eq!(allowed_origin(&state, &h).await, AllowOrigin::Refused);
    }
}
