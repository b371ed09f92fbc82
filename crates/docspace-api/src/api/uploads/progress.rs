//! What the progress callback hears: [`UploadProgress`], after each acknowledged chunk and, in a
//! browser, as a chunk's bytes go out.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

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

/// The builder's and the session's callback, if one was given.
#[derive(Clone)]
pub(super) struct Progress(pub(super) Option<Arc<dyn ProgressCallback>>);

impl fmt::Debug for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() {
            "Some(<callback>)"
        } else {
            "None"
        })
    }
}

/// The file's bytes sent when `body_sent` of `body_total` of the request carrying the chunk at
/// `start` of `len` bytes have gone out, if that is news: more than `last` (the most told so
/// far, updated) and short of the chunk's end, which its acknowledgement tells.
pub(super) fn inside_chunk(
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
}
