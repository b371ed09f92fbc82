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
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Null)
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
    format!("docspace:content-ready:{frame_id}")
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
