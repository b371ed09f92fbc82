//! The portal's SQLite database: one connection behind a mutex, WAL journal, versioned migrations.
//!
//! Every write runs in a transaction that commits before the response is sent, so a 2xx answer
//! survives `kill -9` (WAL with `synchronous=NORMAL` loses nothing on a process crash).

mod migrations;

use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, Transaction};

use crate::config::Storage;
use crate::envelope::ApiError;

/// A handle to the database, cheap to clone.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
}

impl Db {
    /// Opens (creating if needed) the database for `storage` and brings its schema up to date.
    pub fn open(storage: &Storage) -> anyhow::Result<Db> {
        let mut conn = match storage {
            Storage::Memory => Connection::open_in_memory()?,
            Storage::Dir(dir) => {
                std::fs::create_dir_all(dir)?;
                open_file(&dir.join("portal.db"))?
            }
        };
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::apply(&mut conn)?;
        Ok(Db {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs a read (or a single-statement write) on a blocking thread.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let guard = conn
                .lock()
                .map_err(|_| ApiError::Internal("database lock poisoned".into()))?;
            f(&guard)
        })
        .await
        .map_err(|e| ApiError::Internal(format!("database task: {e}")))?
    }

    /// Runs `f` in a transaction on a blocking thread; commits only if it returns `Ok`.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = conn
                .lock()
                .map_err(|_| ApiError::Internal("database lock poisoned".into()))?;
            let tx = guard.transaction()?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })
        .await
        .map_err(|e| ApiError::Internal(format!("database task: {e}")))?
    }

    /// Synchronous access for start-up work (seeding) before the server runs.
    pub fn write_now<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut guard = self
            .conn
            .lock()
            .map_err(|_| ApiError::Internal("database lock poisoned".into()))?;
        let tx = guard.transaction()?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }
}

fn open_file(path: &Path) -> anyhow::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(conn)
}
