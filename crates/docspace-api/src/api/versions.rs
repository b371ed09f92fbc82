//! A file's versions: history, restore, mark and continue (version groups), comments, deleting
//! versions (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/FilesController.cs`
//! `file/{fileId}/history`, `…/restoreversion`, `…/comment`; `OperationController.cs`
//! `fileops/deleteversion`).

use serde::Serialize;

use super::files::{FilesHandler, file_path};
use crate::client::Client;
use crate::error::Error;
use crate::models::{EditHistory, File, FileId, FileOperation};
use crate::request::Request;
use crate::validate;

/// DocSpace keeps at most 255 characters of a comment (`FileDao.UpdateCommentAsync`).
pub const COMMENT_MAX: usize = 255;

fn positive(field: &'static str, v: u32) -> Result<(), Error> {
    if v == 0 {
        return Err(Error::invalid(field, "versions start at 1"));
    }
    Ok(())
}

impl<'c> FilesHandler<'c> {
    /// Every version of a file, newest first, each as a [`File`] with its `version`,
    /// `version_group`, size, comment, date and author.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// for v in client.files().history(812).await? {
    ///     println!("{} ({:?}): {:?}", v.version, v.version_group, v.comment);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn history(&self, id: impl Into<FileId>) -> Result<Vec<File>, Error> {
        let req = Request::get(format!("{}/history", file_path(&id.into())));
        self.client().call(req).await
    }

    /// Restores `version`: its content becomes a new version (later versions stay); answers the
    /// editor's history. The current version cannot be restored.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let history = client.files().restore_version(812, 1).await?;
    /// # let _ = history;
    /// # Ok(()) }
    /// ```
    pub async fn restore_version(
        &self,
        id: impl Into<FileId>,
        version: u32,
    ) -> Result<Vec<EditHistory>, Error> {
        positive("version", version)?;
        let req = Request::post(format!("{}/restoreversion", file_path(&id.into())))
            .query("version", version)
            .json(&super::bodies::Empty {})?
            .idempotent(false);
        self.client().call(req).await
    }

    /// Starts changing the version groups at `version`: [`ChangeHistoryBuilder::continue_version`]
    /// merges the revision after it into its own; without it, the current version is marked as a
    /// revision of its own.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let history = client.files().change_history(812, 2).continue_version(true).send().await?;
    /// # let _ = history;
    /// # Ok(()) }
    /// ```
    pub fn change_history(&self, id: impl Into<FileId>, version: u32) -> ChangeHistoryBuilder<'c> {
        ChangeHistoryBuilder {
            client: self.client(),
            id: id.into(),
            body: ChangeHistoryBody {
                version,
                continue_version: false,
            },
        }
    }

    /// Sets a version's comment (at most 255 characters); answers the stored comment.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.files().update_comment(812, 2, "Signed copy").await?;
    /// # Ok(()) }
    /// ```
    pub async fn update_comment(
        &self,
        id: impl Into<FileId>,
        version: u32,
        comment: impl Into<String>,
    ) -> Result<String, Error> {
        let comment = comment.into();
        positive("version", version)?;
        validate::max_len("comment", &comment, COMMENT_MAX)?;
        let req =
            Request::put(format!("{}/comment", file_path(&id.into()))).json(&VersionComment {
                version,
                comment: &comment,
            })?;
        self.client().call(req).await
    }

    /// Starts deleting versions of a file (never the current one).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.files().delete_versions(812, [1, 2]).wait().await?;
    /// # Ok(()) }
    /// ```
    pub fn delete_versions(
        &self,
        id: impl Into<FileId>,
        versions: impl IntoIterator<Item = u32>,
    ) -> DeleteVersionsBuilder<'c> {
        DeleteVersionsBuilder {
            client: self.client(),
            id: id.into(),
            versions: versions.into_iter().collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct ChangeHistoryBody {
    version: u32,
    continue_version: bool,
}

/// `PUT /api/2.0/files/file/{id}/history`; see [`FilesHandler::change_history`].
#[derive(Debug, Clone)]
pub struct ChangeHistoryBuilder<'c> {
    client: &'c Client,
    id: FileId,
    body: ChangeHistoryBody,
}

impl<'c> ChangeHistoryBuilder<'c> {
    /// `true`: continue the version (merge groups); `false` (default): mark it.
    pub fn continue_version(mut self, yes: bool) -> Self {
        self.body.continue_version = yes;
        self
    }

    /// Applies it; answers the versions, newest first.
    pub async fn send(self) -> Result<Vec<File>, Error> {
        positive("version", self.body.version)?;
        let req = Request::put(format!("{}/history", file_path(&self.id)))
            .json(&self.body)?
            // Marking the current version stores a new one.
            .idempotent(self.body.continue_version);
        self.client.call(req).await
    }
}

/// `PUT /api/2.0/files/fileops/deleteversion`; see [`FilesHandler::delete_versions`].
#[derive(Debug, Clone)]
pub struct DeleteVersionsBuilder<'c> {
    client: &'c Client,
    id: FileId,
    versions: Vec<u32>,
}

impl<'c> DeleteVersionsBuilder<'c> {
    fn validate(&self) -> Result<(), Error> {
        // DocSpace deletes the whole file, for good, when the list is empty: never send one.
        if self.versions.is_empty() {
            return Err(Error::invalid("versions", "name at least one version"));
        }
        self.versions
            .iter()
            .try_for_each(|v| positive("versions", *v))
    }

    /// Starts the deletion.
    pub async fn send(self) -> Result<Vec<FileOperation>, Error> {
        self.validate()?;
        let body = DeleteVersions {
            file_id: self.id,
            versions: &self.versions,
            return_single_operation: true,
        };
        let req = Request::put("files/fileops/deleteversion").json(&body)?;
        super::operations::started(self.client, req).await
    }

    /// Starts the deletion and waits until it ends.
    pub async fn wait(self) -> Result<Vec<FileOperation>, Error> {
        let client = self.client;
        let ops = self.send().await?;
        client.operations().wait_all(ops).await
    }
}

/// `{"version": …, "comment": …}`: a version's comment.
#[derive(Serialize)]
struct VersionComment<'a> {
    version: u32,
    comment: &'a str,
}

/// The body of `PUT files/fileops/deleteversion`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DeleteVersions<'a> {
    file_id: FileId,
    versions: &'a [u32],
    return_single_operation: bool,
}
