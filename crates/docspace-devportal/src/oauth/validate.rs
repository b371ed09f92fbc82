//! Validation of the registration API's bodies, as `CreateClientRequest.java` and
//! `UpdateClientRequest.java` (`ONLYOFFICE/DocSpace-server: common/ASC.Identity/registration/
//! registration-application/.../transfer/`) constrain them; failures are `{"reason": ...}` 400s.

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::json;

use super::store::Client;
use crate::auth::Caller;
use crate::envelope::json_response;
use crate::time::{db_time, now};

/// The scopes DocSpace seeds, with their group and type (`ONLYOFFICE/DocSpace-server:
/// common/Tools/ASC.Migrations.Core/EF/Identity/Models/IdentityScope.cs`).
pub const SCOPES: &[(&str, &str, &str)] = &[
    ("accounts:read", "accounts", "read"),
    ("accounts:write", "accounts", "write"),
    ("accounts.self:read", "profiles", "read"),
    ("accounts.self:write", "profiles", "write"),
    ("files:read", "files", "read"),
    ("files:write", "files", "write"),
    ("openid", "openid", "openid"),
    ("rooms:read", "rooms", "read"),
    ("rooms:write", "rooms", "write"),
];

/// Whether `s` is a scope DocSpace knows.
pub fn known_scope(s: &str) -> bool {
    SCOPES.iter().any(|(n, _, _)| *n == s)
}

/// `{"reason": ...}` with `status`.
pub fn reason(status: StatusCode, msg: &str) -> Response {
    json_response(status, &json!({ "reason": msg }))
}

/// A refusal carried through validation (boxed: a `Response` is large).
pub type Refusal = Box<Response>;

/// A 400 `{"reason": msg}`.
pub fn bad(msg: &str) -> Refusal {
    Box::new(reason(StatusCode::BAD_REQUEST, msg))
}

/// The URL pattern of `CreateClientRequest` (`website_url`, `terms_url`, `policy_url`,
/// `logout_redirect_uri`): an optional `http(s)://`, a dotted host ending in 2+ letters (or, with
/// a scheme, an IPv4 address), an optional port and path.
pub fn is_url(s: &str) -> bool {
    let (scheme, rest) = match s.split_once("://") {
        Some((sch, r)) if sch == "http" || sch == "https" => (true, r),
        Some(_) => return false,
        None => (false, s),
    };
    let end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    if port.is_some_and(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let ipv4 = scheme
        && labels.len() == 4
        && labels
            .iter()
            .all(|l| (1..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_digit()));
    let domain = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        && labels
            .last()
            .is_some_and(|t| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_alphabetic()));
    let path_ok = path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&b));
    (ipv4 || domain) && path_ok
}

/// `@LogoSize(maxBytes = 256000, maxLength = 2000000)` and the `data:image/...;base64,` pattern.
pub(super) fn check_logo(logo: &str) -> Result<(), Refusal> {
    use base64::Engine;
    let data = ["png", "jpeg", "jpg", "svg+xml"]
        .iter()
        .find_map(|t| logo.strip_prefix(&format!("data:image/{t};base64,")));
    let Some(data) = data.filter(|d| !d.is_empty()) else {
        return Err(bad("client logo is expected to be passed as base64"));
    };
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .map_err(|_| bad("client logo is expected to be passed as base64"))?;
    if logo.len() > 2_000_000 || bytes.len() > 256_000 {
        return Err(bad("client logo is too large"));
    }
    Ok(())
}

pub(super) fn check_name_and_description(name: &str, description: &str) -> Result<(), Refusal> {
    let n = name.trim().chars().count();
    if n == 0 {
        return Err(bad("client name must not be empty"));
    }
    if !(3..=256).contains(&name.chars().count()) {
        return Err(bad(
            "client name length is expected to be between 3 and 256 characters",
        ));
    }
    if description.chars().count() > 255 {
        return Err(bad(
            "client description length is expected to be less than 256 characters",
        ));
    }
    Ok(())
}

pub(super) fn check_origins(list: &[String]) -> Result<(), Refusal> {
    if list.is_empty() || list.len() > 12 {
        return Err(bad(
            "allowed origins must contain at least 1 and at most 12 addresses",
        ));
    }
    if !list.iter().all(|u| is_origin_url(u)) {
        return Err(bad("allowed origins are expected to be passed as urls"));
    }
    Ok(())
}

/// `@URLCollection` on `allowed_origins` (`common/ASC.Identity/common/common-utilities/.../
/// validation/URLCollectionValidator.java`): a URI with scheme `http`, `https` or `claude`, the
/// web ones also a valid URL. So `http://localhost:3000` and `https://*.example.com` (which
/// DocSpace's CORS reads as any subdomain) pass, a bare host does not.
fn is_origin_url(s: &str) -> bool {
    match s
        .split_once(':')
        .map(|(scheme, _)| scheme.to_ascii_lowercase())
    {
        Some(scheme) if scheme == "http" || scheme == "https" => {
            reqwest::Url::parse(s).is_ok_and(|u| u.host_str().is_some_and(|h| !h.is_empty()))
        }
        Some(scheme) => scheme == "claude" && s.len() > "claude:".len(),
        None => false,
    }
}

pub(super) fn parse<T: for<'de> Deserialize<'de>>(body: &Bytes) -> Result<T, Refusal> {
    serde_json::from_slice(body).map_err(|e| bad(&format!("Could not read the request: {e}")))
}

/// The fields `CreateClientRequest` and `UpdateClientRequest` share.
#[derive(Deserialize)]
pub(super) struct ClientBasics {
    pub(super) name: Option<String>,
    #[serde(default)]
    pub(super) description: Option<String>,
    pub(super) logo: Option<String>,
    #[serde(default)]
    pub(super) allow_pkce: bool,
    #[serde(default)]
    pub(super) is_public: bool,
}

/// `CreateClientRequest`.
#[derive(Deserialize)]
pub(super) struct CreateClient {
    #[serde(flatten)]
    basics: ClientBasics,
    website_url: Option<String>,
    terms_url: Option<String>,
    policy_url: Option<String>,
    redirect_uris: Option<Vec<String>>,
    allowed_origins: Option<Vec<String>>,
    logout_redirect_uri: Option<String>,
    #[serde(default)]
    scopes: Vec<String>,
}

pub(super) fn dedup(v: Vec<String>) -> Vec<String> {
    // The Java request holds `Set<String>`: duplicates collapse.
    let mut out: Vec<String> = Vec::new();
    for s in v {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

pub(super) fn validate_create(b: CreateClient, caller: &Caller) -> Result<Client, Refusal> {
    let name = b.basics.name.unwrap_or_default();
    let description = b.basics.description.unwrap_or_default();
    check_name_and_description(&name, &description)?;
    let logo = b.basics.logo.unwrap_or_default();
    if logo.trim().is_empty() {
        return Err(bad("client logo must not be empty"));
    }
    check_logo(&logo)?;
    let url = |v: Option<String>, field: &str| -> Result<String, Refusal> {
        let v = v.unwrap_or_default();
        if v.trim().is_empty() {
            return Err(bad(&format!("{field} must not be empty")));
        }
        if !is_url(&v) {
            return Err(bad(&format!("{field} is expected to be passed as url")));
        }
        Ok(v)
    };
    let website_url = url(b.website_url, "website url")?;
    let terms_url = url(b.terms_url, "terms url")?;
    let policy_url = url(b.policy_url, "policy url")?;
    let logout_redirect_uri = url(b.logout_redirect_uri, "logout redirect uri")?;
    let redirect_uris = dedup(
        b.redirect_uris
            .ok_or_else(|| bad("redirect uris must not be null"))?,
    );
    if redirect_uris.is_empty() || redirect_uris.len() > 12 {
        return Err(bad(
            "redirect uris must contain at least 1 and at most 12 addresses",
        ));
    }
    if !redirect_uris.iter().all(|u| is_url(u) && u.contains("://")) {
        return Err(bad("redirect uris are expected to be passed as urls"));
    }
    let allowed_origins = dedup(
        b.allowed_origins
            .ok_or_else(|| bad("allowed origins must not be null"))?,
    );
    check_origins(&allowed_origins)?;
    let scopes = dedup(b.scopes);
    if scopes.is_empty() {
        return Err(bad("scopes field can not be empty"));
    }
    if let Some(s) = scopes.iter().find(|s| !known_scope(s)) {
        return Err(bad(&format!("scope {s} does not exist")));
    }
    let t = db_time(now());
    Ok(Client {
        client_id: uuid::Uuid::new_v4().to_string(),
        client_secret: uuid::Uuid::new_v4().to_string(),
        name,
        description,
        logo,
        website_url,
        terms_url,
        policy_url,
        redirect_uris,
        allowed_origins,
        logout_redirect_uri,
        scopes,
        allow_pkce: b.basics.allow_pkce,
        is_public: b.basics.is_public,
        enabled: true,
        created_on: t.clone(),
        created_by: caller.user.id.clone(),
        modified_on: t,
        modified_by: caller.user.id.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_follow_the_create_request_pattern() {
        for ok in [
            "https://example.com",
            "example.com/terms",
            "http://127.0.0.1:8080/cb?x=1",
            "https://a.b-c.org:443/p",
        ] {
            assert!(is_url(ok), "{ok}");
        }
        for no in [
            "",
            "localhost",
            "http://localhost:3000/cb",
            "ftp://example.com",
            "127.0.0.1/cb",
            "https://example.c0m",
            "https://exa mple.com",
            "https://example.com:/x",
        ] {
            assert!(!is_url(no), "{no}");
        }
    }

    #[test]
    fn allowed_origins_follow_the_url_collection_validator() {
        for ok in [
            "https://example.com",
            "http://localhost:3000",
            "https://*.example.com",
            "claude://app",
        ] {
            assert!(is_origin_url(ok), "{ok}");
        }
        for no in ["", "example.com", "ftp://example.com", "https://", "*"] {
            assert!(!is_origin_url(no), "{no}");
        }
    }
}
