//! Archives made by bulk downloads, held in memory until they are fetched or expire.
//!
//! DocSpace writes a bulk download's archive to its temporary storage and hands out a
//! `filehandler.ashx?action=bulk&filename=…` URL that only the same user (or the same link
//! session) can open (`products/ASC.Files/Core/Services/WCFService/FileOperations/FileDownloadOperation.cs`).
//! Here the archive stays in memory under a random name, with bounds on what one archive and
//! all of them together may hold, so that downloads cannot grow the portal's memory without end.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The most one archive may hold: larger selections are refused with a clear message.
pub const MAX_ARCHIVE_BYTES: usize = 100 * 1024 * 1024;
/// The most all kept archives may hold together; the oldest go first.
const MAX_TOTAL_BYTES: usize = 300 * 1024 * 1024;
/// How long an archive may be fetched.
const LIFETIME: Duration = Duration::from_secs(60 * 60);

/// Who an archive belongs to: the signed-in user, else the link the visitor came through.
pub fn owner_of(actor: &crate::permissions::Actor) -> Result<String, crate::envelope::ApiError> {
    match (&actor.user, &actor.link) {
        (Some(u), _) => Ok(u.id.clone()),
        (None, Some(l)) => Ok(format!("link:{}", l.link_id)),
        (None, None) => Err(crate::envelope::ApiError::Unauthorized),
    }
}

/// A finished archive.
#[derive(Debug, Clone)]
pub struct Archive {
    /// Who may fetch it: a user id, or `link:{id}` for a visitor through an external link.
    pub owner: String,
    /// The file name the browser saves it as.
    pub file_name: String,
    /// The bytes (a zip, or a single file's content).
    pub bytes: Vec<u8>,
    made: Instant,
}

/// The portal's kept archives.
#[derive(Debug, Default)]
pub struct Archives {
    kept: Mutex<HashMap<String, Archive>>,
}

impl Archives {
    /// Keeps an archive; returns the opaque name that fetches it.
    pub fn keep(&self, owner: String, file_name: String, bytes: Vec<u8>) -> String {
        let name = uuid::Uuid::new_v4().simple().to_string();
        let mut kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        kept.retain(|_, a| now.duration_since(a.made) < LIFETIME);
        let mut total: usize = kept.values().map(|a| a.bytes.len()).sum::<usize>() + bytes.len();
        while total > MAX_TOTAL_BYTES {
            let Some(oldest) = kept
                .iter()
                .min_by_key(|(_, a)| a.made)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            if let Some(gone) = kept.remove(&oldest) {
                total -= gone.bytes.len();
            }
        }
        kept.insert(
            name.clone(),
            Archive {
                owner,
                file_name,
                bytes,
                made: now,
            },
        );
        name
    }

    /// The archive `name`, if it exists, has not expired and belongs to `owner`.
    pub fn fetch(&self, name: &str, owner: &str) -> Option<Archive> {
        let kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
        kept.get(name)
            .filter(|a| a.owner == owner && a.made.elapsed() < LIFETIME)
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_archive_is_fetched_by_its_owner_only() {
        let a = Archives::default();
        let name = a.keep("u1".into(), "x.zip".into(), vec![1, 2, 3]);
        assert_eq!(a.fetch(&name, "u1").map(|a| a.bytes), Some(vec![1, 2, 3]));
        assert!(a.fetch(&name, "u2").is_none());
        assert!(a.fetch("nope", "u1").is_none());
    }

    #[test]
    fn the_oldest_archives_go_when_the_total_is_reached() {
        let a = Archives::default();
        let big = MAX_TOTAL_BYTES / 2 + 1;
        let first = a.keep("u".into(), "1.zip".into(), vec![0; big]);
        let second = a.keep("u".into(), "2.zip".into(), vec![0; big]);
        assert!(a.fetch(&first, "u").is_none(), "evicted");
        assert!(a.fetch(&second, "u").is_some());
    }
}
