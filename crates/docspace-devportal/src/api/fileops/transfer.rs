//! Copy and move, entry by entry.

use super::request::Conflict;
use super::{OP_COPY, record};
use rusqlite::Connection;
use serde_json::Value;

use crate::api::dto;
use crate::api::lookup::{load_file, load_folder};
use crate::db::entries::{self, File, Folder, folder_type};
use crate::envelope::ApiError;
use crate::permissions::{self, Actor, Level, RoomAction};

#[allow(clippy::too_many_arguments)]
pub(super) fn transfer(
    tx: &Connection,
    actor: &Actor,
    portal: &str,
    op_type: i64,
    folder_ids: &[i64],
    file_ids: &[i64],
    dest_id: i64,
    resolve: Conflict,
) -> Result<Value, ApiError> {
    let user = actor.user()?.id.clone();
    let dest = load_folder(tx, dest_id)?;
    if matches!(
        dest.folder_type,
        folder_type::VIRTUAL_ROOMS | folder_type::ARCHIVE | folder_type::TRASH
    ) {
        return Err(ApiError::InvalidOperation(
            "Files cannot be placed in this folder".into(),
        ));
    }
    permissions::folder_level(tx, actor, &dest)?.require(RoomAction::Create)?;
    let run = Transfer {
        tx,
        actor,
        user: user.clone(),
        copy: op_type == OP_COPY,
        resolve,
    };
    // Folders first, then files, as `FileMoveCopyOperation.DoAsync` runs them.
    let mut out_folders = Vec::new();
    for id in folder_ids {
        let f = load_folder(tx, *id)?;
        if entries::subtree(tx, f.id)?.contains(&dest.id) {
            return Err(ApiError::InvalidOperation(
                "The destination folder is a subfolder of the source folder".into(),
            ));
        }
        out_folders.extend(run.folder(&f, &dest)?);
    }
    let mut out_files = Vec::new();
    for id in file_ids {
        let f = load_file(tx, *id)?;
        out_files.extend(run.file(&f, &dest)?);
    }
    let dest = load_folder(tx, dest.id)?;
    let files = dto::files(tx, portal, actor, &dest, &out_files)?;
    let folders = dto::folders(tx, portal, actor, &out_folders)?;
    record(tx, &user, op_type, files, folders, None)
}

/// One copy or move, entry by entry, as DocSpace's `FileMoveCopyOperation`
/// (ONLYOFFICE/DocSpace-server:
/// `products/ASC.Files/Core/Services/WCFService/FileOperations/FileMoveCopyOperation.cs`,
/// `MoveOrCopyFoldersAsync` and `MoveOrCopyFilesAsync`) does it on the portal's own storage.
struct Transfer<'a> {
    tx: &'a Connection,
    actor: &'a Actor,
    user: String,
    copy: bool,
    resolve: Conflict,
}

impl Transfer<'_> {
    /// The right to copy or move `f` itself, which DocSpace checks for every file it handles,
    /// those inside a merged folder too (`CheckFilesPermissionsAsync`).
    fn may_take_file(&self, f: &File) -> Result<(), ApiError> {
        let parent = load_folder(self.tx, f.folder_id)?;
        let level = permissions::folder_level(self.tx, self.actor, &parent)?;
        self.may_take(level, &f.owner_id)
    }

    /// The same for a folder (`CheckFoldersPermissionsAsync`); rooms and sections are not
    /// copied or moved here.
    fn may_take_folder(&self, f: &Folder) -> Result<(), ApiError> {
        if f.is_room() || f.parent_id.is_none() {
            return Err(ApiError::InvalidOperation(
                "Rooms and sections cannot be copied or moved here".into(),
            ));
        }
        let level = permissions::folder_level(self.tx, self.actor, f)?;
        self.may_take(level, &f.owner_id)
    }

    /// Copying needs `Copy` where the entry is: DocSpace's `CanCopyAsync` lets a DocSpace admin
    /// who is not a member read a room's files but not copy them out (`FileSecurity.cs`,
    /// `case FilesSecurityActions.Copy`). Moving needs the right to change the entry of `owner`.
    fn may_take(&self, level: Level, owner: &str) -> Result<(), ApiError> {
        if self.copy {
            level.require(RoomAction::Copy)
        } else if level.may_modify(self.actor, owner) {
            Ok(())
        } else {
            Err(ApiError::AccessDenied)
        }
    }

    /// Copies or moves a file into `dest`; the file that results, if any.
    ///
    /// `MoveOrCopyFilesAsync`: with Duplicate the destination is not searched, so a copy gets
    /// the first free title (`FileDao.CopyFileAsync`, `GetAvailableTitleAsync`) and a move keeps
    /// its own (`FileDao.MoveFileAsync` renames nothing). Otherwise a file of the same title is
    /// overwritten (a new version of it with the source's content; a moved source is then
    /// deleted, unless it was that very file) or, with Skip, left alone.
    fn file(&self, f: &File, dest: &Folder) -> Result<Option<File>, ApiError> {
        self.may_take_file(f)?;
        let clash = match self.resolve {
            Conflict::Duplicate => None,
            _ => entries::file_by_title(self.tx, dest.id, &f.title)?,
        };
        let user = &self.user;
        Ok(match (clash, self.resolve) {
            (None, _) if self.copy => {
                let t = entries::unique_file_title(self.tx, dest.id, &f.title)?;
                Some(entries::copy_file(self.tx, f, dest.id, &t, user)?)
            }
            (None, _) => {
                entries::move_file(self.tx, f.id, dest.id, user)?;
                Some(load_file(self.tx, f.id)?)
            }
            (Some(old), Conflict::Overwrite) => {
                let data = entries::content(self.tx, f.id, None)?.unwrap_or_default();
                let updated = entries::add_version(self.tx, old.id, user, &data)?;
                if !self.copy && f.folder_id != dest.id {
                    entries::delete_file(self.tx, f.id)?;
                }
                Some(updated)
            }
            (Some(_), _) => None,
        })
    }

    /// Copies or moves a folder into `dest`; the folder to report, if any.
    ///
    /// `MoveOrCopyFoldersAsync`: a folder already in `dest` is left alone unless the type is
    /// Duplicate. A folder of the same title in `dest` is merged into: what the source holds
    /// is copied or moved into it, file by file and folder by folder, each clash resolved by
    /// the same type ("if destination folder contains folder with same name then merge
    /// folders"); with Duplicate only a folder copied or moved within its own parent meets one,
    /// and then it goes into a new folder with the first free title. A copy without a clash
    /// goes into a new folder (`FolderDao.CopyFolderAsync`, the first free title) the same way;
    /// a move without one moves the folder as it is, keeping its title
    /// (`FolderDao.MoveFolderAsync`). A moved source emptied by a merge is deleted; one that
    /// still holds something (what Skip left) stays, and is not reported.
    fn folder(&self, f: &Folder, dest: &Folder) -> Result<Option<Folder>, ApiError> {
        self.may_take_folder(f)?;
        let in_dest = f.parent_id == Some(dest.id);
        if in_dest && self.resolve != Conflict::Duplicate {
            return Ok(None);
        }
        let clash = if !in_dest && self.resolve == Conflict::Duplicate {
            None
        } else {
            entries::folder_by_title(self.tx, dest.id, &f.title)?
        };
        let target = match clash {
            None if !self.copy => {
                entries::move_folder(self.tx, f.id, dest, &self.user)?;
                return Ok(Some(load_folder(self.tx, f.id)?));
            }
            Some(c) if self.resolve != Conflict::Duplicate => c,
            Some(c) => self.new_folder(dest, &c.title)?,
            None => self.new_folder(dest, &f.title)?,
        };
        let (folders, files, _) =
            entries::children(self.tx, f.id, &entries::ListFilter::default(), 0, i64::MAX)?;
        for file in &files {
            self.file(file, &target)?;
        }
        for sub in &folders {
            self.folder(sub, &target)?;
        }
        if !self.copy {
            if !entries::is_empty(self.tx, f.id)? {
                return Ok(None);
            }
            entries::delete_folder(self.tx, f.id)?;
        }
        Ok(Some(load_folder(self.tx, target.id)?))
    }

    /// An empty folder in `dest` titled `title`, or the first free title after it.
    fn new_folder(&self, dest: &Folder, title: &str) -> Result<Folder, ApiError> {
        let title = entries::unique_folder_title(self.tx, dest.id, title)?;
        entries::insert_folder(
            self.tx,
            dest,
            &entries::NewFolder {
                title,
                folder_type: folder_type::DEFAULT,
                room_type: None,
                owner_id: self.user.clone(),
            },
        )
    }
}
