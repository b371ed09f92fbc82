//! The portal's SQLite database: one writer connection, a small pool of read connections for
//! file-backed storage, WAL journal, versioned migrations, and one repository module per table group.
//!
//! Every write runs in a transaction that commits before the response is sent, so a 2xx answer
//! survives `kill -9` (WAL with `synchronous=NORMAL` loses nothing on a process crash: the commit
//! has reached the OS before the response is written).

mod migrations;

pub mod ai;
pub mod ai_chats;
pub mod entries;
pub mod keys;
pub mod links;
pub mod marks;
pub mod mcp;
pub mod members;
pub mod operations;
pub mod plugins;
pub mod rooms;
pub mod sessions;
pub mod settings;
pub mod tags;
pub mod templates;
pub mod uploads;
pub mod versions;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OpenFlags, Transaction};

use crate::config::Storage;
use crate::envelope::ApiError;

/// Read connections kept open for file-backed storage (WAL lets them read while the writer writes).
const READERS: usize = 4;

/// A handle to the database, cheap to clone.
#[derive(Clone)]
pub struct Db {
    writer: Arc<Mutex<Connection>>,
    readers: Arc<Vec<Mutex<Connection>>>,
    next_reader: Arc<AtomicUsize>,
}

impl Db {
    /// Opens (creating if needed) the database for `storage` and brings its schema up to date.
    pub fn open(storage: &Storage) -> anyhow::Result<Db> {
        let (mut writer, readers) = match storage {
            Storage::Memory => (Connection::open_in_memory()?, Vec::new()),
            Storage::Dir(dir) => {
                create_private_dir(dir)?;
                let path = dir.join("portal.db");
                create_private_file(&path)?;
                let writer = open_file(&path)?;
                (writer, Vec::new())
            }
        };
        writer.pragma_update(None, "foreign_keys", "ON")?;
        migrations::apply(&mut writer)?;
        let readers = match storage {
            Storage::Memory => readers,
            Storage::Dir(dir) => (0..READERS)
                .map(|_| open_reader(&dir.join("portal.db")).map(Mutex::new))
                .collect::<anyhow::Result<Vec<_>>>()?,
        };
        Ok(Db {
            writer: Arc::new(Mutex::new(writer)),
            readers: Arc::new(readers),
            next_reader: Arc::new(AtomicUsize::new(0)),
        })
    }

    /// Runs a read-only closure on a blocking thread, on a pooled reader when there is one.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || db.read_now(f))
            .await
            .map_err(|e| ApiError::Internal(format!("database task: {e}")))?
    }

    /// The synchronous form of [`Db::read`].
    pub fn read_now<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        if self.readers.is_empty() {
            let guard = relock(&self.writer);
            return f(&guard);
        }
        // Prefer an idle reader; otherwise wait on the next one in turn.
        for r in self.readers.iter() {
            match r.try_lock() {
                Ok(guard) => return f(&guard),
                Err(std::sync::TryLockError::Poisoned(p)) => return f(&p.into_inner()),
                Err(std::sync::TryLockError::WouldBlock) => {}
            }
        }
        let i = self.next_reader.fetch_add(1, Ordering::Relaxed) % self.readers.len();
        let guard = relock(&self.readers[i]);
        f(&guard)
    }

    /// Runs `f` in a transaction on a blocking thread; commits only if it returns `Ok`.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || db.write_now(f))
            .await
            .map_err(|e| ApiError::Internal(format!("database task: {e}")))?
    }

    /// Synchronous access for start-up work (seeding) and blocking callers.
    pub fn write_now<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut guard = relock(&self.writer);
        let tx = guard.transaction()?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }
}

/// Locks a connection, recovering it if a panicking request poisoned the mutex: an unwinding
/// `Transaction` rolls back on drop, so the connection is consistent and must stay usable.
fn relock(m: &Mutex<Connection>) -> std::sync::MutexGuard<'_, Connection> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Creates the data directory readable by its owner only (0700 on Unix): it holds password and
/// key hashes and every stored file. An existing directory is left as its owner set it.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

/// Creates the database file (and its WAL companions) as 0600 on Unix before SQLite opens it;
/// SQLite creates `-wal` and `-shm` with the main file's permissions.
fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut o = std::fs::OpenOptions::new();
    o.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    o.open(path).map(drop)
}

fn open_file(path: &Path) -> anyhow::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(conn)
}

fn open_reader(path: &Path) -> anyhow::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// `?,?,…` with `n` placeholders, for `IN (…)` lists of ids.
pub fn placeholders(n: usize) -> String {
    vec!["?"; n].join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn the_data_directory_and_database_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("data");
        let _db = Db::open(&Storage::Dir(dir.clone())).expect("opens");
        let mode = |p: &Path| std::fs::metadata(p).expect("exists").permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&dir.join("portal.db")), 0o600);
    }
}
