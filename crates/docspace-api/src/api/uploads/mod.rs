//! Chunked uploads through DocSpace's upload sessions (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/UploadController.cs`).
//!
//! The client uses the numbered-chunk flow: `POST …/session` opens a session, each chunk goes to
//! `POST …/session/{id}/upload?chunkNumber=N`, and `PUT …/session/{id}/finalize` stores the file.
//! A numbered chunk replaces itself when sent again, so a chunk whose outcome is unknown can be
//! resent safely, and an interrupted upload resumes at the first chunk not acknowledged.
//!
//! Progress: in a browser each chunk goes out through an `XMLHttpRequest`, whose upload events
//! say how much of it has been sent, so the callback hears of bytes as they go, within a chunk.
//! Natively (reqwest reports nothing of a body on its way) it hears once per acknowledged chunk.
//!
//! A file may land in subfolders of the target (DocSpace's `relativePath`, which the portal
//! resolves when the session opens, creating the folders it lacks): see
//! [`ChunkedUploadBuilder::relative_path`].

//!
//! Here the handler; the builder that checks and opens an upload in `builder.rs`, the open session
//! that sends the chunks in `session.rs`, and what the progress callback hears in `progress.rs`.

mod builder;
mod progress;
mod session;

pub use builder::ChunkedUploadBuilder;
pub(crate) use progress::ProgressCallback;
pub use progress::UploadProgress;
pub use session::ChunkedUpload;

use serde::Serialize;

use crate::client::Client;
use crate::error::Error;
use crate::models::FolderId;
use crate::request::{Request, seg};

/// Default chunk size: 5 MiB (DocSpace accepts up to its configured 10 MiB by default).
pub const DEFAULT_CHUNK_SIZE: usize = 5 << 20;

/// Chunked uploads; get one with [`Client::uploads`].
///
/// ```no_run
/// # async fn demo(client: docspace_api::Client, data: Vec<u8>) -> Result<(), docspace_api::Error> {
/// let file = client.uploads().chunked(57, "video.mp4", data)
///     .chunk_size(2 << 20)
///     .on_progress(|p| println!("{:.0}%", p.fraction() * 100.0))
///     .send().await?;
/// # let _ = file;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct UploadsHandler<'c> {
    client: &'c Client,
}

impl<'c> UploadsHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        UploadsHandler { client }
    }

    /// Which of `titles` `folder` already holds (`POST files/{folderId}/upload/check`, DocSpace's
    /// check before it asks whether to overwrite, keep both or skip): the titles as given, each
    /// once. Upload a clashing file with [`ChunkedUploadBuilder::create_new_if_exist`] `false` to
    /// add a version to the file there, `true` to keep both.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let taken = client.uploads().check(57, ["report.docx", "new.xlsx"]).await?;
    /// if taken.is_empty() { println!("no clashes"); }
    /// # Ok(()) }
    /// ```
    pub async fn check(
        &self,
        folder: impl Into<FolderId>,
        titles: impl IntoIterator<Item = impl Into<String>>,
    ) -> Result<Vec<String>, Error> {
        let body = CheckBody {
            files_title: titles.into_iter().map(Into::into).collect(),
        };
        let folder: FolderId = folder.into();
        let req = Request::post(format!("files/{}/upload/check", seg(folder))).json(&body)?;
        self.client.call(req).await
    }

    /// Starts a chunked upload of `data` as `file_name` into `folder`.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let file = client.uploads().chunked(57, "big.bin", vec![0u8; 12 << 20]).send().await?;
    /// assert_eq!(file.pure_content_length, 12 << 20);
    /// # Ok(()) }
    /// ```
    pub fn chunked(
        &self,
        folder: impl Into<FolderId>,
        file_name: impl Into<String>,
        data: impl Into<bytes::Bytes>,
    ) -> ChunkedUploadBuilder<'c> {
        ChunkedUploadBuilder::new(self.client, folder.into(), file_name.into(), data.into())
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CheckBody {
    files_title: Vec<String>,
}
