//! Small conversions between JSON and JavaScript values.

use serde_json::Value;
use wasm_bindgen::JsValue;

use crate::model::ItemId;

/// A fresh JavaScript value for `v` (objects are new objects: api.js may edit them freely).
/// Built node by node rather than through JSON text, which pulled serde_json's writer into the
/// wasm; objects are made with `Object.fromEntries`, which (like `JSON.parse`) makes every key,
/// `__proto__` included, an own property.
pub(crate) fn to_js(v: &Value) -> JsValue {
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        // What `JSON.parse` makes of the number too.
        Value::Number(n) => JsValue::from_f64(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(to_js).collect::<js_sys::Array>().into(),
        Value::Object(m) => {
            let entries: js_sys::Array = m
                .iter()
                .map(|(k, v)| js_sys::Array::of2(&JsValue::from_str(k), &to_js(v)))
                .collect();
            js_sys::Object::from_entries(&entries)
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL)
        }
    }
}

/// `v` as JSON text, for messages: the browser's `JSON.stringify` in the wasm (no serde_json
/// writer there), serde_json's elsewhere.
pub(crate) fn json_text(v: &Value) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::JSON::stringify(&to_js(v))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        v.to_string()
    }
}

/// A JavaScript value as JSON, the way the frames serialize (`undefined` and functions vanish).
pub(crate) fn from_js(v: &JsValue) -> Value {
    if v.is_undefined() {
        return Value::Null;
    }
    js_sys::JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .and_then(|s| parse_json(&s))
        .unwrap_or(Value::Null)
}

/// How deep a tree [`parse_json`] reads, as serde_json's own limit: deeper text is refused
/// (and the walk's recursion stays bounded).
const MAX_DEPTH: u32 = 128;

/// JSON text as a tree; `None` for text that is not JSON or nests deeper than serde_json reads.
/// In the wasm the browser's `JSON.parse` (the parser api.js itself uses) reads it and its
/// result is walked, which keeps serde_json's text parser out of the wasm; elsewhere serde_json
/// reads it.
pub(crate) fn parse_json(text: &str) -> Option<Value> {
    #[cfg(target_arch = "wasm32")]
    {
        tree(&js_sys::JSON::parse(text).ok()?, 0)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(text).ok()
    }
}

/// What `JSON.parse` returned, as a tree (strings, numbers, booleans, null, arrays and plain
/// objects are all it makes). Numbers read as serde_json reads the text `JSON.stringify`
/// writes for them: whole numbers in range as integers, others as floats.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn tree(v: &JsValue, depth: u32) -> Option<Value> {
    use wasm_bindgen::JsCast;
    if let Some(s) = v.as_string() {
        return Some(Value::String(s));
    }
    if let Some(n) = v.as_f64() {
        return Some(number(n));
    }
    if let Some(b) = v.as_bool() {
        return Some(Value::Bool(b));
    }
    if !v.is_object() {
        return Some(Value::Null);
    }
    if depth >= MAX_DEPTH {
        return None;
    }
    if let Some(items) = v.dyn_ref::<js_sys::Array>() {
        let mut out = Vec::with_capacity(items.length() as usize);
        for item in items.iter() {
            out.push(tree(&item, depth + 1)?);
        }
        return Some(Value::Array(out));
    }
    let mut map = serde_json::Map::new();
    for entry in js_sys::Object::entries(v.unchecked_ref()).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let key = pair.get(0).as_string()?;
        map.insert(key, tree(&pair.get(1), depth + 1)?);
    }
    Some(Value::Object(map))
}

/// A JavaScript number as serde_json reads its `JSON.stringify` text.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn number(n: f64) -> Value {
    // 2^64 and -2^63, exact in f64.
    const U64_END: f64 = 18_446_744_073_709_551_616.0;
    const I64_MIN: f64 = -9_223_372_036_854_775_808.0;
    if n.fract() == 0.0 {
        if (0.0..U64_END).contains(&n) {
            return Value::from(n as u64);
        }
        if (I64_MIN..0.0).contains(&n) {
            return Value::from(n as i64);
        }
    }
    serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
}

/// An id as api.js takes it: a number or a string.
pub(crate) fn id_to_js(id: &ItemId) -> JsValue {
    match id {
        ItemId::Number(n) => JsValue::from_f64(*n as f64),
        ItemId::Text(t) => JsValue::from_str(t),
    }
}

/// `undefined` for `None`, so api.js leaves the key out.
pub(crate) fn opt_id(id: Option<&ItemId>) -> JsValue {
    id.map_or(JsValue::UNDEFINED, id_to_js)
}

/// The name a frame's first `onContentReady` is marked with on the page's performance timeline
/// (`performance.mark`): DevTools shows it, and a benchmark reads the moment the frame showed
/// its content without a hook in the page. The inline bootstrap marks its frames the same way.
pub(crate) fn content_ready_mark(frame_id: &str) -> String {
    ["docspace:content-ready:", frame_id].concat()
}

/// `performance.mark(name)`, if the page has a performance timeline.
pub(crate) fn performance_mark(name: &str) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    // Through Reflect: web-sys' `Performance` would be a feature for one call.
    let Ok(perf) = js_sys::Reflect::get(&window, &"performance".into()) else {
        return;
    };
    if let Ok(mark) = js_sys::Reflect::get(&perf, &"mark".into())
        && let Ok(mark) = mark.dyn_into::<js_sys::Function>()
    {
        let _ = mark.call1(&perf, &name.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // In wasm the browser's `JSON.parse` reads: the same trees are required of it.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn numbers_read_as_serde_json_reads_their_json_text() {
        let cases = [
            (0.0, "0"),
            (-0.0, "0"),
            (7.0, "7"),
            (-7.0, "-7"),
            (1.5, "1.5"),
            (2f64.powi(60), "1152921504606846976"),
            (2f64.powi(64), "18446744073709552000"),
            (-(2f64.powi(63)), "-9223372036854775808"),
            (-(2f64.powi(64)), "-18446744073709552000"),
            (1e300, "1e+300"),
        ];
        for (n, text) in cases {
            let expected: Value = serde_json::from_str(text).unwrap_or(Value::Null);
            assert_eq!(number(n), expected, "{text}");
        }
    }

    #[test]
    fn json_text_reads_as_serde_json_reads_it() {
        for text in [
            r#"{"a":[1,-2,3.5,"x\u00e9",null,true,{"b":{}}],"__proto__":{"c":1},"a":2}"#,
            "[]",
            "\"s\"",
            "null",
            r#"{"type":"onMethodReturn","frameId":"f","methodReturnData":[{"id":5,"title":"a"}]}"#,
        ] {
            let expected: Option<Value> = serde_json::from_str(text).ok();
            assert!(expected.is_some(), "{text}");
            assert_eq!(parse_json(text), expected, "{text}");
        }
        assert_eq!(parse_json("{"), None);
        assert_eq!(parse_json("not json"), None);
        // Nesting serde_json refuses is refused, and the walk stays bounded.
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(parse_json(&deep), None);
    }
}
