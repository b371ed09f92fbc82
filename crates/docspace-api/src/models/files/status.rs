//! The state of a file and of its thumbnail.

use crate::models::macros::{flags, int_enum};

int_enum! {
    /// Thumbnail generation state.
    ///
    /// ```
    /// assert_eq!(docspace_api::models::ThumbnailStatus::Created.value(), 1);
    /// ```
    pub enum ThumbnailStatus {
        /// Waiting.
        Waiting = 0 => "Waiting",
        /// Ready.
        Created = 1 => "Created",
        /// Failed.
        Error = 2 => "Error",
        /// Not needed.
        NotRequired = 3 => "NotRequired",
        /// Being made.
        Creating = 4 => "Creating",
    }
}

flags! {
    /// State flags of a file (`fileStatus`).
    ///
    /// ```
    /// use docspace_api::models::FileStatus;
    /// let s = FileStatus(2 | 32);
    /// assert!(s.contains(FileStatus::IS_NEW) && s.contains(FileStatus::IS_FAVORITE));
    /// ```
    pub struct FileStatus {
        /// Being edited.
        const IS_EDITING = 1;
        /// New for the caller.
        const IS_NEW = 2;
        /// Being converted.
        const IS_CONVERTING = 4;
        /// Kept in its original format.
        const IS_ORIGINAL = 8;
        /// Edited by one user.
        const IS_EDITING_ALONE = 16;
        /// A favorite.
        const IS_FAVORITE = 32;
        /// A template.
        const IS_TEMPLATE = 64;
        /// A form-filling draft.
        const IS_FILL_FORM_DRAFT = 128;
        /// A completed form.
        const IS_COMPLETED_FORM = 256;
    }
}
