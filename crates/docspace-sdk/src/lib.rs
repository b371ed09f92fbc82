#![doc = include_str!("../README.md")]
//!
//! ## What it does
//!
//! - **Loading** ([`load_sdk`]): one load per portal and version however many frames ask, with a
//!   timeout and typed errors; 2.1.0's lost `window.DocSpace` global is recovered.
//! - **Config** ([`FrameConfig`] and one typed entry point per mode in [`config::modes`]): every
//!   `TFrameConfig` field with the official defaults; each frame gets fresh objects, so api.js's
//!   in-place edits never leak between frames.
//! - **Events** ([`FrameEvent`], [`FrameEvents`]): typed payloads; selections are always a
//!   `Vec<`[`Item`]`>`.
//! - **Methods** (on [`Frame`]): typed, `Result<T, SdkError>`, a time limit per call, error-shaped
//!   replies turned into [`SdkError`]; a call that times out does not block later ones.
//! - **Hardening**: messages for a frame are accepted only from that frame's window and the
//!   portal's origin; forged ones never reach handlers or resolve calls, and frames may only send
//!   DocSpace's own commands.
//! - **Diagnostics** ([`SdkError::diagnosis`]): mixed content, an unreachable portal, a page
//!   origin missing from the portal's allowed domains, a frame that never starts — explained
//!   in place of a blank frame.
//! - **Components** ([`components`]): `DocSpace`, `Manager`, `RoomSelector`, `FileSelector`,
//!   `Editor`, `Viewer`, `PublicRoom`, `SystemFrame`, and [`login`] to share a session.
//! - **Texts** ([`texts`]): the components' words are English unless the app provides its own
//!   ([`texts::provide_texts`]), so an app in another language translates them in one place.
//! - **Bootstrap** ([`Bootstrap`], the recommended way to embed): a small inline script in the
//!   page's HTML creates the frame while the page is parsed, without waiting for the wasm; the
//!   component adopts it when it mounts and owns it from then on, as if it had created it.

#![warn(missing_docs)]

mod boot;
pub mod bridge;
pub mod components;
pub mod config;
mod diagnostics;
mod error;
mod events;
mod loader;
mod login;
pub mod model;
#[cfg(feature = "picker")]
pub mod picker;
mod preflight;
mod protocol;
mod scan;
pub mod texts;
mod vec_map;
mod weburl;

pub use boot::{BOOTSTRAP_JS, BootHandler, Bootstrap};
pub use bridge::{Applied, BridgeStats, Frame, FrameOptions, FrameStatus, bridge_stats};
pub use config::modes::{
    EditorConfig, FileSelectorConfig, ManagerConfig, PublicRoomConfig, RoomSelectorConfig,
    SystemConfig, ViewerConfig,
};
pub use config::{
    Anonymous, ConfigChange, EditorAction, EditorCustomization, EditorType, Filter, FilterParam,
    FrameConfig, FrameType, HeaderBanner, Mode, RoomType, SelectorType, ShareKey, SortBy,
    SortOrder, Theme, ViewAs, culture_for_language,
};
pub use diagnostics::Diagnosis;
pub use error::SdkError;
pub use events::{FrameEvent, FrameEvents};
pub use loader::{LoadedSdk, SdkVersion, load_sdk};
pub use login::{login, login_with};
pub use model::{
    EditorOpen, EditorScript, FileItem, FileType, FolderInfo, FolderItem, HashSettings, Item,
    ItemId, LoginOutcome, Modal, NewFile, NewRoom, Password, PasswordHash, PathPart, RequestToken,
    RoomItem, RoomsPage, RoomsQuery, UserInfo,
};
pub use preflight::{origin_allowed, portal_reachable};
pub use protocol::Method;
