//! How DocSpace enums travel, and the generators that give each enum its wire form.
//!
//! DocSpace enums travel as integers (sometimes as names), and a newer portal may send a value
//! this crate does not know yet, which must never break decoding. The macros are exported (hidden)
//! so `docspace-api` declares its other enums the same way.

/// An integer-valued DocSpace enum with an `Unknown(i32)` fallback.
///
/// Serialises as the integer. Deserialises from the integer, a numeric string (DocSpace reads
/// numbers from strings) or the DocSpace name (case-insensitive, as the portal binds names).
#[doc(hidden)]
#[macro_export]
macro_rules! int_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal => $wire:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this client does not know (sent by a newer portal).
            Unknown(i32),
        }

        impl $name {
            /// Every known value, in DocSpace's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The integer DocSpace uses for this value.
            pub const fn value(self) -> i32 {
                match self {
                    $( $name::$variant => $value, )+
                    $name::Unknown(v) => v,
                }
            }

            /// The value for DocSpace's integer; unknown integers become `Unknown`.
            pub const fn from_value(v: i32) -> Self {
                match v {
                    $( $value => $name::$variant, )+
                    other => $name::Unknown(other),
                }
            }

            /// DocSpace's name for this value (`None` for `Unknown`).
            pub const fn name(self) -> Option<&'static str> {
                match self {
                    $( $name::$variant => Some($wire), )+
                    $name::Unknown(_) => None,
                }
            }

            /// The value named `name` (case-insensitive), if this client knows it.
            pub fn from_name(name: &str) -> Option<Self> {
                $( if name.eq_ignore_ascii_case($wire) { return Some($name::$variant); } )+
                None
            }
        }

        impl From<i32> for $name {
            fn from(v: i32) -> Self {
                $name::from_value(v)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match self.name() {
                    Some(n) => f.write_str(n),
                    None => write!(f, "{}", self.value()),
                }
            }
        }

        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_i32(self.value())
            }
        }

        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                match <$crate::wire::IntOrName as $crate::__serde::Deserialize>::deserialize(d)? {
                    $crate::wire::IntOrName::Int(v) => Ok($name::from_value(v)),
                    $crate::wire::IntOrName::Name(s) => match s.trim().parse::<i32>() {
                        Ok(v) => Ok($name::from_value(v)),
                        Err(_) => $name::from_name(s.trim()).ok_or_else(|| {
                            <D::Error as $crate::__serde::de::Error>::custom(format!(
                                "unknown {} name `{s}`",
                                stringify!($name)
                            ))
                        }),
                    },
                }
            }
        }
    };
}

/// A DocSpace enum that travels as its name, with an `Unknown(String)` fallback.
///
/// Serialises as the name. Deserialises from the name (case-insensitive, with aliases), or from the
/// integer where DocSpace also has one.
#[doc(hidden)]
#[macro_export]
macro_rules! str_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $wire:literal $(| $alias:literal)* $(= $value:literal)? ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A name this client does not know (sent by a newer portal).
            Unknown(String),
        }

        impl $name {
            /// Every known value.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name DocSpace uses for this value.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Unknown(s) => s,
                }
            }

            /// The value named `name` (case-insensitive, older names included); unknown names
            /// become `Unknown`.
            pub fn from_name(name: &str) -> Self {
                $(
                    if name.eq_ignore_ascii_case($wire) $(|| name.eq_ignore_ascii_case($alias))* {
                        return $name::$variant;
                    }
                )+
                $name::Unknown(name.to_string())
            }

            /// The value for DocSpace's integer, for enums that have one.
            #[allow(unreachable_code, unused_variables)]
            pub fn from_value(v: i64) -> Self {
                $( $( if v == $value { return $name::$variant; } )? )+
                $name::Unknown(v.to_string())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                match <$crate::wire::IntOrName as $crate::__serde::Deserialize>::deserialize(d)? {
                    $crate::wire::IntOrName::Int(v) => Ok($name::from_value(v.into())),
                    $crate::wire::IntOrName::Name(s) => Ok($name::from_name(&s)),
                }
            }
        }
    };
}

/// A bit set of DocSpace flags, kept as the raw integer so unknown bits survive.
#[doc(hidden)]
#[macro_export]
macro_rules! flags {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$vmeta:meta])* const $flag:ident = $value:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct $name(pub u32);

        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_u32(self.0)
            }
        }

        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <u32 as $crate::__serde::Deserialize>::deserialize(d).map($name)
            }
        }

        impl $name {
            $( $(#[$vmeta])* pub const $flag: $name = $name($value); )+

            /// No flag set.
            pub const EMPTY: $name = $name(0);

            /// Whether every bit of `other` is set.
            pub const fn contains(self, other: $name) -> bool {
                self.0 & other.0 == other.0
            }

            /// The union of both sets.
            pub const fn union(self, other: $name) -> $name {
                $name(self.0 | other.0)
            }
        }

        impl std::ops::BitOr for $name {
            type Output = $name;
            fn bitor(self, rhs: $name) -> $name {
                self.union(rhs)
            }
        }
    };
}

/// Wire form of ids and enums: an integer or a string.
///
/// A hand-written visitor rather than `#[serde(untagged)]`: untagged enums buffer the value in
/// serde's `Content` and decode it a second time, code that every id and enum would pull into the
/// wasm.
pub enum IntOrText {
    /// An integer.
    Int(i64),
    /// A string.
    Text(String),
}

struct IntOrTextVisitor;

impl serde::de::Visitor<'_> for IntOrTextVisitor {
    type Value = IntOrText;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an integer or a string")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<IntOrText, E> {
        Ok(IntOrText::Int(v))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<IntOrText, E> {
        i64::try_from(v)
            .map(IntOrText::Int)
            .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<IntOrText, E> {
        Ok(IntOrText::Text(v.to_string()))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<IntOrText, E> {
        Ok(IntOrText::Text(v))
    }
}

impl<'de> serde::Deserialize<'de> for IntOrText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(IntOrTextVisitor)
    }
}

/// Wire form of an enum: an `i32` or a string.
pub enum IntOrName {
    /// An integer.
    Int(i32),
    /// A name (or a number written as a string).
    Name(String),
}

impl<'de> serde::Deserialize<'de> for IntOrName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match IntOrText::deserialize(d)? {
            IntOrText::Int(v) => i32::try_from(v).map(IntOrName::Int).map_err(|_| {
                serde::de::Error::invalid_value(
                    serde::de::Unexpected::Signed(v),
                    &"an i32 or a name",
                )
            }),
            IntOrText::Text(s) => Ok(IntOrName::Name(s)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{IntOrName, IntOrText};

    #[test]
    fn wire_values_are_integers_or_strings() {
        let parse = |j: &str| serde_json::from_str::<IntOrText>(j);
        assert!(matches!(parse("-7"), Ok(IntOrText::Int(-7))));
        assert!(matches!(
            parse("9223372036854775807"),
            Ok(IntOrText::Int(i64::MAX))
        ));
        assert!(matches!(parse(r#""a\"b""#), Ok(IntOrText::Text(t)) if t == "a\"b"));
        for bad in ["9223372036854775808", "1.5", "true", "null", "[]", "{}"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        let name = |j: &str| serde_json::from_str::<IntOrName>(j);
        assert!(matches!(name("2147483647"), Ok(IntOrName::Int(i32::MAX))));
        assert!(matches!(name(r#""Custom""#), Ok(IntOrName::Name(n)) if n == "Custom"));
        assert!(name("2147483648").is_err());
    }
}
