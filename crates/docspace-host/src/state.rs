//! What every handler of the host shares. Its own module so that the handlers' modules and the
//! server that routes to them both depend on it, not on each other.

/// Shared by the host's handlers.
#[derive(Clone)]
pub struct HostState {
    /// Base URL of the portal (no trailing slash).
    pub portal_url: String,
    /// The path part of `portal_url` (empty, or `/prefix` without a trailing slash).
    pub portal_path: String,
    /// Key added to the app's own credential-less API requests.
    pub api_key: Option<String>,
    /// Who the app's own requests come from.
    pub own_origins: crate::same_origin::OwnOrigins,
    /// Proves to an embedded devportal that the host sent `X-Forwarded-For`.
    pub proxy_secret: Option<String>,
    /// The SDK version the app loads.
    pub sdk_version: String,
    /// The embedded devportal's owner, suggested on the sign-in page (no secret).
    pub demo: Option<DemoAccount>,
    /// Upstream HTTP client.
    pub http: reqwest::Client,
    /// The built app's `index.html`, which pages with a bootstrapped frame start from.
    pub index_html: std::path::PathBuf,
    /// The OAuth app for "Sign in with DocSpace" (`HostConfig::oauth_client_id`).
    pub oauth_client_id: Option<String>,
}

/// Whom the sign-in page suggests when the host runs its own demo portal.
#[derive(Clone, Debug)]
pub struct DemoAccount {
    /// Sign-in e-mail.
    pub email: String,
    /// Name as the portal shows it.
    pub display_name: String,
}
