//! Web plugins: each uploaded package's `config.json`, who uploaded it and when, its files, and
//! the portal's `WebPluginSettings.EnabledPlugins` state (enabled, settings) per plugin
//! (ONLYOFFICE/DocSpace-server: `web/ASC.Web.Core/WebPluginManager.cs`, `WebPluginSettings.cs`).
//! DocSpace keeps the files in its `webplugins` storage module; here they are rows.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde_json::{Map, Value};

use crate::envelope::ApiError;

/// Migration "web-plugins".
pub const MIGRATION: &str = r#"
    CREATE TABLE web_plugins (
        name TEXT PRIMARY KEY,
        plugin_name TEXT NOT NULL,
        config TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_on TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 0,
        settings TEXT
    );
    CREATE TABLE web_plugin_files (
        plugin TEXT NOT NULL,
        path TEXT NOT NULL,
        content BLOB NOT NULL,
        PRIMARY KEY (plugin, path)
    );
"#;

/// A stored plugin.
#[derive(Debug, Clone)]
pub struct Plugin {
    /// `name` (lower case, the key).
    pub name: String,
    /// `pluginName` (the script's global).
    pub plugin_name: String,
    /// The package's `config.json` fields.
    pub config: Map<String, Value>,
    /// Uploader's id.
    pub created_by: String,
    /// When uploaded (db time).
    pub created_on: String,
    /// `WebPluginState.Enabled`.
    pub enabled: bool,
    /// `WebPluginState.Settings`.
    pub settings: Option<String>,
    /// Whether the package has `plugin.css`.
    pub has_css: bool,
}

const COLUMNS: &str = "p.name, p.plugin_name, p.config, p.created_by, p.created_on, p.enabled, \
     p.settings, EXISTS (SELECT 1 FROM web_plugin_files f WHERE f.plugin = p.name AND f.path = 'plugin.css')";

fn plugin_of(r: &Row<'_>) -> rusqlite::Result<Plugin> {
    let config: String = r.get(2)?;
    Ok(Plugin {
        name: r.get(0)?,
        plugin_name: r.get(1)?,
        config: serde_json::from_str(&config).unwrap_or_default(),
        created_by: r.get(3)?,
        created_on: r.get(4)?,
        enabled: r.get(5)?,
        settings: r.get(6)?,
        has_css: r.get(7)?,
    })
}

/// Every plugin, by name.
pub fn all(conn: &Connection) -> Result<Vec<Plugin>, ApiError> {
    let mut st = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM web_plugins p ORDER BY p.name"
    ))?;
    let rows = st
        .query_map([], plugin_of)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The plugin named `name`, ignoring case (`GetWebPluginByNameAsync`).
pub fn by_name(conn: &Connection, name: &str) -> Result<Option<Plugin>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM web_plugins p WHERE lower(p.name) = lower(?1)"),
            [name],
            plugin_of,
        )
        .optional()?)
}

/// Stores a package, replacing the plugin of the same name and all its files.
pub fn save(conn: &Connection, p: &Plugin, files: &[(String, Vec<u8>)]) -> Result<(), ApiError> {
    let config = serde_json::to_string(&p.config).map_err(|e| ApiError::Internal(e.to_string()))?;
    conn.execute(
        "INSERT INTO web_plugins (name, plugin_name, config, created_by, created_on, enabled, settings) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
         ON CONFLICT(name) DO UPDATE SET plugin_name = ?2, config = ?3, created_by = ?4, \
         created_on = ?5, enabled = ?6, settings = ?7",
        params![
            p.name,
            p.plugin_name,
            config,
            p.created_by,
            p.created_on,
            p.enabled,
            p.settings
        ],
    )?;
    conn.execute("DELETE FROM web_plugin_files WHERE plugin = ?1", [&p.name])?;
    for (path, content) in files {
        conn.execute(
            "INSERT INTO web_plugin_files (plugin, path, content) VALUES (?1, ?2, ?3)",
            params![p.name, path, content],
        )?;
    }
    Ok(())
}

/// Sets the enabled state and settings.
pub fn set_state(
    conn: &Connection,
    name: &str,
    enabled: bool,
    settings: Option<&str>,
) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE web_plugins SET enabled = ?2, settings = ?3 WHERE name = ?1",
        params![name, enabled, settings],
    )?;
    Ok(())
}

/// Deletes a plugin and its files.
pub fn delete(conn: &Connection, name: &str) -> Result<(), ApiError> {
    conn.execute("DELETE FROM web_plugins WHERE name = ?1", [name])?;
    conn.execute("DELETE FROM web_plugin_files WHERE plugin = ?1", [name])?;
    Ok(())
}

/// One file of a plugin.
pub fn file(conn: &Connection, plugin: &str, path: &str) -> Result<Option<Vec<u8>>, ApiError> {
    Ok(conn
        .query_row(
            "SELECT content FROM web_plugin_files WHERE plugin = ?1 AND path = ?2",
            params![plugin, path],
            |r| r.get(0),
        )
        .optional()?)
}
