//! What a file's title and size tell: its `FileType`, whether the editor opens it, its human
//! size and its URLs.

use crate::db::entries::{self, File};

/// `FileType` from a title's extension.
pub fn file_type(title: &str) -> i64 {
    let ext = entries::split_ext(title).1.to_ascii_lowercase();
    match ext.as_str() {
        ".docx" | ".doc" | ".odt" | ".rtf" | ".txt" | ".md" | ".html" | ".htm" | ".docm"
        | ".dotx" | ".epub" => 7,
        ".xlsx" | ".xls" | ".ods" | ".csv" | ".xlsm" => 5,
        ".pptx" | ".ppt" | ".odp" | ".pptm" => 6,
        ".pdf" => 10,
        ".png" | ".jpg" | ".jpeg" | ".gif" | ".bmp" | ".svg" | ".webp" | ".tiff" => 4,
        ".mp4" | ".webm" | ".avi" | ".mov" | ".mkv" => 2,
        ".mp3" | ".wav" | ".ogg" | ".m4a" | ".flac" => 3,
        ".zip" | ".rar" | ".7z" | ".tar" | ".gz" => 1,
        ".vsdx" | ".vsd" => 11,
        _ => 0,
    }
}

/// Whether the editor page opens this file (documents, spreadsheets, presentations, PDF, text).
pub fn opens_in_editor(title: &str) -> bool {
    matches!(file_type(title), 5 | 6 | 7 | 10 | 11)
}

/// DocSpace's human size: `512 bytes`, `14.2 KB`, `1.5 MB`.
pub fn human_size(bytes: i64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut v = bytes as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s} {}", UNITS[unit])
}

/// The download URL of a file (`viewUrl`).
pub fn view_url(portal: &str, id: i64) -> String {
    format!("{portal}/filehandler.ashx?action=download&fileid={id}")
}

/// The browser URL of a file (`webUrl`).
pub fn web_url(portal: &str, f: &File) -> String {
    if opens_in_editor(&f.title) {
        format!("{portal}/doceditor?fileid={}&version={}", f.id, f.version)
    } else {
        view_url(portal, f.id)
    }
}
