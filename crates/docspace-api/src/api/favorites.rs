//! Favourites and recently opened files: `POST`/`DELETE /api/2.0/files/favorites` and
//! `POST /api/2.0/files/file/{fileId}/recent`. The sections that list them are
//! [`FoldersHandler::favorites`](super::FoldersHandler::favorites) and
//! [`FoldersHandler::recent`](super::FoldersHandler::recent).

use crate::client::Client;
use crate::error::Error;
use crate::models::{File, FileId, FolderId};
use crate::request::Request;

use super::bodies::EntryIds;
use super::files::{FilesHandler, file_path};
use super::operations::OperationsHandler;

impl<'c> OperationsHandler<'c> {
    /// Starts marking files and folders as the caller's favourites. DocSpace leaves out, without
    /// an error, entries the caller may not read.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.operations().add_favorites().files([812]).folders([58]).send().await?;
    /// # Ok(()) }
    /// ```
    pub fn add_favorites(&self) -> FavoritesBuilder<'c> {
        FavoritesBuilder::new(self.client(), true)
    }

    /// Starts removing files and folders from the caller's favourites.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.operations().remove_favorites().file(812).send().await?;
    /// # Ok(()) }
    /// ```
    pub fn remove_favorites(&self) -> FavoritesBuilder<'c> {
        FavoritesBuilder::new(self.client(), false)
    }
}

impl<'c> FilesHandler<'c> {
    /// Puts a file at the top of the caller's Recent section, as DocSpace's editor does when it
    /// opens a file; returns the file.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.files().mark_recent(812).await?;
    /// # Ok(()) }
    /// ```
    pub async fn mark_recent(&self, id: impl Into<FileId>) -> Result<File, Error> {
        let id = id.into();
        let req =
            Request::post(format!("{}/recent", file_path(&id))).json(&super::bodies::Empty {})?;
        self.client().call(req).await
    }
}

/// `POST` or `DELETE /api/2.0/files/favorites`; see [`OperationsHandler::add_favorites`].
#[derive(Debug, Clone)]
pub struct FavoritesBuilder<'c> {
    client: &'c Client,
    add: bool,
    files: Vec<FileId>,
    folders: Vec<FolderId>,
}

impl<'c> FavoritesBuilder<'c> {
    fn new(client: &'c Client, add: bool) -> Self {
        FavoritesBuilder {
            client,
            add,
            files: Vec::new(),
            folders: Vec::new(),
        }
    }

    entry_setters!();

    /// Sends the request; DocSpace answers `true`.
    pub async fn send(self) -> Result<bool, Error> {
        if self.files.is_empty() && self.folders.is_empty() {
            return Err(Error::invalid("files", "add at least one file or folder"));
        }
        let body = EntryIds {
            folder_ids: &self.folders,
            file_ids: &self.files,
        };
        let req = if self.add {
            Request::post("files/favorites")
        } else {
            Request::delete("files/favorites")
        };
        self.client.call(req.json(&body)?).await
    }
}
