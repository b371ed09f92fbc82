#![doc = include_str!("../README.md")]
//!
//! Enums travel as DocSpace sends them (integers, or names where DocSpace uses names) and keep
//! values this crate does not know as `Unknown`.

#![warn(missing_docs)]

mod checks;
mod files;
mod limits;
mod people;
pub mod percent;
mod rooms;
#[doc(hidden)]
pub mod wire;

pub use checks::{HEX_COLOR_LEN, is_email, is_hex_color, parse_decimal};
pub use files::{FileEntryType, FileShare, FileType, FolderType};
pub use limits::{
    COVER_MAX, ENTRY_TITLE_MAX, LINK_LIFETIME_MAX_YEARS, ROOM_TITLE_MAX, TEXT_MAX, TitleError,
    check_len, check_title, dotnet_len,
};
pub use people::EmployeeType;
pub use rooms::RoomType;

#[doc(hidden)]
pub use serde as __serde;
