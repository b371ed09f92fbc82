//! `docspace-host`: serve the app and proxy the portal.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;
use docspace_devportal::{PortalConfig, Storage};
use docspace_host::{HostConfig, PortalTarget};

/// Serves the DocSpace embed app and proxies /api/2.0 to a portal.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Address to listen on.
    #[arg(long, env = "DOCSPACE_HOST_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// The built app (Trunk's dist/).
    #[arg(long, env = "DOCSPACE_HOST_DIST", default_value = "dist")]
    dist: PathBuf,
    /// A DocSpace portal to proxy to; without it an embedded devportal starts.
    #[arg(long, env = "DOCSPACE_PORTAL")]
    portal: Option<String>,
    /// A file holding an API key to add to API requests that carry no credentials.
    #[arg(long, env = "DOCSPACE_API_KEY_FILE")]
    api_key_file: Option<PathBuf>,
    /// Address of the embedded devportal.
    #[arg(
        long,
        env = "DOCSPACE_DEVPORTAL_ADDR",
        default_value = "127.0.0.1:8092"
    )]
    devportal_addr: SocketAddr,
    /// Keep the embedded devportal's data in memory only.
    #[arg(long)]
    devportal_memory: bool,
    /// Data directory of the embedded devportal.
    #[arg(long, env = "DOCSPACE_DEVPORTAL_DATA")]
    devportal_data: Option<PathBuf>,
    /// Origins the app is also served from (a TLS proxy in front: `https://docs.example.com`);
    /// requests from these may use the held API key too. Repeatable or comma-separated.
    #[arg(long, env = "DOCSPACE_HOST_PUBLIC_ORIGIN", value_delimiter = ',')]
    public_origin: Vec<String>,
    /// With the embedded devportal: add its owner's API key to API requests, so the app works as
    /// the owner without a sign-in (embedded frames still ask for one).
    #[arg(long, env = "DOCSPACE_DEMO_OWNER_KEY")]
    demo_owner_key: bool,
    /// The HTTP(S) proxy on the way to `--portal`, credentials in its URL
    /// (`http://user:password@proxy:3128`; prefer the environment variable, which `ps` does not
    /// show). Without it HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY apply.
    #[arg(
        long,
        env = "DOCSPACE_PORTAL_PROXY",
        requires = "portal",
        hide_env_values = true
    )]
    portal_proxy: Option<String>,
    /// The client id of the portal's OAuth app for "Sign in with DocSpace": a PKCE app
    /// registered with the redirect URI `{origin}/sign-in/oauth` (origin: `http://ADDR` and each
    /// public origin). The embedded devportal gets one registered automatically.
    #[arg(long, env = "DOCSPACE_OAUTH_CLIENT_ID")]
    oauth_client_id: Option<String>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    docspace_devportal::cli::init_logging();
    let cli = Cli::parse();
    let api_key = match &cli.api_key_file {
        Some(f) => Some(
            std::fs::read_to_string(f)
                .map_err(|e| anyhow::anyhow!("cannot read the API key file {}: {e}", f.display()))?
                .trim()
                .to_string(),
        ),
        None => None,
    };
    let portal = match cli.portal {
        Some(url) => PortalTarget::Remote(url),
        None => {
            let storage = if cli.devportal_memory {
                Storage::Memory
            } else {
                cli.devportal_data
                    .map(Storage::Dir)
                    .unwrap_or_else(Storage::default_dir)
            };
            let origin = format!("http://{}", cli.addr);
            PortalTarget::Embedded(PortalConfig {
                addr: cli.devportal_addr,
                storage,
                allow_origins: vec![origin],
                ..PortalConfig::default()
            })
        }
    };
    let host = docspace_host::start(HostConfig {
        addr: cli.addr,
        dist: cli.dist,
        portal,
        api_key,
        owner_key_for_embedded: cli.demo_owner_key,
        public_origins: cli.public_origin,
        portal_proxy: cli.portal_proxy,
        oauth_client_id: cli.oauth_client_id,
        ..HostConfig::default()
    })
    .await?;
    println!("DocSpace embed app at {}", host.base_url());
    println!("Portal at {}", host.portal_url());
    if let Some(p) = &host.embedded {
        println!("  demo login: {} / {}", p.owner.email, p.owner.password);
    }
    println!("Press Ctrl-C to stop.");
    let _ = tokio::signal::ctrl_c().await;
    host.shutdown().await;
    Ok(())
}
