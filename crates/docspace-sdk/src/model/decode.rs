//! Rooms, folders and files decoded from a JSON object by hand: the derived decoders with
//! `#[serde(flatten)] extra` buffer every field through serde's `Content` and were several times
//! the size of these few lines in the wasm. The rules are serde's for the derived types: a
//! missing field takes its default, `null` is `None` for optional fields and an error for the
//! others, unknown fields go to `extra`.

use serde::de::{Deserialize, Deserializer, Error as _};
use serde_json::{Map, Value};

use super::item::{FileItem, FolderItem, RequestToken, RoomItem};
use super::{FileType, ItemId};
use crate::config::{RoomType, ShareKey};

/// The fields of one object: the named ones in slots, the rest in `extra`. One pass over the
/// object (taking fields out of the map one by one pulled map removal into the wasm).
struct Fields {
    keys: &'static [&'static str],
    slots: Vec<Option<Value>>,
    extra: Map<String, Value>,
}

type Res<T> = Result<T, String>;

fn wrong(key: &str, want: &str) -> String {
    format!("invalid type for `{key}`: expected {want}")
}

impl Fields {
    /// A field as sent (`None`: absent).
    fn take(&mut self, key: &str) -> Option<Value> {
        // Every decoder asks for each of its keys, so the tests catch a key missing here.
        debug_assert!(self.keys.contains(&key), "`{key}` is not in the key list");
        let i = self.keys.iter().position(|k| *k == key)?;
        self.slots.get_mut(i)?.take()
    }

    /// A field with a value (`None`: absent or `null`).
    fn value(&mut self, key: &str) -> Option<Value> {
        self.take(key).filter(|v| !v.is_null())
    }

    /// A non-optional field: absent is its default, `null` an error.
    fn present(&mut self, key: &str, want: &str) -> Res<Option<Value>> {
        match self.take(key) {
            Some(Value::Null) => Err(wrong(key, want)),
            other => Ok(other),
        }
    }

    fn id(&mut self, key: &str) -> Res<ItemId> {
        match self.take(key) {
            None => Err(format!("missing field `{key}`")),
            Some(v) => id_of(&v).ok_or_else(|| wrong(key, "an id")),
        }
    }

    fn opt_id(&mut self, key: &str) -> Res<Option<ItemId>> {
        self.value(key)
            .map(|v| id_of(&v).ok_or_else(|| wrong(key, "an id")))
            .transpose()
    }

    fn string(&mut self, key: &str) -> Res<String> {
        match self.present(key, "a string")? {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s),
            Some(_) => Err(wrong(key, "a string")),
        }
    }

    fn opt_string(&mut self, key: &str) -> Res<Option<String>> {
        match self.value(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(wrong(key, "a string")),
        }
    }

    fn opt_u64(&mut self, key: &str) -> Res<Option<u64>> {
        self.value(key)
            .map(|v| v.as_u64().ok_or_else(|| wrong(key, "a count")))
            .transpose()
    }

    fn opt_i64(&mut self, key: &str) -> Res<Option<i64>> {
        self.value(key)
            .map(|v| v.as_i64().ok_or_else(|| wrong(key, "an integer")))
            .transpose()
    }

    fn opt_bool(&mut self, key: &str) -> Res<Option<bool>> {
        self.value(key)
            .map(|v| v.as_bool().ok_or_else(|| wrong(key, "a boolean")))
            .transpose()
    }

    fn strings(&mut self, key: &str) -> Res<Vec<String>> {
        match self.present(key, "a list of strings")? {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .into_iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s),
                    _ => Err(wrong(key, "a list of strings")),
                })
                .collect(),
            Some(_) => Err(wrong(key, "a list of strings")),
        }
    }

    fn tokens(&mut self, key: &str) -> Res<Vec<RequestToken>> {
        match self.present(key, "a list of links")? {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .into_iter()
                .map(|v| RequestToken::from_value(v).map_err(|e| format!("`{key}`: {e}")))
                .collect(),
            Some(_) => Err(wrong(key, "a list of links")),
        }
    }

    fn bool(&mut self, key: &str) -> Res<bool> {
        match self.present(key, "a boolean")? {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(b),
            Some(_) => Err(wrong(key, "a boolean")),
        }
    }

    fn room_type(&mut self, key: &str) -> Res<Option<RoomType>> {
        self.value(key)
            .map(|v| room_type_of(&v).ok_or_else(|| wrong(key, "a room type")))
            .transpose()
    }

    fn file_type(&mut self, key: &str) -> Res<Option<FileType>> {
        self.value(key)
            .map(|v| {
                v.as_i64()
                    .map(FileType::from_code)
                    .ok_or_else(|| wrong(key, "a file type"))
            })
            .transpose()
    }
}

/// An id as `ItemId`'s `Deserialize` reads it (an integer, a whole float, a string), read off
/// the tree directly: going through serde's `Deserializer` for `Value` pulled its error
/// formatting into the wasm.
fn id_of(v: &Value) -> Option<ItemId> {
    match v {
        Value::String(s) => Some(ItemId::from(s.as_str())),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => Some(ItemId::Number(i)),
            // Beyond `i64`.
            (None, Some(_), _) => None,
            // JavaScript numbers: `7.0` is the id 7.
            (None, None, Some(f)) if f.fract() == 0.0 && f.abs() < 9.0e15 => {
                Some(ItemId::Number(f as i64))
            }
            _ => None,
        },
        _ => None,
    }
}

/// A room type as its `Deserialize` reads it: an `i32`, or a string holding a number or a name.
fn room_type_of(v: &Value) -> Option<RoomType> {
    match v {
        Value::Number(n) => {
            let n = i32::try_from(n.as_i64()?).ok()?;
            Some(RoomType::from_value(n))
        }
        Value::String(s) => {
            let s = s.trim();
            match s.parse::<i32>() {
                Ok(n) => Some(RoomType::from_value(n)),
                Err(_) => RoomType::from_name(s),
            }
        }
        _ => None,
    }
}

/// The object's fields named in `keys`, or an error for anything but an object.
fn fields(value: Value, what: &str, keys: &'static [&'static str]) -> Res<Fields> {
    let Value::Object(m) = value else {
        return Err(format!("invalid type: expected {what}"));
    };
    let mut f = Fields {
        keys,
        slots: vec![None; keys.len()],
        extra: Map::new(),
    };
    for (k, v) in m {
        match keys.iter().position(|key| *key == k) {
            Some(i) => f.slots[i] = Some(v),
            None => {
                f.extra.insert(k, v);
            }
        }
    }
    Ok(f)
}

impl RequestToken {
    /// Decodes a share link from a JSON object.
    pub(crate) fn from_value(value: Value) -> Res<RequestToken> {
        let mut f = fields(
            value,
            "struct RequestToken",
            &["id", "primary", "title", "requestToken"],
        )?;
        let id = f.opt_id("id")?;
        let primary = f.bool("primary")?;
        let title = f.opt_string("title")?;
        let request_token = match f.take("requestToken") {
            Some(Value::String(s)) => ShareKey::new(s),
            None => return Err("missing field `requestToken`".into()),
            Some(_) => return Err(wrong("requestToken", "a string")),
        };
        // Unknown fields are ignored, as by the derived decoder.
        Ok(RequestToken {
            id,
            primary,
            title,
            request_token,
        })
    }
}

impl RoomItem {
    /// Decodes a room from a JSON object.
    pub(crate) fn from_value(value: Value) -> Res<RoomItem> {
        let mut f = fields(
            value,
            "struct RoomItem",
            &[
                "id",
                "title",
                "roomType",
                "parentId",
                "filesCount",
                "foldersCount",
                "shared",
                "tags",
                "icon",
                "requestTokens",
            ],
        )?;
        Ok(RoomItem {
            id: f.id("id")?,
            title: f.string("title")?,
            room_type: f.room_type("roomType")?,
            parent_id: f.opt_id("parentId")?,
            files_count: f.opt_u64("filesCount")?,
            folders_count: f.opt_u64("foldersCount")?,
            shared: f.opt_bool("shared")?,
            tags: f.strings("tags")?,
            icon: f.opt_string("icon")?,
            request_tokens: f.tokens("requestTokens")?,
            extra: f.extra,
        })
    }
}

impl FolderItem {
    /// Decodes a folder from a JSON object.
    pub(crate) fn from_value(value: Value) -> Res<FolderItem> {
        let mut f = fields(
            value,
            "struct FolderItem",
            &[
                "id",
                "title",
                "parentId",
                "filesCount",
                "foldersCount",
                "rootFolderType",
            ],
        )?;
        Ok(FolderItem {
            id: f.id("id")?,
            title: f.string("title")?,
            parent_id: f.opt_id("parentId")?,
            files_count: f.opt_u64("filesCount")?,
            folders_count: f.opt_u64("foldersCount")?,
            root_folder_type: f.opt_i64("rootFolderType")?,
            extra: f.extra,
        })
    }
}

impl FileItem {
    /// Decodes a file from a JSON object.
    pub(crate) fn from_value(value: Value) -> Res<FileItem> {
        let mut f = fields(
            value,
            "struct FileItem",
            &[
                "id",
                "title",
                "fileExst",
                "fileType",
                "folderId",
                "viewUrl",
                "webUrl",
                "inPublic",
                "documentType",
                "requestTokens",
            ],
        )?;
        Ok(FileItem {
            id: f.id("id")?,
            title: f.string("title")?,
            file_exst: f.opt_string("fileExst")?,
            file_type: f.file_type("fileType")?,
            folder_id: f.opt_id("folderId")?,
            view_url: f.opt_string("viewUrl")?,
            web_url: f.opt_string("webUrl")?,
            in_public: f.opt_bool("inPublic")?,
            document_type: f.opt_string("documentType")?,
            request_tokens: f.tokens("requestTokens")?,
            extra: f.extra,
        })
    }
}

/// `Deserialize` through a JSON object, for each item type.
macro_rules! deserialize_via_value {
    ($($t:ty),+) => {$(
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <$t>::from_value(Value::deserialize(d)?).map_err(D::Error::custom)
            }
        }
    )+};
}

deserialize_via_value!(RequestToken, RoomItem, FolderItem, FileItem);

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn known_fields_are_typed_and_the_rest_is_extra() {
        let r = RoomItem::from_value(json!({
            "id": "12", "title": "Team", "roomType": 2, "parentId": null, "filesCount": 3,
            "shared": true, "tags": ["a"], "logo": {"small": "/s.png"}, "isSelected": false
        }));
        let Ok(r) = r else { panic!("{r:?}") };
        assert_eq!(r.id, ItemId::Number(12));
        assert_eq!(r.room_type, Some(RoomType::Editing));
        assert_eq!(
            (r.parent_id, r.files_count, r.folders_count),
            (None, Some(3), None)
        );
        assert_eq!(r.tags, vec!["a".to_string()]);
        assert_eq!(r.extra.len(), 2);
        assert_eq!(r.extra["logo"]["small"], "/s.png");
        let f = FileItem::from_value(json!({"id": 5.0, "fileType": 7, "folderId": "box|1"}));
        let Ok(f) = f else { panic!("{f:?}") };
        assert_eq!((f.id, f.title.as_str()), (ItemId::Number(5), ""));
        assert_eq!(f.file_type, Some(FileType::Document));
        assert_eq!(f.folder_id, Some(ItemId::Text("box|1".into())));
        assert!(f.extra.is_empty());
    }

    #[test]
    fn wrong_shapes_are_refused_as_serde_would() {
        for bad in [
            json!({"title": "no id"}),
            json!({"id": 1, "title": null}),
            json!({"id": 1, "title": 5}),
            json!({"id": 1, "filesCount": -1}),
            json!({"id": 1.5}),
            json!({"id": 1, "tags": [1]}),
            json!({"id": 1, "requestTokens": [{"id": 1}]}),
            json!([1]),
        ] {
            assert!(RoomItem::from_value(bad.clone()).is_err(), "{bad}");
        }
        assert!(FolderItem::from_value(json!({"id": 1, "rootFolderType": "x"})).is_err());
        for bad in [
            json!({"id": 1}),
            json!({"requestToken": 5}),
            json!({"requestToken": "k", "primary": null}),
            json!({"requestToken": "k", "id": true}),
        ] {
            assert!(RequestToken::from_value(bad.clone()).is_err(), "{bad}");
        }
        let t = RequestToken::from_value(json!({"requestToken": "k", "x": 1}));
        assert!(t.is_ok_and(|t| !t.primary && t.id.is_none() && t.request_token.expose() == "k"));
        assert!(FileItem::from_value(json!({"id": 1, "inPublic": "yes"})).is_err());
    }

    #[test]
    fn ids_and_types_read_as_their_deserialize_impls() {
        for v in [
            json!(7),
            json!(-7),
            json!(7.0),
            json!(7.5),
            json!(9.1e15),
            json!(u64::MAX),
            json!(2_147_483_648_i64),
            json!("box|7"),
            json!("7"),
            json!(" 5 "),
            json!("Custom"),
            json!("customroom"),
            json!("nope"),
            json!(true),
            json!(null),
            json!([1]),
            json!({}),
        ] {
            assert_eq!(id_of(&v), ItemId::deserialize(v.clone()).ok(), "{v}");
            assert_eq!(
                room_type_of(&v),
                RoomType::deserialize(v.clone()).ok(),
                "{v}"
            );
            assert_eq!(
                v.as_i64().map(FileType::from_code),
                FileType::deserialize(v.clone()).ok(),
                "{v}"
            );
        }
    }

    #[test]
    fn deserialize_reads_the_same_from_text() {
        let text = r#"{"id":3,"title":"Drafts","parentId":9,"pinned":true}"#;
        let f: Result<FolderItem, _> = serde_json::from_str(text);
        assert_eq!(
            f.ok(),
            FolderItem::from_value(serde_json::from_str(text).unwrap_or(Value::Null)).ok()
        );
        assert!(serde_json::from_str::<FileItem>(r#"{"title":"x"}"#).is_err());
    }
}
