//! The MCP server handler: the chosen toolsets' tools and the portal client each call uses.

use docspace_api::Client;
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::model::{Implementation, ServerCapabilities, ServerConfig};
use rmcp::service::RequestContext;
use rmcp::{RoleServer, ServerHandler, tool_handler};

use crate::toolsets::Toolset;

/// The portal client the HTTP layer chose for a request from its credentials; it travels in the
/// request's extensions to the tool that runs for it.
#[derive(Debug, Clone)]
pub(crate) struct RequestClient(pub(crate) Client);

/// The DocSpace MCP server: the tools of the chosen toolsets, each call made with a
/// [`docspace_api::Client`] (so it keeps the portal's rate limits).
///
/// Over stdio it holds one client ([`DocSpaceMcp::with_client`]); over HTTP
/// ([`crate::http::router`]) each request brings its own credentials, and the client made for them.
#[derive(Debug, Clone)]
pub struct DocSpaceMcp {
    fixed: Option<Client>,
    tool_router: ToolRouter<Self>,
}

impl DocSpaceMcp {
    /// A server whose every call uses `client` (stdio: one user, one key).
    pub fn with_client(client: Client, toolsets: &[Toolset]) -> Self {
        DocSpaceMcp {
            fixed: Some(client),
            tool_router: Self::router_for(toolsets),
        }
    }

    /// A server that takes each call's client from the HTTP request it came with.
    pub(crate) fn per_request(toolsets: &[Toolset]) -> Self {
        DocSpaceMcp {
            fixed: None,
            tool_router: Self::router_for(toolsets),
        }
    }

    fn router_for(toolsets: &[Toolset]) -> ToolRouter<Self> {
        let mut router = ToolRouter::new();
        for t in toolsets {
            router += match t {
                Toolset::Files => Self::files_router(),
                Toolset::Folders => Self::folders_router(),
                Toolset::People => Self::people_router(),
                Toolset::Rooms => Self::rooms_router(),
            };
        }
        router
    }

    /// The names of the tools this server exposes, sorted.
    pub fn tool_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .tool_router
            .list_all()
            .into_iter()
            .map(|t| t.name.to_string())
            .collect();
        names.sort();
        names
    }

    /// The client for this call: the fixed one, or the one the HTTP layer attached.
    pub(crate) fn client(&self, ctx: &RequestContext<RoleServer>) -> Option<Client> {
        if let Some(c) = &self.fixed {
            return Some(c.clone());
        }
        ctx.extensions
            .get::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<RequestClient>())
            .map(|rc| rc.0.clone())
    }
}

/// Unwraps the call's client or returns the tool error that says there is none (the HTTP layer
/// refuses requests without credentials, so that is a wiring fault).
macro_rules! client {
    ($self:ident, $ctx:ident) => {
        match $self.client(&$ctx) {
            Some(c) => c,
            None => {
                return $crate::output::failure("no DocSpace credentials came with this request");
            }
        }
    };
}
pub(crate) use client;

/// The value of a portal call, or returns the tool error the call's failure becomes (the `?` of
/// a tool).
macro_rules! portal {
    ($call:expr) => {
        match $call {
            Ok(v) => v,
            Err(e) => return $crate::output::portal_error(&e),
        }
    };
}
pub(crate) use portal;

#[tool_handler(router = self.tool_router)]
impl ServerHandler for DocSpaceMcp {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new(
                "docspace-mcp",
                env!("CARGO_PKG_VERSION"),
            ))
            .with_instructions(
                "Tools for an ONLYOFFICE DocSpace portal: rooms, folders, files and people. \
                 Ids are the portal's numeric ids; get_rooms_folder and get_my_folder are the \
                 usual starting points.",
            )
    }
}
