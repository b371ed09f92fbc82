//! An MCP server over [`docspace_api`]: DocSpace rooms, folders, files and people as tools for AI
//! clients, every call going through the client's rate-limit scheduler.
//!
//! The tools mirror the official DocSpace MCP server's four toolsets and their names
//! (`ONLYOFFICE/docspace-mcp: docs/features/tools.md`), so prompts and client configurations
//! written for it work here.
//!
//! - [`DocSpaceMcp`] is the MCP server handler (the official Rust SDK, `rmcp`).
//! - [`serve_stdio`] serves one portal client over stdin/stdout.
//! - [`http::router`] serves streamable HTTP at `/mcp`, passing each request's bearer token
//!   through to the portal.
//!
//! ```no_run
//! # async fn demo() -> anyhow::Result<()> {
//! use docspace_mcp::{DocSpaceMcp, Toolset};
//!
//! let client = docspace_api::Client::builder("http://127.0.0.1:8092").api_key("sk-…").build()?;
//! docspace_mcp::serve_stdio(DocSpaceMcp::with_client(client, Toolset::ALL)).await?;
//! # Ok(()) }
//! ```

#![deny(missing_docs)]

pub mod http;
mod output;
mod server;
mod tools;
mod toolsets;

pub use server::DocSpaceMcp;
pub use toolsets::{Toolset, parse_toolsets};

use rmcp::ServiceExt;

/// Serves `server` over stdin/stdout until the client closes the stream.
pub async fn serve_stdio(server: DocSpaceMcp) -> anyhow::Result<()> {
    let running = server.serve(rmcp::transport::stdio()).await?;
    running.waiting().await?;
    Ok(())
}
