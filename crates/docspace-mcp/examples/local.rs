//! A devportal in memory and the MCP server over streamable HTTP in front of it, to point an MCP
//! client at: `cargo run -p docspace-mcp --example local`, then Ctrl-C.

use docspace_devportal::PortalConfig;
use docspace_mcp::http::{HttpConfig, HttpServer};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let portal = docspace_devportal::start(PortalConfig::for_tests()).await?;
    let mcp =
        HttpServer::start("127.0.0.1:0".parse()?, &HttpConfig::new(portal.base_url())).await?;
    println!("devportal:  {}", portal.base_url());
    println!("MCP server: {}", mcp.url());
    // A throwaway owner key of an in-memory portal, printed so a client can be configured.
    println!("send:       Authorization: Bearer {}", portal.owner.api_key);
    tokio::signal::ctrl_c().await?;
    Ok(())
}
