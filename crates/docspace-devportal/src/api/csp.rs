//! Embedding: the CSP list of origins allowed to frame the portal, `GET/POST /api/2.0/security/csp`
//! (ONLYOFFICE/DocSpace-server: `web/ASC.Web.Api/Api/SecurityController.cs`, `products/ASC.Files/Core/Helpers/CspSettingsHelper.cs`). The frame pages build their `frame-ancestors` from [`domains`].

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::json;

use super::extract::JsonBody;
use crate::auth::Caller;
use crate::db::settings;
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::permissions::{PortalAction, portal_allows};
use crate::state::AppState;
use crate::time::{db_time, now, parse_db_time};

/// The largest header DocSpace accepts (15 KiB).
const MAX_HEADER: usize = 15 * 1024;

/// The stored CSP domains (origins, hosts or `*.` wildcards), in the order they were given.
pub fn domains(conn: &Connection) -> Result<Vec<String>, ApiError> {
    Ok(settings::get(conn, settings::CSP_DOMAINS)?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default())
}

/// The `Content-Security-Policy` header DocSpace builds from the domains.
pub fn header_for(domains: &[String]) -> String {
    let extra = if domains.is_empty() {
        String::new()
    } else {
        format!(" {}", domains.join(" "))
    };
    format!(
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'{extra}; style-src 'self' 'unsafe-inline'{extra}; \
         img-src 'self' data: blob:{extra}; frame-src 'self'{extra}; frame-ancestors 'self'{extra}; font-src 'self' data:{extra}; \
         connect-src 'self' ws: wss:{extra}; media-src 'self'{extra};"
    )
}

/// Checks one entry: a bare host, `scheme://host[:port]`, or a `*.` wildcard host; ASCII only.
pub fn validate_domain(raw: &str) -> Result<String, ApiError> {
    let d = raw.trim();
    let bad = || ApiError::BadRequest(raw.to_string());
    if d.is_empty()
        || !d.is_ascii()
        || d.chars()
            .any(|c| c.is_whitespace() || c.is_control() || ";,'\"".contains(c))
    {
        return Err(bad());
    }
    let (scheme, rest) = match d.split_once("://") {
        Some((s, r)) => (Some(s), r),
        None => (None, d),
    };
    if let Some(s) = scheme
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "http" | "https" | "ws" | "wss"
        )
    {
        return Err(bad());
    }
    let authority = rest.trim_end_matches('/');
    if authority.contains('/') {
        return Err(bad());
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    if let Some(p) = port
        && p.parse::<u16>().is_err()
    {
        return Err(bad());
    }
    let host = host.strip_prefix("*.").unwrap_or(host);
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !l.starts_with('-')
    };
    if host.is_empty() || !host.split('.').all(label_ok) {
        return Err(bad());
    }
    Ok(d.trim_end_matches('/').to_string())
}

fn modified_string(stored: Option<String>) -> String {
    let t = stored.map(|s| parse_db_time(&s)).unwrap_or_default();
    t.format("%m/%d/%Y %H:%M:%S").to_string()
}

/// `GET /api/2.0/security/csp` (anonymous): `{domains, header}` with DocSpace's caching headers.
pub async fn get_csp(State(state): State<AppState>, headers: HeaderMap) -> ApiResult<Response> {
    let (list, modified) = state
        .db
        .read(|c| Ok((domains(c)?, settings::get(c, settings::CSP_MODIFIED)?)))
        .await?;
    let modified = modified_string(modified);
    if headers
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        == Some(modified.as_str())
    {
        return Ok(StatusCode::NOT_MODIFIED.into_response());
    }
    let header_value = header_for(&list);
    let mut resp =
        Envelope::from_value(json!({ "domains": list, "header": header_value })).into_response();
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&modified) {
        h.insert(header::LAST_MODIFIED, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    Ok(resp)
}

/// `CspRequestsDto`.
#[derive(Deserialize)]
pub struct CspRequest {
    #[serde(default)]
    domains: Option<Vec<String>>,
}

/// Replaces the stored list (admins only).
pub fn store(conn: &Connection, list: &[String]) -> Result<(), ApiError> {
    let json = serde_json::to_string(list).map_err(|e| ApiError::Internal(e.to_string()))?;
    settings::set(conn, settings::CSP_DOMAINS, &json)?;
    settings::set(conn, settings::CSP_MODIFIED, &db_time(now()))
}

/// `POST /api/2.0/security/csp` (DocSpace admins): replaces the list → `{domains, header}`.
pub async fn set_csp(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(req): JsonBody<CspRequest>,
) -> ApiResult {
    if !portal_allows(&caller.user, PortalAction::EditCsp) {
        return Err(ApiError::AccessDenied);
    }
    let mut list = Vec::new();
    for d in req.domains.unwrap_or_default() {
        let d = validate_domain(&d)?;
        if !list.contains(&d) {
            list.push(d);
        }
    }
    let header_value = header_for(&list);
    if header_value.len() > MAX_HEADER {
        return Err(ApiError::InvalidOperation(
            "The CSP header is too long".into(),
        ));
    }
    let stored = list.clone();
    state.db.write(move |tx| store(tx, &stored)).await?;
    Ok(Envelope::from_value(
        json!({ "domains": list, "header": header_value }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_are_validated_like_docspace() {
        for ok in [
            "example.com",
            "https://app.example.com",
            "http://127.0.0.1:8080",
            "*.partner.io",
            "https://a.b/",
        ] {
            assert!(validate_domain(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "exämple.com",
            "ftp://x.com",
            "https://x.com/path",
            "x.com:99999",
            "a b.com",
            "https://",
            "x..com",
            "x.com;evil",
        ] {
            assert!(validate_domain(bad).is_err(), "{bad}");
        }
        assert_eq!(validate_domain("https://a.b/").unwrap(), "https://a.b");
    }

    #[test]
    fn the_header_lists_every_domain_in_frame_ancestors() {
        let h = header_for(&["https://a.example".into()]);
        assert!(
            h.contains("frame-ancestors 'self' https://a.example;"),
            "{h}"
        );
    }
}
