//! The ONLYOFFICE DocSpace vocabulary, in one place.
//!
//! Room types, folder, file and entry types, access levels and the ones each room type allows,
//! user types, title limits (with the one way to count a title's length), e-mail and colour checks,
//! and percent-encoding. The REST client (`docspace-api`), the Embed SDK bindings
//! (`docspace-sdk`), the local portal (`docspace-devportal`) and the app all use these, so they
//! cannot disagree.
//!
//! Each fact cites its public source: the DocSpace API reference
//! (<https://api.onlyoffice.com/docspace/api-backend/>) or a file of the server
//! (`ONLYOFFICE/DocSpace-server`). Enums travel as DocSpace sends them (integers, or names where
//! DocSpace uses names) and keep values this crate does not know as `Unknown`.
//!
//! ```
//! use docspace_types::{FileShare, RoomType, ROOM_TITLE_MAX, check_title};
//! assert_eq!(RoomType::Custom.value(), 5);
//! assert!(RoomType::Public.user_accesses().is_some_and(|a| a.contains(&FileShare::ContentCreator)));
//! assert!(check_title(&"😀".repeat(100), ROOM_TITLE_MAX).is_err());
//! ```

mod checks;
mod files;
mod limits;
mod people;
pub mod percent;
mod rooms;
#[doc(hidden)]
pub mod wire;

pub use checks::{HEX_COLOR_LEN, is_email, is_hex_color};
pub use files::{FileEntryType, FileShare, FileType, FolderType};
pub use limits::{
    COVER_MAX, ENTRY_TITLE_MAX, ROOM_TITLE_MAX, TEXT_MAX, TitleError, check_len, check_title,
    dotnet_len,
};
pub use people::EmployeeType;
pub use rooms::RoomType;

#[doc(hidden)]
pub use serde as __serde;
