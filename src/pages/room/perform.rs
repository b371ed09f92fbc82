//! What each kind of transfer asks of the portal.

use docspace_api::models::{ConflictResolve, Entry, FolderId};
use docspace_api::{Client, Error};

use crate::download::{download, ids};
use crate::i18n::td_string;
use crate::locale;
use crate::ops;

/// What to do with the chosen entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransferKind {
    /// Copy to a folder.
    Copy,
    /// Move to a folder.
    Move,
    /// Delete (to the trash).
    Delete,
    /// Download: a file as it is, anything else as an archive.
    Download,
    /// Move out of the Trash, each entry back where it was deleted from.
    Restore,
    /// Delete for good (from the Trash).
    DeleteForever,
    /// Delete everything in the Trash for good.
    EmptyTrash,
}

/// Runs `kind` on `entries` (into `dest` for copy and move, resolving name clashes by `conflict`
/// where the user chose), reporting progress (0–1).
pub async fn perform(
    client: &Client,
    kind: TransferKind,
    entries: &[Entry],
    dest: Option<FolderId>,
    conflict: Option<ConflictResolve>,
    report: impl Fn(f64),
) -> Result<(), Error> {
    let (files, folders) = ids(entries);
    let ops = client.operations();
    let op = match (kind, dest) {
        (TransferKind::Download, _) => return download(client, entries, report).await.map(drop),
        (TransferKind::Restore, _) => return restore(client, entries, conflict, report).await,
        (TransferKind::EmptyTrash, _) => ops.empty_trash().await?,
        (TransferKind::Copy | TransferKind::Move, Some(dest)) => {
            let op = if kind == TransferKind::Copy {
                ops.copy(dest)
            } else {
                ops.move_to(dest)
            };
            let op = op.files(files).folders(folders);
            match conflict {
                Some(c) => op.conflict(c),
                None => op,
            }
            .send()
            .await?
        }
        (TransferKind::DeleteForever, _) => {
            ops.delete()
                .files(files)
                .folders(folders)
                .immediately(true)
                .send()
                .await?
        }
        _ => ops.delete().files(files).folders(folders).send().await?,
    };
    ops::follow(client, op, report).await.map(drop)
}

/// Entries of the Trash grouped by the folder each was deleted from (its `originId`), in the
/// order first met; an entry without one is an error that names it.
pub fn by_origin(entries: &[Entry]) -> Result<Vec<(FolderId, Vec<Entry>)>, Error> {
    let mut by_origin: Vec<(FolderId, Vec<Entry>)> = Vec::new();
    for e in entries {
        let origin = match e {
            Entry::File(f) => f.origin_id.clone(),
            Entry::Folder(f) => f.origin_id.clone(),
        }
        .ok_or_else(|| {
            Error::invalid(
                "restore",
                td_string!(locale::current(), room.no_origin, title = e.title()).to_string(),
            )
        })?;
        match by_origin.iter_mut().find(|(o, _)| *o == origin) {
            Some((_, group)) => group.push(e.clone()),
            None => by_origin.push((origin, vec![e.clone()])),
        }
    }
    Ok(by_origin)
}

/// Moves entries out of the Trash back to the folders they were deleted from, one move per
/// origin, resolving name clashes there by `conflict` where the user chose (restoring is a
/// move in DocSpace, asked about like one).
async fn restore(
    client: &Client,
    entries: &[Entry],
    conflict: Option<ConflictResolve>,
    report: impl Fn(f64),
) -> Result<(), Error> {
    let by_origin = by_origin(entries)?;
    let groups = by_origin.len() as f64;
    for (done, (origin, group)) in by_origin.into_iter().enumerate() {
        let (files, folders) = ids(&group);
        let op = client
            .operations()
            .move_to(origin)
            .files(files)
            .folders(folders);
        let op = match &conflict {
            Some(c) => op.conflict(c.clone()),
            None => op,
        }
        .send()
        .await?;
        ops::follow(client, op, |p| report((done as f64 + p) / groups)).await?;
    }
    Ok(())
}
