//! Settings as the wire carries them, compared and written as JSON text without building
//! `serde_json::Value` trees: the config is turned into JSON on every frame creation and compared
//! on every change, and the generic tree code (maps, sorting, serializers) was a large part of the
//! wasm.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde_json::Value;

/// One setting's value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Wire<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Str(Cow<'a, str>),
    /// JSON text written by this crate (an object or an array): equal texts are equal values.
    Json(String),
}

impl<'a> From<&'a str> for Wire<'a> {
    fn from(s: &'a str) -> Self {
        Wire::Str(Cow::Borrowed(s))
    }
}

impl From<String> for Wire<'_> {
    fn from(s: String) -> Self {
        Wire::Str(Cow::Owned(s))
    }
}

impl From<bool> for Wire<'_> {
    fn from(b: bool) -> Self {
        Wire::Bool(b)
    }
}

impl<'a> From<Option<&'a str>> for Wire<'a> {
    fn from(s: Option<&'a str>) -> Self {
        s.map_or(Wire::Null, Wire::from)
    }
}

impl Wire<'_> {
    /// JavaScript's `String(value)`, `None` for `null` (api.js drops `null` query values).
    pub(crate) fn js_string(&self) -> Option<String> {
        match self {
            Wire::Null => None,
            Wire::Bool(b) => Some(b.to_string()),
            Wire::Int(n) => Some(n.to_string()),
            Wire::Str(s) => Some(s.to_string()),
            Wire::Json(j) => Some(j.clone()),
        }
    }

    /// The value as a JSON tree (for the public `Value`-based API).
    pub(crate) fn to_value(&self) -> Value {
        match self {
            Wire::Null => Value::Null,
            Wire::Bool(b) => Value::Bool(*b),
            Wire::Int(n) => Value::from(*n),
            Wire::Str(s) => Value::String(s.to_string()),
            Wire::Json(j) => crate::bridge::js::parse_json(j).unwrap_or(Value::Null),
        }
    }

    /// Appends the value as JSON.
    pub(crate) fn write(&self, out: &mut String) {
        match self {
            Wire::Null => out.push_str("null"),
            Wire::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Wire::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Wire::Str(s) => write_str(out, s),
            Wire::Json(j) => out.push_str(j),
        }
    }
}

/// Appends `s` as a JSON string. `<` is escaped too, so the text can sit in an HTML `<script>`
/// block without closing it.
pub(crate) fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '<' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `{"key":value,…}` in the given order.
pub(crate) fn write_object<'a>(
    out: &mut String,
    pairs: impl IntoIterator<Item = &'a (&'static str, Wire<'a>)>,
) {
    out.push('{');
    for (i, (k, v)) in pairs.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(out, k);
        out.push(':');
        v.write(out);
    }
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_json_that_reads_back_as_the_same_values() {
        let pairs = [
            ("a", Wire::Null),
            ("b", Wire::Bool(true)),
            ("c", Wire::Int(-7)),
            ("d", Wire::from("q\"\\\n\u{1}</script>é")),
            ("e", Wire::Json(r#"{"x":[1]}"#.into())),
        ];
        let mut s = String::new();
        write_object(&mut s, &pairs);
        assert!(!s.contains('<'), "{s}");
        let v: Value = serde_json::from_str(&s).unwrap_or(Value::Null);
        assert_eq!(
            v,
            serde_json::json!({"a": null, "b": true, "c": -7, "d": "q\"\\\n\u{1}</script>é", "e": {"x": [1]}})
        );
        for (k, w) in &pairs {
            assert_eq!(&w.to_value(), &v[*k]);
        }
    }
}
