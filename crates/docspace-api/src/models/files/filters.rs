//! What a folder listing keeps: DocSpace's `filterType` and `applyFilterOption`.

use crate::models::macros::int_enum;

int_enum! {
    /// What a folder listing keeps (`filterType`).
    ///
    /// ```
    /// assert_eq!(docspace_api::models::FilterType::FoldersOnly.value(), 2);
    /// ```
    pub enum FilterType {
        /// Everything.
        None = 0 => "None",
        /// Files only.
        FilesOnly = 1 => "FilesOnly",
        /// Folders only.
        FoldersOnly = 2 => "FoldersOnly",
        /// Documents.
        DocumentsOnly = 3 => "DocumentsOnly",
        /// Presentations.
        PresentationsOnly = 4 => "PresentationsOnly",
        /// Spreadsheets.
        SpreadsheetsOnly = 5 => "SpreadsheetsOnly",
        /// Images.
        ImagesOnly = 7 => "ImagesOnly",
        /// By user.
        ByUser = 8 => "ByUser",
        /// By department.
        ByDepartment = 9 => "ByDepartment",
        /// Archives.
        ArchiveOnly = 10 => "ArchiveOnly",
        /// By extension.
        ByExtension = 11 => "ByExtension",
        /// Media.
        MediaOnly = 12 => "MediaOnly",
        /// Form filling rooms.
        FillingFormsRooms = 13 => "FillingFormsRooms",
        /// Collaboration rooms.
        EditingRooms = 14 => "EditingRooms",
        /// Custom rooms.
        CustomRooms = 17 => "CustomRooms",
        /// Public rooms.
        PublicRooms = 20 => "PublicRooms",
        /// PDF.
        Pdf = 22 => "Pdf",
        /// PDF forms.
        PdfForm = 23 => "PdfForm",
        /// Virtual data rooms.
        VirtualDataRooms = 24 => "VirtualDataRooms",
        /// Diagrams.
        DiagramsOnly = 25 => "DiagramsOnly",
        /// AI rooms.
        AiRooms = 26 => "AiRooms",
    }
}

int_enum! {
    /// Whether a listing returns files, folders or both (`applyFilterOption`).
    ///
    /// ```
    /// assert_eq!(docspace_api::models::ApplyFilterOption::Folders.value(), 2);
    /// ```
    pub enum ApplyFilterOption {
        /// Both.
        All = 0 => "All",
        /// Files.
        Files = 1 => "Files",
        /// Folders.
        Folders = 2 => "Folders",
    }
}
