//! MCP servers inside the portal (ONLYOFFICE/DocSpace-server: `products/ASC.AI/Server/Api/McpController.cs`,
//! routed under `api/2.0/ai/` by `[DefaultRoute]` + `[ControllerName("ai")]`, behind `[AiFeature]`):
//! the portal-wide list ([`servers`]), each agent room's servers and tool switches ([`rooms`]), and
//! the MCP client that checks and lists them ([`client`]).
//!
//! Not served: `rooms/{roomId}/servers/{serverId}/connect|disconnect`, which only matter for the
//! OAuth system servers (GitHub, Box) that this portal does not configure.

pub mod client;
pub mod rooms;
pub mod servers;
