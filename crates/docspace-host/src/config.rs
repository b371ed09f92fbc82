//! How the host is configured.

use std::net::SocketAddr;
use std::path::PathBuf;

use docspace_devportal::PortalConfig;

/// Which portal the host talks to.
#[derive(Debug, Clone)]
pub enum PortalTarget {
    /// A real (or separately started) portal at this base URL.
    Remote(String),
    /// A devportal started inside the host.
    Embedded(PortalConfig),
}

/// Everything the host needs to start.
#[derive(Debug, Clone)]
pub struct HostConfig {
    /// Address to listen on; port 0 picks a free port.
    pub addr: SocketAddr,
    /// The built app (Trunk's `dist/`).
    pub dist: PathBuf,
    /// The portal behind `/api/2.0`.
    pub portal: PortalTarget,
    /// An API key the proxy adds to its own app's requests that carry no credentials of their own
    /// (never to another origin's: see `same_origin.rs`).
    pub api_key: Option<String>,
    /// With an embedded devportal and no `api_key`: add the devportal owner's API key to
    /// credential-less requests, so the app works as the owner without signing in. Off by default:
    /// the app then asks for a sign-in (suggesting the owner), which also signs its frames in.
    pub owner_key_for_embedded: bool,
    /// The Embed SDK script version the app loads.
    pub sdk_version: String,
    /// Origins the app is served from besides `http://{addr}` (a TLS proxy in front, such as
    /// `https://docs.example.com`): requests from these may use the held key too.
    pub public_origins: Vec<String>,
    /// The HTTP(S) proxy the host goes through to a remote portal, its credentials in the URL
    /// (`http://user:password@proxy:3128`). Without it `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`
    /// and `NO_PROXY` apply. An embedded devportal is always reached directly.
    pub portal_proxy: Option<String>,
    /// The client id of the portal's OAuth app for "Sign in with DocSpace" (a PKCE app whose
    /// redirect URI is `{origin}/sign-in/oauth` for each origin the app is served from). With an
    /// embedded devportal and none given, the host registers one itself. Without one the app
    /// offers the password sign-in only. Not a secret: it travels in authorize URLs.
    pub oauth_client_id: Option<String>,
}

impl Default for HostConfig {
    fn default() -> Self {
        HostConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            dist: PathBuf::from("dist"),
            portal: PortalTarget::Embedded(PortalConfig::default()),
            api_key: None,
            owner_key_for_embedded: false,
            sdk_version: "2.1.0".to_string(),
            public_origins: Vec::new(),
            portal_proxy: None,
            oauth_client_id: None,
        }
    }
}
