//! [`ChunkedUpload`]: an open session, sending the chunks not yet acknowledged.

use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use super::UploadProgress;
use super::progress::{Progress, inside_chunk};
use crate::client::Client;
use crate::error::Error;
use crate::models::{File, FolderId, UploadResult, UploadSession};
use crate::request::{Request, multipart_file, seg};
use crate::transport::BodyProgress;

/// An open upload session. If [`ChunkedUpload::run`] fails, the session keeps what the portal
/// acknowledged; call `run` again to resume at the first missing chunk.
#[derive(Debug)]
pub struct ChunkedUpload<'c> {
    pub(super) client: &'c Client,
    pub(super) folder: FolderId,
    pub(super) file_name: String,
    pub(super) session: UploadSession,
    pub(super) data: bytes::Bytes,
    pub(super) chunk_size: usize,
    pub(super) chunks_total: u64,
    pub(super) chunks_sent: u64,
    pub(super) progress: Progress,
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
