//! OAuth apps as the identity service describes them (`ClientResponse`,
//! `ONLYOFFICE/DocSpace-server: common/ASC.Identity/registration/.../ClientResponse.java`).

use serde::Deserialize;

use super::common::Secret;

/// A registered OAuth app. Its secret is in the answer to its registration (and to a
/// regeneration); show it then, once.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OAuthApp {
    /// The public client id, for authorize URLs.
    pub client_id: String,
    /// The client secret.
    #[serde(default)]
    pub client_secret: Option<Secret>,
    /// Name shown on the consent page.
    #[serde(default)]
    pub name: String,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// The logo (a data URI).
    #[serde(default)]
    pub logo: Option<String>,
    /// Website.
    #[serde(default)]
    pub website_url: Option<String>,
    /// The registered redirect URIs (matched exactly).
    #[serde(default)]
    pub redirect_uris: Vec<String>,
    /// Origins allowed to call the token endpoint from a browser.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    /// Scope names.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// `client_secret_post`, and `none` for PKCE.
    #[serde(default)]
    pub authentication_methods: Vec<String>,
    /// Listed publicly.
    #[serde(default)]
    pub is_public: bool,
    /// Enabled.
    #[serde(default)]
    pub enabled: bool,
    /// Creation time as the service writes it.
    #[serde(default)]
    pub created_on: Option<String>,
}

impl OAuthApp {
    /// Whether it may authenticate with PKCE alone.
    pub fn allows_pkce(&self) -> bool {
        self.authentication_methods.iter().any(|m| m == "none")
    }
}

/// One page of [`OAuthApp`]s (`PageableResponse`, keyset paging).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OAuthAppPage {
    /// The apps.
    #[serde(default)]
    pub data: Vec<OAuthApp>,
    /// The last app's id, for the next page.
    #[serde(default)]
    pub last_client_id: Option<String>,
    /// The last app's creation time, for the next page.
    #[serde(default)]
    pub last_created_on: Option<String>,
}
