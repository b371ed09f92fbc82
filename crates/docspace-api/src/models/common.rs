//! Wire types shared by every area: ids, `ApiDateTime`, secrets.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDateTime, SecondsFormat, TimeZone, Utc};
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

/// A date and time as DocSpace sends it (`ApiDateTime`): the portal's local time with its offset,
/// 7 fractional digits, `Z` for offset zero (`2024-01-01T03:00:00.0000000+03:00`).
///
/// DocSpace prints "no date" as `0001-01-01T00:00:00.0000000Z`; [`ApiDateTime::is_unset`] tells.
/// Plain .NET `DateTime` strings without an offset (upload sessions) are read as UTC.
///
/// ```
/// use docspace_api::models::ApiDateTime;
/// let t: ApiDateTime = "2024-01-01T03:00:00.0000000+03:00".parse()?;
/// assert_eq!(t.timestamp(), 1704067200);
/// assert_eq!(t.to_string(), "2024-01-01T03:00:00.0000000+03:00");
/// # Ok::<(), docspace_api::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ApiDateTime(pub DateTime<FixedOffset>);

impl ApiDateTime {
    /// The instant with the offset the portal gave.
    pub fn as_datetime(&self) -> DateTime<FixedOffset> {
        self.0
    }

    /// The instant in UTC.
    pub fn to_utc(&self) -> DateTime<Utc> {
        self.0.with_timezone(&Utc)
    }

    /// Seconds since the Unix epoch.
    pub fn timestamp(&self) -> i64 {
        self.0.timestamp()
    }

    /// DocSpace's "no date" (`0001-01-01T00:00:00Z`).
    pub fn is_unset(&self) -> bool {
        self.0.timestamp() == UNSET_TIMESTAMP
    }

    /// `secs` seconds after the Unix epoch, in UTC.
    pub fn from_timestamp(secs: i64) -> Option<ApiDateTime> {
        let utc = Utc.timestamp_opt(secs, 0).single()?;
        Some(ApiDateTime(utc.fixed_offset()))
    }

    /// Parses DocSpace's formats: RFC 3339 with any number of fractional digits, or an ISO
    /// date-time without offset (read as UTC), or a bare `yyyy-MM-dd`.
    pub fn parse(s: &str) -> Result<ApiDateTime, crate::Error> {
        let s = s.trim();
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Ok(ApiDateTime(t));
        }
        if let Ok(t) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
            return Ok(ApiDateTime(t.and_utc().fixed_offset()));
        }
        if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            && let Some(t) = d.and_hms_opt(0, 0, 0)
        {
            return Ok(ApiDateTime(t.and_utc().fixed_offset()));
        }
        Err(crate::Error::invalid(
            "date",
            format!("`{s}` is not an ISO 8601 date-time"),
        ))
    }
}

/// `0001-01-01T00:00:00Z` as a Unix timestamp.
const UNSET_TIMESTAMP: i64 = -62_135_596_800;

impl std::str::FromStr for ApiDateTime {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ApiDateTime::parse(s)
    }
}

impl From<DateTime<FixedOffset>> for ApiDateTime {
    fn from(t: DateTime<FixedOffset>) -> Self {
        ApiDateTime(t)
    }
}

impl From<DateTime<Utc>> for ApiDateTime {
    fn from(t: DateTime<Utc>) -> Self {
        ApiDateTime(t.fixed_offset())
    }
}

impl fmt::Display for ApiDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // 7 fractional digits like .NET's "o" format; chrono prints 9 with Nanos, so trim two.
        let base = self.0.format("%Y-%m-%dT%H:%M:%S").to_string();
        let frac = self.0.timestamp_subsec_nanos() / 100;
        let rfc = self.0.to_rfc3339_opts(SecondsFormat::Secs, true);
        let offset = if self.0.offset().local_minus_utc() == 0 {
            "Z"
        } else {
            &rfc[rfc.len() - 6..]
        };
        write!(f, "{base}.{frac:07}{offset}")
    }
}

impl Serialize for ApiDateTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ApiDateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ApiDateTime::parse(&s).map_err(serde::de::Error::custom)
    }
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
    fn dates_parse_every_docspace_form() {
        let z: ApiDateTime = "2024-01-01T00:00:00.0000000Z".parse().unwrap();
        let off: ApiDateTime = "2024-01-01T03:00:00.0000000+03:00".parse().unwrap();
        assert_eq!(z.timestamp(), off.timestamp());
        assert_eq!(off.as_datetime().offset().local_minus_utc(), 3 * 3600);
        let plain: ApiDateTime = "2024-01-01T00:00:00.1234567".parse().unwrap();
        assert_eq!(plain.timestamp(), z.timestamp());
        assert_eq!(plain.as_datetime().timestamp_subsec_nanos(), 123_456_700);
        let day: ApiDateTime = "2024-01-01".parse().unwrap();
        assert_eq!(day.timestamp(), z.timestamp());
        assert!(ApiDateTime::parse("yesterday").is_err());
    }

    #[test]
    fn dates_print_like_dotnet() {
        let t: ApiDateTime = "2024-05-02T10:11:12.5Z".parse().unwrap();
        assert_eq!(t.to_string(), "2024-05-02T10:11:12.5000000Z");
        let t: ApiDateTime = "2024-05-02T10:11:12.0000001-05:30".parse().unwrap();
        assert_eq!(t.to_string(), "2024-05-02T10:11:12.0000001-05:30");
        let json = serde_json::to_string(&t).unwrap();
        let back: ApiDateTime = serde_json::from_str(&json).unwrap();
        assert_eq!(back, t);
    }

    #[test]
    fn the_zero_date_is_unset() {
        let t: ApiDateTime = "0001-01-01T00:00:00.0000000Z".parse().unwrap();
        assert!(t.is_unset());
        let t: ApiDateTime = "2001-01-01T00:00:00.0000000Z".parse().unwrap();
        assert!(!t.is_unset());
        assert_eq!(
            ApiDateTime::from_timestamp(0).unwrap().to_string(),
            "1970-01-01T00:00:00.0000000Z"
        );
    }

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
