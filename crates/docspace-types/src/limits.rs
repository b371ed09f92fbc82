//! Title limits, and the one way to count a title's length.
//!
//! DocSpace's server is .NET: its request models cap titles with `[StringLength(n)]`
//! (ONLYOFFICE/DocSpace-server `products/ASC.Files/Server/ApiModels/RequestDto/CreateRoomRequestDto.cs`:
//! `Title` 170, `Color` 6, `Cover` 50; `CreateFolderRequestDto.cs`: `Title` 165), and
//! `StringLengthAttribute` compares `string.Length`, which counts UTF-16 code units; the files
//! service truncates stored titles by the same count (`products/ASC.Files/Core/Helpers/Global.cs`,
//! `ReplaceInvalidCharsAndTruncate`: `MaxTitle < title.Length`). So a character outside the Basic
//! Multilingual Plane, such as an emoji, counts twice: 85 emoji fit in a room title, 86 do not.
//! Every layer counts with [`dotnet_len`], so a title one accepts, all accept.

use std::fmt;

/// Longest room title (`CreateRoomRequestDto.Title`, `UpdateRoomRequest.Title`).
pub const ROOM_TITLE_MAX: usize = 170;

/// Longest folder or file title (`CreateFolderRequestDto.Title`; files share the limit).
pub const ENTRY_TITLE_MAX: usize = 165;

/// Longest tag name, e-mail address, watermark text or link title.
pub const TEXT_MAX: usize = 255;

/// Longest room cover id (`CreateRoomRequestDto.Cover`).
pub const COVER_MAX: usize = 50;

/// How far ahead a shared link may expire, in years: `FilesLinkUtility.MaxLinkLifeTimeInYears`
/// (ONLYOFFICE/DocSpace-server `products/ASC.Files/Core/Helpers/FilesLinkUtility.cs`).
pub const LINK_LIFETIME_MAX_YEARS: u32 = 10;

/// A string's length as .NET's `string.Length` counts it: UTF-16 code units.
///
/// ```
/// assert_eq!(docspace_types::dotnet_len("Ünï"), 3);
/// assert_eq!(docspace_types::dotnet_len("😀"), 2);
/// ```
pub fn dotnet_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Why a title is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleError {
    /// Empty or only white space.
    Blank,
    /// Longer than the limit, counted by [`dotnet_len`].
    TooLong {
        /// The title's length in UTF-16 units.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// Contains a control character (the first one found).
    ControlChar(char),
}

impl fmt::Display for TitleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TitleError::Blank => f.write_str("must not be empty"),
            TitleError::TooLong { len, max } => {
                write!(f, "is {len} characters long; the most is {max}")
            }
            TitleError::ControlChar(c) => write!(
                f,
                "must not contain control characters (found U+{:04X})",
                *c as u32
            ),
        }
    }
}

impl std::error::Error for TitleError {}

/// Checks a title as DocSpace does: not blank, at most `max` UTF-16 units, no control characters
/// (checked in that order).
///
/// ```
/// use docspace_types::{ROOM_TITLE_MAX, TitleError, check_title};
/// assert!(check_title("Contracts", ROOM_TITLE_MAX).is_ok());
/// assert_eq!(
///     check_title(&"😀".repeat(100), ROOM_TITLE_MAX),
///     Err(TitleError::TooLong { len: 200, max: 170 })
/// );
/// ```
pub fn check_title(s: &str, max: usize) -> Result<(), TitleError> {
    if s.trim().is_empty() {
        return Err(TitleError::Blank);
    }
    check_len(s, max)?;
    if let Some(c) = s.chars().find(|c| c.is_control()) {
        return Err(TitleError::ControlChar(c));
    }
    Ok(())
}

/// At most `max` UTF-16 units.
pub fn check_len(s: &str, max: usize) -> Result<(), TitleError> {
    let len = dotnet_len(s);
    if len > max {
        return Err(TitleError::TooLong { len, max });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_count_utf16_units_as_dotnet_does() {
        assert!(check_title("Contracts", ROOM_TITLE_MAX).is_ok());
        assert_eq!(check_title("  ", ROOM_TITLE_MAX), Err(TitleError::Blank));
        assert!(check_title(&"a".repeat(170), ROOM_TITLE_MAX).is_ok());
        assert!(check_title(&"a".repeat(171), ROOM_TITLE_MAX).is_err());
        // "é" is one UTF-16 unit: 170 of them fit.
        assert!(check_title(&"é".repeat(170), ROOM_TITLE_MAX).is_ok());
        assert!(check_title(&"😀".repeat(85), ROOM_TITLE_MAX).is_ok());
        assert!(check_title(&"😀".repeat(86), ROOM_TITLE_MAX).is_err());
        assert_eq!(
            check_title("a\u{0007}b", ROOM_TITLE_MAX),
            Err(TitleError::ControlChar('\u{0007}'))
        );
        assert!(check_title("Ünïcødé ✓", ROOM_TITLE_MAX).is_ok());
    }

    /// 100 emoji are 100 characters but 200 UTF-16 units: .NET refuses them in a room title
    /// (170) and in a folder title (165), and so does every layer of this workspace.
    #[test]
    fn a_hundred_emoji_title_is_too_long() {
        let t = "😀".repeat(100);
        assert_eq!(t.chars().count(), 100);
        assert_eq!(
            check_title(&t, ROOM_TITLE_MAX),
            Err(TitleError::TooLong { len: 200, max: 170 })
        );
        assert!(check_title(&t, ENTRY_TITLE_MAX).is_err());
        assert_eq!(
            TitleError::TooLong { len: 200, max: 170 }.to_string(),
            "is 200 characters long; the most is 170"
        );
    }
}
