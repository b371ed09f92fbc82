//! AI providers, their per-model settings and each agent's chat settings, as DocSpace keeps them
//! in `ai_providers` (ONLYOFFICE/DocSpace-server: `common/ASC.Core.Common/EF/Model/Ai/DbAiProvider.cs`)
//! and on the room (`SettingsChatProviderId`, `SettingsChatParameters`).
//!
//! The provider key is stored as given (the database file is private to the portal's user) and is
//! read only to call the provider: no DTO carries it.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::envelope::ApiError;
use crate::time::{db_time, now};

/// Schema of the AI tables (migration 8).
pub const MIGRATION: &str = r#"
    CREATE TABLE ai_providers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        provider_type INTEGER NOT NULL,
        title TEXT NOT NULL UNIQUE COLLATE NOCASE,
        url TEXT NOT NULL,
        key TEXT NOT NULL,
        created TEXT NOT NULL,
        modified TEXT NOT NULL
    );
    CREATE TABLE ai_model_settings (
        provider_id INTEGER NOT NULL REFERENCES ai_providers(id) ON DELETE CASCADE,
        model_id TEXT NOT NULL,
        is_enabled INTEGER NOT NULL,
        alias TEXT,
        capabilities TEXT,
        PRIMARY KEY (provider_id, model_id)
    );
    CREATE TABLE ai_agent_settings (
        room_id INTEGER PRIMARY KEY REFERENCES folders(id) ON DELETE CASCADE,
        provider_id INTEGER NOT NULL,
        model_id TEXT NOT NULL,
        prompt TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE ai_chats (
        id TEXT PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        title TEXT NOT NULL,
        created TEXT NOT NULL,
        modified TEXT NOT NULL
    );
    CREATE INDEX ai_chats_room_user ON ai_chats(room_id, user_id, modified);
    CREATE TABLE ai_chat_messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        chat_id TEXT NOT NULL REFERENCES ai_chats(id) ON DELETE CASCADE,
        role INTEGER NOT NULL,
        contents TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE INDEX ai_chat_messages_chat ON ai_chat_messages(chat_id, id);
"#;

/// Settings key of the portal's AI access switch (`TenantAiAccessSettings`).
pub const AI_ACCESS: &str = "ai_access_enabled";
/// Settings key of the default provider and model (`providers/default`).
pub const DEFAULT_PROVIDER: &str = "ai_default_provider";

/// `AiModelCapabilities`.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Capabilities {
    /// Accepts images.
    #[serde(default)]
    pub vision: bool,
    /// Can call tools.
    #[serde(default)]
    pub tool_calling: bool,
    /// Streams reasoning.
    #[serde(default)]
    pub thinking: bool,
}

/// One model's stored setting (`ModelSettingsItemDto`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelSetting {
    /// The provider's model id.
    pub model_id: String,
    /// Offered to agents.
    #[serde(default)]
    pub is_enabled: bool,
    /// Display name.
    #[serde(default)]
    pub alias: Option<String>,
    /// What the model can do.
    #[serde(default)]
    pub capabilities: Option<Capabilities>,
}

/// A provider row.
#[derive(Debug, Clone)]
pub struct Provider {
    /// Id.
    pub id: i64,
    /// `ProviderType` (3 = OpenAiCompatible).
    pub provider_type: i64,
    /// Title, unique per portal.
    pub title: String,
    /// Base URL (`…/v1`).
    pub url: String,
    /// The secret key: only for calls to the provider.
    pub key: String,
    /// Created (stored form).
    pub created: String,
    /// Modified (stored form).
    pub modified: String,
}

fn provider_from_row(r: &Row<'_>) -> rusqlite::Result<Provider> {
    Ok(Provider {
        id: r.get(0)?,
        provider_type: r.get(1)?,
        title: r.get(2)?,
        url: r.get(3)?,
        key: r.get(4)?,
        created: r.get(5)?,
        modified: r.get(6)?,
    })
}

const PROVIDER_COLS: &str = "id, provider_type, title, url, key, created, modified";

/// A provider by id.
pub fn provider(conn: &Connection, id: i64) -> Result<Option<Provider>, ApiError> {
    Ok(conn
        .query_row(
            &format!("SELECT {PROVIDER_COLS} FROM ai_providers WHERE id = ?1"),
            [id],
            provider_from_row,
        )
        .optional()?)
}

/// A page of providers (oldest first) and the total.
pub fn providers(
    conn: &Connection,
    start: i64,
    count: i64,
) -> Result<(Vec<Provider>, u64), ApiError> {
    let total: i64 = conn.query_row("SELECT COUNT(*) FROM ai_providers", [], |r| r.get(0))?;
    let mut st = conn.prepare(&format!(
        "SELECT {PROVIDER_COLS} FROM ai_providers ORDER BY id LIMIT ?1 OFFSET ?2"
    ))?;
    let rows = st
        .query_map(params![count, start], provider_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((rows, total.max(0) as u64))
}

/// Whether another provider has this title (case-insensitive).
pub fn title_taken(conn: &Connection, title: &str, except: i64) -> Result<bool, ApiError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM ai_providers WHERE title = ?1 COLLATE NOCASE AND id <> ?2",
            params![title, except],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Inserts a provider and its model settings; returns the new row.
pub fn insert_provider(
    conn: &Connection,
    provider_type: i64,
    title: &str,
    url: &str,
    key: &str,
    settings: &[ModelSetting],
) -> Result<Provider, ApiError> {
    let t = db_time(now());
    conn.execute(
        "INSERT INTO ai_providers (provider_type, title, url, key, created, modified) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![provider_type, title, url, key, t],
    )?;
    let id = conn.last_insert_rowid();
    upsert_settings(conn, id, settings)?;
    provider(conn, id)?.ok_or_else(|| ApiError::Internal("provider vanished".into()))
}

/// Saves changed fields of a provider.
pub fn update_provider(conn: &Connection, p: &Provider) -> Result<(), ApiError> {
    conn.execute(
        "UPDATE ai_providers SET title = ?2, url = ?3, key = ?4, modified = ?5 WHERE id = ?1",
        params![p.id, p.title, p.url, p.key, db_time(now())],
    )?;
    Ok(())
}

/// Deletes providers (unknown ids are ignored, as DocSpace's DAO does).
pub fn delete_providers(conn: &Connection, ids: &[i64]) -> Result<(), ApiError> {
    for id in ids {
        conn.execute("DELETE FROM ai_providers WHERE id = ?1", [id])?;
    }
    Ok(())
}

/// Adds or replaces model settings.
pub fn upsert_settings(
    conn: &Connection,
    provider: i64,
    settings: &[ModelSetting],
) -> Result<(), ApiError> {
    for s in settings {
        let caps = s
            .capabilities
            .map(|c| serde_json::to_string(&c))
            .transpose()
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        conn.execute(
            "INSERT INTO ai_model_settings (provider_id, model_id, is_enabled, alias, capabilities) \
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(provider_id, model_id) DO UPDATE SET \
             is_enabled = ?3, alias = ?4, capabilities = ?5",
            params![provider, s.model_id, s.is_enabled, s.alias, caps],
        )?;
    }
    Ok(())
}

/// The stored model settings of a provider.
pub fn settings_of(conn: &Connection, provider: i64) -> Result<Vec<ModelSetting>, ApiError> {
    let mut st = conn.prepare(
        "SELECT model_id, is_enabled, alias, capabilities FROM ai_model_settings \
         WHERE provider_id = ?1 ORDER BY model_id",
    )?;
    let rows = st
        .query_map([provider], |r| {
            let caps: Option<String> = r.get(3)?;
            Ok(ModelSetting {
                model_id: r.get(0)?,
                is_enabled: r.get(1)?,
                alias: r.get(2)?,
                capabilities: caps.and_then(|c| serde_json::from_str(&c).ok()),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// An agent's chat settings (`ChatSettings`).
#[derive(Debug, Clone)]
pub struct AgentSettings {
    /// Provider id.
    pub provider_id: i64,
    /// Model id.
    pub model_id: String,
    /// Instructions sent as the system prompt.
    pub prompt: String,
}

/// The chat settings of an agent room.
pub fn agent_settings(conn: &Connection, room: i64) -> Result<Option<AgentSettings>, ApiError> {
    Ok(conn
        .query_row(
            "SELECT provider_id, model_id, prompt FROM ai_agent_settings WHERE room_id = ?1",
            [room],
            |r| {
                Ok(AgentSettings {
                    provider_id: r.get(0)?,
                    model_id: r.get(1)?,
                    prompt: r.get(2)?,
                })
            },
        )
        .optional()?)
}

/// Stores an agent's chat settings.
pub fn set_agent_settings(conn: &Connection, room: i64, s: &AgentSettings) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO ai_agent_settings (room_id, provider_id, model_id, prompt) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT(room_id) DO UPDATE SET provider_id = ?2, model_id = ?3, prompt = ?4",
        params![room, s.provider_id, s.model_id, s.prompt],
    )?;
    Ok(())
}

/// Whether the portal's AI access switch is on (DocSpace's default is on:
/// ONLYOFFICE/DocSpace-server `common/ASC.Core.Common/Tenants/TenantAiAccessSettings.cs`).
pub fn access_enabled(conn: &Connection) -> Result<bool, ApiError> {
    Ok(super::settings::get(conn, AI_ACCESS)?.is_none_or(|v| v != "false"))
}
