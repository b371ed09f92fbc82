//! MCP servers registered on the portal, the servers linked to each agent room, and each user's
//! tool switches per room and server (ONLYOFFICE/DocSpace-server: tables `ai_mcp_servers`,
//! `ai_mcp_room_servers` and `ai_mcp_server_settings`, `products/ASC.AI/Core/Database/Models/*.cs`,
//! `products/ASC.Files/Core/Core/EF/DbMcpServerSettings.cs`).

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::envelope::ApiError;

/// Migration "mcp-servers".
pub const MIGRATION: &str = r#"
    CREATE TABLE ai_mcp_servers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL,
        endpoint TEXT NOT NULL,
        headers TEXT,
        enabled INTEGER NOT NULL DEFAULT 1,
        modified TEXT NOT NULL
    );
    CREATE TABLE ai_mcp_room_servers (
        room_id INTEGER NOT NULL,
        server_id TEXT NOT NULL,
        PRIMARY KEY (room_id, server_id)
    );
    CREATE TABLE ai_mcp_server_settings (
        room_id INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        server_id TEXT NOT NULL,
        disabled_tools TEXT NOT NULL,
        PRIMARY KEY (room_id, user_id, server_id)
    );
"#;

/// A registered server.
#[derive(Debug, Clone)]
pub struct Server {
    /// A GUID.
    pub id: String,
    /// Unique name.
    pub name: String,
    /// Description.
    pub description: String,
    /// The streamable HTTP endpoint.
    pub endpoint: String,
    /// Headers sent with every call (credentials, typically).
    pub headers: BTreeMap<String, String>,
    /// Offered to rooms.
    pub enabled: bool,
}

const COLUMNS: &str = "id, name, description, endpoint, headers, enabled";

fn server_of(r: &Row<'_>) -> rusqlite::Result<Server> {
    let headers: Option<String> = r.get(4)?;
    Ok(Server {
        id: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        endpoint: r.get(3)?,
        headers: headers
            .and_then(|h| serde_json::from_str(&h).ok())
            .unwrap_or_default(),
        enabled: r.get(5)?,
    })
}

fn headers_text(h: &BTreeMap<String, String>) -> Option<String> {
    (!h.is_empty()).then(|| serde_json::to_string(h).unwrap_or_default())
}

/// One server.
pub fn server(conn: &Connection, id: &str) -> Result<Option<Server>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM ai_mcp_servers WHERE id = ?1"),
            [id],
            server_of,
        )
        .optional()?)
}

/// The server named `name`, if any.
pub fn by_name(conn: &Connection, name: &str) -> Result<Option<Server>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM ai_mcp_servers WHERE name = ?1"),
            [name],
            server_of,
        )
        .optional()?)
}

/// A page of servers ordered by id, as `McpQueries` orders them; `enabled_only` for
/// `servers/available`. Returns the page and the total.
pub fn page(
    conn: &Connection,
    enabled_only: bool,
    start: i64,
    count: i64,
) -> Result<(Vec<Server>, i64), ApiError> {
    let filter = if enabled_only {
        "WHERE enabled = 1"
    } else {
        ""
    };
    let total: i64 = conn.query_row(
        &format!("SELECT COUNT(*) FROM ai_mcp_servers {filter}"),
        [],
        |r| r.get(0),
    )?;
    let mut st = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM ai_mcp_servers {filter} ORDER BY id LIMIT ?1 OFFSET ?2"
    ))?;
    let rows = st
        .query_map(params![count, start], server_of)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((rows, total))
}

/// Inserts or replaces a server.
pub fn save(conn: &Connection, s: &Server, modified: &str) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO ai_mcp_servers (id, name, description, endpoint, headers, enabled, modified) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
         ON CONFLICT(id) DO UPDATE SET name = ?2, description = ?3, endpoint = ?4, headers = ?5, \
         enabled = ?6, modified = ?7",
        params![
            s.id,
            s.name,
            s.description,
            s.endpoint,
            headers_text(&s.headers),
            s.enabled,
            modified
        ],
    )?;
    Ok(())
}

/// Deletes servers with their room links and settings (`McpDao.DeleteServersAsync`).
pub fn delete(conn: &Connection, ids: &BTreeSet<String>) -> Result<(), ApiError> {
    for id in ids {
        conn.execute("DELETE FROM ai_mcp_servers WHERE id = ?1", [id])?;
        conn.execute("DELETE FROM ai_mcp_room_servers WHERE server_id = ?1", [id])?;
        conn.execute(
            "DELETE FROM ai_mcp_server_settings WHERE server_id = ?1",
            [id],
        )?;
    }
    Ok(())
}

/// The servers linked to a room, ordered by name.
pub fn room_servers(conn: &Connection, room: i64) -> Result<Vec<Server>, ApiError> {
    let mut st = conn.prepare(
        "SELECT s.id, s.name, s.description, s.endpoint, s.headers, s.enabled \
         FROM ai_mcp_room_servers r JOIN ai_mcp_servers s ON s.id = r.server_id \
         WHERE r.room_id = ?1 ORDER BY s.name",
    )?;
    let rows = st
        .query_map([room], server_of)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Whether the server is linked to the room.
pub fn linked(conn: &Connection, room: i64, server: &str) -> Result<bool, ApiError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM ai_mcp_room_servers WHERE room_id = ?1 AND server_id = ?2",
            params![room, server],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Links a server to a room.
pub fn link(conn: &Connection, room: i64, server: &str) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO ai_mcp_room_servers (room_id, server_id) VALUES (?1, ?2)",
        params![room, server],
    )?;
    Ok(())
}

/// Unlinks servers from a room and drops everyone's settings for them there.
pub fn unlink(conn: &Connection, room: i64, ids: &BTreeSet<String>) -> Result<(), ApiError> {
    for id in ids {
        conn.execute(
            "DELETE FROM ai_mcp_room_servers WHERE room_id = ?1 AND server_id = ?2",
            params![room, id],
        )?;
        conn.execute(
            "DELETE FROM ai_mcp_server_settings WHERE room_id = ?1 AND server_id = ?2",
            params![room, id],
        )?;
    }
    Ok(())
}

/// Forgets a deleted room's servers and everyone's tool switches there (the link tables carry
/// no foreign key, as upstream's do not).
pub fn forget_room(conn: &Connection, room: i64) -> Result<(), ApiError> {
    conn.execute("DELETE FROM ai_mcp_room_servers WHERE room_id = ?1", [room])?;
    conn.execute(
        "DELETE FROM ai_mcp_server_settings WHERE room_id = ?1",
        [room],
    )?;
    Ok(())
}

/// The tools a user switched off for a server in a room.
pub fn disabled_tools(
    conn: &Connection,
    room: i64,
    user: &str,
    server: &str,
) -> Result<BTreeSet<String>, ApiError> {
    let raw: Option<String> = conn
        .query_row(
            "SELECT disabled_tools FROM ai_mcp_server_settings \
             WHERE room_id = ?1 AND user_id = ?2 AND server_id = ?3",
            params![room, user, server],
            |r| r.get(0),
        )
        .optional()?;
    Ok(raw
        .and_then(|r| serde_json::from_str(&r).ok())
        .unwrap_or_default())
}

/// Replaces the tools a user switched off for a server in a room.
pub fn set_disabled_tools(
    conn: &Connection,
    room: i64,
    user: &str,
    server: &str,
    tools: &BTreeSet<String>,
) -> Result<(), ApiError> {
    let text = serde_json::to_string(tools).unwrap_or_else(|_| "[]".into());
    conn.execute(
        "INSERT INTO ai_mcp_server_settings (room_id, user_id, server_id, disabled_tools) \
         VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT(room_id, user_id, server_id) DO UPDATE SET disabled_tools = ?4",
        params![room, user, server, text],
    )?;
    Ok(())
}
