//! API-key scopes as DocSpace enforces them (ONLYOFFICE/DocSpace-server: `ScopesMap` in `common/ASC.Api.Core/Auth/AuthorizationExtension.cs`): the
//! first rule matching `METHOD path` names the scopes that grant it; `*:write` (and `*:read` for
//! reads) always do.

use axum::http::Method;

/// Every permission name a key may carry.
pub const ALL: &[&str] = &[
    "*",
    "*:read",
    "*:write",
    "files:read",
    "files:write",
    "rooms:read",
    "rooms:write",
    "accounts:read",
    "accounts:write",
    "accounts.self:read",
    "accounts.self:write",
];

/// The area-specific scopes that grant `method path` (empty: only the global scopes; `None`: no
/// scope needed).
fn required(method: &Method, path: &str) -> Option<&'static [&'static str]> {
    let p = path.to_ascii_lowercase();
    let read = method == Method::GET || method == Method::HEAD;
    let area = |prefix: &str| p == prefix || p.starts_with(&format!("{prefix}/"));
    if read && p == "/api/2.0/keys/@self" {
        return None;
    }
    Some(if area("/api/2.0/files/rooms") {
        if read {
            &["rooms:read", "rooms:write"]
        } else {
            &["rooms:write"]
        }
    } else if area("/api/2.0/files") || p == "/filehandler.ashx" || p == "/chunkeduploader.ashx" {
        if read {
            &["files:read", "files:write"]
        } else {
            &["files:write"]
        }
    } else if area("/api/2.0/people/@self") {
        if read {
            &["accounts.self:read", "accounts.self:write"]
        } else {
            &["accounts.self:write"]
        }
    } else if area("/api/2.0/people") || area("/api/2.0/group") {
        if read {
            &["accounts:read", "accounts:write"]
        } else {
            &["accounts:write"]
        }
    } else {
        &[]
    })
}

/// Whether a key with `granted` scopes may call `method path`.
pub fn allows(granted: &[String], method: &Method, path: &str) -> bool {
    let Some(needed) = required(method, path) else {
        return true;
    };
    let read = method == Method::GET || method == Method::HEAD;
    granted.iter().any(|g| {
        g == "*" || g == "*:write" || (read && g == "*:read") || needed.contains(&g.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn scopes_follow_the_docspace_map() {
        let rooms_read = s(&["rooms:read"]);
        assert!(allows(&rooms_read, &Method::GET, "/api/2.0/files/rooms"));
        assert!(allows(&rooms_read, &Method::GET, "/api/2.0/files/rooms/5"));
        assert!(!allows(&rooms_read, &Method::POST, "/api/2.0/files/rooms"));
        assert!(!allows(&rooms_read, &Method::GET, "/api/2.0/files/5"));
        assert!(!allows(&rooms_read, &Method::GET, "/api/2.0/people/@self"));
        assert!(allows(&rooms_read, &Method::GET, "/api/2.0/keys/@self"));
        let me = s(&["accounts.self:read"]);
        assert!(allows(&me, &Method::GET, "/api/2.0/people/@self"));
        assert!(!allows(&me, &Method::GET, "/api/2.0/people"));
        let global_read = s(&["*:read"]);
        assert!(allows(&global_read, &Method::GET, "/api/2.0/people"));
        assert!(!allows(&global_read, &Method::PUT, "/api/2.0/files/file/1"));
        assert!(allows(
            &s(&["*:write"]),
            &Method::PUT,
            "/api/2.0/files/file/1"
        ));
        assert!(!allows(
            &s(&["files:write"]),
            &Method::GET,
            "/api/2.0/settings"
        ));
    }
}
