//! Schema migrations, applied in order and recorded in `PRAGMA user_version`.
//! Never edit a released migration: append a new one.

use rusqlite::Connection;

const MIGRATIONS: &[&str] = &[
    // 1: users, sessions, API keys, portal settings.
    r#"
    CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        user_type INTEGER NOT NULL,
        is_owner INTEGER NOT NULL DEFAULT 0,
        status INTEGER NOT NULL DEFAULT 1,
        activation_status INTEGER NOT NULL DEFAULT 1,
        password_hash TEXT,
        culture TEXT NOT NULL DEFAULT 'en-US',
        created TEXT NOT NULL,
        invited_by TEXT
    );
    CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        key_hash TEXT NOT NULL UNIQUE,
        key_postfix TEXT NOT NULL,
        permissions TEXT,
        created TEXT NOT NULL,
        expires TEXT,
        last_used TEXT,
        is_active INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created TEXT NOT NULL,
        expires TEXT
    );
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    "#,
    // 2: folders (section roots, rooms, sub-folders), files with versioned BLOB content, room
    // members, tags, pins, share links, file operations and chunked upload sessions.
    r#"
    CREATE TABLE folders (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        parent_id INTEGER REFERENCES folders(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        folder_type INTEGER NOT NULL,
        room_type INTEGER,
        root_id INTEGER,
        room_id INTEGER,
        owner_id TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        private INTEGER NOT NULL DEFAULT 0,
        indexing INTEGER NOT NULL DEFAULT 0,
        deny_download INTEGER NOT NULL DEFAULT 0,
        quota INTEGER NOT NULL DEFAULT -2,
        color TEXT,
        cover TEXT,
        lifetime TEXT,
        watermark TEXT,
        origin_id INTEGER
    );
    CREATE INDEX folders_parent ON folders(parent_id, title);
    CREATE INDEX folders_room ON folders(room_id);
    CREATE INDEX folders_rooms_list ON folders(parent_id, room_type, updated);
    CREATE INDEX folders_owner ON folders(owner_id, folder_type);
    CREATE TABLE files (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        size INTEGER NOT NULL DEFAULT 0,
        owner_id TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        origin_id INTEGER
    );
    CREATE INDEX files_folder ON files(folder_id, title);
    CREATE TABLE file_versions (
        file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        content BLOB NOT NULL,
        created TEXT NOT NULL,
        created_by TEXT NOT NULL,
        PRIMARY KEY (file_id, version)
    );
    CREATE TABLE room_members (
        room_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        access INTEGER NOT NULL,
        PRIMARY KEY (room_id, user_id)
    );
    CREATE INDEX room_members_user ON room_members(user_id, room_id);
    CREATE TABLE tags (
        name TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE TABLE room_tags (
        room_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
        tag TEXT NOT NULL REFERENCES tags(name) ON DELETE CASCADE ON UPDATE CASCADE,
        PRIMARY KEY (room_id, tag)
    );
    CREATE INDEX room_tags_tag ON room_tags(tag, room_id);
    CREATE TABLE pins (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        room_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, room_id)
    );
    CREATE TABLE links (
        id TEXT PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
        link_type INTEGER NOT NULL,
        access INTEGER NOT NULL,
        title TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE,
        expiration TEXT,
        password TEXT,
        deny_download INTEGER NOT NULL DEFAULT 0,
        internal INTEGER NOT NULL DEFAULT 0,
        max_use_count INTEGER,
        use_count INTEGER NOT NULL DEFAULT 0,
        is_primary INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL
    );
    CREATE INDEX links_room ON links(room_id);
    CREATE TABLE operations (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        op_type INTEGER NOT NULL,
        body TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE INDEX operations_user ON operations(user_id, created);
    CREATE TABLE upload_sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        file_size INTEGER NOT NULL,
        create_new INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL,
        expires TEXT NOT NULL
    );
    CREATE TABLE upload_chunks (
        session_id TEXT NOT NULL REFERENCES upload_sessions(id) ON DELETE CASCADE,
        chunk_number INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (session_id, chunk_number)
    );
    CREATE INDEX sessions_user ON sessions(user_id);
    "#,
    // 3: room listings walk a section in sort order from an index instead of sorting every room.
    r#"
    CREATE INDEX folders_section_updated ON folders(parent_id, updated, room_type);
    CREATE INDEX folders_section_title ON folders(parent_id, title COLLATE NOCASE, room_type);
    "#,
    // 4: who invited whom (DocSpace's `UserRelations`): decides which guests a room admin sees.
    r#"
    CREATE TABLE user_relations (
        source_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        target_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (source_id, target_id)
    );
    CREATE INDEX users_invited_by ON users(invited_by);
    "#,
    // 5: OAuth2 (see `crate::oauth`): registered clients, consents, pending consent requests,
    // authorizations (code, access token id, refresh token) and the token signing keys.
    crate::oauth::store::MIGRATION,
    // 6 ("file-versions-groups-comments"): the version group and comment of each file version.
    crate::db::versions::MIGRATION,
    // 7 ("file-links"): external links of single files, kept with the room links.
    crate::db::links::FILE_LINKS_MIGRATION,
    // 8: AI (see `crate::ai`): providers and their model settings, each agent's chat settings,
    // chats and their messages.
    super::ai::MIGRATION,
    // 9 ("room-templates"): which rooms of the templates section are public.
    crate::db::templates::MIGRATION,
    // 10 ("mcp-servers"): MCP servers, the servers of each agent room, each user's tool switches.
    super::mcp::MIGRATION,
    // 11 ("web-plugins"): uploaded plugin packages, their files and enabled state.
    super::plugins::MIGRATION,
    // 12 ("favorites-recent"): each user's favourite files and folders and recently opened files.
    super::marks::MIGRATION,
];

/// Brings the schema to the newest version inside one transaction per step.
pub fn apply(conn: &mut Connection) -> rusqlite::Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate() {
        let version = i as i64 + 1;
        if version <= current {
            continue;
        }
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_idempotent() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        apply(&mut conn).expect("first");
        apply(&mut conn).expect("second");
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("version");
        assert_eq!(v, MIGRATIONS.len() as i64);
    }
}
