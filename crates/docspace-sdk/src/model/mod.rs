//! Typed data the frames send: items (rooms, folders, files), the user, sign-in values, room
//! lists, and the arguments of the methods that create things.
//!
//! Every item type keeps the fields it does not name in `extra`, so nothing DocSpace sends is
//! lost when a new version adds fields.

mod auth;
mod decode;
mod file_type;
mod id;
mod item;
mod requests;
mod user;

pub(crate) use auth::login_outcome;
pub use auth::{HashSettings, LoginOutcome, Password, PasswordHash};
pub use file_type::FileType;
pub use id::ItemId;
pub use item::{
    EditorOpen, FileItem, FolderInfo, FolderItem, Item, PathPart, RequestToken, RoomItem, RoomsPage,
};
pub(crate) use requests::non_empty_title;
pub use requests::{EditorScript, Modal, NewFile, NewRoom, RoomsQuery};
pub use user::UserInfo;
