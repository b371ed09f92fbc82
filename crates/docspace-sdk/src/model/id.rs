//! Ids of rooms, folders and files: numbers in DocSpace's own storage, strings for third-party
//! storage.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The id of a room, folder or file.
///
/// ```
/// use docspace_sdk::ItemId;
/// assert_eq!(ItemId::from(12).to_string(), "12");
/// assert_eq!(ItemId::from("sbox-3|a1").to_string(), "sbox-3|a1");
/// let id: ItemId = serde_json::from_str("\"7\"").unwrap();
/// assert_eq!(id, ItemId::Number(7)); // numeric strings are numbers
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemId {
    /// A DocSpace id.
    Number(i64),
    /// A third-party storage id.
    Text(String),
}

impl ItemId {
    /// JavaScript truthiness, which api.js uses to decide whether an id was given
    /// (`0` and `""` count as none).
    pub(crate) fn is_truthy(&self) -> bool {
        match self {
            ItemId::Number(n) => *n != 0,
            ItemId::Text(t) => !t.is_empty(),
        }
    }

    /// The id as the wire carries it (a number or a string).
    pub(crate) fn to_wire(&self) -> crate::config::wire::Wire<'_> {
        match self {
            ItemId::Number(n) => crate::config::wire::Wire::Int(*n),
            ItemId::Text(t) => crate::config::wire::Wire::from(t.as_str()),
        }
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ItemId::Number(n) => write!(f, "{n}"),
            ItemId::Text(t) => f.write_str(t),
        }
    }
}

impl From<i64> for ItemId {
    fn from(n: i64) -> Self {
        ItemId::Number(n)
    }
}

impl From<i32> for ItemId {
    fn from(n: i32) -> Self {
        ItemId::Number(n.into())
    }
}

impl From<u32> for ItemId {
    fn from(n: u32) -> Self {
        ItemId::Number(n.into())
    }
}

impl From<&str> for ItemId {
    fn from(s: &str) -> Self {
        s.parse::<i64>()
            .map(ItemId::Number)
            .unwrap_or_else(|_| ItemId::Text(s.to_string()))
    }
}

impl From<String> for ItemId {
    fn from(s: String) -> Self {
        ItemId::from(s.as_str())
    }
}

impl Serialize for ItemId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ItemId::Number(n) => s.serialize_i64(*n),
            ItemId::Text(t) => s.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for ItemId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(IdVisitor)
    }
}

/// A visitor rather than an untagged enum: no buffering of the value, and a fractional number is
/// refused without formatting it (float formatting is a large part of a small wasm).
struct IdVisitor;

impl<'de> serde::de::Visitor<'de> for IdVisitor {
    type Value = ItemId;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an id (an integer or a string)")
    }

    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<ItemId, E> {
        Ok(ItemId::Number(n))
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<ItemId, E> {
        i64::try_from(n)
            .map(ItemId::Number)
            .map_err(|_| E::custom("an id out of range"))
    }

    fn visit_f64<E: serde::de::Error>(self, f: f64) -> Result<ItemId, E> {
        // JavaScript numbers: `7.0` is the id 7.
        if f.fract() == 0.0 && f.abs() < 9.0e15 {
            Ok(ItemId::Number(f as i64))
        } else {
            Err(E::custom("a fractional number is not an id"))
        }
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<ItemId, E> {
        Ok(ItemId::from(s))
    }

    fn visit_string<E: serde::de::Error>(self, s: String) -> Result<ItemId, E> {
        Ok(ItemId::from(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_parse_numbers_and_strings() {
        let n: ItemId = serde_json::from_str("42").unwrap_or(ItemId::Number(0));
        assert_eq!(n, ItemId::Number(42));
        let t: ItemId = serde_json::from_str("\"box|7\"").unwrap_or(ItemId::Number(0));
        assert_eq!(t, ItemId::Text("box|7".into()));
        assert!(serde_json::from_str::<ItemId>("1.5").is_err());
        assert!(!ItemId::Number(0).is_truthy());
        assert!(ItemId::Number(-1).is_truthy());
    }

    #[test]
    fn whole_floats_are_ids_and_everything_else_is_refused() {
        let whole: Result<ItemId, _> = serde_json::from_str("7.0");
        assert_eq!(whole.ok(), Some(ItemId::Number(7)));
        for bad in ["1e300", "18446744073709551615", "true", "null", "[1]"] {
            assert!(serde_json::from_str::<ItemId>(bad).is_err(), "{bad}");
        }
        let v: Result<Vec<ItemId>, _> = serde_json::from_value(serde_json::json!([5, "6", "a|b"]));
        assert_eq!(
            v.ok(),
            Some(vec![
                ItemId::Number(5),
                ItemId::Number(6),
                ItemId::Text("a|b".into())
            ])
        );
    }
}
