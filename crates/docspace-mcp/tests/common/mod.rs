//! An in-process devportal and MCP server over loopback, for the integration tests.

#![allow(dead_code)] // Each test binary uses a part.

use docspace_devportal::{PortalConfig, RunningPortal};
use docspace_mcp::Toolset;
use docspace_mcp::http::{HttpConfig, HttpServer};

/// A devportal and an MCP server over streamable HTTP in front of it.
pub struct Stack {
    pub portal: RunningPortal,
    pub mcp: HttpServer,
}

impl Stack {
    /// Every toolset.
    pub async fn start() -> Stack {
        Stack::with_toolsets(Toolset::ALL).await
    }

    pub async fn with_toolsets(toolsets: &[Toolset]) -> Stack {
        let portal = docspace_devportal::start(PortalConfig::for_tests())
            .await
            .expect("devportal");
        let mut config = HttpConfig::new(portal.base_url());
        config.toolsets = toolsets.to_vec();
        let mcp = HttpServer::start("127.0.0.1:0".parse().expect("addr"), &config)
            .await
            .expect("MCP server");
        Stack { portal, mcp }
    }

    /// The owner's API key (a test fixture).
    pub fn api_key(&self) -> String {
        self.portal.owner.api_key.clone()
    }
}
