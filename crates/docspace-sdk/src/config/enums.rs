//! The SDK's enums (`src/enums/index.ts` of `@onlyoffice/docspace-sdk-js`), with their wire values.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Declares a string enum with its exact wire values.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        ///
        #[doc = concat!("Every value round-trips through its wire spelling:\n```\nuse docspace_sdk::", stringify!($name), ";\nfor v in ", stringify!($name), "::ALL {\n    assert_eq!(", stringify!($name), "::from_wire(v.as_str()), Some(*v));\n}\n```")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as api.js and the frames spell it.
            ///
            #[doc = concat!("```\nuse docspace_sdk::", stringify!($name), ";\nassert!(!", stringify!($name), "::ALL[0].as_str().is_empty());\n```")]
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            /// Parses the wire spelling.
            ///
            #[doc = concat!("```\nuse docspace_sdk::", stringify!($name), ";\nassert_eq!(", stringify!($name), "::from_wire(\"no such value\"), None);\n```")]
            pub fn from_wire(s: &str) -> Option<$name> {
                match s { $($wire => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::from_wire(&s).ok_or_else(|| {
                    serde::de::Error::custom(format!(concat!("unknown ", stringify!($name), " `{}`"), s))
                })
            }
        }
    };
}

wire_enum! {
    /// What a frame shows (`SDKMode`).
    ///
    /// ```
    /// use docspace_sdk::Mode;
    /// assert_eq!(Mode::RoomSelector.as_str(), "room-selector");
    /// assert_eq!(Mode::from_wire("public-room"), Some(Mode::PublicRoom));
    /// ```
    Mode {
        /// The file manager: rooms, folders and files (`/rooms/shared/...`).
        Manager = "manager",
        /// A document editor (`/doceditor`).
        Editor = "editor",
        /// A read-only document viewer (`/doceditor?action=view`).
        Viewer = "viewer",
        /// A dialog to pick a room (`/sdk/room-selector`).
        RoomSelector = "room-selector",
        /// A dialog to pick a file (`/sdk/file-selector`).
        FileSelector = "file-selector",
        /// An invisible frame for calls such as sign-in (`/old-sdk/system`).
        System = "system",
        /// A public room opened by its link key (`/sdk/public-room`).
        PublicRoom = "public-room",
    }
}

impl Mode {
    /// Whether the frame's page sends `onAppReady` (manager, system, editor and viewer do; the
    /// `/sdk/*` pages never do).
    pub fn sends_app_ready(self) -> bool {
        matches!(
            self,
            Mode::Manager | Mode::System | Mode::Editor | Mode::Viewer
        )
    }

    /// Whether the mode is a selector dialog (which takes focus when it opens).
    pub fn is_selector(self) -> bool {
        matches!(self, Mode::RoomSelector | Mode::FileSelector)
    }

    /// A human name for titles and messages.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Manager => "DocSpace file manager",
            Mode::Editor => "DocSpace document editor",
            Mode::Viewer => "DocSpace document viewer",
            Mode::RoomSelector => "DocSpace room selector",
            Mode::FileSelector => "DocSpace file selector",
            Mode::System => "DocSpace system frame",
            Mode::PublicRoom => "DocSpace public room",
        }
    }
}

wire_enum! {
    /// The colour theme (`Theme`).
    Theme {
        /// Light.
        Base = "Base",
        /// Dark.
        Dark = "Dark",
        /// Follow the system setting (the default).
        System = "System",
    }
}

wire_enum! {
    /// How the editor is laid out (`EditorType`).
    EditorType {
        /// Full desktop editor (the default).
        Desktop = "desktop",
        /// Compact embedded viewer.
        Embedded = "embedded",
        /// Mobile layout.
        Mobile = "mobile",
    }
}

wire_enum! {
    /// The frame's layout (`type` in the config; api.js only treats `mobile` specially: fixed
    /// positioning and `overscroll-behavior-y: contain` on the page's body, which the bridge
    /// restores when the frame goes away).
    FrameType {
        /// Normal layout (the default).
        Desktop = "desktop",
        /// Full-screen mobile layout.
        Mobile = "mobile",
    }
}

wire_enum! {
    /// What the file selector lets the user browse (`SelectorFilterType`).
    SelectorType {
        /// Rooms and My documents (the default).
        All = "all",
        /// Rooms only.
        RoomsOnly = "roomsOnly",
        /// My documents only.
        UserFolderOnly = "userFolderOnly",
    }
}

wire_enum! {
    /// How the manager lists items (`ManagerViewMode`).
    ViewAs {
        /// Rows (the default).
        Row = "row",
        /// A table with columns.
        Table = "table",
        /// Tiles.
        Tile = "tile",
    }
}

wire_enum! {
    /// Sort direction of the manager's list (`FilterSortOrder`).
    SortOrder {
        /// A→Z, oldest first.
        Ascending = "ascending",
        /// Z→A, newest first (the default).
        Descending = "descending",
    }
}

wire_enum! {
    /// Sort key of the manager's list (`FilterSortBy`).
    SortBy {
        /// Author.
        Author = "Author",
        /// Creation date.
        CreationDate = "DateAndTimeCreation",
        /// Last opened.
        LastOpened = "LastOpened",
        /// Modification date (the default).
        ModifiedDate = "DateAndTime",
        /// Name.
        Name = "AZ",
        /// Room.
        Room = "Room",
        /// Room type.
        RoomType = "roomType",
        /// Size.
        Size = "Size",
        /// Tags.
        Tags = "Tags",
        /// Type.
        Type = "Type",
        /// Used space.
        UsedSpace = "usedspace",
    }
}

wire_enum! {
    /// Which banners the manager shows (`HeaderBannerDisplaying`).
    HeaderBanner {
        /// Every banner.
        All = "all",
        /// Information banners only.
        Info = "info",
        /// No banners (the default).
        None = "none",
    }
}

wire_enum! {
    /// The action the manager reports in `onEditorOpen`.
    EditorAction {
        /// Open for viewing.
        View = "view",
        /// Open to fill a form.
        Fill = "fill",
        /// Open for editing.
        Edit = "edit",
    }
}

/// A DocSpace room type (numeric on the wire; names are read too). Unknown numbers are kept.
/// The one definition lives in `docspace-types`, shared with the REST client and the portal.
///
/// ```
/// use docspace_sdk::RoomType;
/// assert_eq!(RoomType::Custom.value(), 5);
/// assert_eq!(RoomType::from_value(6), RoomType::Public);
/// assert_eq!(RoomType::from_value(42), RoomType::Unknown(42));
/// ```
pub use docspace_types::RoomType;

/// What files the file selector offers (`filterParam`, sent as `filter=` in its URL).
///
/// ```
/// use docspace_sdk::FilterParam;
/// assert_eq!(FilterParam::default().as_wire(), "ALL");
/// assert_eq!(FilterParam::Extensions("md,txt".into()).as_wire(), "md,txt");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum FilterParam {
    /// Every file (the default).
    #[default]
    All,
    /// `.docx` documents.
    Docx,
    /// Images.
    Images,
    /// Spreadsheets.
    Spreadsheets,
    /// PDF files.
    Pdf,
    /// Backups (`gz`, `tar`).
    BackupOnly,
    /// Everything the web editors open.
    EditorSupportedTypes,
    /// PDF types.
    PdfTypes,
    /// A numeric DocSpace `FilterType` (3 documents, 4 presentations, 5 spreadsheets, 7 images…).
    FilterType(i32),
    /// A list of extensions, e.g. `"md,txt"`.
    Extensions(String),
}

impl FilterParam {
    /// The value as the file selector reads it.
    pub fn as_wire(&self) -> String {
        match self {
            FilterParam::All => "ALL".into(),
            FilterParam::Docx => "DOCX".into(),
            FilterParam::Images => "IMG".into(),
            FilterParam::Spreadsheets => "XLSX".into(),
            FilterParam::Pdf => "PDF".into(),
            FilterParam::BackupOnly => "BackupOnly".into(),
            FilterParam::EditorSupportedTypes => "EditorSupportedTypes".into(),
            FilterParam::PdfTypes => "PDFTypes".into(),
            FilterParam::FilterType(n) => n.to_string(),
            FilterParam::Extensions(e) => e.clone(),
        }
    }
}

impl Serialize for FilterParam {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_wire())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_values_round_trip() {
        for m in Mode::ALL {
            assert_eq!(Mode::from_wire(m.as_str()), Some(*m));
        }
        assert_eq!(
            serde_json::to_value(SortBy::ModifiedDate).ok(),
            Some(serde_json::json!("DateAndTime"))
        );
        assert_eq!(
            serde_json::from_value::<Theme>(serde_json::json!("Dark")).ok(),
            Some(Theme::Dark)
        );
        assert!(serde_json::from_value::<Theme>(serde_json::json!("dark")).is_err());
    }

    #[test]
    fn room_types_accept_numbers_and_names() {
        let t: RoomType =
            serde_json::from_value(serde_json::json!(5)).unwrap_or(RoomType::Unknown(0));
        assert_eq!(t, RoomType::Custom);
        let t: RoomType =
            serde_json::from_value(serde_json::json!("PublicRoom")).unwrap_or(RoomType::Unknown(0));
        assert_eq!(t, RoomType::Public);
        assert_eq!(
            serde_json::to_value(RoomType::Ai).ok(),
            Some(serde_json::json!(9))
        );
    }

    #[test]
    fn only_some_modes_send_app_ready() {
        assert!(Mode::Manager.sends_app_ready());
        assert!(!Mode::RoomSelector.sends_app_ready());
        assert!(!Mode::PublicRoom.sends_app_ready());
    }
}
