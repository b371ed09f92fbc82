//! Reading upload bodies within DocSpace's size limits and the portal's upload budget.

use axum::extract::Multipart;
use axum::http::{HeaderMap, header};

use crate::envelope::ApiError;
use crate::upload_budget::Reservation;

/// Largest request body on any route: the Kestrel `MaxRequestBodySize` of DocSpace's Files server
/// (`ONLYOFFICE/DocSpace-server: products/ASC.Files/Server/Program.cs`, 100 MiB).
pub const MAX_UPLOAD: usize = 100 * 1024 * 1024;
/// Largest file of a simple upload: DocSpace's `SetupInfo.MaxUploadSize`, at most
/// `AvailableFileSize` (`web:available-file-size`, 100 MiB by default; `ONLYOFFICE/DocSpace-server:
/// web/ASC.Web.Core/SetupInfo.cs`), checked by `FileUploader` with a `TenantQuotaException`.
pub const MAX_SIMPLE: usize = 100 * 1024 * 1024;
/// Largest chunk: `SetupInfo.ChunkUploadSize` (`files:uploader:chunk-size`, 10 MiB by default);
/// `FileUploader.UploadChunkAsync` refuses a longer chunk with the same exception.
pub const MAX_CHUNK: usize = 10 * 1024 * 1024;
/// Room for multipart headers and boundaries around a part.
const PART_OVERHEAD: usize = 64 * 1024;
/// DocSpace's `FileSizeComment.GetFileSizeException`: 402 "The maximum file size is exceeded (N MB)."
fn too_big(limit: usize) -> ApiError {
    ApiError::QuotaExceeded(format!(
        "The maximum file size is exceeded ({} MB).",
        limit / (1024 * 1024)
    ))
}

/// Reads the file parts of a multipart body, at most `limit` bytes each, reserving every byte in
/// the portal's upload budget before holding it (up front for a declared `Content-Length`, so an
/// upload that cannot fit is refused before its body is read).
pub async fn read_parts(
    mut form: Multipart,
    headers: &HeaderMap,
    limit: usize,
    held: &mut Reservation,
) -> Result<Vec<(String, Vec<u8>)>, ApiError> {
    let bad = |e: axum::extract::multipart::MultipartError| {
        ApiError::BadRequest(format!("Malformed multipart body: {e}"))
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if let Some(n) = declared {
        if n > MAX_UPLOAD {
            return Err(ApiError::PayloadTooLarge);
        }
        if n > limit.saturating_add(PART_OVERHEAD) {
            return Err(too_big(limit));
        }
        held.grow_to(n)?;
    }
    let mut total = 0usize;
    let mut files = Vec::new();
    while let Some(mut field) = form.next_field().await.map_err(bad)? {
        let is_file = field.name().is_some_and(|n| n.eq_ignore_ascii_case("file"))
            || field.file_name().is_some();
        if !is_file {
            continue;
        }
        let name = field.file_name().unwrap_or("file").to_string();
        let mut data = Vec::new();
        while let Some(bytes) = field.chunk().await.map_err(bad)? {
            if data.len() + bytes.len() > limit {
                return Err(too_big(limit));
            }
            total += bytes.len();
            held.grow_to(total)?;
            data.extend_from_slice(&bytes);
        }
        files.push((name, data));
    }
    Ok(files)
}
