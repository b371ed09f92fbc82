//! Scopes as types, and the check DocSpace's API makes with them.

use std::fmt;
use std::str::FromStr;

/// A scope DocSpace grants (`common/ASC.Api.Core/Auth/AuthorizationExtension.cs`, `ScopesMap`,
/// and the seeded scopes of `common/Tools/ASC.Migrations.Core/EF/Identity/Models/IdentityScope.cs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// `files:read`
    FilesRead,
    /// `files:write`
    FilesWrite,
    /// `rooms:read`
    RoomsRead,
    /// `rooms:write`
    RoomsWrite,
    /// `accounts:read`
    AccountsRead,
    /// `accounts:write`
    AccountsWrite,
    /// `accounts.self:read`
    AccountsSelfRead,
    /// `accounts.self:write`
    AccountsSelfWrite,
    /// `openid`
    OpenId,
    /// `*:read`: every read.
    AllRead,
    /// `*:write`: everything.
    AllWrite,
}

impl Scope {
    /// Every scope: those an OAuth app may have ([`Scope::FOR_APPS`]), then the two only an API
    /// key may have.
    pub const ALL: [Scope; 11] = {
        let [a, b, c, d, e, f, g, h, i] = Scope::FOR_APPS;
        [a, b, c, d, e, f, g, h, i, Scope::AllRead, Scope::AllWrite]
    };

    /// The scopes an OAuth app may be registered with and ask for: the identity service's
    /// seeded scopes (`common/Tools/ASC.Migrations.Core/EF/Identity/Models/IdentityScope.cs`).
    /// `*:read` and `*:write` are API-key permissions only, so an OAuth token never reaches
    /// what only they grant (API keys, OAuth apps, portal settings).
    pub const FOR_APPS: [Scope; 9] = [
        Scope::FilesRead,
        Scope::FilesWrite,
        Scope::RoomsRead,
        Scope::RoomsWrite,
        Scope::AccountsRead,
        Scope::AccountsWrite,
        Scope::AccountsSelfRead,
        Scope::AccountsSelfWrite,
        Scope::OpenId,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::FilesRead => "files:read",
            Scope::FilesWrite => "files:write",
            Scope::RoomsRead => "rooms:read",
            Scope::RoomsWrite => "rooms:write",
            Scope::AccountsRead => "accounts:read",
            Scope::AccountsWrite => "accounts:write",
            Scope::AccountsSelfRead => "accounts.self:read",
            Scope::AccountsSelfWrite => "accounts.self:write",
            Scope::OpenId => "openid",
            Scope::AllRead => "*:read",
            Scope::AllWrite => "*:write",
        }
    }

    /// The scopes that grant `method path` (an `/api/2.0/...` path), as DocSpace's `ScopesMap`
    /// decides: the area's read/write pair, `*:write` always, `*:read` for reads. Empty: only
    /// the global scopes; `None`: no scope needed.
    pub fn granting(method: &str, path: &str) -> Option<Vec<Scope>> {
        let p = path.to_ascii_lowercase();
        let p = p.split('?').next().unwrap_or("");
        let read = method.eq_ignore_ascii_case("GET") || method.eq_ignore_ascii_case("HEAD");
        let area = |prefix: &str| p == prefix || p.starts_with(&format!("{prefix}/"));
        if read && p == "/api/2.0/keys/@self" {
            return None;
        }
        let pair = |r: Scope, w: Scope| if read { vec![r, w] } else { vec![w] };
        let mut v = if area("/api/2.0/files/rooms") {
            pair(Scope::RoomsRead, Scope::RoomsWrite)
        } else if area("/api/2.0/files") {
            pair(Scope::FilesRead, Scope::FilesWrite)
        } else if area("/api/2.0/people/@self") {
            pair(Scope::AccountsSelfRead, Scope::AccountsSelfWrite)
        } else if area("/api/2.0/people") || area("/api/2.0/group") {
            pair(Scope::AccountsRead, Scope::AccountsWrite)
        } else {
            Vec::new()
        };
        if read {
            v.push(Scope::AllRead);
        }
        v.push(Scope::AllWrite);
        Some(v)
    }

    /// Checks before sending that `granted` allows `method path`; the error names what would.
    pub fn check(granted: &[Scope], method: &str, path: &str) -> Result<(), MissingScope> {
        match Scope::granting(method, path) {
            None => Ok(()),
            Some(any_of) if any_of.iter().any(|s| granted.contains(s)) => Ok(()),
            Some(any_of) => Err(MissingScope {
                method: method.to_ascii_uppercase(),
                path: path.to_string(),
                any_of,
            }),
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Scope {
    type Err = UnknownScope;

    fn from_str(s: &str) -> Result<Scope, UnknownScope> {
        Scope::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| UnknownScope(s.to_string()))
    }
}

/// A scope name DocSpace does not define.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown OAuth scope {0:?}")]
pub struct UnknownScope(pub String);

/// A call the token's scopes do not allow (DocSpace answers it with an empty 403).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{method} {path} needs one of the scopes {any_of:?}")]
pub struct MissingScope {
    /// Method.
    pub method: String,
    /// Path.
    pub path: String,
    /// Any one of these would grant it.
    pub any_of: Vec<Scope>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_parse_and_check_like_the_server_map() {
        assert_eq!("rooms:write".parse(), Ok(Scope::RoomsWrite));
        assert_eq!(
            "everything".parse::<Scope>(),
            Err(UnknownScope("everything".into()))
        );
        assert!(Scope::check(&[Scope::RoomsRead], "GET", "/api/2.0/files/rooms/5").is_ok());
        let e =
            Scope::check(&[Scope::RoomsRead], "POST", "/api/2.0/files/rooms").expect_err("write");
        assert_eq!(e.any_of, vec![Scope::RoomsWrite, Scope::AllWrite]);
        assert!(Scope::check(&[Scope::AllRead], "GET", "/api/2.0/people").is_ok());
        assert!(Scope::check(&[], "GET", "/api/2.0/keys/@self").is_ok());
        assert!(Scope::check(&[Scope::FilesWrite], "GET", "/api/2.0/settings").is_err());
    }
}
