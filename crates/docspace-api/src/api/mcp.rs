//! MCP servers inside DocSpace, `/api/2.0/ai/servers*` and `/api/2.0/ai/rooms/{roomId}/servers*`
//! (<https://api.onlyoffice.com/docspace/api-backend/>, tag "AI / MCP"; ONLYOFFICE/DocSpace-server:
//! `products/ASC.AI/Server/Api/McpController.cs`, `products/ASC.AI/Core/MCP/McpService.cs`).
//!
//! Input is checked before anything is sent, with DocSpace's rules: server names match
//! `^[a-zA-Z0-9_-]+$` (at most 128 characters) and are not `docspace`, `github` or `box`;
//! descriptions are 1..=255 characters; endpoints are absolute http(s) URLs; a room takes at most
//! [`MAX_SERVERS_PER_ROOM`] servers. The portal itself connects to the endpoint before saving it.

use std::collections::BTreeMap;

use futures::Stream;
use serde::{Deserialize, Serialize};

use super::bodies::Enabled;

use crate::client::Client;
use crate::error::Error;
use crate::paging::{DEFAULT_PAGE_CONCURRENCY, Page, stream_pages};
use crate::request::{Request, seg};
use crate::validate;

/// `McpService.MaxMcpServersByRoom`.
pub const MAX_SERVERS_PER_ROOM: usize = 5;
/// Names DocSpace keeps for its system servers (`Core/MCP/Data/SystemMcpConfig.cs`).
pub const RESERVED_SERVER_NAMES: [&str; 3] = ["docspace", "github", "box"];

/// `McpServerDto`: what admins see, with the endpoint and headers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct McpServer {
    /// GUID.
    pub id: String,
    /// Unique name.
    pub name: String,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Streamable HTTP endpoint.
    #[serde(default)]
    pub endpoint: Option<String>,
    /// `ServerType`: 0 custom, 1 DocSpace, 2 GitHub, 3 Box.
    #[serde(default)]
    pub server_type: i32,
    /// Headers sent to the server (DocSpace returns them to admins).
    #[serde(default)]
    pub headers: Option<BTreeMap<String, String>>,
    /// Offered to rooms.
    #[serde(default)]
    pub enabled: bool,
    /// Its credentials must be entered again.
    #[serde(default)]
    pub need_reset: bool,
}

/// `McpServerShortDto`: no endpoint, no headers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct McpServerShort {
    /// GUID.
    pub id: String,
    /// Name.
    pub name: String,
    /// `ServerType`.
    #[serde(default)]
    pub server_type: i32,
    /// Offered to rooms.
    #[serde(default)]
    pub enabled: bool,
}

/// `McpServerStatusDto`: a server of a room, for the caller.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct McpServerStatus {
    /// GUID.
    pub id: String,
    /// Name.
    pub name: String,
    /// `ServerType`.
    #[serde(default)]
    pub server_type: i32,
    /// Usable now (OAuth servers need the caller's sign-in first).
    #[serde(default)]
    pub connected: bool,
}

/// `McpToolDto`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct McpTool {
    /// The tool's name as the server lists it.
    pub name: String,
    /// Not switched off by the caller in this room.
    pub enabled: bool,
}

fn check_name(name: &str) -> Result<(), Error> {
    validate::max_len("name", name, 128)?;
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return Err(Error::invalid(
            "name",
            "only letters, numbers, underscores and hyphens are allowed",
        ));
    }
    if RESERVED_SERVER_NAMES.contains(&name) {
        return Err(Error::invalid("name", format!("`{name}` is reserved")));
    }
    Ok(())
}

fn check_description(d: &str) -> Result<(), Error> {
    validate::non_empty("description", d)?;
    validate::max_len("description", d, 255)
}

fn check_endpoint(e: &str) -> Result<(), Error> {
    let lower = e.trim().to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://"))
        || !validate::parses_as_url(e)
    {
        return Err(Error::invalid("endpoint", "give an absolute http(s) URL"));
    }
    Ok(())
}

/// A stream's offset as the portal's `startIndex` (an `int`).
fn offset(start: u64) -> Result<u32, Error> {
    u32::try_from(start).map_err(|_| Error::invalid("startIndex", "past the last server"))
}

fn check_ids(ids: &[&str]) -> Result<(), Error> {
    if ids.is_empty() {
        return Err(Error::invalid("servers", "give at least one server"));
    }
    ids.iter().try_for_each(|id| validate::guid("servers", id))
}

/// MCP servers; get one with [`Client::mcp`].
#[derive(Debug, Clone, Copy)]
pub struct McpHandler<'c> {
    client: &'c Client,
}

impl<'c> McpHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        McpHandler { client }
    }

    /// Starts registering a server (DocSpace admins); the portal connects to it before saving.
    pub fn register(
        &self,
        name: impl Into<String>,
        description: impl Into<String>,
        endpoint: impl Into<String>,
    ) -> RegisterMcpBuilder<'c> {
        RegisterMcpBuilder {
            client: self.client,
            name: name.into(),
            description: description.into(),
            endpoint: endpoint.into(),
            headers: BTreeMap::new(),
        }
    }

    /// Starts changing a server (DocSpace admins).
    pub fn update(&self, id: impl Into<String>) -> UpdateMcpBuilder<'c> {
        UpdateMcpBuilder {
            client: self.client,
            id: id.into(),
            fields: ServerFields::default(),
        }
    }

    /// Enables or disables a server.
    pub async fn set_enabled(&self, id: &str, enabled: bool) -> Result<McpServer, Error> {
        validate::guid("id", id)?;
        let req = Request::put(format!("ai/servers/{}/status", seg(id)))
            .json(&Enabled { enabled })?
            .idempotent(true);
        self.client.call(req).await
    }

    /// Deletes servers (and their links to rooms).
    pub async fn delete(&self, ids: &[&str]) -> Result<(), Error> {
        check_ids(ids)?;
        let req = Request::delete("ai/servers").json(&Servers { servers: ids })?;
        self.client.execute(req).await.map(|_| ())
    }

    /// One server, without endpoint or headers.
    pub async fn get(&self, id: &str) -> Result<McpServerShort, Error> {
        validate::guid("id", id)?;
        self.client
            .call(Request::get(format!("ai/servers/{}", seg(id))))
            .await
    }

    /// A page of every server (DocSpace admins); `count` is 1..=100.
    pub async fn list(&self, start: u32, count: u32) -> Result<Page<McpServer>, Error> {
        validate::range("count", count, 1, 100)?;
        let req = Request::get("ai/servers")
            .query("startIndex", start)
            .query("count", count);
        self.client.call_page(req).await
    }

    /// Every server (DocSpace admins), page after page: the portal lists at most 100 at a time
    /// (`PaginatedRequestDto`).
    pub fn stream(&self) -> impl Stream<Item = Result<McpServer, Error>> + use<> {
        let client = self.client.clone();
        stream_pages(0, 100, DEFAULT_PAGE_CONCURRENCY, move |start, count| {
            let client = client.clone();
            async move { client.mcp().list(offset(start)?, count).await }
        })
    }

    /// Every enabled server (anyone but guests), page after page.
    pub fn stream_available(&self) -> impl Stream<Item = Result<McpServerShort, Error>> + use<> {
        let client = self.client.clone();
        stream_pages(0, 100, DEFAULT_PAGE_CONCURRENCY, move |start, count| {
            let client = client.clone();
            async move { client.mcp().available(offset(start)?, count).await }
        })
    }

    /// A page of the enabled servers (anyone but guests).
    pub async fn available(&self, start: u32, count: u32) -> Result<Page<McpServerShort>, Error> {
        validate::range("count", count, 1, 100)?;
        let req = Request::get("ai/servers/available")
            .query("startIndex", start)
            .query("count", count);
        self.client.call_page(req).await
    }

    /// Adds servers to an agent room (needs edit rights; at most five per room).
    pub async fn add_to_room(
        &self,
        room_id: i64,
        ids: &[&str],
    ) -> Result<Vec<McpServerStatus>, Error> {
        check_ids(ids)?;
        if ids.len() > MAX_SERVERS_PER_ROOM {
            return Err(Error::invalid(
                "servers",
                format!("a room takes at most {MAX_SERVERS_PER_ROOM} servers"),
            ));
        }
        let req = Request::post(format!("ai/rooms/{}/servers", seg(room_id)))
            .json(&Servers { servers: ids })?;
        self.client.call(req).await
    }

    /// The servers of an agent room.
    pub async fn room_servers(&self, room_id: i64) -> Result<Vec<McpServerStatus>, Error> {
        self.client
            .call(Request::get(format!("ai/rooms/{}/servers", seg(room_id))))
            .await
    }

    /// Removes servers from an agent room.
    pub async fn remove_from_room(&self, room_id: i64, ids: &[&str]) -> Result<(), Error> {
        check_ids(ids)?;
        let req = Request::delete(format!("ai/rooms/{}/servers", seg(room_id)))
            .json(&Servers { servers: ids })?;
        self.client.execute(req).await.map(|_| ())
    }

    /// The tools a server of the room offers, and which the caller switched off.
    pub async fn tools(&self, room_id: i64, server_id: &str) -> Result<Vec<McpTool>, Error> {
        validate::guid("serverId", server_id)?;
        self.client
            .call(Request::get(format!(
                "ai/rooms/{}/servers/{}/tools",
                seg(room_id),
                seg(server_id)
            )))
            .await
    }

    /// Switches off exactly `disabled` (for the caller, in this room); the others are on.
    pub async fn set_disabled_tools(
        &self,
        room_id: i64,
        server_id: &str,
        disabled: &[&str],
    ) -> Result<Vec<McpTool>, Error> {
        validate::guid("serverId", server_id)?;
        if disabled.iter().any(|t| t.is_empty()) {
            return Err(Error::invalid("disabledTools", "a tool name is empty"));
        }
        let req = Request::put(format!(
            "ai/rooms/{}/servers/{}/tools",
            seg(room_id),
            seg(server_id)
        ))
        .json(&DisabledTools {
            disabled_tools: disabled,
        })?
        .idempotent(true);
        self.client.call(req).await
    }
}

/// `POST /api/2.0/ai/servers`; see [`McpHandler::register`].
#[derive(Debug, Clone)]
pub struct RegisterMcpBuilder<'c> {
    client: &'c Client,
    name: String,
    description: String,
    endpoint: String,
    headers: BTreeMap<String, String>,
}

impl<'c> RegisterMcpBuilder<'c> {
    /// A header sent with every call to the server (an `Authorization`, typically).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.insert(name.into(), value.into());
        self
    }

    /// Registers it.
    pub async fn send(self) -> Result<McpServer, Error> {
        check_name(&self.name)?;
        check_description(&self.description)?;
        check_endpoint(&self.endpoint)?;
        let body = ServerFields {
            name: Some(self.name),
            description: Some(self.description),
            endpoint: Some(self.endpoint),
            headers: (!self.headers.is_empty()).then_some(self.headers),
        };
        self.client
            .call(Request::post("ai/servers").json(&body)?)
            .await
    }
}

/// `PUT /api/2.0/ai/servers/{id}`; see [`McpHandler::update`]. Unset fields stay as they are.
#[derive(Debug, Clone)]
pub struct UpdateMcpBuilder<'c> {
    client: &'c Client,
    id: String,
    fields: ServerFields,
}

impl<'c> UpdateMcpBuilder<'c> {
    /// A new name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.fields.name = Some(name.into());
        self
    }

    /// A new description.
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.fields.description = Some(d.into());
        self
    }

    /// A new endpoint (the portal connects to it before saving).
    pub fn endpoint(mut self, e: impl Into<String>) -> Self {
        self.fields.endpoint = Some(e.into());
        self
    }

    /// Replaces all headers (an empty map removes them; the portal connects again).
    pub fn headers(mut self, h: BTreeMap<String, String>) -> Self {
        self.fields.headers = Some(h);
        self
    }

    /// Saves the changes.
    pub async fn send(self) -> Result<McpServer, Error> {
        validate::guid("id", &self.id)?;
        if let Some(n) = &self.fields.name {
            check_name(n)?;
        }
        if let Some(d) = &self.fields.description {
            check_description(d)?;
        }
        if let Some(e) = &self.fields.endpoint {
            check_endpoint(e)?;
        }
        let req = Request::put(format!("ai/servers/{}", seg(&self.id)))
            .json(&self.fields)?
            .idempotent(true);
        self.client.call(req).await
    }
}

/// The body of registering a server (every field but `headers` required: `AddMcpServerRequestBody`)
/// and of changing one (only what changes: `UpdateServerRequestBody`), in
/// `products/ASC.AI/Server/Models/RequestDto/`.
#[derive(Debug, Clone, Default, Serialize)]
struct ServerFields {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    endpoint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headers: Option<BTreeMap<String, String>>,
}

/// `{"servers": [...]}`: deleting servers, linking them to a room and unlinking them.
#[derive(Serialize)]
struct Servers<'a> {
    servers: &'a [&'a str],
}

/// `{"disabledTools": [...]}`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DisabledTools<'a> {
    disabled_tools: &'a [&'a str],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_docspace_rules() {
        assert!(check_name("my-server_1").is_ok());
        for bad in ["", "bad name", "ünï", "docspace", "github", "box"] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
        assert!(check_name(&"n".repeat(129)).is_err());
    }

    #[test]
    fn endpoints_are_http_urls() {
        assert!(check_endpoint("http://127.0.0.1:1/mcp").is_ok());
        assert!(check_endpoint("ftp://x/mcp").is_err());
        assert!(check_endpoint("not a url").is_err());
    }
}
