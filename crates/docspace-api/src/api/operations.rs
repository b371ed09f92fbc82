//! `/api/2.0/files/fileops`: copy, move, delete, and waiting for operations to end.

use std::time::Duration;

use serde::Serialize;

use super::single;
use crate::client::Client;
use crate::error::Error;
use crate::models::{ConflictResolve, EntryBase, FileId, FileOperation, FolderId, OperationId};
use crate::request::Request;
use crate::rt::{Instant, sleep};

/// File operations; get one with [`Client::operations`].
///
/// ```no_run
/// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
/// use docspace_api::models::ConflictResolve;
/// let done = client.operations().copy(58).file(812).conflict(ConflictResolve::Duplicate).wait().await?;
/// println!("copied: {:?}", done.files.iter().map(|f| &f.title).collect::<Vec<_>>());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct OperationsHandler<'c> {
    client: &'c Client,
}

impl<'c> OperationsHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        OperationsHandler { client }
    }

    /// The client (for the favourites calls in a sibling module).
    pub(crate) fn client(&self) -> &'c Client {
        self.client
    }

    /// Starts copying files and folders into `dest`.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let op = client.operations().copy(58).files([812, 813]).send().await?;
    /// # let _ = op;
    /// # Ok(()) }
    /// ```
    pub fn copy(&self, dest: impl Into<FolderId>) -> TransferBuilder<'c> {
        TransferBuilder::new(self.client, dest.into(), "copy")
    }

    /// Starts moving files and folders into `dest`.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.operations().move_to(58).folder(60).wait().await?;
    /// # Ok(()) }
    /// ```
    pub fn move_to(&self, dest: impl Into<FolderId>) -> TransferBuilder<'c> {
        TransferBuilder::new(self.client, dest.into(), "move")
    }

    /// Starts deleting several files and folders at once.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.operations().delete().files([812]).folders([60]).immediately(true).wait().await?;
    /// # Ok(()) }
    /// ```
    pub fn delete(&self) -> DeleteEntriesBuilder<'c> {
        DeleteEntriesBuilder {
            client: self.client,
            files: Vec::new(),
            folders: Vec::new(),
            immediately: None,
            delete_after: None,
        }
    }

    /// Starts making one archive of files and folders (`PUT /files/fileops/bulkdownload`).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let zip = client.operations().download().files([812, 813]).folders([60]).fetch().await?;
    /// std::fs::write("documents.zip", zip).ok();
    /// # Ok(()) }
    /// ```
    pub fn download(&self) -> super::bulk_download::DownloadBuilder<'c> {
        super::bulk_download::DownloadBuilder {
            client: self.client,
            files: Vec::new(),
            folders: Vec::new(),
        }
    }

    /// The archive a finished download operation made.
    pub async fn archive(&self, op: &FileOperation) -> Result<Vec<u8>, Error> {
        super::bulk_download::archive(self.client, op).await
    }

    /// The archive a finished download operation made, with the name the portal gives it.
    pub async fn named_archive(
        &self,
        op: &FileOperation,
    ) -> Result<super::bulk_download::Archive, Error> {
        super::bulk_download::named_archive(self.client, op).await
    }

    /// Deletes for good everything in the caller's Trash (`PUT /files/fileops/emptytrash`).
    pub async fn empty_trash(&self) -> Result<FileOperation, Error> {
        single(
            self.client
                .call(Request::put("files/fileops/emptytrash"))
                .await?,
        )
    }

    /// The caller's operations (`GET /files/fileops`).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// for op in client.operations().list().await? { println!("{} {}%", op.id, op.progress); }
    /// # Ok(()) }
    /// ```
    pub async fn list(&self) -> Result<Vec<FileOperation>, Error> {
        self.client.call(Request::get("files/fileops")).await
    }

    /// One operation, if the portal still lists it.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client, id: docspace_api::models::OperationId) -> Result<(), docspace_api::Error> {
    /// if let Some(op) = client.operations().get(&id).await? { println!("{}%", op.progress); }
    /// # Ok(()) }
    /// ```
    pub async fn get(&self, id: impl Into<OperationId>) -> Result<Option<FileOperation>, Error> {
        let id = id.into();
        let ops: Vec<FileOperation> = self
            .client
            .call(Request::get("files/fileops").query("id", &id))
            .await?;
        Ok(ops.into_iter().find(|op| op.id == id))
    }

    /// Starts waiting for an operation to end.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let op = client.rooms().archive(57).send().await?;
    /// let done = client.operations().wait(&op).timeout(std::time::Duration::from_secs(60)).send().await?;
    /// assert!(done.finished);
    /// # Ok(()) }
    /// ```
    pub fn wait(&self, op: &FileOperation) -> WaitBuilder<'c> {
        WaitBuilder {
            client: self.client,
            op: op.clone(),
            poll_interval: Duration::from_millis(200),
            timeout: Duration::from_secs(300),
        }
    }

    /// Waits for each operation in turn.
    pub(crate) async fn wait_all(
        &self,
        ops: Vec<FileOperation>,
    ) -> Result<Vec<FileOperation>, Error> {
        let mut done = Vec::with_capacity(ops.len());
        for op in &ops {
            done.push(self.wait(op).send().await?);
        }
        Ok(done)
    }
}

/// Waits for an operation; see [`OperationsHandler::wait`].
#[derive(Debug, Clone)]
pub struct WaitBuilder<'c> {
    client: &'c Client,
    op: FileOperation,
    poll_interval: Duration,
    timeout: Duration,
}

impl<'c> WaitBuilder<'c> {
    /// First delay between polls (default 200 ms; it grows to 2 s).
    pub fn poll_interval(mut self, d: Duration) -> Self {
        self.poll_interval = d;
        self
    }

    /// Gives up with [`Error::Timeout`] after this long (default 5 minutes).
    pub fn timeout(mut self, d: Duration) -> Self {
        self.timeout = d;
        self
    }

    /// Polls until the operation has finished; a failed one is [`Error::OperationFailed`].
    pub async fn send(self) -> Result<FileOperation, Error> {
        if self.poll_interval.is_zero() {
            return Err(Error::invalid("poll_interval", "must be longer than 0"));
        }
        let started = Instant::now();
        let mut op = self.op.clone();
        let mut interval = self.poll_interval;
        loop {
            if op.finished {
                return op.outcome();
            }
            if started.elapsed() >= self.timeout {
                return Err(Error::Timeout(self.timeout));
            }
            sleep(interval.min(self.timeout.saturating_sub(started.elapsed()))).await;
            interval = (interval * 3 / 2).min(Duration::from_secs(2));
            op = self
                .client
                .operations()
                .get(&op.id)
                .await?
                .ok_or_else(|| Error::NotFound {
                    message: format!("operation {} is no longer listed", op.id),
                })?;
        }
    }
}

impl FileOperation {
    /// What a finished operation came to: itself, or [`Error::OperationFailed`] with the
    /// portal's message. Every poller of operations ends with it.
    ///
    /// ```
    /// let op: docspace_api::models::FileOperation = serde_json::from_str(
    ///     r#"{"id":"op1","finished":true,"error":"denied"}"#)?;
    /// assert!(matches!(op.outcome(), Err(docspace_api::Error::OperationFailed { .. })));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn outcome(self) -> Result<FileOperation, Error> {
        match self.error() {
            Some(message) => Err(Error::OperationFailed {
                id: self.id.0.clone(),
                message: message.to_string(),
            }),
            None => Ok(self),
        }
    }
}

/// `PUT /api/2.0/files/fileops/{copy|move}`; see [`OperationsHandler::copy`].
#[derive(Debug, Clone)]
pub struct TransferBuilder<'c> {
    client: &'c Client,
    kind: &'static str,
    dest: FolderId,
    files: Vec<FileId>,
    folders: Vec<FolderId>,
    conflict: Option<ConflictResolve>,
    delete_after: Option<bool>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TransferBody<'a> {
    file_ids: &'a [FileId],
    folder_ids: &'a [FolderId],
    dest_folder_id: &'a FolderId,
    #[serde(skip_serializing_if = "Option::is_none")]
    conflict_resolve_type: Option<&'a ConflictResolve>,
    #[serde(skip_serializing_if = "Option::is_none")]
    delete_after: Option<bool>,
    return_single_operation: bool,
}

impl<'c> TransferBuilder<'c> {
    fn new(client: &'c Client, dest: FolderId, kind: &'static str) -> Self {
        TransferBuilder {
            client,
            kind,
            dest,
            files: Vec::new(),
            folders: Vec::new(),
            conflict: None,
            delete_after: None,
        }
    }

    entry_setters!();

    /// The entries of this copy or move whose titles `dest` already holds (`GET
    /// files/fileops/move`, DocSpace's check before it asks whether to overwrite, keep both or
    /// skip): the source entries, folders first. A folder moved into itself is an error.
    pub async fn clashes(&self) -> Result<Vec<EntryBase>, Error> {
        let mut req = Request::get("files/fileops/move").query("destFolderId", &self.dest);
        for id in &self.folders {
            req = req.query("folderIds", id);
        }
        for id in &self.files {
            req = req.query("fileIds", id);
        }
        self.client.call(req).await
    }

    /// What to do with name clashes (default: the portal's, which skips: `ConflictResolveType`
    /// left out of the request is `FileConflictResolveType.Skip`, 0).
    pub fn conflict(mut self, c: ConflictResolve) -> Self {
        self.conflict = Some(c);
        self
    }

    /// Deletes the operation's record when it ends.
    pub fn delete_after(mut self, yes: bool) -> Self {
        self.delete_after = Some(yes);
        self
    }

    /// Starts the operation.
    pub async fn send(self) -> Result<FileOperation, Error> {
        if self.files.is_empty() && self.folders.is_empty() {
            return Err(Error::invalid("files", "add at least one file or folder"));
        }
        if let Some(ConflictResolve::Unknown(name)) = &self.conflict {
            return Err(Error::invalid(
                "conflict",
                format!("`{name}` is not a resolution"),
            ));
        }
        let body = TransferBody {
            file_ids: &self.files,
            folder_ids: &self.folders,
            dest_folder_id: &self.dest,
            conflict_resolve_type: self.conflict.as_ref(),
            delete_after: self.delete_after,
            return_single_operation: true,
        };
        // Each PUT starts a new copy: never sent twice when the outcome is unknown.
        let req = Request::put(format!("files/fileops/{}", self.kind))
            .json(&body)?
            .idempotent(false);
        single(self.client.call(req).await?)
    }

    /// Starts the operation and waits until it ends.
    pub async fn wait(self) -> Result<FileOperation, Error> {
        let client = self.client;
        let op = self.send().await?;
        client.operations().wait(&op).send().await
    }
}

/// The operations a call started: DocSpace answers some calls with one and others with a list.
pub(super) async fn started(client: &Client, req: Request) -> Result<Vec<FileOperation>, Error> {
    let ops: super::OneOrMany<FileOperation> = client.call(req).await?;
    Ok(ops.into_vec())
}

/// `PUT /api/2.0/files/fileops/delete`; see [`OperationsHandler::delete`].
#[derive(Debug, Clone)]
pub struct DeleteEntriesBuilder<'c> {
    client: &'c Client,
    files: Vec<FileId>,
    folders: Vec<FolderId>,
    immediately: Option<bool>,
    delete_after: Option<bool>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DeleteBody<'a> {
    file_ids: &'a [FileId],
    folder_ids: &'a [FolderId],
    #[serde(skip_serializing_if = "Option::is_none")]
    immediately: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    delete_after: Option<bool>,
    return_single_operation: bool,
}

impl<'c> DeleteEntriesBuilder<'c> {
    entry_setters!();

    delete_setters!();

    /// Starts the deletion.
    pub async fn send(self) -> Result<FileOperation, Error> {
        if self.files.is_empty() && self.folders.is_empty() {
            return Err(Error::invalid("files", "add at least one file or folder"));
        }
        let body = DeleteBody {
            file_ids: &self.files,
            folder_ids: &self.folders,
            immediately: self.immediately,
            delete_after: self.delete_after,
            return_single_operation: true,
        };
        single(
            self.client
                .call(Request::put("files/fileops/delete").json(&body)?)
                .await?,
        )
    }

    /// Starts the deletion and waits until it ends.
    pub async fn wait(self) -> Result<FileOperation, Error> {
        let client = self.client;
        let op = self.send().await?;
        client.operations().wait(&op).send().await
    }
}
