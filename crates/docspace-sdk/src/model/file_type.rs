//! [`FileType`]: DocSpace's numeric file type.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A DocSpace file type (`FileType`, numeric). Unknown numbers are kept.
///
/// ```
/// use docspace_sdk::FileType;
/// assert_eq!(FileType::from_code(7), FileType::Document);
/// assert_eq!(FileType::from_code(99), FileType::Other(99));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileType {
    /// Unknown (0).
    Unknown,
    /// Archive (1).
    Archive,
    /// Video (2).
    Video,
    /// Audio (3).
    Audio,
    /// Image (4).
    Image,
    /// Spreadsheet (5).
    Spreadsheet,
    /// Presentation (6).
    Presentation,
    /// Text document (7).
    Document,
    /// PDF (10).
    Pdf,
    /// Diagram (11).
    Diagram,
    /// A type this version does not know.
    Other(i64),
}

impl FileType {
    /// The number DocSpace uses.
    pub fn code(self) -> i64 {
        match self {
            FileType::Unknown => 0,
            FileType::Archive => 1,
            FileType::Video => 2,
            FileType::Audio => 3,
            FileType::Image => 4,
            FileType::Spreadsheet => 5,
            FileType::Presentation => 6,
            FileType::Document => 7,
            FileType::Pdf => 10,
            FileType::Diagram => 11,
            FileType::Other(n) => n,
        }
    }

    /// The type for a DocSpace number.
    pub fn from_code(n: i64) -> FileType {
        match n {
            0 => FileType::Unknown,
            1 => FileType::Archive,
            2 => FileType::Video,
            3 => FileType::Audio,
            4 => FileType::Image,
            5 => FileType::Spreadsheet,
            6 => FileType::Presentation,
            7 => FileType::Document,
            10 => FileType::Pdf,
            11 => FileType::Diagram,
            n => FileType::Other(n),
        }
    }
}

impl fmt::Display for FileType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileType::Other(n) => write!(f, "file type {n}"),
            t => write!(f, "{t:?}"),
        }
    }
}

impl Serialize for FileType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.code())
    }
}

impl<'de> Deserialize<'de> for FileType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        i64::deserialize(d).map(FileType::from_code)
    }
}
