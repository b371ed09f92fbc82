//! The runtime configuration the host serves at `/docspace-config.json`. It never holds a secret.

use serde::Deserialize;

/// What the app learns from its host at start.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppConfig {
    /// The portal's origin, for embedded frames and the SDK script.
    pub portal_url: String,
    /// Base URL of the REST API as the app reaches it (`""`: through the host, same origin).
    #[serde(default)]
    pub api_base: String,
    /// The Embed SDK script version to load.
    #[serde(default = "default_sdk_version")]
    pub sdk_version: String,
    /// The host adds an API key to API requests that carry no credentials of their own, so the
    /// app acts as that key's user without signing in (frames still need a sign-in).
    #[serde(default)]
    pub host_key: bool,
    /// The host keeps the app's sign-in in a cookie script cannot read, so a session lasts
    /// across reloads and tabs without the token ever reaching the page.
    #[serde(default)]
    pub host_session: bool,
    /// Set when the host runs its own demo portal: whom to suggest signing in as. The password
    /// is printed in the terminal that started the host, never sent here.
    #[serde(default)]
    pub demo: Option<DemoAccount>,
    /// The client id of the portal's OAuth app for "Sign in with DocSpace" (PKCE, no secret;
    /// its redirect URI is this origin's `/sign-in/oauth`). Without it only the password
    /// sign-in is offered. Set with the host's `--oauth-client-id`.
    #[serde(default)]
    pub oauth_client_id: Option<String>,
}

/// The demo portal's owner, suggested on the sign-in page.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoAccount {
    /// Sign-in e-mail.
    pub email: String,
    /// Name as the portal shows it.
    pub display_name: String,
}

impl AppConfig {
    /// The script version to load (2.1.0 unless the host says 2.0.0).
    pub fn sdk_version(&self) -> docspace_sdk::SdkVersion {
        docspace_sdk::SdkVersion::parse(&self.sdk_version).unwrap_or_default()
    }
}

fn default_sdk_version() -> String {
    "2.1.0".to_string()
}

/// Fetches the configuration from the host.
/// The error is worded in the app's language ([`crate::locale::current`]).
pub async fn load() -> Result<AppConfig, String> {
    use crate::i18n::td_string;
    let locale = crate::locale::current();
    let resp = gloo_net::http::Request::get("/docspace-config.json")
        .send()
        .await
        .map_err(|e| td_string!(locale, app.host_unreachable, error = e).to_string())?;
    if !resp.ok() {
        let status = resp.status();
        return Err(td_string!(locale, app.config_refused, status).to_string());
    }
    resp.json::<AppConfig>()
        .await
        .map_err(|e| td_string!(locale, app.config_malformed, error = e).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_hosts_answer_with_and_without_optional_fields() {
        let c: AppConfig = serde_json::from_str(r#"{"portalUrl":"http://p"}"#).expect("minimal");
        assert_eq!(c.sdk_version, "2.1.0");
        assert!(!c.host_key && !c.host_session && c.demo.is_none());
        assert_eq!(c.oauth_client_id, None);
        let c: AppConfig = serde_json::from_str(
            r#"{"portalUrl":"http://p","apiBase":"","sdkVersion":"2.0.0","hostKey":true,"hostSession":true,
                "demo":{"email":"owner@example.com","displayName":"Ada Owner"},"oauthClientId":"c-1"}"#,
        )
        .expect("full");
        assert!(c.host_key && c.host_session);
        assert_eq!(c.oauth_client_id.as_deref(), Some("c-1"));
        assert_eq!(c.demo.expect("demo").display_name, "Ada Owner");
    }
}
