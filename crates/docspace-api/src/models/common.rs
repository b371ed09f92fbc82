//! Wire types shared by every area: ids and secrets (dates: `datetime.rs`).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Declares an id of a file-system entry: an integer for the portal's own storage, a string for
/// third-party storage (`"sbox-12|/path"`), as DocSpace's `…Integer`/`…String` DTOs have it.
macro_rules! entry_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            /// An entry in the portal's own storage.
            Int(i64),
            /// An entry in third-party storage.
            Text(String),
        }

        impl $name {
            /// The integer id, for entries in the portal's own storage.
            pub fn as_int(&self) -> Option<i64> {
                match self {
                    $name::Int(i) => Some(*i),
                    $name::Text(_) => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self {
                    $name::Int(i) => write!(f, "{i}"),
                    $name::Text(s) => f.write_str(s),
                }
            }
        }

        impl From<i64> for $name {
            fn from(v: i64) -> Self {
                $name::Int(v)
            }
        }

        impl From<i32> for $name {
            fn from(v: i32) -> Self {
                $name::Int(v.into())
            }
        }

        impl From<u32> for $name {
            fn from(v: u32) -> Self {
                $name::Int(v.into())
            }
        }

        impl From<&str> for $name {
            fn from(v: &str) -> Self {
                // Numeric strings are the same entry as the integer (DocSpace reads numbers from strings).
                match v.parse::<i64>() {
                    Ok(i) => $name::Int(i),
                    Err(_) => $name::Text(v.to_string()),
                }
            }
        }

        impl From<String> for $name {
            fn from(v: String) -> Self {
                $name::from(v.as_str())
            }
        }

        impl From<&$name> for $name {
            fn from(v: &$name) -> Self {
                v.clone()
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $name::Int(i) => s.serialize_i64(*i),
                    $name::Text(t) => s.serialize_str(t),
                }
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                use $crate::models::macros::IntOrText;
                Ok(match IntOrText::deserialize(d)? {
                    IntOrText::Int(i) => $name::Int(i),
                    IntOrText::Text(t) => $name::from(t),
                })
            }
        }
    };
}

entry_id!(
    /// Id of a folder or a room (rooms are folders).
    ///
    /// ```
    /// use docspace_api::models::FolderId;
    /// assert_eq!(FolderId::from(57), FolderId::Int(57));
    /// assert_eq!(FolderId::from("sbox-1|/docs").to_string(), "sbox-1|/docs");
    /// ```
    FolderId
);

entry_id!(
    /// Id of a file.
    ///
    /// ```
    /// use docspace_api::models::FileId;
    /// assert_eq!(FileId::from("812"), FileId::Int(812));
    /// ```
    FileId
);

/// Id of a room: rooms are folders.
pub type RoomId = FolderId;

/// Declares a GUID- or opaque-string id.
macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as a string.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(v: &str) -> Self {
                $name(v.to_string())
            }
        }

        impl From<String> for $name {
            fn from(v: String) -> Self {
                $name(v)
            }
        }

        impl From<&$name> for $name {
            fn from(v: &$name) -> Self {
                v.clone()
            }
        }
    };
}

string_id!(
    /// A user's GUID.
    ///
    /// ```
    /// use docspace_api::models::UserId;
    /// let id = UserId::from("66faa6e4-f133-11ea-b126-00ffeec8b4ef");
    /// assert_eq!(id.as_str().len(), 36);
    /// ```
    UserId
);
string_id!(
    /// A group's GUID.
    ///
    /// ```
    /// let id = docspace_api::models::GroupId::from("cd84e66b-b803-40fc-99f9-b2969a54a1de");
    /// assert!(!id.as_str().is_empty());
    /// ```
    GroupId
);
string_id!(
    /// An API key's GUID (not the key itself).
    ///
    /// ```
    /// let id = docspace_api::models::ApiKeyId::from("0b8f6a5e-0000-4000-8000-000000000001");
    /// assert_eq!(id.to_string().len(), 36);
    /// ```
    ApiKeyId
);
string_id!(
    /// A share link's GUID.
    ///
    /// ```
    /// let id = docspace_api::models::LinkId::from("0b8f6a5e-0000-4000-8000-000000000002");
    /// assert!(id.as_str().starts_with("0b8f"));
    /// ```
    LinkId
);
string_id!(
    /// A file operation's opaque id.
    ///
    /// ```
    /// let id = docspace_api::models::OperationId::from("5d9c0f");
    /// assert_eq!(id.as_str(), "5d9c0f");
    /// ```
    OperationId
);
string_id!(
    /// A chunked-upload session's opaque id.
    ///
    /// ```
    /// let id = docspace_api::models::UploadSessionId::from("a1b2");
    /// assert_eq!(id.to_string(), "a1b2");
    /// ```
    UploadSessionId
);

/// Whether `s` has the shape of a GUID (`8-4-4-4-12` hex digits).
pub(crate) fn is_guid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A secret string (API key, login token, password): kept out of `Debug` and `Display`.
///
/// ```
/// use docspace_api::models::Secret;
/// let s = Secret::new("sk-abc");
/// assert_eq!(format!("{s:?}"), "Secret(<redacted>)");
/// assert_eq!(s.expose(), "sk-abc");
/// ```
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(s.into())
    }

    /// The secret itself; keep it out of logs and URLs.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Self {
        Secret(s)
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Self {
        Secret(s.to_string())
    }
}

/// Deserialises `null` as the type's default (DocSpace writes `null` for empty lists in places).
pub(crate) fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_ints_or_strings() {
        let ids: Vec<FolderId> = serde_json::from_str(r#"[57, "sbox-12|/a b", "42"]"#).unwrap();
        assert_eq!(
            ids,
            vec![
                FolderId::Int(57),
                FolderId::Text("sbox-12|/a b".into()),
                FolderId::Int(42)
            ]
        );
        assert_eq!(
            serde_json::to_string(&ids).unwrap(),
            r#"[57,"sbox-12|/a b",42]"#
        );
        assert_eq!(FileId::from(7).as_int(), Some(7));
        assert_eq!(FileId::from("x").as_int(), None);
    }

    #[test]
    fn guids_are_recognised() {
        assert!(is_guid("66faa6e4-f133-11ea-b126-00ffeec8b4ef"));
        assert!(!is_guid("66faa6e4-f133-11ea-b126-00ffeec8b4e"));
        assert!(!is_guid("../../etc/passwd"));
        assert!(!is_guid(""));
    }

    #[test]
    fn secrets_stay_out_of_debug() {
        let s = Secret::new("hunter2");
        assert!(!format!("{s:?}").contains("hunter2"));
        let s: Secret = serde_json::from_str("\"tok\"").unwrap();
        assert_eq!(s.expose(), "tok");
    }
}
