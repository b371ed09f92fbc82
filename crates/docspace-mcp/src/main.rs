//! `docspace-mcp --portal URL` (stdio, the API key from `DOCSPACE_API_KEY`) or
//! `docspace-mcp --portal URL --http [ADDR]` (streamable HTTP at `http://ADDR/mcp`).

use std::net::SocketAddr;

use anyhow::{Context, bail};
use clap::Parser;
use docspace_mcp::http::{DEFAULT_ALLOWED_HOSTS, HttpConfig, HttpServer};
use docspace_mcp::{DocSpaceMcp, Toolset, parse_toolsets};

/// Where `--http` listens when given no address: loopback, beside the devportal (8092) and
/// the SDK example (8093).
const DEFAULT_HTTP_ADDR: &str = "127.0.0.1:8094";

/// An MCP server for ONLYOFFICE DocSpace: rooms, folders, files and people as tools for AI
/// clients, within the portal's rate limits.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// The portal's base URL (https://example.onlyoffice.com).
    #[arg(long, env = "DOCSPACE_BASE_URL", value_name = "URL")]
    portal: String,
    /// Serve streamable HTTP at http://ADDR/mcp instead of stdio; each request's
    /// `Authorization: Bearer …` is passed through to the portal.
    #[arg(
        long,
        value_name = "ADDR",
        num_args = 0..=1,
        default_missing_value = DEFAULT_HTTP_ADDR
    )]
    http: Option<SocketAddr>,
    /// The toolsets to expose, comma-separated: files, folders, people, rooms, or all.
    #[arg(
        long,
        env = "DOCSPACE_TOOLSETS",
        value_name = "LIST",
        default_value = "all"
    )]
    toolsets: String,
    /// A host name HTTP requests may carry in `Host` and `Origin`, besides localhost, 127.0.0.1
    /// and [::1] (repeatable). Needed when clients reach the server by another name.
    #[arg(long = "allowed-host", value_name = "HOST")]
    allowed_hosts: Vec<String>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // stdout belongs to the MCP stream in stdio mode: logs go to stderr.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    let args = Args::parse();
    let toolsets: Vec<Toolset> = parse_toolsets(&args.toolsets)
        .map_err(anyhow::Error::msg)
        .context("--toolsets")?;
    match args.http {
        Some(addr) => serve_http(addr, &args, toolsets).await,
        None => serve_stdio(&args, &toolsets).await,
    }
}

async fn serve_stdio(args: &Args, toolsets: &[Toolset]) -> anyhow::Result<()> {
    // The key comes from the environment only: a flag would show in `ps` and shell history.
    let key = std::env::var("DOCSPACE_API_KEY").unwrap_or_default();
    let key = key.trim();
    if key.is_empty() {
        bail!(
            "set DOCSPACE_API_KEY to a DocSpace API key (Profile → API keys in the portal); \
             over stdio every call is made with it"
        );
    }
    let client = docspace_api::Client::builder(&args.portal)
        .api_key(key)
        .build()
        .context("--portal")?;
    docspace_mcp::serve_stdio(DocSpaceMcp::with_client(client, toolsets)).await
}

async fn serve_http(addr: SocketAddr, args: &Args, toolsets: Vec<Toolset>) -> anyhow::Result<()> {
    let mut allowed_hosts: Vec<String> = DEFAULT_ALLOWED_HOSTS
        .iter()
        .map(|h| h.to_string())
        .collect();
    allowed_hosts.extend(args.allowed_hosts.iter().cloned());
    let config = HttpConfig {
        portal: args.portal.clone(),
        toolsets,
        allowed_hosts,
    };
    let server = HttpServer::start(addr, &config)
        .await
        .with_context(|| format!("serving on {addr}"))?;
    if !addr.ip().is_loopback() {
        eprintln!(
            "warning: listening on {addr}, beyond this machine; put TLS in front of it, and \
             name the host clients use with --allowed-host"
        );
    }
    if std::env::var_os("DOCSPACE_API_KEY").is_some() {
        eprintln!("note: DOCSPACE_API_KEY is not used over HTTP; each request's bearer token is");
    }
    println!(
        "DocSpace MCP server at {} for {}",
        server.url(),
        args.portal
    );
    tokio::select! {
        r = server.wait() => r,
        _ = tokio::signal::ctrl_c() => Ok(()),
    }
}
