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

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;

use crate::client::Client;
use crate::error::Error;
use crate::models::{File, FolderId, UploadResult, UploadSession};
use crate::request::{Request, multipart_file, seg};
use crate::transport::BodyProgress;
use crate::validate;

use super::folders::TITLE_MAX;

/// Default chunk size: 5 MiB (DocSpace accepts up to its configured 10 MiB by default).
pub const DEFAULT_CHUNK_SIZE: usize = 5 << 20;

/// How far an upload has got; passed to the progress callback as bytes go out (in a browser)
/// and after each acknowledged chunk.
///
/// ```
/// let p = docspace_api::api::UploadProgress { bytes_sent: 5, bytes_total: 10, chunks_sent: 1, chunks_total: 2 };
/// assert_eq!(p.fraction(), 0.5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UploadProgress {
    /// Bytes sent: those of the acknowledged chunks and, in a browser, those of the chunk on
    /// its way (sent, not yet acknowledged).
    pub bytes_sent: u64,
    /// The file's size.
    pub bytes_total: u64,
    /// Chunks acknowledged.
    pub chunks_sent: u64,
    /// Chunks in all.
    pub chunks_total: u64,
}

impl UploadProgress {
    /// Progress from 0.0 to 1.0.
    pub fn fraction(&self) -> f64 {
        if self.bytes_total == 0 {
            1.0
        } else {
            self.bytes_sent as f64 / self.bytes_total as f64
        }
    }
}

/// A progress callback: `Send + Sync` natively (uploads may run on any thread); any closure on
/// wasm, where there is one thread.
#[cfg(not(target_arch = "wasm32"))]
pub trait ProgressCallback: Fn(UploadProgress) + Send + Sync + 'static {}
#[cfg(not(target_arch = "wasm32"))]
impl<F: Fn(UploadProgress) + Send + Sync + 'static> ProgressCallback for F {}

/// A progress callback: `Send + Sync` natively (uploads may run on any thread); any closure on
/// wasm, where there is one thread.
#[cfg(target_arch = "wasm32")]
pub trait ProgressCallback: Fn(UploadProgress) + 'static {}
#[cfg(target_arch = "wasm32")]
impl<F: Fn(UploadProgress) + 'static> ProgressCallback for F {}

#[derive(Clone)]
struct Progress(Option<Arc<dyn ProgressCallback>>);

impl fmt::Debug for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() {
            "Some(<callback>)"
        } else {
            "None"
        })
    }
}

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
        ChunkedUploadBuilder {
            client: self.client,
            folder: folder.into(),
            file_name: file_name.into(),
            data: data.into(),
            chunk_size: DEFAULT_CHUNK_SIZE,
            create_new_if_exist: None,
            relative_path: None,
            resume_attempts: 3,
            progress: Progress(None),
        }
    }
}

/// Configures a chunked upload; see [`UploadsHandler::chunked`].
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

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CheckBody {
    files_title: Vec<String>,
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

/// The file's bytes sent when `body_sent` of `body_total` of the request carrying the chunk at
/// `start` of `len` bytes have gone out, if that is news: more than `last` (the most told so
/// far, updated) and short of the chunk's end, which its acknowledgement tells.
fn inside_chunk(
    start: u64,
    len: u64,
    body_sent: u64,
    body_total: u64,
    last: &AtomicU64,
) -> Option<u64> {
    let bytes = start + chunk_bytes_sent(len, body_sent, body_total);
    if bytes >= start + len || bytes <= last.fetch_max(bytes, Ordering::Relaxed) {
        return None;
    }
    Some(bytes)
}

/// Bytes of a chunk sent, from how much of its request body has gone out: the chunk's share of
/// `body_sent` of `body_total` (the body also holds the multipart headers around the chunk,
/// a few hundred bytes, so this runs a little ahead of the chunk's own bytes until the end).
/// Never more than the chunk; a body of unknown size counts as nothing sent.
fn chunk_bytes_sent(chunk_len: u64, body_sent: u64, body_total: u64) -> u64 {
    if body_total == 0 {
        return 0;
    }
    let sent = body_sent.min(body_total);
    // u128: a 100 MiB chunk times a body's length overflows nothing there.
    (u128::from(chunk_len) * u128::from(sent) / u128::from(body_total)) as u64
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

/// An open upload session. If [`ChunkedUpload::run`] fails, the session keeps what the portal
/// acknowledged; call `run` again to resume at the first missing chunk.
#[derive(Debug)]
pub struct ChunkedUpload<'c> {
    client: &'c Client,
    folder: FolderId,
    file_name: String,
    session: UploadSession,
    data: bytes::Bytes,
    chunk_size: usize,
    chunks_total: u64,
    chunks_sent: u64,
    progress: Progress,
}

impl<'c> ChunkedUpload<'c> {
    /// The portal's session.
    pub fn session(&self) -> &UploadSession {
        &self.session
    }

    /// How far it has got.
    pub fn progress(&self) -> UploadProgress {
        UploadProgress {
            bytes_sent: ((self.chunks_sent * self.chunk_size as u64).min(self.data.len() as u64)),
            bytes_total: self.data.len() as u64,
            chunks_sent: self.chunks_sent,
            chunks_total: self.chunks_total,
        }
    }

    /// What tells the callback of a chunk's bytes as they go out: only in a browser, where the
    /// transport hears of them (natively it would only repeat the chunk's end). It reports
    /// bytes strictly inside the chunk, each more than the last (a resent chunk starts over
    /// unseen), leaving the chunk's end to the acknowledgement.
    fn within_chunk(&self, start: u64, len: u64) -> Option<BodyProgress> {
        let cb = self.progress.0.clone()?;
        if !cfg!(target_arch = "wasm32") {
            return None;
        }
        let (total, chunks_sent, chunks_total) =
            (self.data.len() as u64, self.chunks_sent, self.chunks_total);
        let last = Arc::new(AtomicU64::new(start));
        Some(BodyProgress::new(move |sent, body_total| {
            let Some(bytes) = inside_chunk(start, len, sent, body_total, &last) else {
                return;
            };
            cb(UploadProgress {
                bytes_sent: bytes,
                bytes_total: total,
                chunks_sent,
                chunks_total,
            })
        }))
    }

    fn session_path(&self) -> String {
        format!(
            "files/{}/session/{}",
            seg(&self.folder),
            seg(&self.session.id)
        )
    }

    /// Sends the chunks not yet acknowledged, then stores the file.
    pub async fn run(&mut self) -> Result<File, Error> {
        while self.chunks_sent < self.chunks_total {
            let index = self.chunks_sent;
            let start = (index * self.chunk_size as u64) as usize;
            let end = (start + self.chunk_size).min(self.data.len());
            let (content_type, body) =
                multipart_file("File", &self.file_name, &self.data[start..end]);
            // DocSpace numbers chunks from 1; a numbered chunk overwrites itself, so resending is safe.
            let mut req = Request::post(format!("{}/upload", self.session_path()))
                .query("chunkNumber", index + 1)
                .bytes(content_type, body)
                .idempotent(true);
            if let Some(told) = self.within_chunk(start as u64, (end - start) as u64) {
                req = req.progress(told);
            }
            self.client.execute(req).await?;
            self.chunks_sent += 1;
            if let Some(cb) = &self.progress.0 {
                cb(self.progress());
            }
        }
        let req = Request::put(format!("{}/finalize", self.session_path()))
            // Finalising twice fails the second time; never resend when the outcome is unknown.
            .idempotent(false);
        let result: UploadResult = self.client.call(req).await?;
        result.file.ok_or_else(|| Error::Decode {
            message: format!(
                "the upload finished without a file (uploaded: {})",
                result.uploaded
            ),
            snippet: String::new(),
        })
    }

    /// Abandons the session; the portal drops its chunks.
    pub async fn abort(self) -> Result<(), Error> {
        self.client.call(Request::delete(self.session_path())).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_fractions() {
        let p = UploadProgress {
            bytes_sent: 0,
            bytes_total: 0,
            chunks_sent: 0,
            chunks_total: 0,
        };
        assert_eq!(p.fraction(), 1.0);
    }

    #[test]
    fn a_chunk_on_its_way_moves_the_fraction_within_it() {
        // 5 MiB in 2 MiB chunks: the second chunk starts at 2 MiB, and its body (chunk plus
        // 200 bytes of multipart headers) a quarter sent is a quarter of the chunk.
        let (chunk, mib) = (2u64 << 20, 1u64 << 20);
        let body = chunk + 200;
        assert_eq!(chunk_bytes_sent(chunk, body / 4, body), chunk / 4);
        assert_eq!(chunk_bytes_sent(chunk, 0, body), 0);
        assert_eq!(chunk_bytes_sent(chunk, body, body), chunk);
        assert_eq!(
            chunk_bytes_sent(chunk, body * 2, body),
            chunk,
            "never past the chunk"
        );
        assert_eq!(
            chunk_bytes_sent(chunk, 10, 0),
            0,
            "an unknown size tells nothing"
        );
        // 100 MiB chunks: no overflow.
        assert_eq!(chunk_bytes_sent(100 << 20, 50 << 20, 100 << 20), 50 << 20);

        let last = AtomicU64::new(chunk);
        let quarter = inside_chunk(chunk, chunk, body / 4, body, &last).expect("news");
        assert_eq!(quarter, chunk + chunk / 4);
        let p = UploadProgress {
            bytes_sent: quarter,
            bytes_total: 5 * mib,
            chunks_sent: 1,
            chunks_total: 3,
        };
        assert_eq!(p.fraction(), 0.5, "2.5 of 5 MiB");
        // The same or fewer bytes again (a repeated event, a resent chunk) tell nothing…
        assert_eq!(inside_chunk(chunk, chunk, body / 4, body, &last), None);
        assert_eq!(inside_chunk(chunk, chunk, body / 8, body, &last), None);
        // …nor does the chunk's end, which its acknowledgement reports.
        assert_eq!(inside_chunk(chunk, chunk, body, body, &last), None);
        assert_eq!(
            inside_chunk(chunk, chunk, body / 2, body, &last),
            Some(chunk + chunk / 2)
        );
    }

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
