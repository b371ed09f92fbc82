//! One typed entry point per mode: each offers only the settings its frame reads, and asks for
//! what the mode needs (a file for the editor, a share key for a public room).

use super::{
    EditorCustomization, EditorType, FilterParam, FrameConfig, FrameType, HeaderBanner, Mode,
    RoomType, SelectorType, ShareKey, Theme, ViewAs,
};
use crate::config::Filter;
use crate::model::ItemId;

/// Forwards builder setters to the wrapped [`FrameConfig`].
macro_rules! forward {
    ($( $(#[$doc:meta])* $name:ident ( $ty:ty ) ),+ $(,)?) => {
        $(
            $(#[$doc])*
            pub fn $name(self, value: $ty) -> Self {
                Self(self.0.$name(value))
            }
        )+
    };
}

/// Declares a mode's config type with the settings every mode shares.
macro_rules! mode_config {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name(FrameConfig);

        impl From<$name> for FrameConfig {
            fn from(c: $name) -> FrameConfig {
                c.0
            }
        }

        impl $name {
            /// The full config this builds.
            pub fn as_frame_config(&self) -> &FrameConfig {
                &self.0
            }

            forward! {
                /// CSS width (default `100%`).
                width(impl Into<String>),
                /// CSS height (default `100%`).
                height(impl Into<String>),
                /// Colour theme (default system).
                theme(Theme),
                /// Interface language, e.g. `"en-US"`.
                locale(impl Into<String>),
                /// Check the portal's allowed-domains list first (default true).
                check_csp(bool),
                /// Desktop or mobile layout.
                frame_type(FrameType),
                /// HTML api.js leaves behind after destroying the frame.
                destroy_text(impl Into<String>),
            }
        }
    };
}

mode_config! {
    /// The file manager (`mode: "manager"`).
    ///
    /// ```
    /// use docspace_sdk::{ManagerConfig, FrameConfig, ViewAs};
    /// let cfg: FrameConfig = ManagerConfig::new().folder(12).show_menu(true).view_as(ViewAs::Table).into();
    /// assert!(cfg.frame_path(false).starts_with("/rooms/shared/12/filter?"));
    /// ```
    ManagerConfig
}

impl Default for ManagerConfig {
    fn default() -> Self {
        ManagerConfig::new()
    }
}

impl ManagerConfig {
    /// The manager with the official defaults: the shared rooms list.
    pub fn new() -> Self {
        ManagerConfig(FrameConfig::new(Mode::Manager))
    }

    /// Open this room or folder.
    pub fn folder(self, id: impl Into<ItemId>) -> Self {
        ManagerConfig(self.0.id(id))
    }

    /// Open a public room by its share key.
    pub fn share_key(self, key: impl Into<ShareKey>) -> Self {
        ManagerConfig(self.0.request_token(key))
    }

    forward! {
        /// The section (default `/rooms/shared/`).
        root_path(impl Into<String>),
        /// Paging, sorting and search.
        filter(Filter),
        /// Navigation header.
        show_header(bool),
        /// Banners.
        show_header_banner(HeaderBanner),
        /// Section title.
        show_title(bool),
        /// Left menu.
        show_menu(bool),
        /// Filter bar.
        show_filter(bool),
        /// Sign-out entry.
        show_sign_out(bool),
        /// Table settings.
        show_settings(bool),
        /// List layout (changed live).
        view_as(ViewAs),
        /// Table columns.
        view_table_columns(impl Into<String>),
        /// Disable the "+" button.
        disable_action_button(bool),
        /// Send downloads to `on_download`.
        download_to_event(bool),
        /// Info panel.
        info_panel_visible(bool),
    }
}

/// Declares the room and file selectors, which share their dialog's settings.
macro_rules! selector_config {
    ($(#[$meta:meta])* $name:ident, $mode:expr) => {
        mode_config! { $(#[$meta])* $name }

        impl Default for $name {
            fn default() -> Self {
                $name::new()
            }
        }

        impl $name {
            /// The selector with the official defaults.
            pub fn new() -> Self {
                $name(FrameConfig::new($mode))
            }

            forward! {
                /// Offer only rooms of this type.
                room_type(RoomType),
                /// Accept button label.
                accept_button_label(impl Into<String>),
                /// Cancel button label.
                cancel_button_label(impl Into<String>),
                /// Show the cancel button.
                show_selector_cancel(bool),
                /// Show the header.
                show_selector_header(bool),
                /// Search box.
                with_search(bool),
            }
        }
    };
}

selector_config! {
    /// The room selector dialog (`mode: "room-selector"`). Selections arrive as
    /// `Vec<Item>` of rooms, with share keys for shared rooms.
    ///
    /// ```
    /// use docspace_sdk::{RoomSelectorConfig, RoomType};
    /// let cfg = RoomSelectorConfig::new().room_type(RoomType::Public).accept_button_label("Use room");
    /// assert!(cfg.as_frame_config().frame_path(false).contains("roomType=6"));
    /// ```
    RoomSelectorConfig, Mode::RoomSelector
}

selector_config! {
    /// The file selector dialog (`mode: "file-selector"`). Selections arrive as `Vec<Item>` of
    /// one file.
    ///
    /// ```
    /// use docspace_sdk::{FileSelectorConfig, FilterParam, SelectorType};
    /// let cfg = FileSelectorConfig::new().filter_param(FilterParam::Docx).selector_type(SelectorType::RoomsOnly);
    /// assert!(cfg.as_frame_config().frame_path(false).contains("filter=DOCX"));
    /// ```
    FileSelectorConfig, Mode::FileSelector
}

impl FileSelectorConfig {
    /// Start in this folder or room (numeric ids; others start at the rooms list).
    pub fn folder(self, id: impl Into<ItemId>) -> Self {
        FileSelectorConfig(self.0.id(id))
    }

    forward! {
        /// What to browse.
        selector_type(SelectorType),
        /// Which files to offer.
        filter_param(FilterParam),
        /// Breadcrumbs.
        with_bread_crumbs(bool),
        /// Subtitle.
        with_subtitle(bool),
    }
}

/// Declares the editor and the viewer, which share their settings.
macro_rules! document_config {
    ($(#[$meta:meta])* $name:ident, $mode:expr) => {
        mode_config! { $(#[$meta])* $name }

        impl $name {
            /// Opens the file `file_id`.
            pub fn new(file_id: impl Into<ItemId>) -> Self {
                $name(FrameConfig::new($mode).id(file_id))
            }

            /// Opens a shared file by its share key.
            pub fn share_key(self, key: impl Into<ShareKey>) -> Self {
                $name(self.0.request_token(key))
            }

            forward! {
                /// Editor layout.
                editor_type(EditorType),
                /// Show a way back (default true).
                editor_go_back(bool),
                /// Editor options.
                editor_customization(EditorCustomization),
            }
        }
    };
}

document_config! {
    /// The document editor (`mode: "editor"`).
    ///
    /// ```
    /// use docspace_sdk::EditorConfig;
    /// let cfg = EditorConfig::new(42);
    /// assert!(cfg.as_frame_config().frame_path(false).contains("fileId=42"));
    /// ```
    EditorConfig, Mode::Editor
}

document_config! {
    /// The read-only viewer (`mode: "viewer"`).
    ///
    /// ```
    /// use docspace_sdk::ViewerConfig;
    /// assert!(ViewerConfig::new(42).as_frame_config().frame_path(false).ends_with("action=view"));
    /// ```
    ViewerConfig, Mode::Viewer
}

mode_config! {
    /// A public room opened by its share key (`mode: "public-room"`).
    ///
    /// ```
    /// use docspace_sdk::PublicRoomConfig;
    /// let cfg = PublicRoomConfig::new("key-from-the-room-link").show_filter(true);
    /// assert!(cfg.as_frame_config().frame_path(false).starts_with("/sdk/public-room?"));
    /// ```
    PublicRoomConfig
}

impl PublicRoomConfig {
    /// Opens the public room whose link carries `key`.
    pub fn new(key: impl Into<ShareKey>) -> Self {
        PublicRoomConfig(FrameConfig::new(Mode::PublicRoom).request_token(key))
    }

    /// Open this folder of the room.
    pub fn folder(self, id: impl Into<ItemId>) -> Self {
        PublicRoomConfig(self.0.id(id))
    }

    forward! {
        /// Filter bar.
        show_filter(bool),
        /// Header (passed, unused by current DocSpace).
        show_header(bool),
        /// Title.
        show_title(bool),
        /// Send downloads to `on_download`.
        download_to_event(bool),
    }
}

mode_config! {
    /// The invisible system frame, for sign-in and user calls (`mode: "system"`).
    ///
    /// ```
    /// use docspace_sdk::SystemConfig;
    /// assert_eq!(SystemConfig::new().as_frame_config().frame_path(false), "/old-sdk/system?theme=System");
    /// ```
    SystemConfig
}

impl Default for SystemConfig {
    fn default() -> Self {
        SystemConfig::new()
    }
}

impl SystemConfig {
    /// The system frame with the official defaults.
    pub fn new() -> Self {
        SystemConfig(FrameConfig::new(Mode::System))
    }
}
