//! The runtime configuration the host serves at `/docspace-config.json`.

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
}

fn default_sdk_version() -> String {
    "2.1.0".to_string()
}

/// Fetches the configuration from the host.
pub async fn load() -> Result<AppConfig, String> {
    let resp = gloo_net::http::Request::get("/docspace-config.json")
        .send()
        .await
        .map_err(|e| format!("cannot reach the host: {e}"))?;
    if !resp.ok() {
        return Err(format!(
            "the host answered {} for its configuration",
            resp.status()
        ));
    }
    resp.json::<AppConfig>()
        .await
        .map_err(|e| format!("the host's configuration is malformed: {e}"))
}
