//! [`ChunkedUploadBuilder`]: what an upload is to be, checked before the session opens.

use std::sync::Arc;

use serde::Serialize;

use super::progress::{Progress, ProgressCallback};
use super::{ChunkedUpload, DEFAULT_CHUNK_SIZE};
use crate::api::folders::TITLE_MAX;
use crate::client::Client;
use crate::error::Error;
use crate::models::{File, FolderId, UploadSession};
use crate::request::{Request, seg};
use crate::validate;

/// Configures a chunked upload; see [`UploadsHandler::chunked`](super::UploadsHandler::chunked).
#[derive(Debug, Clone)]
pub struct ChunkedUploadBuilder<'c> {
    client: &'c Client,
    folder: FolderId,
    file_name: String,
    data: bytes::Bytes,
    chunk_size: usize,
    create_new_if_exist: Option<bool>,
    relative_path: Option<String>,
    resume_attempts: u32,
    progress: Progress,
}

impl<'c> ChunkedUploadBuilder<'c> {
    pub(super) fn new(
        client: &'c Client,
        folder: FolderId,
        file_name: String,
        data: bytes::Bytes,
    ) -> Self {
        ChunkedUploadBuilder {
            client,
            folder,
            file_name,
            data,
            chunk_size: DEFAULT_CHUNK_SIZE,
            create_new_if_exist: None,
            relative_path: None,
            resume_attempts: 3,
            progress: Progress(None),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SessionBody<'a> {
    file_name: &'a str,
    file_size: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    create_new_if_exist: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relative_path: Option<&'a str>,
}

/// Checks a [`ChunkedUploadBuilder::relative_path`]: folder titles joined by `/`, each a title
/// DocSpace takes. The portal itself refuses none of the paths this refuses: an empty segment
/// (`a//b`, a leading or trailing `/`) makes it stop there and put the file in the folder
/// reached so far, and `.` or `..` become folder titles (ONLYOFFICE/DocSpace-server:
/// `products/ASC.Files/Core/Utils/FileUploader.cs`, `GetFolderIdAsync`); neither is what a
/// caller asking for them means, so they are refused here, before anything is sent.
fn check_relative_path(path: &str) -> Result<(), Error> {
    let field = "relative_path";
    if path.is_empty() {
        return Err(Error::invalid(field, "is empty: leave it unset for none"));
    }
    if path.contains('\\') {
        return Err(Error::invalid(
            field,
            "separates folders with `/`, not `\\`",
        ));
    }
    for segment in path.split('/') {
        match segment {
            "" => {
                return Err(Error::invalid(
                    field,
                    format!(
                        "`{path}` has an empty folder name (a leading, trailing or double `/`)"
                    ),
                ));
            }
            "." | ".." => {
                return Err(Error::invalid(
                    field,
                    format!("`{path}` names `{segment}`: give folder titles only"),
                ));
            }
            title => validate::title(field, title, TITLE_MAX)?,
        }
    }
    Ok(())
}

impl<'c> ChunkedUploadBuilder<'c> {
    /// Bytes per chunk (64 KiB ..= 100 MiB; default 5 MiB).
    pub fn chunk_size(mut self, bytes: usize) -> Self {
        self.chunk_size = bytes;
        self
    }

    /// `true`: a same-named file gets a new, de-duplicated title; `false`: a new version.
    pub fn create_new_if_exist(mut self, yes: bool) -> Self {
        self.create_new_if_exist = Some(yes);
        self
    }

    /// Puts the file into this path of folders under the target folder (`Photos/2024`), as
    /// DocSpace's `relativePath`: when the session opens, the portal walks the path from the
    /// target folder, taking the folder of each title there or creating it, and checks the
    /// caller may create in each. A same-named file is then looked for in the last folder.
    /// Folder titles are joined by `/`; an empty title, `.` and `..` are refused.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let file = client.uploads().chunked(57, "beach.jpg", vec![0u8; 1 << 20])
    ///     .relative_path("Photos/2024")
    ///     .create_new_if_exist(true)
    ///     .send().await?;
    /// # let _ = file;
    /// # Ok(()) }
    /// ```
    pub fn relative_path(mut self, path: impl Into<String>) -> Self {
        self.relative_path = Some(path.into());
        self
    }

    /// How often [`ChunkedUploadBuilder::send`] resumes after a failed chunk (default 3), on top
    /// of the client's own retries of each chunk.
    pub fn resume_attempts(mut self, n: u32) -> Self {
        self.resume_attempts = n;
        self
    }

    /// Called as the upload moves: in a browser as each chunk's bytes go out and when it is
    /// acknowledged; natively after each acknowledged chunk. `bytes_sent` only grows.
    pub fn on_progress(mut self, f: impl ProgressCallback) -> Self {
        self.progress = Progress(Some(Arc::new(f)));
        self
    }

    fn validate(&self) -> Result<(), Error> {
        validate::title("file_name", &self.file_name, TITLE_MAX)?;
        validate::range("chunk_size", self.chunk_size, 64 << 10, 100 << 20)?;
        if let Some(path) = &self.relative_path {
            check_relative_path(path)?;
        }
        if self.data.is_empty() {
            return Err(Error::invalid(
                "data",
                "is empty: upload empty files with files().upload()",
            ));
        }
        Ok(())
    }

    /// Opens the session; drive it with [`ChunkedUpload::run`].
    pub async fn start(self) -> Result<ChunkedUpload<'c>, Error> {
        self.validate()?;
        let body = SessionBody {
            file_name: &self.file_name,
            file_size: self.data.len() as u64,
            create_new_if_exist: self.create_new_if_exist,
            relative_path: self.relative_path.as_deref(),
        };
        let req = Request::post(format!("files/{}/session", seg(&self.folder))).json(&body)?;
        let session: UploadSession = self.client.call(req).await?;
        let chunks_total = (self.data.len() as u64).div_ceil(self.chunk_size as u64);
        Ok(ChunkedUpload {
            client: self.client,
            folder: self.folder,
            file_name: self.file_name,
            session,
            data: self.data,
            chunk_size: self.chunk_size,
            chunks_total,
            chunks_sent: 0,
            progress: self.progress,
        })
    }

    /// Opens the session, sends every chunk and stores the file, resuming after failures.
    pub async fn send(self) -> Result<File, Error> {
        let attempts = self.resume_attempts;
        let mut upload = self.start().await?;
        let mut failures = 0;
        loop {
            match upload.run().await {
                Ok(file) => return Ok(file),
                Err(e) if failures < attempts && resumable(&e) => failures += 1,
                Err(e) => return Err(e),
            }
        }
    }
}

/// Failures worth resuming after: the network, timeouts, and the portal's transient answers.
fn resumable(e: &Error) -> bool {
    match e {
        Error::Network(_) | Error::Timeout(_) | Error::RateLimited { .. } => true,
        Error::Server { status, .. } => matches!(status, 408 | 500 | 502 | 503 | 504),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_name_folders_only() {
        for ok in ["Photos", "Photos/2024", "a b/ünï/c.d", "x/..y"] {
            assert!(check_relative_path(ok).is_ok(), "{ok}");
        }
        for bad in [
            "", "/abs", "a//b", "a/", "../up", "a/./b", "a/..", "a\\b", "a/\u{1}",
        ] {
            assert!(
                matches!(
                    check_relative_path(bad),
                    Err(Error::InvalidInput {
                        field: "relative_path",
                        ..
                    })
                ),
                "{bad:?}"
            );
        }
        let client = Client::builder("http://127.0.0.1:9").build().unwrap();
        let b = client
            .uploads()
            .chunked(1, "a.bin", vec![1u8; 10])
            .relative_path("../x");
        assert!(b.validate().is_err());
    }

    #[test]
    fn resumable_failures() {
        assert!(resumable(&Error::Network("reset".into())));
        assert!(resumable(&Error::Server {
            status: 503,
            message: String::new()
        }));
        assert!(!resumable(&Error::Forbidden {
            message: String::new()
        }));
    }

    #[test]
    fn builders_check_their_input() {
        let client = Client::builder("http://127.0.0.1:9").build().unwrap();
        let b = client
            .uploads()
            .chunked(1, "a.bin", vec![1u8; 10])
            .chunk_size(10);
        assert!(matches!(
            b.validate(),
            Err(Error::InvalidInput {
                field: "chunk_size",
                ..
            })
        ));
        let b = client.uploads().chunked(1, "a.bin", Vec::new());
        assert!(matches!(
            b.validate(),
            Err(Error::InvalidInput { field: "data", .. })
        ));
        let b = client.uploads().chunked(1, "", vec![1u8]);
        assert!(matches!(
            b.validate(),
            Err(Error::InvalidInput {
                field: "file_name",
                ..
            })
        ));
    }
}
