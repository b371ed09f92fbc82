//! Which levels a file may be shared with, and how many links it may have
//! (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Core/Core/Security/FileSecurity.cs`).

use crate::db::entries;
use crate::permissions::share;

/// Who a level on a file is given to (`SubjectType`; the names are the keys of
/// `availableShareRights`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// A portal user (0).
    User,
    /// An external link other than the primary (1).
    ExternalLink,
    /// A group (2).
    Group,
    /// The primary external link (4).
    PrimaryExternalLink,
}

impl Subject {
    /// `SubjectType`'s name.
    pub fn name(self) -> &'static str {
        match self {
            Subject::User => "User",
            Subject::ExternalLink => "ExternalLink",
            Subject::Group => "Group",
            Subject::PrimaryExternalLink => "PrimaryExternalLink",
        }
    }
}

/// Where a file is and who asks, for [`file_accesses`].
pub struct FileSharing<'a> {
    /// The file's title (its extension decides what the editors can do).
    pub title: &'a str,
    /// The `RoomType` of the room the file is in, if any.
    pub room_type: Option<i64>,
    /// Whether the file is in My documents (`FolderType.USER`).
    pub in_my_documents: bool,
    /// Whether the caller created the file.
    pub by_creator: bool,
}

/// `FileSecurity.GetAccesses(File)` (ONLYOFFICE/DocSpace-server:
/// `products/ASC.Files/Core/Core/Security/FileSecurity.cs`): the levels each kind of subject may
/// be given on a file, as its `availableShareRights` lists them and as a link request is checked
/// against them.
/// - The candidates come from `_availableRoomFileAccesses`: in My documents users and groups get
///   ReadWrite, Editing, FillForms, Review, Comment, Read, Restrict and None, and links the
///   default list; in a form-filling room links get FillForms and None; in every other room links
///   get the default list (`DefaultFileAccess`: Editing, FillForms, Review, Comment, Read, None).
///   A file in no room and not in My documents gets nothing.
/// - Read and Restrict stay (Read not on a form); None only for the file's creator, or when a
///   link's level is being checked (`subjectTypeForCheck`); Editing, Review and Comment only for
///   a file the editors edit, review or comment (the document server's `extsWebEdited`,
///   `…Reviewed`, `…Commented`); FillForms only on a form in a form-filling room.
/// - This portal has no PDF forms: a file in a form-filling room stands for the form it would be
///   there, any other file is not a form. Nor does it convert: no format "must convert" first.
pub fn file_accesses(file: &FileSharing, checking: Option<Subject>) -> Vec<(Subject, Vec<i64>)> {
    use share::*;
    const DEFAULT_LINK: [i64; 6] = [EDITING, FILL_FORMS, REVIEW, COMMENT, READ, NONE];
    const FILL_LINK: [i64; 2] = [FILL_FORMS, NONE];
    const PERSONAL: [i64; 8] = [
        READ_WRITE, EDITING, FILL_FORMS, REVIEW, COMMENT, READ, RESTRICT, NONE,
    ];
    let candidates: Vec<(Subject, &[i64])> = match (file.in_my_documents, file.room_type) {
        (true, _) => vec![
            (Subject::User, &PERSONAL),
            (Subject::ExternalLink, &DEFAULT_LINK),
            (Subject::Group, &PERSONAL),
            (Subject::PrimaryExternalLink, &DEFAULT_LINK),
        ],
        (false, Some(FILLING_FORMS_ROOM)) => vec![
            (Subject::ExternalLink, &FILL_LINK),
            (Subject::PrimaryExternalLink, &FILL_LINK),
        ],
        (false, Some(_)) => vec![
            (Subject::ExternalLink, &DEFAULT_LINK),
            (Subject::PrimaryExternalLink, &DEFAULT_LINK),
        ],
        (false, None) => Vec::new(),
    };
    let form = file.room_type == Some(FILLING_FORMS_ROOM);
    let ext = entries::split_ext(file.title).1.to_ascii_lowercase();
    let edited = matches!(
        ext.as_str(),
        ".docx" | ".xlsx" | ".pptx" | ".txt" | ".csv" | ".odt" | ".ods" | ".odp" | ".rtf" | ".md"
    );
    let reviewed = matches!(ext.as_str(), ".docx" | ".odt");
    let commented = matches!(
        ext.as_str(),
        ".docx" | ".xlsx" | ".pptx" | ".odt" | ".ods" | ".odp"
    );
    let checking_link = matches!(
        checking,
        Some(Subject::ExternalLink | Subject::PrimaryExternalLink)
    );
    let allowed = |level: i64| match level {
        RESTRICT | READ_WRITE => true,
        READ => !form,
        NONE => file.by_creator || checking_link,
        EDITING => !form && edited,
        FILL_FORMS => form,
        REVIEW => !form && reviewed,
        COMMENT => !form && commented,
        _ => false,
    };
    candidates
        .into_iter()
        .map(|(subject, levels)| {
            let kept = levels.iter().copied().filter(|l| allowed(*l)).collect();
            (subject, kept)
        })
        .collect()
}

/// `RoomType.FillingFormsRoom`.
const FILLING_FORMS_ROOM: i64 = 1;

/// Most links of one kind a file may have (`FileSecurity._linkCountRoomFileSettingsAccesses`):
/// in a public room one primary and 5 more, in a form-filling room one primary and no other,
/// elsewhere 6 (and primary links counted against the same 6).
pub fn max_links(room_type: Option<i64>, primary: bool) -> i64 {
    match (room_type, primary) {
        (Some(6), true) | (Some(1), true) => 1,
        (Some(6), false) => 5,
        (Some(1), false) => 0,
        _ => 6,
    }
}
