//! API keys (`ApiKeyResponseDto`) and their permission scopes (ONLYOFFICE/DocSpace-server: `products/ASC.People/Server/Api/ApiKeysController.cs`).

use serde::Deserialize;

use super::common::{ApiKeyId, Secret};
use super::datetime::ApiDateTime;
use super::macros::str_enum;
use super::people::EmployeeSummary;

str_enum! {
    /// A permission (scope) of an API key or OAuth token.
    ///
    /// ```
    /// use docspace_api::models::Scope;
    /// assert_eq!(Scope::RoomsWrite.as_str(), "rooms:write");
    /// assert_eq!(Scope::from_name("files:read"), Scope::FilesRead);
    /// ```
    pub enum Scope {
        /// Full access.
        All => "*",
        /// Read everything.
        AllRead => "*:read",
        /// Read and write everything.
        AllWrite => "*:write",
        /// Read files and folders.
        FilesRead => "files:read",
        /// Read and write files and folders.
        FilesWrite => "files:write",
        /// Read rooms.
        RoomsRead => "rooms:read",
        /// Read and write rooms.
        RoomsWrite => "rooms:write",
        /// Read accounts.
        AccountsRead => "accounts:read",
        /// Read and write accounts.
        AccountsWrite => "accounts:write",
        /// Read one's own profile.
        AccountsSelfRead => "accounts.self:read",
        /// Read and write one's own profile.
        AccountsSelfWrite => "accounts.self:write",
    }
}

/// An API key as the portal describes it. The key itself (`key`) is shown only once, in the
/// answer to its creation; it is a [`Secret`].
///
/// ```
/// let k: docspace_api::models::ApiKey = serde_json::from_str(r#"{
///   "id":"0b8f6a5e-0000-4000-8000-000000000001","name":"ci","keyPostfix":"beef",
///   "permissions":["rooms:read"],"isActive":true}"#)?;
/// assert_eq!(k.key_postfix.as_deref(), Some("beef"));
/// assert!(k.key.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiKey {
    /// The key's GUID.
    pub id: ApiKeyId,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// The full key (`sk-…`): only in the answer to its creation.
    #[serde(default)]
    pub key: Option<Secret>,
    /// Last four characters of the key.
    #[serde(default)]
    pub key_postfix: Option<String>,
    /// Scopes; `None` or empty means full access.
    #[serde(default)]
    pub permissions: Option<Vec<Scope>>,
    /// When the key was last used.
    #[serde(default)]
    pub last_used: Option<ApiDateTime>,
    /// When it was created.
    #[serde(default)]
    pub create_on: Option<ApiDateTime>,
    /// When it expires (`None`: never).
    #[serde(default)]
    pub expires_at: Option<ApiDateTime>,
    /// Who created it.
    #[serde(default)]
    pub create_by: Option<EmployeeSummary>,
    /// Whether it is enabled.
    #[serde(default)]
    pub is_active: bool,
}

impl ApiKey {
    /// Whether the key has full access (no scopes, or `*`).
    pub fn is_full_access(&self) -> bool {
        match &self.permissions {
            None => true,
            Some(p) => p.is_empty() || p.contains(&Scope::All),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_created_key_decodes_with_its_secret() {
        let k: ApiKey = serde_json::from_str(
            r#"{"id":"0b8f6a5e-0000-4000-8000-000000000001","name":"ci","key":"sk-1234","keyPostfix":"1234",
               "permissions":["rooms:read","files:write","ai:chat"],"lastUsed":null,
               "createOn":"2025-01-01T00:00:00.0000000Z","expiresAt":"2025-02-01T00:00:00.0000000Z",
               "createBy":{"id":"u","displayName":"Owner"},"isActive":true}"#,
        )
        .unwrap();
        assert_eq!(k.key.as_ref().unwrap().expose(), "sk-1234");
        assert!(!format!("{k:?}").contains("sk-1234"));
        let p = k.permissions.clone().unwrap();
        assert_eq!(p[0], Scope::RoomsRead);
        assert_eq!(p[2], Scope::Unknown("ai:chat".into()));
        assert!(!k.is_full_access());
        assert_eq!(k.create_by.unwrap().display_name, "Owner");
    }

    #[test]
    fn a_listed_key_has_no_secret_and_full_access_when_unscoped() {
        let k: ApiKey = serde_json::from_str(r#"{"id":"x","permissions":null}"#).unwrap();
        assert!(k.key.is_none());
        assert!(k.is_full_access());
        assert!(!k.is_active);
    }
}
