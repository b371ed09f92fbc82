//! Folder, file and entry types, and the access levels (`FileShare`) of DocSpace.
//!
//! Sources: ONLYOFFICE/DocSpace-server `products/ASC.Files/Core/Core/Security/FileShare.cs`
//! (access levels); the official SDKs generated from DocSpace's API description:
//! ONLYOFFICE/docspace-api-sdk-typescript `docs/FolderType.md`, and the Python SDK
//! (`docspace-api-sdk` on PyPI) `docspace_api_sdk/models/file_type.py`, `file_entry_type.py`.

crate::int_enum! {
    /// The type of a folder, of a section (`rootFolderType`), or of a room (`parentRoomType`).
    ///
    /// ```
    /// assert_eq!(docspace_types::FolderType::VirtualRooms.value(), 14);
    /// ```
    pub enum FolderType {
        /// An ordinary folder.
        Default = 0 => "DEFAULT",
        /// Common documents.
        Common = 1 => "COMMON",
        /// Bunch.
        Bunch = 2 => "BUNCH",
        /// Trash.
        Trash = 3 => "TRASH",
        /// My documents.
        User = 5 => "USER",
        /// Shared with me.
        Share = 6 => "SHARE",
        /// Projects.
        Projects = 8 => "Projects",
        /// Favorites.
        Favorites = 10 => "Favorites",
        /// Recent.
        Recent = 11 => "Recent",
        /// Templates.
        Templates = 12 => "Templates",
        /// Privacy.
        Privacy = 13 => "Privacy",
        /// The Rooms section.
        VirtualRooms = 14 => "VirtualRooms",
        /// A form filling room.
        FillingFormsRoom = 15 => "FillingFormsRoom",
        /// A collaboration room.
        EditingRoom = 16 => "EditingRoom",
        /// A custom room.
        CustomRoom = 19 => "CustomRoom",
        /// The Archive section.
        Archive = 20 => "Archive",
        /// Third-party backup.
        ThirdpartyBackup = 21 => "ThirdpartyBackup",
        /// A public room.
        PublicRoom = 22 => "PublicRoom",
        /// Ready forms.
        ReadyFormFolder = 25 => "ReadyFormFolder",
        /// Forms in process.
        InProcessFormFolder = 26 => "InProcessFormFolder",
        /// Filled forms.
        FormFillingFolderDone = 27 => "FormFillingFolderDone",
        /// Forms being filled.
        FormFillingFolderInProgress = 28 => "FormFillingFolderInProgress",
        /// A virtual data room.
        VirtualDataRoom = 29 => "VirtualDataRoom",
        /// Room templates.
        RoomTemplates = 30 => "RoomTemplates",
        /// An AI room.
        AiRoom = 31 => "AiRoom",
        /// Knowledge.
        Knowledge = 32 => "Knowledge",
        /// Result storage.
        ResultStorage = 33 => "ResultStorage",
        /// AI agents.
        AiAgents = 34 => "AiAgents",
        /// Default templates.
        DefaultTemplates = 35 => "DefaultTemplates",
    }
}

crate::int_enum! {
    /// An access level (the caller's `access`, members, invitations, links).
    ///
    /// ```
    /// use docspace_types::FileShare;
    /// assert_eq!(FileShare::RoomManager.value(), 9);
    /// assert_eq!(FileShare::from_name("ContentCreator"), Some(FileShare::ContentCreator));
    /// ```
    pub enum FileShare {
        /// No access (removes a member, revokes a link).
        None = 0 => "None",
        /// Full access.
        ReadWrite = 1 => "ReadWrite",
        /// Viewer.
        Read = 2 => "Read",
        /// Denied.
        Restrict = 3 => "Restrict",
        /// Mixed.
        Varies = 4 => "Varies",
        /// Reviewer.
        Review = 5 => "Review",
        /// Commenter.
        Comment = 6 => "Comment",
        /// Form filler.
        FillForms = 7 => "FillForms",
        /// Custom filter.
        CustomFilter = 8 => "CustomFilter",
        /// Room manager.
        RoomManager = 9 => "RoomManager",
        /// Editor.
        Editing = 10 => "Editing",
        /// Content creator.
        ContentCreator = 11 => "ContentCreator",
    }
}

crate::int_enum! {
    /// What kind of document a file is.
    ///
    /// ```
    /// assert_eq!(docspace_types::FileType::Spreadsheet.value(), 5);
    /// ```
    pub enum FileType {
        /// Not recognised.
        Unrecognised = 0 => "Unknown",
        /// Archive.
        Archive = 1 => "Archive",
        /// Video.
        Video = 2 => "Video",
        /// Audio.
        Audio = 3 => "Audio",
        /// Image.
        Image = 4 => "Image",
        /// Spreadsheet.
        Spreadsheet = 5 => "Spreadsheet",
        /// Presentation.
        Presentation = 6 => "Presentation",
        /// Text document.
        Document = 7 => "Document",
        /// PDF.
        Pdf = 10 => "Pdf",
        /// Diagram.
        Diagram = 11 => "Diagram",
    }
}

crate::int_enum! {
    /// Whether an entry is a folder or a file.
    ///
    /// ```
    /// assert_eq!(docspace_types::FileEntryType::File.value(), 2);
    /// ```
    pub enum FileEntryType {
        /// A folder (or room).
        Folder = 1 => "Folder",
        /// A file.
        File = 2 => "File",
    }
}
