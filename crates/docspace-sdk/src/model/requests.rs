//! Arguments of the methods that query or create things in the manager.

use serde_json::{Map, Value};

use crate::config::{RoomType, SortBy, SortOrder};
use crate::error::SdkError;
use crate::model::ItemId;

/// The filter of `getRooms`, in DocSpace's `RoomsFilter` names (which differ from the manager
/// URL's [`Filter`](crate::Filter): `pageCount`, `filterValue`; pages count from 0).
///
/// ```
/// use docspace_sdk::{RoomsQuery, RoomType};
/// let q = RoomsQuery::new().search("plan").room_type(RoomType::Custom).page_count(10);
/// assert_eq!(q.to_json(), serde_json::json!({"filterValue": "plan", "type": 5, "pageCount": 10}));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoomsQuery(Map<String, Value>);

impl RoomsQuery {
    /// DocSpace's defaults (first page of 25 rooms, newest first).
    pub fn new() -> Self {
        RoomsQuery::default()
    }

    fn with(mut self, key: &str, value: Value) -> Self {
        self.0.insert(key.into(), value);
        self
    }

    /// Page, from 0.
    pub fn page(self, page: u32) -> Self {
        self.with("page", page.into())
    }

    /// Rooms per page.
    pub fn page_count(self, count: u32) -> Self {
        self.with("pageCount", count.into())
    }

    /// Search text.
    pub fn search(self, text: impl Into<String>) -> Self {
        self.with("filterValue", Value::from(text.into()))
    }

    /// Only rooms of this type.
    pub fn room_type(self, room_type: RoomType) -> Self {
        self.with("type", i64::from(room_type.value()).into())
    }

    /// Only rooms with these tags.
    pub fn tags(self, tags: impl IntoIterator<Item = impl Into<String>>) -> Self {
        let tags: Vec<Value> = tags.into_iter().map(|t| Value::from(t.into())).collect();
        self.with("tags", Value::Array(tags))
    }

    /// Sort key.
    pub fn sort_by(self, by: SortBy) -> Self {
        self.with("sortBy", by.as_str().into())
    }

    /// Sort direction.
    pub fn sort_order(self, order: SortOrder) -> Self {
        self.with("sortOrder", order.as_str().into())
    }

    /// Any other `RoomsFilter` field, as is.
    pub fn raw(self, key: impl Into<String>, value: Value) -> Self {
        let key = key.into();
        self.with(&key, value)
    }

    /// The object sent to the frame.
    pub fn to_json(&self) -> Value {
        Value::Object(self.0.clone())
    }
}

/// A room to create (`createRoom`).
///
/// ```
/// use docspace_sdk::{NewRoom, RoomType};
/// let room = NewRoom::new("Contracts", RoomType::Custom).tags(["legal"]).color("5299E0");
/// assert_eq!(room.title(), "Contracts");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct NewRoom {
    pub(crate) title: String,
    pub(crate) room_type: RoomType,
    pub(crate) quota: Option<i64>,
    pub(crate) tags: Option<Vec<String>>,
    pub(crate) color: Option<String>,
    pub(crate) cover: Option<String>,
    pub(crate) indexing: Option<bool>,
    pub(crate) deny_download: Option<bool>,
}

impl NewRoom {
    /// A room named `title` of `room_type`.
    pub fn new(title: impl Into<String>, room_type: RoomType) -> Self {
        NewRoom {
            title: title.into(),
            room_type,
            quota: None,
            tags: None,
            color: None,
            cover: None,
            indexing: None,
            deny_download: None,
        }
    }

    /// The room's name.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Storage quota in bytes (`-1`: unlimited).
    pub fn quota(mut self, bytes: i64) -> Self {
        self.quota = Some(bytes);
        self
    }

    /// Tags (created when missing).
    pub fn tags(mut self, tags: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.tags = Some(tags.into_iter().map(Into::into).collect());
        self
    }

    /// Logo colour, hex without `#`.
    pub fn color(mut self, hex: impl Into<String>) -> Self {
        self.color = Some(hex.into());
        self
    }

    /// Logo cover id.
    pub fn cover(mut self, cover: impl Into<String>) -> Self {
        self.cover = Some(cover.into());
        self
    }

    /// Number the files (virtual data rooms).
    pub fn indexing(mut self, yes: bool) -> Self {
        self.indexing = Some(yes);
        self
    }

    /// Forbid downloads (virtual data rooms).
    pub fn deny_download(mut self, yes: bool) -> Self {
        self.deny_download = Some(yes);
        self
    }

    pub(crate) fn validate(&self) -> Result<(), SdkError> {
        non_empty_title(&self.title)
    }
}

/// A file to create (`createFile`).
///
/// ```
/// use docspace_sdk::NewFile;
/// let f = NewFile::new(12, "Notes.docx");
/// assert_eq!(f.title(), "Notes.docx");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct NewFile {
    pub(crate) folder_id: ItemId,
    pub(crate) title: String,
    pub(crate) template_id: Option<ItemId>,
    pub(crate) form_id: Option<ItemId>,
}

impl NewFile {
    /// A file named `title` (its extension picks the type) in `folder_id`.
    pub fn new(folder_id: impl Into<ItemId>, title: impl Into<String>) -> Self {
        NewFile {
            folder_id: folder_id.into(),
            title: title.into(),
            template_id: None,
            form_id: None,
        }
    }

    /// The file's name.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Create it from this template file.
    pub fn template(mut self, id: impl Into<ItemId>) -> Self {
        self.template_id = Some(id.into());
        self
    }

    /// Create it from this form.
    pub fn form(mut self, id: impl Into<ItemId>) -> Self {
        self.form_id = Some(id.into());
        self
    }

    pub(crate) fn validate(&self) -> Result<(), SdkError> {
        non_empty_title(&self.title)
    }
}

pub(crate) fn non_empty_title(title: &str) -> Result<(), SdkError> {
    if title.trim().is_empty() {
        Err(SdkError::InvalidArgument("the title is empty".into()))
    } else {
        Ok(())
    }
}

/// A dialog the manager can open (`openModal`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modal {
    /// "New file" with this extension (e.g. `"docx"`).
    CreateFile {
        /// The extension.
        extension: String,
    },
    /// "New folder".
    CreateFolder,
    /// "New room".
    CreateRoom,
}

impl Modal {
    /// `(type, options)` as api.js sends them.
    pub(crate) fn wire(&self) -> (&'static str, Value) {
        match self {
            Modal::CreateFile { extension } => ("CreateFile", Value::from(extension.clone())),
            Modal::CreateFolder => ("CreateFolder", Value::Null),
            Modal::CreateRoom => ("CreateRoom", Value::Null),
        }
    }
}

/// JavaScript run inside the editor's page (`executeInEditor`): the source of a function
/// `(instance, asc, data) => …`, where DocSpace passes the Document Server editor instance,
/// `window.Asc` (not `data`, despite the SDK's typing) and `data`.
///
/// The code runs with the portal's rights in the editor's origin: only ever pass code your app
/// ships, never text from users.
///
/// ```
/// use docspace_sdk::EditorScript;
/// let s = EditorScript::new("function (instance) { instance.createConnector(); }");
/// assert!(s.source().starts_with("function"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorScript(String);

impl EditorScript {
    /// Wraps a function's source text.
    pub fn new(source: impl Into<String>) -> Self {
        EditorScript(source.into())
    }

    /// The source text.
    pub fn source(&self) -> &str {
        &self.0
    }
}
