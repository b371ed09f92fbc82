//! Rooms, folders and files as the frames report them, and the typed union [`Item`].

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::config::{EditorAction, RoomType, ShareKey};
use crate::model::{FileType, ItemId};

/// A share link of a room or file, as selectors attach it to shared items.
///
/// ```
/// use docspace_sdk::RequestToken;
/// let t: RequestToken = serde_json::from_str(r#"{"id":"5b","primary":true,"title":"Link","requestToken":"k"}"#).unwrap();
/// assert_eq!(t.request_token.expose(), "k");
/// ```
// `Deserialize` is in `decode.rs`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestToken {
    /// The link's id.
    #[serde(default)]
    pub id: Option<ItemId>,
    /// Whether it is the room's primary link.
    #[serde(default)]
    pub primary: bool,
    /// The link's title.
    #[serde(default)]
    pub title: Option<String>,
    /// The share key (opens the item without an account).
    pub request_token: ShareKey,
}

impl Serialize for ShareKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.expose())
    }
}

impl<'de> Deserialize<'de> for ShareKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(ShareKey::new)
    }
}

/// Declares one of the item structs: its doc, `id`, `title`, the fields of its kind (each
/// defaulted when DocSpace leaves it out) and `extra`, everything else DocSpace sent.
macro_rules! item_struct {
    (
        $(#[$doc:meta])*
        $name:ident($what:literal) {
            $( $(#[$field_doc:meta])* $field:ident: $ty:ty, )*
        }
        $extra_doc:literal
    ) => {
        $(#[$doc])*
        // `Deserialize` is in `decode.rs`.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            #[doc = concat!("The ", $what, "'s id.")]
            pub id: ItemId,
            #[doc = concat!("The ", $what, "'s name.")]
            #[serde(default)]
            pub title: String,
            $(
                $(#[$field_doc])*
                #[serde(default)]
                pub $field: $ty,
            )*
            #[doc = $extra_doc]
            #[serde(flatten)]
            pub extra: Map<String, Value>,
        }
    };
}

item_struct! {
    /// A room.
    ///
    /// ```
    /// use docspace_sdk::{RoomItem, RoomType};
    /// let r: RoomItem = serde_json::from_str(r#"{"id":9,"title":"Team","roomType":2,"pinned":true}"#).unwrap();
    /// assert_eq!(r.room_type, Some(RoomType::Editing));
    /// assert_eq!(r.extra["pinned"], true);
    /// ```
    RoomItem("room") {
        /// The room's type.
        room_type: Option<RoomType>,
        /// The parent (the rooms section).
        parent_id: Option<ItemId>,
        /// Files directly inside.
        files_count: Option<u64>,
        /// Folders directly inside.
        folders_count: Option<u64>,
        /// Whether the room has external links.
        shared: Option<bool>,
        /// Tags.
        tags: Vec<String>,
        /// Icon URL (selectors set it from the logo or the room type).
        icon: Option<String>,
        /// Share links, for shared rooms picked in the room selector.
        request_tokens: Vec<RequestToken>,
    }
    "Everything else DocSpace sent (`logo`, `security`, `created`, …)."
}

item_struct! {
    /// A folder.
    ///
    /// ```
    /// use docspace_sdk::{FolderItem, ItemId};
    /// let f: FolderItem = serde_json::from_str(r#"{"id":3,"title":"Drafts","parentId":9}"#).unwrap();
    /// assert_eq!(f.parent_id, Some(ItemId::Number(9)));
    /// ```
    FolderItem("folder") {
        /// The parent folder or room.
        parent_id: Option<ItemId>,
        /// Files directly inside.
        files_count: Option<u64>,
        /// Folders directly inside.
        folders_count: Option<u64>,
        /// The section's `FolderType`.
        root_folder_type: Option<i64>,
    }
    "Everything else DocSpace sent."
}

item_struct! {
    /// A file.
    ///
    /// ```
    /// use docspace_sdk::{FileItem, FileType};
    /// let f: FileItem = serde_json::from_str(r#"{"id":5,"title":"a.xlsx","fileExst":".xlsx","fileType":5}"#).unwrap();
    /// assert_eq!(f.file_type, Some(FileType::Spreadsheet));
    /// ```
    FileItem("file") {
        /// The extension, e.g. `.docx`.
        file_exst: Option<String>,
        /// The kind of file.
        file_type: Option<FileType>,
        /// The folder or room holding it.
        folder_id: Option<ItemId>,
        /// Download URL (needs a session or share key).
        view_url: Option<String>,
        /// URL that opens the file in the browser.
        web_url: Option<String>,
        /// Whether it lies in a room with public links.
        in_public: Option<bool>,
        /// The editor kind: `word`, `cell`, `slide`, `pdf`.
        document_type: Option<String>,
        /// Share links, for public files picked in the file selector.
        request_tokens: Vec<RequestToken>,
    }
    "Everything else DocSpace sent."
}

/// A room, folder or file.
///
/// Selections are always a `Vec<Item>`: the room selector's one-room array and the file
/// selector's single object both arrive this way.
///
/// ```
/// use docspace_sdk::Item;
/// let file = Item::from_json(serde_json::json!({"id": 5, "title": "a.docx", "fileExst": ".docx", "fileType": 7})).unwrap();
/// let room = Item::from_json(serde_json::json!({"id": 9, "title": "Team", "roomType": 2})).unwrap();
/// assert!(matches!(file, Item::File(_)));
/// assert!(matches!(room, Item::Room(_)));
/// assert_eq!(room.title(), "Team");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Item {
    /// A room.
    Room(RoomItem),
    /// A folder.
    Folder(FolderItem),
    /// A file.
    File(FileItem),
}

impl Item {
    /// Decides the kind from the fields DocSpace sends: files have an extension or file type,
    /// rooms a room type, folders neither.
    pub fn from_json(value: Value) -> Result<Item, String> {
        let has = |k: &str| value.get(k).is_some_and(|v| !v.is_null());
        // Read through `as_u64`/`as_bool` rather than compared with a `Value`, which linked
        // serde_json's deep `Value` equality into every page (`2.0` is no `2` either way).
        let field_is = |k: &str, n: u64| value.get(k).and_then(Value::as_u64) == Some(n);
        if has("fileExst") || has("fileType") || field_is("fileEntryType", 2) {
            Item::file(value)
        } else if has("roomType") || value.get("isRoom").and_then(Value::as_bool) == Some(true) {
            Item::room(value)
        } else {
            FolderItem::from_value(with_title(value)).map(Item::Folder)
        }
    }

    /// Decodes a room (whatever fields it has).
    pub fn room(value: Value) -> Result<Item, String> {
        RoomItem::from_value(with_title(value)).map(Item::Room)
    }

    /// Decodes a file (whatever fields it has).
    pub fn file(value: Value) -> Result<Item, String> {
        FileItem::from_value(with_title(value)).map(Item::File)
    }

    /// The id.
    pub fn id(&self) -> &ItemId {
        match self {
            Item::Room(r) => &r.id,
            Item::Folder(f) => &f.id,
            Item::File(f) => &f.id,
        }
    }

    /// The name.
    pub fn title(&self) -> &str {
        match self {
            Item::Room(r) => &r.title,
            Item::Folder(f) => &f.title,
            Item::File(f) => &f.title,
        }
    }

    /// Share links attached by the selectors.
    pub fn request_tokens(&self) -> &[RequestToken] {
        match self {
            Item::Room(r) => &r.request_tokens,
            Item::Folder(_) => &[],
            Item::File(f) => &f.request_tokens,
        }
    }
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Item::from_json(Value::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// Selector items carry their name as `label` too; use it when `title` is missing.
fn with_title(mut value: Value) -> Value {
    if let Value::Object(m) = &mut value
        && m.get("title").is_none_or(Value::is_null)
        && let Some(label) = m.get("label").cloned()
    {
        m.insert("title".into(), label);
    }
    value
}

/// One step of a breadcrumb.
///
/// ```
/// use docspace_sdk::PathPart;
/// let p: PathPart = serde_json::from_str(r#"{"id":1,"title":"Rooms"}"#).unwrap();
/// assert_eq!(p.title, "Rooms");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PathPart {
    /// The folder's id.
    pub id: ItemId,
    /// The folder's name.
    #[serde(default)]
    pub title: String,
    /// Everything else DocSpace sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The folder the manager shows (`getFolderInfo`).
///
/// ```
/// use docspace_sdk::FolderInfo;
/// let f: FolderInfo = serde_json::from_str(r#"{"id":12,"title":"Contracts","roomType":5,"pathParts":[{"id":1,"title":"Rooms"}]}"#).unwrap();
/// assert_eq!(f.path_parts.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FolderInfo {
    /// The folder's id (none at a section's root).
    #[serde(default)]
    pub id: Option<ItemId>,
    /// The folder's name.
    #[serde(default)]
    pub title: Option<String>,
    /// The parent.
    #[serde(default)]
    pub parent_id: Option<ItemId>,
    /// The room type, when the folder is a room.
    #[serde(default)]
    pub room_type: Option<RoomType>,
    /// Whether the folder is a room.
    #[serde(default)]
    pub is_room: Option<bool>,
    /// The section's `FolderType`.
    #[serde(default)]
    pub root_folder_type: Option<i64>,
    /// Breadcrumbs from the section root.
    #[serde(default)]
    pub path_parts: Vec<PathPart>,
    /// Files directly inside.
    #[serde(default)]
    pub files_count: Option<u64>,
    /// Folders directly inside.
    #[serde(default)]
    pub folders_count: Option<u64>,
    /// Tags (rooms).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Everything else DocSpace sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A page of rooms (`getRooms`).
///
/// ```
/// use docspace_sdk::RoomsPage;
/// let p: RoomsPage = serde_json::from_str(r#"{"folders":[{"id":9,"title":"Team","roomType":2}],"total":1}"#).unwrap();
/// assert_eq!(p.folders[0].title, "Team");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoomsPage {
    /// The rooms.
    #[serde(default)]
    pub folders: Vec<RoomItem>,
    /// Files (normally none at the rooms level).
    #[serde(default)]
    pub files: Vec<FileItem>,
    /// The rooms section itself.
    #[serde(default)]
    pub current: Option<FolderItem>,
    /// Breadcrumbs.
    #[serde(default)]
    pub path_parts: Vec<PathPart>,
    /// Rooms matching the filter, across pages.
    #[serde(default)]
    pub total: Option<u64>,
    /// Rooms on this page.
    #[serde(default)]
    pub count: Option<u64>,
    /// Offset of this page.
    #[serde(default)]
    pub start_index: Option<u64>,
    /// Everything else DocSpace sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The manager asks the host to open a file (`onEditorOpen`).
///
/// ```no_run
/// use docspace_sdk::{EditorAction, FrameEvents};
/// let events = FrameEvents::new().on_editor_open(|open| {
///     if open.action == Some(EditorAction::Edit) {
///         println!("edit {}", open.file.title);
///     }
/// });
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EditorOpen {
    /// The file.
    pub file: FileItem,
    /// What the user wants to do (absent after creating a file).
    pub action: Option<EditorAction>,
}

impl EditorOpen {
    /// Decodes the event's payload.
    pub(crate) fn from_json(value: Value) -> Result<EditorOpen, String> {
        let action = value
            .get("action")
            .and_then(Value::as_str)
            .and_then(EditorAction::from_wire);
        let file = FileItem::from_value(with_title(value))?;
        Ok(EditorOpen { file, action })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn room_selector_items_decode_with_share_links() {
        let v = json!({
            "id": 12, "label": "Marketing", "title": "Marketing", "roomType": 6, "shared": true,
            "isFolder": true, "parentId": 2, "filesCount": 3, "foldersCount": 0, "isSelected": true,
            "requestTokens": [{"id": "5b2c", "primary": true, "title": "Link", "requestToken": "tok"}]
        });
        let Ok(Item::Room(r)) = Item::room(v) else {
            panic!("a room");
        };
        assert_eq!(r.id, ItemId::Number(12));
        assert_eq!(r.room_type, Some(RoomType::Public));
        assert_eq!(r.request_tokens[0].request_token.expose(), "tok");
        assert_eq!(r.extra.get("isSelected"), Some(&json!(true)));
    }

    #[test]
    fn file_selector_object_decodes() {
        let v = json!({"id": 812, "title": "Q3.xlsx", "fileExst": ".xlsx", "fileType": 5,
                       "viewUrl": "http://p/filehandler.ashx?action=download&fileid=812",
                       "inPublic": false, "documentType": "cell"});
        let Ok(Item::File(f)) = Item::from_json(v) else {
            panic!("a file");
        };
        assert_eq!(f.file_type, Some(FileType::Spreadsheet));
        assert_eq!(f.document_type.as_deref(), Some("cell"));
    }

    #[test]
    fn label_fills_a_missing_title_and_folders_are_the_rest() {
        let Ok(Item::Folder(f)) =
            Item::from_json(json!({"id": 3, "label": "Drafts", "parentId": 1}))
        else {
            panic!("a folder");
        };
        assert_eq!(f.title, "Drafts");
        assert!(Item::from_json(json!({"title": "no id"})).is_err());
    }
}
