//! The embedded devportal's OAuth app for "Sign in with DocSpace", registered at start the way
//! an admin registers one on a real portal (Developer Tools → OAuth, or `POST /api/2.0/clients`):
//! a PKCE app (no secret in the browser) coming back to `{origin}/sign-in/oauth`.

use docspace_api::oauth::Scope;
use serde_json::{Value, json};

/// The app's path for the redirect back from the portal.
pub const REDIRECT_PATH: &str = "/sign-in/oauth";

/// The app's name on the portal.
pub const APP_NAME: &str = "DocSpace Embed";

/// Registers the app with the owner's API key, or finds the one an earlier start registered for
/// the same redirect URIs (a persistent devportal would otherwise collect one per start);
/// returns its client id.
pub async fn register(portal: &str, owner_key: &str, origins: &[String]) -> anyhow::Result<String> {
    let first = origins
        .first()
        .ok_or_else(|| anyhow::anyhow!("no origin to register"))?;
    let redirects: Vec<String> = origins
        .iter()
        .map(|o| format!("{o}{REDIRECT_PATH}"))
        .collect();
    let api = docspace_api::Client::builder(portal)
        .api_key(owner_key)
        .no_proxy()
        .build()?;
    if let Some(app) = api.oauth_apps().list().await?.into_iter().find(|a| {
        a.name == APP_NAME && a.redirect_uris == redirects && a.allows_pkce() && a.enabled
    }) {
        return Ok(app.client_id);
    }
    // Every scope an app may have: the app asks for the ones it needs, and the consent page lets
    // the user narrow them further.
    let scopes: Vec<&str> = Scope::FOR_APPS.iter().map(|s| s.as_str()).collect();
    let body = json!({
        "name": APP_NAME,
        "description": "The DocSpace embed app served by docspace-host.",
        "logo": docspace_api::api::PLACEHOLDER_LOGO,
        "allow_pkce": true,
        "is_public": false,
        "website_url": first,
        "terms_url": first,
        "policy_url": first,
        "logout_redirect_uri": first,
        "redirect_uris": redirects,
        "allowed_origins": origins,
        "scopes": scopes,
    });
    let answer = reqwest::Client::builder()
        .no_proxy()
        .build()?
        .post(format!("{portal}/api/2.0/clients"))
        .bearer_auth(owner_key)
        .json(&body)
        .send()
        .await?;
    let status = answer.status();
    let v: Value = answer.json().await?;
    v["client_id"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| anyhow::anyhow!("the devportal refused the OAuth app ({status})"))
}
